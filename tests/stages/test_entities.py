"""Mentions join the entity with the fullest name that contains them."""

from __future__ import annotations

import pytest

from kroniek.records import Mention
from kroniek.stages.entities import group_mentions


def _mentions(*pairs):
    return [Mention(start=i, end=i + 1, text=text, label=label) for i, (text, label) in enumerate(pairs)]


@pytest.mark.parametrize(
    "pairs, names",
    [
        ([("Peskov", "PER"), ("Dmitri Peskov", "PER")], ["Dmitri Peskov"]),
        ([("Kim Jong-un", "PER"), ("Kim", "PER"), ("Kims", "PER")], ["Kim Jong-un"]),
        ([("Rutte", "PER"), ("Schoof", "PER")], ["Rutte", "Schoof"]),
        ([("Nederland", "LOC"), ("Nederland", "ORG")], ["Nederland", "Nederland"]),
    ],
)
def test_mentions_group_by_fullest_name(pairs, names):
    mentions = _mentions(*pairs)
    entities = group_mentions(mentions)
    assert [e.name for e in entities] == names
    assert all(mentions[i].entity == e.id for e in entities for i in e.mentions)


@pytest.mark.parametrize(
    "pairs, label_of_short",
    [
        ([("Mees Verhoeff", "PER"), ("Verhoeff", "LOC"), ("Verhoeff", "PER"), ("Verhoeff", "LOC")], "PER"),
        ([("Ilse van der Wiel", "PER"), ("Wiel", "MISC")], "PER"),
        ([("Daan de Groot", "PER"), ("De Groot", "ORG")], "PER"),
    ],
)
def test_a_surname_the_tagger_mislabelled_joins_the_person_it_names(pairs, label_of_short):
    mentions = _mentions(*pairs)
    entities = group_mentions(mentions)
    assert [e.name for e in entities] == [pairs[0][0]]
    assert {m.label for m in mentions} == {label_of_short}


@pytest.mark.parametrize(
    "pairs",
    [
        [("Jan Utrecht", "PER"), ("FC Utrecht", "ORG")],
        [("Kim Jong-un", "PER"), ("Kim", "ORG")],
        [("Anna Berg", "PER"), ("Berg en Dal", "LOC")],
        [("Kim Rusland", "PER"), ("Rusland", "LOC")],
    ],
)
def test_other_names_keep_their_own_label_and_entity(pairs):
    mentions = _mentions(*pairs)
    entities = group_mentions(mentions)
    assert len(entities) == 2
    assert [m.label for m in mentions] == [label for _, label in pairs]


def test_mentions_without_letters_or_digits_are_dropped():
    from kroniek.stages.entities import is_name

    assert not is_name(";") and not is_name("--") and is_name("3M") and is_name("Ajax")


def test_a_name_glued_to_a_place_is_split_when_the_article_names_both_apart():
    from tests.stages.parsed import parsed

    doc = parsed("""
    Kim Kim PROPN 2 nsubj B-PER
    reist reizen VERB 0 root
    naar naar ADP 4 case
    Rusland Rusland PROPN 2 obl B-LOC
    . . PUNCT 2 punct
    Hij hij PRON 9 nsubj
    zegt zeggen VERB 0 root
    dat dat SCONJ 12 mark
    Kim Kim PROPN 12 nsubj B-PER
    Rusland Rusland PROPN 12 obj I-PER
    zou zullen AUX 12 aux
    bezoeken bezoeken VERB 7 ccomp
    . . PUNCT 7 punct
    """)
    assert [(m.text, m.label) for m in doc._.mentions if m.kind == "name"] == [
        ("Kim", "PER"), ("Rusland", "LOC"), ("Kim", "PER"), ("Rusland", "LOC")]
    assert [e.name for e in doc._.entities] == ["Kim", "Rusland"]


def test_a_full_name_whose_parts_occur_alone_stays_whole():
    from tests.stages.parsed import parsed

    doc = parsed("""
    Mees Mees PROPN 3 nsubj B-PER
    Verhoeff Verhoeff PROPN 1 flat I-PER
    lacht lachen VERB 0 root
    . . PUNCT 3 punct
    Verhoeff Verhoeff PROPN 6 nsubj B-PER
    wint winnen VERB 0 root
    . . PUNCT 6 punct
    """)
    assert [m.text for m in doc._.mentions] == ["Mees Verhoeff", "Verhoeff"]


@pytest.mark.parametrize("text, label, expected", [
    ("Vandermolen Holding", "PER", "ORG"),
    ("Bakker Verzekeringen", "PER", "ORG"),
    ("V. S.", "PER", "LOC"),
    ("K. L. M.", "PER", "ORG"),
    ("Jan Smit", "PER", "PER"),
    ("Holding", "PER", "PER"),
    ("Vandermolen Holding", "LOC", "LOC"),
])
def test_a_person_s_name_that_reads_as_an_organisation_or_a_place_is_retyped(text, label, expected):
    from kroniek.stages.entities import typed

    assert typed(text, label, "nl") == expected


def test_a_name_takes_the_label_most_of_its_mentions_have():
    from kroniek.analysis import analyze

    article = analyze("Jan Smit van Vandermolen Holding sprak. Vandermolen Holding groeit, zei Smit.")
    labels = {m.text: m.label for m in article.mentions}
    assert labels["Vandermolen Holding"] == "ORG" and labels["Jan Smit"] == "PER"


def test_a_name_the_tagger_runs_into_the_blank_lines_after_a_title_ends_at_its_last_word():
    import spacy
    from spacy.tokens import Doc

    from kroniek.stages.entities import link_entities

    words = ["Vliegtuig", "Zwaluw", "X2", "\n\n", "De", "Zwaluw", "X2", "vloog", "."]
    spaces = [True, True, False, False, True, True, True, False, False]
    ents = ["O", "B-MISC", "I-MISC", "I-MISC", "O", "B-MISC", "I-MISC", "O", "O"]
    doc = link_entities(Doc(spacy.blank("nl").vocab, words=words, spaces=spaces, ents=ents))
    assert [m.text for m in doc._.mentions] == ["Zwaluw X2", "Zwaluw X2"]
    assert [e.name for e in doc._.entities] == ["Zwaluw X2"]
