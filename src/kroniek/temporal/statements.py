"""The time of a statement: what relative times inside a quote are counted from.

"Gisteren hebben we de fabriek gesloten", zei De Vries maandag: "gisteren" is the day before the
Monday on which he said it, not the day before the article appeared. A quote whose attribution
(the sentence of its cue, outside the quoted words) names a day has that day as its statement day;
a relative time inside the quote's words is counted from it. Without such a day, or for a time
outside every quote, the published date stays the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Quote, Span, Timex

DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class StatementDay:
    """The character range of a quote's words and the day it was said."""

    start: int
    end: int
    day: dt.date

    def holds(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def calendar_day(value: str | None) -> dt.date | None:
    """The calendar day a TIMEX3 value names ("2023-09-11", "2023-09-11TMO"), or None."""
    match = DAY.match(value or "")
    try:
        return dt.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def statement_days(doc: Doc, timexes: list[Timex]) -> list[StatementDay]:
    """The quotes whose attribution names a day, innermost (shortest) first."""
    found = [StatementDay(q.content.start, q.content.end, day) for q in doc._.quotes or []
             if (day := _attribution_day(doc, q, timexes))]
    return sorted(found, key=lambda s: s.end - s.start)


def _attribution_day(doc: Doc, quote: Quote, timexes: list[Timex]) -> dt.date | None:
    """The day of the time nearest the quote's cue in the cue's sentence, outside the quoted words."""
    cue = quote.cue
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue is not None else None
    if cue is None or words is None:
        return None
    sentence = words.sent
    around = [t for t in timexes if sentence.start_char <= t.start and t.end <= sentence.end_char
              and not _overlaps(t, quote.content) and calendar_day(t.value)]
    nearest = min(around, key=lambda t: min(abs(t.start - cue.end), abs(cue.start - t.end)), default=None)
    return calendar_day(nearest.value) if nearest else None


def _overlaps(timex: Timex, span: Span) -> bool:
    return timex.start < span.end and span.start < timex.end
