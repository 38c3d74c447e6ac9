"""Plain-text articles (.txt): the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator

from ..source import RawDocument, Skipped


def read_text(text: str, source: str) -> Iterator[RawDocument | Skipped]:
    """One RawDocument for the file's text."""
    yield RawDocument(text=text.replace("\r\n", "\n"), source=source)
