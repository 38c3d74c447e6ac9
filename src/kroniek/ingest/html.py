"""HTML pages (.html, .htm): the main text and metadata extracted with trafilatura."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import trafilatura

from ..source import RawDocument, Skipped

MIN_ARTICLE_WORDS = 15
"""Less main text than this is navigation or boilerplate, not an article."""


def _published(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def read_html(html: str, source: str) -> Iterator[RawDocument | Skipped]:
    """The article in an HTML page, or a Skipped when the page holds none."""
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = extracted.text if extracted is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        yield Skipped(source=source, reason="no article in HTML", detail="no main text found in the page")
        return
    yield RawDocument(
        text=text.replace("\n", "\n\n"),
        source=source,
        title=extracted.title,
        url=extracted.url,
        published=_published(extracted.date),
    )
