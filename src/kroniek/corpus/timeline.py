"""Timelines across articles: the events of a story, or everything a corpus entity said and did,
in order of their normalised time.

An event is placed by its best estimate of when it happened (`Event.when`: its own clause, its
sentence, the narrative's last date, else the publication date); a quote or claim by the day its
article was published, the day it was said. Undated items come last. Each item keeps its article
and character offsets, so a reader can go back to the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from ..records import Article
from ..store import Store
from ..store.base import Row

_DATED = re.compile(r"^\d{4}")


@dataclass(frozen=True)
class TimelineItem:
    """One dated (or undated) thing on a timeline, with where its words are."""

    date: str | None
    kind: str
    article: str
    start: int
    end: int
    text: str
    who: str | None
    status: str

    def as_json(self) -> dict:
        return asdict(self)


def _dated(value: str | None) -> str | None:
    return value if value and _DATED.match(value) else None


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None


def article_items(article: Article, entities: set[int] | None = None) -> Iterator[TimelineItem]:
    """The events, quotes and claims of `article`; only those whose agent, patient, speaker or source
    is one of `entities` (article entity ids) when given."""
    for event in article.events:
        roles = {argument.entity for argument in (event.agent, event.patient) if argument is not None}
        if entities is None or roles & entities:
            yield TimelineItem(_dated(event.when) or _dated(event.time), "event", article.id, event.trigger.start,
                               event.trigger.end, event.trigger.text, event.agent.text if event.agent else None,
                               event.status or "unconfirmed")
    for quote in article.quotes:
        if entities is None or quote.speaker_entity in entities:
            yield TimelineItem(_published(article), "quote", article.id, quote.content.start, quote.content.end,
                               quote.content.text, quote.speaker, quote.kind)
    for claim in article.claims:
        if entities is not None and claim.source_entity in entities:
            yield TimelineItem(_published(article), "claim", article.id, claim.content.start, claim.content.end,
                               claim.content.text, claim.source, claim.factuality)


def ordered(items: Iterable[TimelineItem]) -> list[TimelineItem]:
    """Items by date (undated last), then by article and place in the text."""
    return sorted(items, key=lambda i: (i.date is None, i.date or "", i.article, i.start))


def story_timeline(store: Store, story: Row) -> list[TimelineItem]:
    """The events and quotes of a story's articles (`Store.story`), in time order."""
    articles = (store.article(row["doc_id"]) for row in story["articles"])
    return ordered(item for article in articles if article is not None for item in article_items(article))


def entity_timeline(store: Store, entity: Row) -> list[TimelineItem]:
    """What a corpus entity (`Store.corpus_entity`) did, underwent, said and held, in time order."""
    ids: dict[str, set[int]] = {}
    for member in entity["members"]:
        ids.setdefault(member["article"], set()).add(member["entity"])
    found: list[TimelineItem] = []
    for doc_id, entities in ids.items():
        article = store.article(doc_id)
        if article is not None:
            found += article_items(article, entities)
    return ordered(found)
