"""Walks the paths a user gives, reads each file by its format and vets every document.

Every input ends as a RawDocument ready for analysis or as a Skipped with its reason: empty,
binary, undecodable, too large, no article in the HTML, malformed JSON, corrupt archive,
unsupported language.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..lang import DEFAULT_LANGUAGE
from ..source import Item, Skipped
from .archive import is_archive, read_archive
from .decode import decode
from .html import read_html
from .jsonl import read_jsonl
from .language import detect_language
from .plain import read_text

Reader = Callable[[str, str], Iterator[Item]]

READERS: dict[str, Reader] = {
    ".txt": read_text, ".text": read_text, ".md": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
}
MAX_FILE_BYTES = 20_000_000
"""Larger .txt or .html files are refused: no single news article is that long."""


def _reader_for(suffix: str, text: str) -> Reader:
    if suffix in READERS:
        return READERS[suffix]
    return read_html if text.lstrip()[:1] == "<" else read_text


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    with path.open("rb") as handle:
        lines = (line.decode("utf-8", errors="replace") for line in handle)
        yield from read_jsonl(lines, str(path))


def read_bytes(data: bytes, suffix: str, source: str) -> Iterator[Item]:
    """The documents in one file's bytes, by its suffix (sniffed when unknown)."""
    if len(data) > MAX_FILE_BYTES and READERS.get(suffix) is not read_jsonl:
        yield Skipped(source=source, reason="too large", detail=f"{len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}")
        return
    text = decode(data, source)
    if isinstance(text, Skipped):
        yield text
        return
    yield from _reader_for(suffix, text)(text, source)


def read_file(path: Path) -> Iterator[Item]:
    """The documents in one file: an archive's members, JSON Lines streamed, anything else whole."""
    if is_archive(path):
        yield from read_archive(path, read_bytes)
    elif READERS.get(path.suffix.lower()) is read_jsonl:
        yield from _read_jsonl_file(path)
    elif (size := path.stat().st_size) > MAX_FILE_BYTES:
        yield Skipped(source=str(path), reason="too large", detail=f"{size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
    else:
        yield from read_bytes(path.read_bytes(), path.suffix.lower(), str(path))


def read_stdin(stream: io.BufferedIOBase) -> Iterator[Item]:
    """The documents on standard input: JSON Lines when the first character is '{', else one text."""
    text = decode(stream.read(), "<stdin>")
    if isinstance(text, Skipped):
        yield text
    elif text.lstrip()[:1] == "{":
        yield from read_jsonl(text.splitlines(), "<stdin>")
    else:
        yield from (read_html if text.lstrip()[:1] == "<" else read_text)(text, "<stdin>")


def _files_under(path: Path) -> Iterator[Path]:
    for child in sorted(path.rglob("*")):
        if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
            yield child


def _read_path(path: Path) -> Iterator[Item]:
    if not path.exists():
        yield Skipped(source=str(path), reason="not found", detail="no such file or folder")
    elif path.is_dir():
        for child in _files_under(path):
            if child.suffix.lower() in READERS or is_archive(child):
                yield from read_file(child)
            else:
                yield Skipped(source=str(child), reason="unsupported format", detail=f"suffix '{child.suffix}'")
    else:
        yield from read_file(path)


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
