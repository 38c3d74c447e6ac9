"""The store tests run against both backends: `target` is a SQLite file, then a PostgreSQL database
of the session's server (that half skips, saying why, where no server can be started)."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest

from kroniek.store import is_database_url, open_store

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def new_target(request, tmp_path) -> Callable[[], str]:
    """Makes a place for a new, empty store of each backend, another at each call: a file path or a
    postgresql:// URL."""
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_server").new_database
    numbers = itertools.count()
    return lambda: str(tmp_path / f"k{next(numbers)}.db")


@pytest.fixture
def target(new_target) -> str:
    """Where a new, empty store of each backend goes."""
    return new_target()


@pytest.fixture
def store(target):
    """A new store of each backend, closed after the test."""
    with open_store(target) as opened:
        yield opened


def query(target: str, sql: str) -> list[tuple[Any, ...]]:
    """Run `sql` (committed) on the store at `target` over a connection of its own, past the Store interface."""
    if is_database_url(target):
        import psycopg

        with psycopg.connect(target, autocommit=True) as connection:
            cursor = connection.execute(sql)
            return cursor.fetchall() if cursor.description else []
    connection = sqlite3.connect(target, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()
