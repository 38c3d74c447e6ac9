"""The sections every Article has: its header and the people, organisations and places it names."""

from __future__ import annotations

from rich.panel import Panel
from rich.table import Table

from ..records import Article
from .view import section


@section
def header(article: Article) -> Panel:
    """Title, id, date, size and source."""
    title = article.title or (article.sentences[0].text if article.sentences else article.id)
    facts = [
        f"id {article.id}",
        f"published {article.published.isoformat()}" if article.published else "published: unknown",
        f"{len(article.text.split())} words, {len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences",
    ]
    if article.source:
        facts.append(article.source)
    return Panel("\n".join(facts), title=title[:100], title_align="left")


@section
def entities(article: Article) -> Table | None:
    """Each named entity with its type and how often it is mentioned."""
    if not article.entities:
        return None
    table = Table(title="Named in the article", title_justify="left")
    for column in ("name", "type", "mentions", "as"):
        table.add_column(column)
    for entity in article.entities:
        forms = sorted({article.mentions[i].text for i in entity.mentions})
        table.add_row(entity.name, entity.label, str(len(entity.mentions)), ", ".join(forms))
    return table
