"""The PostgreSQL backend (psycopg 3): one database that many ingests write to and `serve` reads at once.

Writers take turns through a transaction-level advisory lock, as SQLite's writers do through the
file's lock, and readers never wait for them. Full-text search uses PostgreSQL's `dutch` text
search configuration.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from ..errors import StoreError
from .base import Row
from .sql import SQLStore, T

WRITE_LOCK = 0x6B726F6E
"""The advisory lock key ("kron") that a write transaction holds until it ends."""

HEADLINE = "StartSel=[, StopSel=], MaxWords=12, MinWords=6, MaxFragments=1, FragmentDelimiter=…"
"""ts_headline's options: a snippet of about a dozen words with the matches in [brackets], as FTS5's."""

SEARCH = (
    "SELECT a.doc_id, a.name, ts_headline('dutch', a.text, q.query, '" + HEADLINE + "') AS snippet"
    " FROM articles_search s JOIN articles a ON a.id = s.article_id,"
    " websearch_to_tsquery('dutch', ?) AS q(query)"
    " WHERE s.document @@ q.query ORDER BY ts_rank_cd(s.document, q.query) DESC, a.id LIMIT ?"
)


def shown(url: str) -> str:
    """The URL as a message may show it: without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1)))


class PostgresStore(SQLStore):
    """A Kroniek store in a PostgreSQL database, named by a postgresql:// URL."""

    DIALECT = "postgresql"
    JSON_TEXT = "({column}::json ->> '{key}')"
    CONTAINS = "strpos({haystack}, {needle}) > 0"

    def __init__(self, url: str, read_only: bool = False):
        try:
            self.connection = psycopg.connect(url, autocommit=True, row_factory=dict_row)
            if read_only:
                self.connection.execute("SET default_transaction_read_only = on")
                self.connection.execute("SELECT 1 FROM articles LIMIT 1")
            else:
                self._migrate()
        except psycopg.Error as error:
            raise StoreError(f"cannot open the store '{shown(url)}': {error}") from error

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[dict[str, Any]]:
        """The shared SQL's `?` placeholders become psycopg's `%s` (and a literal % becomes %%)."""
        return self.connection.execute(sql.replace("%", "%%").replace("?", "%s"), params)

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(sql.replace("%", "%%").replace("?", "%s"), rows)

    def _run_script(self, script: str) -> None:
        """The whole script at once: without parameters PostgreSQL runs several statements, $$ bodies included."""
        self.connection.execute(script)

    def _applied_migrations(self) -> int:
        exists = self.connection.execute("SELECT to_regclass('_migrations') IS NOT NULL AS e").fetchone()
        if not (exists and exists["e"]):
            return 0
        row = self.connection.execute("SELECT count(*) AS n FROM _migrations").fetchone()
        return int(row["n"]) if row else 0

    def _in_write_transaction(self, work: Callable[[], T]) -> T:
        """A database error (a NUL character, which PostgreSQL's text cannot hold; a read-only
        store) rolls the transaction back and is a StoreError."""
        try:
            with self.connection.transaction():
                self.connection.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                return work()
        except psycopg.Error as error:
            raise StoreError(f"cannot write to the store: {error}") from error

    def search(self, query: str, limit: int = 20) -> list[Row]:
        """The query as web search engines read it (websearch_to_tsquery): words, "phrases", or, -word;
        no query is a syntax error. Words are stemmed and stop words dropped by the `dutch` configuration."""
        try:
            return [dict(row) for row in self._execute(SEARCH, (query, limit))]
        except psycopg.Error as error:
            raise StoreError(f"cannot search for {query!r}: {error}") from error

    def close(self) -> None:
        self.connection.close()
