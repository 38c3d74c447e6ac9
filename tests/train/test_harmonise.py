"""The old LassySmall train relabelled to current UD Dutch conventions, word by word."""

from __future__ import annotations

import pytest

from kroniek.formats.conllu import UDSentence
from kroniek.train.harmonise import harmonised


def old_sentence(words: list[str], upos: list[str], deprels: list[str]) -> UDSentence:
    n = len(words)
    return UDSentence(sent_id="s", words=words, spaces=[True] * n, lemmas=[w.lower() for w in words], upos=upos,
                      xpos=["_"] * n, feats=["_"] * n, heads=[0] * n, deprels=deprels)


@pytest.mark.parametrize(("word", "person"), [("zijn", 3), ("Haar", 3), ("mijn", 1), ("onze", 1), ("uw", 2)])
def test_possessive_determiners_become_possessive_pronouns(word, person):
    sentence = harmonised(old_sentence([word, "fiets"], ["DET", "NOUN"], ["det", "root"]))
    assert sentence.upos[0] == "PRON" and sentence.deprels[0] == "nmod:poss"
    assert sentence.feats[0] == f"Person={person}|Poss=Yes|PronType=Prs"


@pytest.mark.parametrize("word", ["eerste", "derde", "twintigste", "20ste", "19e"])
def test_ordinals_become_adjectives(word):
    sentence = harmonised(old_sentence(["de", word, "ronde"], ["DET", "NUM", "NOUN"], ["det", "nummod", "root"]))
    assert (sentence.upos[1], sentence.deprels[1]) == ("ADJ", "amod")


@pytest.mark.parametrize("word", ["drie", "twintig", "1998", "honderd"])
def test_cardinals_stay_numerals(word):
    sentence = harmonised(old_sentence([word, "ronden"], ["NUM", "NOUN"], ["nummod", "root"]))
    assert (sentence.upos[0], sentence.deprels[0]) == ("NUM", "nummod")


def test_names_are_flat_and_other_words_keep_their_labels():
    sentence = harmonised(old_sentence(["Jan", "Peeters", "komt"], ["PROPN", "PROPN", "VERB"], ["nsubj", "flat:name", "root"]))
    assert sentence.deprels == ["nsubj", "flat", "root"]
    assert sentence.upos == ["PROPN", "PROPN", "VERB"]


def test_the_article_het_is_no_possessive():
    sentence = harmonised(old_sentence(["het", "huis"], ["DET", "NOUN"], ["det", "root"]))
    assert (sentence.upos[0], sentence.deprels[0], sentence.feats[0]) == ("DET", "det", "_")
