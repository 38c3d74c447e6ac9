"""The SQLite store: lossless round trips, idempotent batches, full-text search, browsable schema."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings

from kroniek.errors import StoreError
from kroniek.records import Article, Claim, Producer, Quote, Span
from kroniek.source import Skipped
from kroniek.store import open_store

from ..strategies import articles


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "k.db") as opened:
        yield opened


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles())
def test_article_round_trips_through_sqlite(tmp_path_factory, article: Article):
    with open_store(tmp_path_factory.mktemp("db") / "k.db") as store:
        store.add_batch([article])
        assert store.article(article.id) == article


def _article(text: str, doc_id: str = "a1") -> Article:
    return Article(
        id=doc_id, text=text,
        quotes=[Quote(content=Span(start=0, end=4, text=text[:4]), speaker="Jansen", kind="indirect")],
        claims=[Claim(id=0, content=Span(start=0, end=4, text=text[:4]), source="Jansen", factuality="CT-")],
    )


def test_same_words_are_stored_once(store):
    text = "De minister zei dat de brug dichtgaat."
    assert store.add_batch([_article(text)]) == 1
    assert store.add_batch([_article("  " + text.replace(" ", "\n"), "a2")]) == 0
    assert store.count() == 1 and store.count("quotes") == 1


def test_an_id_taken_by_other_words_gets_a_suffix(store):
    store.add_batch([_article("Eerste bericht over de brug.")])
    store.add_batch([_article("Tweede bericht over de sluis.")])
    assert [row["doc_id"][:2] for row in store.rows("articles")] == ["a1", "a1"]
    assert len({row["doc_id"] for row in store.rows("articles")}) == 2


def test_failed_batch_leaves_nothing_behind(store):
    good = _article("Een bericht dat goed gaat.")
    with pytest.raises(AttributeError):
        store.add_batch([good, object()])
    assert store.count() == 0


def test_skips_are_recorded(store):
    store.add_batch([], [Skipped(source="x.bin", reason="binary file")])
    assert [row["reason"] for row in store.rows("skipped")] == ["binary file"]


def test_full_text_search_finds_words(store):
    store.add_batch([_article("De burgemeester van Zwolle opende de brug.")])
    hits = store.search("Zwolle")
    assert hits and "[Zwolle]" in hits[0]["snippet"]


def test_layer_rows_point_to_their_article_and_carry_a_label(store):
    store.add_batch([_article("De minister zei dat de brug dichtgaat.")])
    quote = next(store.rows("quotes"))
    assert quote["article_id"] == next(store.rows("articles"))["id"]
    assert quote["name"].startswith("Jansen:")


def test_foreign_keys_are_declared_for_browsing(tmp_path):
    open_store(tmp_path / "k.db").close()
    connection = sqlite3.connect(tmp_path / "k.db")
    keys = connection.execute("SELECT * FROM pragma_foreign_key_list('claims')").fetchall()
    assert any(key[2] == "articles" for key in keys)


def test_migrations_are_recorded_and_not_rerun(tmp_path):
    open_store(tmp_path / "k.db").close()
    with open_store(tmp_path / "k.db") as store:
        names = [row[0] for row in store.connection.execute("SELECT name FROM _migrations")]
    assert names == sorted(names) and len(names) == len(set(names)) >= 3


def test_rows_stored_before_producers_were_recorded_read_back_with_none(tmp_path):
    path = tmp_path / "k.db"
    with open_store(path) as store:
        store.add_batch([_article("Een bericht van voor de versies.")])
    connection = sqlite3.connect(path)
    connection.execute("UPDATE articles SET kroniek_version = NULL, model = NULL, model_version = NULL")
    connection.commit()
    with open_store(path) as store:
        assert store.article("a1").produced_by is None


def test_what_produced_an_article_is_stored_in_columns(store):
    made = Producer(kroniek="0.1.0", model="nl_kroniek_nl", model_version="0.1.0")
    store.add_batch([_article("De minister zei dat de brug dichtgaat.").model_copy(update={"produced_by": made})])
    row = next(store.rows("articles"))
    assert (row["kroniek_version"], row["model"], row["model_version"]) == ("0.1.0", "nl_kroniek_nl", "0.1.0")
    assert store.article("a1").produced_by == made


def test_records_of_a_layer_come_with_their_article(store):
    store.add_batch([_article("De minister zei dat de brug dichtgaat.").model_copy(update={"published": dt.date(2023, 9, 12)})])
    [stored] = store.records(Claim)
    assert (stored.article, stored.published, stored.record.source) == ("a1", "2023-09-12", "Jansen")


def test_records_of_a_type_no_layer_holds_is_a_clear_error(store):
    with pytest.raises(StoreError, match="no layer of Span records"):
        list(store.records(Span))
