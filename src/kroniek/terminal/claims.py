"""The claims ledger of an article: each source with what it holds and how sure it is, and the
claims that contradict each other."""

from __future__ import annotations

from itertools import groupby

from rich.table import Table

from ..records import Article, Claim
from .view import section

CONTENT_WIDTH = 90
FACTUALITY_STYLES = {"CT+": "green", "CT-": "red", "PR+": "cyan", "PR-": "magenta", "PS+": "blue",
                     "PS-": "magenta", "Uu": "yellow"}


def source_label(source: str | None) -> str:
    """How a source reads in a table: the author, a name, or an unnamed source."""
    return "the author" if source == "AUTHOR" else source or "(unnamed source)"


def short(text: str, width: int = CONTENT_WIDTH) -> str:
    """Text on one line, shortened to `width` characters."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _source_order(claim: Claim) -> tuple:
    return (claim.source != "AUTHOR", claim.source is None, claim.source or "", claim.content.start)


def _contradicted(article: Article) -> set[int]:
    return {i for c in article.contradictions for i in (c.claim_a, c.claim_b)}


@section
def claims(article: Article) -> Table | None:
    """The ledger grouped by source: factuality, tense, cue and content of every claim."""
    if not article.claims:
        return None
    contradicted = _contradicted(article)
    table = Table(title="Claims by source", title_justify="left")
    for column in ("source", "factuality", "tense", "claim", "cue"):
        table.add_column(column, overflow="fold")
    for source, group in groupby(sorted(article.claims, key=_source_order), key=lambda c: c.source):
        for n, claim in enumerate(group):
            mark = " ⚡" if claim.id in contradicted else ""
            table.add_row(source_label(source) if n == 0 else "", claim.factuality + mark, claim.tense,
                          short(claim.content.text), claim.cue.text if claim.cue else "",
                          style=FACTUALITY_STYLES.get(claim.factuality))
    return table


@section
def contradictions(article: Article) -> Table | None:
    """Pairs of claims in which sources disagree about the same thing."""
    if not article.contradictions:
        return None
    by_id = {claim.id: claim for claim in article.claims}
    table = Table(title="Sources that contradict each other", title_justify="left")
    for column in ("claim", "held by", "versus", "held by", "why"):
        table.add_column(column, overflow="fold")
    for contradiction in article.contradictions:
        a, b = by_id.get(contradiction.claim_a), by_id.get(contradiction.claim_b)
        if a is None or b is None:
            continue
        table.add_row(short(a.content.text, 50), f"{source_label(a.source)} ({a.factuality})",
                      short(b.content.text, 50), f"{source_label(b.source)} ({b.factuality})",
                      f"{contradiction.reason} [{contradiction.score:.2f}]")
    return table
