"""The Dutch speech lexicon: reporting verbs and their frames, role nouns, attribution phrases."""

from __future__ import annotations

import pytest

from kroniek.lang.speech import speech_lexicon

LEXICON = speech_lexicon("nl")


@pytest.mark.parametrize(
    "noun, kind",
    [("woordvoerder", "person"), ("Kremlin-woordvoerder", "person"), ("defensieminister", "person"),
     ("bondscoach", "person"), ("ministerie", "body"), ("Colombiaanse", None), ("wedstrijd", None)],
)
def test_role_nouns_count_in_compounds(noun, kind):
    assert LEXICON.role_kind(noun) == kind


@pytest.mark.parametrize(
    "verb, frame",
    [("zeggen", "dat"), ("ontkennen", "dat"), ("laten weten", "dat"), ("oproepen", "te"), ("bevestigen", "obj"),
     ("lachen", "frame"), ("luiden", "nosource")],
)
def test_reporting_verbs_have_their_frames(verb, frame):
    assert frame in LEXICON.frames(verb)


def test_ordinary_verbs_report_nothing():
    assert LEXICON.frames("lopen") == frozenset()


@pytest.mark.parametrize(
    "words, found",
    [(["volgens", "de", "politie"], (("volgens",), "source_follows")),
     (["naar", "verluidt", "reizen"], (("naar", "verluidt"), "no_source")),
     (["naar", "eigen", "zeggen"], (("naar", "eigen", "zeggen"), "subject_source")),
     (["naar", "huis"], None)],
)
def test_attribution_phrases_longest_first(words, found):
    assert LEXICON.phrase_at(words) == found


def test_irregular_forms_lead_to_their_verb():
    assert LEXICON.irregular_forms["klonk"] == "klinken" and LEXICON.irregular_forms["zei"] == "zeggen"
