"""The 'who said what' section of `kroniek analyze --format table`."""

from __future__ import annotations

from rich.console import Console

from kroniek.records import Article, Quote, span_of
from kroniek.terminal.quotes import content_cell, quotes, speaker_cell

TEXT = ",,We gaan door'', zei de woordvoerder. Naar verluidt stopt het overleg."


def _quote(content: str, **fields) -> Quote:
    start = TEXT.index(content)
    return Quote(content=span_of(TEXT, start, start + len(content)), **fields)


def test_rows_mark_unresolved_and_unnamed_speakers():
    direct = _quote("We gaan door", speaker="de woordvoerder", kind="direct", cue=span_of(TEXT, 17, 20))
    rumour = _quote("stopt het overleg", speaker=None, kind="indirect")
    assert (speaker_cell(direct), content_cell(direct)) == ("de woordvoerder ?", "„We gaan door”")
    assert (speaker_cell(rumour), content_cell(rumour)) == ("(unnamed)", "stopt het overleg")


def test_section_renders_every_quote_and_nothing_without_quotes():
    article = Article(id="a", text=TEXT, quotes=[_quote("We gaan door", speaker="Anna", speaker_resolved=True, kind="direct")])
    console = Console(record=True, width=120)
    console.print(quotes(article))
    shown = console.export_text()
    assert "Who said what" in shown and "Anna" in shown
    assert quotes(Article(id="b", text=TEXT)) is None
