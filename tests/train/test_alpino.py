"""Alpino treebank XML (1.2 format) to UD trees, on small hand-written trees of Dutch sentences."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from io import BytesIO
from zipfile import ZipFile

import pytest

from kroniek.train.alpino import convert_sentence, read_alpino_zip


def leaf(begin: int, rel: str, pos: str, word: str, root: str | None = None, index: str | None = None) -> str:
    extra = f' index="{index}"' if index else ""
    return (f'<node begin="{begin}" end="{begin + 1}" rel="{rel}" pos="{pos}" root="{root or word.lower()}" '
            f'word="{word}"{extra}/>')


def phrase(cat: str, rel: str, *children: str, index: str | None = None) -> str:
    extra = f' index="{index}"' if index else ""
    return f'<node cat="{cat}" rel="{rel}"{extra} begin="0" end="0">{"".join(children)}</node>'


def gap(rel: str, index: str) -> str:
    return f'<node begin="0" end="0" rel="{rel}" index="{index}"/>'


def sentence(*top_children: str) -> ElementTree.Element:
    return ElementTree.fromstring(f'<alpino_ds id="t"><node cat="top" rel="top">{"".join(top_children)}</node></alpino_ds>')


def tree_of(element: ElementTree.Element) -> dict[str, tuple[str, str]]:
    converted = convert_sentence(element)
    words = converted.words
    return {w: (words[h - 1] if h else "ROOT", rel) for w, h, rel in zip(words, converted.heads, converted.deprels, strict=True)}


PERFECT = sentence(
    phrase("smain", "--",
           leaf(0, "su", "noun", "Hij", index="1"),
           leaf(1, "hd", "verb", "heeft", root="heb"),
           phrase("ppart", "vc", gap("su", "1"),
                  phrase("np", "obj1", leaf(2, "det", "det", "het"), leaf(3, "hd", "noun", "boek")),
                  leaf(4, "hd", "verb", "gelezen", root="lees"))),
    leaf(5, "--", "punct", "."))

PASSIVE = sentence(
    phrase("smain", "--",
           phrase("np", "su", leaf(0, "det", "det", "Het"), leaf(1, "hd", "noun", "huis"), index="1"),
           leaf(2, "hd", "verb", "wordt", root="word"),
           phrase("ppart", "vc", gap("obj1", "1"), leaf(3, "hd", "verb", "verkocht", root="verkoop"))),
    leaf(4, "--", "punct", "."))

COPULA_WITH_PP = sentence(
    phrase("smain", "--",
           leaf(0, "su", "noun", "Zij"),
           leaf(1, "hd", "verb", "is", root="ben"),
           leaf(2, "predc", "adj", "ziek"),
           phrase("pp", "mod", leaf(3, "hd", "prep", "in"), leaf(4, "obj1", "noun", "Gent"))),
    leaf(5, "--", "punct", "."))

COORDINATION_AND_CLAUSE = sentence(
    phrase("smain", "--",
           phrase("conj", "su", leaf(0, "cnj", "noun", "Piet"), leaf(1, "crd", "vg", "en"), leaf(2, "cnj", "noun", "Jan")),
           leaf(3, "hd", "verb", "zeggen", root="zeg"),
           phrase("cp", "vc", leaf(4, "cmp", "comp", "dat"),
                  phrase("ssub", "body", leaf(5, "su", "noun", "zij"), leaf(6, "hd", "verb", "komt", root="kom")))),
    leaf(7, "--", "punct", "."))

RELATIVE_CLAUSE = sentence(
    phrase("smain", "--",
           phrase("np", "su", leaf(0, "det", "det", "De"), leaf(1, "hd", "noun", "man"),
                  phrase("rel", "mod", leaf(3, "rhd", "noun", "die", index="2"),
                         phrase("ssub", "body", gap("su", "2"), leaf(4, "hd", "verb", "belde", root="bel")))),
           leaf(6, "hd", "verb", "lacht", root="lach")),
    leaf(2, "--", "punct", ","), leaf(5, "--", "punct", ","), leaf(7, "--", "punct", "."))


@pytest.mark.parametrize(("element", "expected"), [
    (PERFECT, {"gelezen": ("ROOT", "root"), "heeft": ("gelezen", "aux"), "Hij": ("gelezen", "nsubj"),
               "boek": ("gelezen", "obj"), "het": ("boek", "det"), ".": ("gelezen", "punct")}),
    (PASSIVE, {"verkocht": ("ROOT", "root"), "wordt": ("verkocht", "aux:pass"), "huis": ("verkocht", "nsubj:pass")}),
    (COPULA_WITH_PP, {"ziek": ("ROOT", "root"), "is": ("ziek", "cop"), "Zij": ("ziek", "nsubj"),
                      "Gent": ("ziek", "obl"), "in": ("Gent", "case")}),
    (COORDINATION_AND_CLAUSE, {"Piet": ("zeggen", "nsubj"), "Jan": ("Piet", "conj"), "en": ("Jan", "cc"),
                               "komt": ("zeggen", "ccomp"), "dat": ("komt", "mark"), "zij": ("komt", "nsubj")}),
    (RELATIVE_CLAUSE, {"belde": ("man", "acl:relcl"), "die": ("belde", "nsubj"), "man": ("lacht", "nsubj"),
                       ".": ("lacht", "punct")}),
], ids=["perfect", "passive", "copula", "coordination", "relative"])
def test_alpino_phrases_become_ud_relations(element, expected):
    tree = tree_of(element)
    assert {word: tree[word] for word in expected} == expected


def test_commas_mark_off_the_phrase_after_them():
    converted = convert_sentence(RELATIVE_CLAUSE)
    commas = [i for i, w in enumerate(converted.words) if w == ","]
    assert [converted.words[converted.heads[i] - 1] for i in commas] == ["belde", "lacht"]


def test_zip_yields_every_sentence_that_makes_a_tree(tmp_path):
    xml = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<alpino version="1.2">'
           + ElementTree.tostring(PASSIVE, encoding="unicode") + ElementTree.tostring(PERFECT, encoding="unicode")
           + '<alpino_ds id="leeg"><node cat="top" rel="top"/></alpino_ds></alpino>')
    buffer = BytesIO()
    with ZipFile(buffer, "w") as archive:
        archive.writestr("alpino/alpino.xml", xml.encode("latin-1"))
    path = tmp_path / "alpino.zip"
    path.write_bytes(buffer.getvalue())
    sentences = list(read_alpino_zip(path))
    assert [s.words for s in sentences] == [["Het", "huis", "wordt", "verkocht", "."],
                                           ["Hij", "heeft", "het", "boek", "gelezen", "."]]
    assert all(s.heads.count(0) == 1 for s in sentences)
