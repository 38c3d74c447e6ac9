"""The events timeline in `kroniek analyze --format table`: what happened, apart from the rest."""

from __future__ import annotations

from rich.console import Console

from kroniek.records import Article
from kroniek.terminal.events import events, status_of

from ..events_fixture import events_article


def _rendered(article: Article) -> str:
    console = Console(record=True, width=200)
    console.print(events(article))
    return console.export_text()


def test_happened_events_are_listed_apart_from_the_others():
    text = _rendered(events_article())
    happened, rest = text.split("Not (yet) established")
    assert "aangekomen" in happened and "ontkent" in happened
    assert "kopen" not in happened and "levert" not in happened and "ontvangen" not in happened
    assert "unconfirmed" in rest and "denied" in rest and "expected" in rest


def test_dated_events_come_first_in_date_order():
    happened = _rendered(events_article()).split("Not (yet) established")[0]
    assert happened.index("2023-09-11") < happened.index("2023-09-12TMO")


def test_no_events_no_section():
    assert events(Article(id="empty", text="Niets.")) is None


def test_an_event_without_a_status_is_never_taken_as_happened():
    event = events_article().events[0].model_copy(update={"status": None})
    assert status_of(event) == "unconfirmed"
