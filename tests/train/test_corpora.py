"""Gold data to training Docs: document grouping, the news dev split, heads, entities, gazetteer."""

from __future__ import annotations

from collections import defaultdict

import pytest
from spacy.vocab import Vocab

from kroniek.formats.conll2002 import NERSentence
from kroniek.formats.conllu import UDSentence
from kroniek.train.alpino import TreebankSentence
from kroniek.train.corpora import document_key, ner_docs, split_by_document, treebank_docs, ud_docs
from kroniek.train.gazetteer import FEATURES, _add_names, given_names, lexicon_names


def ud_sentence(sent_id: str, words: list[str], heads: list[int]) -> UDSentence:
    n = len(words)
    return UDSentence(sent_id=sent_id, line=1, words=words, spaces=[True] * n, lemmas=words, upos=["X"] * n,
                      xpos=["_"] * n, feats=["_"] * n, heads=heads, deprels=["root" if h == 0 else "dep" for h in heads])


def test_document_keys_of_alpino_and_lassysmall_ids():
    assert document_key("WR-P-P-H-0000000105\\WR-P-P-H-0000000105.p.5.s.4") == "WR-P-P-H-0000000105"
    assert document_key("wiki-9720.p.52.s.1.xml") == "wiki-9720"


def test_every_fourth_document_is_dev():
    sentences = [ud_sentence(f"doc{d}.p.1.s.{s}", ["Ja"], [0]) for d in range(8) for s in range(2)]
    train, dev = split_by_document(sentences)
    assert {document_key(s.sent_id) for s in dev} == {"doc0", "doc4"}
    assert len(train) == 12


def test_sentences_of_a_document_share_a_doc_with_their_heads():
    sentences = [ud_sentence("d.p.1.s.1", ["Zij", "lacht"], [2, 0]), ud_sentence("d.p.1.s.2", ["Hij", "ook"], [0, 1])]
    (doc,) = ud_docs(Vocab(), sentences)
    assert [t.head.i for t in doc] == [1, 1, 2, 2]
    assert [t.dep_ for t in doc] == ["dep", "ROOT", "ROOT", "dep"]
    assert [s.text for s in doc.sents] == ["Zij lacht", "Hij ook"]
    assert doc[0].tag_ == "" and not doc[0].morph


def test_entities_are_placed_per_sentence():
    sentences = [NERSentence(1, ["Piet", "belt"], ["B-PER", "O"]), NERSentence(1, ["In", "Gent", "."], ["O", "B-LOC", "O"])]
    (doc,) = ner_docs(Vocab(), sentences)
    assert [(e.text, e.label_) for e in doc.ents] == [("Piet", "PER"), ("Gent", "LOC")]


def test_gazetteer_marks_first_and_later_words():
    table: dict[str, set[int]] = defaultdict(set)
    _add_names(table, ["Verenigde Staten", "Staten Eiland"], FEATURES.index("country_first"))
    assert table["Verenigde"] == {0} and table["Staten"] == {0, 1} and table["Eiland"] == {1}


def test_given_names_come_from_the_first_name_dictionary():
    names = given_names()
    assert {"Jan", "Els", "Mohammed", "Ingrid"} <= names
    assert not any(" " in name or "+" in name for name in names)


def test_lexicon_names_are_the_capitalised_words_of_a_word_list(tmp_path):
    word_list = tmp_path / "dutch"
    word_list.write_text("Ajax\naardappel\nA4-formaat\nKok\nkok\n's-Hertogenbosch\n", encoding="utf-8")
    assert lexicon_names(word_list) == {"Ajax", "Kok"}


def test_a_missing_word_list_names_its_debian_package(tmp_path):
    with pytest.raises(FileNotFoundError, match="wdutch"):
        lexicon_names(tmp_path / "absent")


def test_sentences_without_trees_keep_tags_and_sentence_starts_only():
    sentences = [ud_sentence("d.p.1.s.1", ["Zij", "lacht"], [2, 0]), ud_sentence("d.p.1.s.2", ["Hij", "ook"], [0, 1])]
    (doc,) = ud_docs(Vocab(), sentences, with_trees=False)
    assert not doc.has_annotation("DEP")
    assert [t.is_sent_start for t in doc] == [True, False, True, False]
    assert doc[0].pos_ == "X"


def test_treebank_sentences_make_docs_with_trees_only():
    sentences = [TreebankSentence("1", ["Zij", "lacht", "."], [2, 0, 2], ["nsubj", "root", "punct"])]
    (doc,) = treebank_docs(Vocab(), sentences)
    assert [(t.head.i, t.dep_) for t in doc] == [(1, "nsubj"), (1, "ROOT"), (1, "punct")]
    assert not doc.has_annotation("TAG") and not doc.has_annotation("POS")
