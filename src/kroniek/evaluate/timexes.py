"""Scores temporal expressions against gold, as gold-formats.md ("timexes") specifies (TempEval-3 style).

`strict_f1` counts predictions whose span equals a gold span; `relaxed_f1` those that overlap one
(one-to-one, greedy by overlap). Over the relaxed matches: `type_accuracy` and `value_accuracy`
(equal TIMEX3 values; null matches only null). Per gold type: how many, recall, value accuracy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..matching import any_overlap, match_spans
from ..records import Article, Timex
from .gold import GoldDocument, GoldItem, read_gold, with_predictions
from .scoring import accuracy, prf


def _ranges(gold: list[GoldItem], timexes: list[Timex]) -> tuple[list, list]:
    return [(g.start, g.end) for g in gold], [(t.start, t.end) for t in timexes]


def strict_matches(gold: list[GoldItem], timexes: list[Timex]) -> int:
    """How many predictions have exactly a gold item's span."""
    gold_ranges, predicted = _ranges(gold, timexes)
    return len(set(gold_ranges) & set(predicted))


def relaxed_pairs(gold: list[GoldItem], timexes: list[Timex]) -> list[tuple[GoldItem, Timex]]:
    """Gold items and predictions whose spans overlap, one-to-one."""
    pairs = match_spans(*_ranges(gold, timexes), accept=any_overlap)
    return [(gold[gi], timexes[pi]) for gi, pi in pairs]


def _per_type(gold_types: list[str], pairs: list[tuple[GoldItem, Timex]]) -> dict:
    counts, found, valued = defaultdict(int), defaultdict(int), defaultdict(int)
    for name in gold_types:
        counts[name] += 1
    for item, timex in pairs:
        found[item.fields.get("type")] += 1
        valued[item.fields.get("type")] += item.fields.get("value") == timex.value
    return {
        name: {"n_gold": n, "recall": found[name] / n,
               "value_accuracy": valued[name] / found[name] if found[name] else 0.0}
        for name, n in sorted(counts.items(), key=lambda kv: str(kv[0]))
    }


def score(documents: Iterable[tuple[GoldDocument, Article]]) -> dict:
    """The timex metrics over (gold document, predicted Article) pairs."""
    n_gold = n_pred = n_strict = 0
    pairs: list[tuple[GoldItem, Timex]] = []
    gold_types: list[str] = []
    for document, article in documents:
        gold = document.layers["timexes"]
        n_gold, n_pred = n_gold + len(gold), n_pred + len(article.timexes)
        n_strict += strict_matches(gold, article.timexes)
        pairs += relaxed_pairs(gold, article.timexes)
        gold_types += [item.fields.get("type") for item in gold]
    strict, relaxed = prf(n_strict, n_gold, n_pred), prf(len(pairs), n_gold, n_pred)
    return {
        "strict_f1": strict["f1"], "strict_precision": strict["precision"], "strict_recall": strict["recall"],
        "relaxed_f1": relaxed["f1"], "relaxed_precision": relaxed["precision"], "relaxed_recall": relaxed["recall"],
        "type_accuracy": accuracy([item.fields.get("type") == timex.type for item, timex in pairs]),
        "value_accuracy": accuracy([item.fields.get("value") == timex.value for item, timex in pairs]),
        "n_gold": n_gold, "n_pred": n_pred, "n_strict": n_strict, "n_relaxed": len(pairs),
        "per_type": _per_type(gold_types, pairs),
    }


def evaluate(gold_path: Path, nlp) -> dict:
    """Run the pipeline over a gold file's documents and score their temporal expressions."""
    return score(with_predictions(read_gold(gold_path, "timexes", "text"), nlp))
