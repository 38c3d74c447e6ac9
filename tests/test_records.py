"""Records survive a JSON round trip losslessly, and `kroniek schema` describes them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.records import Article, article_schema

from .strategies import articles


@settings(max_examples=60, deadline=None)
@given(articles())
def test_article_json_round_trip(article: Article):
    assert Article.model_validate_json(article.model_dump_json()) == article


@given(st.text())
def test_any_text_round_trips(text: str):
    article = Article(id="x", text=text)
    assert Article.model_validate_json(article.model_dump_json()).text == text


def test_schema_names_every_layer():
    properties = article_schema()["properties"]
    for layer in ("quotes", "claims", "events", "timexes", "places", "quantities", "contradictions"):
        assert layer in properties


def test_schema_describes_what_produced_an_article():
    schema = article_schema()
    assert "produced_by" in schema["properties"]
    assert {"kroniek", "model", "model_version"} <= set(schema["$defs"]["Producer"]["properties"])
