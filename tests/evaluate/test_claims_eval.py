"""The claims scorer on tiny gold written for the test: matching, sources, factuality, tense, errors."""

from __future__ import annotations

import json

import pytest

from kroniek.errors import GoldFormatError
from kroniek.evaluate.claims import score
from kroniek.evaluate.gold import read_gold
from kroniek.records import Article, Claim, span_of

TEXT = ("Volgens de politie zijn er drie mensen opgepakt. De burgemeester ontkent dat de stad failliet is. "
        "De brug gaat naar verwachting in maart open.")
GOLD = [
    {"content": "zijn er drie mensen opgepakt", "source": "de politie", "cue": "Volgens", "factuality": "CT+",
     "tense": "past"},
    {"content": "de stad failliet is", "source": "burgemeester Anna de Vries", "cue": "ontkent",
     "factuality": "CT-", "tense": "present"},
    {"content": "De brug gaat naar verwachting in maart open", "source": "AUTHOR", "cue": "naar verwachting",
     "factuality": "PR+", "tense": "future"},
]


def claim(index: int, content: str, source, factuality: str, tense: str) -> Claim:
    start = TEXT.index(content)
    return Claim(id=index, content=span_of(TEXT, start, start + len(content)), source=source,
                 factuality=factuality, tense=tense)


def gold_documents(tmp_path, items=GOLD):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": TEXT, "published": "2024-02-01", "claims": items}) + "\n")
    return list(read_gold(path, "claims", "content"))


def test_a_perfect_ledger_scores_one(tmp_path):
    [document] = gold_documents(tmp_path)
    claims = [claim(i, g["content"], g["source"], g["factuality"], g["tense"]) for i, g in enumerate(GOLD)]
    metrics = score([(document, Article(id="d1", text=TEXT, claims=claims))])
    assert metrics["f1"] == metrics["source_accuracy"] == metrics["factuality_macro_f1"] == 1.0
    assert (metrics["n_gold"], metrics["n_pred"], metrics["n_matched"]) == (3, 3, 3)


def test_overlap_sources_and_values_are_scored_as_gold_formats_says(tmp_path):
    [document] = gold_documents(tmp_path)
    claims = [
        claim(0, "er drie mensen opgepakt", "politie", "CT+", "past"),    # half-union overlap, name shared
        claim(1, "de stad failliet is", "AUTHOR", "CT+", "present"),      # wrong source and value
        claim(2, "De brug gaat", None, "PR+", "present"),                  # too short to match
    ]
    metrics = score([(document, Article(id="d1", text=TEXT, claims=claims))])
    assert metrics["n_matched"] == 2 and metrics["f1"] == pytest.approx(2 / 3)
    assert metrics["source_accuracy"] == 0.5 and metrics["factuality_accuracy"] == 0.5
    assert metrics["factuality_macro_f1"] == pytest.approx((2 / 3 + 0 + 0) / 3)
    assert metrics["per_source"]["author"]["recall"] == 0.0 and metrics["tense_accuracy"] == 1.0


def test_author_and_null_sources_match_only_themselves(tmp_path):
    items = [dict(GOLD[2], source=None)]
    [document] = gold_documents(tmp_path, items)
    claims = [claim(0, GOLD[2]["content"], "AUTHOR", "PR+", "future")]
    assert score([(document, Article(id="d1", text=TEXT, claims=claims))])["source_accuracy"] == 0.0


def test_malformed_gold_names_the_line(tmp_path):
    with pytest.raises(GoldFormatError, match="gold.jsonl:1"):
        gold_documents(tmp_path, [{"content": "staat niet in de tekst", "source": "AUTHOR"}])
