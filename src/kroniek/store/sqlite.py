"""The SQLite backend: one file that `datasette` browses as is (foreign keys, labels, FTS5)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import Row
from .schema import MIGRATIONS, statements
from .sql import SQLStore, T

BUSY_TIMEOUT_S = 60.0
"""How long a connection waits for another process's write (a batch, a migration) to finish."""

WAL_RETRY_PAUSE_S = 0.02
"""The pause between tries to switch a new file to write-ahead logging while another process does."""


class SQLiteStore(SQLStore):
    """A Kroniek store in one SQLite file."""

    DIALECT = "sqlite"
    JSON_TEXT = "json_extract({column}, '$.{key}')"
    CONTAINS = "instr({haystack}, {needle}) > 0"

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
                self._enter_wal_mode()
                self._migrate()
        except sqlite3.Error as error:
            raise StoreError(f"cannot open the store '{path}': {error}") from error

    def _enter_wal_mode(self) -> None:
        """Switch the file to write-ahead logging, waiting out other processes doing the same.

        SQLite answers "database is locked" at once, without its busy handler, when two
        connections switch a new file at the same moment; the switch is retried until
        BUSY_TIMEOUT_S has passed.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                self.connection.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(WAL_RETRY_PAUSE_S)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, params)

    def _execute_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.connection.executemany(sql, rows)

    def _run_script(self, script: str) -> None:
        """Statement by statement, since `executescript` would commit the transaction."""
        for statement in statements(script):
            self.connection.execute(statement)

    def _applied_migrations(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def _apply_migrations(self) -> None:
        super()._apply_migrations()
        self.connection.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")

    def _in_write_transaction(self, work: Callable[[], T]) -> T:
        """BEGIN IMMEDIATE takes the file's write lock at once, so that the work reads what it writes over."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            result = work()
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")
        return result

    def search(self, query: str, limit: int = 20) -> list[Row]:
        """FTS5 query syntax; a query FTS5 cannot parse is a StoreError."""
        sql = (
            "SELECT a.doc_id, a.name, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return [dict(row) for row in self.connection.execute(sql, (query, limit))]
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot search for {query!r}: {error}") from error

    def close(self) -> None:
        self.connection.close()
