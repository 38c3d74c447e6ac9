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
