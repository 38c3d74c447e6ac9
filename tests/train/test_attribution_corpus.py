"""The attribution corpus tools: substrings become stand-off spans, bad spans are named, gold is rebuilt."""

from __future__ import annotations

import json

import pytest

from kroniek.train.attribution_corpus import convert_file, locate, problems, to_gold

TEXT = "De burgemeester zei dat de brug dicht blijft . Volgens de bond staakt niemand ."
TEXTS = {"own/brug": TEXT}
ANNOTATED = {
    "doc": "own/brug",
    "quotes": [{"content": "de brug dicht blijft", "speaker": "De burgemeester", "cue": "zei", "kind": "indirect"}],
    "claims": [
        {"content": "de brug dicht blijft", "source": "De burgemeester", "cue": "zei", "factuality": "CT+",
         "tense": "future"},
        {"content": "staakt niemand", "source": "de bond", "cue": "Volgens", "factuality": "CT-", "tense": "present"},
    ],
}


def test_locate_finds_the_first_occurrence_or_checks_the_given_start():
    assert locate(TEXT, "de brug") == [24, 31]
    assert locate("Hij zegt : ik zeg niets .", "zeg") == [14, 17]
    with pytest.raises(ValueError, match="not in the text"):
        locate(TEXT, "de brug", start=3)
    with pytest.raises(ValueError):
        locate(TEXT, "het stadhuis")


def test_a_substring_file_becomes_stand_off_records_and_back(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps(ANNOTATED) + "\n", encoding="utf-8")
    assert convert_file(source, out, "tester", TEXTS) == []
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["annotator"] == "tester" and record["quotes"][0]["content"] == [24, 44]
    assert record["claims"][0]["source"] == [0, 15] and problems(record, TEXT) == []
    gold = to_gold(record, TEXT)
    assert gold["quotes"][0] == {"content": "de brug dicht blijft", "start": 24, "speaker": "De burgemeester",
                                 "cue": "zei", "kind": "indirect"}
    assert gold["claims"][1]["source"] == "de bond"


def test_a_wrong_substring_is_refused_and_nothing_is_written(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    wrong = {**ANNOTATED, "quotes": [{**ANNOTATED["quotes"][0], "speaker": "de wethouder"}]}
    source.write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    assert "de wethouder" in convert_file(source, out, "tester", TEXTS)[0]
    assert not out.exists()


def test_a_span_outside_its_text_or_an_unknown_document_is_a_problem():
    record = {"doc": "own/brug", "claims": [{"content": [70, 200]}]}
    assert "outside the text" in problems(record, TEXT)[0]
    assert "no such document" in problems({"doc": "own/weg"}, None)[0]
