"""Coreference metrics over two partitions of the same mentions: MUC, B³, CEAF-e and their mean.

As the CoNLL-2012 scorer computes them, singletons included. A partition is a mapping from a
mention (any hashable key) to its cluster id; `key` is the gold, `response` the system's, both over
the same mentions (gold-formats.md: a gold mention no system mention overlaps is a singleton).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

from scipy.optimize import linear_sum_assignment

Partition = Mapping[Hashable, Hashable]
Clusters = list[frozenset[Hashable]]


def _members(partition: Partition) -> dict[Hashable, frozenset[Hashable]]:
    """The mentions of each cluster of a partition, by cluster id."""
    grouped: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in partition.items():
        grouped[cluster].add(mention)
    return {cluster: frozenset(members) for cluster, members in grouped.items()}


def clusters(partition: Partition) -> Clusters:
    """The clusters of a partition, each the set of its mentions."""
    return list(_members(partition).values())


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _muc_recall(key: Clusters, response: Partition) -> float:
    """Links of the key clusters that the response keeps: sum(|K| - parts of K in response) / sum(|K| - 1)."""
    needed = sum(len(cluster) - 1 for cluster in key)
    kept = sum(len(cluster) - len({response[m] for m in cluster}) for cluster in key)
    return kept / needed if needed else 0.0


def muc(key: Partition, response: Partition) -> float:
    """MUC F1 (Vilain et al. 1995): link-based, blind to singletons."""
    return _f1(_muc_recall(clusters(response), key), _muc_recall(clusters(key), response))


def _b3_recall(key: Partition, response: Partition) -> float:
    """The mean over mentions of the share of the mention's key cluster found in its response cluster."""
    key_of, response_of = _members(key), _members(response)
    shares = [len(key_of[key[m]] & response_of[response[m]]) / len(key_of[key[m]]) for m in key]
    return sum(shares) / len(shares) if shares else 0.0


def b_cubed(key: Partition, response: Partition) -> float:
    """B³ F1 (Bagga and Baldwin 1998): mention-based."""
    return _f1(_b3_recall(response, key), _b3_recall(key, response))


def ceaf_e(key: Partition, response: Partition) -> float:
    """CEAF-e F1 (Luo 2005): the best one-to-one alignment of clusters by their entity similarity."""
    key_clusters, response_clusters = clusters(key), clusters(response)
    if not key_clusters or not response_clusters:
        return 0.0
    similarity = [[2 * len(k & r) / (len(k) + len(r)) for r in response_clusters] for k in key_clusters]
    rows, columns = linear_sum_assignment(similarity, maximize=True)
    total = sum(similarity[i][j] for i, j in zip(rows, columns, strict=True))
    return _f1(total / len(response_clusters), total / len(key_clusters))


def coreference_scores(key: Partition, response: Partition) -> dict[str, float]:
    """MUC, B³ and CEAF-e F1 and their mean (`conll_f1`) of `response` against `key`."""
    scores = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceafe": ceaf_e(key, response)}
    return {**scores, "conll_f1": sum(scores.values()) / 3}
