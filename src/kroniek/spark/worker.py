"""What a Spark executor runs: a file's bytes to typed items, and new documents to dataset rows.

Plain Python over plain values (no pyspark import), so the same functions run in a test, in a loop
or in any executor's Python worker. Files are read by Kroniek's own readers (ingest/), chosen by
suffix from the same table as a folder walk, so a skip is typed the same way and a reader added
there is used here too. The pipeline is loaded once per Python worker: `load_pipeline` keeps it in
a module-level cache, and Spark reuses a Python worker from task to task (spark.python.worker.reuse,
on by default), so every task after a worker's first finds it loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlparse

from ..analysis import analyze_documents
from ..ingest.walk import READERS, SQLITE_SUFFIXES, read_bytes, vet
from ..pipeline import SUPPORTED_LANGUAGES, load_pipeline
from ..source import Item, RawDocument, Skipped, content_hash
from .tables import article_tuple, layer_tuples

ITEM_SCHEMA = "content_hash STRING, source STRING, payload STRING, reason STRING, detail STRING"
"""One row per input item: a document (its hash, source and RawDocument JSON) or a skip (its reason)."""

ItemRow = tuple[str | None, str, str | None, str | None, str | None]
TableRow = tuple[str, tuple[Any, ...]]
"""A row of some dataset, with that dataset's name."""


def suffix_of(uri: str) -> str:
    """The lower-case suffix of the file a URI or path names ('.txt'), or ''."""
    return PurePosixPath(urlparse(uri).path).suffix.lower()


def read_file(uri: str, data: bytes) -> Iterator[Item]:
    """The vetted documents in one file's bytes, or why there are none; a suffix that no reader
    takes is a Skipped 'unsupported format', as in a folder walk, and a store's files are passed over."""
    suffix = suffix_of(uri)
    if uri.lower().endswith(SQLITE_SUFFIXES):
        return
    if suffix not in READERS:
        yield Skipped(source=uri, reason="unsupported format", detail=f"suffix '{suffix}'")
        return
    for item in read_bytes(data, suffix, uri):
        yield vet(item, SUPPORTED_LANGUAGES)


def item_row(item: Item) -> ItemRow:
    """An item as a row of ITEM_SCHEMA."""
    if isinstance(item, Skipped):
        return None, item.source, None, item.reason, item.detail
    return content_hash(item.text), item.source or "?", item.model_dump_json(), None, None


def file_items(file: tuple[str, bytes]) -> list[ItemRow]:
    """The item rows of one file, given as (uri, bytes): what Spark's binaryFile source yields."""
    uri, data = file[0], file[1]
    return [item_row(item) for item in read_file(uri, bytes(data))]


def analyse_partition(payloads: Iterable[str]) -> Iterator[TableRow]:
    """Analyse the documents of one partition (RawDocument JSON) in a stream, yielding the rows of
    every layer of each article, then the article's own row."""
    raws = (RawDocument.model_validate_json(payload) for payload in payloads)
    for raw, article in analyze_documents(raws, load_pipeline()):
        yield from layer_tuples(article)
        yield "articles", article_tuple(article, content_hash(raw.text))

