"""The table sections for times and quantities: values shown, unknown values explained, ~ for approximate."""

from __future__ import annotations

from rich.console import Console

from kroniek.records import Article, Quantity, Timex
from kroniek.terminal.times import quantities, timexes

TEXT = "Maandag kwamen er duizenden mensen, vorige week 1,5 procent."


def _span(text: str) -> dict:
    start = TEXT.index(text)
    return {"start": start, "end": start + len(text), "text": text}


def _rendered(renderable) -> str:
    console = Console(width=120, record=True)
    console.print(renderable)
    return console.export_text()


def test_timexes_show_values_and_why_one_is_missing():
    article = Article(id="a", text=TEXT, timexes=[
        Timex(**_span("Maandag"), type="DATE", value="2023-09-11"),
        Timex(**_span("vorige week"), type="DATE", value=None, reason="relative to the publication date, which is unknown"),
    ])
    shown = _rendered(timexes(article))
    assert "2023-09-11" in shown and "unknown: relative to the publication date" in shown


def test_quantities_mark_approximate_values_and_units():
    article = Article(id="a", text=TEXT, quantities=[
        Quantity(**_span("duizenden mensen"), value=1000, of="mensen", approximate=True),
        Quantity(**_span("1,5 procent"), value=1.5, unit="%"),
    ])
    shown = _rendered(quantities(article))
    assert "~1.000" in shown and "1,5" in shown and "%" in shown and "mensen" in shown


def test_no_section_without_records():
    article = Article(id="a", text=TEXT)
    assert timexes(article) is None and quantities(article) is None
