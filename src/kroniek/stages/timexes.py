"""Dates, times, durations and sets in Dutch news, normalised to TIMEX3 values.

Relative expressions ("maandag", "vorige week", "gistermiddag") are counted from the article's
published date, in the direction of the tense of their clause: "maandag" in a past-tense sentence
of an article published on a Tuesday is the day before. Inside a quote whose attribution names the
day it was said ("zei hij maandag"), they are counted from that day (`temporal/statements.py`).
Without a published date they keep a null value and a reason.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers doc._.timexes and doc._.published)
from ..lang import DEFAULT_LANGUAGE
from ..records import Timex
from ..temporal.grammar import Found, TimexGrammar
from ..temporal.statements import statement_days
from ..temporal.tense import tense_at
from ..temporal.values import Anchor


def published_date(value) -> dt.date | None:
    """The day of a published date or date-time (None stays None)."""
    return value.date() if isinstance(value, dt.datetime) else value


class TimexFinder:
    """The `kroniek_timexes` stage: the grammar, loaded once, applied to each document."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.grammar = TimexGrammar(lang)

    def __call__(self, doc: Doc) -> Doc:
        published = published_date(doc._.published)
        found = self.grammar.find(doc)
        timexes = [self._timex(doc, item, published) for item in found]
        if published is not None:
            timexes = self._counted_from_statements(doc, found, timexes)
        doc._.timexes = timexes
        return doc

    def _counted_from_statements(self, doc: Doc, found: list[Found], timexes: list[Timex]) -> list[Timex]:
        """The relative times inside a quote that was said on a named day, counted from that day."""
        days = statement_days(doc, timexes)
        if not days:
            return timexes
        counted = []
        for item, timex in zip(found, timexes, strict=True):
            said = next((s.day for s in days if s.holds(timex.start, timex.end)), None)
            counted.append(self._timex(doc, item, said) if said and item.meaning.relative else timex)
        return counted

    @staticmethod
    def _timex(doc: Doc, found: Found, published: dt.date | None) -> Timex:
        span = doc[found.start:found.end]
        tense = tense_at(span.root) if published and found.meaning.relative else "present"
        value, reason = found.meaning.resolve(Anchor(published, tense))
        return Timex(start=span.start_char, end=span.end_char, text=span.text, type=found.type, value=value,
                     reason=reason)


@Language.factory("kroniek_timexes", requires=["doc.sents", "token.morph", "doc._.quotes"], assigns=["doc._.timexes"])
def make_timex_finder(nlp: Language, name: str) -> TimexFinder:
    """Find and normalise the temporal expressions of each document."""
    return TimexFinder(nlp.lang or DEFAULT_LANGUAGE)
