"""`kroniek claims`: the claims ledger of the store, with who holds each claim, how sure they are,
and which claims contradict each other, within an article and across articles; `--entity` keeps the
claims held by or about one corpus entity, in the articles that mention it, by the names it goes by there."""

from __future__ import annotations

import json
from dataclasses import dataclass

import click

from ..corpus.contradictions import LedgerEntry
from ..corpus.ledger import LedgerRow, claims_ledger
from ..corpus.lookup import entities_going_by
from ..matching import names_match
from ..store import Store
from ..store_option import db_option


def _mentions(entry: LedgerEntry, name: str) -> bool:
    """True when the claim's source or one of its arguments is `name`, or its words contain it."""
    claim = entry.claim
    named = [claim.source or "", *claim.arguments]
    return any(names_match(name, other) for other in named if other) or name.lower() in claim.content.text.lower()


@dataclass(frozen=True)
class CorpusEntityNames:
    """The names a corpus entity goes by in each article that mentions it."""

    by_article: dict[str, set[str]]

    @classmethod
    def find(cls, store: Store, wanted: str) -> CorpusEntityNames | None:
        """The corpus entity with id `wanted`, or every one that goes by the name `wanted`; None if none does."""
        entities = [store.corpus_entity(int(wanted))] if wanted.isdigit() else entities_going_by(store, wanted)
        by_article: dict[str, set[str]] = {}
        for entity in filter(None, entities):
            for member in entity["members"]:
                by_article.setdefault(member["article"], set()).add(member["name"])
        return cls(by_article) if by_article else None

    def held_or_named(self, entry: LedgerEntry) -> bool:
        """True when the claim's source or one of its arguments is one of the entity's names in its article."""
        names = self.by_article.get(entry.article, set())
        named = [entry.claim.source or "", *entry.claim.arguments]
        return any(names_match(name, other) for name in names for other in named if other)


def select(rows: list[LedgerRow], entity: str | None, contradicted: bool,
           corpus: CorpusEntityNames | None = None) -> list[LedgerRow]:
    """The rows about `entity` (when given: by its corpus entity when the store knows one, else by name),
    only contradicted ones when asked."""
    def about(entry: LedgerEntry) -> bool:
        if entity is None:
            return True
        return corpus.held_or_named(entry) if corpus is not None else _mentions(entry, entity)

    return [r for r in rows if about(r.entry) and (r.contradictions or not contradicted)]


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
@click.option("--entity", help="Only claims held by or about this corpus entity (its id, or a name it goes by);"
                                " a name no corpus entity goes by is matched in the claims' words.")
@click.option("--contradicted", is_flag=True, help="Only claims that some other source contradicts.")
@click.option("--format", "output_format", type=click.Choice(("json", "table")), default="json", show_default=True)
def command(db_path: str, entity: str | None, contradicted: bool, output_format: str) -> None:
    """List the claims ledger: every stored claim with its source, factuality and contradictions."""
    from ..corpus.update import linked_store

    with linked_store(db_path) as store:
        corpus = CorpusEntityNames.find(store, entity) if entity else None
        rows = select(claims_ledger(store), entity, contradicted, corpus)
    if output_format == "table":
        _print_table(rows)
    else:
        click.echo(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2))

