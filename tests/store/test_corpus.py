"""The corpus tables on both backends: entities linked as articles arrive (one batch after another
gives what one batch gives), a longer name taking over, stories, and re-running linking
nothing twice."""

from __future__ import annotations

import datetime as dt

from kroniek.corpus.update import store_and_link, update_corpus
from tests.corpusfixtures import DAY, ELSEWHERE, FIRST, SECOND, named


def _corpus_names(store) -> dict[str, int]:
    return {row["name"]: row["articles"] for row in store.corpus_entity_page().items}


def test_entities_of_later_batches_join_the_corpus_entities_of_earlier_ones(store):
    store_and_link(store, [FIRST])
    store_and_link(store, [SECOND, ELSEWHERE])
    assert _corpus_names(store) == {"Vandermolen Transport Groep": 2, "Zwolle": 2, "Jan Smit": 2, "Piet Smit": 1,
                                    "Gouda": 1}
    [company] = store.corpus_entity_page(query="vtg").items
    members = store.corpus_entity(company["id"])["members"]
    assert [(m["article"], m["name"], m["evidence"]) for m in members] == [
        ("eerste", "Vandermolen Transport Groep", None), ("tweede", "VTG", "acronym VTG / same name")]


def test_one_batch_and_two_batches_give_the_same_corpus(new_target):
    from kroniek.store import open_store

    with open_store(new_target()) as one, open_store(new_target()) as two:
        store_and_link(one, [FIRST, SECOND, ELSEWHERE])
        store_and_link(two, [FIRST])
        store_and_link(two, [SECOND, ELSEWHERE])
        assert _corpus_names(one) == _corpus_names(two)
        assert [s["articles"] for s in one.story_page().items] == [s["articles"] for s in two.story_page().items]


def test_a_long_name_joins_its_acronym_named_before_it(store):
    short = named("kort", "De VOC kwam.", [("VOC", "ORG")])
    full = named("vol", "De Verenigde Oost-Indische Compagnie kwam.", [("Verenigde Oost-Indische Compagnie", "ORG")])
    store_and_link(store, [short])
    store_and_link(store, [full])
    assert _corpus_names(store) == {"Verenigde Oost-Indische Compagnie": 2}


def test_articles_that_share_two_names_within_two_weeks_are_one_story(store):
    late = named("later", "Jan Smit en Vandermolen Transport Groep tekenen in Zwolle.",
                 [("Jan Smit", "PER"), ("Vandermolen Transport Groep", "ORG"), ("Zwolle", "LOC")],
                 DAY + dt.timedelta(days=60))
    store_and_link(store, [FIRST, SECOND, ELSEWHERE, late])
    stories = {s["name"]: s["articles"] for s in store.story_page().items}
    assert sorted(stories.values()) == [1, 1, 2]
    story = store.story(next(s["id"] for s in store.story_page().items if s["articles"] == 2))
    assert [a["doc_id"] for a in story["articles"]] == ["eerste", "tweede"]
    assert story["articles"][1]["evidence"].startswith("shares ")
    assert (story["first_published"], story["last_published"]) == ("2025-03-10", "2025-03-12")


def test_linking_again_links_nothing_twice(store):
    store_and_link(store, [FIRST, SECOND])
    assert update_corpus(store) == 0
    assert sum(s["articles"] for s in store.story_page().items) == 2
    assert store.corpus_entity(999) is None and store.story(999) is None
