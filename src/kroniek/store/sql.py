"""What the SQL backends share: every query of the Store interface, written once in SQL that SQLite
and PostgreSQL both run, with `?` placeholders.

A backend supplies its connection (`_execute`, `_execute_many`, `_run_script`), its write lock
(`_in_write_transaction`), how many migrations it has applied, its spelling of two expressions
(`JSON_TEXT`, `CONTAINS`) and its full-text `search`.
"""

from __future__ import annotations

import datetime as dt
import json
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from ..errors import StoreError
from ..records import LAYERS, Article, Producer, Record
from ..source import NearDuplicate, Skipped, content_hash
from .base import Page, R, Row, Store, Stored
from .corpus import CorpusTables
from .layers import LAYER_TABLES, article_row, layer_row, read_layer
from .schema import MIGRATIONS, migration_sql

CORPUS_TABLES = ("corpus_entities", "corpus_members", "stories", "story_articles", "cross_contradictions")
"""The corpus tables worth exporting (the key and story indexes are for linking only)."""
TABLES = frozenset(("articles", "skipped", "duplicates", *LAYERS, *CORPUS_TABLES))
T = TypeVar("T")
CORPUS_LAYERS = ("entities", "claims", "quantities")
"""The layers corpus linking reads of an article: its names, what it claims and its figures."""
ARTICLE_SUMMARY = "doc_id, name, title, source, published, language, n_words"
ARTICLE_COLUMNS = ("name", "doc_id", "content_hash", "title", "source", "outlet", "published", "language", "n_words", "text",
                   "paragraphs", "sentences", "stored_at", "kroniek_version", "model", "model_version")


class Cursor(Protocol):
    """The part of a DB-API cursor the store reads: rows that are indexed by column name."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


def now() -> str:
    """The current UTC time as the store writes it."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _column_value(value: Any) -> Any:
    """A value as a column holds it: SQLite has no booleans, so both backends store them as 0 or 1."""
    return int(value) if isinstance(value, bool) else value


def _producer(row: Mapping[str, Any]) -> Producer | None:
    """What produced a stored article, or None for one stored before Kroniek recorded it."""
    if row["kroniek_version"] is None:
        return None
    return Producer(kroniek=row["kroniek_version"], model=row["model"], model_version=row["model_version"])


def _article_values(article: Article, doc_id: str, digest: str) -> tuple[Any, ...]:
    """The row of `article` in the articles table, in the order of ARTICLE_COLUMNS."""
    row = {**article_row(article, digest), "doc_id": doc_id, "stored_at": now()}
    return tuple(row[column] for column in ARTICLE_COLUMNS)


def _layer_values(article_id: int, ordinal: int, layer: str, record: Record) -> dict[str, Any]:
    """The row of one record in its layer's table, column name (quoted where SQL needs it) to value."""
    values = {"article_id": article_id, **layer_row(layer, ordinal, record)}
    return {('"end"' if column == "end" else column): _column_value(value) for column, value in values.items()}


