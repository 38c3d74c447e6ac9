"""The quotes scorer on tiny gold written for it: content overlap, speakers, per kind."""

from __future__ import annotations

import json

import pytest

from kroniek.errors import GoldFormatError
from kroniek.evaluate.gold import read_gold
from kroniek.evaluate.quotes import score
from kroniek.records import Article, Quote, span_of

TEXT = (
    ",,We gaan door'', zei minister Anna de Vries. Volgens de politie is niemand gewond. "
    "Naar verluidt vertrekt de trein morgen."
)
GOLD = {
    "id": "g1", "text": TEXT, "quotes": [
        {"content": "We gaan door", "speaker": "Anna de Vries", "cue": "zei", "kind": "direct"},
        {"content": "is niemand gewond", "speaker": "de politie", "cue": "Volgens", "kind": "indirect"},
        {"content": "vertrekt de trein morgen", "speaker": None, "cue": "Naar verluidt", "kind": "indirect"},
    ],
}


def _quote(content: str, speaker, kind: str = "indirect") -> Quote:
    start = TEXT.index(content)
    return Quote(content=span_of(TEXT, start, start + len(content)), speaker=speaker, kind=kind)


def _gold_file(tmp_path, *records) -> list:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return path


def test_scores_content_speaker_and_kinds(tmp_path):
    path = _gold_file(tmp_path, GOLD, {"id": "no-layer", "text": "Niets."})
    predicted = [
        _quote("We gaan door", "De Vries", "direct"),  # shares 'vries': a speaker match
        _quote("de politie is niemand gewond", "politie"),  # overlaps by more than half the union
        _quote("de trein morgen", "NS"),  # matches content, wrong speaker (gold null)
        _quote("Naar verluidt", None),  # spurious
    ]
    documents = [(doc, Article(id=doc.id, text=doc.text, quotes=predicted)) for doc in read_gold(path, "quotes", "content")]
    metrics = score(documents)
    assert (metrics["n_gold"], metrics["n_pred"], metrics["n_matched"]) == (3, 4, 3)
    assert metrics["recall"] == 1.0 and metrics["precision"] == 0.75
    assert metrics["speaker_accuracy"] == pytest.approx(2 / 3)
    assert metrics["e2e_f1"] == pytest.approx(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    assert metrics["per_kind"]["direct"] == {"n_gold": 1, "recall": 1.0, "speaker_accuracy": 1.0}
    assert metrics["per_kind"]["indirect"]["speaker_accuracy"] == 0.5


def test_malformed_gold_names_the_line(tmp_path):
    bad = dict(GOLD, quotes=[{"content": "niet in de tekst", "speaker": None, "kind": "direct"}])
    with pytest.raises(GoldFormatError, match="gold.jsonl:1"):
        list(read_gold(_gold_file(tmp_path, bad), "quotes", "content"))
