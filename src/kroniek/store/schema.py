"""The store's tables, as an ordered list of migrations; each applied once and recorded."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from .layers import LAYER_TABLES

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
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(name, text, content='articles', content_rowid='id');
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, name, text) VALUES (new.id, new.name, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, name, text) VALUES ('delete', old.id, old.name, old.text);
END;
"""


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


MIGRATIONS: list[tuple[str, str]] = [
    ("0001_articles", ARTICLES),
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
]
"""Applied in order; a migration's name is recorded in `_migrations` once it has run, and
PRAGMA user_version holds how many have run."""


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
