"""The sections that show when things happen and how many there are: timexes and quantities."""

from __future__ import annotations

from rich.table import Table

from ..records import Article
from .view import section


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:g}".replace(".", ",")


@section
def timexes(article: Article) -> Table | None:
    """Each temporal expression with its type and TIMEX3 value, or why it has none."""
    if not article.timexes:
        return None
    table = Table(title="When", title_justify="left")
    for column in ("words", "type", "value"):
        table.add_column(column)
    for timex in article.timexes:
        value = timex.value or f"[dim]unknown: {timex.reason or 'no value'}[/dim]"
        table.add_row(timex.text, timex.type, value)
    return table


@section
def quantities(article: Article) -> Table | None:
    """Each quantity with its value, unit and what it counts; approximate ones marked with ~."""
    if not article.quantities:
        return None
    table = Table(title="How many", title_justify="left")
    for column in ("words", "value", "unit", "of"):
        table.add_column(column)
    for quantity in article.quantities:
        value = ("~" if quantity.approximate else "") + _number(quantity.value)
        table.add_row(quantity.text, value, quantity.unit or "", quantity.of or "")
    return table
