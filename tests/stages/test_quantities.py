"""Quantities: Dutch numbers and number words, units, approximations, counted nouns, and what is skipped."""

from __future__ import annotations

import pytest

from kroniek.lang.nl.numbers import number_reader, read_digits
from kroniek.stages.quantities import QuantityFinder
from kroniek.stages.timexes import TimexFinder

from .parsed import parsed

FINDER = QuantityFinder()


def quantities(nlp, text: str) -> list[tuple]:
    doc = FINDER(TimexFinder()(nlp(text)))
    return [(q.text, q.value, q.unit, q.approximate) for q in doc._.quantities]


@pytest.mark.parametrize("word, value", [
    ("negentig", 90), ("eenentwintig", 21), ("tweeënveertig", 42), ("honderdvijftig", 150),
    ("drieduizend", 3000), ("tweeduizendvijfhonderd", 2500), ("anderhalf", 1.5), ("nul", 0),
    ("eerste", None), ("honderdste", None), ("tienen", None),
])
def test_number_words(word, value):
    assert number_reader().read_word(word) == value


@pytest.mark.parametrize("word, value", [("eerste", 1), ("derde", 3), ("21e", 21), ("twintigste", 20),
                                         ("negentiende", 19), ("honderdste", 100), ("ronde", None)])
def test_ordinals(word, value):
    assert number_reader().read_ordinal(word) == value


@pytest.mark.parametrize("text, value", [("1.200", 1200), ("0,07", 0.07), ("1.89", 1.89), ("80000", 80000),
                                         ("2/3", 2 / 3), ("12a", None)])
def test_digits_in_dutch_notation(text, value):
    assert read_digits(text) == value


@pytest.mark.parametrize("text, expected", [
    ("De trein rijdt ongeveer 60 kilometer per uur.", [("60 kilometer per uur", 60, "km/h", True)]),
    ("Hij reed 120 km/u op de snelweg.", [("120 km/u", 120, "km/h", False)]),
    ("Het tekort is 40 miljard euro.", [("40 miljard euro", 40e9, "EUR", False)]),
    ("De schade bedraagt € 2,5 miljoen.", [("€ 2,5 miljoen", 2.5e6, "EUR", False)]),
    ("Duizenden mensen liepen mee.", [("Duizenden", 1000, None, True)]),
    ("De inflatie steeg met 3,4 procent.", [("3,4 procent", 3.4, "%", False)]),
    ("Het kostte een half miljoen dollar.", [("een half miljoen dollar", 5e5, "USD", False)]),
    ("Ajax won met 2-1.", [("2", 2, None, False), ("1", 1, None, False)]),
    ("Er kwamen ruim 300 mensen.", [("300", 300, None, True)]),
    ("De werkloosheid is 5%.", [("5%", 5, "%", False)]),
    ("De prijzen stegen 20 tot 30 procent.", [("20", 20, "%", False), ("30 procent", 30, "%", False)]),
    ("Ze kochten voor miljoenen euro's wapens.", [("miljoenen euro's", 1e6, "EUR", True)]),
    ("Een tiental betogers werd opgepakt.", [("tiental", 10, None, True)]),
])
def test_values_units_and_approximations(blank_nlp, text, expected):
    assert quantities(blank_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "In 2019 kwam hij drie jaar terug.",
    "Hij werd de eerste winnaar en eindigde als nummer twee.",
    "Een man liep op straat.",
    "Dat wilde hij vieren.",
    "Volgens artikel 5 van het verdrag rijdt lijn 12 niet.",
])
def test_years_durations_ordinals_and_articles_are_not_counted(blank_nlp, text):
    assert quantities(blank_nlp, text) == []


TRAIN = """
Kim Kim PROPN 2 nsubj B-PER
heeft hebben VERB 0 root
negentig negentig NUM 5 nummod
gepantserde gepantserd ADJ 5 amod
treinwagons treinwagon NOUN 2 obj
. . PUNCT 2 punct
"""

HOSTAGES = """
De de DET 2 det
FARC FARC PROPN 3 nsubj B-ORG
liet laten VERB 0 root
300 300 NUM 6 nummod
ontvoerde ontvoeren ADJ 6 amod
agenten agent NOUN 3 obj
en en CCONJ 8 cc
militairen militair NOUN 6 conj
vrij vrij ADP 3 compound:prt
. . PUNCT 3 punct
"""

SPEED = """
De de DET 2 det
trein trein NOUN 3 nsubj
haalt halen VERB 0 root
een een DET 5 det
maximumsnelheid maximumsnelheid NOUN 3 obj
van van ADP 8 case
60 60 NUM 8 nummod
kilometer kilometer NOUN 5 nmod
per per ADP 10 case
uur uur NOUN 8 nmod
. . PUNCT 3 punct
"""


SAND = """
Een een DET 2 det
vrachtwagen vrachtwagen NOUN 7 nsubj
met met ADP 5 case
20 20 NUM 5 nummod
ton ton NOUN 2 nmod
zand zand NOUN 5 nmod
kantelde kantelen VERB 0 root
. . PUNCT 7 punct
"""

MISTAGGED = """
Kim Kim PROPN 2 nsubj B-PER
heeft hebben AUX 0 root
negentig negentig ADJ 5 advmod
gepantserde gepantserd VERB 5 acl
treinwagons treinwagon NOUN 2 obj
. . PUNCT 2 punct
"""


@pytest.mark.parametrize("table, text, of", [
    (TRAIN, "negentig gepantserde treinwagons", "treinwagons"),
    (MISTAGGED, "negentig gepantserde treinwagons", "treinwagons"),
    (SAND, "20 ton zand", "zand"),
    (HOSTAGES, "300 ontvoerde agenten en militairen", "agenten"),
    (SPEED, "60 kilometer per uur", "maximumsnelheid"),
])
def test_the_span_reaches_the_counted_noun(table, text, of):
    doc = parsed(table)
    for token in doc:
        if token.pos_ == "VERB" and token.text.startswith("ge"):
            token.set_morph("VerbForm=Part")
    (quantity,) = FINDER(doc)._.quantities
    assert (quantity.text, quantity.of) == (text, of)
