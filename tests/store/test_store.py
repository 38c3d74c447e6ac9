"""Both stores (SQLite and PostgreSQL, through the `target` and `store` fixtures of conftest.py):
lossless round trips, idempotent batches, near-duplicates and their signatures, full-text search, migrations;
and SQLite's browsable schema."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from hypothesis import HealthCheck, assume, given, settings

from kroniek.errors import StoreError
from kroniek.records import Article, Claim, Producer, Quote, Span
from kroniek.source import NearDuplicate, Skipped, content_hash
from kroniek.store import is_database_url, open_store
from kroniek.store.schema import MIGRATIONS

from ..strategies import articles
from .conftest import query


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article=articles())
def test_article_round_trips_through_the_store(target, store, article: Article):
    if is_database_url(target):
        assume("\\u0000" not in article.model_dump_json())  # PostgreSQL's text cannot hold NUL: see below
    query(target, "DELETE FROM articles")
    store.add_batch([article])
    assert store.article(article.id) == article


def test_postgresql_refuses_a_nul_character_with_a_store_error(target, store):
    if not is_database_url(target):
        pytest.skip("SQLite stores NUL characters")
    with pytest.raises(StoreError, match="NUL"):
        store.add_batch([_article("Een bericht met een \x00 erin.")])
    assert store.count() == 0


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


@pytest.mark.parametrize("words", ['"Zwolle', "Zwolle AND (", "NEAR(", "*", "-", ":", "'", "\\", "name:Zwolle", '""', "^"])
def test_a_search_query_of_any_syntax_is_answered_or_refused_clearly(store, words):
    store.add_batch([_article("De burgemeester van Zwolle opende de brug.")])
    try:
        assert isinstance(store.search(words), list)
    except StoreError as error:
        assert "cannot search for" in str(error)


def test_search_finds_a_word_in_the_title(store):
    store.add_batch([_article("Het water staat hoog.").model_copy(update={"title": "Sluis bij Kampen dicht"})])
    assert [hit["doc_id"] for hit in store.search('"Kampen"')] == ["a1"]


def test_a_text_of_megabytes_of_distinct_words_is_stored_and_its_start_found(store):
    words = [f"woord{n:07d}x{chr(97 + n % 26) * (n % 7)}" for n in range(200_000)]
    store.add_batch([Article(id="groot", text="Vladivostok " + " ".join(words))])
    assert [hit["doc_id"] for hit in store.search('"Vladivostok"')] == ["groot"]


def test_foreign_keys_are_declared_for_browsing(tmp_path):
    open_store(tmp_path / "k.db").close()
    connection = sqlite3.connect(tmp_path / "k.db")
    keys = connection.execute("SELECT * FROM pragma_foreign_key_list('claims')").fetchall()
    assert any(key[2] == "articles" for key in keys)


def test_migrations_are_recorded_and_not_rerun(target):
    for _ in range(3):
        open_store(target).close()
    names = [row[0] for row in query(target, "SELECT name FROM _migrations")]
    assert sorted(names) == [name for name, _ in MIGRATIONS]


def test_rows_stored_before_producers_were_recorded_read_back_with_none(target, store):
    store.add_batch([_article("Een bericht van voor de versies.")])
    query(target, "UPDATE articles SET kroniek_version = NULL, model = NULL, model_version = NULL")
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


def test_near_duplicates_are_linked_to_their_first_version_once(target, store):
    text = "De minister zei dat de brug dichtgaat."
    first = content_hash(text)
    copy = NearDuplicate(content_hash="h2", duplicate_of=first, similarity=0.8, source="b.txt", title="Brug dicht",
                         published=dt.date(2023, 9, 12), outlet="ANP")
    orphan = NearDuplicate(content_hash="h3", duplicate_of="not stored", similarity=0.9)
    article = _article(text).model_copy(update={"outlet": "De Krant"})
    assert store.add_batch([article], duplicates=[copy, orphan]) == 1
    assert store.add_batch([], duplicates=[copy]) == 0
    assert store.article("a1").outlet == "De Krant"
    assert store.has_content("h2") and not store.has_content("h3")
    [row] = store.rows("duplicates")
    assert row["duplicate_of"] == next(store.rows("articles"))["id"]
    assert (row["name"], row["similarity"], row["published"], row["outlet"]) == ("Brug dicht", 0.8, "2023-09-12", "ANP")
    recorded = _article("Een bericht dat als kopie bekend is.", "a2")
    store.add_batch([], duplicates=[copy.model_copy(update={"content_hash": content_hash(recorded.text)})])
    assert store.add_batch([recorded]) == 0 and store.article("a2") is None
    query(target, "DELETE FROM articles")
    assert store.count("duplicates") == 0


def test_signatures_are_kept_per_scheme_and_replaced_by_another(target, store):
    texts = ["De minister zei dat de brug dichtgaat.", "Het kabinet zegt dat de sluis opengaat."]
    store.add_batch([_article(text, f"a{n}") for n, text in enumerate(texts)])
    hashes = [content_hash(text) for text in texts]
    assert list(store.unsigned_texts("v1")) == list(zip(hashes, texts, strict=True))
    store.add_signatures("v1", {hashes[1]: "sig-b", "not stored": "sig-x"})
    assert list(store.signatures("v1")) == [(hashes[1], "sig-b")]
    assert list(store.unsigned_texts("v1")) == [(hashes[0], texts[0])]
    store.add_signatures("v2", {hashes[1]: "sig-b2"})
    assert list(store.signatures("v1")) == [] and list(store.signatures("v2")) == [(hashes[1], "sig-b2")]
    query(target, "DELETE FROM articles")
    assert list(store.signatures("v2")) == []
