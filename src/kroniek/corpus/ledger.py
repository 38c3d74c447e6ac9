"""The claims ledger of a store: every stored claim with the contradictions it takes part in, those
the pipeline found within its article and those stored between articles as they were ingested
(`corpus.update`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..records import Contradiction
from ..store import Store
from ..store.base import Row
from .contradictions import LedgerEntry, ledger, stored_contradictions


@dataclass
class LedgerRow:
    """One claim of the ledger with the contradictions it takes part in."""

    entry: LedgerEntry
    contradictions: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        """The claim's record with its article and the contradictions that name it."""
        return {"article": self.entry.article, **self.entry.claim.model_dump(mode="json"),
                "contradicted_by": self.contradictions}


def _link(rows: dict, article: str, claim: int, other_article: str, other_claim: int, reason: str,
          score: float) -> None:
    row = rows.get((article, claim))
    if row is not None:
        row.contradictions.append({"article": other_article, "claim": other_claim, "reason": reason, "score": score})


def build_ledger(entries: Iterable[LedgerEntry], within: Iterable[tuple[str, Contradiction]],
                 across: Iterable[Row]) -> list[LedgerRow]:
    """The ledger rows, each with the contradictions (within and across articles) it takes part in."""
    rows = {(e.article, e.claim.id): LedgerRow(e) for e in entries}
    for article, inside in within:
        _link(rows, article, inside.claim_a, article, inside.claim_b, inside.reason, inside.score)
        _link(rows, article, inside.claim_b, article, inside.claim_a, inside.reason, inside.score)
    for c in across:
        _link(rows, c["article_a"], c["claim_a"], c["article_b"], c["claim_b"], c["reason"], c["score"])
        _link(rows, c["article_b"], c["claim_b"], c["article_a"], c["claim_a"], c["reason"], c["score"])
    return list(rows.values())


def claims_ledger(store: Store) -> list[LedgerRow]:
    """The ledger of every claim in `store`, in storage order."""
    entries = list(ledger(store))
    return build_ledger(entries, stored_contradictions(store), store.cross_contradictions())
