"""Scores quotes against gold, as gold-formats.md ("quotes") specifies.

A predicted quote matches a gold quote when their contents overlap by at least half of their
union (one-to-one, greedy by overlap): content `precision`, `recall`, `f1`. Over the matched pairs,
`speaker_accuracy` (speakers match when equal ignoring case or sharing a content word of four or
more letters; null only null). `e2e_f1` counts a pair only when its speaker matches too.
`per_kind` gives, for each gold kind (direct, indirect, mixed), the recall and speaker accuracy.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..matching import match_spans, names_match
from ..records import Article, Quote
from .gold import GoldDocument, GoldItem, read_gold, with_predictions
from .scoring import accuracy, match_layer, prf

Pair = tuple[GoldItem, Quote]


def matched_pairs(gold: list[GoldItem], quotes: list[Quote]) -> list[Pair]:
    """Gold quotes and predictions whose contents overlap by half their union, one-to-one."""
    pairs = match_spans([(g.start, g.end) for g in gold], [(q.content.start, q.content.end) for q in quotes])
    return [(gold[gi], quotes[pi]) for gi, pi in pairs]


def speaker_matches(pair: Pair) -> bool:
    item, quote = pair
    return names_match(item.fields.get("speaker"), quote.speaker)


def _per_kind(gold: list[GoldItem], pairs: list[Pair]) -> dict:
    counts = Counter(item.fields.get("kind") for item in gold)
    found, right = Counter(), Counter()
    for pair in pairs:
        kind = pair[0].fields.get("kind")
        found[kind] += 1
        right[kind] += speaker_matches(pair)
    return {
        kind: {"n_gold": n, "recall": found[kind] / n, "speaker_accuracy": right[kind] / found[kind] if found[kind] else 0.0}
        for kind, n in sorted(counts.items(), key=lambda kv: str(kv[0]))
    }


def score(documents: Iterable[tuple[GoldDocument, Article]]) -> dict:
    """The quotes metrics over (gold document, predicted Article) pairs."""
    matches = match_layer(documents, "quotes", matched_pairs)
    gold_all, pairs, n_pred = matches.gold, matches.pairs, matches.n_pred
    content = matches.content()
    speaker_hits = [speaker_matches(pair) for pair in pairs]
    end_to_end = prf(sum(speaker_hits), len(gold_all), n_pred)
    return {
        "f1": content["f1"], "precision": content["precision"], "recall": content["recall"],
        "speaker_accuracy": accuracy(speaker_hits),
        "e2e_f1": end_to_end["f1"], "e2e_precision": end_to_end["precision"], "e2e_recall": end_to_end["recall"],
        "n_gold": len(gold_all), "n_pred": n_pred, "n_matched": len(pairs),
        "per_kind": _per_kind(gold_all, pairs),
    }


def evaluate(gold_path: Path, nlp) -> dict:
    """Run the pipeline over a gold file's documents and score their quotes."""
    return score(with_predictions(read_gold(gold_path, "quotes", "content"), nlp))
