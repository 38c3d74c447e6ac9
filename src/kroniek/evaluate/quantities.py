"""Scores quantities against gold, as gold-formats.md ("quantities") specifies.

A predicted quantity matches a gold one when their spans overlap (one-to-one, greedy by overlap).
Over the matched pairs: `value_accuracy` (equal within 1 %, so 5 2/3 matches 5.67) and
`unit_accuracy` (equal after normalising the unit's spelling, so "dollar" matches "USD"; null
matches only null).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from ..lang import DEFAULT_LANGUAGE, read_mapping
from ..matching import any_overlap, match_spans
from ..records import Article, Quantity
from .gold import GoldDocument, GoldItem, read_gold, with_predictions
from .scoring import accuracy, match_layer


def same_value(gold, predicted: float | None) -> bool:
    """Equal numbers, allowing for rounding in the gold ("5.67" for five and two thirds)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return math.isclose(float(gold), predicted, rel_tol=0.01, abs_tol=0.005)


def normalised_unit(unit: str | None) -> str | None:
    """A unit as Kroniek writes it: "kilometer per uur" and "km/u" are km/h, "dollar" USD."""
    if unit is None:
        return None
    spelled = unit.strip().lower()
    units = {words.lower(): name for words, name in read_mapping(DEFAULT_LANGUAGE, "units").items()}
    symbols = read_mapping(DEFAULT_LANGUAGE, "currency_symbols")
    return (units.get(spelled) or symbols.get(spelled) or unit.strip()).lower()


def same_unit(gold: str | None, predicted: str | None) -> bool:
    """Equal units after normalising their spelling; null matches only null."""
    return normalised_unit(gold) == normalised_unit(predicted)


def matched_pairs(gold: list[GoldItem], quantities: list[Quantity]) -> list[tuple[GoldItem, Quantity]]:
    """Gold items and predicted quantities whose spans overlap, one-to-one."""
    pairs = match_spans([(g.start, g.end) for g in gold], [(q.start, q.end) for q in quantities],
                        accept=any_overlap)
    return [(gold[gi], quantities[pi]) for gi, pi in pairs]


def score(documents: Iterable[tuple[GoldDocument, Article]]) -> dict:
    """The quantity metrics over (gold document, predicted Article) pairs."""
    matches = match_layer(documents, "quantities", matched_pairs)
    pairs = matches.pairs
    metrics = matches.content()
    metrics["value_accuracy"] = accuracy([same_value(item.fields.get("value"), q.value) for item, q in pairs])
    metrics["unit_accuracy"] = accuracy([same_unit(item.fields.get("unit"), q.unit) for item, q in pairs])
    metrics["n_matched"] = len(pairs)
    return metrics


def evaluate(gold_path: Path, nlp) -> dict:
    """Run the pipeline over a gold file's documents and score their quantities."""
    return score(with_predictions(read_gold(gold_path, "quantities", "text"), nlp))
