"""Stories: the articles about one happening, grouped as they arrive.

An article is about the names it mentions most (`SALIENT` of them, people and organisations before
places and other names at equal counts). It joins the story that shares at least `MIN_SHARED` of
those names with the articles already in it, if the story's latest article is at most
`MAX_DAYS_APART` days older (an undated article or story is not ruled out by time); among several,
the one that shares most, and the oldest on a tie. Otherwise it starts a story of its own, named
after it. Each article keeps the names that put it in its story as evidence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..records import Article
from ..store.corpus import CorpusTables
from ..store.layers import article_name

SALIENT = 6
"""How many of an article's most mentioned names say what it is about."""

MIN_SHARED = 2
"""How many of those names an article must share with a story to join it."""

MAX_DAYS_APART = 14
"""The most days between an article and the latest article of the story it joins."""

LABEL_ORDER = {"PER": 0, "ORG": 1, "MISC": 2, "LOC": 3}
"""At equal mention counts, who an article is about first: people, then organisations, …"""


def salient_entities(article: Article, corpus_ids: dict[int, int]) -> list[int]:
    """The corpus ids of the names `article` mentions most, most mentioned first."""
    counts: Counter[int] = Counter()
    order: dict[int, tuple[int, int]] = {}
    for entity in article.entities:
        corpus_id = corpus_ids.get(entity.id)
        if corpus_id is not None:
            counts[corpus_id] += len(entity.mentions)
            order.setdefault(corpus_id, (LABEL_ORDER.get(entity.label, 4), entity.id))
    return sorted(counts, key=lambda c: (-counts[c], order[c]))[:SALIENT]


def _days_apart(article: Article, last_published: str | None) -> int:
    if article.published is None or not last_published:
        return 0
    return abs((article.published - dt.date.fromisoformat(last_published[:10])).days)


def assign_story(tables: CorpusTables, article: Article, corpus_ids: dict[int, int]) -> int:
    """Put `article` in the story it belongs to, or a new one; the story's id."""
    salient = salient_entities(article, corpus_ids)
    names = {corpus_ids[e.id]: e.name for e in reversed(article.entities) if e.id in corpus_ids}
    for candidate in tables.stories_sharing(salient):
        if len(candidate.shared) >= MIN_SHARED and _days_apart(article, candidate.last_published) <= MAX_DAYS_APART:
            evidence = "shares " + ", ".join(names[c] for c in salient if c in candidate.shared)
            tables.add_to_story(candidate.story, article, salient, evidence)
            return candidate.story
    story = tables.new_story(article_name(article))
    tables.add_to_story(story, article, salient, None)
    return story
