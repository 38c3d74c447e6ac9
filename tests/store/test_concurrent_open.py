"""Several processes that open (and so create) the same new store at once all succeed, and the
schema is created exactly once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from kroniek.records import Article
from kroniek.store import open_store
from kroniek.store.schema import MIGRATIONS

PROCESSES = 4
ROUNDS = 5


def _open_and_add(db: str, start, n: int, errors) -> None:
    """Wait for the others, then open the store and add one article of its own."""
    start.wait()
    try:
        with open_store(db) as store:
            store.add_batch([Article(id=f"proces-{n}", text=f"Bericht nummer {n} over de brug.")])
    except Exception as error:  # noqa: BLE001 - the test reports any failure of a racing process
        errors.put(f"{type(error).__name__}: {error}")


def _race(db: Path) -> list[str]:
    context = multiprocessing.get_context("fork")
    start, errors = context.Barrier(PROCESSES), context.Queue()
    workers = [context.Process(target=_open_and_add, args=(str(db), start, n, errors)) for n in range(PROCESSES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    found = []
    while not errors.empty():
        found.append(errors.get())
    return found + [f"exit code {w.exitcode}" for w in workers if w.exitcode != 0]


def test_processes_racing_to_create_a_new_store_all_succeed(tmp_path):
    for round_ in range(ROUNDS):
        db = tmp_path / f"k{round_}.db"
        assert _race(db) == []
        connection = sqlite3.connect(db)
        assert connection.execute("SELECT count(*) FROM articles").fetchone()[0] == PROCESSES
        assert connection.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)
        connection.close()


def test_reopening_a_store_applies_nothing_twice(tmp_path):
    for _ in range(3):
        open_store(tmp_path / "k.db").close()
    connection = sqlite3.connect(tmp_path / "k.db")
    assert connection.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(MIGRATIONS)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
