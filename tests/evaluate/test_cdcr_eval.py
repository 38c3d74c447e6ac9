"""Cross-document coreference scoring and the corpus entity linking it measures, on articles of our own."""

from __future__ import annotations

import json

import pytest

from kroniek.corpus.linking import acronym, link_entities
from kroniek.errors import GoldFormatError
from kroniek.evaluate.cdcr import read_cdcr, score
from kroniek.records import Article, Entity, Event, Mention, span_of

ONE = "Vandermolen Transport Groep ontslaat honderd mensen. Topman Jan Smit bevestigde het."
TWO = "Bij VTG verdwijnen banen, zegt Smit. Piet de Boer van de bond is boos."


def _article(doc_id: str, text: str, names: list[tuple[str, str]], triggers: tuple[str, ...] = ()) -> Article:
    """An article whose entities are `names` (each once, as written), with events on `triggers`."""
    mentions, entities = [], []
    for index, (name, label) in enumerate(names):
        start = text.index(name)
        mentions.append(Mention(**span_of(text, start, start + len(name)).model_dump(), label=label, entity=index))
        entities.append(Entity(id=index, name=name, label=label, mentions=[index]))
    events = [Event(trigger=span_of(text, text.index(t), text.index(t) + len(t)), type="OTHER") for t in triggers]
    return Article(id=doc_id, text=text, mentions=mentions, entities=entities, events=events)


ARTICLES = [
    _article("one", ONE, [("Vandermolen Transport Groep", "ORG"), ("Jan Smit", "PER")], ("ontslaat",)),
    _article("two", TWO, [("VTG", "ORG"), ("Smit", "PER"), ("Piet de Boer", "PER")], ("verdwijnen",)),
]


def test_an_acronym_is_the_initials_of_a_long_name():
    assert acronym("Vandermolen Transport Groep") == "VTG"
    assert acronym("Verenigde Oost-Indische Compagnie") == "VOC"
    assert acronym("Jan Smit") is None


def test_a_company_links_to_its_acronym_and_a_surname_to_the_one_person_named_in_full():
    linking = link_entities(ARTICLES)
    ids = linking.corpus_id
    assert ids[("one", 0)] == ids[("two", 0)] and ids[("one", 1)] == ids[("two", 1)]
    assert set(linking.evidence.values()) == {"acronym VTG / same name", "surname smit"}
    assert len(set(ids.values())) == 3


def test_two_people_are_not_linked_by_a_shared_name_and_a_bare_surname_of_both_joins_neither():
    three = _article("three", "Jan de Vries en Jan Smit spraken. Smit zweeg.", [("Jan de Vries", "PER"), ("Jan Smit", "PER")])
    four = _article("four", "Piet Smit en Smit.", [("Piet Smit", "PER"), ("Smit", "PER")])
    ids = link_entities([three, four]).corpus_id
    assert len(set(ids.values())) == 4


def _gold(doc_id: str, text: str, mentions: list[tuple[str, str]], events: list[tuple[str, str]]) -> dict:
    def located(pairs):
        return [{"text": words, "start": text.index(words), "chain": chain, "type": "ORG"} for words, chain in pairs]

    return {"id": doc_id, "text": text, "entities": located(mentions), "event_mentions": located(events)}


def test_linked_articles_score_their_chains(tmp_path):
    documents = [
        _gold("one", ONE, [("Vandermolen Transport Groep", "vtg"), ("Jan Smit", "smit")], [("ontslaat", "cut")]),
        _gold("two", TWO, [("VTG", "vtg"), ("Smit", "smit")], [("verdwijnen", "cut")]),
    ]
    result = score(documents, ARTICLES)
    assert result["entities"]["conll_f1"] == pytest.approx(1.0)
    assert result["entities"]["mention_coverage"] == 1.0
    assert result["event_mentions"]["muc"] == 0.0  # every event is its own cluster: the shared chain is missed
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in documents), encoding="utf-8")
    assert [d["id"] for d in read_cdcr(path)] == ["one", "two"]


def test_a_mention_outside_its_text_is_a_malformed_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    broken = {"id": "one", "text": ONE, "entities": [{"text": "VTG", "start": 3, "chain": "x", "type": "ORG"}]}
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not in the text"):
        read_cdcr(path)


def test_events_of_one_type_and_trigger_word_are_one_event_within_an_article_only():
    from kroniek.corpus.linking import link_events

    text = "Het probleem groeit. Het probleem blijft."
    first = _article("a", text, [], ("probleem",))
    twice = first.model_copy(update={"events": [*first.events, first.events[0].model_copy(
        update={"trigger": span_of(text, 25, 33)})]})
    ids = link_events([twice, _article("b", text, [], ("probleem",))])
    assert ids[("a", 0)] == ids[("a", 1)] != ids[("b", 0)]


def test_a_company_name_with_its_legal_form_links_to_the_name_without_it():
    one = _article("vijf", "Zwaluw Inc. groeit.", [("Zwaluw Inc.", "ORG")])
    two = _article("zes", "Zwaluw groeit ook.", [("Zwaluw", "LOC")])
    linking = link_entities([one, two])
    assert linking.corpus_id[("vijf", 0)] == linking.corpus_id[("zes", 0)]
    assert linking.evidence[("zes", 0)] == "same name without Inc. / same name"
