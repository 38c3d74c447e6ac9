"""The store's corpus tables, read and written inside one write transaction while the articles of a
batch are linked (`Store.update_corpus`): corpus entities and the keys they are known by, which
article entity is which corpus entity and why, stories with their articles and entities, and the
contradictions found between articles.

The decisions are made in `kroniek.corpus`; this module only answers its questions and records
its answers, in SQL that SQLite and PostgreSQL both run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import Article
from .layers import Execute, read_layer


@dataclass(frozen=True)
class StoryCandidate:
    """A story that shares corpus entities with an article: which, and the story's latest publication date."""

    story: int
    shared: list[int]
    last_published: str | None


class CorpusTables:
    """The corpus tables of one SQL store, seen from inside its write transaction."""

    def __init__(self, execute: Execute):
        self._execute = execute
        self._article_ids: dict[str, int] = {}
        self._linked: dict[str, Article] = {}

    def article_id(self, doc_id: str) -> int:
        """The row id of a stored article."""
        if doc_id not in self._article_ids:
            row = self._execute("SELECT id FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
            self._article_ids[doc_id] = int(row["id"])
        return self._article_ids[doc_id]

    def _new_id(self, insert: str, params: Sequence[Any]) -> int:
        return int(self._execute(insert + " RETURNING id", params).fetchone()["id"])

    # Corpus entities: the CorpusIndex of kroniek.corpus.linking.

    def entities_with(self, kind: str, key: str) -> dict[int, str]:
        rows = self._execute("SELECT corpus_entity, why FROM corpus_keys WHERE kind = ? AND key = ?", (kind, key))
        return {int(row["corpus_entity"]): row["why"] for row in rows}

    def new_entity(self, name: str, label: str) -> int:
        return self._new_id("INSERT INTO corpus_entities (name, type) VALUES (?, ?)", (name, label))

    def add_key(self, kind: str, key: str, corpus_id: int, why: str) -> None:
        self._execute("INSERT INTO corpus_keys (kind, key, corpus_entity, why) VALUES (?, ?, ?, ?)"
                      " ON CONFLICT DO NOTHING", (kind, key, corpus_id, why))

    def add_member(self, ref: tuple[str, int], corpus_id: int, name: str, evidence: str | None) -> None:
        self._execute("INSERT INTO corpus_members (article_id, entity, corpus_entity, name, evidence)"
                      " VALUES (?, ?, ?, ?, ?)", (self.article_id(ref[0]), ref[1], corpus_id, name, evidence))
        self._execute("UPDATE corpus_entities SET name = ? WHERE id = ? AND length(name) < length(?)",
                      (name, corpus_id, name))

    def corpus_ids(self, doc_id: str) -> dict[int, int]:
        """The corpus entity of each entity of a linked article; {} for an article not stored or not linked."""
        rows = self._execute("SELECT m.entity, m.corpus_entity FROM corpus_members m JOIN articles a"
                             " ON a.id = m.article_id WHERE a.doc_id = ?", (doc_id,))
        return {int(row["entity"]): int(row["corpus_entity"]) for row in rows}

    # Stories.

    def stories_sharing(self, corpus_ids: Sequence[int]) -> list[StoryCandidate]:
        """The stories that share any of `corpus_ids`, most shared first."""
        if not corpus_ids:
            return []
        rows = self._execute(
            "SELECT s.id, s.last_published, e.corpus_entity FROM story_entities e JOIN stories s ON s.id = e.story"
            f" WHERE e.corpus_entity IN ({', '.join('?' * len(corpus_ids))}) ORDER BY s.id", list(corpus_ids))
        found: dict[int, StoryCandidate] = {}
        for row in rows:
            story = found.setdefault(int(row["id"]), StoryCandidate(int(row["id"]), [], row["last_published"]))
            story.shared.append(int(row["corpus_entity"]))
        return sorted(found.values(), key=lambda s: (-len(s.shared), s.story))

    def new_story(self, name: str) -> int:
        return self._new_id("INSERT INTO stories (name) VALUES (?)", (name,))

    def add_to_story(self, story: int, article: Article, corpus_ids: Sequence[int], evidence: str | None) -> None:
        """Put an article in a story, with the corpus entities that make it belong there."""
        published = article.published.isoformat() if article.published else None
        self._execute("INSERT INTO story_articles (article_id, story, evidence) VALUES (?, ?, ?)",
                      (self.article_id(article.id), story, evidence))
        for corpus_id in corpus_ids:
            self._execute("INSERT INTO story_entities (story, corpus_entity) VALUES (?, ?) ON CONFLICT DO NOTHING",
                          (story, corpus_id))
        if published:
            self._execute(
                "UPDATE stories SET first_published = CASE WHEN first_published IS NULL OR first_published > ?"
                " THEN ? ELSE first_published END, last_published = CASE WHEN last_published IS NULL OR"
                " last_published < ? THEN ? ELSE last_published END WHERE id = ?",
                (published, published, published, published, story))

    def articles_sharing(self, corpus_ids: Sequence[int], story: int, exclude: str,
                         published: tuple[str, str] | None, limit: int) -> list[tuple[str, str | None]]:
        """The doc_id and publication date of the latest `limit` articles of `story` but `exclude` that
        name any of `corpus_ids`, published within `published` (first and last day) or undated."""
        if not corpus_ids:
            return []
        dated, params = "", [*corpus_ids, story, exclude]
        if published is not None:
            dated = " AND (a.published IS NULL OR substr(a.published, 1, 10) BETWEEN ? AND ?)"
            params += list(published)
        rows = self._execute(
            "SELECT DISTINCT a.id, a.doc_id, a.published FROM corpus_members m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.corpus_entity IN ({', '.join('?' * len(corpus_ids))})"
            f" AND m.article_id IN (SELECT article_id FROM story_articles WHERE story = ?) AND a.doc_id <> ?{dated}"
            " ORDER BY a.id DESC LIMIT ?", [*params, limit])
        return [(row["doc_id"], row["published"]) for row in rows]

    def story_articles(self, story: int, exclude: str, limit: int) -> list[Article]:
        """The latest `limit` articles of a story but `exclude`, as `linked_article` reads them."""
        rows = self._execute("SELECT a.doc_id FROM story_articles s JOIN articles a ON a.id = s.article_id"
                             " WHERE s.story = ? AND a.doc_id <> ? ORDER BY a.id DESC LIMIT ?", (story, exclude, limit))
        return [self.linked_article(row["doc_id"]) for row in rows]

    def linked_article(self, doc_id: str) -> Article:
        """A stored article with the layers its claims are compared by, its claims and quantities (the
        other layers empty), read once per transaction."""
        if doc_id not in self._linked:
            layers = {layer: read_layer(self._execute, layer, self.article_id(doc_id)) for layer in ("claims", "quantities")}
            self._linked[doc_id] = Article(id=doc_id, text="", **layers)
        return self._linked[doc_id]

    def is_linked(self, doc_id: str) -> bool:
        """Whether an article has been linked already (by another process, perhaps)."""
        return self._execute("SELECT 1 FROM story_articles WHERE article_id = ?",
                             (self.article_id(doc_id),)).fetchone() is not None

    # Contradictions between articles.

    def add_contradiction(self, article_a: str, claim_a: int, article_b: str, claim_b: int, score: float,
                          reason: str, evidence: dict[str, Any]) -> None:
        self._execute(
            "INSERT INTO cross_contradictions (article_a, claim_a, article_b, claim_b, score, reason, evidence)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.article_id(article_a), claim_a, self.article_id(article_b), claim_b, score, reason,
             json.dumps(evidence, ensure_ascii=False)))
