"""Pairing claims about the same proposition, and the threshold that decides it.

The threshold (stages/_contradictions.THRESHOLD = 0.75) was measured on PAIRS below: claims of
Dutch sentence pairs written for the purpose, each labelled as stating the same proposition or not,
with the predicate and arguments the claims stage gives them. Same-proposition pairs score 0.83 to
1.0 (the weapons purchase and its denial lowest: converse predicates, one participant named as
Poetin on one side and Rusland on the other); different ones 0.5 to 0.67 (the same predicate with
a participant changed, or the same participants doing something else). 0.75 lies mid-gap. A plain
overlap score, without halving for a changed participant, put two different pairs at 0.75 and
0.83 ("de trein haalt" / "de bus haalt"), which is why the halving is there.
"""

from __future__ import annotations

import pytest

from kroniek.records import Claim, span_of
from kroniek.stages.contradictions import (
    THRESHOLD,
    contradictions_within,
    find_contradictions,
    predicates_agree,
    similarity,
)


def claim(index: int, predicate: str, arguments: list[str], factuality: str = "CT+", source: str = "AUTHOR") -> Claim:
    return Claim(id=index, content=span_of("x" * 10, index, index + 1), predicate=predicate,
                 arguments=arguments, factuality=factuality, source=source)


# (a sentence, its predicate and arguments; another, its own; same proposition?)
PAIRS = [
    ("Poetin wil wapens kopen van Noord-Korea", "kopen", ["Vladimir Poetin", "wapen", "Noord-Korea"],
     "Noord-Korea is bereid wapens te leveren aan Rusland", "leveren", ["Noord-Korea", "wapen", "Rusland"], True),
    ("De minister bezocht Kyiv", "bezoeken", ["minister", "Kyiv"],
     "De minister reisde niet naar Kyiv", "reizen", ["minister", "Kyiv"], True),
    ("Het leger viel de stad aan", "aanvallen", ["leger", "stad"],
     "Het leger heeft de stad niet aangevallen", "aanvallen", ["leger", "stad"], True),
    ("Ajax won van PSV", "winnen", ["Ajax", "PSV"], "PSV verloor van Ajax", "verliezen", ["PSV", "Ajax"], True),
    ("Peskov bevestigde de ontmoeting met Kim", "ontmoeten", ["Dmitri Peskov", "Kim Jong-un"],
     "Poetin ontmoette Kim niet", "ontmoeten", ["Poetin", "Kim"], False),
    ("De politie arresteerde drie verdachten", "arresteren", ["politie", "verdachte"],
     "De politie hield de drie verdachten niet aan", "aanhouden", ["politie", "verdachte"], True),
    ("Het bedrijf ontsloeg vijftig werknemers", "ontslaan", ["bedrijf", "werknemer"],
     "Het bedrijf nam vijftig werknemers aan", "aannemen", ["bedrijf", "werknemer"], False),
    ("Rusland levert graan aan Egypte", "leveren", ["Rusland", "graan", "Egypte"],
     "Rusland levert geen wapens aan Iran", "leveren", ["Rusland", "wapen", "Iran"], False),
    ("Kim reist naar Vladivostok", "reizen", ["Kim Jong-un", "Vladivostok"],
     "Kim reist niet naar Moskou", "reizen", ["Kim Jong-un", "Moskou"], False),
    ("De regering steunt het plan", "steunen", ["regering", "plan"],
     "De regering steunt het plan niet", "steunen", ["regering", "plan"], True),
    ("De club tekende een contract met de spits", "tekenen", ["club", "contract", "spits"],
     "De club ondertekende het contract niet", "ondertekenen", ["club", "contract"], True),
    ("De burgemeester opende het station", "openen", ["burgemeester", "station"],
     "De burgemeester sloot het station", "sluiten", ["burgemeester", "station"], False),
    ("Het kabinet benoemde Jansen tot minister", "benoemen", ["kabinet", "Jansen", "minister"],
     "Jansen werd niet tot minister benoemd", "benoemen", ["Jansen", "minister"], True),
    ("De trein haalt 60 kilometer per uur", "halen", ["trein", "kilometer", "uur"],
     "De bus haalt geen 60 kilometer per uur", "halen", ["bus", "kilometer", "uur"], False),
]


def test_the_threshold_separates_the_labelled_pairs():
    scores = [(similarity(claim(0, pa, aa), claim(1, pb, ab))[0], same) for _, pa, aa, _, pb, ab, same in PAIRS]
    assert min(s for s, same in scores if same) >= THRESHOLD
    assert max(s for s, same in scores if not same) < THRESHOLD


def test_converses_agree_and_strangers_do_not():
    assert predicates_agree("kopen", "leveren") and predicates_agree("winnen", "verliezen")
    assert not predicates_agree("openen", "sluiten") and not predicates_agree(None, "kopen")


ALLEGATION = claim(0, "kopen", ["Vladimir Poetin", "wapen", "Noord-Korea"], "CT+", "Amerikaanse functionarissen")
DENIAL = claim(1, "leveren", ["Noord-Korea", "wapen", "Rusland"], "CT-", "Pyongyang en Moskou")


def test_an_allegation_and_its_denial_are_paired_with_their_evidence():
    [pairing] = contradictions_within([ALLEGATION, DENIAL])
    assert (pairing.claim_a.id, pairing.claim_b.id) == (0, 1)
    assert pairing.shared == ("wapen", "Noord-Korea") and pairing.score == pytest.approx(5 / 6)
    assert "kopen ~ leveren" in pairing.reason and "Pyongyang en Moskou CT-" in pairing.reason


@pytest.mark.parametrize("other", [
    DENIAL.model_copy(update={"source": "Amerikaanse functionarissen"}),
    DENIAL.model_copy(update={"factuality": "CT+"}),
    DENIAL.model_copy(update={"factuality": "PS-"}),
    DENIAL.model_copy(update={"factuality": "Uu"}),
    DENIAL.model_copy(update={"predicate": "bouwen"}),
], ids=["same-source", "agreeing", "merely-possible", "uncommitted", "other-predicate"])
def test_no_contradiction(other):
    assert contradictions_within([ALLEGATION, other]) == []


def test_the_stage_assigns_contradiction_records():
    import spacy

    doc = spacy.blank("nl")("Een tekst.")
    doc._.claims = [ALLEGATION, DENIAL]
    [record] = find_contradictions(doc)._.contradictions
    assert (record.claim_a, record.claim_b, record.article_b) == (0, 1, None)
    assert record.score == pytest.approx(0.833)
