"""Readers turn good files into documents and every bad input into a Skipped with a clear reason."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kroniek.ingest import read_inputs
from kroniek.ingest.decode import decode
from kroniek.source import RawDocument, Skipped

DUTCH = (
    "De gemeenteraad van Zwolle heeft dinsdagavond besloten dat de oude brug over de IJssel wordt "
    "gesloopt. Wethouder Anna de Vries zei dat er geen andere keus was. ,,We hebben alles geprobeerd'', "
    "zei ze na afloop. De bouw van een nieuwe brug begint volgend jaar en kost ongeveer veertig miljoen euro."
)
ENGLISH = (
    "The city council decided on Tuesday evening that the old bridge over the river will be demolished. "
    "The alderman said there was no other choice, and construction of a new bridge starts next year."
)


def _only(tmp_path, name: str, content) -> RawDocument | Skipped:
    path = tmp_path / name
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert len(items) == 1
    return items[0]


def test_dutch_text_file_is_read(tmp_path):
    item = _only(tmp_path, "a.txt", DUTCH)
    assert isinstance(item, RawDocument) and item.language == "nl" and item.text == DUTCH


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", "", "empty"),
        ("blank.txt", " \n\n \t", "empty"),
        ("binary.txt", bytes(range(256)) * 40, "binary file"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, "binary file"),
        ("english.txt", ENGLISH, "unsupported language"),
        ("menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article in HTML"),
        ("broken.jsonl", '{"text": "De brug', "malformed JSON"),
        ("notext.jsonl", '{"title": "Geen tekst"}', "malformed JSON"),
    ],
)
def test_bad_input_is_skipped_with_its_reason(tmp_path, name, content, reason):
    item = _only(tmp_path, name, content)
    assert isinstance(item, Skipped) and item.reason == reason


def test_latin1_file_is_decoded(tmp_path):
    item = _only(tmp_path, "oud.txt", DUTCH.replace("keus", "keuze, één") .encode("latin-1"))
    assert isinstance(item, RawDocument) and "één" in item.text


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)
    (item,) = read_inputs([str(path)])
    assert isinstance(item, Skipped) and item.reason == "too large"


def test_html_article_is_extracted(tmp_path):
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in DUTCH.split(". "))
    html = f"<html><head><title>Brug gesloopt</title></head><body><nav>Menu</nav><article>{paragraphs}</article></body></html>"
    item = _only(tmp_path, "a.html", html)
    assert isinstance(item, RawDocument) and "IJssel" in item.text


def test_jsonl_lines_become_documents_with_metadata(tmp_path):
    lines = [json.dumps({"id": 7, "text": DUTCH, "title": "Brug", "published": "2024-03-05T10:00:00"}), "",
             json.dumps({"text": ENGLISH})]
    items = list(read_inputs([str(_write(tmp_path / "a.jsonl", "\n".join(lines)))]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Skipped"]
    assert items[0].id == "7" and items[0].published.isoformat() == "2024-03-05"
    assert items[1].source.endswith("a.jsonl:3")


@pytest.mark.parametrize("fields, published", [
    ({"dateline": "01-Mar-08"}, "2008-03-01"),
    ({"date": "5 maart 2024"}, "2024-03-05"),
    ({"published": "12/09/2023"}, "2023-09-12"),
    ({"published": "gisteren", "dateline": "3 sept. 2008"}, "2008-09-03"),
    ({"published": "gisteren"}, None),
])
def test_a_jsonl_date_is_read_from_any_field_and_form_and_an_unreadable_one_keeps_the_article(tmp_path, fields, published):
    (item,) = read_inputs([str(_write(tmp_path / "a.jsonl", json.dumps({"text": DUTCH, **fields})))])
    assert isinstance(item, RawDocument)
    assert (item.published.isoformat() if item.published else None) == published


def test_folder_walk_counts_unsupported_files(tmp_path):
    _write(tmp_path / "a.txt", DUTCH)
    _write(tmp_path / "notes.docx", "x")
    _write(tmp_path / ".hidden.txt", DUTCH)
    reasons = [getattr(item, "reason", "ok") for item in read_inputs([str(tmp_path)])]
    assert reasons == ["ok", "unsupported format"]


def test_missing_path_is_reported(tmp_path):
    (item,) = read_inputs([str(tmp_path / "nope.txt")])
    assert item.reason == "not found"


@given(st.binary(max_size=300))
def test_decode_never_raises(data: bytes):
    assert isinstance(decode(data, "x"), (str, Skipped))


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def _zip(path, members: dict[str, str]):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def test_zip_members_are_read_by_their_suffix(tmp_path):
    path = _zip(tmp_path / "a.zip", {"x/one.txt": DUTCH, "two.txt": DUTCH.replace("Zwolle", "Kampen")})
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    assert items[0].source.endswith("a.zip!x/one.txt")


def test_a_jsonl_member_is_read_line_by_line(tmp_path):
    lines = [json.dumps({"text": DUTCH, "id": "een"}), json.dumps({"text": DUTCH.replace("Zwolle", "Deventer")})]
    items = list(read_inputs([str(_zip(tmp_path / "a.zip", {"nieuws.jsonl": "\n".join(lines)}))]))
    assert [i.id for i in items if isinstance(i, RawDocument)] == ["een", None] and len(items) == 2
    assert items[1].source.endswith("a.zip!nieuws.jsonl:2")


@pytest.mark.parametrize("suffix", ["zip", "tar.gz"])
def test_truncated_archive_keeps_what_it_could_read_and_says_so(tmp_path, suffix):
    import tarfile

    whole = tmp_path / f"whole.{suffix}"
    if suffix == "zip":
        _zip(whole, {f"{n}.txt": DUTCH + f" Nummer {n}." for n in range(5)})
    else:
        with tarfile.open(whole, "w:gz") as archive:
            for n in range(5):
                member = tmp_path / f"{n}.txt"
                member.write_text(DUTCH + f" Nummer {n}.", encoding="utf-8")
                archive.add(member, arcname=member.name)
    cut = tmp_path / f"cut.{suffix}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    items = list(read_inputs([str(cut)]))
    assert isinstance(items[-1], Skipped) and items[-1].reason == "corrupt archive"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    item = _only(tmp_path, "bom.txt", ("\ufeff" + DUTCH).encode(encoding))
    assert isinstance(item, RawDocument) and item.text == DUTCH


def _reasons(paths) -> list[tuple[str, str]]:
    return [(Path(item.source).name, getattr(item, "reason", "ok")) for item in read_inputs([str(p) for p in paths])]


def test_a_file_that_fails_on_reading_is_an_unreadable_skip(tmp_path):
    """/proc/self/mem is a regular file whose reading fails (EIO) even for root, as a denied file would."""
    _write(tmp_path / "a.txt", DUTCH)
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    assert _reasons([tmp_path]) == [("a.txt", "ok"), ("mem.txt", "unreadable file")]
    assert _reasons([tmp_path / "mem.txt"]) == [("mem.txt", "unreadable file")]


def test_fifos_and_broken_or_looping_links_in_a_folder_are_counted_skips(tmp_path):
    _write(tmp_path / "a.txt", DUTCH)
    os.mkfifo(tmp_path / "pijp.txt")
    (tmp_path / "weg.txt").symlink_to(tmp_path / "bestaat-niet.txt")
    (tmp_path / "lus1.txt").symlink_to(tmp_path / "lus2.txt")
    (tmp_path / "lus2.txt").symlink_to(tmp_path / "lus1.txt")
    assert _reasons([tmp_path]) == [("a.txt", "ok"), ("lus1.txt", "unreadable file"), ("lus2.txt", "unreadable file"),
                                    ("pijp.txt", "unreadable file"), ("weg.txt", "unreadable file")]


def test_a_fifo_given_by_name_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "pijp.txt")
    assert _reasons([tmp_path / "pijp.txt"]) == [("pijp.txt", "unreadable file")]


def test_sqlite_files_in_the_input_folder_are_ignored(tmp_path):
    _write(tmp_path / "a.txt", DUTCH)
    for name in ("nieuws.db", "nieuws.db-wal", "nieuws.db-shm", "nieuws.db-journal", "oud.sqlite"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert _reasons([tmp_path]) == [("a.txt", "ok")]


def test_standard_input_is_capped_like_a_file():
    from kroniek.ingest.walk import MAX_FILE_BYTES, read_stdin

    (item,) = read_stdin(io.BytesIO(b"woord " * (MAX_FILE_BYTES // 6 + 1)))
    assert isinstance(item, Skipped) and item.reason == "too large" and item.source == "<stdin>"


def test_inputs_are_counted_without_reading_when_each_file_is_one_input(tmp_path):
    from kroniek.ingest import count_inputs

    for name in ("a.txt", "b.html", "c.docx", "nieuws.db"):
        _write(tmp_path / name, DUTCH)
    assert count_inputs([str(tmp_path), str(tmp_path / "a.txt")]) == len(list(read_inputs([str(tmp_path)]))) + 1 == 4
    _write(tmp_path / "d.jsonl", json.dumps({"text": DUTCH}))
    assert count_inputs([str(tmp_path)]) is None and count_inputs(["-"]) is None
