"""Matching spans and names: how much two character ranges share, one-to-one pairing of ranges,
and whether two ways of naming a source mean the same one.

The stages use these (a quote's content against a claim's, a claim's source against another's), and
so do the scorers under `kroniek.evaluate`, so that a prediction is matched as the pipeline matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .lang import DEFAULT_LANGUAGE, word_list

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


@lru_cache(maxsize=65536)
def content_words(name: str) -> frozenset[str]:
    """The words of 4+ letters of a name or an argument that are no function words, by which it is
    recognised (names recur often: kept)."""
    words = re.findall(r"\w+", name.lower())
    return frozenset(w for w in words if len(w) >= 4 and w not in word_list(DEFAULT_LANGUAGE, "function_words"))


def names_match(gold: str | None, predicted: str | None) -> bool:
    """Speakers (sources, agents) match when equal ignoring case, or share a content word of 4+ letters.

    `AUTHOR` matches only `AUTHOR`, and null only null.
    """
    if gold is None or predicted is None or "AUTHOR" in (gold, predicted):
        return gold == predicted
    return gold.lower() == predicted.lower() or bool(content_words(gold) & content_words(predicted))
