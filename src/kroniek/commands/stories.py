"""`kroniek stories`: the stories of the store (articles about one happening, grouped at ingest),
or one of them with its articles, entities, timeline and the contradictions between its articles."""

from __future__ import annotations

import click

from ..store_option import db_option
from ..terminal.listing import LISTING_FORMATS, found_or_exit, print_json, print_listing


@click.command("stories")
@db_option()
@click.option("--id", "story_id", type=int, help="Show this story: articles, entities, timeline, contradictions.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--format", "output_format", type=click.Choice(LISTING_FORMATS), default="table", show_default=True)
def command(db_path: str, story_id: int | None, limit: int, output_format: str) -> None:
    """List the stories, largest first, or show one with --id."""
    from ..corpus.timeline import story_timeline
    from ..corpus.update import linked_store

    with linked_store(db_path) as store:
        if story_id is not None:
            story = found_or_exit(store.story(story_id), f"no story {story_id}")
            print_json({**story, "timeline": [item.as_json() for item in story_timeline(store, story)],
                        "contradictions": store.cross_contradictions(story=story_id)})
            return
        page = store.story_page(0, limit)
    print_listing(f"{page.total} stories", page.items,
                  ("id", "name", "first_published", "last_published", "articles"), output_format)

