"""`kroniek events`: the stored events across articles, filtered by entity, type and date.

Each event carries its status (docs/events.md): only `happened` ones happened; the others are
reported, expected, alleged, possible, unconfirmed or denied, and are listed as such.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import click

from ..records import EVENT_TYPES, Event
from ..store import Store
from ..store_option import db_option


@dataclass(frozen=True)
class StoredEvent:
    """An event with the article it comes from."""

    event: Event
    article: str
    published: str | None

    @property
    def date(self) -> str | None:
        """The event's best-estimated date (`Event.when`), when that starts with a year."""
        time = self.event.when or self.event.time or ""
        return time if re.match(r"\d{4}", time) else None

    @property
    def when(self) -> str | None:
        """The date to sort and filter by: the event's estimate, else its article's publication date."""
        return self.date or self.published

    def as_json(self) -> dict:
        from ..terminal.events import status_of

        record = self.event.model_dump(mode="json")
        return {"article": self.article, "published": self.published, "date": self.date,
                "status": status_of(self.event), **{k: v for k, v in record.items() if k != "status"}}


def stored_events(store: Store) -> Iterator[StoredEvent]:
    """Every event in the store, with its article's id and published date, in storage order."""
    for stored in store.records(Event):
        yield StoredEvent(stored.record, stored.article, stored.published)


def names(event: Event, name: str) -> bool:
    """True when `name` is a word or words of the event's agent, patient or place."""
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    return any(a is not None and pattern.search(a.text) for a in (event.agent, event.patient, event.place))


def _latest_day(date: str) -> dt.date:
    """The last day a (possibly partial) ISO date can mean: "2019" → 2019-12-31."""
    year, month, day = (date[:10].split("-") + [None, None])[:3]
    if day and day.isdigit():
        return dt.date(int(year), int(month), int(day))
    if month and month.isdigit():
        next_month = dt.date(int(year) + int(month) // 12, int(month) % 12 + 1, 1)
        return next_month - dt.timedelta(days=1)
    return dt.date(int(year), 12, 31)


def select(events: Iterable[StoredEvent], entity: str | None, kind: str | None,
           since: dt.date | None) -> list[StoredEvent]:
    """The events that name `entity`, are of type `kind` and may lie on or after `since`."""
    chosen = [
        e for e in events
        if (entity is None or names(e.event, entity)) and (kind is None or e.event.type == kind)
        and (since is None or e.when is not None and _latest_day(e.when) >= since)
    ]
    return sorted(chosen, key=lambda e: (e.when is None, (e.when or "")[:10], e.article, e.event.trigger.start))


def _since(ctx, param, value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date such as 2023-09-12") from None


def _print_table(events: list[StoredEvent]) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..terminal.events import STATUS_STYLES, event_cells, source_label, status_of

    table = Table(title=f"{len(events)} events", title_justify="left")
    for column in ("date", "article", "status", "what", "who", "to whom", "where", "according to"):
        table.add_column(column, no_wrap=column in ("date", "status"))
    for stored in events:
        status = status_of(stored.event)
        _, what, who, whom, where = event_cells(stored.event)
        date = stored.date or (f"(published {stored.published})" if stored.published else "")
        table.add_row(date, stored.article, status, what, who, whom, where,
                      source_label(stored.event), style=STATUS_STYLES.get(status))
    Console().print(table)


@click.command("events")
@db_option()
@click.option("--entity", help="Only events whose agent, patient or place names this.")
@click.option("--type", "kind", type=click.Choice(EVENT_TYPES, case_sensitive=False), help="Only this event type.")
@click.option("--since", callback=_since,
              help="Only events on or after this date (YYYY-MM-DD); an undated one counts at its article's date.")
@click.option("--format", "output_format", type=click.Choice(("json", "table")), default="json", show_default=True)
def command(db_path: str, entity: str | None, kind: str | None, since: dt.date | None,
            output_format: str) -> None:
    """List stored events: who did what to whom, where and when, and whether it happened."""
    from ..store import open_store

    with open_store(db_path) as store:
        events = select(stored_events(store), entity, kind.upper() if kind else None, since)
    if output_format == "table":
        _print_table(events)
    else:
        click.echo(json.dumps([e.as_json() for e in events], ensure_ascii=False, indent=2))
