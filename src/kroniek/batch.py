"""Ingestion: read inputs, analyse what is new in batches, store each batch in one transaction.

Idempotent by content hash, so an interrupted run (Ctrl-C, kill -9) that is started again stores
every article exactly once. A near-duplicate of an article stored before or earlier in the run (a
wire copy, a lightly edited update) is not analysed but recorded as a link to that first version.
Every input is counted: stored, already present, near-duplicate, or skipped by reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language

from .analysis import analyze_documents
from .corpus.update import update_corpus
from .ingest.neardup import SCHEME, THRESHOLD, NearDuplicateIndex, decode, encode, signature
from .source import Item, NearDuplicate, RawDocument, Skipped, content_hash
from .store import Store


@dataclass
class Summary:
    """What an ingest run did with its inputs."""

    read: int = 0
    stored: int = 0
    present: int = 0
    near_duplicates: int = 0
    skipped: Counter = field(default_factory=Counter)

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    def line(self) -> str:
        """One line a person reads: read, stored, already present, near-duplicates, skipped by reason."""
        reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.skipped.items()))
        skipped = f"skipped {self.n_skipped}" + (f" ({reasons})" if reasons else "")
        return (f"read {self.read}, stored {self.stored}, already present {self.present}, "
                f"near-duplicates {self.near_duplicates}, {skipped}")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Signatures:
    """The near-duplicate index of a store, built when first needed from the signatures it keeps (the
    texts of articles stored without one are signed then), and the signatures of the documents passed
    on for analysis, kept until their articles are stored."""

    def __init__(self, store: Store, threshold: float):
        self.store, self.threshold = store, threshold
        self._index: NearDuplicateIndex | None = None
        self.unstored: dict[str, str] = {}

    def index(self) -> NearDuplicateIndex:
        """The index of every stored article, and of every document passed on so far."""
        if self._index is None:
            self._index = NearDuplicateIndex(self.threshold)
            unsigned = {digest: encode(signature(text)) for digest, text in self.store.unsigned_texts(SCHEME)}
            if unsigned:
                self.store.add_signatures(SCHEME, unsigned)
            for digest, signed in [*self.store.signatures(SCHEME)]:
                self._index.add(digest, decode(signed))
        return self._index

    def near_duplicate(self, document: RawDocument, digest: str) -> NearDuplicate | None:
        """The link of a document to the first version it nearly repeats; a document that repeats none is indexed."""
        values = signature(document.text)
        match = self.index().match(values)
        if match is None:
            self.index().add(digest, values)
            self.unstored[digest] = encode(values)
            return None
        return NearDuplicate(content_hash=digest, duplicate_of=match[0], similarity=round(match[1], 3),
                             source=document.source, title=document.title, published=document.published,
                             outlet=document.outlet)

    def keep(self, digests: Iterable[str]) -> None:
        """Store the signatures of these documents, whose articles are stored now."""
        signed = {digest: self.unstored.pop(digest) for digest in digests if digest in self.unstored}
        if signed:
            self.store.add_signatures(SCHEME, signed)


class _Vetting:
    """Passes on the documents that are not stored yet, repeated nor near-duplicates, counting all the rest."""

    def __init__(self, store: Store, summary: Summary, on_item: Callable[[], None], threshold: float):
        self.store, self.summary, self.on_item = store, summary, on_item
        self.signatures = _Signatures(store, threshold)
        self.seen: set[str] = set()
        self.pending_skips: list[Skipped] = []
        self.pending_duplicates: list[NearDuplicate] = []

    def new_documents(self, items: Iterable[Item]) -> Iterator[RawDocument]:
        for item in items:
            self.summary.read += 1
            if isinstance(item, Skipped):
                self.pending_skips.append(item)
                self.summary.skipped[item.reason] += 1
            elif self._is_new(digest := content_hash(item.text)):
                if self._is_original(item, digest):
                    yield item
                    continue
            else:
                self.summary.present += 1
            self.on_item()

    def _is_original(self, document: RawDocument, digest: str) -> bool:
        """True for a document that nearly repeats no article before it; a near-duplicate is counted and kept."""
        duplicate = self.signatures.near_duplicate(document, digest)
        if duplicate is not None:
            self.pending_duplicates.append(duplicate)
            self.summary.near_duplicates += 1
        return duplicate is None

    def _is_new(self, digest: str) -> bool:
        if digest in self.seen or self.store.has_content(digest):
            return False
        self.seen.add(digest)
        return True

    def take_skips(self) -> list[Skipped]:
        skips, self.pending_skips = self.pending_skips, []
        return skips

    def take_duplicates(self, storing: Iterable[str] = ()) -> list[NearDuplicate]:
        """The near-duplicates whose first version is stored, or among the content hashes `storing` now."""
        waiting = self.signatures.unstored.keys() - set(storing)
        ready = [d for d in self.pending_duplicates if d.duplicate_of not in waiting]
        self.pending_duplicates = [d for d in self.pending_duplicates if d.duplicate_of in waiting]
        return ready


def ingest(
    items: Iterable[Item],
    store: Store,
    nlp: Language,
    batch_size: int = 64,
    n_process: int = 1,
    on_item: Callable[[], None] = lambda: None,
    summary: Summary | None = None,
    threshold: float = THRESHOLD,
) -> Summary:
    """Analyse and store every new document of `items`; return what happened to each input.

    Each batch of analysed articles is stored in one transaction with the skips and near-duplicates
    (estimated Jaccard similarity of at least `threshold`) seen before it. The counts go into
    `summary` when given, so that a caller interrupted halfway knows them.
    """
    summary = summary if summary is not None else Summary()
    vetting = _Vetting(store, summary, on_item, threshold)
    results = analyze_documents(vetting.new_documents(items), nlp, batch_size=batch_size, n_process=n_process)
    for batch in _batches(results, batch_size):
        articles = [article for _, article in batch]
        digests = [content_hash(raw.text) for raw, _ in batch]
        added = store.add_batch(articles, vetting.take_skips(), vetting.take_duplicates(digests))
        vetting.signatures.keep(digests)
        summary.stored += added
        summary.present += len(articles) - added
        update_corpus(store)  # counted first: a Ctrl-C while linking must not hide what was stored
        for _ in batch:
            on_item()
    store.add_batch([], vetting.take_skips(), vetting.take_duplicates())
    return summary
