"""Matching predictions to gold, shared by every document-level scorer.

Spans match one-to-one, greedily by overlap; names match as gold-formats.md says speakers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional, Sequence

from ..lang import word_list

Range = tuple[int, int]


def overlap(a: Range, b: Range) -> int:
    """How many characters two ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def half_union_overlap(a: Range, b: Range) -> bool:
    """True when the ranges overlap by at least half of their union."""
    union = max(a[1], b[1]) - min(a[0], b[0])
    return union > 0 and overlap(a, b) * 2 >= union


def any_overlap(a: Range, b: Range) -> bool:
    """True when the ranges share at least one character."""
    return overlap(a, b) > 0


def match_spans(gold: Sequence[Range], predicted: Sequence[Range], accept=half_union_overlap) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by overlap, that `accept` allows."""
    candidates = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted) if accept(g, p)),
        reverse=True,
    )
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _content_words(name: str) -> set[str]:
    words = re.findall(r"\w+", name.lower())
    return {w for w in words if len(w) >= 4 and w not in word_list("nl", "function_words")}


def names_match(gold: Optional[str], predicted: Optional[str]) -> bool:
    """Speakers (sources, agents) match when equal ignoring case, or share a content word of 4+ letters.

    `AUTHOR` matches only `AUTHOR`, and null only null.
    """
    if gold is None or predicted is None or "AUTHOR" in (gold, predicted):
        return gold == predicted
    return gold.lower() == predicted.lower() or bool(_content_words(gold) & _content_words(predicted))


def prf(n_correct: int, n_gold: int, n_predicted: int) -> dict:
    """Precision, recall and F1 with their counts."""
    precision = n_correct / n_predicted if n_predicted else 0.0
    recall = n_correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n_gold": n_gold, "n_pred": n_predicted}


def accuracy(hits: Sequence[bool]) -> float:
    """The share of true values (0 for none)."""
    return sum(hits) / len(hits) if hits else 0.0


@dataclass
class LayerMatches:
    """One layer over a whole gold file: every gold item, how many were predicted, the matched pairs."""

    gold: list = field(default_factory=list)
    pairs: list = field(default_factory=list)
    n_pred: int = 0

    def content(self) -> dict:
        """Precision, recall and F1 of the matched spans."""
        return prf(len(self.pairs), len(self.gold), self.n_pred)


def match_layer(documents: Iterable, layer: str, matched_pairs: Callable[[list, list], list]) -> LayerMatches:
    """Match each (gold document, Article) pair's `layer` with `matched_pairs`, over all documents."""
    found = LayerMatches()
    for document, article in documents:
        gold, predicted = document.layers[layer], getattr(article, layer)
        found.gold += gold
        found.n_pred += len(predicted)
        found.pairs += matched_pairs(gold, predicted)
    return found
