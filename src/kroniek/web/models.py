"""The shapes of the JSON API: pages of rows, summaries, an entity's profile, and the error body.

Layer rows carry the record types of `kroniek.records` unchanged, so the API speaks the same
records as the store, the exports and the CLI.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from ..records import Claim, Contradiction, Event, EventStatus, Factuality, Place, Quote, Timex

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
    status: EventStatus | None = Field(None, description="an event's status: only 'happened' happened")
    date: str | None = Field(None, description="TIMEX3 value of the event's time, else of its sentence, "
                             "else the article's date")
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


class CorpusEntitySummary(BaseModel):
    """A corpus entity: the entities of many articles linked as one, and how widely it occurs."""

    id: int
    name: str = Field(description="the longest name its articles use")
    label: str
    articles: int
    mentions: int


class Member(BaseModel):
    """One article's entity that is part of a corpus entity, and why it was linked."""

    article: str = Field(description="doc_id of the article")
    article_name: str
    entity: int = Field(description="the entity's id in that article")
    name: str = Field(description="the name that article uses")
    evidence: str | None = Field(None, description="why it was linked ('same name', 'surname smit'); "
                                 "null for the first")


class CorpusEntityProfile(BaseModel):
    """A corpus entity with its members, what it said and did, what was said about it, and one timeline."""

    id: int
    name: str
    label: str
    names: list[str] = Field(description="every name it goes by")
    members: list[Member]
    said_by: list[Statement] = Field(description="its quotes and claims, and the events it is agent of")
    about: list[Statement] = Field(description="statements naming it, and the events it undergoes")
    timeline: list[Statement]


class EntityRef(BaseModel):
    """A corpus entity, by id and name."""

    id: int
    name: str
    label: str


class StorySummary(BaseModel):
    """A story: the articles about one happening, by name and span of publication."""

    id: int
    name: str
    first_published: str | None = None
    last_published: str | None = None
    articles: int


class StoryArticle(BaseModel):
    """An article of a story, and why it joined (null for the one that began it)."""

    doc_id: str
    name: str
    published: str | None = None
    evidence: str | None = None


class SourceCount(BaseModel):
    """Who is quoted or holds claims in a story, how often, and the corpus entity it is, where known."""

    name: str
    entity: int | None = Field(None, description="corpus entity id, when the source is a linked name")
    quotes: int = 0
    claims: int = 0


class Speech(BaseModel):
    """An edge of the graph of who speaks about whom: how many statements `speaker` made naming `about`."""

    speaker: str
    speaker_entity: int | None = None
    about: str
    about_entity: int
    count: int


class ClaimSide(BaseModel):
    """One side of a contradiction between articles: the article and its claim (index in its claims)."""

    article: str
    article_name: str
    ordinal: int | None = None
    claim: Claim | None = None


class CrossContradiction(BaseModel):
    """Two claims of different articles that contradict each other, with the evidence of the pairing."""

    a: ClaimSide
    b: ClaimSide
    score: float
    reason: str
    shared_arguments: list[str] = Field(default_factory=list)
    predicates: list[str | None] = Field(default_factory=list)


class Story(BaseModel):
    """A story with its articles, entities, one timeline of their statements, its sources, who speaks
    about whom, and the contradictions between its articles."""

    id: int
    name: str
    first_published: str | None = None
    last_published: str | None = None
    articles: list[StoryArticle]
    entities: list[EntityRef]
    read_articles: int = Field(
        description="how many of its articles (the latest) the timeline, sources and contradictions come from")
    timeline: list[Statement]
    timeline_total: int = Field(description="how many statements those articles hold; the timeline shows the first ones")
    sources: list[SourceCount]
    speech: list[Speech]
    contradictions: list[CrossContradiction]