class SQLStore(Store):
    """A Store over a SQL database; subclasses connect and say what their dialect spells otherwise."""

    DIALECT: str
    """The dialect's name in schema.migration_sql: 'sqlite' or 'postgresql'."""
    JSON_TEXT: str
    """An expression for the text of the field {key} of the JSON held in {column}."""
    CONTAINS: str
    """A condition true when the text {haystack} contains the text {needle}."""

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement with `?` placeholders."""

    @abstractmethod
    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run one statement with `?` placeholders once for each row of parameters."""

    @abstractmethod
    def _run_script(self, script: str) -> None:
        """Run a migration's script inside the current transaction."""

    @abstractmethod
    def _in_write_transaction(self, work: Callable[[], T]) -> T:
        """`work()` in one transaction that holds the store's write lock: committed when it returns,
        rolled back when it raises, so that writers (batches, migrations) take turns."""

    @abstractmethod
    def _applied_migrations(self) -> int:
        """How many migrations this store has applied (0 for a new one), read without the write lock."""

    def _migrate(self) -> None:
        """Apply the migrations not applied yet, all in one write transaction, so that processes
        opening a new store at once wait for each other instead of creating the tables twice."""
        if self._applied_migrations() != len(MIGRATIONS):
            self._in_write_transaction(self._apply_migrations)

    def _apply_migrations(self) -> None:
        """Inside the write lock: every migration `_migrations` does not name yet."""
        self._execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
        applied = {row["name"] for row in self._execute("SELECT name FROM _migrations")}
        for name, migration in MIGRATIONS:
            if name not in applied:
                self._run_script(migration_sql(migration, self.DIALECT))
                self._execute("INSERT INTO _migrations VALUES (?, ?)", (name, now()))

    def _json_text(self, column: str, key: str) -> str:
        return self.JSON_TEXT.format(column=column, key=key)

    def _contains(self, haystack: str, needle: str) -> str:
        return self.CONTAINS.format(haystack=haystack, needle=needle)

    def has_content(self, content_hash: str) -> bool:
        query = ("SELECT 1 FROM articles WHERE content_hash = ? UNION ALL"
                 " SELECT 1 FROM duplicates WHERE content_hash = ?")
        return self._execute(query, (content_hash, content_hash)).fetchone() is not None

    def _free_doc_id(self, doc_id: str, digest: str) -> str:
        taken = self._execute("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return f"{doc_id}-{digest[:8]}" if taken else doc_id

    def _insert_article(self, article: Article, digest: str) -> int | None:
        """Insert the article's row; its new id, or None when its words are stored already."""
        values = _article_values(article, self._free_doc_id(article.id, digest), digest)
        rows = self._execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(values))})"
            " ON CONFLICT (content_hash) DO NOTHING RETURNING id", values).fetchall()
        return int(rows[0]["id"]) if rows else None

    def _insert_layer(self, article_id: int, layer: str, records: list[Record]) -> None:
        rows = [_layer_values(article_id, ordinal, layer, record) for ordinal, record in enumerate(records)]
        if rows:
            columns = ", ".join(rows[0])
            self._execute_many(f"INSERT INTO {layer} ({columns}) VALUES ({', '.join('?' * len(rows[0]))})",
                               [list(row.values()) for row in rows])

    def _insert(self, article: Article) -> bool:
        """Store one article, unless its words are stored already or recorded as a near-duplicate's
        (read inside the write lock, so no other writer records them in between)."""
        digest = content_hash(article.text)
        if self._execute("SELECT 1 FROM duplicates WHERE content_hash = ?", (digest,)).fetchone() is not None:
            return False
        article_id = self._insert_article(article, digest)
        if article_id is None:
            return False
        for layer in LAYERS:
            self._insert_layer(article_id, layer, getattr(article, layer))
        return True

    def _insert_duplicate(self, duplicate: NearDuplicate) -> None:
        """One near-duplicate, linked to the stored article with the content hash it names (unless recorded already)."""
        name = duplicate.title or duplicate.source or duplicate.content_hash[:16]
        self._execute(
            "INSERT INTO duplicates (name, content_hash, duplicate_of, similarity, source, title, published, outlet,"
            " seen_at) SELECT ?, ?, id, ?, ?, ?, ?, ?, ? FROM articles WHERE content_hash = ?"
            " ON CONFLICT (content_hash) DO NOTHING",
            (name, duplicate.content_hash, duplicate.similarity, duplicate.source, duplicate.title,
             duplicate.published.isoformat() if duplicate.published else None, duplicate.outlet, now(),
             duplicate.duplicate_of),
        )

    def add_batch(self, articles: Iterable[Article], skipped: Iterable[Skipped] = (),
                  duplicates: Iterable[NearDuplicate] = ()) -> int:
        def work() -> int:
            added = sum(self._insert(article) for article in articles)
            self._execute_many("INSERT INTO skipped (source, reason, detail, seen_at) VALUES (?,?,?,?)",
                               [(s.source, s.reason, s.detail, now()) for s in skipped])
            for duplicate in duplicates:
                self._insert_duplicate(duplicate)
            return added

        return self._in_write_transaction(work)

    def signatures(self, scheme: str) -> Iterator[tuple[str, str]]:
        sql = ("SELECT a.content_hash, s.signature FROM signatures s JOIN articles a ON a.id = s.article_id"
               " WHERE s.scheme = ? ORDER BY a.id")
        for row in self._execute(sql, (scheme,)):
            yield row["content_hash"], row["signature"]

    def unsigned_texts(self, scheme: str) -> Iterator[tuple[str, str]]:
        sql = ("SELECT content_hash, text FROM articles WHERE id NOT IN"
               " (SELECT article_id FROM signatures WHERE scheme = ?) ORDER BY id")
        for row in self._execute(sql, (scheme,)):
            yield row["content_hash"], row["text"]

    def add_signatures(self, scheme: str, signatures: Mapping[str, str]) -> None:
        sql = ("INSERT INTO signatures (article_id, scheme, signature) SELECT id, ?, ? FROM articles"
               " WHERE content_hash = ? ON CONFLICT (article_id) DO UPDATE SET scheme = excluded.scheme,"
               " signature = excluded.signature")
        rows = [(scheme, signature, digest) for digest, signature in signatures.items()]
        self._in_write_transaction(lambda: self._execute_many(sql, rows))

    def _article_from_row(self, row: Mapping[str, Any], layers_read: Sequence[str] = LAYERS) -> Article:
        """The Article of a row with the records of `layers_read` (the others left empty)."""
        layers = {layer: read_layer(self._execute, layer, row["id"]) for layer in layers_read}
        return Article(
            id=row["doc_id"], source=row["source"], title=row["title"], published=row["published"], outlet=row["outlet"],
            language=row["language"], text=row["text"], paragraphs=json.loads(row["paragraphs"]),
            sentences=json.loads(row["sentences"]), produced_by=_producer(row), **layers,
        )

    def article(self, doc_id: str) -> Article | None:
        row = self._execute("SELECT * FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return self._article_from_row(row) if row else None

    def articles(self) -> Iterator[Article]:
        for row in self._execute("SELECT * FROM articles ORDER BY id").fetchall():
            yield self._article_from_row(row)

    def records(self, kind: type[R]) -> Iterator[Stored[R]]:
        layer = next((name for name, table in LAYER_TABLES.items() if table.record is kind), None)
        if layer is None:
            raise StoreError(f"no layer of {kind.__name__} records; layers: {', '.join(LAYER_TABLES)}")
        sql = (f"SELECT a.doc_id, a.published, t.record FROM {layer} t JOIN articles a ON a.id = t.article_id"
               " ORDER BY t.id")
        for row in self._execute(sql):
            yield Stored(row["doc_id"], row["published"], kind.model_validate_json(row["record"]))

    def _checked_table(self, table: str) -> str:
        if table not in TABLES:
            raise StoreError(f"no table '{table}'; tables: {', '.join(sorted(TABLES))}")
        return table

    def count(self, table: str = "articles") -> int:
        return int(self._execute(f"SELECT count(*) AS n FROM {self._checked_table(table)}").fetchone()["n"])

    def rows(self, table: str) -> Iterator[Row]:
        for row in self._execute(f"SELECT * FROM {self._checked_table(table)} ORDER BY 1, 2"):
            yield dict(row)

    def _page(self, select: str, from_where: str, params: list[Any], offset: int, limit: int) -> Page:
        total = self._execute(f"SELECT count(*) AS n FROM ({select} {from_where}) AS listing", params).fetchone()["n"]
        rows = self._execute(f"{select} {from_where} LIMIT ? OFFSET ?", [*params, limit, offset])
        return Page(items=[dict(row) for row in rows], total=int(total))

    def article_page(self, offset: int = 0, limit: int = 50) -> Page:
        return self._page(f"SELECT {ARTICLE_SUMMARY}", "FROM articles ORDER BY id", [], offset, limit)

    def _contradicted(self) -> str:
        """True for a claim row `t` of article `a` that a contradiction (of this or another article) names."""
        claim_a, claim_b, article_b, claim = (self._json_text(column, key) for column, key in (
            ("x.record", "claim_a"), ("x.record", "claim_b"), ("x.record", "article_b"), ("t.record", "id")))
        return f"""EXISTS (
    SELECT 1 FROM contradictions x JOIN articles xa ON xa.id = x.article_id
    WHERE (x.article_id = t.article_id AND {claim_a} = {claim})
       OR (coalesce({article_b}, xa.doc_id) = a.doc_id AND {claim_b} = {claim}))"""

    def _layer_filters(self, layer: str, article: str | None, equals: Mapping[str, Any] | None, contains: str | None,
                       contradicted: bool | None) -> tuple[str, list[Any]]:
        conditions: list[str] = ["TRUE"]
        params: list[Any] = []
        if article is not None:
            conditions.append("a.doc_id = ?")
            params.append(article)
        for column, value in (equals or {}).items():
            if column not in LAYER_TABLES[layer].columns:
                raise StoreError(f"cannot filter {layer} by '{column}'; columns: {', '.join(LAYER_TABLES[layer].columns)}")
            conditions.append(f"t.{column} = ?")
            params.append(_column_value(value))
        if contains:
            conditions.append(self._contains("lower(t.text)", "lower(?)"))
            params.append(contains)
        if contradicted is not None:
            conditions.append(self._contradicted() if contradicted else f"NOT {self._contradicted()}")
        return " AND ".join(conditions), params

    def layer_page(self, layer: str, *, article: str | None = None, equals: Mapping[str, Any] | None = None,
                   contains: str | None = None, contradicted: bool | None = None, offset: int = 0,
                   limit: int = 50) -> Page:
        if layer not in LAYER_TABLES:
            raise StoreError(f"no layer '{layer}'; layers: {', '.join(LAYER_TABLES)}")
        if contradicted is not None and layer != "claims":
            raise StoreError("only claims can be filtered by whether they are contradicted")
        where, params = self._layer_filters(layer, article, equals, contains, contradicted)
        extra = f", {self._contradicted()} AS contradicted" if layer == "claims" else ""
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
        name = self._json_text("t.record", "name")
        conditions, params = ["TRUE"], []
        if query is not None:
            conditions.append(self._contains(f"lower({name})", "lower(?)"))
            params.append(query)
        if label is not None:
            conditions.append("t.type = ?")
            params.append(label)
        select = (f"SELECT {name} AS name, t.type AS label,"
                  " count(DISTINCT t.article_id) AS articles, sum(t.n_mentions) AS mentions")
        return self._page(select, f"FROM entities t WHERE {' AND '.join(conditions)}"
                          " GROUP BY 1, 2 ORDER BY articles DESC, mentions DESC, name", params, offset, limit)

    def articles_about(self, name: str, limit: int = 200) -> list[str]:
        sql = (
            "SELECT doc_id FROM articles WHERE id IN ("
            f" SELECT article_id FROM entities WHERE lower({self._json_text('record', 'name')}) = lower(?)"
            " UNION SELECT article_id FROM quotes WHERE lower(speaker) = lower(?)"
            " UNION SELECT article_id FROM claims WHERE lower(source) = lower(?)) ORDER BY id LIMIT ?"
        )
        return [row["doc_id"] for row in self._execute(sql, (name, name, name, limit))]

    def unlinked_articles(self, limit: int) -> list[Article]:
        rows = self._execute("SELECT * FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles)"
                             " ORDER BY id LIMIT ?", (limit,)).fetchall()
        return [self._article_from_row(row, CORPUS_LAYERS) for row in rows]

    def update_corpus(self, work: Callable[[CorpusTables], T]) -> T:
        return self._in_write_transaction(lambda: work(CorpusTables(self._execute)))

    def corpus_entity_page(self, query: str | None = None, label: str | None = None, offset: int = 0,
                           limit: int = 50) -> Page:
        conditions, params = ["TRUE"], []
        if query is not None:
            conditions.append("c.id IN (SELECT corpus_entity FROM corpus_members WHERE "
                              f"{self._contains('lower(name)', 'lower(?)')})")
            params.append(query)
        if label is not None:
            conditions.append("c.type = ?")
            params.append(label)
        select = ("SELECT c.id, c.name, c.type AS label, count(DISTINCT m.article_id) AS articles,"
                  " sum(e.n_mentions) AS mentions")
        from_where = ("FROM corpus_entities c JOIN corpus_members m ON m.corpus_entity = c.id"
                      " JOIN entities e ON e.article_id = m.article_id AND e.ordinal = m.entity"
                      f" WHERE {' AND '.join(conditions)} GROUP BY c.id, c.name, c.type"
                      " ORDER BY articles DESC, mentions DESC, c.name")
        return self._page(select, from_where, params, offset, limit)

    def corpus_entity(self, corpus_id: int) -> Row | None:
        row = self._execute("SELECT id, name, type FROM corpus_entities WHERE id = ?", (corpus_id,)).fetchone()
        if row is None:
            return None
        members = self._execute(
            "SELECT a.doc_id AS article, m.entity, m.name, m.evidence FROM corpus_members m"
            " JOIN articles a ON a.id = m.article_id WHERE m.corpus_entity = ? ORDER BY a.id, m.entity", (row["id"],))
        return {"id": row["id"], "name": row["name"], "label": row["type"], "members": [dict(m) for m in members]}

    def corpus_ids(self, doc_id: str) -> dict[int, int]:
        return CorpusTables(self._execute).corpus_ids(doc_id)

    def story_page(self, offset: int = 0, limit: int = 50) -> Page:
        select = ("SELECT s.id, s.name, s.first_published, s.last_published, count(*) AS articles")
        from_where = ("FROM stories s JOIN story_articles t ON t.story = s.id"
                      " GROUP BY s.id, s.name, s.first_published, s.last_published"
                      " ORDER BY articles DESC, s.last_published DESC, s.id")
        return self._page(select, from_where, [], offset, limit)

    def story(self, story_id: int) -> Row | None:
        row = self._execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        articles = self._execute(
            "SELECT a.doc_id, a.name, a.published, t.evidence FROM story_articles t JOIN articles a"
            " ON a.id = t.article_id WHERE t.story = ? ORDER BY a.published, a.id", (story_id,))
        entities = self._execute(
            "SELECT c.id, c.name, c.type AS label FROM story_entities e JOIN corpus_entities c ON c.id = e.corpus_entity"
            " WHERE e.story = ? ORDER BY c.id", (story_id,))
        return {**dict(row), "articles": [dict(a) for a in articles], "entities": [dict(e) for e in entities]}

    def cross_contradictions(self, article: str | None = None, limit: int | None = None,
                             story: int | None = None) -> list[Row]:
        in_story = "(SELECT article_id FROM story_articles WHERE story = ?)"
        filters: list[tuple[str, list[Any]]] = []
        if article is not None:
            filters.append(("? IN (a.doc_id, b.doc_id)", [article]))
        if story is not None:
            filters.append((f"x.article_a IN {in_story} AND x.article_b IN {in_story}", [story, story]))
        where = " AND ".join(sql for sql, _ in filters) or "TRUE"
        params = [value for _, values in filters for value in values]
        rows = self._execute(
            "SELECT a.doc_id AS article_a, x.claim_a, b.doc_id AS article_b, x.claim_b, x.score, x.reason, x.evidence"
            " FROM cross_contradictions x JOIN articles a ON a.id = x.article_a JOIN articles b ON b.id = x.article_b"
            f" WHERE {where} ORDER BY x.score DESC, x.id" + (" LIMIT ?" if limit is not None else ""),
            params + ([limit] if limit is not None else []))
        return [{**dict(row), "evidence": json.loads(row["evidence"])} for row in rows]
