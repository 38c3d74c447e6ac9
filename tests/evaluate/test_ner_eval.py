"""The CoNLL-2002 NER scorer: conlleval-style exact span and type, malformed gold, a dev floor."""

from __future__ import annotations

import pytest
import spacy

from kroniek.errors import GoldFormatError
from kroniek.evaluate import ner
from kroniek.formats.conll2002 import spans_from_tags
from tests.conftest import SHARED, needs_shared

GOLD = """-DOCSTART- -DOCSTART- O
Jan N B-PER
Peeters N I-PER
woont V O
in Prep O
Gent N B-LOC
. Punc O

De Art O
Europese Adj B-ORG
Unie N I-ORG
vergadert V O
in Prep O
Brussel N B-LOC
. Punc O
"""
NER_DEV_FLOOR = 0.70  # the development run scored 0.756 on ned.testa; the shipped NER also trained on it


@pytest.fixture()
def ruler_nlp():
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Jan Peeters"},
        {"label": "ORG", "pattern": "Gent"},
        {"label": "LOC", "pattern": "Brussel"},
        {"label": "DATE", "pattern": "vergadert"},
    ])
    return nlp


def write(tmp_path, text, name="gold.conll"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_exact_span_and_type_as_conlleval(tmp_path, ruler_nlp):
    metrics = ner.evaluate(write(tmp_path, GOLD), ruler_nlp)
    assert (metrics["n_gold"], metrics["n_pred"]) == (4, 3)
    assert metrics["precision"] == pytest.approx(2 / 3)
    assert metrics["recall"] == pytest.approx(1 / 2)
    assert metrics["f1"] == pytest.approx(4 / 7)
    assert metrics["per_type"]["PER"]["f1"] == 1.0
    assert metrics["per_type"]["LOC"]["recall"] == 0.5
    assert metrics["per_type"]["ORG"]["f1"] == 0.0
    assert metrics["per_type"]["MISC"] == {"f1": 0.0, "precision": 0.0, "recall": 0.0, "n_gold": 0, "n_pred": 0}


def test_scorer_keeps_gold_tokens(tmp_path, ruler_nlp):
    ruler_nlp.get_pipe("entity_ruler").add_patterns([{"label": "MISC", "pattern": [{"ORTH": "Ford-Gent''"}]}])
    gold = "De Art O\nFord-Gent'' N B-MISC\n. Punc O\n"
    assert ner.evaluate(write(tmp_path, gold), ruler_nlp)["f1"] == 1.0


@pytest.mark.parametrize(
    "tags, spans",
    [
        (["B-PER", "I-PER", "O"], {(0, 2, "PER")}),
        (["I-LOC", "I-LOC", "B-LOC"], {(0, 2, "LOC"), (2, 3, "LOC")}),
        (["B-ORG", "I-PER", "O"], {(0, 1, "ORG"), (1, 2, "PER")}),
    ],
)
def test_iob_tags_read_as_conlleval_does(tags, spans):
    assert spans_from_tags(tags) == spans


@pytest.mark.parametrize(
    "text, line",
    [
        ("Jan N B-PER\nPeeters N B-PERSON\n", 2),
        ("Jan N O\n\nPeeters\n", 3),
        ("", 1),
    ],
)
def test_malformed_gold_names_the_line(tmp_path, ruler_nlp, text, line):
    path = write(tmp_path, text)
    with pytest.raises(GoldFormatError, match=rf"{path}:{line}: "):
        ner.evaluate(path, ruler_nlp)


def test_shipped_model_keeps_its_dev_floor(tmp_path, shipped_model):
    """The first 600 sentences of ned.testa: since the shipped NER trained on them too, this guards
    the model and the scorer end to end, not how well the model generalises."""
    testa = needs_shared(SHARED / "data" / "conll2002-nl" / "ned.testa")
    blocks = testa.read_text(encoding="utf-8").split("\n\n")[:600]
    metrics = ner.evaluate(write(tmp_path, "\n\n".join(blocks) + "\n"), shipped_model)
    assert metrics["f1"] >= NER_DEV_FLOOR
