"""RSS and Atom feeds (.rss, .atom, .xml, or sniffed): one document per item.

An item's text is its full content (`content:encoded`, Atom `content`), else its summary, with the
main text extracted from its HTML as for a page; its title, link (the document's source and url),
publication date and the feed's title (the outlet) come along. A feed that cannot be parsed and
holds no items is a Skipped 'malformed feed'; an item without enough text is 'no article in HTML'.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
from collections.abc import Iterator
from typing import Any

import feedparser

from ..source import Item, RawDocument, Skipped
from .html import extract_page, published_date

DECODED = {"content-type": "application/xml; charset=utf-8"}
"""What the feed parser is told of the text it gets: decoded already (an XML declaration's encoding no longer holds)."""
FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")
"""The root elements of RSS 2.0, Atom and RSS 1.0: one of them near the start makes a text a feed."""


def looks_like_feed(text: str) -> bool:
    """True for text whose first kilobyte opens an RSS or Atom root element."""
    head = text.lstrip()[:1024].lower()
    return head.startswith("<") and any(mark in head for mark in FEED_MARKS)


def _item_date(entry: Any) -> dt.date | None:
    """The item's publication (else update) date as its own time zone has it."""
    raw = entry.get("published") or entry.get("updated")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return published_date(raw)


def _item_html(entry: Any) -> str:
    """The item's full content when it has one, else its summary."""
    contents = [part.get("value", "") for part in entry.get("content", [])]
    return max(contents, key=len, default="") or entry.get("summary", "")


def _item(entry: Any, number: int, outlet: str | None, source: str) -> Item:
    """One feed item as a RawDocument named by its link, or a Skipped."""
    link = entry.get("link") or None
    where = link or f"{source}#{number}"
    page = extract_page(f"<html><body><article>{_item_html(entry)}</article></body></html>", where)
    if isinstance(page, Skipped):
        return page
    return RawDocument(text=page[0], source=where, url=link, title=entry.get("title") or None,
                       published=_item_date(entry), outlet=outlet)


def read_feed(text: str, source: str) -> Iterator[Item]:
    """Every item of an RSS or Atom feed, in the feed's order."""
    feed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=DECODED,
                            sanitize_html=False, resolve_relative_uris=False)
    if not feed.entries:
        error = feed.get("bozo_exception")
        yield Skipped(source=source, reason="malformed feed" if error else "empty",
                      detail=str(error) if error else "the feed holds no items")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        yield _item(entry, number, outlet, source)
