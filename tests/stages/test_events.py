"""The events stage on Dutch sentences parsed by hand: triggers, types, arguments, factuality, status."""

from __future__ import annotations

import pytest

from kroniek.stages.events import EventFinder, TriggerLexicon, event_status

from .parsed import parsed

FINDER = EventFinder(TriggerLexicon.load("nl"))

ARRIVAL = """
Kim Kim PROPN 6 nsubj B-PER
is zijn AUX 6 aux
dinsdagochtend dinsdagochtend NOUN 6 obl
in in ADP 5 case
Rusland Rusland PROPN 6 obl B-LOC
aangekomen aan_komen VERB 0 root
. . PUNCT 6 punct
"""

ARRIVAL_PARSED_AS_PASSIVE = """
De de DET 2 det
trein trein NOUN 6 nsubj:pass
is zijn AUX 6 aux:pass
in in ADP 5 case
Rusland Rusland PROPN 6 obl B-LOC
aangekomen aan_komen VERB 0 root
. . PUNCT 6 punct
Hij hij PRON 9 nsubj
vertrok vertrekken VERB 0 root
. . PUNCT 9 punct
"""

LEFT_TO_MEET = """
Kim Kim PROPN 3 nsubj B-PER
Jong-un Jong-un PROPN 1 flat I-PER
kwam komen VERB 0 root
aan aan ADP 3 compound:prt
. . PUNCT 3 punct
Hij hij PRON 7 nsubj
verliet verlaten VERB 0 root
zijn zijn PRON 9 nmod:poss
trein trein NOUN 7 obj
om om ADP 13 mark
functionarissen functionaris NOUN 13 obj
te te ADP 13 mark
ontmoeten ontmoeten VERB 7 advcl
op op ADP 16 case
het het DET 16 det
grensstation grensstation NOUN 13 obl
Chasan Chasan PROPN 16 appos B-LOC
. . PUNCT 7 punct
Kims Kims PROPN 20 nmod:poss B-PER
aanwezigheid aanwezigheid NOUN 21 nsubj
blijkt blijken VERB 0 root
. . PUNCT 21 punct
"""

WANTS_TO_BUY = """
Volgens volgens ADP 3 case
Amerikanen Amerikaan NOUN 4 obl
wil willen AUX 7 aux
Poetin Poetin PROPN 7 nsubj B-PER
wapens wapen NOUN 7 obj
van van ADP 8 case
kopen kopen VERB 0 root
Noord-Korea Noord-Korea PROPN 7 obl:arg B-LOC
. . PUNCT 7 punct
"""

DENIED_DELIVERY = """
Moskou Moskou PROPN 2 nsubj B-LOC
ontkent ontkennen VERB 0 root
dat dat SCONJ 8 mark
Noord-Korea Noord-Korea PROPN 8 nsubj B-LOC
wapens wapen NOUN 8 obj
aan aan ADP 7 case
Rusland Rusland PROPN 8 obl:arg B-LOC
levert leveren VERB 2 ccomp
. . PUNCT 2 punct
"""

WILL_RECEIVE = """
Poetin Poetin PROPN 2 nsubj B-PER
reist reizen VERB 0 root
naar naar ADP 4 case
Vladivostok Vladivostok PROPN 2 obl B-LOC
, , PUNCT 11 punct
waar waar ADV 11 advmod
hij hij PRON 11 nsubj
Kim Kim PROPN 11 obj B-PER
zal zullen AUX 11 aux
woensdag woensdag NOUN 11 obl
ontvangen ontvangen VERB 4 acl:relcl
. . PUNCT 2 punct
"""

ATTACKED_BY = """
Het het DET 2 det
dorp dorp NOUN 6 nsubj:pass
werd worden AUX 6 aux:pass
door door ADP 5 case
rebellen rebel NOUN 6 obl:agent
aangevallen aan_vallen VERB 0 root
. . PUNCT 6 punct
"""

GAVE_ORDER = """
De de DET 2 det B-PER
Rooij Rooij PROPN 3 nsubj I-PER
gaf geven VERB 0 root
de de DET 5 det
renners renner NOUN 3 iobj
de de DET 7 det
opdracht opdracht NOUN 3 obj
. . PUNCT 3 punct
"""

