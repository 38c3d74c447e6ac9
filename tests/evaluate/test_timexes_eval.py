"""The timexes scorer on tiny gold written for the test: strict and relaxed matches, types and values."""

from __future__ import annotations

import json

import pytest

from kroniek.errors import GoldFormatError
from kroniek.evaluate.gold import read_gold
from kroniek.evaluate.timexes import score
from kroniek.records import Article, Timex

TEXT = "Maandag sprak hij drie uur lang. Vorige week was het stil."
GOLD = {
    "id": "t1", "lang": "nl", "published": "2023-09-12", "text": TEXT,
    "timexes": [
        {"text": "Maandag", "type": "DATE", "value": "2023-09-11"},
        {"text": "drie uur lang", "type": "DURATION", "value": "PT3H"},
        {"text": "Vorige week", "type": "DATE", "value": "2023-W36"},
    ],
}


def _timex(text: str, type_: str, value):
    start = TEXT.index(text)
    return Timex(start=start, end=start + len(text), text=text, type=type_, value=value)


def _scored(tmp_path, predicted):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    (document,) = read_gold(path, "timexes", "text")
    return score([(document, Article(id="t1", text=TEXT, timexes=predicted))])


def test_strict_relaxed_type_and_value(tmp_path):
    metrics = _scored(tmp_path, [
        _timex("Maandag", "DATE", "2023-09-11"),     # exact, right value
        _timex("drie uur", "DURATION", "PT3H"),      # overlaps only
        _timex("Vorige week", "DATE", "2023-W37"),   # exact, wrong value
        _timex("stil", "DATE", None),                # no gold
    ])
    assert metrics["strict_precision"] == pytest.approx(2 / 4) and metrics["strict_recall"] == pytest.approx(2 / 3)
    assert metrics["relaxed_precision"] == pytest.approx(3 / 4) and metrics["relaxed_recall"] == 1.0
    assert metrics["type_accuracy"] == 1.0
    assert metrics["value_accuracy"] == pytest.approx(2 / 3)
    assert metrics["per_type"]["DURATION"] == {"n_gold": 1, "recall": 1.0, "value_accuracy": 1.0}


def test_nothing_predicted_scores_zero(tmp_path):
    metrics = _scored(tmp_path, [])
    assert (metrics["relaxed_f1"], metrics["n_gold"], metrics["n_pred"]) == (0.0, 3, 0)


def test_a_span_missing_from_the_text_is_malformed_gold(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({**GOLD, "timexes": [{"text": "dinsdag", "type": "DATE", "value": None}]}) + "\n")
    with pytest.raises(GoldFormatError, match="dinsdag"):
        list(read_gold(path, "timexes", "text"))
