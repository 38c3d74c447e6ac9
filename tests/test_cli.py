"""End-to-end: the installed `kroniek` script, run as a user runs it, in a subprocess."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .articlegen import article

KRONIEK = [sys.executable, "-m", "kroniek"]
N_ARTICLES = 500
EXACT_REPEATS_ONLY = ("--near-duplicates", "1")
"""The generated articles are drawn from eight sentence templates, so many share a third of their word
shingles; the tests that count them keep out exact repeats only."""
BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 64,
    "english.txt": b"The council decided on Tuesday that the old bridge will be demolished next spring, "
                   b"and the mayor said there was no other choice after years of repairs.",
    "menu.html": b"<html><body><nav><a href='/'>Home</a> <a href='/x'>Over ons</a></nav></body></html>",
}
EXPECTED_SKIPS = {"empty": 1, "binary file": 1, "unsupported language": 1, "no article in HTML": 1,
                  "too large": 1}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*KRONIEK, *args], input=stdin, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder of generated Dutch articles plus one of each bad input."""
    folder = tmp_path_factory.mktemp("corpus")
    for seed in range(N_ARTICLES):
        (folder / f"bericht-{seed:03d}.txt").write_text(article(seed), encoding="utf-8")
    for name, content in BAD_INPUTS.items():
        (folder / name).write_bytes(content)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50_000_000)
    return folder


def test_analyze_sample_prints_an_article(sample_path):
    result = run("analyze", str(sample_path), "--published", "2023-09-12", "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["published"] == "2023-09-12" and article["language"] == "nl"
    assert article["produced_by"]["kroniek"] and article["produced_by"]["model"]
    assert len(article["paragraphs"]) == 8 and len(article["sentences"]) >= 20
    assert all(article["text"][s["start"]:s["end"]] == s["text"] for s in article["sentences"])


def test_analyze_reads_stdin_and_prints_jsonl():
    result = run("analyze", "-", "--format", "jsonl", stdin=article(1))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["text"] == article(1)


def test_analyze_table_view(sample_path):
    result = run("analyze", str(sample_path), "--format", "table")
    assert result.returncode == 0 and "words" in result.stdout


def test_analyze_bad_input_is_one_line_and_exit_1(tmp_path):
    (tmp_path / "leeg.txt").write_text("")
    result = run("analyze", str(tmp_path / "leeg.txt"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"skipped {tmp_path / 'leeg.txt'}: empty (no text)"]


@pytest.mark.parametrize("args", [["analyze"], ["analyze", "x.txt", "--published", "gisteren"], ["nope"]])
def test_usage_errors_exit_2(args):
    assert run(*args).returncode == 2


def test_schema_is_json():
    assert "properties" in json.loads(run("schema").stdout)


def _stored(db: Path) -> tuple[int, int]:
    connection = sqlite3.connect(db)
    total, distinct = connection.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
    connection.close()
    return total, distinct


def test_ingest_counts_and_is_idempotent(corpus, tmp_path):
    db = tmp_path / "k.db"
    first = run("ingest", str(corpus), "--db", str(db), *EXACT_REPEATS_ONLY)
    assert first.returncode == 1, first.stderr
    skips = ", ".join(f"{reason}: {n}" for reason, n in sorted(EXPECTED_SKIPS.items()))
    assert first.stderr.strip().endswith(
        f"read {N_ARTICLES + 5}, stored {N_ARTICLES}, already present 0, near-duplicates 0, skipped 5 ({skips})")
    again = run("ingest", str(corpus), "--db", str(db), *EXACT_REPEATS_ONLY)
    assert f"stored 0, already present {N_ARTICLES}" in again.stderr
    assert _stored(db) == (N_ARTICLES, N_ARTICLES)


def test_ingest_killed_halfway_then_rerun_stores_each_article_once(corpus, tmp_path):
    db = tmp_path / "k.db"
    process = subprocess.Popen([*KRONIEK, "ingest", str(corpus), "--db", str(db), "--batch-size", "16", *EXACT_REPEATS_ONLY],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (db.exists() and _safe_count(db) >= 32):
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert 0 < _safe_count(db) < N_ARTICLES
    rerun = run("ingest", str(corpus), "--db", str(db), *EXACT_REPEATS_ONLY)
    assert rerun.returncode == 1
    assert _stored(db) == (N_ARTICLES, N_ARTICLES)


def _hear_ctrl_c() -> None:
    """In the child before it starts: the default SIGINT handling, which a test run in the
    background (where the shell ignores SIGINT) would otherwise pass on as ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_ingest_says_what_was_stored_and_exits_130(corpus, tmp_path):
    db = tmp_path / "k.db"
    process = subprocess.Popen([*KRONIEK, "ingest", str(corpus), "--db", str(db), "--batch-size", "16", *EXACT_REPEATS_ONLY],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_hear_ctrl_c)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and _safe_count(db) < 16:
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.strip().splitlines()[-1] == f"interrupted: stored {_stored(db)[0]} so far"


def _safe_count(db: Path) -> int:
    try:
        return _stored(db)[0]
    except sqlite3.OperationalError:
        return 0


@pytest.fixture(scope="module")
def small_db(tmp_path_factory, sample_path) -> Path:
    db = tmp_path_factory.mktemp("db") / "k.db"
    run("ingest", str(sample_path), "--db", str(db), "--published", "2023-09-12")
    return db


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_text_formats(small_db, fmt):
    result = run("export", "--db", str(small_db), "--format", fmt)
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert json.loads(first)["published"] == "2023-09-12" if fmt == "jsonl" else first.startswith("id,name,doc_id")


def test_export_parquet(small_db, tmp_path):
    import pyarrow.parquet as pq

    result = run("export", "--db", str(small_db), "--format", "parquet", "-o", str(tmp_path / "a.parquet"))
    assert result.returncode == 0, result.stderr
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 1


def test_export_unknown_layer_is_a_clear_error(small_db):
    result = run("export", "--db", str(small_db), "--format", "csv", "--layer", "gossip")
    assert result.returncode == 1 and result.stderr.startswith("Error: no table 'gossip'")


def test_ingest_with_worker_processes_stores_everything(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(12):
        (folder / f"b{seed}.txt").write_text(article(seed), encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(tmp_path / "k.db"), "--workers", "2", "--batch-size", "4",
                 *EXACT_REPEATS_ONLY)
    assert result.returncode == 0, result.stderr
    assert _stored(tmp_path / "k.db") == (12, 12)


def test_ingest_into_postgresql_then_export_and_ask(postgres_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(6):
        (folder / f"b{seed}.txt").write_text(article(seed), encoding="utf-8")
    first = run("ingest", str(folder), "--db", postgres_url, "--batch-size", "4", "--workers", "2")
    assert first.returncode == 0, first.stderr
    assert "stored 6, already present 0" in first.stderr
    assert "stored 0, already present 6" in run("ingest", str(folder), "--db", postgres_url).stderr
    exported = run("export", "--db", postgres_url, "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    assert sorted(json.loads(line)["text"] for line in exported.stdout.splitlines()) == sorted(
        article(seed) for seed in range(6))
    for command in ("claims", "events", "skipped"):
        assert run(command, "--db", postgres_url).returncode == 0


def test_an_unreachable_postgresql_store_is_a_one_line_error_without_its_password(tmp_path):
    result = run("export", "--db", f"postgresql://kroniek:geheim@/nergens?host={tmp_path}")
    assert result.returncode == 1 and result.stderr.startswith("Error: cannot open the store")
    assert "geheim" not in result.stderr and "kroniek:***@" in result.stderr