MEETING_BETWEEN = """
Een een DET 2 det
ontmoeting ontmoeting NOUN 7 nsubj
tussen tussen ADP 4 case
Poetin Poetin PROPN 2 nmod B-PER
en en CCONJ 6 cc
Kim Kim PROPN 4 conj B-PER
kan kunnen AUX 8 aux
plaatsvinden plaats_vinden VERB 0 root
. . PUNCT 8 punct
"""

WENT_WELL = """
Het het PRON 2 nsubj
ging gaan VERB 0 root
goed goed ADJ 2 advmod
. . PUNCT 2 punct
"""

WENT_TO = """
Kim Kim PROPN 2 nsubj B-PER
ging gaan VERB 0 root
naar naar ADP 4 case
Vladivostok Vladivostok PROPN 2 obl B-LOC
. . PUNCT 2 punct
"""

NO_CONFIRMATION = """
Er er ADV 2 expl
is zijn VERB 0 root
geen geen DET 4 det
bevestiging bevestiging NOUN 2 nsubj
. . PUNCT 2 punct
"""

STATE_VISIT = """
Kim Kim PROPN 2 nsubj B-PER
sprak spreken VERB 0 root
. . PUNCT 2 punct
Zijn zijn PRON 5 nmod:poss
staatsbezoek staatsbezoek NOUN 7 nsubj
is zijn AUX 7 aux
begonnen beginnen VERB 0 root
. . PUNCT 7 punct
"""

EXPECTED_IN = """
Poetin Poetin PROPN 6 nsubj:pass B-PER
wordt worden AUX 6 aux:pass
dinsdag dinsdag NOUN 6 obl
in in ADP 5 case
Vladivostok Vladivostok PROPN 6 obl B-LOC
verwacht verwachten VERB 0 root
. . PUNCT 6 punct
"""

EXPECTS_THAT = """
Poetin Poetin PROPN 2 nsubj B-PER
verwacht verwachten VERB 0 root
veel veel PRON 2 obj
. . PUNCT 2 punct
"""

NOMINAL_INFINITIVE = """
Na na ADP 3 case
het het DET 3 det
afhaken af_haken VERB 6 obl
van van ADP 5 case
Tops Tops PROPN 3 nmod B-PER
won winnen VERB 0 root
Kim Kim PROPN 6 nsubj B-PER
. . PUNCT 6 punct
"""

RECEIVES_HIM = """
Kim Kim PROPN 2 nsubj B-PER
kwam komen VERB 0 root
aan aan ADP 2 compound:prt
. . PUNCT 2 punct
Poetin Poetin PROPN 8 nsubj B-PER
zal zullen AUX 8 aux
hem hij PRON 8 obj
ontvangen ontvangen VERB 0 root
. . PUNCT 8 punct
"""

NEGOTIATIONS_AHEAD = """
Er er PRON 4 expl
zullen zullen AUX 4 aux
onderhandelingen onderhandeling NOUN 4 nsubj
plaatsvinden plaats_vinden VERB 0 root
tussen tussen ADP 7 case
twee twee NUM 7 nummod
delegaties delegatie NOUN 4 obl
. . PUNCT 4 punct
"""

MONDAY_CONFIRMED = """
Maandag maandag PROPN 2 nsubj
bevestigde bevestigen VERB 0 root
het het DET 4 det B-ORG
Kremlin Kremlin PROPN 2 {kremlin} I-ORG
. . PUNCT 2 punct
"""

LEMMAS_LEFT_AS_WRITTEN = """
Davenport Davenport PROPN 2 nsubj B-PER
vloog vloog VERB 0 root
terug terug ADV 2 compound:prt
. . PUNCT 2 punct
Ze ze PRON 6 nsubj
bekende bekenen VERB 0 root
. . PUNCT 6 punct
"""

