"""What the API and the pages show, shaped from stored Articles: statements of an article placed in
time, a name's profile (said by it, said about it, one timeline) and the contradictions of a claim.
The corpus pages build on these in `corpus_views`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..records import Argument, Article, Claim, Contradiction, Event, Quote, Span
from ..store import Store
from .models import EntityProfile, Statement

_DATED = re.compile(r"^\d{4}")


def headline(article: Article, limit: int = 100) -> str:
    """What to call an article: its title, else its first sentence (shortened), else its id."""
    if article.title:
        return article.title
    first = " ".join(article.sentences[0].text.split()) if article.sentences else ""
    return (first if len(first) <= limit else first[: limit - 1] + "…") or article.id


def fts_query(words: str) -> str:
    """A full-text query that finds every word as typed: each word quoted, so no word is an operator."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words.split())


def _first_date(article: Article, span: Span) -> str | None:
    for timex in article.timexes:
        if span.start <= timex.start < span.end and timex.value and _DATED.match(timex.value):
            return timex.value
    return article.published.isoformat() if article.published else None


def _event_date(article: Article, event: Event) -> str | None:
    """When an event took place: its `when` (the pipeline's estimate for timelines), its clause's time,
    else the first date of its trigger's words or the article's date."""
    for value in (event.when, event.time):
        if value and _DATED.match(value):
            return value
    return _first_date(article, event.trigger)


def _statement(article: Article, kind: str, ordinal: int, span: Span, **fields: Any) -> Statement:
    return Statement(kind=kind, article=article.id, article_name=headline(article), ordinal=ordinal,
                     text=span.text, start=span.start, end=span.end, **fields)


def quote_statement(article: Article, i: int, quote: Quote) -> Statement:
    return _statement(article, "quote", i, quote.content, source=quote.speaker,
                      cue=quote.cue.text if quote.cue else None, date=_first_date(article, quote.content))


def claim_statement(article: Article, i: int, claim: Claim) -> Statement:
    return _statement(article, "claim", i, claim.content, source=claim.source,
                      cue=claim.cue.text if claim.cue else None, factuality=claim.factuality,
                      date=_first_date(article, claim.content))


def event_statement(article: Article, i: int, event: Event) -> Statement:
    agent = event.agent.text if event.agent else None
    return _statement(article, "event", i, event.trigger, source=agent, cue=event.type,
                      factuality=event.factuality, status=event.status, date=_event_date(article, event))


def article_statements(article: Article) -> Iterator[tuple[Statement, Quote | Claim | Event]]:
    """Every quote, claim and event of `article` as a Statement, with the record it comes from."""
    for i, quote in enumerate(article.quotes):
        yield quote_statement(article, i, quote), quote
    for i, claim in enumerate(article.claims):
        yield claim_statement(article, i, claim), claim
    for i, event in enumerate(article.events):
        yield event_statement(article, i, event), event


def on_timeline(statements: Iterable[Statement]) -> list[Statement]:
    """Statements in time order (undated last), then by article and place in the text."""
    return sorted(statements, key=lambda s: (s.date is None, s.date or "", s.article, s.start))


def moments(timeline: Iterable[Statement]) -> list[tuple[str | None, list[Statement]]]:
    """A timeline (as `on_timeline` orders it) grouped by date: one moment per date, undated (None) last."""
    return [(date, list(items)) for date, items in groupby(on_timeline(timeline), key=lambda s: s.date)]


@dataclass(frozen=True)
class NameInArticle:
    """One name as an article knows it: its entities there, their mentions' words and spans."""

    name: str
    entity_ids: frozenset[int]
    spans: tuple[tuple[int, int], ...]
    wordings: frozenset[str]
    pattern: re.Pattern[str]

    @classmethod
    def find(cls, article: Article, name: str) -> NameInArticle:
        """The name as `article` knows it: its entities there are those with this name."""
        ids = frozenset(i for i, e in enumerate(article.entities) if e.name.lower() == name.lower())
        return cls.of_entities(article, ids, name)

    @classmethod
    def of_entities(cls, article: Article, ids: frozenset[int], name: str = "") -> NameInArticle:
        """The entities `ids` (indexes into `article.entities`) as one name: known by `name` and by
        their own names (a corpus entity's members in one article)."""
        names = {name.lower(), *(article.entities[i].name.lower() for i in ids)} - {""}
        mentions = [m for m in article.mentions if m.entity in ids]
        wordings = frozenset({*names, *(m.text.lower() for m in mentions if m.kind == "name")})
        words = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
        return cls(name or min(names, key=len, default=""), ids, tuple((m.start, m.end) for m in mentions),
                   wordings, pattern)

    def is_named(self, words: str | None, entity: int | None) -> bool:
        """True when a speaker, source or argument is this name: its entity, one of its mentions'
        wordings, or words that hold the whole name ("Kremlin-woordvoerder Dmitri Peskov")."""
        said = (words or "").lower()
        return entity in self.entity_ids or said in self.wordings or bool(self.pattern.search(said))

    def names(self, argument: Argument | None) -> bool:
        return argument is not None and self.is_named(argument.text, argument.entity)

    def occurs_in(self, span: Span) -> bool:
        inside = any(span.start <= start and end <= span.end for start, end in self.spans)
        return inside or bool(self.pattern.search(span.text.lower()))


