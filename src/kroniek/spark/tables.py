"""The Parquet datasets a Spark run writes and their columns, with a row of each as a plain tuple.

Rows come from the same code as the store's (store/layers.py) and the exports (export.flat_row);
here they gain the article id that ties a layer row to its article, and the article's month.
"""

from __future__ import annotations

from typing import Any

from ..export import flat_row
from ..records import LAYERS, Article, Record
from ..store.layers import LAYER_TABLES, article_row, layer_row

SQL_TO_SPARK = {"TEXT": "STRING", "INTEGER": "BIGINT", "REAL": "DOUBLE"}
UNDATED_MONTH = "unknown"
"""The month partition of an article without a publication date."""

ARTICLE_COLUMNS: dict[str, str] = {
    "article_id": "STRING", "content_hash": "STRING", "name": "STRING", "title": "STRING", "source": "STRING",
    "outlet": "STRING",
    "published": "STRING", "month": "STRING", "language": "STRING", "n_words": "BIGINT", "text": "STRING",
    "kroniek_version": "STRING", "model": "STRING", "model_version": "STRING",
}
SKIPPED_COLUMNS: dict[str, str] = {"source": "STRING", "reason": "STRING", "detail": "STRING"}
SIGNATURE_COLUMNS: dict[str, str] = {"content_hash": "STRING", "signature": "STRING"}
DUPLICATE_COLUMNS: dict[str, str] = {
    "content_hash": "STRING", "source": "STRING", "duplicate_of": "STRING", "similarity": "DOUBLE",
}


def layer_columns(layer: str) -> dict[str, str]:
    """The columns of a layer's dataset: its article, its place there, its span, label, extras and record."""
    extras = {name: SQL_TO_SPARK[kind] for name, kind in LAYER_TABLES[layer].columns.items()}
    return {"article_id": "STRING", "ordinal": "BIGINT", "name": "STRING", "start": "BIGINT", "end": "BIGINT",
            "text": "STRING", **extras, "record": "STRING"}


COLUMNS: dict[str, dict[str, str]] = {
    "articles": ARTICLE_COLUMNS, **{layer: layer_columns(layer) for layer in LAYERS}, "skipped": SKIPPED_COLUMNS,
    "signatures": SIGNATURE_COLUMNS, "duplicates": DUPLICATE_COLUMNS,
}
"""Every dataset a run writes (a folder of that name under the output) and its columns."""


def ddl(table: str) -> str:
    """The Spark schema of `table` as a DDL string ('article_id STRING, …')."""
    return ", ".join(f"`{name}` {kind}" for name, kind in COLUMNS[table].items())


def as_tuple(table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """`row` as a tuple in the column order of `table`; booleans become 0/1 as in the store."""
    return tuple(int(v) if isinstance(v, bool) else v for v in (row[name] for name in COLUMNS[table]))


def month(article: Article) -> str:
    """The partition an article goes to: its publication month (YYYY-MM), or 'unknown'."""
    return article.published.strftime("%Y-%m") if article.published else UNDATED_MONTH


def article_tuple(article: Article, digest: str) -> tuple[Any, ...]:
    """An article's row in the articles dataset."""
    row = flat_row(article_row(article, digest))
    return as_tuple("articles", {**row, "article_id": row["doc_id"], "month": month(article)})


def layer_tuples(article: Article) -> list[tuple[str, tuple[Any, ...]]]:
    """The rows of every layer of `article`, each with the name of its dataset."""
    rows = []
    for layer in LAYERS:
        records: list[Record] = getattr(article, layer)
        for ordinal, record in enumerate(records):
            rows.append((layer, as_tuple(layer, {"article_id": article.id, **layer_row(layer, ordinal, record)})))
    return rows

