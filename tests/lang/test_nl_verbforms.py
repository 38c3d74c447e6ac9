"""Guessing the infinitive of a Dutch verb form that a lemmatizer left as it was."""

from __future__ import annotations

import pytest

from kroniek.lang.nl.verbforms import infinitive_guesses, single_vowel

PARTICLES = ("terug", "aan", "af", "op")


@pytest.mark.parametrize("form, infinitive", [
    ("aangekomen", "aankomen"), ("afgereisd", "afreizen"), ("reist", "reizen"), ("vervolgde", "vervolgen"),
    ("ontmoette", "ontmoeten"), ("haalde", "halen"), ("ontmoet", "ontmoeten"), ("leverde", "leveren"),
    ("bekende", "bekennen"),
])
def test_regular_forms_guess_their_infinitive(form, infinitive):
    assert infinitive in infinitive_guesses(form, PARTICLES)


def test_a_bare_stem_guesses_nothing_when_only_inflected_forms_count():
    assert "landen" in infinitive_guesses("land", PARTICLES)
    assert "landen" not in infinitive_guesses("land", PARTICLES, inflected_only=True)


@pytest.mark.parametrize("spelled, expected", [("verspeelen", "verspelen"), ("afhaaken", "afhaken"),
                                               ("komen", "komen"), ("zeggen", "zeggen")])
def test_doubled_vowels_are_undone_before_a_single_consonant(spelled, expected):
    assert single_vowel(spelled) == expected
