"""`kroniek entities`: the corpus entities of the store (one person, organisation or place across
articles, with every name it goes by and why each was linked), or one of them with its timeline."""

from __future__ import annotations

import click

from ..store_option import db_option
from ..terminal.listing import LISTING_FORMATS, found_or_exit, print_json, print_listing


@click.command("entities")
@db_option()
@click.option("--id", "corpus_id", type=int, help="Show this corpus entity: its names, articles, evidence, timeline.")
@click.option("--name", help="Only entities that go by a name containing these words.")
@click.option("--label", type=click.Choice(("PER", "ORG", "LOC", "MISC")), help="Only entities of this type.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--format", "output_format", type=click.Choice(LISTING_FORMATS), default="table", show_default=True)
def command(db_path: str, corpus_id: int | None, name: str | None, label: str | None, limit: int,
            output_format: str) -> None:
    """List the corpus entities, most widespread first, or show one with --id."""
    from ..corpus.timeline import entity_timeline
    from ..corpus.update import linked_store

    with linked_store(db_path) as store:
        if corpus_id is not None:
            entity = found_or_exit(store.corpus_entity(corpus_id), f"no corpus entity {corpus_id}")
            print_json({**entity, "timeline": [item.as_json() for item in entity_timeline(store, entity)]})
            return
        page = store.corpus_entity_page(name, label, 0, limit)
    print_listing(f"{page.total} entities", page.items, ("id", "name", "label", "articles", "mentions"), output_format)