SUBJECT_LOST_BY_THE_PARSER = """
kampioen kampioen NOUN 6 parataxis
Dubbeldam Dubbeldam PROPN 1 appos B-PER
, , PUNCT 1 punct
met met ADP 5 case
vormklachten vormklacht NOUN 6 obl
afhaakte af_haken VERB 0 root
. . PUNCT 6 punct
"""

TWO_OBJECTS = """
Kim Kim PROPN 2 nsubj B-PER
reist reizen VERB 0 root
naar naar ADP 4 case
Vladivostok Vladivostok PROPN 2 obl B-LOC
, , PUNCT 10 punct
waar waar ADV 10 advmod
Poetin Poetin PROPN 10 obj B-PER
hem hij PRON 10 obj
zal zullen AUX 10 aux
ontvangen ontvangen VERB 2 advcl
. . PUNCT 2 punct
"""


def events_of(table: str, **layers) -> dict:
    """The events of a parsed sentence, by trigger text."""
    return {event.trigger.text: event for event in FINDER(parsed(table, **layers))}


def test_arrival_has_agent_place_and_time():
    event = events_of(ARRIVAL, places=["Rusland"], timexes=[("dinsdagochtend", "2023-09-12TMO")])["aangekomen"]
    assert (event.type, event.agent.text, event.place.text, event.time) == ("TRAVEL", "Kim", "Rusland", "2023-09-12TMO")
    assert (event.factuality, event.status, event.claim) == ("CT+", "happened", None)
    assert event.agent.entity == 0 and event.agent.span.text == "Kim"


def test_a_perfect_with_zijn_that_the_parser_called_passive_keeps_its_agent_and_place():
    events = events_of(ARRIVAL_PARSED_AS_PASSIVE, places=["Rusland"])
    assert (events["aangekomen"].agent.span.text, events["aangekomen"].place.text) == ("De trein", "Rusland")
    assert events["vertrok"].agent is None or events["vertrok"].agent.text != "Rusland"


def test_separable_particle_joins_the_lemma():
    assert events_of(LEFT_TO_MEET)["kwam"].type == "TRAVEL"


def test_pronoun_and_controlled_infinitive_resolve_to_the_person_named_before():
    events = events_of(LEFT_TO_MEET, places=["Chasan"])
    left, meet = events["verliet"], events["ontmoeten"]
    assert (left.type, left.agent.text, left.agent.span.text, left.patient) == ("TRAVEL", "Kim Jong-un", "Hij", None)
    assert (meet.type, meet.agent.text, meet.patient.text, meet.place.text) == (
        "MEET", "Kim Jong-un", "functionarissen", "Chasan")


PURPOSE_ON_THE_NOUN = """
De de DET 2 det
burgemeester burgemeester NOUN 3 nsubj
verliet verlaten VERB 0 root
het het DET 5 det
stadhuis stadhuis NOUN 3 obj
om om ADP 10 mark
de de DET 8 det
demonstranten demonstrant NOUN 10 obj
te te ADP 10 mark
ontmoeten ontmoeten VERB 5 acl
. . PUNCT 3 punct
"""


def test_a_purpose_clause_the_parser_hung_on_a_noun_takes_the_subject_of_the_noun_s_verb():
    meet = events_of(PURPOSE_ON_THE_NOUN)["ontmoeten"]
    assert (meet.type, meet.agent.text, meet.patient.text) == ("MEET", "De burgemeester", "de demonstranten")


def test_names_are_given_as_written_without_a_genitive_s():
    presence = events_of(LEFT_TO_MEET)["aanwezigheid"]
    assert (presence.type, presence.agent.text, presence.agent.entity) == ("MEET", "Kim", 0)


def test_wanted_event_is_not_a_fact_even_in_a_certain_claim():
    claim = {"content": "wil Poetin wapens van kopen Noord-Korea", "factuality": "CT+", "source": "Amerikanen"}
    event = events_of(WANTS_TO_BUY, claims=[claim])["kopen"]
    assert (event.type, event.agent.text, event.patient.text) == ("TRADE", "Poetin", "Noord-Korea")
    assert (event.factuality, event.status, event.claim, event.source) == ("Uu", "unconfirmed", 0, "Amerikanen")


