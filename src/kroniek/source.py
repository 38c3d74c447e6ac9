"""What the readers hand to the analyser: a raw document with its provenance, or why there is none."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Optional

from pydantic import BaseModel


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's words, blind to differences in whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class RawDocument(BaseModel):
    """The plain text of one article, with what is known of where it came from."""

    text: str
    id: Optional[str] = None
    source: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    published: Optional[dt.date] = None
    language: Optional[str] = None


class Skipped(BaseModel):
    """An input that yields no article, with the reason a user is told and the summary counts."""

    source: str
    reason: str
    detail: str = ""
