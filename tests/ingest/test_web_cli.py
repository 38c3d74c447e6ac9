"""`kroniek ingest` on a feed and a web archive, as a user runs it: the stored articles, the
summary line, near-duplicates across the two, and a rerun that analyses nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from tests.webfixtures import BIEB, BRAND, VEER, WIRE, feed_and_warc


def _kroniek(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kroniek", *args], capture_output=True, text=True, timeout=600)


def test_ingest_reads_a_feed_and_a_warc_and_a_rerun_finds_them_present(tmp_path):
    inputs, db = feed_and_warc(tmp_path), tmp_path / "nieuws.db"
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
