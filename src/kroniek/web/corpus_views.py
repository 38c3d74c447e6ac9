"""What the corpus pages and the API show, shaped from the store's corpus tables and the articles:
a corpus entity's profile (its names with the evidence of each link, what it said and did, what was
said about it, one timeline), a story (its articles, entities, timeline, sources, who speaks about
whom, the contradictions between its articles), and those contradictions on their own.

The statements of a corpus entity are found per article through the entities of that article that
are its members, as `views.NameInArticle` finds them for a name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from ..corpus.lookup import CANDIDATES, entities_going_by
from ..records import Article, Span
from ..store import Store
from ..store.base import Row
from .models import (
    ClaimSide,
    CorpusEntityProfile,
    CrossContradiction,
    EntityRef,
    Member,
    SourceCount,
    Speech,
    Statement,
    Story,
    StoryArticle,
)
from .views import NameInArticle, article_statements, claim_by_id, headline, on_timeline, said_by_and_about

STORY_ARTICLES = 60
"""The most articles of a story (the latest) whose statements, sources and contradictions its page reads."""

TIMELINE_ITEMS = 500
"""The most statements a story's timeline shows (the earliest, in time order)."""

STORY_CONTRADICTIONS = 50
"""The most contradictions between its articles a story's page shows (the best-scored)."""

Speaker = tuple[str, int | None]
"""Who speaks: a name, and the corpus entity it is (None: a description, or a name not linked)."""


@dataclass
class Corpus:
    """The corpus entities of a store, each read once: which one each article entity is, and their names.

    """

    store: Store
    rows: dict[int, Row | None] = field(default_factory=dict)
    linked: dict[str, dict[int, int]] = field(default_factory=dict)

    def entity(self, corpus_id: int) -> Row | None:
        if corpus_id not in self.rows:
            self.rows[corpus_id] = self.store.corpus_entity(corpus_id)
        return self.rows[corpus_id]

    def name(self, corpus_id: int) -> str:
        row = self.entity(corpus_id)
        return str(row["name"]) if row else str(corpus_id)

    def ids(self, article: Article) -> dict[int, int]:
        """The corpus entity of each entity of `article`, by the entity's index in `article.entities`."""
        if article.id not in self.linked:
            self.linked[article.id] = self._find_ids(article)
        return self.linked[article.id]

    def _find_ids(self, article: Article) -> dict[int, int]:
        linked = self.store.corpus_ids(article.id)
        return {index: linked[entity.id] for index, entity in enumerate(article.entities) if entity.id in linked}


def _members(rows: list[Row], article: Article) -> list[Member]:
    return [Member(article=article.id, article_name=headline(article), entity=row["entity"], name=row["name"],
                   evidence=row["evidence"]) for row in rows]


def corpus_profile(store: Store, corpus_id: int) -> CorpusEntityProfile | None:
    """A corpus entity with its members, what it said and did, and what was said about it; None when there is none."""
    row = store.corpus_entity(corpus_id)
    if row is None:
        return None
    members: list[Member] = []
    said_by: list[Statement] = []
    about: list[Statement] = []
    for doc_id, group in groupby(row["members"], key=lambda member: member["article"]):
        article = store.article(doc_id)
        if article is None:
            continue
        rows = list(group)
        mine = {member["entity"] for member in rows}
        name = NameInArticle.of_entities(article, frozenset(i for i, e in enumerate(article.entities) if e.id in mine))
        said_by_here, about_here = said_by_and_about(article, name)
        members += _members(rows, article)
        said_by += said_by_here
        about += about_here
    names = list(dict.fromkeys(member.name for member in members))
    return CorpusEntityProfile(id=row["id"], name=row["name"], label=row["label"], names=names, members=members,
                               said_by=said_by, about=about, timeline=on_timeline(said_by + about))


def corpus_entities_named(store: Store, name: str) -> list[Row]:
    """The corpus entities that have an article entity called `name` (a name page points to them)."""
    summaries = {row["id"]: row for row in store.corpus_entity_page(name, None, 0, CANDIDATES).items}
    return [summaries[entity["id"]] for entity in entities_going_by(store, name) if entity["id"] in summaries]


def _speaker(words: str | None, entity: int | None, ids: dict[int, int], article: Article,
             corpus: Corpus) -> Speaker | None:
    """Who a speaker or source is: the corpus entity of its entity (or of the article's entity of that
    name), else the words; None for the author and for nobody."""
    if not words or words == "AUTHOR":
        return None
    by_name = next((i for i, e in enumerate(article.entities) if e.name.lower() == words.lower()), None)
    index = entity if entity in ids else by_name
    return (corpus.name(ids[index]), ids[index]) if index in ids else (words, None)


def _said(article: Article) -> Iterator[tuple[str, str | None, int | None, Span]]:
    """What is said in `article`, once each: (kind, speaker, speaker's entity, words); a claim made
    from a quote is not said again."""
    for quote in article.quotes:
        yield "quotes", quote.speaker, quote.speaker_entity, quote.content
    for claim in article.claims:
        if claim.quote is None:
            yield "claims", claim.source, claim.source_entity, claim.content


