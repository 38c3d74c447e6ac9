"""The dated timeline of an article's events: what happened, apart from what is only reported,
expected, alleged, possible, unconfirmed or denied (docs/events.md)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.table import Table

from ..records import Argument, Article, Event
from .view import section

NOT_HAPPENED_TITLE = "Not (yet) established: reported, expected, alleged, possible, unconfirmed or denied"
STATUS_STYLES = {"reported": "cyan", "expected": "yellow", "alleged": "magenta", "possible": "magenta",
                 "unconfirmed": "bright_black", "denied": "red"}


def status_of(event: Event) -> str:
    """The event's status; a record without one is never taken to have happened."""
    return event.status or "unconfirmed"


def source_label(event: Event) -> str:
    """Who holds the event: the author, a named source, or an unnamed one."""
    if event.source == "AUTHOR":
        return "the author"
    return event.source or "unnamed source"


def _name(argument: Argument | None) -> str:
    return argument.text if argument else ""


def timeline_order(events: Iterable[Event]) -> list[Event]:
    """Dated events first, by their TIMEX3 value, then the undated ones in text order."""
    return sorted(events, key=lambda e: (e.time is None, e.time or "", e.trigger.start))


def event_cells(event: Event) -> list[str]:
    """when, what, who, to whom, where: the cells every event table shares."""
    return [event.time or "", f"{event.type} ({event.trigger.text})", _name(event.agent), _name(event.patient),
            _name(event.place)]


def _table(title: str, events: list[Event], with_status: bool) -> Table:
    table = Table(title=title, title_justify="left")
    columns = ("when", "what", "who", "to whom", "where") + (("status", "according to") if with_status else ())
    for column in columns:
        table.add_column(column)
    for event in timeline_order(events):
        status = status_of(event)
        extra = [status, source_label(event)] if with_status else []
        table.add_row(*event_cells(event), *extra, style=STATUS_STYLES.get(status) if with_status else None)
    return table


@section
def events(article: Article) -> Group | None:
    """Two timelines: the events that happened, and those that are not established as happening."""
    if not article.events:
        return None
    happened = [e for e in article.events if status_of(e) == "happened"]
    others = [e for e in article.events if status_of(e) != "happened"]
    tables = []
    if happened:
        tables.append(_table("What happened", happened, with_status=False))
    if others:
        tables.append(_table(NOT_HAPPENED_TITLE, others, with_status=True))
    return Group(*tables)
