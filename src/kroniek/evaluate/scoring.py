"""Scoring matched predictions against gold, shared by every document-level scorer.

Spans and names are matched by `kroniek.matching` (as gold-formats.md says speakers do); this module
counts the matches into precision, recall, F1 and accuracy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field


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
