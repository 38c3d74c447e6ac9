"""Who said what: every statement the article attributes, with its speaker, role, kind and cue."""

from __future__ import annotations

from rich.table import Table

from ..records import Article, Quote
from .view import section

CONTENT_WIDTH = 90
COLUMNS = (("speaker", 2), ("role", 2), ("kind", 1), ("content", 6), ("cue", 1))
"""The columns and their shares of the width: the content gets most."""
KIND_STYLES = {"direct": "green", "indirect": "cyan", "mixed": "yellow"}


def speaker_cell(quote: Quote) -> str:
    """The speaker's name, marked with '?' when it is only the text's description or unknown."""
    if quote.speaker is None:
        return "(unnamed)"
    return quote.speaker if quote.speaker_resolved else f"{quote.speaker} ?"


def content_cell(quote: Quote) -> str:
    """The content, shortened to one screen line or so; direct quotes between Dutch quote marks."""
    text = " ".join(quote.content.text.split())
    if len(text) > CONTENT_WIDTH:
        text = text[: CONTENT_WIDTH - 1] + "…"
    return f"„{text}”" if quote.kind == "direct" else text


@section
def quotes(article: Article) -> Table | None:
    """One row per quote, in text order."""
    if not article.quotes:
        return None
    table = Table(title="Who said what", title_justify="left", expand=True)
    for column, ratio in COLUMNS:
        table.add_column(column, overflow="fold", ratio=ratio)
    for quote in article.quotes:
        table.add_row(
            speaker_cell(quote), quote.role or "", quote.kind, content_cell(quote),
            quote.cue.text if quote.cue else "", style=KIND_STYLES.get(quote.kind),
        )
    return table
