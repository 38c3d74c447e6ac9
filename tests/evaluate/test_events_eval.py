"""The events scorer on a tiny gold file written for the test, against hand-made predictions."""

from __future__ import annotations

import json

import pytest

from kroniek.errors import GoldFormatError
from kroniek.evaluate.events import score
from kroniek.evaluate.gold import read_gold
from kroniek.records import Argument, Article, Event, span_of

TEXT = "Kim kwam dinsdag in Rusland aan. Poetin zal hem ontvangen. Moskou ontkent dat het wapens koopt."
GOLD = {
    "id": "t1", "published": "2023-09-12", "text": TEXT,
    "events": [
        {"trigger": "kwam", "type": "TRAVEL", "agent": "Kim Jong-un", "patient": None, "place": "Rusland",
         "time": "2023-09-12", "factuality": "CT+"},
        {"trigger": "ontvangen", "type": "MEET", "agent": "Vladimir Poetin", "patient": "Kim",
         "place": None, "time": None, "factuality": "CT+"},
        {"trigger": "koopt", "type": "TRADE", "agent": "Moskou", "patient": None, "place": None, "time": None,
         "factuality": "CT-"},
    ],
}


def _event(trigger: str, kind: str, agent=None, place=None, time=None, factuality="CT+", status=None) -> Event:
    start = TEXT.index(trigger)
    return Event(trigger=span_of(TEXT, start, start + len(trigger)), type=kind,
                 agent=Argument(text=agent) if agent else None, place=Argument(text=place) if place else None,
                 time=time, factuality=factuality, status=status)


@pytest.fixture
def gold_path(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    return path


def _scored(gold_path, events):
    (document,) = read_gold(gold_path, "events", "trigger")
    return score([(document, Article(id="t1", text=TEXT, events=events))])


def test_matched_pairs_score_every_field(gold_path):
    metrics = _scored(gold_path, [
        _event("kwam", "TRAVEL", agent="Kim Jong-un", place="Rusland", time="2023-09-12"),
        _event("ontvangen", "MEET", agent="Poetin"),
        _event("ontkent", "STATEMENT", agent="Moskou"),
    ])
    assert (metrics["precision"], metrics["recall"], metrics["n_matched"]) == (2 / 3, 2 / 3, 2)
    assert metrics["type_accuracy"] == metrics["agent_accuracy"] == metrics["place_accuracy"] == 1.0
    assert metrics["time_accuracy"] == 1.0 and metrics["factuality_accuracy"] == 1.0
    assert metrics["per_type"]["TRADE"] == {"n_gold": 1, "recall": 0.0, "type_accuracy": 0.0}


def test_wrong_fields_count_against_their_accuracy_only(gold_path):
    metrics = _scored(gold_path, [
        _event("kwam", "MEET", agent="Poetin", time="2023-09-11"),
        _event("koopt", "TRADE", agent="Moskou", factuality="CT+"),
    ])
    assert metrics["f1"] == pytest.approx(0.8)
    assert (metrics["type_accuracy"], metrics["agent_accuracy"], metrics["place_accuracy"]) == (0.5, 0.5, 0.5)
    assert (metrics["time_accuracy"], metrics["factuality_accuracy"]) == (0.5, 0.5)


def test_happened_precision_is_the_share_of_happened_events_that_gold_holds_certain(gold_path):
    metrics = _scored(gold_path, [
        _event("kwam", "TRAVEL", status="happened"),
        _event("ontvangen", "MEET", status="expected"),
        _event("koopt", "TRADE", status="happened"),
    ])
    assert metrics["happened_precision"] == 0.5
    assert metrics["status_by_gold_factuality"] == {"expected": {"CT+": 1}, "happened": {"CT+": 1, "CT-": 1}}


def test_happened_precision_is_perfect_when_nothing_false_is_said_to_have_happened(gold_path):
    metrics = _scored(gold_path, [
        _event("kwam", "TRAVEL", status="happened"),
        _event("koopt", "TRADE", factuality="CT-", status="denied"),
    ])
    assert metrics["happened_precision"] == 1.0
    assert metrics["status_by_gold_factuality"] == {"denied": {"CT-": 1}, "happened": {"CT+": 1}}


def test_nothing_said_to_have_happened_scores_zero_and_an_empty_table(gold_path):
    metrics = _scored(gold_path, [])
    assert (metrics["happened_precision"], metrics["status_by_gold_factuality"]) == (0.0, {})


def test_triggers_match_by_any_overlap_one_to_one(gold_path):
    start = TEXT.index("ontvangen")
    halves = [Event(trigger=span_of(TEXT, start, start + 3), type="MEET"),
              Event(trigger=span_of(TEXT, start + 3, start + 9), type="MEET")]
    assert _scored(gold_path, halves)["n_matched"] == 1


def test_no_predictions_score_zero(gold_path):
    metrics = _scored(gold_path, [])
    assert (metrics["f1"], metrics["n_gold"], metrics["n_pred"], metrics["type_accuracy"]) == (0.0, 3, 0, 0.0)


def test_a_trigger_missing_from_the_text_is_malformed_gold(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({**GOLD, "events": [{"trigger": "vertrok", "type": "TRAVEL"}]}) + "\n")
    with pytest.raises(GoldFormatError, match="bad.jsonl:1"):
        list(read_gold(path, "events", "trigger"))
