"""Cutting an article's text at the offsets of its records, for the reader's highlights."""

from __future__ import annotations

import pytest

from kroniek.web.highlight import Mark, segments

TEXT = "Volgens Duitse diplomaten wil Litouwen raketten kopen."


def _cut(marks):
    return [(s.text, s.keys) for s in segments(TEXT, marks)]


def test_unmarked_text_is_one_plain_segment():
    assert _cut([]) == [(TEXT, "")]


def test_overlapping_marks_cut_at_every_edge_and_the_claim_comes_first():
    claim = Mark(26, 53, "claim", "claim-0")
    place = Mark(30, 38, "place", "place-0")
    mention = Mark(30, 38, "mention", "mention-2", "LOC")
    cut = _cut([place, claim, mention])
    assert cut == [("Volgens Duitse diplomaten ", ""), ("wil ", "claim-0"),
                   ("Litouwen", "claim-0 place-0 mention-2"), (" raketten kopen", "claim-0"), (".", "")]
    assert "".join(text for text, _ in cut) == TEXT


def test_a_segment_says_its_kinds_and_entity_label_as_classes():
    segment = next(s for s in segments(TEXT, [Mark(30, 38, "mention", "mention-0", "LOC")]) if s.marks)
    assert segment.classes == "hl-mention mention-LOC"


@pytest.mark.parametrize("start, end", [(-1, 4), (10, 10), (40, 999), (30, 20)])
def test_marks_outside_the_text_or_empty_are_left_out(start, end):
    assert _cut([Mark(start, end, "claim", "claim-0")]) == [(TEXT, "")]
