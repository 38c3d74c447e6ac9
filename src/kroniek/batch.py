"""Ingestion: read inputs, analyse what is new in batches, store each batch in one transaction.

Idempotent by content hash, so an interrupted run (Ctrl-C, kill -9) that is started again stores
every article exactly once. Every input is counted: stored, already present, or skipped by reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language

from .analysis import analyze_documents
from .source import Item, RawDocument, Skipped, content_hash
from .store import Store


@dataclass
class Summary:
    """What an ingest run did with its inputs."""

    read: int = 0
    stored: int = 0
    present: int = 0
    skipped: Counter = field(default_factory=Counter)

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    def line(self) -> str:
        """One line a person reads: read, stored, already present, skipped by reason."""
        reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items()))
        skipped = f"skipped {self.n_skipped}" + (f" ({reasons})" if reasons else "")
        return f"read {self.read}, stored {self.stored}, already present {self.present}, {skipped}"


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Vetting:
    """Passes on the documents that are not stored yet (nor repeated), counting all the rest."""

    def __init__(self, store: Store, summary: Summary, on_item: Callable[[], None]):
        self.store, self.summary, self.on_item = store, summary, on_item
        self.seen: set[str] = set()
        self.pending_skips: list[Skipped] = []

    def new_documents(self, items: Iterable[Item]) -> Iterator[RawDocument]:
        for item in items:
            self.summary.read += 1
            if isinstance(item, Skipped):
                self.pending_skips.append(item)
                self.summary.skipped[item.reason] += 1
            elif self._is_new(content_hash(item.text)):
                yield item
                continue
            else:
                self.summary.present += 1
            self.on_item()

    def _is_new(self, digest: str) -> bool:
        if digest in self.seen or self.store.has_content(digest):
            return False
        self.seen.add(digest)
        return True

    def take_skips(self) -> list[Skipped]:
        skips, self.pending_skips = self.pending_skips, []
        return skips


def ingest(
    items: Iterable[Item],
    store: Store,
    nlp: Language,
    batch_size: int = 64,
    n_process: int = 1,
    on_item: Callable[[], None] = lambda: None,
    summary: Summary | None = None,
) -> Summary:
    """Analyse and store every new document of `items`; return what happened to each input.

    Each batch of analysed articles is stored in one transaction with the skips seen before it.
    The counts go into `summary` when given, so that a caller interrupted halfway knows them.
    """
    summary = summary if summary is not None else Summary()
    vetting = _Vetting(store, summary, on_item)
    results = analyze_documents(vetting.new_documents(items), nlp, batch_size=batch_size, n_process=n_process)
    for batch in _batches(results, batch_size):
        articles = [article for _, article in batch]
        added = store.add_batch(articles, vetting.take_skips())
        summary.stored += added
        summary.present += len(articles) - added
        for _ in batch:
            on_item()
    store.add_batch([], vetting.take_skips())
    return summary
