"""The event corpus tools: trigger words become stand-off spans, bad triggers and values are named."""

from __future__ import annotations

import json

from kroniek.train.attribution_corpus import convert_lines
from kroniek.train.event_corpus import event_problems, standoff, to_gold, tuning_documents

TEXT = "De bond kondigde een staking aan . De staking duurde twee dagen en de bond kondigde niets meer aan ."
ANNOTATED = {"id": "own/bond", "events": [
    {"trigger": "staking", "type": "PROTEST", "factuality": "CT+"},
    {"trigger": "kondigde", "start": 75, "type": "STATEMENT", "factuality": "CT-"},
]}


def test_trigger_words_become_spans_and_back():
    record = standoff(ANNOTATED, TEXT, "tester")
    assert record["events"][0]["trigger"] == [21, 28] and record["events"][1]["trigger"] == [75, 83]
    gold = to_gold(record, TEXT)
    assert gold["events"][1] == {"trigger": "kondigde", "start": 75, "type": "STATEMENT", "factuality": "CT-"}


def test_a_bad_type_a_bad_factuality_and_half_a_word_are_problems():
    record = {"id": "own/bond", "events": [
        {"trigger": [21, 26], "type": "STRIKE", "factuality": "CT+"},
        {"trigger": [21, 28], "type": "PROTEST", "factuality": "zeker"},
    ]}
    found = " | ".join(event_problems(record, TEXT))
    assert "not a whole word" in found and "unknown type 'STRIKE'" in found and "unknown factuality" in found
    assert "no such document" in event_problems({"id": "own/weg"}, None)[0]


def test_a_wrong_word_is_refused_and_nothing_is_written(tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    wrong = {**ANNOTATED, "events": [{"trigger": "fusie", "type": "COOPERATE", "factuality": "CT+"}]}
    source.write_text(json.dumps(wrong) + "\n", encoding="utf-8")
    found = convert_lines(source, out, lambda r: standoff(r, TEXT, "tester"), key="id")
    assert "own/bond" in found[0] and "fusie" in found[0]
    assert not out.exists()


def test_the_tuning_documents_are_the_odd_lines_with_every_trigger_located(tmp_path):
    lines = [{"id": f"doc-{n}", "text": "De bond staakt en de fabriek sluit.",
              "events": [{"trigger": "staakt", "type": "PROTEST"}, {"trigger": "sluit", "start": 29, "type": "OTHER"}]}
             for n in range(1, 5)]
    (tmp_path / "claims-events-test.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    (tmp_path / "quotes-test.jsonl").write_text(json.dumps(lines[0]) + "\n")
    found = tuning_documents(tmp_path)
    assert [d["id"] for d in found] == ["doc-1", "doc-3"]
    assert [e["start"] for e in found[0]["events"]] == [8, 29]
