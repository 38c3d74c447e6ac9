"""Conflicting numbers between the articles of one story: two sources that give a different figure
for the same thing ("drie jaar" against "vijf jaar" for one court case).

A figure counts when it stands inside a claim, so that it has a source: the claim's. Two figures of
different articles of one story conflict when they count the same thing (the same head noun,
`Quantity.of`) in the same unit, neither is approximate ("ruim", "duizenden"), and the larger
exceeds the smaller by more than `TOLERANCE`. A story's articles are about one happening, which is
what makes "the same thing" likely to be the same quantity; each conflict keeps both figures as
evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..records import Article, Claim, Quantity

TOLERANCE = 0.1
"""How much larger (as a share of the smaller) a figure must be to conflict: rounding is no conflict."""


@dataclass(frozen=True)
class SourcedFigure:
    """A figure inside a claim of an article."""

    article: str
    claim: Claim
    quantity: Quantity

    @property
    def key(self) -> tuple[str, str]:
        return (self.quantity.of or "").lower(), self.quantity.unit or ""


@dataclass(frozen=True)
class NumberConflict:
    """Two sources' different figures for the same thing."""

    earlier: SourcedFigure
    new: SourcedFigure

    @property
    def reason(self) -> str:
        a, b = self.earlier, self.new
        return (f"numbers differ for {a.key[0]}: {a.claim.source or 'unnamed source'} says {a.quantity.text!r},"
                f" {b.claim.source or 'unnamed source'} says {b.quantity.text!r}")

    def evidence(self) -> dict:
        return {"kind": "numbers", "of": self.earlier.key[0], "unit": self.earlier.key[1] or None,
                **{f"{side}_{field}": value for side, figure in (("a", self.earlier), ("b", self.new))
                   for field, value in (("article", figure.article), ("figure", figure.quantity.text),
                                        ("value", figure.quantity.value), ("source", figure.claim.source))}}


def sourced_figures(article: Article) -> Iterator[SourcedFigure]:
    """The exact figures of `article` that stand inside one of its claims, with that claim."""
    for quantity in article.quantities:
        if quantity.of and quantity.value is not None and not quantity.approximate:
            claim = next((c for c in article.claims if c.content.start <= quantity.start and quantity.end <= c.content.end),
                         None)
            if claim is not None:
                yield SourcedFigure(article.id, claim, quantity)


def _differ(a: float, b: float) -> bool:
    smaller, larger = sorted((abs(a), abs(b)))
    return larger > smaller * (1 + TOLERANCE)


def conflicting_numbers(new: Article, earlier: list[Article]) -> list[NumberConflict]:
    """The figures of `new` that conflict with a figure of an `earlier` article of its story."""
    known: dict[tuple[str, str], list[SourcedFigure]] = {}
    for article in earlier:
        for figure in sourced_figures(article):
            known.setdefault(figure.key, []).append(figure)
    return [NumberConflict(old, figure) for figure in sourced_figures(new) for old in known.get(figure.key, ())
            if old.article != figure.article and _differ(old.quantity.value or 0.0, figure.quantity.value or 0.0)]
