"""Annotator agreement: blind annotations scored against gold with the project's own scorers.

An annotation file holds one JSON object per document: `doc` or `id` (the id of a gold document) and
its `quotes`, `claims` or `events`, spans as exact substrings with `start` where a substring occurs
more than once (the formats of docs/annotation/attribution.md and docs/annotation/events.md). Each
annotated document becomes an Article carrying the annotator's items, and the layer's scorer
(`kroniek.evaluate.quotes`, `.claims`, `.events`) compares it with the gold document of the same
id, gold as the reference. Only the documents the annotator annotated are scored, and only in the
layers the gold file has.

    python -m kroniek.evaluate.agreement GOLD.jsonl ANNOTATIONS.jsonl    # one JSON object per layer
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ..records import Article, Claim, Event, Quote, Span, span_of
from . import claims, events, quotes
from .gold import GoldDocument, locate, read_gold

Scorer = Callable[[Iterable[tuple[GoldDocument, Article]]], dict]
SCORERS: dict[str, Scorer] = {"quotes": quotes.score, "claims": claims.score, "events": events.score}
SPAN_FIELDS = {"quotes": "content", "claims": "content", "events": "trigger"}


def read_annotations(path: Path) -> dict[str, dict]:
    """The annotated documents of a substring-format file, by document id."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {record.get("doc") or record["id"]: record for record in map(json.loads, filter(str.strip, lines))}


def _content(text: str, item: dict, where: str, field: str = "content") -> Span:
    """The Span of an item's `field` substring (at its `start` when given)."""
    found = locate(text, item, field, where)
    return span_of(text, found.start, found.end)


def to_article(record: dict, document: GoldDocument) -> Article:
    """An annotated document as an Article over the gold document's text, for the scorers."""
    where = f"annotation {document.id}"
    text = document.text
    return Article(
        id=document.id, text=text, published=document.published,
        quotes=[
            Quote(content=_content(text, q, where), speaker=q.get("speaker"), kind=q["kind"])
            for q in record.get("quotes", [])
        ],
        claims=[
            Claim(id=n, content=_content(text, c, where), source=c.get("source"),
                  factuality=c["factuality"], tense=c["tense"])
            for n, c in enumerate(record.get("claims", []))
        ],
        events=[
            Event(trigger=_content(text, e, where, "trigger"), type=e["type"], factuality=e["factuality"])
            for e in record.get("events", [])
        ],
    )


def scored_pairs(gold: Path, annotations: dict[str, dict], layer: str) -> list[tuple[GoldDocument, Article]]:
    """(gold document, annotator's Article) for every document of `gold` that has `layer` and that the
    annotator annotated in that layer."""
    return [
        (document, to_article(annotations[document.id], document))
        for document in read_gold(gold, layer, SPAN_FIELDS[layer])
        if layer in annotations.get(document.id, {})
    ]


def agreement(gold: Path, annotation_file: Path) -> dict[str, dict]:
    """Per layer of the gold file: the annotated documents counted, and the scorer's metrics."""
    annotations = read_annotations(annotation_file)
    results = {}
    for layer, score in SCORERS.items():
        pairs = scored_pairs(gold, annotations, layer)
        if pairs:
            results[layer] = {"n_documents": len(pairs), **score(pairs)}
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m kroniek.evaluate.agreement GOLD.jsonl ANNOTATIONS.jsonl", file=sys.stderr)
        return 2
    gold, annotation_file = map(Path, argv)
    for layer, metrics in agreement(gold, annotation_file).items():
        print(json.dumps({"gold": gold.name, "layer": layer, **metrics}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
