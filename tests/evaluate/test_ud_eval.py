"""The CoNLL-U scorer: gold tokens, CoNLL 2018 metrics, malformed gold, a dev floor."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from kroniek.errors import GoldFormatError
from kroniek.evaluate import ud
from kroniek.formats.conllu import read_conllu
from kroniek.train.corpora import UD_NEWS, document_key, split_by_document
from tests.conftest import SHARED, needs_shared

GOLD = """# sent_id = doc1.p.1.s.1
# text = Zij belde,,nu''.
1\tZij\tzij\tPRON\tVNW\tPerson=3|PronType=Prs\t2\tnsubj\t_\t_
2\tbelde\tbellen\tVERB\tWW\tNumber=Sing|Tense=Past\t0\troot\t_\tSpaceAfter=No
3\t,,\t,,\tPUNCT\tLET\t_\t4\tpunct\t_\tSpaceAfter=No
4\tnu\t_\tADV\tBW\t_\t2\tadvmod:tmod\t_\tSpaceAfter=No
5\t''\t''\tPUNCT\tLET\t_\t4\tpunct\t_\t_

"""
UD_DEV_FLOOR = {"upos": 0.93, "lemma": 0.90, "las": 0.80}  # news dev slice (0.948, 0.920, 0.831) minus a margin


ANALYSES = {  # word: (upos, xpos, feats, lemma, head, deprel) that the fake pipeline predicts
    "Zij": ("PRON", "VNW", "PronType=Prs|Person=3", "zij", 2, "nsubj"),
    "belde": ("VERB", "WW", "Tense=Past", "bel", 0, "ROOT"),
    ",,": ("PUNCT", "LET", "", ",,", 4, "nmod"),
    "nu": ("PUNCT", "LET", "", "nu", 2, "advmod"),
    "''": ("PUNCT", "LET", "", "''", 2, "punct"),
}


@Language.component("test_fake_analysis")
def fake_analysis(doc):
    """Predict the fixed analyses of ANALYSES for each word."""
    for token in doc:
        pos, tag, morph, lemma, head, dep = ANALYSES[token.text]
        token.pos_, token.tag_, token.lemma_, token.dep_ = pos, tag, lemma, dep
        token.set_morph(morph or None)
        token.head = doc[head - 1] if head else token
    return doc


@pytest.fixture()
def fake_nlp():
    nlp = spacy.blank("nl")
    nlp.add_pipe("test_fake_analysis")
    return nlp


def write(tmp_path, text):
    path = tmp_path / "gold.conllu"
    path.write_text(text, encoding="utf-8")
    return path


def test_metrics_as_the_conll_2018_scorer(tmp_path, fake_nlp):
    metrics = ud.evaluate(write(tmp_path, GOLD), fake_nlp)
    assert metrics["n_tokens"] == 5
    assert metrics["upos"] == pytest.approx(4 / 5)  # 'nu' is ADV in gold
    assert metrics["xpos"] == pytest.approx(4 / 5)
    assert metrics["ufeats"] == pytest.approx(4 / 5)  # 'belde' lacks Number=Sing; feature order is free
    assert metrics["lemma"] == pytest.approx(4 / 5)  # gold '_' accepts any lemma; 'bel' is wrong
    assert metrics["uas"] == pytest.approx(4 / 5)  # the head of '' is wrong
    assert metrics["las"] == pytest.approx(3 / 5)  # ROOT is root, advmod:tmod is advmod; ,, is no nmod


def test_gold_words_and_spacing_reach_the_pipeline(tmp_path):
    sentence = next(read_conllu(write(tmp_path, GOLD)))
    doc = ud.gold_doc(spacy.blank("nl"), sentence)
    assert doc.text == "Zij belde,,nu''"
    assert [t.text for t in doc] == ["Zij", "belde", ",,", "nu", "''"]


@pytest.mark.parametrize(
    "text, line",
    [
        ("1\tZij\tzij\tPRON\tVNW\t_\t0\troot\t_\n", 1),
        ("1\tZij\tzij\tPRON\tVNW\t_\t0\troot\t_\t_\n3\tja\tja\tINTJ\tTSW\t_\t1\tdiscourse\t_\t_\n", 2),
        ("1\tZij\tzij\tPRON\tVNW\t_\tX\troot\t_\t_\n", 1),
        ("# sent_id = a\n1\tZij\tzij\tPRON\tVNW\t_\t4\troot\t_\t_\n", 2),
        ("", 1),
    ],
)
def test_malformed_gold_names_the_line(tmp_path, fake_nlp, text, line):
    path = write(tmp_path, text)
    with pytest.raises(GoldFormatError, match=rf"{path}:{line}: "):
        ud.evaluate(path, fake_nlp)


def test_shipped_model_keeps_its_dev_floor(tmp_path, shipped_model):
    alpino = needs_shared(SHARED / "data" / UD_NEWS)
    _train, dev = split_by_document(read_conllu(alpino))
    dev_documents = {document_key(s.sent_id) for s in dev}
    blocks = alpino.read_text(encoding="utf-8").split("\n\n")
    kept = [b for b in blocks if _sent_id(b) and document_key(_sent_id(b)) in dev_documents]
    metrics = ud.evaluate(write(tmp_path, "\n\n".join(kept) + "\n\n"), shipped_model)
    assert metrics["n_tokens"] == sum(len(s.words) for s in dev)
    assert all(metrics[name] >= floor for name, floor in UD_DEV_FLOOR.items())


def _sent_id(block: str) -> str:
    ids = [line.split("=", 1)[1].strip() for line in block.splitlines() if line.startswith("# sent_id")]
    return ids[0] if ids else ""
