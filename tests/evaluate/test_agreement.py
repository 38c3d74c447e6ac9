"""Annotator agreement on a tiny gold file and annotations written here: identical is perfect, a gap costs recall."""

from __future__ import annotations

import json

import pytest

from kroniek.evaluate.agreement import agreement, main

TEXT = (
    "De burgemeester van Venlo zei dat de brug maandag opengaat. "
    "„We zijn trots op de bouwers”, aldus Petra Smits. "
    "Het verkeer rijdt nu nog om."
)
QUOTES = [
    {"content": "de brug maandag opengaat", "speaker": "De burgemeester van Venlo", "cue": "zei", "kind": "indirect"},
    {"content": "We zijn trots op de bouwers", "speaker": "Petra Smits", "cue": "aldus", "kind": "direct"},
]
CLAIMS = [
    {"content": "de brug maandag opengaat", "source": "De burgemeester van Venlo", "cue": "zei",
     "factuality": "CT+", "tense": "future"},
    {"content": "We zijn trots op de bouwers", "source": "Petra Smits", "cue": "aldus", "factuality": "CT+",
     "tense": "present"},
    {"content": "Het verkeer rijdt nu nog om", "source": "AUTHOR", "cue": None, "factuality": "CT+", "tense": "present"},
]
GOLD = [
    {"id": "brug", "lang": "nl", "published": "2024-03-01", "text": TEXT, "quotes": QUOTES, "claims": CLAIMS},
    {"id": "niet-geannoteerd", "lang": "nl", "published": None, "text": "Het regent.", "quotes": [], "claims": [
        {"content": "Het regent", "source": "AUTHOR", "cue": None, "factuality": "CT+", "tense": "present"}]},
]


def _write(path, records) -> object:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path):
    return _write(tmp_path / "gold.jsonl", GOLD)


def test_identical_annotations_agree_perfectly(tmp_path, gold):
    annotations = _write(tmp_path / "ann.jsonl", [{"doc": "brug", "quotes": QUOTES, "claims": CLAIMS}])
    results = agreement(gold, annotations)
    assert results["quotes"]["n_documents"] == 1 and results["quotes"]["n_gold"] == 2
    assert results["quotes"]["f1"] == results["quotes"]["speaker_accuracy"] == results["quotes"]["e2e_f1"] == 1.0
    assert results["claims"]["n_gold"] == 3  # the unannotated gold document is left out
    for metric in ("f1", "source_accuracy", "factuality_accuracy", "tense_accuracy"):
        assert results["claims"][metric] == 1.0


def test_a_missing_quote_lowers_recall(tmp_path, gold):
    annotations = _write(tmp_path / "ann.jsonl", [{"doc": "brug", "quotes": QUOTES[:1], "claims": CLAIMS}])
    quotes = agreement(gold, annotations)["quotes"]
    assert quotes["recall"] == 0.5 and quotes["precision"] == 1.0
    assert quotes["per_kind"]["direct"]["recall"] == 0.0


def test_only_the_layers_the_gold_has(tmp_path, capsys):
    quotes_only = _write(tmp_path / "quotes-gold.jsonl", [{"id": "brug", "text": TEXT, "quotes": QUOTES}])
    annotations = _write(tmp_path / "ann.jsonl", [{"doc": "brug", "quotes": QUOTES, "claims": CLAIMS}])
    assert main([str(quotes_only), str(annotations)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(line["gold"], line["layer"]) for line in lines] == [("quotes-gold.jsonl", "quotes")]


def test_events_are_scored_by_trigger_and_only_where_the_annotator_marked_events(tmp_path):
    events = [{"trigger": "zei", "type": "STATEMENT", "factuality": "CT+"},
              {"trigger": "opengaat", "type": "OTHER", "factuality": "CT+"}]
    gold = _write(tmp_path / "gold.jsonl", [{"id": "brug", "text": TEXT, "claims": CLAIMS, "events": events}])
    annotations = _write(tmp_path / "ann.jsonl", [{"id": "brug", "events": [
        {"trigger": "zei", "type": "STATEMENT", "factuality": "CT+"},
        {"trigger": "rijdt", "type": "TRAVEL", "factuality": "CT+"}]}])
    results = agreement(gold, annotations)
    assert set(results) == {"events"}  # no claims were annotated, so none are scored
    assert results["events"]["f1"] == 0.5 and results["events"]["type_accuracy"] == 1.0
