"""A stored article with events of every status, written for the events command and view tests."""

from __future__ import annotations

import datetime as dt

from kroniek.records import Argument, Article, Event, span_of

TEXT = ("Kim is dinsdag in Rusland aangekomen. Poetin zal hem ontvangen. "
        "Poetin wil wapens kopen. Moskou ontkent dat het wapens levert.")


def _event(trigger: str, kind: str, status: str, agent: str, time=None, place=None, factuality="CT+", source="AUTHOR"):
    start = TEXT.index(trigger)
    return Event(trigger=span_of(TEXT, start, start + len(trigger)), type=kind, agent=Argument(text=agent),
                 place=Argument(text=place) if place else None, time=time, factuality=factuality, source=source,
                 status=status)


def events_article() -> Article:
    """The article: an arrival that happened, an expected meeting, a wanted purchase, a denied delivery."""
    return Article(id="kim", text=TEXT, published=dt.date(2023, 9, 12), events=[
        _event("aangekomen", "TRAVEL", "happened", "Kim Jong-un", time="2023-09-12TMO", place="Rusland"),
        _event("ontvangen", "MEET", "expected", "Vladimir Poetin"),
        _event("kopen", "TRADE", "unconfirmed", "Vladimir Poetin", factuality="Uu"),
        _event("ontkent", "STATEMENT", "happened", "Moskou", time="2023-09-11"),
        _event("levert", "TRADE", "denied", "Moskou", factuality="CT-", source="Moskou"),
    ])
