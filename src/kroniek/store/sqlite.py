"""The SQLite backend: one file that `datasette` browses as is (foreign keys, labels, FTS5)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from ..records import LAYERS, Article, Producer, Record
from ..source import Skipped, content_hash
from .base import Page, R, Row, Store, Stored
from .layers import LAYER_TABLES, article_row, layer_row
from .schema import MIGRATIONS, statements

TABLES = frozenset(("articles", "skipped", *LAYERS))
T = TypeVar("T")

CONTRADICTED = """EXISTS (
    SELECT 1 FROM contradictions x JOIN articles xa ON xa.id = x.article_id
    WHERE (x.article_id = t.article_id AND json_extract(x.record, '$.claim_a') = json_extract(t.record, '$.id'))
       OR (coalesce(json_extract(x.record, '$.article_b'), xa.doc_id) = a.doc_id
           AND json_extract(x.record, '$.claim_b') = json_extract(t.record, '$.id')))"""
"""True for a claim row `t` of article `a` that a contradiction (of this or another article) names."""

ARTICLE_SUMMARY = "doc_id, name, title, source, published, language, n_words"
BUSY_TIMEOUT_S = 60.0
"""How long a connection waits for another process's write (a batch, a migration) to finish."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT through `cursor` added."""
    assert cursor.lastrowid is not None, "an INSERT always sets lastrowid"
    return cursor.lastrowid


def _producer(row: sqlite3.Row) -> Producer | None:
    """What produced a stored article, or None for one stored before Kroniek recorded it."""
    if row["kroniek_version"] is None:
        return None
    return Producer(kroniek=row["kroniek_version"], model=row["model"], model_version=row["model_version"])


