"""Contradictions across the articles of a store: the same proposition, incompatible factuality.

Reads the stored claims through the store (each Claim record keeps its predicate and arguments),
so no article is parsed again. Two claims of different articles are always from
different sources (even two authors are two sources); the test of "the same proposition" is the
one of the in-article stage (`kroniek.stages.contradictions`), and every pairing keeps its evidence:
the predicates, the shared arguments and the similarity score. Across articles two more checks
hold: the claims must share a name (who: not only common nouns such as "banen" or "geld"), and their
articles must appear within `MAX_DAYS_APART` of each other (when: a job cut of one year is no
answer to a statement of two years before); an article without a date is not ruled out by time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Claim, Contradiction
from ..stages.contradictions import THRESHOLD, Pairing, candidate_pairs_between, pair
from ..store import Store

MAX_DAYS_APART = 31
"""The most days between the publication of two articles whose claims may contradict each other."""


@dataclass(frozen=True)
class LedgerEntry:
    """One stored claim, the id of the article it comes from and that article's publication date."""

    article: str
    claim: Claim
    published: str | None = None


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
        yield LedgerEntry(stored.article, stored.record, stored.published)


def stored_contradictions(store: Store) -> Iterator[tuple[str, Contradiction]]:
    """The in-article contradictions the pipeline stored, each with its article id."""
    for stored in store.records(Contradiction):
        yield stored.article, stored.record


def contradictions_between(new: list[LedgerEntry], earlier: list[LedgerEntry], threshold: float = THRESHOLD,
                           per_claim: int | None = None) -> list[CrossContradiction]:
    """The contradictions between a claim of `earlier` and one of `new` (of different articles), best
    first; each new claim is compared with the first `per_claim` candidates of `earlier` when given."""
    entry_of = {id(entry.claim): entry for entry in [*earlier, *new]}
    pairs = candidate_pairs_between((e.claim for e in new), (e.claim for e in earlier), per_claim)
    return _contradicting(pairs, entry_of, threshold)


def _contradicting(pairs: Iterable[tuple[Claim, Claim]], entry_of: dict[int, LedgerEntry],
                   threshold: float) -> list[CrossContradiction]:
    found = []
    for a, b in pairs:
        first, second = entry_of[id(a)], entry_of[id(b)]
        if first.article == second.article or not _times_compatible(first.published, second.published):
            continue
        pairing = pair(a, b, threshold)
        if pairing is not None and _names_someone(pairing.shared):
            found.append(CrossContradiction(first.article, second.article, pairing))
    return sorted(found, key=lambda c: (-c.pairing.score, c.article_a, c.claim_a.id))


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _times_compatible(a: str | None, b: str | None) -> bool:
    """False only when both articles are dated and further apart than MAX_DAYS_APART."""
    first, second = _date(a), _date(b)
    return first is None or second is None or abs((first - second).days) <= MAX_DAYS_APART


def _names_someone(shared: Iterable[str]) -> bool:
    """True when a shared argument is a name (the claims stage writes names as the text does, capitalised)."""
    return any(argument[:1].isupper() for argument in shared)
