"""Conflicting figures between the articles of one story, found at ingest and stored with both figures."""

from __future__ import annotations

import pytest

from kroniek.corpus.numbers import conflicting_numbers
from kroniek.corpus.update import store_and_link
from kroniek.records import Article, Claim, Quantity, span_of
from kroniek.store import open_store
from tests.corpusfixtures import named


def _with_figure(article: Article, claim_words: str, source: str, figure: str, value: float,
                 approximate: bool = False) -> Article:
    """`article` with one claim (`claim_words`, held by `source`) holding one figure of jobs."""
    text = article.text
    start = text.index(claim_words)
    claim = Claim(id=0, content=span_of(text, start, start + len(claim_words)), source=source)
    at = text.index(figure)
    quantity = Quantity(**span_of(text, at, at + len(figure)).model_dump(), value=value, of="banen",
                        approximate=approximate)
    return article.model_copy(update={"claims": [claim], "quantities": [quantity]})


def _company(doc_id: str, figure: str, source: str = "Jan Smit") -> Article:
    text = f"Vandermolen Transport Groep schrapt {figure} in Zwolle, zegt {source}."
    return named(doc_id, text, [("Vandermolen Transport Groep", "ORG"), ("Zwolle", "LOC"), (source, "PER")])


@pytest.mark.parametrize("figure, value, approximate, conflicts", [
    ("450 banen", 450, False, True),
    ("310 banen", 310, False, False),  # within rounding
    ("ruim 400 banen", 400, True, False),  # an approximate figure conflicts with nothing
])
def test_a_figure_conflicts_with_another_source_s_when_it_differs_by_more_than_rounding(figure, value, approximate,
                                                                                     conflicts):
    earlier = _with_figure(_company("een", "300 banen"), "schrapt 300 banen in Zwolle", "Jan Smit", "300 banen", 300)
    new = _with_figure(_company("twee", figure, "Piet Klaver"), f"schrapt {figure} in Zwolle", "Piet Klaver", figure,
                       value, approximate)
    found = conflicting_numbers(new, [earlier])
    assert bool(found) is conflicts
    if conflicts:
        assert found[0].reason == "numbers differ for banen: Jan Smit says '300 banen', Piet Klaver says '450 banen'"


def test_conflicting_figures_of_one_story_are_stored_at_ingest(tmp_path):
    earlier = _with_figure(_company("een", "300 banen"), "schrapt 300 banen in Zwolle", "Jan Smit", "300 banen", 300)
    new = _with_figure(_company("twee", "450 banen", "Piet Klaver"), "schrapt 450 banen in Zwolle", "Piet Klaver",
                       "450 banen", 450)
    with open_store(tmp_path / "k.db") as store:
        store_and_link(store, [earlier])
        store_and_link(store, [new])
        [stored] = store.cross_contradictions()
    assert (stored["article_a"], stored["article_b"]) == ("een", "twee")
    assert stored["evidence"]["kind"] == "numbers" and (stored["evidence"]["a_value"], stored["evidence"]["b_value"]) == (
        300, 450)


def test_a_figure_keeps_only_its_first_conflicts_however_many_articles_give_another(tmp_path):
    from kroniek.corpus.update import CONTRADICTIONS_PER_CLAIM

    earlier = [_with_figure(_company(f"een-{n}", "300 banen", f"Jan Smit{'s' * n}"), "schrapt 300 banen in Zwolle",
                            "Jan Smit", "300 banen", 300) for n in range(CONTRADICTIONS_PER_CLAIM + 2)]
    new = _with_figure(_company("twee", "450 banen", "Piet Klaver"), "schrapt 450 banen in Zwolle", "Piet Klaver",
                       "450 banen", 450)
    with open_store(tmp_path / "k.db") as store:
        store_and_link(store, earlier)
        store_and_link(store, [new])
        assert len(store.cross_contradictions()) == CONTRADICTIONS_PER_CLAIM
