"""What the readers hand to the analyser: a raw document with its provenance, or why there is none."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel


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