def test_denied_event_takes_the_factuality_of_its_claim():
    claim = {"content": "Noord-Korea wapens aan Rusland levert", "factuality": "CT-", "source": "Moskou"}
    events = events_of(DENIED_DELIVERY, claims=[claim])
    delivery, denial = events["levert"], events["ontkent"]
    assert (delivery.type, delivery.agent.text, delivery.patient.text) == ("TRADE", "Noord-Korea", "Rusland")
    assert (delivery.factuality, delivery.status) == ("CT-", "denied")
    assert (denial.type, denial.agent.text, denial.status) == ("STATEMENT", "Moskou", "happened")


def test_future_event_is_expected_at_the_place_its_relative_clause_is_about():
    event = events_of(WILL_RECEIVE, places=["Vladivostok"], timexes=[("woensdag", "2023-09-13")])["ontvangen"]
    assert (event.type, event.agent.text, event.patient.text) == ("MEET", "Poetin", "Kim")
    assert (event.place.text, event.time, event.status) == ("Vladivostok", "2023-09-13", "expected")


def test_passive_agent_comes_from_the_door_phrase():
    event = events_of(ATTACKED_BY)["aangevallen"]
    assert (event.type, event.agent.text, event.patient.text) == ("ASSAULT", "rebellen", "Het dorp")


def test_event_noun_takes_the_participants_of_its_light_verb():
    events = events_of(GAVE_ORDER)
    assert list(events) == ["opdracht"]
    assert (events["opdracht"].type, events["opdracht"].agent.text, events["opdracht"].patient.text) == (
        "REQUEST", "De Rooij", "de renners")


def test_meeting_between_two_names_has_both():
    claim = {"content": "Een ontmoeting tussen Poetin en Kim kan plaatsvinden", "factuality": "PS+"}
    event = events_of(MEETING_BETWEEN, claims=[claim])["ontmoeting"]
    assert (event.type, event.agent.text, event.patient.text, event.status) == ("MEET", "Poetin", "Kim", "possible")


@pytest.mark.parametrize("table, expected", [(WENT_WELL, {}), (WENT_TO, {"ging": "TRAVEL"})])
def test_verbs_of_motion_need_somewhere_to_go(table, expected):
    assert {text: e.type for text, e in events_of(table).items()} == expected


def test_negated_event_noun_is_denied():
    event = events_of(NO_CONFIRMATION)["bevestiging"]
    assert (event.type, event.factuality, event.status) == ("STATEMENT", "CT-", "denied")


def test_compound_noun_triggers_by_its_head_and_takes_a_possessive_agent():
    event = events_of(STATE_VISIT)["staatsbezoek"]
    assert (event.type, event.agent.text, event.agent.span.text) == ("TRAVEL", "Kim", "Zijn")


def test_absent_layers_resolve_places_from_location_names():
    doc = parsed(WENT_TO)
    doc._.places = doc._.timexes = doc._.claims = None
    (event,) = FINDER(doc)
    assert (event.place.text, event.place.entity, event.time, event.factuality) == ("Vladivostok", 1, None, "CT+")


@pytest.mark.parametrize("factuality, future, source, status", [
    ("CT+", False, "AUTHOR", "happened"),
    ("CT+", False, "het Kremlin", "reported"),
    ("CT+", False, None, "alleged"),
    ("CT+", True, "AUTHOR", "expected"),
    ("PR+", True, "AUTHOR", "expected"),
    ("PR+", False, None, "alleged"),
    ("PS+", False, "AUTHOR", "possible"),
    ("Uu", False, "AUTHOR", "unconfirmed"),
    ("CT-", False, "Moskou", "denied"),
    ("PS-", True, "AUTHOR", "denied"),
])
def test_only_certain_past_or_present_events_by_the_author_happened(factuality, future, source, status):
    assert event_status(factuality, future, source) == status


