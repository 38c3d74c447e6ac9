"""Cut an article's text into segments by the character offsets of its records, for the reader.

Records overlap (a place inside a claim inside a quote), so the text is cut at every start and end,
and each segment knows every record that covers it. The templates escape each segment's text; the
keys only name records (`claim-3`), never carry text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..records import Article, Claim, Span

PRIORITY = ("claim", "quote", "event", "place", "timex", "quantity", "mention")
"""Which record a click on a segment opens first, when several cover it."""


@dataclass(frozen=True)
class Mark:
    """One record's span in the text: its kind (`claim`), its key (`claim-3`), and a label that
    becomes the class KIND-LABEL (`mention-PER`, `claim-denied`)."""

    start: int
    end: int
    kind: str
    key: str
    label: str = ""


@dataclass(frozen=True)
class Segment:
    """A stretch of text and the marks that cover all of it."""

    text: str
    marks: tuple[Mark, ...]

    @property
    def classes(self) -> str:
        kinds = {f"hl-{mark.kind}" for mark in self.marks}
        labels = {f"{mark.kind}-{mark.label}" for mark in self.marks if mark.label.isalnum()}
        return " ".join(sorted(kinds | labels))

    @property
    def keys(self) -> str:
        ordered = sorted(self.marks, key=lambda mark: (PRIORITY.index(mark.kind), mark.end - mark.start))
        return " ".join(mark.key for mark in ordered)


def claim_label(claim: Claim) -> str:
    """How the reader colours a claim: `denied` (any negative factuality), `author` (the text's own
    assertion) or `sourced` (attributed to someone), so attributed and denied claims stand out."""
    if claim.factuality.endswith("-"):
        return "denied"
    return "author" if claim.source == "AUTHOR" else "sourced"


def _mark(kind: str, ordinal: int, span: Span | None, label: str = "") -> list[Mark]:
    return [Mark(span.start, span.end, kind, f"{kind}-{ordinal}", label)] if span else []


def article_marks(article: Article) -> list[Mark]:
    """The marks of every record of `article` that has a span in its text."""
    marks: list[Mark] = []
    for i, mention in enumerate(article.mentions):
        marks += _mark("mention", i, mention, mention.label)
    for i, claim in enumerate(article.claims):
        marks += _mark("claim", i, claim.content, claim_label(claim))
    spanned: tuple[tuple[str, Sequence[Any], Callable[[Any], Span]], ...] = (
        ("quote", article.quotes, lambda quote: quote.content),
        ("event", article.events, lambda event: event.trigger),
        ("timex", article.timexes, lambda timex: timex),
        ("place", article.places, lambda place: place),
        ("quantity", article.quantities, lambda quantity: quantity),
    )
    for kind, records, span_of in spanned:
        for i, record in enumerate(records):
            marks += _mark(kind, i, span_of(record))
    return marks


def segments(text: str, marks: Iterable[Mark]) -> Iterator[Segment]:
    """Cut `text` at every mark's start and end; each piece comes with the marks covering it."""
    marks = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    active: list[Mark] = []
    waiting = iter(marks)
    upcoming = next(waiting, None)
    for start, end in pairwise(cuts):
        while upcoming is not None and upcoming.start <= start:
            active.append(upcoming)
            upcoming = next(waiting, None)
        active = [mark for mark in active if mark.end > start]
        yield Segment(text[start:end], tuple(active))
