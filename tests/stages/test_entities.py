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