def test_expected_in_a_place_is_travel_by_the_passive_subject():
    claim = {"content": "Poetin wordt dinsdag in Vladivostok verwacht", "factuality": "PR+", "tense": "future"}
    event = events_of(EXPECTED_IN, places=["Vladivostok"], claims=[claim])["verwacht"]
    assert (event.type, event.agent.text, event.place.text, event.status) == ("TRAVEL", "Poetin", "Vladivostok", "expected")
    assert events_of(EXPECTS_THAT) == {}


def test_an_infinitive_used_as_a_noun_takes_its_van_phrase_as_agent():
    events = events_of(NOMINAL_INFINITIVE)
    assert (events["afhaken"].type, events["afhaken"].agent.text) == ("OTHER", "Tops")
    assert (events["won"].type, events["won"].agent.text) == ("OTHER", "Kim")


def test_an_object_pronoun_is_never_its_own_subject():
    event = events_of(RECEIVES_HIM)["ontvangen"]
    assert (event.agent.text, event.patient.text, event.patient.span.text) == ("Poetin", "Kim", "hem")


def test_an_event_noun_that_will_take_place_is_expected_between_its_sides():
    event = events_of(NEGOTIATIONS_AHEAD)["onderhandelingen"]
    assert (event.type, event.agent.text, event.status) == ("CONSULT", "twee delegaties", "expected")
    assert list(events_of(NEGOTIATIONS_AHEAD)) == ["onderhandelingen"]


@pytest.mark.parametrize("kremlin", ["nsubj", "obj"])
def test_a_day_is_never_the_subject_even_when_the_parser_says_so(kremlin):
    event = events_of(MONDAY_CONFIRMED.format(kremlin=kremlin), timexes=[("Maandag", "2023-09-11")])["bevestigde"]
    assert (event.type, event.agent.text, event.time) == ("STATEMENT", "het Kremlin", "2023-09-11")


def test_forms_the_lemmatizer_missed_are_still_found():
    events = events_of(LEMMAS_LEFT_AS_WRITTEN)
    assert {text: e.type for text, e in events.items()} == {"vloog": "TRAVEL", "bekende": "STATEMENT"}
    assert events["bekende"].agent.text == "Davenport"


def test_an_event_without_a_parsed_subject_takes_the_name_before_it_in_its_sentence():
    event = events_of(SUBJECT_LOST_BY_THE_PARSER)["afhaakte"]
    assert (event.type, event.agent.text, event.agent.entity) == ("OTHER", "Dubbeldam", 0)


def test_a_subject_parsed_as_a_first_object_is_repaired():
    event = events_of(TWO_OBJECTS, places=["Vladivostok"])["ontvangen"]
    assert (event.agent.text, event.patient.text, event.place.text, event.status) == (
        "Poetin", "Kim", "Vladivostok", "expected")


def parsed_events(nlp, sentence: str) -> dict:
    """The events the whole pipeline finds in a sentence, by trigger text."""
    return {event.trigger.text: event for event in nlp(sentence)._.events}


@pytest.mark.parametrize("sentence, trigger, factuality", [
    ("De bank adviseerde beleggers geen aandelen te kopen.", "adviseerde", "CT+"),
    ("De bank adviseerde beleggers geen aandelen te kopen.", "kopen", "CT-"),
    ("Het bedrijf verkocht de fabriek om een niet eerder gevonden fout.", "verkocht", "CT+"),
    ("De overname was geen gewone zaak.", "overname", "CT+"),
    ("De fusie was niet slecht voor de klanten.", "fusie", "CT+"),
    ("Niemand heeft de oude fabriek gekocht.", "gekocht", "CT-"),
    ("De minister heeft niets gezegd over de begroting.", "gezegd", "CT-"),
])
def test_only_a_negation_in_the_trigger_s_own_clause_negates_it(nlp, sentence, trigger, factuality):
    assert parsed_events(nlp, sentence)[trigger].factuality == factuality


@pytest.mark.parametrize("sentence, trigger", [
    ("De directie wilde niet zeggen of de fabriek de bond steunt.", "steunt"),
    ("Justitie onderzoekt of de wethouder de grond heeft verkocht.", "verkocht"),
    ("De experts weten nog niet waardoor de staking begon.", "staking"),
    ("Heeft de minister de burgemeester ontmoet?", "ontmoet"),
    ("Als de vakbond staakt, sluit de fabriek.", "staakt"),
])
def test_an_event_that_is_asked_about_or_supposed_is_uncommitted(nlp, sentence, trigger):
    event = parsed_events(nlp, sentence)[trigger]
    assert (event.factuality, event.status) == ("Uu", "unconfirmed")


