"""Near-duplicates at ingest: a wire copy or a light update of a stored article is kept as a link to
it, not analysed again, in the same run and in later ones; reruns find everything already present.
The tests that store run against a SQLite file and a PostgreSQL database (that half skips, saying why,
where no server can be started)."""

from __future__ import annotations

import pytest

from kroniek.batch import ingest
from kroniek.ingest.neardup import SCHEME, NearDuplicateIndex, decode, encode, signature, similarity
from kroniek.source import RawDocument
from kroniek.store import open_store
from tests.webfixtures import BIBLIOTHEEK, BOERDERIJ, HAVEN

WIRE_COPY = "Veerdienst Vlieland drie weken uit de vaart\n\nHARLINGEN (ANP) - " + HAVEN
UPDATE = HAVEN.replace("1,8 miljoen", "2,1 miljoen") + (
    "\n\nDe gemeente Vlieland laat weten dat de supermarkt op het eiland extra voorraad inslaat.")


@pytest.fixture(params=("sqlite", "postgresql"))
def db(request, tmp_path) -> str:
    """Where a new, empty store of each backend goes: a file path or a postgresql:// URL."""
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "k.db")


def _documents(*texts: str) -> list[RawDocument]:
    return [RawDocument(text=text, source=f"bericht-{n}.txt", language="nl") for n, text in enumerate(texts)]


def _ingest(db, texts, nlp):
    with open_store(db) as store:
        return ingest(_documents(*texts), store, nlp)


def _table(db, table: str) -> list[dict]:
    with open_store(db) as store:
        return list(store.rows(table))


def test_a_signature_survives_its_text_form_and_estimates_similarity():
    values = signature(HAVEN)
    assert (decode(encode(values)) == values).all()
    assert similarity(values, signature(WIRE_COPY)) > 0.7 > 0.2 > similarity(values, signature(BIBLIOTHEEK))


def test_the_index_finds_the_most_similar_text_above_its_threshold():
    index = NearDuplicateIndex(threshold=0.5)
    index.add("haven", signature(HAVEN))
    index.add("bieb", signature(BIBLIOTHEEK))
    assert index.match(signature(UPDATE))[0] == "haven"
    assert index.match(signature(BOERDERIJ)) is None


def test_near_duplicates_in_one_run_are_linked_to_the_first_version(db, blank_nlp):
    summary = _ingest(db, [HAVEN, BIBLIOTHEEK, WIRE_COPY, UPDATE, BOERDERIJ], blank_nlp)
    assert (summary.stored, summary.near_duplicates, summary.present) == (3, 2, 0)
    assert "near-duplicates 2" in summary.line()
    first = _table(db, "articles")[0]
    duplicates = _table(db, "duplicates")
    assert [d["source"] for d in duplicates] == ["bericht-2.txt", "bericht-3.txt"]
    assert all(d["duplicate_of"] == first["id"] and 0.5 <= d["similarity"] < 1 for d in duplicates)


def test_a_later_run_finds_near_duplicates_of_earlier_ones_and_a_rerun_finds_all_present(db, blank_nlp):
    _ingest(db, [HAVEN, BIBLIOTHEEK], blank_nlp)
    later = _ingest(db, [UPDATE, BOERDERIJ], blank_nlp)
    assert (later.stored, later.near_duplicates) == (1, 1)
    again = _ingest(db, [HAVEN, BIBLIOTHEEK, UPDATE, BOERDERIJ], blank_nlp)
    assert (again.stored, again.near_duplicates, again.present) == (0, 0, 4)
    assert "already present 4" in again.line()


def test_a_store_without_signatures_has_them_made_from_its_texts(db, blank_nlp):
    _ingest(db, [HAVEN, BIBLIOTHEEK], blank_nlp)
    with open_store(db) as store:
        store.connection.execute("DELETE FROM signatures")  # autocommitted by both backends
        assert list(store.signatures(SCHEME)) == []
    assert _ingest(db, [WIRE_COPY], blank_nlp).near_duplicates == 1
    assert len(_table(db, "duplicates")) == 1
    with open_store(db) as store:
        assert len(list(store.signatures(SCHEME))) == 2


@pytest.mark.parametrize("threshold, expected", [(1.0, 0), (0.3, 2)])
def test_the_threshold_decides(db, blank_nlp, threshold, expected):
    with open_store(db) as store:
        summary = ingest(_documents(HAVEN, WIRE_COPY, UPDATE), store, blank_nlp, threshold=threshold)
    assert summary.near_duplicates == expected


def test_a_lightly_edited_copy_ingested_later_into_postgresql_is_linked_not_analysed(postgres_url, blank_nlp):
    first = _ingest(postgres_url, [HAVEN, BIBLIOTHEEK], blank_nlp)
    assert (first.stored, first.near_duplicates) == (2, 0)
    second = _ingest(postgres_url, [UPDATE], blank_nlp)
    assert (second.stored, second.near_duplicates, second.present) == (0, 1, 0)
    articles = _table(postgres_url, "articles")
    assert len(articles) == 2
    [duplicate] = _table(postgres_url, "duplicates")
    assert duplicate["duplicate_of"] == articles[0]["id"] and duplicate["source"] == "bericht-0.txt"
    assert 0.5 <= duplicate["similarity"] < 1
    with open_store(postgres_url) as store:
        assert len(list(store.signatures(SCHEME))) == 2
        assert list(store.unsigned_texts(SCHEME)) == []
    assert _ingest(postgres_url, [UPDATE], blank_nlp).present == 1


def test_an_interrupt_while_linking_still_counts_what_was_stored(tmp_path, blank_nlp, monkeypatch):
    import kroniek.batch

    def interrupted(store):
        raise KeyboardInterrupt

    monkeypatch.setattr(kroniek.batch, "update_corpus", interrupted)  # Ctrl-C as linking starts
    summary = kroniek.batch.Summary()
    with open_store(str(tmp_path / "k.db")) as store, pytest.raises(KeyboardInterrupt):
        ingest(_documents(HAVEN, BIBLIOTHEEK), store, blank_nlp, summary=summary)
    assert summary.stored == 2 == len(_table(str(tmp_path / "k.db"), "articles"))
