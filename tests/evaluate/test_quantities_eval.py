"""The quantities scorer on tiny gold written for the test: overlap matches, values and units."""

from __future__ import annotations

import json

import pytest

from kroniek.evaluate.gold import read_gold
from kroniek.evaluate.quantities import same_unit, same_value, score
from kroniek.records import Article, Quantity

TEXT = "Er reden negentig treinen met 60 km/u en het kostte 2 miljoen dollar."
GOLD = {
    "id": "q1", "lang": "nl", "published": None, "text": TEXT,
    "quantities": [
        {"text": "negentig treinen", "value": 90, "unit": None, "of": "treinen"},
        {"text": "60 km/u", "value": 60, "unit": "km/h", "of": None},
        {"text": "2 miljoen dollar", "value": 2000000, "unit": "dollar", "of": None},
    ],
}


def _quantity(text: str, value, unit=None):
    start = TEXT.index(text)
    return Quantity(start=start, end=start + len(text), text=text, value=value, unit=unit)


def test_overlap_value_and_unit(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    (document,) = read_gold(path, "quantities", "text")
    predicted = [_quantity("negentig", 90), _quantity("60 km/u", 60, "km/h"), _quantity("2 miljoen dollar", 2, "USD"),
                 _quantity("het", 1)]
    metrics = score([(document, Article(id="q1", text=TEXT, quantities=predicted))])
    assert (metrics["precision"], metrics["recall"]) == (pytest.approx(3 / 4), 1.0)
    assert metrics["value_accuracy"] == pytest.approx(2 / 3)
    assert metrics["unit_accuracy"] == 1.0


@pytest.mark.parametrize("gold, predicted, same", [
    (5.67, 17 / 3, True), (90, 90.0, True), (1000, 100.0, False), (None, None, True), (0, None, False),
])
def test_values_match_within_rounding(gold, predicted, same):
    assert same_value(gold, predicted) is same


@pytest.mark.parametrize("gold, predicted, same", [
    ("km/h", "km/h", True), ("kilometer per uur", "km/h", True), ("dollar", "USD", True), ("€", "EUR", True),
    (None, None, True), ("m", None, False), ("EUR", "USD", False),
])
def test_units_match_after_normalising(gold, predicted, same):
    assert same_unit(gold, predicted) is same
