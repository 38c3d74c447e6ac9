"""`kroniek claims`: the claims ledger of the store, with who holds each claim, how sure they are,
and which claims contradict each other, within an article and across articles."""

from __future__ import annotations

import json

import click

from ..corpus.contradictions import LedgerEntry
from ..corpus.ledger import LedgerRow, claims_ledger
from ..matching import names_match
from ..store_option import db_option


def _mentions(entry: LedgerEntry, name: str) -> bool:
    """True when the claim's source or one of its arguments is `name`, or its words contain it."""
    claim = entry.claim
    named = [claim.source or "", *claim.arguments]
    return any(names_match(name, other) for other in named if other) or name.lower() in claim.content.text.lower()


def select(rows: list[LedgerRow], entity: str | None, contradicted: bool) -> list[LedgerRow]:
    """The rows about `entity` (when given), only contradicted ones when asked."""
    return [r for r in rows if (entity is None or _mentions(r.entry, entity)) and (r.contradictions or not contradicted)]


def _print_table(rows: list[LedgerRow]) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..terminal.claims import FACTUALITY_STYLES, short, source_label

    table = Table(title=f"{len(rows)} claims", title_justify="left")
    for column in ("source", "article", "factuality", "tense", "claim", "contradicted by"):
        table.add_column(column, overflow="fold")
    for row in sorted(rows, key=lambda r: (source_label(r.entry.claim.source), r.entry.article, r.entry.claim.id)):
        claim = row.entry.claim
        against = "; ".join(f"{c['article']}#{c['claim']}" for c in row.contradictions)
        table.add_row(source_label(claim.source), row.entry.article, claim.factuality, claim.tense,
                      short(claim.content.text, 70), against, style=FACTUALITY_STYLES.get(claim.factuality))
    Console().print(table)


@click.command("claims")
@db_option()
@click.option("--entity", help="Only claims held by this source or about this name.")
@click.option("--contradicted", is_flag=True, help="Only claims that some other source contradicts.")
@click.option("--format", "output_format", type=click.Choice(("json", "table")), default="json", show_default=True)
def command(db_path: str, entity: str | None, contradicted: bool, output_format: str) -> None:
    """List the claims ledger: every stored claim with its source, factuality and contradictions."""
    from ..store import open_store

    with open_store(db_path) as store:
        rows = select(claims_ledger(store), entity, contradicted)
    if output_format == "table":
        _print_table(rows)
    else:
        click.echo(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))

