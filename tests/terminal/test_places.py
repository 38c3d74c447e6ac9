"""The places section of `kroniek analyze --format table`."""

from __future__ import annotations

from rich.console import Console

from kroniek.records import Article, Place
from kroniek.terminal.places import places

TEXT = "Van Moskou en Moskou naar Zwartewaterkloosterhoek."


def rendered(article: Article) -> str:
    console = Console(width=160, record=True)
    console.print(places(article))
    return console.export_text()


def test_each_place_is_one_row_with_its_point_and_unresolved_names_are_flagged():
    moscow = dict(name="Moscow", country="RU", lat=55.752, lon=37.618, kind="city", resolved=True, confidence=0.95)
    article = Article(id="a", text=TEXT, places=[
        Place(start=4, end=10, text="Moskou", **moscow),
        Place(start=14, end=20, text="Moskou", **moscow),
        Place(start=26, end=49, text="Zwartewaterkloosterhoek", name="Zwartewaterkloosterhoek"),
    ])
    text = rendered(article)
    assert "Moscow" in text and "55.752, 37.618" in text and "0.95" in text
    assert text.count("Moscow") == 1
    assert "not resolved" in text and "unresolved" in text


def test_an_article_without_places_has_no_section():
    assert places(Article(id="a", text="Niets.")) is None
