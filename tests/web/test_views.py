"""What the pages and the API shape from stored articles: names, headlines and search queries."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kroniek.corpus.update import store_and_link
from kroniek.records import Article, Entity, Mention, Span
from kroniek.store import open_store
from kroniek.web.app import create_app
from kroniek.web.views import NameInArticle, claims_said_with, fts_query, headline

from ..corpus.disagreeing import disagreeing_articles

TEXT = "Kremlin-woordvoerder Dmitri Peskov zei dat Peskov later terugkomt."


def _article(**fields) -> Article:
    mentions = [Mention(start=21, end=34, text="Dmitri Peskov", label="PER", entity=0),
                Mention(start=43, end=49, text="Peskov", label="PER", entity=0)]
    return Article(id="peskov", text=TEXT, mentions=mentions,
                   entities=[Entity(id=0, name="Dmitri Peskov", label="PER", mentions=[0, 1])], **fields)


@pytest.mark.parametrize("words, entity, named", [
    ("Dmitri Peskov", None, True),
    ("dmitri peskov", None, True),
    ("Kremlin-woordvoerder Dmitri Peskov", None, True),
    ("Peskov", None, True),
    ("iemand", 0, True),
    ("Dmitri Peskovski", None, False),
    ("het Kremlin", None, False),
    (None, None, False),
])
def test_a_speaker_is_named_by_entity_wording_or_whole_name(words, entity, named):
    assert NameInArticle.find(_article(), "Dmitri Peskov").is_named(words, entity) is named


def test_a_name_occurs_in_a_span_by_its_mentions_or_its_words():
    name = NameInArticle.find(_article(), "Dmitri Peskov")
    assert name.occurs_in(Span(start=35, end=65, text=TEXT[35:65]))
    assert not name.occurs_in(Span(start=0, end=20, text=TEXT[0:20]))


def test_the_entities_of_a_corpus_entity_are_one_name_known_by_each_of_their_names():
    article = _article().model_copy(update={"entities": [Entity(id=0, name="Dmitri Peskov", label="PER", mentions=[0, 1]),
                                                         Entity(id=1, name="Kremlin-woordvoerder", label="PER")]})
    both = NameInArticle.of_entities(article, frozenset({0, 1}))
    assert both.is_named("Kremlin-woordvoerder", None) and both.is_named("iemand", 1)
    assert both.occurs_in(Span(start=0, end=20, text=TEXT[0:20]))
    assert not NameInArticle.of_entities(article, frozenset()).occurs_in(Span(start=0, end=len(TEXT), text=TEXT))


def test_an_article_is_called_by_its_title_else_its_first_sentence_else_its_id():
    sentence = Span(start=0, end=len(TEXT), text=TEXT)
    assert headline(_article(title="Peskov")) == "Peskov"
    assert headline(_article(sentences=[sentence])) == TEXT
    assert headline(_article(sentences=[sentence]), limit=20) == TEXT[:19] + "…"
    assert headline(_article()) == "peskov"


@pytest.mark.parametrize("typed, query", [
    ("wapens", '"wapens"'),
    ("Kim Jong-un", '"Kim" "Jong-un"'),
    ('zei "ja" OR NOT', '"zei" """ja""" "OR" "NOT"'),
    ("   ", ""),
])
def test_search_words_are_quoted_so_none_is_an_operator(typed, query):
    assert fts_query(typed) == query


def test_claims_are_found_by_the_words_of_their_sentence(store_path):
    with open_store(store_path, read_only=True) as store:
        rows = claims_said_with(store, store.article("levering-litouwen"), "ontkent RAKETTEN")
    assert [row["record"].source for row in rows] == ["De Litouwse regering"]
    assert rows[0]["contradicted"] is True


def test_the_contradictions_page_shows_those_between_articles(tmp_path):
    with open_store(tmp_path / "k.db") as store:
        store_and_link(store, disagreeing_articles())
    page = TestClient(create_app(tmp_path / "k.db")).get("/contradictions").text
    across = page[page.index('id="across"'):]
    assert "Rusland koopt wapens van Noord-Korea" in across and "het wapens levert aan Rusland" in across
    assert 'href="/articles/ontkenning#claim-0"' in across


def test_a_pronoun_that_refers_to_a_name_does_not_make_every_unresolved_hij_that_name():
    text = TEXT + " Hij belt."
    pronoun = Mention(start=len(TEXT) + 1, end=len(TEXT) + 4, text="Hij", label="PER", entity=0, kind="pronoun")
    article = _article().model_copy(update={"text": text, "mentions": [*_article().mentions, pronoun]})
    name = NameInArticle.find(article, "Dmitri Peskov")
    assert not name.is_named("hij", None) and name.is_named("hij", 0)
