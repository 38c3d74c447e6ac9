"""Reads document-level gold (JSON Lines) and locates every gold span in its text.

A gold item names its span by an exact substring in a field (`content`, `text`, `trigger`), with
`start` when the substring occurs more than once; otherwise the first occurrence is meant.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GoldFormatError

if TYPE_CHECKING:
    from ..records import Article


@dataclass
class GoldItem:
    """One gold annotation with its located character range."""

    start: int
    end: int
    fields: dict


@dataclass
class GoldDocument:
    """One gold document: its text, published date, and the annotated layers that are present."""

    id: str
    text: str
    published: dt.date | None
    layers: dict[str, list[GoldItem]] = field(default_factory=dict)


def locate(text: str, item: dict, span_field: str, where: str) -> GoldItem:
    """The character range of `item[span_field]` in `text`, honouring an explicit `start`."""
    needle = item.get(span_field)
    if not isinstance(needle, str) or not needle:
        raise GoldFormatError(f"{where}: item has no '{span_field}' string: {json.dumps(item, ensure_ascii=False)[:120]}")
    start = item.get("start")
    if start is None:
        start = text.find(needle)
    if start < 0 or text[start : start + len(needle)] != needle:
        raise GoldFormatError(f"{where}: '{needle[:60]}' is not in the text at {start}")
    return GoldItem(start=start, end=start + len(needle), fields=item)


def published_date(value, where: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except (TypeError, ValueError):
        raise GoldFormatError(f"{where}: 'published' is not an ISO 8601 date: {value!r}") from None


def _document(line: str, where: str, layer: str, span_field: str) -> GoldDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise GoldFormatError(f"{where}: not JSON ({error})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise GoldFormatError(f"{where}: a gold document needs a 'text' string")
    doc = GoldDocument(str(record.get("id", where)), record["text"], published_date(record.get("published"), where))
    items = record.get(layer)
    if items is not None:
        if not isinstance(items, list):
            raise GoldFormatError(f"{where}: '{layer}' must be a list")
        doc.layers[layer] = [locate(doc.text, item, span_field, where) for item in items]
    return doc


def read_gold(path: Path, layer: str, span_field: str) -> Iterator[GoldDocument]:
    """The documents of a gold file; those that do not annotate `layer` are left out."""
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                doc = _document(line, f"{path}:{number}", layer, span_field)
                if layer in doc.layers:
                    yield doc


def with_predictions(documents, nlp) -> Iterator[tuple[GoldDocument, Article]]:
    """Each gold document beside the Article the pipeline makes of its text and published date."""
    from ..analysis import analyze

    for document in documents:
        yield document, analyze(document.text, published=document.published, id=document.id, nlp=nlp)