@pytest.mark.parametrize("sentence, trigger, factuality", [
    ("De aanslag op de minister mislukte.", "aanslag", "CT-"),
    ("De politie verijdelde gisteren een aanslag.", "aanslag", "CT-"),
    ("De staking werd op het laatste moment afgeblazen.", "staking", "CT-"),
    ("Het staatsbezoek aan Japan werd uitgesteld.", "staatsbezoek", "Uu"),
])
def test_a_failed_cancelled_prevented_or_postponed_event_did_not_happen(nlp, sentence, trigger, factuality):
    event = parsed_events(nlp, sentence)[trigger]
    assert event.factuality == factuality and event.status != "happened"


def test_an_event_in_a_claim_takes_its_source():
    claim = {"content": "Noord-Korea wapens aan Rusland levert", "factuality": "CT-", "source": "Moskou"}
    delivery = events_of(DENIED_DELIVERY, claims=[claim])["levert"]
    assert (delivery.source, delivery.claim, delivery.factuality) == ("Moskou", 0, "CT-")


SHOT_OFFICER = """
Agent agent NOUN 8 nsubj
Bakker Bakker PROPN 1 flat B-PER
, , PUNCT 6 punct
die die PRON 6 nsubj:pass
werd worden AUX 6 aux:pass
neergeschoten neer_schieten VERB 1 acl:relcl
, , PUNCT 6 punct
herstelt herstellen VERB 0 root
. . PUNCT 8 punct
"""

SHOT_BY = """
Minister minister NOUN 5 nsubj:pass
Smit Smit PROPN 1 flat B-PER
werd worden AUX 5 aux:pass
gisteren gisteren ADV 5 advmod
aangevallen aan_vallen VERB 0 root
door door ADP 8 case
de de DET 8 det
betogers betoger NOUN 5 obl:agent
. . PUNCT 5 punct
"""


@pytest.mark.parametrize("table, trigger, agent, patient", [
    (SHOT_OFFICER, "neergeschoten", None, "Bakker"),
    (SHOT_BY, "aangevallen", "de betogers", "Smit"),
])
def test_a_passive_subject_is_the_patient_and_only_a_door_phrase_the_agent(table, trigger, agent, patient):
    event = events_of(table)[trigger]
    assert (event.type, event.agent and event.agent.text, event.patient.text) == ("ASSAULT", agent, patient)


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("De ministers kwamen gisteren overeen de belasting te verlagen.", "kwamen", "AGREE"),
    ("De prijzen van woningen stegen vorig jaar sterk.", "prijzen", None),
    ("Veel landen steunen het voorstel van de commissie.", "landen", None),
    ("De oppositie prijst het besluit van de regering.", "prijst", "SUPPORT"),
    ("Het faillissement van de bakkerij kwam als een schok.", "faillissement", "OTHER"),
    ("De fusie van de twee banken kost duizend banen.", "fusie", "COOPERATE"),
    ("De beursgang van het bedrijf bracht veel geld op.", "beursgang", "TRADE"),
])
def test_a_trigger_s_sense_follows_its_word_class_and_particle(nlp, sentence, trigger, expected):
    event = parsed_events(nlp, sentence).get(trigger)
    assert (event.type if event else None) == expected


WHEN_ARTICLE = """Op 3 maart 2024 sloot de fabriek in Tiel. De directie zei dat de machines werden verkocht.

Morgen praat de minister met de vakbond."""


@pytest.mark.parametrize("trigger, when, basis", [
    ("praat", "2024-03-06", "clause"),
    ("zei", "2024-03-03", "narrative"),
])
def test_an_event_without_a_time_of_its_own_is_dated_from_its_sentence_or_the_narrative(trigger, when, basis):
    import datetime as dt

    from kroniek.analysis import analyze

    events = {e.trigger.text: e for e in analyze(WHEN_ARTICLE, published=dt.date(2024, 3, 5)).events}
    assert (events[trigger].when, events[trigger].when_basis) == (when, basis)


