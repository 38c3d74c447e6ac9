"""The record types every layer of Kroniek speaks: plain, JSON-serialisable data.

Each record that comes from the text carries character offsets into its article's `text`, so a
reader can always click back to the words. Stages build these records; the store, the exports,
the API and the UI read them, never spaCy objects.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Factuality = Literal["CT+", "CT-", "PR+", "PR-", "PS+", "PS-", "Uu"]
Tense = Literal["past", "present", "future"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EntityLabel = Literal["PER", "ORG", "LOC", "MISC"]
MentionKind = Literal["name", "description", "pronoun"]
WhenBasis = Literal["clause", "sentence", "narrative", "published"]
EventStatus = Literal["happened", "reported", "expected", "alleged", "possible", "unconfirmed", "denied"]
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "TRAVEL", "MEET", "STATEMENT", "TRADE",
    "OTHER",
)
"""The event ontology (docs/events.md): PLOVER's top-level categories, four news types, and OTHER."""


class Record(BaseModel):
    """Base of every record: strict fields, lossless JSON."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(Record):
    """A stretch of an article's text: `text == article.text[start:end]`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Mention(Span):
    """A mention of an entity: a name as the NER found it, or a description or pronoun that in-article
    coreference resolved to a named entity (then with that entity's label)."""

    label: str
    entity: int | None = Field(None, description="index into Article.entities")
    kind: MentionKind = Field(
        "name",
        description="name: a name the NER found; description: a noun phrase that refers to a named entity "
        "('de topman', 'het bedrijf', the role in 'topman Jan Smit'); pronoun: a pronoun resolved to one ('hij', 'haar')",
    )


class Entity(Record):
    """One person, organisation, place or other name, with all its mentions in the article."""

    id: int
    name: str = Field(description="the fullest name the article uses")
    label: str
    mentions: list[int] = Field(default_factory=list, description="indexes into Article.mentions")


class Quote(Record):
    """A statement the text attributes to someone other than its author."""

    content: Span
    speaker: str | None = Field(None, description="fullest name, or the description the text gives")
    speaker_span: Span | None = None
    speaker_entity: int | None = None
    speaker_resolved: bool = False
    role: str | None = None
    cue: Span | None = None
    kind: QuoteKind
    confidence: float = Field(1.0, ge=0, le=1)


class Claim(Record):
    """A proposition of the text with the source that holds it and how sure that source is."""

    id: int
    content: Span
    source: str | None = Field("AUTHOR", description="AUTHOR, a name, a description, or null")
    source_span: Span | None = None
    source_entity: int | None = None
    cue: Span | None = None
    factuality: Factuality = "CT+"
    tense: Tense = "present"
    quote: int | None = Field(None, description="index into Article.quotes")
    confidence: float = Field(1.0, ge=0, le=1)
    predicate: str | None = Field(None, description="lemma of the main predicate, for pairing claims")
    arguments: list[str] = Field(default_factory=list, description="resolved names or lemmas of its participants")


class Contradiction(Record):
    """Two claims about the same proposition whose sources disagree."""

    claim_a: int
    claim_b: int
    reason: str
    score: float = Field(1.0, ge=0, le=1)
    article_b: str | None = Field(None, description="id of the other article, when not this one")


class Timex(Span):
    """A temporal expression normalised to a TIMEX3 value."""

    type: TimexType
    value: str | None = None
    reason: str | None = Field(None, description="why value is null, when it is")


class Place(Span):
    """A place name or place adjective, resolved against the gazetteer where possible."""

    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = Field(None, description="country, region, city, station, sea, …")
    resolved: bool = False
    confidence: float = Field(0.0, ge=0, le=1)


class Quantity(Span):
    """A number that counts or measures something."""

    value: float | None = None
    unit: str | None = None
    of: str | None = Field(None, description="what is counted: the head noun")
    approximate: bool = False


class Argument(Record):
    """A participant of an event: the words, and what they resolve to."""

    text: str
    span: Span | None = None
    entity: int | None = None


class Event(Record):
    """Who did what to whom, where and when, with the factuality of the claim it comes from."""

    trigger: Span
    type: str
    agent: Argument | None = None
    patient: Argument | None = None
    place: Argument | None = None
    time: str | None = Field(None, description="TIMEX3 value of a date or time in the event's own clause")
    when: str | None = Field(
        None, description="best estimate of when, for timelines: `time`, else a date of its sentence, else the "
        "last date the narrative gave before it, else the published date"
    )
    when_basis: WhenBasis | None = Field(None, description="where `when` comes from")
    claim: int | None = Field(None, description="Claim.id this event belongs to")
    factuality: Factuality = "CT+"
    source: str | None = Field("AUTHOR", description="who holds it: the source of its claim")
    status: EventStatus | None = Field(
        None, description="what a reader may take it as: only 'happened' happened (docs/events.md)"
    )


class Producer(Record):
    """What produced an article's layers: the Kroniek version and the trained model it ran."""

    kroniek: str = Field(description="the Kroniek version")
    model: str = Field(description="the model's package name (lang_name), or 'blank' when no trained model ran")
    model_version: str | None = Field(None, description="the model's version; null for 'blank'")


class Article(Record):
    """One analysed document with every layer the pipeline produced."""

    id: str
    source: str | None = Field(None, description="file path or URL the article came from")
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = Field(None, description="the newspaper, site or feed that published it")
    language: str = "nl"
    text: str
    paragraphs: list[Span] = Field(default_factory=list)
    sentences: list[Span] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    produced_by: Producer | None = Field(None, description="what analysed it; null when not recorded")


LAYERS: tuple[str, ...] = (
    "mentions", "entities", "quotes", "claims", "contradictions",
    "events", "timexes", "places", "quantities",
)
"""The analysis layers of an Article, in the order the pipeline produces them."""


def span_of(text: str, start: int, end: int) -> Span:
    """The Span of `text[start:end]`."""
    return Span(start=start, end=end, text=text[start:end])


def article_schema() -> dict[str, Any]:
    """The JSON Schema of an Article, as `kroniek schema` prints it."""
    return Article.model_json_schema()
