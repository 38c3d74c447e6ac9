"""How an article and each layer's records map onto table rows: the span a row points at, its human
label, and the columns worth filtering on. The full record is kept beside them as JSON, losslessly.

The SQLite store inserts these rows and the Spark job writes them as Parquet, so both speak the
same columns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import (
    Argument,
    Article,
    Claim,
    Contradiction,
    Entity,
    Event,
    Mention,
    Place,
    Quantity,
    Quote,
    Record,
    Span,
    Timex,
)


def _short(text: str | None, limit: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class LayerTable:
    """One layer's table: its record type, the span of a row, a label, and typed extra columns."""

    record: type[Record]
    columns: dict[str, str]
    values: Callable[[Any], dict[str, Any]]
    label: Callable[[Any], str]
    span: Callable[[Any], Span | None] = lambda record: None


def _arg(argument: Argument | None) -> str | None:
    return argument.text if argument else None


LAYER_TABLES: dict[str, LayerTable] = {
    "mentions": LayerTable(
        Mention, {"type": "TEXT", "entity": "INTEGER"},
        lambda m: {"type": m.label, "entity": m.entity},
        lambda m: f"{m.text} ({m.label})", span=lambda m: m),
    "entities": LayerTable(
        Entity, {"type": "TEXT", "n_mentions": "INTEGER"},
        lambda e: {"type": e.label, "n_mentions": len(e.mentions)},
        lambda e: f"{e.name} ({e.label})"),
    "quotes": LayerTable(
        Quote, {"speaker": "TEXT", "kind": "TEXT", "cue": "TEXT", "confidence": "REAL"},
        lambda q: {"speaker": q.speaker, "kind": q.kind, "cue": q.cue.text if q.cue else None,
                   "confidence": q.confidence},
        lambda q: f"{q.speaker or '?'}: {_short(q.content.text, 70)}", span=lambda q: q.content),
    "claims": LayerTable(
        Claim, {"source": "TEXT", "factuality": "TEXT", "tense": "TEXT", "cue": "TEXT"},
        lambda c: {"source": c.source, "factuality": c.factuality, "tense": c.tense,
                   "cue": c.cue.text if c.cue else None},
        lambda c: f"[{c.factuality}] {c.source or '?'}: {_short(c.content.text, 60)}", span=lambda c: c.content),
    "contradictions": LayerTable(
        Contradiction, {"reason": "TEXT", "score": "REAL"},
        lambda c: {"reason": c.reason, "score": c.score},
        lambda c: _short(c.reason)),
    "events": LayerTable(
        Event, {"type": "TEXT", "status": "TEXT", "agent": "TEXT", "patient": "TEXT", "place": "TEXT",
                "time": "TEXT", "factuality": "TEXT"},
        lambda e: {"type": e.type, "status": e.status or "unconfirmed", "agent": _arg(e.agent),
                   "patient": _arg(e.patient), "place": _arg(e.place), "time": e.time, "factuality": e.factuality},
        lambda e: f"{e.type} ({e.status or 'unconfirmed'}): {_arg(e.agent) or '?'} {e.trigger.text} "
                  f"{_arg(e.patient) or ''}".strip(),
        span=lambda e: e.trigger),
    "timexes": LayerTable(
        Timex, {"type": "TEXT", "value": "TEXT"},
        lambda t: {"type": t.type, "value": t.value},
        lambda t: f"{t.text} = {t.value or '?'}", span=lambda t: t),
    "places": LayerTable(
        Place, {"place": "TEXT", "country": "TEXT", "lat": "REAL", "lon": "REAL", "resolved": "INTEGER"},
        lambda p: {"place": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "resolved": p.resolved},
        lambda p: f"{p.text} → {p.name or '?'}", span=lambda p: p),
    "quantities": LayerTable(
        Quantity, {"value": "REAL", "unit": "TEXT", "counted": "TEXT", "approximate": "INTEGER"},
        lambda q: {"value": q.value, "unit": q.unit, "counted": q.of, "approximate": q.approximate},
        lambda q: _short(q.text), span=lambda q: q),
}
"""Every layer of an Article (records.LAYERS) and its table."""


def article_name(article: Article) -> str:
    """An article's human label: its title, else the start of its first sentence."""
    if article.title:
        return article.title
    first = article.sentences[0].text if article.sentences else article.text
    return " ".join(first.split())[:100]


def article_row(article: Article, digest: str) -> dict[str, Any]:
    """The columns of an article's row (its layers have rows of their own); `digest` is its content hash."""
    made = article.produced_by
    return {
        "name": article_name(article), "doc_id": article.id, "content_hash": digest, "title": article.title,
        "source": article.source, "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language, "n_words": len(article.text.split()), "text": article.text,
        "paragraphs": json.dumps([s.model_dump() for s in article.paragraphs], ensure_ascii=False),
        "sentences": json.dumps([s.model_dump() for s in article.sentences], ensure_ascii=False),
        "kroniek_version": made.kroniek if made else None, "model": made.model if made else None,
        "model_version": made.model_version if made else None,
    }


Execute = Callable[[str, Sequence[Any]], Any]
"""A SQL store's `_execute`: one statement with `?` placeholders, returning a cursor."""


def read_layer(execute: Execute, layer: str, article_id: int) -> list[Record]:
    """The records of one layer of a stored article (by its row id), in order."""
    rows = execute(f"SELECT record FROM {layer} WHERE article_id = ? ORDER BY ordinal", (article_id,))
    return [LAYER_TABLES[layer].record.model_validate_json(row["record"]) for row in rows]


def layer_row(layer: str, ordinal: int, record: Record) -> dict[str, Any]:
    """The columns of the row of the `ordinal`-th record of `layer` in its article (without the article)."""
    table = LAYER_TABLES[layer]
    span: Span | None = table.span(record)
    return {
        "ordinal": ordinal, "name": table.label(record), "start": span.start if span else None,
        "end": span.end if span else None, "text": span.text if span else None, **table.values(record),
        "record": record.model_dump_json(),
    }
