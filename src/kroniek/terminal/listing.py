"""Listings of the corpus (entities, stories) as a terminal table or as JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from ..store.base import Row

LISTING_FORMATS = ("table", "jsonl")


def print_listing(title: str, rows: Sequence[Row], columns: Sequence[str], output_format: str) -> None:
    """`rows` as a table of `columns` under `title`, or each whole row as one JSON line."""
    if output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(row[c]) for c in columns))
    Console().print(table)


def found_or_exit(row: Row | None, missing: str) -> Row:
    """`row`, or exit with status 1 after saying `missing` ("no story 7")."""
    if row is None:
        click.echo(f"error: {missing}", err=True)
        sys.exit(1)
    return row


def print_json(value: object) -> None:
    """One record, indented."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))
