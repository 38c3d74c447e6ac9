"""Dutch temporal expressions: what the grammar finds, the TIMEX3 values, and the tense that steers them."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from kroniek.stages.timexes import TimexFinder
from kroniek.temporal.tense import tense_at
from kroniek.temporal.values import (
    NO_PUBLISHED,
    Anchor,
    CalendarDate,
    DayOffset,
    Period,
    Shifted,
    Weekday,
    duration_value,
)

TUESDAY = dt.date(2023, 9, 12)
FINDER = TimexFinder()


def timexes(nlp, text: str, published=TUESDAY) -> list[tuple[str, str, str]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    doc = FINDER(nlp(doc))
    return [(t.text, t.type, t.value) for t in doc._.timexes]


@pytest.mark.parametrize("text, expected", [
    ("De top begint op 12 september 2023 in Genève.", [("12 september 2023", "DATE", "2023-09-12")]),
    ("Het akkoord kwam in januari 2002 tot stand.", [("januari 2002", "DATE", "2002-01")]),
    ("In 2019 ontmoetten zij elkaar al.", [("2019", "DATE", "2019")]),
    ("De dijk brak vanavond door.", [("vanavond", "TIME", "2023-09-12TEV")]),
    ("De minister sprak gistermiddag in Den Haag.", [("gistermiddag", "TIME", "2023-09-11TAF")]),
    ("De staking duurt tot en met woensdag.", [("woensdag", "DATE", "2023-09-13")]),
    ("Vorige week viel het kabinet.", [("Vorige week", "DATE", "2023-W36")]),
    ("Volgend jaar gaan de belastingen omhoog.", [("Volgend jaar", "DATE", "2024")]),
    ("Het onderzoek loopt al drie jaar.", [("drie jaar", "DURATION", "P3Y")]),
    ("Hij werkte er de afgelopen twee weken aan.", [("de afgelopen twee weken", "DURATION", "P2W")]),
    ("De raad vergadert elke week.", [("elke week", "SET", "P1W")]),
    ("De markt is iedere zaterdag open.", [("iedere zaterdag", "SET", "XXXX-WXX-6")]),
    ("De trein vertrekt vandaag om 15.00 uur.", [("vandaag om 15.00 uur", "TIME", "2023-09-12T15:00")]),
    ("De boer staat 's ochtends vroeg op.", [("'s ochtends", "TIME", "2023-09-12TMO")]),
    ("De 34-jarige verdediger tekende bij.", [("34-jarige", "DURATION", "P34Y")]),
    ("Twee weken geleden brak er brand uit.", [("Twee weken geleden", "DATE", "2023-W35")]),
    ("Dit voorjaar bloeiden de tulpen vroeg.", [("Dit voorjaar", "DATE", "2023-SP")]),
    ("Eind maart begon de bouw.", [("Eind maart", "DATE", "2023-03")]),
    ("Het bedrijf telt nu vijftig werknemers.", [("nu", "DATE", "PRESENT_REF")]),
    ("Jarenlang bleef het stil.", [("Jarenlang", "DURATION", "PXY")]),
    ("Volgende week dinsdag stemt de Kamer.", [("Volgende week dinsdag", "DATE", "2023-09-19")]),
    ("Het verdrag is van 12-09-2023.", [("12-09-2023", "DATE", "2023-09-12")]),
    ("Dat gebeurde in de negentiende eeuw.", [("negentiende eeuw", "DATE", "18")]),
    ("Het seizoen 2019/2020 werd afgebroken.", [("2019/2020", "DATE", "2019")]),
    ("Ruim een week geleden brak er brand uit.", [("Ruim een week geleden", "DATE", "2023-W36")]),
    ("In nog geen dertig seconden was het voorbij.", [("nog geen dertig seconden", "DURATION", "PT30S")]),
    ("In de toekomst wil hij meer. De toekomst van het team is vaag.", [("de toekomst", "DATE", "FUTURE_REF")]),
    ("Afgelopen nacht viel er regen.", [("Afgelopen nacht", "TIME", "2023-09-12TNI")]),
    ("Het album verscheen in het voorjaar van 2019.", [("voorjaar van 2019", "DATE", "2019-SP")]),
    ("Met kerst is de winkel dicht, op tweede kerstdag open.",
     [("kerst", "DATE", "2023-12-25"), ("tweede kerstdag", "DATE", "2023-12-26")]),
    ("In de jaren '90 groeide de stad.", [("jaren '90", "DATE", "199")]),
    ("In de zomer gaat de school dicht.", [("de zomer", "DATE", "2023-SU")]),
    ("Het festival duurt van 11 tot en met 14 juli.",
     [("11", "DATE", "2023-07-11"), ("14 juli", "DATE", "2023-07-14")]),
])
def test_expressions_and_values(blank_nlp, text, expected):
    assert timexes(blank_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Het kost 2000 euro per maand aan huur.",
    "De ploeg won met 3-1 van de kampioen.",
    "Het team ontbeert nu eenmaal een sprinter.",
    "Mei Li won de finale.",
])
def test_words_that_are_not_times(blank_nlp, text):
    assert all(value != "2000" for _, _, value in timexes(blank_nlp, text))
    assert not [t for t in timexes(blank_nlp, text) if t[0].lower() in ("nu", "mei", "3-1")]


def test_relative_values_are_null_without_a_published_date(blank_nlp):
    doc = blank_nlp.make_doc("Vorige week sprak hij in 1998 over gisteren.")
    found = FINDER(blank_nlp(doc))._.timexes
    assert [(t.text, t.value) for t in found] == [("Vorige week", None), ("1998", "1998"), ("gisteren", None)]
    assert found[0].reason == NO_PUBLISHED and found[1].reason is None


@pytest.mark.parametrize("tense, value", [("past", "2023-09-11"), ("present", "2023-09-18"),
                                          ("future", "2023-09-18")])
def test_a_weekday_follows_the_tense(tense, value):
    assert Weekday(1).resolve(Anchor(TUESDAY, tense)) == (value, None)


@pytest.mark.parametrize("meaning, value", [
    (Weekday(2, "MO"), "2023-09-12TMO"),
    (Weekday(6, shift=-1), "2023-09-09"),
    (Weekday(6, shift=1), "2023-09-16"),
    (DayOffset(-2), "2023-09-10"),
    (Period("M", -1), "2023-08"),
    (Period("WE", 0), "2023-W37-WE"),
    (Period("Q", 1), "2023-Q4"),
    (Shifted(-3, "D"), "2023-09-09"),
    (CalendarDate(month=12), "2023-12"),
])
def test_values_counted_from_the_published_date(meaning, value):
    assert meaning.resolve(Anchor(TUESDAY, "present"))[0] == value


def test_a_month_in_the_past_tense_is_last_year_when_it_is_still_to_come():
    assert CalendarDate(month=11).resolve(Anchor(TUESDAY, "past"))[0] == "2022-11"
    assert CalendarDate(month=3).resolve(Anchor(TUESDAY, "future"))[0] == "2024-03"


@pytest.mark.parametrize("amount, unit, value", [
    (3, "Y", "P3Y"), (None, "M", "PXM"), (30, "S", "PT30S"), (15, "TM", "PT15M"), (1.5, "H", "PT1.5H"),
])
def test_duration_values(amount, unit, value):
    assert duration_value(amount, unit) == value


def _clause(words, pos, heads, deps, morphs) -> Doc:
    vocab = spacy.blank("nl").vocab
    return Doc(vocab, words=words, pos=pos, heads=heads, deps=deps, morphs=morphs,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_the_perfect_is_past_and_zullen_future():
    perfect = _clause(["Hij", "is", "maandag", "aangekomen"], ["PRON", "AUX", "NOUN", "VERB"], [3, 3, 3, 3],
                      ["nsubj", "aux", "obl", "ROOT"], ["", "Tense=Pres|VerbForm=Fin", "", "VerbForm=Part"])
    future = _clause(["Hij", "zal", "maandag", "komen"], ["PRON", "AUX", "NOUN", "VERB"], [3, 3, 3, 3],
                     ["nsubj", "aux", "obl", "ROOT"], ["", "Tense=Pres|VerbForm=Fin", "", "VerbForm=Inf"])
    past = _clause(["Maandag", "bevestigde", "het", "Kremlin"], ["NOUN", "VERB", "DET", "PROPN"], [1, 1, 3, 1],
                   ["obl", "ROOT", "det", "nsubj"], ["", "Tense=Past|VerbForm=Fin", "", ""])
    assert (tense_at(perfect[2]), tense_at(future[2]), tense_at(past[0])) == ("past", "future", "past")


def test_zou_with_an_infinitive_is_still_to_come_but_with_a_perfect_it_is_past():
    plan = _clause(["Jansen", "zou", "woensdag", "praten"], ["PROPN", "AUX", "NOUN", "VERB"], [3, 3, 3, 3],
                   ["nsubj", "aux", "obl", "ROOT"], ["", "Tense=Past|VerbForm=Fin", "", "VerbForm=Inf"])
    alleged = _clause(["Jansen", "zou", "woensdag", "hebben", "gepraat"], ["PROPN", "AUX", "NOUN", "AUX", "VERB"],
                      [4, 4, 4, 4, 4], ["nsubj", "aux", "obl", "aux", "ROOT"],
                      ["", "Tense=Past|VerbForm=Fin", "", "VerbForm=Inf", "VerbForm=Part"])
    assert (tense_at(plan[2]), tense_at(alleged[2])) == ("future", "past")


def test_a_participle_finds_its_auxiliary_in_the_clause_when_the_parse_misplaces_it():
    doc = _clause(["Er", "zijn", "zondagnacht", "doden", "gevallen"], ["ADV", "AUX", "NOUN", "NOUN", "VERB"],
                  [4, 2, 4, 4, 4], ["expl", "cop", "obl", "nsubj", "ROOT"],
                  ["", "Tense=Pres|VerbForm=Fin", "", "", "VerbForm=Part"])
    assert tense_at(doc[2]) == "past"


def test_an_intention_with_te_is_future():
    doc = _clause(["Zij", "besloot", "per", "januari", "te", "stoppen"], ["PRON", "VERB", "ADP", "NOUN", "ADP", "VERB"],
                  [1, 1, 3, 5, 5, 1], ["nsubj", "ROOT", "case", "obl", "mark", "xcomp"],
                  ["", "Tense=Past|VerbForm=Fin", "", "", "", "VerbForm=Inf"])
    assert tense_at(doc[3]) == "future"


def test_nu_as_a_conjunction_is_not_a_time():
    doc = _clause(["Nu", "hij", "weg", "is"], ["SCONJ", "PRON", "ADV", "AUX"], [3, 3, 3, 3],
                  ["mark", "nsubj", "ROOT", "cop"], ["", "", "", "Tense=Pres|VerbForm=Fin"])
    assert FINDER(doc)._.timexes == []


def test_seed_article_dates(nlp, sample_path):
    if "kroniek_timexes" not in nlp.pipe_names:
        pytest.skip("no trained model: the pipeline has no stages")
    from kroniek import analyze

    article = analyze(sample_path.read_text(encoding="utf-8"), published=TUESDAY, nlp=nlp)
    values = {t.text: t.value for t in article.timexes}
    assert values["dinsdagochtend"] == "2023-09-12TMO"
    assert values["Maandag"] == "2023-09-11"
    assert values["woensdag"] == "2023-09-13"


THURSDAY = dt.date(2024, 5, 9)


@pytest.mark.parametrize("text, word, value", [
    # said on Monday 6 May: "gisteren" is Sunday 5 May, not Wednesday 8 May
    ('"Gisteren hebben we de fabriek gesloten", zei directeur Pieter de Vries maandag.', "Gisteren", "2024-05-05"),
    ('Directeur Pieter de Vries zei op 3 mei: "Morgen gaan we de fabriek sluiten."', "Morgen", "2024-05-04"),
    ('"Vorige week kwam de inspectie langs", vertelde wethouder Anna Bakker dinsdag.', "Vorige week", "2024-W18"),
    # no day of the statement: counted from the published date
    ('"Gisteren hebben we de fabriek gesloten", zei directeur Pieter de Vries.', "Gisteren", "2024-05-08"),
    # a time outside the quote keeps the published date as its anchor
    ('Maandag zei directeur Pieter de Vries dat de fabriek dichtgaat.', "Maandag", "2024-05-06"),
])
def test_relative_times_inside_a_quote_count_from_the_day_it_was_said(nlp, text, word, value):
    if "kroniek_quotes" not in nlp.pipe_names:
        pytest.skip("no trained model: the pipeline has no stages")
    from kroniek import analyze

    values = {t.text: t.value for t in analyze(text, published=THURSDAY, nlp=nlp).timexes}
    assert values[word] == value


def test_a_time_inside_a_quote_does_not_date_the_saying(nlp):
    if "kroniek_events" not in nlp.pipe_names:
        pytest.skip("no trained model: the pipeline has no stages")
    from kroniek import analyze

    article = analyze('"Gisteren hebben we de fabriek gesloten", zei directeur Pieter de Vries.', published=THURSDAY,
                      nlp=nlp)
    saying = next(e for e in article.events if e.trigger.text == "zei")
    assert (saying.when, saying.when_basis) == ("2024-05-09", "published")


@pytest.mark.parametrize("value, day", [
    ("2024-05-06", dt.date(2024, 5, 6)), ("2024-05-06TMO", dt.date(2024, 5, 6)), ("2024-05-06T15:00", dt.date(2024, 5, 6)),
    ("2024-W18", None), ("2024-05", None), ("PRESENT_REF", None), ("2024-02-31", None), (None, None),
])
def test_only_a_calendar_day_can_be_the_day_of_a_statement(value, day):
    from kroniek.temporal.statements import calendar_day

    assert calendar_day(value) == day
