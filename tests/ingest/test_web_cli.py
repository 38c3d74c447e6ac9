"""`kroniek ingest` on a feed and a web archive, as a user runs it: the stored articles, the
summary line, near-duplicates across the two, and a rerun that analyses nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from tests.webfixtures import BIBLIOTHEEK, BOERDERIJ, ENGLISH, HAVEN, page, paragraphs_html, rss, warc

VEER = "https://noorderkrant.example/veerdienst"
BIEB = "https://noorderkrant.example/bibliotheek"
BRAND = "https://drents.example/brand"
WIRE = "https://drents.example/veerdienst-vlieland"


def _kroniek(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True, timeout=600)


def _inputs(folder):
    feed = rss([{"title": "Veerdienst ligt stil", "link": VEER, "date": "Tue, 05 Mar 2024 18:00:00 +0100",
                 "content": paragraphs_html(HAVEN)},
                {"title": "Bibliotheek op zondag open", "link": BIEB, "summary": paragraphs_html(BIBLIOTHEEK)},
                {"title": "Ferry", "link": "https://noorderkrant.example/ferry", "summary": ENGLISH}])
    (folder / "noorderkrant.rss").write_text(feed, encoding="utf-8")
    crawl = warc([(BRAND, "text/html", page("Schuur afgebrand", BOERDERIJ, site="Drents Dagblad", date="2024-03-07").encode()),
                  (WIRE, "text/html", page("Veerboot vaart weken niet", "HARLINGEN (ANP) - " + HAVEN).encode()),
                  ("https://drents.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32))], gzip=True)
    (folder / "oogst.warc.gz").write_bytes(crawl)
    return [str(folder / "noorderkrant.rss"), str(folder / "oogst.warc.gz")]


def test_ingest_reads_a_feed_and_a_warc_and_a_rerun_finds_them_present(tmp_path):
    inputs, db = _inputs(tmp_path), tmp_path / "nieuws.db"
    first = _kroniek("ingest", *inputs, "--db", str(db))
    assert first.returncode == 1, first.stderr
    assert first.stderr.strip().endswith("read 6, stored 3, already present 0, near-duplicates 1, "
                                         "skipped 2 (non-HTML response: 1, unsupported language: 1)")
    connection = sqlite3.connect(db)
    stored = connection.execute("SELECT source, title, outlet, published FROM articles ORDER BY id").fetchall()
    assert stored == [(VEER, "Veerdienst ligt stil", "Noorderkrant", "2024-03-05"),
                      (BIEB, "Bibliotheek op zondag open", "Noorderkrant", None),
                      (BRAND, "Schuur afgebrand", "Drents Dagblad", "2024-03-07")]
    assert connection.execute("SELECT d.source, a.source FROM duplicates d JOIN articles a ON a.id = d.duplicate_of"
                              ).fetchall() == [(WIRE, VEER)]
    listing = _kroniek("export", "--db", str(db), "--format", "csv", "--layer", "duplicates")
    assert listing.returncode == 0 and WIRE in listing.stdout
    again = _kroniek("ingest", *inputs, "--db", str(db))
    assert again.stderr.strip().endswith("read 6, stored 0, already present 4, near-duplicates 0, "
                                         "skipped 2 (non-HTML response: 1, unsupported language: 1)")
