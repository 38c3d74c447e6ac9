"""Contradictions across stored articles, and the `kroniek claims` ledger over a store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kroniek.commands.claims import command
from kroniek.corpus.contradictions import LedgerEntry, contradictions_between, ledger
from kroniek.corpus.update import store_and_link, update_corpus
from kroniek.pipeline import find_model
from kroniek.store import open_store

from .disagreeing import disagreeing_articles


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "kroniek.db"
    with open_store(path) as store:
        store.add_batch(disagreeing_articles())
        update_corpus(store)
    return path


def test_the_ledger_reads_every_stored_claim_with_its_article(store_path):
    with open_store(store_path) as store:
        entries = list(ledger(store))
    assert [(e.article, e.claim.id) for e in entries] == [("koop", 0), ("ontkenning", 0), ("ontkenning", 1)]


def test_a_claim_and_its_denial_in_another_article_are_stored_with_evidence_at_ingest(store_path):
    with open_store(store_path) as store:
        [found] = store.cross_contradictions()
    assert (found["article_a"], found["article_b"]) == ("koop", "ontkenning") and found["score"] == 1.0
    evidence = found["evidence"]
    assert evidence["predicates"] == ["kopen", "leveren"] and evidence["shared_arguments"] == ["Rusland", "wapen"]


def test_claims_of_articles_of_different_stories_are_not_compared(tmp_path):
    koop, ontkenning = disagreeing_articles()
    one_shared_name = ontkenning.model_copy(update={"entities": [e for e in ontkenning.entities if e.name != "Noord-Korea"]})
    with open_store(tmp_path / "k.db") as store:
        store_and_link(store, [koop, one_shared_name])
        assert store.story_page().total == 2 and store.cross_contradictions() == []


def test_claims_of_articles_that_name_nobody_in_common_are_not_compared(tmp_path):
    koop, ontkenning = disagreeing_articles()
    strangers = ontkenning.model_copy(update={"entities": [], "mentions": []})
    with open_store(tmp_path / "k.db") as store:
        store.add_batch([koop, strangers])
        update_corpus(store)
        assert store.cross_contradictions() == []


def test_the_claims_command_lists_the_ledger_as_json(store_path):
    result = CliRunner().invoke(command, ["--db", str(store_path), "--contradicted"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {(r["article"], r["id"]) for r in rows} == {("koop", 0), ("ontkenning", 0), ("ontkenning", 1)}
    first = next(r for r in rows if r["article"] == "koop")
    assert first["contradicted_by"][0]["article"] == "ontkenning"


def test_the_claims_command_filters_by_entity_and_draws_a_table(store_path):
    result = CliRunner().invoke(command, ["--db", str(store_path), "--entity", "Pyongyang", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Pyongyang" in result.output and "1 claims" in result.output


def test_a_missing_store_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(command, ["--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.skipif(find_model("nl") is None, reason="no trained model in models/nl")
def test_two_analysed_articles_that_disagree_are_paired(tmp_path, nlp):
    from kroniek import analyze

    texts = {"claim": "Rusland koopt wapens van Noord-Korea, zeggen Amerikaanse functionarissen.",
             "denial": "Noord-Korea ontkent dat het wapens levert aan Rusland."}
    path = tmp_path / "two.db"
    with open_store(path) as store:
        store.add_batch([analyze(text, id=doc_id, nlp=nlp) for doc_id, text in texts.items()])
        update_corpus(store)
        found = store.cross_contradictions()
    assert [(c["article_a"], c["article_b"]) for c in found] == [("claim", "denial")]
    assert {found[0]["evidence"]["claim_a"]["factuality"], found[0]["evidence"]["claim_b"]["factuality"]} == {"CT+", "CT-"}


def _new_and_earlier(published_a, published_b, bought_arguments=("Rusland", "wapen", "Noord-Korea")):
    """The denial as a new article's claim, and the purchase as an earlier one's."""
    koop, ontkenning = disagreeing_articles()
    bought = koop.claims[0].model_copy(update={"arguments": list(bought_arguments)})
    return [LedgerEntry("ontkenning", ontkenning.claims[0], published_b)], [LedgerEntry("koop", bought, published_a)]


@pytest.mark.parametrize("published_a, published_b, found", [
    ("2023-09-12", "2023-09-20", 1),
    ("2023-09-12", None, 1),
    ("2021-09-12", "2023-09-20", 0),
])
def test_claims_of_articles_far_apart_in_time_do_not_contradict(published_a, published_b, found):
    assert len(contradictions_between(*_new_and_earlier(published_a, published_b))) == found


def test_claims_that_share_only_common_nouns_do_not_contradict():
    new, earlier = _new_and_earlier("2023-09-12", "2023-09-12", bought_arguments=("rusland", "wapen"))
    assert contradictions_between(new, earlier) == []


def test_a_claim_keeps_only_its_best_contradictions_however_many_articles_hold_the_opposite(tmp_path):
    from kroniek.corpus.update import CONTRADICTIONS_PER_CLAIM

    koop, ontkenning = disagreeing_articles()
    copies = [koop.model_copy(update={"id": f"koop-{n}", "text": f"{koop.text} Bericht {n}."})
              for n in range(CONTRADICTIONS_PER_CLAIM + 2)]
    with open_store(tmp_path / "k.db") as store:
        store_and_link(store, copies)
        store_and_link(store, [ontkenning])
        found = store.cross_contradictions()
    assert len(found) == CONTRADICTIONS_PER_CLAIM and {c["article_b"] for c in found} == {"ontkenning"}


def test_the_contradictions_of_a_story_are_those_between_its_articles(store_path):
    with open_store(store_path) as store:
        [story] = [row["id"] for row in store.story_page().items]
        assert [c["article_b"] for c in store.cross_contradictions(story=story, limit=5)] == ["ontkenning"]
        assert store.cross_contradictions(story=story + 1) == []
