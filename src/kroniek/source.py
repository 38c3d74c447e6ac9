"""What the readers hand to the analyser: a raw document with its provenance, or why there is none."""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's words, blind to differences in whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class RawDocument(BaseModel):
    """The plain text of one article, with what is known of where it came from."""

    text: str
    id: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str | None = None


class Skipped(BaseModel):
    """An input that yields no article, with the reason a user is told and the summary counts."""

    source: str
    reason: str
    detail: str = ""


class NearDuplicate(BaseModel):
    """A document whose words nearly repeat a stored article's: kept as a link to that first version, not analysed."""

    content_hash: str
    duplicate_of: str
    """The content hash of the first version."""
    similarity: float
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None


Item = RawDocument | Skipped
"""What a reader yields for each input: a raw document, or why there is none."""
