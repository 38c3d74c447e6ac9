"""HTML pages (.html, .htm): the main text and metadata extracted with trafilatura.

`extract_page` is shared by every reader whose input holds HTML: pages, feed items, WARC responses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import trafilatura

from ..source import RawDocument, Skipped

MIN_ARTICLE_WORDS = 15
"""Less main text than this is navigation or boilerplate, not an article."""


def published_date(date: str | None) -> dt.date | None:
    """The date at the start of an ISO 8601 string, or None when there is none."""
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def extract_page(html: str, source: str) -> tuple[str, Any] | Skipped:
    """The main text of `html` (paragraphs parted by blank lines) with trafilatura's metadata
    (title, url, date, sitename), or a Skipped 'no article in HTML' when it holds too little."""
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = extracted.text if extracted is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        return Skipped(source=source, reason="no article in HTML", detail="no main text found in the page")
    return text.replace("\n", "\n\n"), extracted


def read_html(html: str, source: str) -> Iterator[RawDocument | Skipped]:
    """The article in an HTML page, or a Skipped when the page holds none."""
    page = extract_page(html, source)
    if isinstance(page, Skipped):
        yield page
        return
    text, meta = page
    yield RawDocument(text=text, source=source, title=meta.title, url=meta.url,
                      published=published_date(meta.date), outlet=meta.sitename)
