"""Web archives (.warc, .warc.gz): one document per HTML `response` record, read as a stream.

The main text comes from the page as for an HTML file; the URL from WARC-Target-URI; the date
from the page's own metadata, else from WARC-Date (when it was fetched, which is no earlier than
when it was published); the outlet from the page's site name, else the URL's host. Requests,
metadata and other records are not documents and pass unseen. A record over the size limit, a
response that is not an HTML page, and a record cut short are Skipped; so is an archive that
cannot be read on, after the records read before.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import IO, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..source import Item, RawDocument, Skipped
from .decode import decode
from .html import extract_page, published_date
from .limits import MAX_FILE_BYTES, too_large

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
BROKEN = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError, IndexError, KeyError, TypeError,
          AttributeError, UnicodeError)
"""What warcio and its decompressors raise on a damaged archive."""


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's record iterator without its warning on stderr about a record not followed by a blank
    line: a damaged record shows as a Skipped, and stderr stays the progress bar's."""

    INC_RECORD = ""


def is_warc(name: str) -> bool:
    """True for a file named like a web archive."""
    return name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(data: bytes) -> bool:
    """True for bytes that open with a WARC record, plain or gzipped."""
    if data.startswith(b"\x1f\x8b"):
        try:
            data = gzip.GzipFile(fileobj=io.BytesIO(data[:4096])).read(5)
        except (OSError, EOFError, zlib.error):
            return False
    return data.startswith(b"WARC/")


def _skip(source: str, reason: str, detail: str) -> Skipped:
    return Skipped(source=source, reason=reason, detail=detail)


def _refusal(record: Any, source: str) -> Skipped | None:
    """Why a response record holds no page to read, or None when it holds one."""
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return _skip(source, "non-HTML response", f"content type '{content_type or 'none'}'")
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return _skip(source, "no article in HTML", f"HTTP status {status or 'none'}")
    if record.length > MAX_FILE_BYTES:
        return too_large(source, record.length)
    return None


def _body(record: Any, source: str) -> bytes | Skipped:
    """The decoded body of a response, or a Skipped 'truncated record' when the archive ends inside it."""
    body = record.content_stream().read(MAX_FILE_BYTES + 1)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        return _skip(source, "truncated record", f"the archive ends {missing:,} bytes before the record does")
    return body


def _document(text: str, record: Any, url: str) -> Item:
    """The article in a page's HTML, dated and attributed from the page, else from the record."""
    page = extract_page(text, url)
    if isinstance(page, Skipped):
        return page
    main, meta = page
    published = published_date(meta.date) or published_date(record.rec_headers.get_header("WARC-Date"))
    return RawDocument(text=main, source=url, url=url, title=meta.title, published=published,
                       outlet=meta.sitename or urlsplit(url).hostname or None)


def _response(record: Any, archive: str) -> Item:
    """The document of one response record, or why there is none."""
    url = record.rec_headers.get_header("WARC-Target-URI") or f"{archive}@{record.rec_headers.get_header('WARC-Record-ID')}"
    refusal = _refusal(record, url) if record.http_headers else _skip(url, "non-HTML response", "no HTTP headers")
    if refusal is not None:
        return refusal
    body = _body(record, url)
    if isinstance(body, Skipped):
        return body
    text = decode(body, url)
    return text if isinstance(text, Skipped) else _document(text, record, url)


def read_warc(stream: IO[bytes], source: str) -> Iterator[Item]:
    """Every HTML response in a WARC stream, in order; damage ends the reading with a Skipped."""
    read = 0
    try:
        for record in _QuietArchiveIterator(stream):
            if record.rec_type == "response":
                read += 1
                yield _response(record, source)
    except BROKEN as error:
        yield _skip(source, "truncated record", f"unreadable after {read} response(s): {error}")
