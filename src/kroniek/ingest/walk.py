"""Walks the paths a user gives, reads each file by its format and vets every document.

Every input ends as a RawDocument ready for analysis or as a Skipped with its reason: empty,
binary, undecodable, too large, unreadable file, no article in the HTML, malformed JSON or feed,
corrupt archive, non-HTML response or truncated record in a web archive, unsupported language.
SQLite files in a folder (the store itself, its journal) are ignored.
"""

from __future__ import annotations

import io
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..lang import DEFAULT_LANGUAGE
from ..source import Item, Skipped
from .archive import is_archive, read_archive
from .decode import decode
from .feed import looks_like_feed, read_feed
from .html import read_html
from .jsonl import read_jsonl
from .language import detect_language
from .limits import MAX_FILE_BYTES, too_large
from .plain import read_text
from .warc import is_warc, looks_like_warc, read_warc

Reader = Callable[[str, str], Iterator[Item]]

READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed,
}
MULTI_DOCUMENT_READERS = (read_jsonl, read_feed)
"""Readers that find any number of documents in one file."""
SQLITE_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3", ".sqlite-wal",
                   ".sqlite-shm", ".sqlite-journal")
"""Files a folder walk passes over without a word: a store and its journals, often the ingest's own target."""


def _sniffed_reader(text: str) -> Reader:
    """The reader of a text whose name does not tell its format: a feed, a page or plain text."""
    if looks_like_feed(text):
        return read_feed
    return read_html if text.lstrip()[:1] == "<" else read_text


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    with path.open("rb") as handle:
        lines = (line.decode("utf-8", errors="replace") for line in handle)
        yield from read_jsonl(lines, str(path))


def read_bytes(data: bytes, suffix: str, source: str) -> Iterator[Item]:
    """The documents in one file's bytes, by its suffix (sniffed when unknown)."""
    if looks_like_warc(data):
        yield from read_warc(io.BytesIO(data), source)
        return
    if len(data) > MAX_FILE_BYTES and READERS.get(suffix) is not read_jsonl:
        yield too_large(source, len(data))
        return
    text = decode(data, source)
    if isinstance(text, Skipped):
        yield text
        return
    yield from READERS.get(suffix, _sniffed_reader(text))(text, source)


def _unreadable(path: Path, detail: str) -> Skipped:
    return Skipped(source=str(path), reason="unreadable file", detail=detail)


def _read_regular_file(path: Path, size: int) -> Iterator[Item]:
    """The documents in one file: an archive's members, JSON Lines and WARC streamed, anything else whole."""
    if is_archive(path):
        yield from read_archive(path, read_bytes)
    elif is_warc(path.name):
        with path.open("rb") as stream:
            yield from read_warc(stream, str(path))
    elif READERS.get(path.suffix.lower()) is read_jsonl:
        yield from _read_jsonl_file(path)
    elif size > MAX_FILE_BYTES:
        yield too_large(str(path), size)
    else:
        yield from read_bytes(path.read_bytes(), path.suffix.lower(), str(path))


def read_file(path: Path) -> Iterator[Item]:
    """The documents in one file; a file that cannot be read (denied, a FIFO, a broken or looping
    link, an I/O error) is a Skipped 'unreadable file', after whatever was read before the error."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield _unreadable(path, "not a regular file")
            return
        yield from _read_regular_file(path, info.st_size)
    except OSError as error:
        yield _unreadable(path, error.strerror or str(error))


def read_stdin(stream: io.BufferedIOBase) -> Iterator[Item]:
    """The documents on standard input: JSON Lines when the first character is '{', else a feed, a page or one text;
    more than MAX_FILE_BYTES is refused as a file would be, after reading only one byte past it."""
    data = stream.read(MAX_FILE_BYTES + 1)
    text = too_large("<stdin>", len(data)) if len(data) > MAX_FILE_BYTES else decode(data, "<stdin>")
    if isinstance(text, Skipped):
        yield text
    elif text.lstrip()[:1] == "{":
        yield from read_jsonl(text.splitlines(), "<stdin>")
    else:
        yield from _sniffed_reader(text)(text, "<stdin>")


def _files_under(path: Path) -> Iterator[Path]:
    """Every entry under a folder that is not a folder, hidden or a SQLite file: links that lead
    nowhere included, so that they are counted rather than dropped."""
    for child in sorted(path.rglob("*")):
        hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
        if not (hidden or child.is_dir() or child.name.lower().endswith(SQLITE_SUFFIXES)):
            yield child


def is_readable(path: Path) -> bool:
    """True for a file that a folder walk hands to a reader: a suffix in READERS or an archive; any
    other file in a folder is an 'unsupported format' skip. The Spark job asks the same question."""
    return path.suffix.lower() in READERS or is_archive(path) or is_warc(path.name)


def _read_path(path: Path) -> Iterator[Item]:
    if not (path.exists() or path.is_symlink()):
        yield Skipped(source=str(path), reason="not found", detail="no such file or folder")
    elif path.is_dir():
        for child in _files_under(path):
            if is_readable(child):
                yield from read_file(child)
            else:
                yield Skipped(source=str(child), reason="unsupported format", detail=f"suffix '{child.suffix}'")
    else:
        yield from read_file(path)


def _single_document(path: Path) -> bool:
    """True for a file that is one input (one document or one skip): not JSON Lines, a feed nor an archive."""
    return READERS.get(path.suffix.lower()) not in MULTI_DOCUMENT_READERS and not (is_archive(path) or is_warc(path.name))


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs `read_inputs(paths)` yields, when that is known without reading a file:
    None when standard input, a JSON Lines file or an archive is among them."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if name == "-":
            return None
        files.extend(_files_under(path) if path.is_dir() else [path])
    return len(files) if all(_single_document(path) for path in files) else None


def vet(item: Item, languages: tuple[str, ...]) -> Item:
    """A document that is empty or in a language without a model becomes a Skipped."""
    if isinstance(item, Skipped):
        return item
    if not item.text.strip():
        return Skipped(source=item.source or "?", reason="empty", detail="no text")
    language = item.language or detect_language(item.text)
    if language not in languages:
        return Skipped(source=item.source or "?", reason="unsupported language", detail=f"detected '{language}'")
    return item.model_copy(update={"language": language})


def read_inputs(paths: Iterable[str], languages: tuple[str, ...] = (DEFAULT_LANGUAGE,)) -> Iterator[Item]:
    """Every document under `paths` ('-' is stdin), vetted: RawDocument or Skipped, in order."""
    for name in paths:
        items = read_stdin(sys.stdin.buffer) if name == "-" else _read_path(Path(name))
        for item in items:
            yield vet(item, languages)
