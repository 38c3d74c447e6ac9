"""Keep the corpus up to date as articles are stored: each new article's entities linked into corpus
entities (`linking`), the article put in its story (`stories`), and its claims compared with those of
the articles of its story that name the same people, organisations or places at about the same
time (`contradictions`), and its figures with those the other articles of its story give (`numbers`),
all recorded in the store.

Every article is linked once, in the order it was stored, against what the articles before it left
in the store's corpus tables: the work per article is bounded (keys looked up, at most
CANDIDATE_ARTICLES compared), so it does not grow with the corpus.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TypeVar

from ..matching import names_match
from ..records import Article
from ..source import NearDuplicate, Skipped
from ..store import Store
from ..store.corpus import CorpusTables
from .contradictions import MAX_DAYS_APART, LedgerEntry, contradictions_between
from .linking import link_article
from .numbers import conflicting_numbers
from .stories import assign_story

BATCH = 64
"""How many articles are linked in one write transaction."""

CANDIDATE_ARTICLES = 50
"""The most articles (the latest) whose claims a new article's claims are compared with."""

CANDIDATES_PER_CLAIM = 100
"""The most earlier claims (of the latest articles first) one claim of a new article is compared with,
of those that share its predicate and an argument word: the work per article stays bounded when a
story's articles all say much the same."""

CONTRADICTIONS_PER_CLAIM = 5
"""The most contradictions (the best-scored), and the most conflicting figures, kept for one claim of
a new article: a claim that half a story contradicts needs no hundred rows to say so."""

T = TypeVar("T")


def store_and_link(store: Store, articles: Iterable[Article], skipped: Iterable[Skipped] = (),
                   duplicates: Iterable[NearDuplicate] = ()) -> int:
    """`store.add_batch`, then link what it stored into the corpus; how many articles were new."""
    added = store.add_batch(articles, skipped, duplicates)
    update_corpus(store)
    return added


@contextmanager
def linked_store(target: str) -> Iterator[Store]:
    """The store at `target` with every article linked: one an older Kroniek stored is linked now."""
    from ..store import open_store

    with open_store(target) as store:
        update_corpus(store)
        yield store


def update_corpus(store: Store) -> int:
    """Link every stored article that is not linked yet; how many were linked."""
    linked = 0
    while batch := store.unlinked_articles(BATCH):
        linked += store.update_corpus(partial(_link_all, articles=batch))
    return linked


def _link_all(tables: CorpusTables, articles: list[Article]) -> int:
    return sum(_link(tables, article) for article in articles)


def _link(tables: CorpusTables, article: Article) -> bool:
    """Link one article, unless another process did meanwhile."""
    if tables.is_linked(article.id):
        return False
    link_article(tables, article)
    corpus_ids = tables.corpus_ids(article.id)
    story = assign_story(tables, article, corpus_ids)
    _record_contradictions(tables, article, story, corpus_ids)
    _record_conflicting_numbers(tables, article, story)
    return True


def _record_contradictions(tables: CorpusTables, article: Article, story: int, corpus_ids: dict[int, int]) -> None:
    """Store the contradictions between the claims of `article` and those of the latest articles of its
    story that name the same people, organisations or places within MAX_DAYS_APART (at most
    CANDIDATE_ARTICLES)."""
    named = _named_in_claims(article, corpus_ids)
    window = _window(article)
    own = [LedgerEntry(article.id, claim, _published(article)) for claim in article.claims]
    others = [LedgerEntry(doc_id, claim, published)
              for doc_id, published in tables.articles_sharing(named, story, article.id, window, CANDIDATE_ARTICLES)
              for claim in tables.linked_article(doc_id).claims]
    found_all = contradictions_between(own, others, per_claim=CANDIDATES_PER_CLAIM)
    for found in _capped(found_all, lambda found: found.claim_b.id):
        tables.add_contradiction(found.article_a, found.claim_a.id, found.article_b, found.claim_b.id,
                                 round(found.pairing.score, 3), found.pairing.reason, found.as_dict())


def _capped(found: Iterable[T], new_claim: Callable[[T], int]) -> list[T]:
    """The first CONTRADICTIONS_PER_CLAIM of `found` (best first) for each claim of the new article."""
    kept: Counter[int] = Counter()
    first = []
    for item in found:
        kept[new_claim(item)] += 1
        if kept[new_claim(item)] <= CONTRADICTIONS_PER_CLAIM:
            first.append(item)
    return first


def _record_conflicting_numbers(tables: CorpusTables, article: Article, story: int) -> None:
    """Store the figures of `article` that conflict with those the latest CANDIDATE_ARTICLES other
    articles of its story give."""
    conflicts = conflicting_numbers(article, tables.story_articles(story, article.id, CANDIDATE_ARTICLES))
    for conflict in _capped(conflicts, lambda conflict: conflict.new.claim.id):
        earlier, new = conflict.earlier, conflict.new
        tables.add_contradiction(earlier.article, earlier.claim.id, new.article, new.claim.id, 1.0, conflict.reason,
                                 conflict.evidence())


def _named_in_claims(article: Article, corpus_ids: dict[int, int]) -> list[int]:
    """The corpus entities the claims of `article` name as a source or an argument."""
    named = {name for claim in article.claims for name in [claim.source or "", *claim.arguments] if name}
    return sorted({corpus_ids[e.id] for e in article.entities if e.id in corpus_ids
                   and any(names_match(name, e.name) for name in named)})


def _window(article: Article) -> tuple[str, str] | None:
    """The first and last day of publication an article's claims are compared with, when it is dated."""
    if article.published is None:
        return None
    days = dt.timedelta(days=MAX_DAYS_APART)
    return (article.published - days).isoformat(), (article.published + days).isoformat()


def _published(article: Article) -> str | None:
    return article.published.isoformat() if article.published else None
