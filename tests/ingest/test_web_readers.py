"""RSS and Atom feeds and WARC files: one document per item or HTML response, with its link, date,
title and outlet; everything else a typed skip."""

from __future__ import annotations

import datetime as dt
import gzip
import io

import pytest
from warcio.archiveiterator import ArchiveIterator

from kroniek.ingest import read_inputs
from kroniek.source import RawDocument, Skipped
from tests.webfixtures import BIBLIOTHEEK, BOERDERIJ, ENGLISH, HAVEN, atom, page, paragraphs_html, rss, warc

VEER = "https://noorderkrant.example/veerdienst"
BIEB = "https://noorderkrant.example/bibliotheek"


def _read(tmp_path, name: str, content: str | bytes) -> list[RawDocument | Skipped]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return list(read_inputs([str(path)]))


def _outcomes(items) -> list[tuple[str, str]]:
    return [(item.source, item.reason if isinstance(item, Skipped) else "ok") for item in items]


def test_rss_items_are_documents_with_their_link_date_title_and_outlet(tmp_path):
    feed = rss([{"title": "Veerdienst ligt stil", "link": VEER, "date": "Tue, 05 Mar 2024 23:30:00 +0100",
                 "summary": "De veerdienst ligt drie weken stil.", "content": paragraphs_html(HAVEN)},
                {"title": "Bibliotheek op zondag open", "link": BIEB, "summary": paragraphs_html(BIBLIOTHEEK)}])
    first, second = _read(tmp_path, "noorderkrant.rss", feed)
    assert first.text == HAVEN and second.text == BIBLIOTHEEK
    assert (first.source, first.url, first.title, first.outlet) == (VEER, VEER, "Veerdienst ligt stil", "Noorderkrant")
    assert first.published == dt.date(2024, 3, 5) and second.published is None


def test_atom_entries_are_read_and_a_feed_is_sniffed_by_its_root_element(tmp_path):
    feed = atom([{"title": "Schuur afgebrand", "link": "https://dd.example/brand", "updated": "2024-03-07T06:00:00+01:00",
                  "content": paragraphs_html(BOERDERIJ)}])
    for name in ("drents.atom", "drents-zonder-achtervoegsel"):
        (item,) = _read(tmp_path, name, feed)
        assert item.text == BOERDERIJ and item.outlet == "Drents Dagblad" and item.published == dt.date(2024, 3, 7)


def test_feed_items_without_an_article_or_in_another_language_are_typed_skips(tmp_path):
    feed = rss([{"title": "Kort", "link": "https://noorderkrant.example/kort", "summary": "Veerdienst ligt stil."},
                {"title": "Ferry", "link": "https://noorderkrant.example/ferry", "summary": ENGLISH},
                {"title": "Veerdienst", "link": VEER, "content": paragraphs_html(HAVEN)}])
    assert [reason for _, reason in _outcomes(_read(tmp_path, "a.xml", feed))] == [
        "no article in HTML", "unsupported language", "ok"]


@pytest.mark.parametrize("content, reason", [
    ("<rss><channel><title>Leeg</title></channel></rss>", "empty"),
    ("<rss version='2.0'><channel><title>Half", "malformed feed"),
    ("dit is geen feed", "malformed feed"),
])
def test_a_feed_without_items_is_one_skip(tmp_path, content, reason):
    (item,) = _read(tmp_path, "kapot.rss", content)
    assert isinstance(item, Skipped) and item.reason == reason


def _archive(gzip_it: bool = False) -> bytes:
    return warc([(VEER, "text/html; charset=utf-8", page("Veerdienst ligt stil", HAVEN, date="2024-03-04").encode()),
                 (BIEB, "text/html", page("Bibliotheek", BIBLIOTHEEK, site=None).encode()),
                 ("https://noorderkrant.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
                 ("https://noorderkrant.example/", "text/html", page("Voorpagina", "Lees meer").encode())], gzip=gzip_it)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_of_a_warc_are_documents_and_the_rest_typed_skips(tmp_path, name):
    items = _read(tmp_path, name, _archive(gzip_it=name.endswith(".gz")))
    assert _outcomes(items) == [(VEER, "ok"), (BIEB, "ok"), ("https://noorderkrant.example/logo.png", "non-HTML response"),
                                ("https://noorderkrant.example/", "no article in HTML")]
    veer, bieb = items[:2]
    assert HAVEN.split("\n\n")[0] in veer.text and veer.url == VEER
    assert (veer.published, veer.outlet) == (dt.date(2024, 3, 4), "Noorderkrant")
    assert (bieb.published, bieb.outlet) == (dt.date(2024, 3, 5), "noorderkrant.example"), "else the record's date and host"


def test_a_warc_in_a_zip_is_sniffed_and_read(tmp_path):
    import zipfile

    path = tmp_path / "oogst.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("crawl.warc.gz", _archive(gzip_it=True))
    assert [reason for _, reason in _outcomes(read_inputs([str(path)]))][:2] == ["ok", "ok"]


def _record_offsets(data: bytes) -> list[int]:
    """Where each record of a WARC file starts (in its compressed bytes when gzipped)."""
    records = ArchiveIterator(io.BytesIO(data))
    return [records.offset for _ in records]


@pytest.mark.parametrize("gzip_it", [False, True])
def test_a_warc_cut_inside_a_response_keeps_what_it_read_and_says_where_it_stopped(tmp_path, gzip_it):
    data = _archive(gzip_it)
    starts = _record_offsets(data)
    middle_of_second_response = (starts[3] + starts[4]) // 2
    items = _read(tmp_path, "kapot.warc.gz" if gzip_it else "kapot.warc", data[:middle_of_second_response])
    assert _outcomes(items) == [(VEER, "ok"), (BIEB, "truncated record")]


def test_a_record_over_the_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr("kroniek.ingest.warc.MAX_FILE_BYTES", 300)
    assert [reason for _, reason in _outcomes(_read(tmp_path, "groot.warc", _archive()))][:2] == ["too large", "too large"]


def test_a_gzipped_file_that_is_no_warc_is_not_taken_for_one(tmp_path):
    (item,) = _read(tmp_path, "niets.warc.gz", gzip.compress(b"geen archief"))
    assert isinstance(item, Skipped) and item.reason == "truncated record"
