"""The entity page over articles with and without a publication date: undated moments come last."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from kroniek.corpus.update import store_and_link
from kroniek.records import Article, Claim, Entity, Mention
from kroniek.store import open_store
from kroniek.web import create_app

from .conftest import handmade_articles, span

UNDATED = "Anna de Vries zei dat de oefening in het noorden doorgaat."


def undated_article() -> Article:
    """Dutch, without a publication date or any time in its text: its statements have no date."""
    t = UNDATED
    return Article(
        id="zonder-datum", text=t, sentences=[span(t, t)],
        mentions=[Mention(**span(t, "Anna de Vries").model_dump(), label="PER", entity=0)],
        entities=[Entity(id=0, name="Anna de Vries", label="PER", mentions=[0])],
        claims=[Claim(id=0, content=span(t, "de oefening in het noorden doorgaat"), source="Anna de Vries",
                      source_span=span(t, "Anna de Vries"), source_entity=0, cue=span(t, "zei"))],
    )


def test_entity_page_shows_undated_statements_last(tmp_path):
    db = tmp_path / "kroniek.db"
    with open_store(db) as store:
        store_and_link(store, [undated_article(), *handmade_articles()])
    response = TestClient(create_app(db)).get("/entities/Anna de Vries")
    assert response.status_code == 200, response.text
    moments = re.findall(r'<li class="moment"><time>([^<]*)</time>', response.text)
    assert moments == ["2023-10-03", "2023-10-11", "undated"]