def _named_in(article: Article, ids: dict[int, int], span: Span) -> set[int]:
    """The corpus entities mentioned within `span`."""
    return {ids[m.entity] for m in article.mentions
            if m.entity in ids and span.start <= m.start and m.end <= span.end}


def story_sources(articles: Iterable[Article], corpus: Corpus) -> list[SourceCount]:
    """Who is quoted and who holds claims in `articles`, how often, most often first."""
    counts: dict[Speaker, Counter[str]] = {}
    for article in articles:
        ids = corpus.ids(article)
        for quote in article.quotes:
            _tally(counts, _speaker(quote.speaker, quote.speaker_entity, ids, article, corpus), "quotes")
        for claim in article.claims:
            _tally(counts, _speaker(claim.source, claim.source_entity, ids, article, corpus), "claims")
    rows = [SourceCount(name=name, entity=entity, quotes=n["quotes"], claims=n["claims"])
            for (name, entity), n in counts.items()]
    return sorted(rows, key=lambda row: (-row.quotes - row.claims, row.name))


def _tally(counts: dict[Speaker, Counter[str]], speaker: Speaker | None, kind: str) -> None:
    if speaker is not None:
        counts.setdefault(speaker, Counter())[kind] += 1


def story_speech(articles: Iterable[Article], corpus: Corpus) -> list[Speech]:
    """Who speaks about whom in `articles`: for each speaker and corpus entity named in what it says
    (itself apart), how many quotes and claims; most first."""
    counts: Counter[tuple[str, int | None, int]] = Counter()
    for article in articles:
        ids = corpus.ids(article)
        for _, words, entity, content in _said(article):
            speaker = _speaker(words, entity, ids, article, corpus)
            if speaker is not None:
                counts.update((*speaker, about) for about in _named_in(article, ids, content) if about != speaker[1])
    return [Speech(speaker=name, speaker_entity=entity, about=corpus.name(about), about_entity=about, count=n)
            for (name, entity, about), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][0], item[0][2]))]


def _side(article: Article | None, doc_id: str, claim_id: int) -> ClaimSide:
    ordinal, claim = claim_by_id(article, claim_id)
    return ClaimSide(article=doc_id, article_name=headline(article) if article else doc_id, ordinal=ordinal,
                     claim=claim)


def cross_contradiction(row: Row, articles: dict[str, Article | None]) -> CrossContradiction:
    """A stored contradiction between articles (`store.cross_contradictions`) with both claims and its evidence."""
    evidence: dict[str, Any] = row["evidence"] or {}
    return CrossContradiction(
        a=_side(articles.get(row["article_a"]), row["article_a"], row["claim_a"]),
        b=_side(articles.get(row["article_b"]), row["article_b"], row["claim_b"]),
        score=row["score"], reason=row["reason"], shared_arguments=evidence.get("shared_arguments", []),
        predicates=evidence.get("predicates", []))


def contradictions_across_articles(store: Store, limit: int) -> list[CrossContradiction]:
    """The `limit` best-scored contradictions stored between claims of different articles."""
    rows = store.cross_contradictions(limit=limit)
    articles = {doc_id: store.article(doc_id) for row in rows for doc_id in (row["article_a"], row["article_b"])}
    return [cross_contradiction(row, articles) for row in rows]


def story_contradictions(store: Store, story_id: int, articles: dict[str, Article | None]) -> list[CrossContradiction]:
    """The STORY_CONTRADICTIONS best contradictions stored between two articles of a story, best first,
    with both claims (from `articles`, the ones read already, else read here)."""
    rows = store.cross_contradictions(story=story_id, limit=STORY_CONTRADICTIONS)
    sides = {row[side] for row in rows for side in ("article_a", "article_b")}
    known = {**{doc_id: store.article(doc_id) for doc_id in sides - set(articles)}, **articles}
    return [cross_contradiction(row, known) for row in rows]


def story_view(store: Store, story_id: int) -> Story | None:
    """A story with everything its page shows; None when there is none."""
    row = store.story(story_id)
    if row is None:
        return None
    latest = sorted(row["articles"], key=lambda a: (a["published"] or "", a["doc_id"]))[-STORY_ARTICLES:]
    articles = {a["doc_id"]: store.article(a["doc_id"]) for a in latest}
    found = [article for article in articles.values() if article is not None]
    timeline = on_timeline(statement for article in found for statement, _ in article_statements(article))
    corpus = Corpus(store)
    return Story(
        id=row["id"], name=row["name"], first_published=row["first_published"], last_published=row["last_published"],
        articles=[StoryArticle(**a) for a in row["articles"]], entities=[EntityRef(**e) for e in row["entities"]],
        read_articles=len(found), timeline=timeline[:TIMELINE_ITEMS], timeline_total=len(timeline),
        sources=story_sources(found, corpus), speech=story_speech(found, corpus),
        contradictions=story_contradictions(store, story_id, articles))