class SQLiteStore(Store):
    """A Kroniek store in one SQLite file."""

    def __init__(self, path: Path, read_only: bool = False):
        target, uri = (f"{path.resolve().as_uri()}?mode=ro", True) if read_only else (path, False)
        try:
            self.connection = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=uri,
                                              check_same_thread=False)
            self.connection.row_factory = sqlite3.Row
            self.connection.execute("PRAGMA foreign_keys = ON")
            if read_only:
                self.connection.execute("SELECT 1 FROM articles LIMIT 1")
            else:
                self.connection.execute("PRAGMA journal_mode = WAL")
                self._migrate()
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the store '{path}': {error}") from error

    def _migrate(self) -> None:
        """Apply the migrations not applied yet, all in one write transaction, so that processes
        opening a new file at once wait for each other instead of creating the tables twice."""
        if self.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS):
            return
        self._in_write_transaction(self._apply_migrations)

    def _apply_migrations(self) -> None:
        """Inside the write lock: every migration `_migrations` does not name yet, then the version."""
        self.connection.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        applied = {row[0] for row in self.connection.execute("SELECT name FROM _migrations")}
        for name, sql in MIGRATIONS:
            if name not in applied:
                for statement in statements(sql):
                    self.connection.execute(statement)
                self.connection.execute("INSERT INTO _migrations VALUES (?, ?)", (name, _now()))
        self.connection.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")

    def _in_write_transaction(self, work: Callable[[], T]) -> T:
        """`work()` inside BEGIN IMMEDIATE: committed when it returns, rolled back when it raises."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            result = work()
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")
        return result

    def has_content(self, content_hash: str) -> bool:
        query = "SELECT 1 FROM articles WHERE content_hash = ?"
        return self.connection.execute(query, (content_hash,)).fetchone() is not None

    def _free_doc_id(self, doc_id: str, digest: str) -> str:
        taken = self.connection.execute("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return f"{doc_id}-{digest[:8]}" if taken else doc_id

    def _insert_article(self, article: Article, digest: str) -> int:
        row = article_row(article, digest)
        values = {**row, "doc_id": self._free_doc_id(article.id, digest), "stored_at": _now()}
        return _row_id(self._insert_row("articles", values))

    def _insert_layer(self, article_id: int, layer: str, records: list[Record]) -> None:
        for ordinal, record in enumerate(records):
            self._insert_row(layer, {"article_id": article_id, **layer_row(layer, ordinal, record)})

    def _insert_row(self, table: str, values: dict[str, Any]) -> sqlite3.Cursor:
        columns = ", ".join(f'"{column}"' for column in values)
        placeholders = ", ".join("?" * len(values))
        return self.connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", list(values.values()))

    def _insert(self, article: Article) -> bool:
        digest = content_hash(article.text)
        if self.has_content(digest):
            return False
        article_id = self._insert_article(article, digest)
        for layer in LAYERS:
            self._insert_layer(article_id, layer, getattr(article, layer))
        return True

    def add_batch(self, articles: Iterable[Article], skipped: Iterable[Skipped] = ()) -> int:
        def work() -> int:
            added = sum(self._insert(article) for article in articles)
            self.connection.executemany(
                "INSERT INTO skipped (source, reason, detail, seen_at) VALUES (?,?,?,?)",
                [(s.source, s.reason, s.detail, _now()) for s in skipped],
            )
            return added

        return self._in_write_transaction(work)

    def _article_from_row(self, row: sqlite3.Row) -> Article:
        layers = {
            layer: [
                LAYER_TABLES[layer].record.model_validate_json(r["record"])
                for r in self.connection.execute(
                    f"SELECT record FROM {layer} WHERE article_id = ? ORDER BY ordinal", (row["id"],)
                )
            ]
            for layer in LAYERS
        }
        return Article(
            id=row["doc_id"], source=row["source"], title=row["title"], published=row["published"],
            language=row["language"], text=row["text"], paragraphs=json.loads(row["paragraphs"]),
            sentences=json.loads(row["sentences"]), produced_by=_producer(row), **layers,
        )

    def article(self, doc_id: str) -> Article | None:
        row = self.connection.execute("SELECT * FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return self._article_from_row(row) if row else None

    def articles(self) -> Iterator[Article]:
        for row in self.connection.execute("SELECT * FROM articles ORDER BY id").fetchall():
            yield self._article_from_row(row)

    def records(self, kind: type[R]) -> Iterator[Stored[R]]:
        layer = next((name for name, table in LAYER_TABLES.items() if table.record is kind), None)
        if layer is None:
            raise StoreError(f"no layer of {kind.__name__} records; layers: {', '.join(LAYER_TABLES)}")
        sql = (f"SELECT a.doc_id, a.published, t.record FROM {layer} t JOIN articles a ON a.id = t.article_id"
               " ORDER BY t.id")
        for row in self.connection.execute(sql):
            yield Stored(row["doc_id"], row["published"], kind.model_validate_json(row["record"]))

    def _checked_table(self, table: str) -> str:
        if table not in TABLES:
            raise StoreError(f"no table '{table}'; tables: {', '.join(sorted(TABLES))}")
        return table

    def count(self, table: str = "articles") -> int:
        return int(self.connection.execute(f"SELECT count(*) FROM {self._checked_table(table)}").fetchone()[0])

    def rows(self, table: str) -> Iterator[Row]:
        for row in self.connection.execute(f"SELECT * FROM {self._checked_table(table)} ORDER BY id"):
            yield dict(row)

    def search(self, query: str, limit: int = 20) -> list[Row]:
        sql = (
            "SELECT a.doc_id, a.name, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return [dict(row) for row in self.connection.execute(sql, (query, limit))]
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot search for {query!r}: {error}") from error

    def _page(self, select: str, from_where: str, params: list[Any], offset: int, limit: int) -> Page:
        total = self.connection.execute(f"SELECT count(*) FROM ({select} {from_where})", params).fetchone()[0]
        rows = self.connection.execute(f"{select} {from_where} LIMIT ? OFFSET ?", [*params, limit, offset])
        return Page(items=[dict(row) for row in rows], total=total)

    def article_page(self, offset: int = 0, limit: int = 50) -> Page:
        return self._page(f"SELECT {ARTICLE_SUMMARY}", "FROM articles ORDER BY id", [], offset, limit)

    def _layer_filters(self, layer: str, article: str | None, equals: Mapping[str, Any] | None, contains: str | None,
                       contradicted: bool | None) -> tuple[str, list[Any]]:
        conditions: list[str] = ["1"]
        params: list[Any] = []
        if article is not None:
            conditions.append("a.doc_id = ?")
            params.append(article)
        for column, value in (equals or {}).items():
            if column not in LAYER_TABLES[layer].columns:
                raise StoreError(f"cannot filter {layer} by '{column}'; columns: {', '.join(LAYER_TABLES[layer].columns)}")
            conditions.append(f"t.{column} = ?")
            params.append(value)
        if contains:
            conditions.append("instr(lower(t.text), lower(?)) > 0")
            params.append(contains)
        if contradicted is not None:
            conditions.append(CONTRADICTED if contradicted else f"NOT {CONTRADICTED}")
        return " AND ".join(conditions), params

    def layer_page(self, layer: str, *, article: str | None = None, equals: Mapping[str, Any] | None = None,
                   contains: str | None = None, contradicted: bool | None = None, offset: int = 0,
                   limit: int = 50) -> Page:
        if layer not in LAYER_TABLES:
            raise StoreError(f"no layer '{layer}'; layers: {', '.join(LAYER_TABLES)}")
        if contradicted is not None and layer != "claims":
            raise StoreError("only claims can be filtered by whether they are contradicted")
        where, params = self._layer_filters(layer, article, equals, contains, contradicted)
        extra = f", {CONTRADICTED} AS contradicted" if layer == "claims" else ""
        page = self._page(f"SELECT a.doc_id AS article, t.ordinal, t.record{extra}",
                          f"FROM {layer} t JOIN articles a ON a.id = t.article_id WHERE {where}"
                          " ORDER BY t.article_id, t.ordinal", params, offset, limit)
        for item in page.items:
            item["record"] = LAYER_TABLES[layer].record.model_validate_json(item["record"])
            if "contradicted" in item:
                item["contradicted"] = bool(item["contradicted"])
        return page

    def entity_page(self, query: str | None = None, label: str | None = None, offset: int = 0,
                    limit: int = 50) -> Page:
        select = ("SELECT json_extract(t.record, '$.name') AS name, t.type AS label,"
                  " count(DISTINCT t.article_id) AS articles, sum(t.n_mentions) AS mentions")
        where = "WHERE (? IS NULL OR instr(lower(json_extract(t.record, '$.name')), lower(?)) > 0)" \
                " AND (? IS NULL OR t.type = ?)"
        return self._page(select, f"FROM entities t {where} GROUP BY 1, 2 ORDER BY articles DESC, mentions DESC, name",
                          [query, query, label, label], offset, limit)

    def articles_about(self, name: str, limit: int = 200) -> list[str]:
        sql = (
            "SELECT doc_id FROM articles WHERE id IN ("
            " SELECT article_id FROM entities WHERE lower(json_extract(record, '$.name')) = lower(?)"
            " UNION SELECT article_id FROM quotes WHERE lower(speaker) = lower(?)"
            " UNION SELECT article_id FROM claims WHERE lower(source) = lower(?)) ORDER BY id LIMIT ?"
        )
        return [row[0] for row in self.connection.execute(sql, (name, name, name, limit))]

    def close(self) -> None:
        self.connection.close()
