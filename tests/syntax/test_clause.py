"""The clause layer on Dutch sentences: subject, agent, objects, verb group, tense, negation, kind.

Most cases run the shipped model on sentences written for these tests; the repairs of parser
mistakes run on hand-written parses, so that they test the repair and not the model.
"""

from __future__ import annotations

import pytest

from kroniek.pipeline import load_pipeline
from kroniek.syntax.clause import (
    agent,
    clause_head,
    clause_kind,
    condition,
    cue_span,
    is_passive,
    negation,
    objects,
    patient,
    read_clause,
    subject,
    tense,
    verb_group,
)

from ..stages.parsed import parsed


def _verb(sentence: str, verb: str):
    """The token `verb` in the shipped model's parse of `sentence`."""
    doc = load_pipeline("nl")(sentence)
    return next(token for token in doc if token.text == verb)


@pytest.mark.parametrize("sentence, verb, expected", [
    ("De minister opende gisteren de nieuwe brug.", "opende", "minister"),
    ("Gisteren opende de burgemeester het zwembad.", "opende", "burgemeester"),
    ("Het bestuur zegt dat de fabriek sluit.", "zegt", "bestuur"),
    ("Het bestuur zegt dat de fabriek sluit.", "sluit", "fabriek"),
    ("De trein is dinsdag in Moskou aangekomen.", "aangekomen", "trein"),
])
def test_subject_of_an_active_clause(sentence, verb, expected):
    assert subject(_verb(sentence, verb)).text == expected


@pytest.mark.parametrize("sentence, verb, agent_word, patient_word", [
    ("De verdachte werd door de politie aangehouden.", "aangehouden", "politie", "verdachte"),
    ("De brug wordt door een Belgisch bedrijf gebouwd.", "gebouwd", "bedrijf", "brug"),
    ("De wethouder verkocht het stadhuis.", "verkocht", "wethouder", "stadhuis"),
])
def test_agent_and_patient_in_active_and_passive(sentence, verb, agent_word, patient_word):
    head = _verb(sentence, verb)
    assert (agent(head).text, patient(head).text) == (agent_word, patient_word)


def test_a_passive_is_told_from_the_perfect_of_a_verb_with_zijn():
    assert is_passive(_verb("De verdachte werd door de politie aangehouden.", "aangehouden"))
    assert not is_passive(_verb("De trein is dinsdag in Moskou aangekomen.", "aangekomen"))


@pytest.mark.parametrize("sentence, verb, expected", [
    ("De minister opende gisteren de brug.", "opende", "past"),
    ("De minister heeft de brug geopend.", "geopend", "past"),
    ("De minister opent morgen de brug.", "opent", "present"),
    ("De minister zal de brug openen.", "openen", "future"),
    ("Volgens ingewijden zou de minister woensdag spreken.", "spreken", "future"),
    ("De minister zou de brug hebben geopend.", "geopend", "past"),
])
def test_tense_of_the_verb_group(sentence, verb, expected):
    assert tense(_verb(sentence, verb)) == expected


@pytest.mark.parametrize("sentence, verb, negated", [
    ("De fabriek sluit niet.", "sluit", "niet"),
    ("Het bedrijf heeft geen bod gedaan.", "gedaan", "geen"),
    ("De fabriek sluit volgend jaar.", "sluit", None),
    ("Het bestuur zegt dat de fabriek niet sluit.", "zegt", None),
    ("Niemand kocht de oude fabriek.", "kocht", "Niemand"),
    ("De bank raadde beleggers aan geen aandelen te kopen.", "raadde", None),
    ("De bank raadde beleggers aan geen aandelen te kopen.", "kopen", "geen"),
    ("Het bedrijf wijt de storing aan een niet eerder gevonden fout.", "wijt", None),
    ("De fusie was niet slecht voor de klanten.", "slecht", None),
    ("De overname was geen gewone zaak.", "zaak", None),
    ("De overname was geen succes.", "succes", "geen"),
])
def test_negation_belongs_to_its_own_clause(sentence, verb, negated):
    found = negation(_verb(sentence, verb))
    assert (found.text if found is not None else None) == negated


@pytest.mark.parametrize("sentence, verb, kind", [
    ("De minister opende de brug.", "opende", "main"),
    ("Het bestuur zegt dat de fabriek sluit.", "sluit", "complement"),
    ("De inspectie onderzoekt of er fouten zijn gemaakt.", "gemaakt", "whether"),
    ("Niemand weet waarom de dijk doorbrak.", "doorbrak", "whether"),
    ("Sluit de fabriek volgend jaar?", "Sluit", "question"),
    ("De directie wilde niet zeggen of de fabriek sluit.", "sluit", "whether"),
    ("De experts weten nog niet waardoor het kwam.", "kwam", "whether"),
    ("Jan bleef thuis of hij ging naar zijn werk.", "bleef", "main"),
])
def test_kind_of_clause(sentence, verb, kind):
    assert clause_kind(_verb(sentence, verb)) == kind


