"""The learned event triggers: the shipped classifier's decisions on words whose sense, not their
spelling, makes them events (docs/events.md, "Triggers: lexicon or learned"), the features it reads,
and the stage's `triggers` setting."""

from __future__ import annotations

import pytest

from kroniek.errors import PipelineError
from kroniek.events.learned import candidates, trigger_features, trigger_models
from kroniek.pipeline import build_pipeline
from kroniek.stages.events import TriggerLexicon
from tests.stages.parsed import parsed

WRONG_YET = "the classifier, trained on one annotator's 775 mentions, still gets this wrong"


@pytest.fixture(scope="module")
def learned_nlp():
    return build_pipeline(config={"kroniek_events": {"triggers": "learned"}})


def _types(nlp, sentence: str) -> dict[str, str]:
    return {event.trigger.text: event.type for event in nlp(sentence)._.events}


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("De fabrikant demonstreerde gisteren de nieuwe scanner in Utrecht.", "demonstreerde", "OTHER"),
    ("De twee bedrijven kwamen gisteren een nieuwe regeling overeen.", "kwamen", "AGREE"),
    ("De overname van de bakkerij door een Belgische keten is rond.", "overname", "TRADE"),
    ("De beursgang van het bedrijf werd uitgesteld.", "beursgang", "TRADE"),
    ("Het faillissement van de fietsenfabriek kwam als een verrassing.", "faillissement", "OTHER"),
    ("Na zijn ontslag zocht de directeur ander werk.", "ontslag", "OTHER"),
    pytest.param("Honderden boeren demonstreerden dinsdag in Den Haag tegen de stikstofregels.", "demonstreerden",
                 "PROTEST", marks=pytest.mark.xfail(strict=True, reason=WRONG_YET)),
    pytest.param("De fusie tussen de twee ziekenhuizen gaat door.", "fusie", "COOPERATE",
                 marks=pytest.mark.xfail(strict=True, reason=WRONG_YET)),
])
def test_the_type_follows_the_sense(learned_nlp, sentence, trigger, expected):
    assert _types(learned_nlp, sentence).get(trigger) == expected


@pytest.mark.parametrize("sentence, word", [
    ("Veel landen in Europa kampen deze zomer met droogte.", "landen"),
    ("De zangeres strijdt al jaren tegen een zeldzame ziekte.", "strijdt"),  # an event, but no fight
    pytest.param("De prijzen van energie stegen vorige maand opnieuw.", "prijzen",
                 marks=pytest.mark.xfail(strict=True, reason=WRONG_YET)),
])
def test_a_word_that_spells_an_event_type_is_not_one_in_this_sense(learned_nlp, sentence, word):
    assert _types(learned_nlp, sentence).get(word) not in ("TRAVEL", "ASSAULT", "SUPPORT")
    if word != "strijdt":
        assert word not in _types(learned_nlp, sentence)


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


def test_the_shipped_models_are_small_and_an_unknown_setting_is_refused():
    models = trigger_models()
    assert 0 < models.trigger.threshold < 1 and "OTHER" in models.types
    with pytest.raises(PipelineError, match="valid: lexicon, learned, both"):
        build_pipeline(config={"kroniek_events": {"triggers": "rules"}})
