"""From a folder to the browser on the real pipeline: ingest the sample article (or, without ../shared,
a Dutch article of our own), serve it, read it and search it. Asserts only what the foundation
guarantees (text, paragraphs, search), so it holds whatever layers the stages produce today."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kroniek.batch import ingest
from kroniek.ingest import read_inputs
from kroniek.pipeline import SUPPORTED_LANGUAGES
from kroniek.store import open_store

SAMPLES = Path(__file__).parents[2] / ".." / "shared" / "samples"
OWN_ARTICLE = (
    "De burgemeester van Utrecht heeft maandag de nieuwe fietsenstalling bij het station geopend. "
    "Volgens de gemeente is er plaats voor twaalfduizend fietsen.\n\n"
    "Bewoners klagen al jaren over fietsen op de stoep. ,,Eindelijk is er ruimte”, zei een buurtbewoner."
)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, nlp) -> tuple[Path, str]:
    """A store with the sample article ingested through the real pipeline, and a word it contains."""
    folder = SAMPLES if SAMPLES.is_dir() else tmp_path_factory.mktemp("artikelen")
    if folder is not SAMPLES:
        (folder / "fietsenstalling.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    items = (item.model_copy(update={"published": dt.date(2023, 9, 12)}) if hasattr(item, "text") else item
             for item in read_inputs([str(folder)], SUPPORTED_LANGUAGES))
    db = tmp_path_factory.mktemp("e2e") / "kroniek.db"
    with open_store(db) as store:
        summary = ingest(items, store, nlp)
    assert summary.stored >= 1
    return db, "Vladivostok" if folder is SAMPLES else "fietsenstalling"


def test_an_ingested_folder_can_be_read_and_searched_in_the_browser(ingested, live_server, browser, screenshot):
    from playwright.sync_api import expect

    db, word = ingested
    with live_server(db) as live:
        page = browser.new_page(base_url=live.url, viewport={"width": 1300, "height": 900})
        page.goto("/")
        page.fill("header input[name=q]", word.lower())
        page.press("header input[name=q]", "Enter")
        page.locator("ol.hits a").first.click()
        expect(page.locator("#text")).to_contain_text(word)
        if page.locator("#text .hl-claim").count():
            page.locator("#text .hl-claim").first.click()
            expect(page.locator(".detail.shown")).to_be_visible()
        screenshot(page, "end-to-end-reader")
        page.close()


def test_kroniek_serve_prints_the_url_it_bound_and_answers_there(ingested):
    db, _ = ingested
    server = subprocess.Popen([sys.executable, "-m", "kroniek", "serve", "--db", str(db), "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        page = _get_when_up(url + "api/articles")
        assert page["total"] >= 1 and page["items"][0]["n_words"] > 20
    finally:
        server.terminate()
        server.wait(timeout=20)


def _get_when_up(url: str, tries: int = 100) -> dict:
    for _ in range(tries - 1):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            time.sleep(0.1)
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


def test_kroniek_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from kroniek.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "geen.db")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_kroniek_serve_refuses_a_file_that_is_no_store(tmp_path):
    from click.testing import CliRunner

    from kroniek.cli import cli

    not_a_store = tmp_path / "notities.db"
    not_a_store.write_text("boodschappen: brood, kaas", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", "--db", str(not_a_store), "--port", "0"])
    assert result.exit_code == 1 and "cannot open the store" in result.output
