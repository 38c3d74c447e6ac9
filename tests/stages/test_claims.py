"""The claims stage on Dutch sentences parsed by hand: propositions, sources, factuality, tense."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from kroniek.records import Quote, span_of
from kroniek.stages.claims import ClaimsStage

from .parsed import parsed

STAGE = ClaimsStage(spacy.blank("nl"), "kroniek_claims")
PAST, PRESENT = "Tense=Past|VerbForm=Fin", "Tense=Pres|VerbForm=Fin"


def analysed(table: str, morphs: dict[str, str], quotes: tuple[Quote, ...] = (), **layers):
    """The hand-parsed Doc with verb morphology set by word, run through the claims stage."""
    doc = parsed(table, **layers)
    for token in doc:
        if token.text in morphs:
            token.set_morph(morphs[token.text])
    doc._.quotes = list(quotes)
    return STAGE(doc)._.claims


CONFIRMED = """
Het het DET 2 det
kabinet kabinet NOUN 3 nsubj B-ORG
bevestigde bevestigen VERB 0 root
dat dat SCONJ 8 mark
de de DET 6 det
minister minister NOUN 8 nsubj
Brussel Brussel PROPN 8 obj B-LOC
bezocht bezoeken VERB 3 ccomp
. . PUNCT 3 punct
"""

DENIED = """
De de DET 2 det
woordvoerder woordvoerder NOUN 3 nsubj
ontkende ontkennen VERB 0 root
dat dat SCONJ 9 mark
het het DET 6 det
leger leger NOUN 9 nsubj
burgers burger NOUN 9 obj
heeft hebben AUX 9 aux
aangevallen aan_vallen VERB 3 ccomp
. . PUNCT 3 punct
"""

ACCORDING_TO = """
Volgens volgens ADP 3 case
de de DET 3 det
politie politie NOUN 9 obl
zijn zijn AUX 9 aux:pass
er er ADV 9 expl
drie drie NUM 7 nummod
mensen mens NOUN 9 nsubj:pass
gisteren gisteren ADV 9 advmod
gearresteerd arresteren VERB 0 root
. . PUNCT 9 punct
"""

HEARSAY = """
Naar naar ADP 2 case
verluidt verluiden VERB 6 advcl
wil willen AUX 6 aux
de de DET 5 det
burgemeester burgemeester NOUN 6 nsubj
aftreden af_treden VERB 0 root
. . PUNCT 6 punct
"""

HEARSAY_AS_ROOT = """
Naar naar ADP 2 mark
verluidt verluiden VERB 0 root
reizen reizen VERB 2 nsubj
er er ADV 2 advmod
duizenden duizend NUM 2 nsubj
bewakers bewaker NOUN 5 nmod
mee mee ADP 2 case
. . PUNCT 2 punct
"""

ALLEGED = """
De de DET 2 det
minister minister NOUN 7 nsubj
zou zullen AUX 7 aux
het het DET 5 det
rapport rapport NOUN 7 obj
hebben hebben AUX 7 aux
achtergehouden achter_houden VERB 0 root
. . PUNCT 7 punct
"""

POSSIBLE = """
De de DET 2 det
stad stad NOUN 3 nsubj
krijgt krijgen VERB 0 root
mogelijk mogelijk ADV 3 advmod
een een DET 7 det
nieuw nieuw ADJ 7 amod
station station NOUN 3 obj
. . PUNCT 3 punct
"""

UNCONFIRMED = """
Er er ADV 4 expl
is zijn AUX 4 cop
geen geen DET 4 det
bevestiging bevestiging NOUN 0 root
van van ADP 7 case
de de DET 7 det
aanval aanval NOUN 4 nmod
. . PUNCT 4 punct
"""

UNCLEAR = """
Het het PRON 3 expl
is zijn AUX 3 cop
onduidelijk onduidelijk ADJ 0 root
of of SCONJ 7 mark
de de DET 6 det
minister minister NOUN 7 nsubj
aftreedt af_treden VERB 3 csubj
. . PUNCT 3 punct
"""

EXPECTED = """
De de DET 2 det
bouw bouw NOUN 3 nsubj
begint beginnen VERB 0 root
naar naar ADP 5 case
verwachting verwachting NOUN 3 obl
in in ADP 7 case
maart maart NOUN 3 obl
. . PUNCT 3 punct
"""

TWO_CLAUSES = """
De de DET 2 det
trein trein NOUN 3 nsubj
vertrok vertrekken VERB 0 root
om om ADP 6 case
acht acht NUM 6 nummod
uur uur NOUN 3 obl
en en CCONJ 8 cc
kwam komen VERB 3 conj
om om ADP 11 case
tien tien NUM 11 nummod
uur uur NOUN 8 obl
aan aan ADP 8 compound:prt
. . PUNCT 3 punct
"""

CONDITIONAL = """
Als als SCONJ 3 mark
het het PRON 3 nsubj
regent regenen VERB 8 advcl
, , PUNCT 3 punct
wordt worden AUX 8 aux:pass
de de DET 7 det
wedstrijd wedstrijd NOUN 8 nsubj:pass
afgelast af_lasten VERB 0 root
. . PUNCT 8 punct
"""

COUNTERFACTUAL = """
Hij hij PRON 4 nsubj
had hebben AUX 4 aux
kunnen kunnen AUX 4 aux
winnen winnen VERB 0 root
. . PUNCT 4 punct
"""

QUESTION = """
Komt komen VERB 0 root
de de DET 3 det
minister minister NOUN 1 nsubj
morgen morgen ADV 1 advmod
? ? PUNCT 1 punct
"""

DIRECT_QUOTE = """
We we PRON 2 nsubj
gaan gaan VERB 0 root
winnen winnen VERB 2 xcomp
, , PUNCT 5 punct
zei zeggen VERB 2 parataxis
de de DET 7 det
trainer trainer NOUN 5 nsubj
. . PUNCT 2 punct
"""

BELIEF_NEGATED = """
Ik ik PRON 2 nsubj
denk denken VERB 0 root
dat dat SCONJ 7 mark
de de DET 5 det
ploeg ploeg NOUN 7 nsubj
niet niet ADV 7 advmod
wint winnen VERB 2 ccomp
. . PUNCT 2 punct
"""


def test_a_confirmed_complement_is_the_claim_of_the_confirming_source():
    [claim] = analysed(CONFIRMED, {"bevestigde": PAST, "bezocht": PAST})
    assert claim.content.text == "de minister Brussel bezocht"
    assert (claim.source, claim.factuality, claim.tense) == ("kabinet", "CT+", "past")
    assert claim.cue.text == "bevestigde"


def test_a_denied_complement_is_certainly_not_so_for_the_denying_source():
    [claim] = analysed(DENIED, {"ontkende": PAST, "heeft": PRESENT, "aangevallen": "VerbForm=Part"})
    assert claim.content.text == "het leger burgers heeft aangevallen"
    assert (claim.source, claim.factuality, claim.tense) == ("De woordvoerder", "CT-", "past")
    assert claim.predicate == "aanvallen" and "burger" in claim.arguments


def test_volgens_names_the_source_and_stays_out_of_the_content():
    [claim] = analysed(ACCORDING_TO, {"zijn": PRESENT, "gearresteerd": "VerbForm=Part"})
    assert claim.content.text.startswith("zijn er drie mensen")
    assert (claim.source, claim.factuality, claim.cue.text) == ("de politie", "CT+", "Volgens")


@pytest.mark.parametrize("table, morphs, source, factuality", [
    (HEARSAY, {"wil": PRESENT}, None, "PR+"),
    (HEARSAY_AS_ROOT, {"verluidt": PRESENT, "reizen": "VerbForm=Inf"}, None, "PR+"),
    (ALLEGED, {"zou": PAST, "hebben": "VerbForm=Inf", "achtergehouden": "VerbForm=Part"}, None, "PR+"),
    (POSSIBLE, {"krijgt": PRESENT}, "AUTHOR", "PS+"),
    (UNCONFIRMED, {"is": PRESENT}, "AUTHOR", "Uu"),
    (UNCLEAR, {"is": PRESENT, "aftreedt": PRESENT}, "AUTHOR", "Uu"),
    (EXPECTED, {"begint": PRESENT}, "AUTHOR", "PR+"),
    (CONDITIONAL, {"regent": PRESENT, "wordt": PRESENT, "afgelast": "VerbForm=Part"}, "AUTHOR", "Uu"),
    (COUNTERFACTUAL, {"had": PAST, "kunnen": "VerbForm=Inf"}, "AUTHOR", "CT-"),
    (QUESTION, {"Komt": PRESENT}, "AUTHOR", "Uu"),
], ids=["naar-verluidt", "naar-verluidt-parsed-as-root", "zou-allegation", "mogelijk", "geen-bevestiging",
        "onduidelijk", "naar-verwachting", "als", "had-kunnen", "question"])
def test_hedges_and_their_sources(table, morphs, source, factuality):
    [claim] = analysed(table, morphs)
    assert (claim.source, claim.factuality) == (source, factuality)


def test_the_expected_and_the_alleged_have_their_tense():
    [expected] = analysed(EXPECTED, {"begint": PRESENT})
    [alleged] = analysed(ALLEGED, {"zou": PAST, "hebben": "VerbForm=Inf", "achtergehouden": "VerbForm=Part"})
    assert (expected.tense, alleged.tense) == ("future", "past")


VISIT = """
De de DET 2 det
minister minister NOUN 3 nsubj
bezoekt bezoeken VERB 0 root
dinsdag dinsdag NOUN 3 obl
Brussel Brussel PROPN 3 obj B-LOC
. . PUNCT 3 punct
"""


def test_a_present_tense_clause_about_a_later_date_is_in_the_future():
    doc = parsed(VISIT, timexes=[("dinsdag", "2024-03-12")])
    doc[2].set_morph(PRESENT)
    doc._.published, doc._.quotes = dt.date(2024, 3, 10), []
    assert STAGE(doc)._.claims[0].tense == "future"
    doc._.published = dt.date(2024, 3, 12)
    assert STAGE(doc)._.claims[0].tense == "present"


def test_conjoined_clauses_are_two_claims():
    claims = analysed(TWO_CLAUSES, {"vertrok": PAST, "kwam": PAST})
    assert [c.content.text for c in claims] == ["De trein vertrok om acht uur", "kwam om tien uur aan"]
    assert all((c.source, c.factuality, c.tense) == ("AUTHOR", "CT+", "past") for c in claims)


def test_a_direct_quote_belongs_to_the_speaker_the_quotes_stage_resolved():
    text = "We gaan winnen, zei de trainer."
    quote = Quote(content=span_of(text, 0, 14), speaker="Piet de Trainer", cue=span_of(text, 16, 19), kind="direct")
    [claim] = analysed(DIRECT_QUOTE, {"gaan": PRESENT, "zei": PAST}, (quote,))
    assert claim.content.text == "We gaan winnen"
    assert (claim.source, claim.quote, claim.factuality) == ("Piet de Trainer", 0, "CT+")


def test_a_frame_without_quotes_names_its_subject():
    [claim] = analysed(DIRECT_QUOTE, {"gaan": PRESENT, "zei": PAST})
    assert claim.source == "de trainer" and claim.cue.text == "zei"


FRAGMENTED_DENIAL = """
Moskou Moskou PROPN 2 nsubj B-LOC
ontkent ontkennen VERB 0 root
dat dat SCONJ 5 mark
Noord-Korea Noord-Korea PROPN 5 nsubj B-LOC
bereid bereid ADJ 2 advcl
is zijn AUX 9 aux
wapens wapen NOUN 9 obj
te te ADP 9 mark
leveren leveren VERB 2 advcl
. . PUNCT 2 punct
"""

WANTS_MISTAGGED = """
Poetin Poetin PROPN 2 nsubj B-PER
wil willen VERB 0 root
wapens wapen NOUN 2 obj
kopen kopen NOUN 2 obj
. . PUNCT 2 punct
"""


def test_a_complement_the_parser_broke_in_two_is_one_claim():
    [claim] = analysed(FRAGMENTED_DENIAL, {"ontkent": PRESENT, "is": PRESENT})
    assert claim.content.text == "Noord-Korea bereid is wapens te leveren"
    assert (claim.factuality, claim.predicate, claim.arguments) == ("CT-", "leveren", ["Noord-Korea", "wapen"])


def test_the_predicate_of_wanting_is_the_wanted_even_when_tagged_as_a_noun():
    [claim] = analysed(WANTS_MISTAGGED, {"wil": PRESENT})
    assert (claim.factuality, claim.predicate, claim.arguments) == ("CT+", "kopen", ["Poetin", "wapen"])


WANTS_MISTAGGED_XCOMP = """
Poetin Poetin PROPN 2 nsubj B-PER
wil willen VERB 0 root
wapens wapen NOUN 4 obj
kopen kopen NOUN 2 xcomp
en en CCONJ 7 cc
wil willen VERB 4 conj
Kim Kim PROPN 6 nsubj B-PER
voedsel voedsel NOUN 6 obj
. . PUNCT 2 punct
"""


def test_the_wanted_infinitive_tagged_as_a_noun_xcomp_is_the_predicate_and_its_conjunct_another_claim():
    claims = analysed(WANTS_MISTAGGED_XCOMP, {"wil": PRESENT})
    assert [(c.predicate, c.content.text) for c in claims] == [
        ("kopen", "Poetin wil wapens kopen"), ("willen", "wil Kim voedsel")]


MISATTACHED = """
Het het PRON 2 nsubj
plan plan NOUN 0 root
werkt werken VERB 2 cop
, , PUNCT 7 punct
maar maar CCONJ 7 cc
vandaag vandaag ADV 2 advmod
faalt falen VERB 2 conj
het het PRON 7 nsubj
. . PUNCT 2 punct
"""


def test_a_word_of_the_next_conjunct_hung_on_this_one_stays_out():
    claims = analysed(MISATTACHED, {"werkt": PRESENT, "faalt": PRESENT})
    assert [c.content.text for c in claims] == ["Het plan werkt", "faalt het"]


def test_a_denial_verb_the_lemmatizer_missed_is_still_a_denial():
    table = DENIED.replace("ontkende ontkennen VERB", "ontkende ontkende VERB")
    [claim] = analysed(table, {"ontkende": PAST, "heeft": PRESENT, "aangevallen": "VerbForm=Part"})
    assert (claim.source, claim.factuality) == ("De woordvoerder", "CT-")


MISPARSED_DENIAL = """
Moskou Moskou PROPN 2 nsubj B-LOC
ontkent ontkennen VERB 0 root
dat dat SCONJ 4 mark
levering levering NOUN 2 nmod
van van ADP 6 case
wapens wapen NOUN 4 nmod
begonnen beginnen VERB 4 acl
is zijn AUX 7 aux
. . PUNCT 2 punct
"""


def test_a_quote_the_parse_gave_no_clause_is_still_a_claim_of_its_speaker():
    text = "Moskou ontkent dat levering van wapens begonnen is."
    start = text.index("levering")
    quote = Quote(content=span_of(text, start, text.index(".")), speaker="het Kremlin", kind="indirect",
                  cue=span_of(text, 7, 14))
    [claim] = analysed(MISPARSED_DENIAL, {"ontkent": PRESENT, "is": PRESENT}, (quote,))
    assert claim.content.text == "levering van wapens begonnen is"
    assert (claim.source, claim.factuality, claim.quote) == ("het Kremlin", "CT-", 0)


def test_a_hearsay_quote_whose_cue_the_parse_made_the_root_is_probable_and_unsourced():
    text = "Naar verluidt reizen er duizenden bewakers mee."
    quote = Quote(content=span_of(text, 14, text.index(".")), speaker=None, kind="indirect", cue=span_of(text, 0, 13))
    [claim] = analysed(HEARSAY_AS_ROOT, {"verluidt": PRESENT, "reizen": "VerbForm=Inf"}, (quote,))
    assert claim.content.text == "reizen er duizenden bewakers mee"
    assert (claim.source, claim.factuality) == (None, "PR+")


CONJUNCT_ON_A_NOUN = """
Er er ADV 4 advmod
zullen zullen AUX 4 aux
gesprekken gesprek NOUN 4 nsubj
plaatsvinden plaatsvinden VERB 0 root
tussen tussen ADP 7 case
twee twee NUM 7 nummod
ploegen ploeg NOUN 4 obl
, , PUNCT 17 punct
en en CCONJ 17 cc
daarna daarna ADV 17 advmod
zullen zullen AUX 17 aux
de de DET 13 det
trainers trainer NOUN 11 nsubj
, , PUNCT 16 punct
indien indien SCONJ 16 mark
nodig nodig ADJ 11 advcl
overleggen overleggen VERB 7 conj
. . PUNCT 4 punct
"""


def test_a_verb_conjoined_to_a_noun_is_a_claim_and_an_elliptical_condition_on_its_auxiliary_holds():
    first, second = analysed(CONJUNCT_ON_A_NOUN, {"zullen": PRESENT, "plaatsvinden": "VerbForm=Inf",
                                                   "overleggen": "VerbForm=Inf"})
    assert first.content.text == "Er zullen gesprekken plaatsvinden tussen twee ploegen"
    assert second.content.text.startswith("daarna zullen de trainers")
    assert (first.factuality, second.factuality) == ("CT+", "Uu")


def test_a_negated_belief_is_probably_not():
    [claim] = analysed(BELIEF_NEGATED, {"denk": PRESENT, "wint": PRESENT})
    assert (claim.content.text, claim.factuality) == ("de ploeg niet wint", "PR-")


def test_the_table_view_groups_the_ledger_by_source():
    from rich.console import Console

    from kroniek.records import Article, Contradiction
    from kroniek.terminal.claims import claims as claims_section
    from kroniek.terminal.claims import contradictions as contradictions_section

    text = "We gaan winnen, zei de trainer."
    found = analysed(DIRECT_QUOTE, {"gaan": PRESENT, "zei": PAST})
    other = found[0].model_copy(update={"id": 1, "source": "AUTHOR", "factuality": "CT-"})
    article = Article(id="t", text=text, claims=[*found, other],
                      contradictions=[Contradiction(claim_a=0, claim_b=1, reason="winnen: test", score=0.9)])
    console = Console(record=True, width=160)
    console.print(claims_section(article), contradictions_section(article))
    output = console.export_text()
    assert output.index("the author") < output.index("de trainer") and "CT+ ⚡" in output
    assert "winnen: test [0.90]" in output


@pytest.mark.parametrize("text, content", [
    ("„Dan blijkt dat de ploeg beter kan”, zei trainer Piet Mol.", "de ploeg beter kan"),
    ("„Gezegd moet worden dat de ploeg slecht speelde”, zei trainer Piet Mol.", "de ploeg slecht speelde"),
])
def test_a_claim_framed_without_a_source_inside_a_quote_is_the_speaker_s(text, content):
    from kroniek.analysis import analyze

    article = analyze(text)
    claim = next(c for c in article.claims if c.content.text == content)
    assert (article.quotes[0].speaker, claim.source) == ("Piet Mol", "Piet Mol")