def _speaks(name: NameInArticle, record: Quote | Claim | Event) -> bool:
    if isinstance(record, Quote):
        return name.is_named(record.speaker, record.speaker_entity)
    if isinstance(record, Claim):
        return name.is_named(record.source, record.source_entity)
    return record.agent is not None and name.is_named(record.agent.text, record.agent.entity)


def _concerns(name: NameInArticle, record: Quote | Claim | Event) -> bool:
    if isinstance(record, Event):
        return any(name.names(argument) for argument in (record.patient, record.place))
    return name.occurs_in(record.content)


def said_by_and_about(article: Article, name: NameInArticle) -> tuple[list[Statement], list[Statement]]:
    """The statements of `article` said (or done) by `name`, and those about it."""
    said_by, about = [], []
    for statement, record in article_statements(article):
        if _speaks(name, record):
            said_by.append(statement)
        elif _concerns(name, record):
            about.append(statement)
    return said_by, about


def entity_profile(store: Store, name: str) -> EntityProfile | None:
    """Everything said by `name` and about it in the store, or None when no article names it."""
    doc_ids = store.articles_about(name)
    if not doc_ids:
        return None
    said_by: list[Statement] = []
    about: list[Statement] = []
    labels: set[str] = set()
    for article in filter(None, map(store.article, doc_ids)):
        found = NameInArticle.find(article, name)
        labels |= {article.entities[i].label for i in found.entity_ids}
        said_by_here, about_here = said_by_and_about(article, found)
        said_by += said_by_here
        about += about_here
    return EntityProfile(name=name, labels=sorted(labels), articles=doc_ids, said_by=said_by, about=about,
                         timeline=on_timeline(said_by + about))


@dataclass(frozen=True)
class Opposed:
    """A claim that contradicts the one shown, and why."""

    article: str
    ordinal: int | None
    claim: Claim | None
    reason: str


def claim_by_id(article: Article | None, claim_id: int) -> tuple[int | None, Claim | None]:
    for i, claim in enumerate(article.claims if article else ()):
        if claim.id == claim_id:
            return i, claim
    return None, None


def opposing_claims(store: Store, article: Article, contradiction: Contradiction) -> tuple[Opposed, Opposed]:
    """Both sides of one of `article`'s contradictions, each with its article and place there."""
    other = store.article(contradiction.article_b) if contradiction.article_b else article
    a_index, a_claim = claim_by_id(article, contradiction.claim_a)
    b_index, b_claim = claim_by_id(other, contradiction.claim_b)
    other_id = other.id if other else (contradiction.article_b or article.id)
    return (Opposed(article.id, a_index, a_claim, contradiction.reason),
            Opposed(other_id, b_index, b_claim, contradiction.reason))


def contradictions_by_claim(store: Store, article: Article) -> dict[int, list[Opposed]]:
    """For each claim (by its index in `article.claims`), the claims its article's contradictions oppose to it."""
    opposed: dict[int, list[Opposed]] = {}
    for contradiction in article.contradictions:
        side_a, side_b = opposing_claims(store, article, contradiction)
        if side_a.ordinal is not None:
            opposed.setdefault(side_a.ordinal, []).append(side_b)
        if side_b.ordinal is not None and side_b.article == article.id:
            opposed.setdefault(side_b.ordinal, []).append(side_a)
    return opposed


def _sentence_around(article: Article, span: Span) -> str:
    for sentence in article.sentences:
        if sentence.start <= span.start < sentence.end:
            return sentence.text
    return span.text


def claims_said_with(store: Store, article: Article, words: str) -> list[dict[str, Any]]:
    """The claims of `article` whose sentence holds every one of `words`, as ledger rows with that
    sentence: a claim is found by the words around it ("ontkennen dat … wapens"), not only by its own."""
    wanted = words.lower().split()
    opposed = contradictions_by_claim(store, article)
    rows = []
    for i, claim in enumerate(article.claims):
        sentence = _sentence_around(article, claim.content)
        if wanted and all(word in sentence.lower() for word in wanted):
            rows.append({"article": article.id, "ordinal": i, "record": claim, "contradicted": i in opposed,
                         "sentence": sentence})
    return rows