def test_an_undated_story_dates_its_events_by_publication():
    import datetime as dt

    from kroniek.analysis import analyze

    article = analyze("De directie zei dat de fabriek sluit.", published=dt.date(2024, 3, 5))
    assert {(e.when, e.when_basis) for e in article.events} == {("2024-03-05", "published")}


QUOTED = """Directeur Pieter de Vries van Heineken sprak maandag met de bond.
"Ik heb de bond gebeld", zei hij."""
PRONOUN = "Minister Anna Bakker reageerde. Zij bezocht de fabriek dinsdag."
DESCRIPTION = "Heineken opende maandag een fabriek in Eindhoven. Het bedrijf verkocht vorig jaar een fabriek in Tiel."


@pytest.mark.parametrize("text, trigger, agent", [
    (QUOTED, "gebeld", "Pieter de Vries"),  # "ik" inside a quote is its speaker
    (PRONOUN, "bezocht", "Anna Bakker"),  # a pronoun takes the entity the coreference gave it
    (DESCRIPTION, "verkocht", "Heineken"),  # a description the coreference resolved is named
])
def test_a_pronoun_or_description_as_agent_is_named_by_the_entity_it_refers_to(text, trigger, agent):
    import datetime as dt

    from kroniek.analysis import analyze

    events = {e.trigger.text: e for e in analyze(text, published=dt.date(2024, 5, 9)).events}
    assert events[trigger].agent is not None and events[trigger].agent.text == agent


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("De aandelen stegen met vijf procent.", "stegen", "OTHER"),  # strong past: stijgen
    ("Boeing wil de productie uitbreiden.", "uitbreiden", "OTHER"),  # the form is the infinitive
    ("De rebellen vielen de stad aan.", "vielen", "ASSAULT"),  # irregular form with its particle
    ("De stad werd gisteren aangevallen.", "aangevallen", "ASSAULT"),  # behind a joined particle
    ("Jobs trad in augustus terug als topman.", "trad", "RETREAT"),
    ("Het bedrijf heeft tweehonderd mensen ontslagen.", "ontslagen", "OTHER"),
])
def test_irregular_and_misread_forms_find_their_lexicon_entry(nlp, sentence, trigger, expected):
    found = parsed_events(nlp, sentence)
    assert trigger in found and found[trigger].type == expected


def test_a_light_verb_with_its_particle_is_no_statement(nlp):
    found = parsed_events(nlp, "De gesprekken met de burgemeester vinden volgende week plaats in het stadhuis.")
    assert "vinden" not in found and found["gesprekken"].type == "MEET"


@pytest.mark.parametrize("text, trigger, agent, patient", [
    ("De aandelen van het bedrijf daalden gisteren sterk.", "daalden", None, "De aandelen van het bedrijf"),
    ("Sinds de opening stegen de aandelen fors.", "stegen", None, "de aandelen"),  # looked up as "stijgen"
    ("Jobs verklaarde dat hij als voorzitter wilde aanblijven.", "aanblijven", "Jobs", None),
    ("Tim Cook werkt sinds 1998 bij Apple. Hij verving Steve Jobs in 2011 als topman.", "verving", "Tim Cook",
     "Steve Jobs"),
    ("Scott Fancher is projectleider. Heineken zegt dat ze de productie moeten verhogen.", "verhogen", "Heineken",
     "de productie"),
    ("De overname van KLM door Heineken verraste iedereen.", "overname", "Heineken", "KLM"),  # "door" outranks "van"
])
def test_who_does_it_and_to_whom(text, trigger, agent, patient):
    import datetime as dt

    from kroniek.analysis import analyze

    event = next(e for e in analyze(text, published=dt.date(2024, 5, 9)).events if e.trigger.text == trigger)
    assert (event.agent.text if event.agent else None, event.patient.text if event.patient else None) == (agent, patient)
