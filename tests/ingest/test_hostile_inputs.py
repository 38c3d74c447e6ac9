"""Hostile and random inputs: every reader turns any bytes into documents or typed skips, never an
exception, and refuses bombs (zip, gzip, deeply nested HTML) quickly and with bounded memory."""

from __future__ import annotations

import gzip
import io
import tarfile
import tempfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kroniek.ingest.walk import MAX_FILE_BYTES, read_file
from kroniek.source import RawDocument, Skipped
from tests.webfixtures import page, paragraphs_html, rss, warc

DUTCH = ("De gemeente Deventer heeft woensdag besloten het oude zwembad te verkopen aan een projectontwikkelaar. "
         "Volgens wethouder Bram Kok levert de verkoop ruim twee miljoen euro op.\n\n"
         "Omwonenden zijn boos. ,,Niemand heeft ons iets gevraagd'', zei een buurvrouw.")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _zip(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("een.txt", text)
        archive.writestr("twee.html", f"<html><body><article><p>{text}</p></article></body></html>")
    return buffer.getvalue()


def _tar_gz(text: str) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = text.encode("utf-8")
        info = tarfile.TarInfo("een.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


VALID = {
    "txt": DUTCH.encode("utf-8"),
    "html": f"<html><head><title>Zwembad</title></head><body><article><p>{DUTCH}</p></article></body></html>".encode(),
    "jsonl": (f'{{"text": "{DUTCH[:120]}", "id": "zwembad"}}\n' * 3).encode("utf-8"),
    "zip": _zip(DUTCH),
    "tar.gz": _tar_gz(DUTCH),
    "rss": rss([{"title": "Zwembad", "link": "https://krant.example/zwembad", "content": paragraphs_html(DUTCH)}]).encode(),
    "warc": warc([("https://krant.example/zwembad", "text/html", page("Zwembad", DUTCH).encode())]),
    "warc.gz": warc([("https://krant.example/zwembad", "text/html", page("Zwembad", DUTCH).encode())], gzip=True),
}


def _read(data: bytes, suffix: str) -> list:
    """Everything read_file makes of `data` saved under a name with `suffix`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"invoer.{suffix}"
        path.write_bytes(data)
        items = list(read_file(path))
    assert all(isinstance(item, (RawDocument, Skipped)) for item in items)
    return items


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """`original` with a few bytes overwritten, inserted or cut away."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(("overwrite", "insert", "cut")))
        if action == "overwrite" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[at:at + draw(st.integers(1, 64))]
    return bytes(data)


@pytest.mark.parametrize("suffix", list(VALID))
@FUZZ
@given(data=st.data())
def test_random_bytes_are_documents_or_skips(suffix, data):
    _read(data.draw(st.binary(max_size=2000)), suffix)


@pytest.mark.parametrize("suffix", list(VALID))
@FUZZ
@given(data=st.data())
def test_mutated_files_are_documents_or_skips(suffix, data):
    _read(data.draw(mutated(VALID[suffix])), suffix)


@pytest.mark.parametrize("suffix", list(VALID))
def test_the_unmutated_files_are_read(suffix):
    assert any(isinstance(item, RawDocument) for item in _read(VALID[suffix], suffix))


@FUZZ
@given(cut=st.integers(0, len(VALID["warc.gz"]) - 1))
def test_a_warc_gz_cut_anywhere_is_read_up_to_the_cut(cut):
    _read(VALID["warc.gz"][:cut], "warc.gz")


def _refused_within(path: Path, memory_mb: float) -> list[Skipped]:
    """The skips of a bomb at `path`, checked to have allocated less than `memory_mb` at any time."""
    tracemalloc.start()
    try:
        items = list(read_file(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / 1e6 < memory_mb
    assert items and all(isinstance(item, Skipped) for item in items)
    return items


def test_a_zip_bomb_is_refused_without_inflating_it(tmp_path):
    path = tmp_path / "bom.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("nul.txt", "w") as member:
        for _ in range(4 * MAX_FILE_BYTES // 1_000_000):
            member.write(bytes(1_000_000))
    (skip,) = _refused_within(path, memory_mb=2 * MAX_FILE_BYTES / 1e6 + 10)
    assert skip.reason == "too large" and skip.source.endswith("bom.zip!nul.txt")


def test_a_zip_member_that_lies_about_its_size_is_cut_at_the_limit(tmp_path):
    path = tmp_path / "leugen.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("nul.txt", "w") as member:
        for _ in range(2 * MAX_FILE_BYTES // 1_000_000):
            member.write(b"a" * 1_000_000)
    data = bytearray(path.read_bytes())
    _lie_about_sizes(data, 1000)
    path.write_bytes(bytes(data))
    assert [s.reason for s in _refused_within(path, memory_mb=2 * MAX_FILE_BYTES / 1e6 + 10)][-1] in (
        "too large", "corrupt archive")


def _lie_about_sizes(data: bytearray, size: int) -> None:
    """Overwrite the uncompressed size in every local and central header of a zip with `size`."""
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        while start != -1:
            data[start + at:start + at + 4] = size.to_bytes(4, "little")
            start = data.find(signature, start + 4)


def test_a_gzip_bomb_in_a_tar_is_refused(tmp_path):
    path = tmp_path / "bom.tar.gz"
    size = 4 * MAX_FILE_BYTES
    with gzip.open(path, "wb", compresslevel=1) as compressed, tarfile.open(fileobj=compressed, mode="w") as archive:
        info = tarfile.TarInfo("nul.txt")
        info.size = size
        archive.addfile(info, _Zeros(size))
    (skip,) = _refused_within(path, memory_mb=2 * MAX_FILE_BYTES / 1e6 + 10)
    assert skip.reason == "too large"


class _Zeros(io.RawIOBase):
    """A stream of `size` zero bytes that never holds them all at once."""

    def __init__(self, size: int):
        self.left = size

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        self.left -= n
        return bytes(n)


def test_deeply_nested_html_is_refused_or_read_quickly(tmp_path):
    path = tmp_path / "diep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + f"<p>{DUTCH}</p>" + "</div>" * 100_000 + "</body></html>")
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], (RawDocument, Skipped))
