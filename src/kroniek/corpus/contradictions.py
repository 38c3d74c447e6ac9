"""Contradictions across the articles of a store: the same proposition, incompatible factuality.

Reads the stored claims through the store (each Claim record keeps its predicate and arguments),
so no article is parsed again. Two claims of different articles are always from
different sources (even two authors are two sources); the test of "the same proposition" is the
one of the in-article stage (`kroniek.stages.contradictions`), and every pairing keeps its evidence:
the predicates, the shared arguments and the similarity score.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Claim, Contradiction
from ..stages.contradictions import THRESHOLD, Pairing, candidate_pairs, pair
from ..store import Store


@dataclass(frozen=True)
class LedgerEntry:
    """One stored claim and the id of the article it comes from."""

    article: str
    claim: Claim


@dataclass(frozen=True)
class CrossContradiction:
    """Two claims of different articles that contradict each other, with the evidence."""

    article_a: str
    article_b: str
    pairing: Pairing

    @property
    def claim_a(self) -> Claim:
        return self.pairing.claim_a

    @property
    def claim_b(self) -> Claim:
        return self.pairing.claim_b

    def record(self) -> Contradiction:
        """The Contradiction record, as seen from article a."""
        return self.pairing.record(article_b=self.article_b)

    def as_dict(self) -> dict:
        """Plain data: both claims with their articles, the score, shared arguments and reason."""
        return {
            "article_a": self.article_a, "claim_a": self.claim_a.model_dump(mode="json"),
            "article_b": self.article_b, "claim_b": self.claim_b.model_dump(mode="json"),
            "score": round(self.pairing.score, 3), "shared_arguments": list(self.pairing.shared),
            "predicates": [self.claim_a.predicate, self.claim_b.predicate], "reason": self.pairing.reason,
        }


def ledger(store: Store) -> Iterator[LedgerEntry]:
    """Every stored claim with the id of its article, in storage order."""
    for stored in store.records(Claim):
        yield LedgerEntry(stored.article, stored.record)


def stored_contradictions(store: Store) -> Iterator[tuple[str, Contradiction]]:
    """The in-article contradictions the pipeline stored, each with its article id."""
    for stored in store.records(Contradiction):
        yield stored.article, stored.record


def contradictions_across(entries: Iterable[LedgerEntry], threshold: float = THRESHOLD) -> list[CrossContradiction]:
    """The contradictions between claims of different articles, best-scored first."""
    article_of = {}
    claims = []
    for entry in entries:
        article_of[id(entry.claim)] = entry.article
        claims.append(entry.claim)
    found = []
    for a, b in candidate_pairs(claims):
        if article_of[id(a)] != article_of[id(b)] and (pairing := pair(a, b, threshold)) is not None:
            found.append(CrossContradiction(article_of[id(a)], article_of[id(b)], pairing))
    return sorted(found, key=lambda c: (-c.pairing.score, c.article_a, c.claim_a.id))


def cross_contradictions(store: Store, threshold: float = THRESHOLD) -> list[CrossContradiction]:
    """The contradictions between the stored articles."""
    return contradictions_across(ledger(store), threshold)