@pytest.mark.parametrize("sentence, verb, expected", [
    ("Als de bond staakt, sluit de fabriek.", "staakt", "Als"),
    ("De wedstrijd gaat niet door indien het stormt.", "stormt", "indien"),
    ("Als de bond staakt, sluit de fabriek.", "sluit", None),
    ("Als kind speelde hij vaak buiten toen het regende.", "regende", None),
    ("De bond staakte omdat de lonen daalden.", "daalden", None),
])
def test_a_condition_is_the_conditional_complementiser_of_the_clause(sentence, verb, expected):
    found = condition(_verb(sentence, verb))
    assert (found.text if found is not None else None) == expected


def test_verb_group_and_separable_particle():
    head = _verb("De minister gaf gisteren zijn fout toe.", "gaf")
    assert cue_span(head).text == "gaf gisteren zijn fout toe"
    assert [t.text for t in verb_group(_verb("De brug is gisteren geopend.", "geopend"))] == ["is", "geopend"]


def test_objects_and_the_clause_head_of_a_word():
    doc = parsed(GAVE_A_BOOK)
    assert [t.text for t in objects(doc[2])] == ["burgemeester", "boek"]
    assert clause_head(doc[6]).text == "gaf"


GAVE_A_BOOK = """
    De            de          DET   2  det
    minister      minister    NOUN  3  nsubj
    gaf           geven       VERB  0  root
    de            de          DET   5  det
    burgemeester  burgemeester NOUN 3  iobj
    een           een         DET   7  det
    boek          boek        NOUN  3  obj
    .             .           PUNCT 3  punct
"""

SUBJECT_ON_AUXILIARY = """
    Volgens       volgens     ADP   2  case
    ingewijden    ingewijde   NOUN  6  obl
    zou           zullen      AUX   6  aux
    de            de          DET   5  det
    minister      minister    NOUN  3  nsubj
    spreken       spreken     VERB  0  root
    .             .           PUNCT 6  punct
"""

CONJUNCT_WITHOUT_SUBJECT = """
    De            de          DET   2  det
    bond          bond        NOUN  3  nsubj
    protesteerde  protesteren VERB  0  root
    en            en          CCONJ 5  cc
    staakte       staken      VERB  3  conj
    .             .           PUNCT 3  punct
"""

FRONTED_DAY = """
    Maandag       maandag     NOUN  2  nsubj
    bevestigde    bevestigen  VERB  0  root
    het           het         DET   4  det
    Kremlin       Kremlin     PROPN 2  nsubj
    het           het         DET   6  det
    bezoek        bezoek      NOUN  2  obj
    .             .           PUNCT 2  punct
"""


@pytest.mark.parametrize("table, verb, expected", [
    (SUBJECT_ON_AUXILIARY, "spreken", "minister"),
    (CONJUNCT_WITHOUT_SUBJECT, "staakte", "bond"),
])
def test_a_subject_the_parser_hung_elsewhere_is_found(table, verb, expected):
    doc = parsed(table)
    assert subject(next(t for t in doc if t.text == verb)).text == expected


def test_of_two_subjects_a_day_name_gives_way():
    doc = parsed(FRONTED_DAY)
    assert subject(doc[1], avoid=frozenset({"maandag"})).text == "Kremlin"


def test_read_clause_gathers_one_reading():
    found = read_clause(_verb("De verdachte werd niet door de politie aangehouden.", "aangehouden"))
    assert (found.kind, found.passive, found.agent.text, found.patient.text) == ("main", True, "politie", "verdachte")
    assert (found.tense, found.negation.text) == ("past", "niet")


MODAL_LABELLED_PASSIVE = """
dat dat SCONJ 4 mark
hij hij PRON 4 nsubj
wilde willen AUX 4 aux:pass
aanblijven aanblijven VERB 0 root
"""


def test_a_modal_the_parser_labelled_a_passive_auxiliary_makes_no_passive():
    doc = parsed(MODAL_LABELLED_PASSIVE)
    doc[3].set_morph("VerbForm=Part")  # the shipped model's morphology misreads "aanblijven" so
    assert not is_passive(doc[3])
    assert subject(doc[3]).text == "hij"
