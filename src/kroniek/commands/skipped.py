"""`kroniek skipped`: every input an ingest could not store, with its reason and when it was seen,
so that a skip is something a user can look up rather than only a count in a summary line."""

from __future__ import annotations

import csv
import json
import sys

import click

from ..store_option import db_option

FIELDS = ("source", "reason", "detail", "seen_at")


def _print_table(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} skipped", title_justify="left")
    for column in ("source", "reason", "detail", "when"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(row[field] or "" for field in FIELDS))
    Console().print(table)


def _print(rows: list[dict], output_format: str) -> None:
    """The rows on stdout as JSON, JSON Lines, CSV or a table."""
    if output_format == "table":
        _print_table(rows)
    elif output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    elif output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


@click.command("skipped")
@db_option()
@click.option("--format", "output_format", type=click.Choice(("json", "jsonl", "csv", "table")), default="json",
              show_default=True)
def command(db_path: str, output_format: str) -> None:
    """List the inputs ingests skipped: source, reason, detail and when, oldest first."""
    from ..store import open_store

    with open_store(db_path) as store:
        rows = [{field: row[field] for field in FIELDS} for row in store.rows("skipped")]
    _print(rows, output_format)
