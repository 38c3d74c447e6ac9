"""Scores the claims ledger against gold, as gold-formats.md ("claims") specifies.

A predicted claim matches a gold claim when their contents overlap by at least half of their union
(one-to-one, greedy by overlap): content `precision`, `recall`, `f1`. Over the matched pairs:
`source_accuracy` (sources match as speakers do; AUTHOR only AUTHOR, null only null),
`factuality_accuracy`, `factuality_macro_f1` (F1 per factuality value present in the gold,
averaged), `tense_accuracy`; per gold factuality value and per gold source kind, the recall and
the accuracy of what was found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..matching import match_spans, names_match
from ..records import Article, Claim
from .gold import GoldDocument, GoldItem, read_gold, with_predictions
from .scoring import accuracy, match_layer, prf

Pair = tuple[GoldItem, Claim]


def matched_pairs(gold: list[GoldItem], claims: list[Claim]) -> list[Pair]:
    """Gold claims and predictions whose contents overlap by half their union, one-to-one."""
    pairs = match_spans([(g.start, g.end) for g in gold], [(c.content.start, c.content.end) for c in claims])
    return [(gold[gi], claims[pi]) for gi, pi in pairs]


def macro_f1(pairs: list[Pair], values: Iterable[str]) -> tuple[float, dict]:
    """The mean over `values` of each value's F1 on the matched pairs, and the per-value figures."""
    per_value = {}
    for value in sorted(set(values)):
        gold_n = sum(item.fields.get("factuality") == value for item, _ in pairs)
        pred_n = sum(claim.factuality == value for _, claim in pairs)
        correct = sum(item.fields.get("factuality") == value == claim.factuality for item, claim in pairs)
        per_value[value] = prf(correct, gold_n, pred_n)
    mean = sum(v["f1"] for v in per_value.values()) / len(per_value) if per_value else 0.0
    return mean, per_value


def _source_kind(source: str | None) -> str:
    return "author" if source == "AUTHOR" else "unnamed" if source is None else "named"


def _per_source_kind(gold: list[GoldItem], pairs: list[Pair]) -> dict:
    counts = Counter(_source_kind(item.fields.get("source")) for item in gold)
    found, right = Counter(), Counter()
    for item, claim in pairs:
        kind = _source_kind(item.fields.get("source"))
        found[kind] += 1
        right[kind] += names_match(item.fields.get("source"), claim.source)
    return {
        kind: {"n_gold": n, "recall": found[kind] / n, "source_accuracy": right[kind] / found[kind] if found[kind] else 0.0}
        for kind, n in sorted(counts.items())
    }


def score(documents: Iterable[tuple[GoldDocument, Article]]) -> dict:
    """The claims metrics over (gold document, predicted Article) pairs."""
    matches = match_layer(documents, "claims", matched_pairs)
    gold_all, pairs, n_pred = matches.gold, matches.pairs, matches.n_pred
    content = matches.content()
    macro, per_value = macro_f1(pairs, (item.fields.get("factuality") for item in gold_all))
    return {
        "f1": content["f1"], "precision": content["precision"], "recall": content["recall"],
        "source_accuracy": accuracy([names_match(i.fields.get("source"), c.source) for i, c in pairs]),
        "factuality_accuracy": accuracy([i.fields.get("factuality") == c.factuality for i, c in pairs]),
        "factuality_macro_f1": macro,
        "tense_accuracy": accuracy([i.fields.get("tense") == c.tense for i, c in pairs]),
        "n_gold": len(gold_all), "n_pred": n_pred, "n_matched": len(pairs),
        "per_factuality": per_value, "per_source": _per_source_kind(gold_all, pairs),
    }


def evaluate(gold_path: Path, nlp) -> dict:
    """Run the pipeline over a gold file's documents and score their claims."""
    return score(with_predictions(read_gold(gold_path, "claims", "content"), nlp))
