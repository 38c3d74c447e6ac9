"""Processes at work on one store at once, on both backends: racing to create a new store (the
schema is created exactly once), ingesting the same articles (each is stored once), and reading
while another process writes (the reader never fails and never sees half a batch)."""

from __future__ import annotations

import multiprocessing

from kroniek.records import Article
from kroniek.store import open_store
from kroniek.store.schema import MIGRATIONS

from .conftest import query

PROCESSES = 6
ROUNDS = 6
ARTICLES = [Article(id=f"bericht-{n}", text=f"Bericht nummer {n} over de brug bij Zwolle.") for n in range(40)]
BATCH = 5
CONTEXT = multiprocessing.get_context("fork")


def _reporting(errors, work, *args) -> None:
    """Run `work(*args)` and put any failure on `errors`, for the parent to report."""
    try:
        work(*args)
    except Exception as error:  # noqa: BLE001 - the test reports any failure of a racing process
        errors.put(f"{type(error).__name__}: {error}")


def _open_and_add(db: str, start, n: int) -> None:
    """Wait for the others, then open the store and add one article of its own."""
    start.wait()
    with open_store(db) as store:
        store.add_batch([Article(id=f"proces-{n}", text=f"Bericht nummer {n} over de brug.")])


def _ingest_all(db: str, start, n: int) -> None:
    """Wait for the others, then add every article in batches, each process in its own order."""
    start.wait()
    ordered = ARTICLES if n % 2 == 0 else ARTICLES[::-1]
    with open_store(db) as store:
        for first in range(0, len(ordered), BATCH):
            store.add_batch(ordered[first:first + BATCH])


def _run_together(work, db: str, processes: int = PROCESSES) -> list[str]:
    """Run `work(db, barrier, n)` in `processes` processes at once; every failure they report."""
    start, errors = CONTEXT.Barrier(processes), CONTEXT.Queue()
    workers = [CONTEXT.Process(target=_reporting, args=(errors, work, db, start, n)) for n in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    found = []
    while not errors.empty():
        found.append(errors.get())
    return found + [f"exit code {w.exitcode}" for w in workers if w.exitcode != 0]


def test_processes_racing_to_create_a_new_store_all_succeed(new_target):
    for _ in range(ROUNDS):
        db = new_target()
        assert _run_together(_open_and_add, db) == []
        assert query(db, "SELECT count(*) FROM articles") == [(PROCESSES,)]
        assert query(db, "SELECT count(*) FROM _migrations") == [(len(MIGRATIONS),)]


def test_reopening_a_sqlite_store_applies_nothing_twice(tmp_path):
    for _ in range(3):
        open_store(tmp_path / "k.db").close()
    assert query(str(tmp_path / "k.db"), "PRAGMA user_version") == [(len(MIGRATIONS),)]


def test_two_processes_ingesting_the_same_articles_store_each_once(target):
    open_store(target).close()
    assert _run_together(_ingest_all, target, processes=2) == []
    assert query(target, "SELECT count(*), count(DISTINCT content_hash) FROM articles") == [(len(ARTICLES),) * 2]
    with open_store(target) as store:
        assert len(store.search('"Zwolle"', limit=100)) == len(ARTICLES)


def _read_while_writing(target: str) -> list[int]:
    """Article counts a read-only store sees while another process ingests; fails on any error."""
    start, errors = CONTEXT.Barrier(2), CONTEXT.Queue()
    writer = CONTEXT.Process(target=_reporting, args=(errors, _ingest_all, target, start, 0))
    writer.start()
    start.wait()
    seen = []
    with open_store(target, read_only=True) as reader:
        while writer.is_alive() or not seen:
            seen.append(reader.article_page(0, 1).total)
            reader.search('"brug"')
    writer.join(timeout=120)
    assert errors.empty() and writer.exitcode == 0
    return seen + [open_store(target, read_only=True).count()]


def test_a_reader_sees_whole_batches_while_an_ingest_writes(target):
    open_store(target).close()
    seen = _read_while_writing(target)
    assert seen == sorted(seen) and seen[-1] == len(ARTICLES)
    assert all(count % BATCH == 0 for count in seen)
