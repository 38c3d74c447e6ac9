"""The shapes of the JSON API: pages of rows, summaries, an entity's profile, and the error body.

Layer rows carry the record types of `kroniek.records` unchanged, so the API speaks the same
records as the store, the exports and the CLI.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from ..records import Claim, Contradiction, Event, Factuality, Place, Quote, Timex

Item = TypeVar("Item")
Layer = TypeVar("Layer")

MAX_TEXT = 1_000_000
"""The longest article text the API accepts, in characters."""


class ErrorBody(BaseModel):
    """Every error the API returns, whatever went wrong."""

    ok: Literal[False] = False
    error: str = Field(description="what went wrong, in one line")
    status: int = Field(description="the HTTP status code, repeated")


class Page(BaseModel, Generic[Item]):
    """One page of a listing; ask for the next with `offset + limit`."""

    items: list[Item]
    total: int = Field(description="how many items the whole listing holds")
    offset: int
    limit: int


class LayerRow(BaseModel, Generic[Layer]):
    """One record of a layer, with the article it belongs to and its place in that article's list."""

    article: str = Field(description="doc_id of the article")
    ordinal: int = Field(description="index in the article's list of this layer")
    record: Layer


class ClaimRow(LayerRow[Claim]):
    """A claim, and whether a contradiction names it."""

    contradicted: bool = False


QuoteRow = LayerRow[Quote]
ContradictionRow = LayerRow[Contradiction]
EventRow = LayerRow[Event]
PlaceRow = LayerRow[Place]
TimexRow = LayerRow[Timex]


class ArticleSummary(BaseModel):
    """An article without its text and layers."""

    doc_id: str
    name: str
    title: str | None = None
    source: str | None = None
    published: dt.date | None = None
    language: str
    n_words: int


class EntitySummary(BaseModel):
    """A name as the articles use it, with how widely it occurs."""

    name: str
    label: str
    articles: int
    mentions: int


class Statement(BaseModel):
    """A quote, claim or event of an article, placed in time, as an entity's profile lists it."""

    kind: Literal["quote", "claim", "event"]
    article: str
    article_name: str
    ordinal: int
    text: str
    source: str | None = Field(None, description="speaker, source or agent")
    cue: str | None = None
    factuality: Factuality | None = None
    date: str | None = Field(None, description="TIMEX3 value of the event, else the article's date")
    start: int
    end: int


class EntityProfile(BaseModel):
    """Everything the store holds said by and about one name, and both on one timeline."""

    name: str
    labels: list[str]
    articles: list[str]
    said_by: list[Statement]
    about: list[Statement]
    timeline: list[Statement]


class SearchHit(BaseModel):
    """An article that matches a full-text query, with the matching words in `[brackets]`."""

    doc_id: str
    name: str
    snippet: str


class Added(BaseModel):
    """What became of a posted text: its article's doc_id, and whether it was new to the store."""

    doc_id: str
    stored: bool = Field(description="false when an article with the same words was there already")


class NewArticle(BaseModel):
    """A text to analyse and store (needs the server's write token)."""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=2000)
    published: dt.date | None = None
