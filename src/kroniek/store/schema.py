"""The store's tables, as an ordered list of migrations; each applied once and recorded.

The migrations are written once, in SQL that SQLite and PostgreSQL both run, and `migration_sql`
translates the little that must differ: autoincrement keys and 8-byte floats (`DIALECT_TYPES`), and
the full-text index, which is FTS5 in SQLite and a `dutch` tsvector table in PostgreSQL.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping

from .layers import LAYER_TABLES

Migration = str | Mapping[str, str]
"""A migration's SQL: one script for every dialect, or a script per dialect ('sqlite', 'postgresql')."""

ARTICLES = """
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    doc_id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    source TEXT,
    published TEXT,
    language TEXT NOT NULL,
    n_words INTEGER NOT NULL,
    text TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    sentences TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
"""

FTS5_INDEX = """
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(name, text, content='articles', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, name, text) VALUES ('delete', old.id, old.name, old.text);
END;
"""

TSVECTOR_INDEX = """
CREATE TABLE IF NOT EXISTS articles_search (
    article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    document TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_search_document ON articles_search USING GIN (document);
CREATE OR REPLACE FUNCTION article_document(title TEXT, body TEXT) RETURNS TSVECTOR LANGUAGE plpgsql AS $$
BEGIN
    RETURN setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B');
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN article_document(title, left(body, length(body) / 2));
END $$;
CREATE OR REPLACE FUNCTION articles_search_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_search (article_id, document) VALUES (NEW.id, article_document(NEW.name, NEW.text));
    RETURN NEW;
END $$;
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles FOR EACH ROW EXECUTE FUNCTION articles_search_insert();
"""
"""PostgreSQL's full-text index: a row per article, its title (weight A) and words (B) in the `dutch`
configuration, kept by a trigger as SQLite's FTS5 table is; deleting an article deletes its row.
A text whose words pass a tsvector's 1 MB (megabytes of distinct words) is indexed by its first
half, or quarter, …, rather than refused."""


def layer_table_sql(layer: str) -> str:
    """CREATE TABLE for one layer: a row per record, tied to its article, with its span and label."""
    extra = "".join(f",\n    {name} {kind}" for name, kind in LAYER_TABLES[layer].columns.items())
    return f"""
CREATE TABLE IF NOT EXISTS {layer} (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    name TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text TEXT{extra},
    record TEXT NOT NULL,
    UNIQUE (article_id, ordinal)
);
CREATE INDEX IF NOT EXISTS {layer}_article ON {layer}(article_id);
"""


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_articles", {"sqlite": ARTICLES + FTS5_INDEX, "postgresql": ARTICLES + TSVECTOR_INDEX}),
    ("0002_layers", "".join(layer_table_sql(layer) for layer in LAYER_TABLES)),
    ("0003_skipped", """
CREATE TABLE IF NOT EXISTS skipped (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT,
    seen_at TEXT NOT NULL
);
"""),
    ("0004_produced_by", """
ALTER TABLE articles ADD COLUMN kroniek_version TEXT;
ALTER TABLE articles ADD COLUMN model TEXT;
ALTER TABLE articles ADD COLUMN model_version TEXT;
"""),
    ("0005_near_duplicates", """
ALTER TABLE articles ADD COLUMN outlet TEXT;
CREATE TABLE IF NOT EXISTS duplicates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    duplicate_of INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    source TEXT,
    title TEXT,
    published TEXT,
    outlet TEXT,
    seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS duplicates_duplicate_of ON duplicates(duplicate_of);
CREATE TABLE IF NOT EXISTS signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    scheme TEXT NOT NULL,
    signature TEXT NOT NULL
);
"""),
    ("0006_corpus", """
CREATE TABLE IF NOT EXISTS corpus_entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS corpus_keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(id),
    why TEXT NOT NULL,
    PRIMARY KEY (kind, key, corpus_entity)
);
CREATE INDEX IF NOT EXISTS corpus_keys_entity ON corpus_keys(corpus_entity);
CREATE TABLE IF NOT EXISTS corpus_members (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(id),
    name TEXT NOT NULL,
    evidence TEXT,
    PRIMARY KEY (article_id, entity)
);
CREATE INDEX IF NOT EXISTS corpus_members_entity ON corpus_members(corpus_entity);
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    first_published TEXT,
    last_published TEXT
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story INTEGER NOT NULL REFERENCES stories(id),
    evidence TEXT
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story);
CREATE TABLE IF NOT EXISTS story_entities (
    story INTEGER NOT NULL REFERENCES stories(id),
    corpus_entity INTEGER NOT NULL REFERENCES corpus_entities(id),
    PRIMARY KEY (story, corpus_entity)
);
CREATE INDEX IF NOT EXISTS story_entities_entity ON story_entities(corpus_entity);
CREATE TABLE IF NOT EXISTS cross_contradictions (
    id INTEGER PRIMARY KEY,
    article_a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_a INTEGER NOT NULL,
    article_b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_b INTEGER NOT NULL,
    score REAL NOT NULL,
    reason TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cross_contradictions_a ON cross_contradictions(article_a);
CREATE INDEX IF NOT EXISTS cross_contradictions_b ON cross_contradictions(article_b);
"""),
]
"""Applied in order; a migration's name is recorded in `_migrations` once it has run (and in
SQLite PRAGMA user_version holds how many have run)."""

DIALECT_TYPES: dict[str, list[tuple[str, str]]] = {
    "sqlite": [],
    "postgresql": [
        (r"\bid INTEGER PRIMARY KEY\b", "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
        (r"\bINTEGER PRIMARY KEY\b", "BIGINT PRIMARY KEY"),
        (r"\bREAL\b", "DOUBLE PRECISION"),
    ],
}
"""How each dialect spells what the migrations write in SQLite's words: an autoincrement key (a table's
`id`; another INTEGER PRIMARY KEY, such as signatures' article_id, is a plain key that the row names),
and a float as wide as SQLite's REAL (PostgreSQL's REAL holds 4 bytes)."""


def migration_sql(migration: Migration, dialect: str) -> str:
    """The script of one migration for `dialect` ('sqlite' or 'postgresql')."""
    script = migration if isinstance(migration, str) else migration[dialect]
    for pattern, replacement in DIALECT_TYPES[dialect]:
        script = re.sub(pattern, replacement, script)
    return script


def statements(script: str) -> Iterator[str]:
    """The SQL statements of a script one by one (a trigger's body stays whole), so that a caller
    runs them inside its own transaction, which `executescript` would commit."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending.strip()
            pending = ""
