"""What a Spark executor runs: a file's bytes to typed items, and new documents to dataset rows.

Plain Python over plain values (no pyspark import), so the same functions run in a test, in a loop
or in any executor's Python worker. A file's bytes are read by Kroniek's own readers (ingest/)
exactly as a file found in a folder is, so a skip is typed the same way and a reader or archive
format added there is used here too. The pipeline is loaded once per Python worker:
`load_pipeline` keeps it in a module-level cache, and Spark reuses a Python worker from task to
task (spark.python.worker.reuse, on by default), so every task after a worker's first finds it loaded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from ..analysis import analyze_documents
from ..ingest import neardup, walk
from ..ingest.walk import SQLITE_SUFFIXES, is_readable, vet
from ..pipeline import SUPPORTED_LANGUAGES, load_pipeline
from ..source import Item, RawDocument, Skipped, content_hash
from .tables import article_tuple, layer_tuples

ITEM_SCHEMA = "content_hash STRING, source STRING, payload STRING, reason STRING, detail STRING, origin STRING"
"""One row per input item: a document (its hash, source and RawDocument JSON) or a skip (its reason),
with where it stands among the inputs (file and position: the order `kroniek ingest` reads them in)."""

ItemRow = tuple[str | None, str, str | None, str | None, str | None, str]
TableRow = tuple[str, tuple[Any, ...]]
"""A row of some dataset, with that dataset's name."""


def _named(item: Item, local: str, uri: str) -> Item:
    """`item` with the temporary file's path in its source replaced by the file's URI."""
    source = item.source or ""
    return item.model_copy(update={"source": uri + source[len(local):]}) if source.startswith(local) else item


def read_file(uri: str, data: bytes) -> Iterator[Item]:
    """The vetted documents in one file's bytes, or why there are none, read exactly as `kroniek ingest`
    reads a file in a folder (walk.read_file, on a temporary copy): a store's files are passed over and
    a file that no reader takes is a Skipped 'unsupported format'."""
    name = PurePosixPath(unquote(urlparse(uri).path)).name
    if name.lower().endswith(SQLITE_SUFFIXES):
        return
    if not is_readable(Path(name)):
        yield Skipped(source=uri, reason="unsupported format", detail=f"suffix '{Path(name).suffix}'")
        return
    with tempfile.TemporaryDirectory(prefix="kroniek-") as folder:
        local = Path(folder) / name
        local.write_bytes(data)
        for item in walk.read_file(local):
            yield vet(_named(item, str(local), uri), SUPPORTED_LANGUAGES)


def item_row(item: Item, origin: str = "") -> ItemRow:
    """An item as a row of ITEM_SCHEMA."""
    if isinstance(item, Skipped):
        return None, item.source, None, item.reason, item.detail, origin
    return content_hash(item.text), item.source or "?", item.model_dump_json(), None, None, origin


def file_items(file: tuple[str, bytes]) -> list[ItemRow]:
    """The item rows of one file, given as (uri, bytes): what Spark's binaryFile source yields."""
    uri, data = file[0], file[1]
    return [item_row(item, f"{uri}\t{position:09d}") for position, item in enumerate(read_file(uri, bytes(data)))]


def analyse_partition(payloads: Iterable[str]) -> Iterator[TableRow]:
    """Analyse the documents of one partition (RawDocument JSON) in a stream, yielding the rows of
    every layer of each article, then the article's own row."""
    raws = (RawDocument.model_validate_json(payload) for payload in payloads)
    for raw, article in analyze_documents(raws, load_pipeline()):
        yield from layer_tuples(article)
        yield "articles", article_tuple(article, content_hash(raw.text))



def signed(row: tuple[str, str, str]) -> tuple[str, str, str]:
    """(content hash, source, MinHash signature as text) of a document row (hash, source, payload)."""
    content, source, payload = row
    return content, source, neardup.encode(neardup.signature(RawDocument.model_validate_json(payload).text))
