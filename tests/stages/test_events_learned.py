"""The learned event triggers: the shipped classifier's decisions on words whose sense, not their
spelling, makes them events (docs/events.md, "Triggers: lexicon or learned"), the features it reads,
and the stage's `triggers` setting."""

from __future__ import annotations

import pytest

from kroniek.errors import PipelineError
from kroniek.events.learned import attribution_marks, candidates, trigger_features, trigger_models
from kroniek.pipeline import build_pipeline
from kroniek.stages.events import TriggerLexicon
from tests.stages.parsed import parsed

WRONG_YET = "the classifier still gets this wrong"


@pytest.fixture(scope="module")
def learned_nlp():
    return build_pipeline(config={"kroniek_events": {"triggers": "learned"}})


def _types(nlp, sentence: str) -> dict[str, str]:
    return {event.trigger.text: event.type for event in nlp(sentence)._.events}


def _decision(nlp, sentence: str, word: str) -> tuple[float, str | None]:
    """The shipped classifier's probability and type for `word` in `sentence`, whatever its threshold."""
    doc = nlp(sentence)
    marks = attribution_marks(doc)
    models = trigger_models()
    for token, particle in candidates(doc):
        if token.text == word:
            features = trigger_features(TriggerLexicon.load(), token, particle, marks.get(token.i, ()))
            return models.probability(features), models.type_of(features)
    return 0.0, None


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("De fabrikant demonstreerde gisteren de nieuwe scanner in Utrecht.", "demonstreerde", "OTHER"),
    ("De twee bedrijven kwamen gisteren een nieuwe regeling overeen.", "kwamen", "AGREE"),
    ("De overname van de bakkerij door een Belgische keten is rond.", "overname", "TRADE"),
    ("De beursgang van het bedrijf werd uitgesteld.", "beursgang", "TRADE"),
    ("Het faillissement van de fietsenfabriek kwam als een verrassing.", "faillissement", "OTHER"),
    ("Na zijn ontslag zocht de directeur ander werk.", "ontslag", "OTHER"),
    ("De fusie tussen de twee ziekenhuizen gaat door.", "fusie", "COOPERATE"),
    pytest.param("Honderden boeren demonstreerden dinsdag in Den Haag tegen de stikstofregels.", "demonstreerden",
                 "PROTEST", marks=pytest.mark.xfail(strict=True, reason=WRONG_YET)),
])
def test_the_type_follows_the_sense(nlp, sentence, trigger, expected):
    assert _decision(nlp, sentence, trigger)[1] == expected


@pytest.mark.parametrize("sentence, word", [
    ("Veel landen in Europa kampen deze zomer met droogte.", "landen"),
    ("De prijzen van energie stegen vorige maand opnieuw.", "prijzen"),
])
def test_a_word_that_spells_an_event_is_not_one_in_this_sense(learned_nlp, sentence, word):
    assert word not in _types(learned_nlp, sentence)


def test_a_fight_against_an_illness_is_no_assault(nlp):
    assert _decision(nlp, "De zangeres strijdt al jaren tegen een zeldzame ziekte.", "strijdt")[1] != "ASSAULT"


@pytest.mark.parametrize("sentence", [
    "De overname van de bakkerij door een Belgische keten is rond.",
    "Pieter de Vries heeft de fabriek gisteren gesloten.",
])
def test_a_plain_event_in_the_narrative_is_found(learned_nlp, sentence):
    assert _types(learned_nlp, sentence)


def test_an_event_inside_a_direct_quote_weighs_less_than_in_the_narrative(nlp):
    quoted = _decision(nlp, '"We hebben de fabriek gesloten", zei directeur Pieter de Vries.', "gesloten")
    told = _decision(nlp, "Pieter de Vries heeft de fabriek gisteren gesloten.", "gesloten")
    assert quoted[0] < told[0]


def test_the_attribution_marks_name_quotes_and_cues(nlp):
    doc = nlp('"We hebben de fabriek gesloten", zei directeur Pieter de Vries.')
    marks = attribution_marks(doc)
    by_word = {token.text: marks.get(token.i, ()) for token in doc}
    assert "quote=direct" in by_word["gesloten"] and "is_cue" in by_word["zei"]
    assert by_word["Vries"] == ()


def test_the_features_read_the_lexicon_the_particle_and_the_object():
    doc = parsed("""
        Zij     zij     PRON  2 nsubj
        kwamen  komen   VERB  0 root
        een     een     DET   4 det
        regeling regeling NOUN 2 obj
        overeen overeen ADP   2 compound:prt
    """)
    found = dict((token.text, trigger_features(TriggerLexicon.load(), token, particle)) for token, particle in candidates(doc))
    assert {"lemma=overeenkomen", "lex=AGREE", "prt=overeen", "overeenkomen+obj=regeling"} <= set(found["kwamen"])
    assert "suffix=ing" in found["regeling"]
    assert {"subj=pron", "argument_named"} & set(found["kwamen"]) == {"subj=pron"}


def test_the_shipped_models_are_small_and_an_unknown_setting_is_refused():
    models = trigger_models()
    assert 0 < models.trigger.threshold < 1 and "OTHER" in models.types
    with pytest.raises(PipelineError, match="valid: lexicon, learned, both"):
        build_pipeline(config={"kroniek_events": {"triggers": "rules"}})
