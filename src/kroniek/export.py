"""Exports of the store: whole articles as JSON Lines; one table as CSV or Parquet."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import IO

from .errors import KroniekError
from .store import Store

DROPPED_FROM_TABLES = ("paragraphs", "sentences")
"""Article columns that are JSON lists of offsets: kept in JSONL, left out of flat tables."""


def flat_row(row: dict) -> dict:
    """A table row as CSV and Parquet exports carry it: without the columns of JSON lists of offsets."""
    return {key: value for key, value in row.items() if key not in DROPPED_FROM_TABLES}


def _flat_rows(store: Store, table: str):
    for row in store.rows(table):
        yield flat_row(row)


def _write_jsonl(store: Store, out: IO[str]) -> None:
    for article in store.articles():
        out.write(article.model_dump_json() + "\n")


def _write_csv(store: Store, table: str, out: IO[str]) -> None:
    writer = None
    for row in _flat_rows(store, table):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)


def _write_parquet(store: Store, table: str, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(_flat_rows(store, table))
    pq.write_table(pa.Table.from_pylist(rows), path)


def export_store(store: Store, output_format: str, table: str = "articles", output: Path | None = None) -> None:
    """Write the store in `output_format` (jsonl, csv, parquet) to `output` or stdout."""
    if output_format == "parquet":
        if output is None:
            raise KroniekError("a Parquet export needs a file to write")
        _write_parquet(store, table, output)
        return
    with (output.open("w", encoding="utf-8", newline="") if output else _stdout()) as out:
        if output_format == "jsonl":
            _write_jsonl(store, out)
        else:
            _write_csv(store, table, out)


def _stdout():
    from contextlib import nullcontext

    return nullcontext(sys.stdout)
