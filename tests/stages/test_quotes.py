"""The quotes stage on hand-parsed Dutch: direct and reported speech, speakers resolved."""

from __future__ import annotations

import pytest

from kroniek.lang.speech import speech_lexicon
from kroniek.stages.quotes import QuoteFinder
from tests.stages.parsed import parsed

FINDER = QuoteFinder(speech_lexicon("nl"))

FRAMED_AFTER = """
,, ,, PUNCT 6 punct
Het het PRON 3 nsubj
wordt worden AUX 6 cop
een een DET 6 det
volwaardig volwaardig ADJ 6 amod
bezoek bezoek NOUN 0 root
'' '' PUNCT 6 punct
, , PUNCT 9 punct
zei zeggen VERB 6 parataxis
Kremlin-woordvoerder woordvoerder NOUN 9 nsubj
Dmitri Dmitri PROPN 10 appos B-PER
Peskov Peskov PROPN 11 flat I-PER
. . PUNCT 6 punct
"""

VOLGENS_AND_DENIAL = """
Volgens volgens ADP 3 case
Amerikaanse Amerikaans ADJ 3 amod
functionarissen functionaris NOUN 4 obl
wil willen VERB 0 root
Poetin Poetin PROPN 4 nsubj B-PER
wapens wapen NOUN 7 obj
kopen kopen VERB 4 xcomp
. . PUNCT 4 punct
Pyongyang Pyongyang PROPN 12 nsubj B-LOC
en en CCONJ 11 cc
Moskou Moskou PROPN 9 conj B-LOC
ontkennen ontkennen VERB 0 root
dat dat SCONJ 16 mark
Rusland Rusland PROPN 16 nsubj B-LOC
wapens wapen NOUN 16 obj
koopt kopen VERB 12 ccomp
. . PUNCT 12 punct
"""

IN_FOCUS = """
Lindsay Lindsay PROPN 3 nsubj B-PER
Davenport Davenport PROPN 1 flat I-PER
won winnen VERB 0 root
gisteren gisteren ADV 3 advmod
. . PUNCT 3 punct
,, ,, PUNCT 9 punct
Ik ik PRON 9 nsubj
ben zijn AUX 9 cop
blij blij ADJ 0 root
. . PUNCT 9 punct
'' '' PUNCT 9 punct
"""

PRONOUN = """
Minister minister NOUN 4 nsubj
Hugo Hugo PROPN 1 appos B-PER
Jonker Jonker PROPN 2 flat I-PER
sprak spreken VERB 0 root
in in ADP 6 case
Utrecht Utrecht PROPN 4 obl B-LOC
. . PUNCT 4 punct
Hij hij PRON 9 nsubj
zei zeggen VERB 0 root
dat dat SCONJ 14 mark
de de DET 12 det
maatregelen maatregel NOUN 14 nsubj
blijven blijven VERB 14 cop
nodig nodig ADJ 9 ccomp
. . PUNCT 9 punct
De de DET 17 det
minister minister NOUN 18 nsubj
benadrukte benadrukken VERB 0 root
dat dat SCONJ 22 mark
niemand niemand PRON 22 nsubj
is zijn AUX 22 cop
gewond gewond ADJ 18 ccomp
. . PUNCT 18 punct
"""

UNNAMED_AND_INVERTED = """
Naar naar ADP 2 case
verluidt verluiden VERB 3 advcl
reizen reizen VERB 0 root
er er ADV 3 advmod
duizenden duizend NUM 6 nummod
bewakers bewaker NOUN 3 nsubj
mee mee ADP 3 compound:prt
. . PUNCT 3 punct
De de DET 10 det
tijd tijd NOUN 12 nsubj
is zijn AUX 12 cop
rijp rijp ADJ 0 root
, , PUNCT 14 punct
zegt zeggen VERB 12 parataxis
de de DET 16 det
folder folder NOUN 14 nsubj
. . PUNCT 12 punct
"""

COLON = """
De de DET 2 det B-PER
Rooij Rooij PROPN 0 root I-PER
: : PUNCT 2 punct
,, ,, PUNCT 8 punct
Het het PRON 8 nsubj
was zijn AUX 8 cop
een een DET 8 det
gok gok NOUN 2 parataxis
. . PUNCT 8 punct
'' '' PUNCT 8 punct
"""


LEMMATIZER_SLIPS = """
Pastrana Pastrana PROPN 2 nsubj B-LOC
garandeerde garandeeren VERB 0 root
een een DET 5 det
veilig veilig ADJ 5 amod
toernooi toernooi NOUN 2 obj
. . PUNCT 2 punct
Een een DET 8 det
woordvoerder woordvoerder NOUN 9 nsubj
liet laten VERB 0 root
weten weten VERB 9 xcomp
dat dat SCONJ 14 mark
de de DET 13 det
verdachten verdachte NOUN 14 nsubj
verschijnen verschijnen VERB 9 ccomp
. . PUNCT 9 punct
"""

RELATIVE_AFTER_CONTENT = """
Zij zij PRON 2 nsubj
ontkennen ontkennen VERB 0 root
dat dat SCONJ 7 mark
Gent Gent PROPN 7 nsubj B-LOC
wapens wapen NOUN 7 obj
aan aan ADP 7 compound:prt
levert aanleveren VERB 2 ccomp
aan aan ADP 9 case
Brugge Brugge PROPN 7 obl B-LOC
, , PUNCT 14 punct
dat dat PRON 14 mark
ze ze PRON 14 nsubj
nodig nodig ADJ 14 xcomp
heeft hebben VERB 9 acl:relcl
. . PUNCT 2 punct
"""


def found(table: str) -> list[tuple[str, str | None, str]]:
    doc = FINDER(parsed(table))
    return [(q.content.text, q.speaker, q.kind) for q in doc._.quotes]


@pytest.mark.parametrize(
    "table, expected",
    [
        (FRAMED_AFTER, [("Het wordt een volwaardig bezoek", "Dmitri Peskov", "direct")]),
        (
            VOLGENS_AND_DENIAL,
            [("wil Poetin wapens kopen", "Amerikaanse functionarissen", "indirect"),
             ("Rusland wapens koopt", "Pyongyang en Moskou", "indirect")],
        ),
        (IN_FOCUS, [("Ik ben blij.", "Lindsay Davenport", "direct")]),
        (
            PRONOUN,
            [("de maatregelen blijven nodig", "Hugo Jonker", "indirect"),
             ("niemand is gewond", "Hugo Jonker", "indirect")],
        ),
        (
            UNNAMED_AND_INVERTED,
            [("reizen er duizenden bewakers mee", None, "indirect"), ("De tijd is rijp", "de folder", "indirect")],
        ),
        (COLON, [("Het was een gok.", "De Rooij", "direct")]),
        (
            LEMMATIZER_SLIPS,
            [("een veilig toernooi", "Pastrana", "indirect"), ("de verdachten verschijnen", "Een woordvoerder", "indirect")],
        ),
        (RELATIVE_AFTER_CONTENT, [("Gent wapens aan levert aan Brugge", "Zij", "indirect")]),
    ],
    ids=["framed-after", "volgens-and-denial", "in-focus", "pronoun-and-role", "unnamed-and-inverted", "colon",
         "lemmatizer-slips", "relative-clause-after-content"],
)
def test_quotes_and_their_speakers(table, expected):
    assert found(table) == expected


def test_speaker_role_is_split_from_the_name():
    quote = FINDER(parsed(FRAMED_AFTER))._.quotes[0]
    assert (quote.role, quote.speaker_span.text, quote.speaker_resolved, quote.cue.text) == (
        "Kremlin-woordvoerder", "Dmitri Peskov", True, "zei")


def test_a_description_is_an_unresolved_speaker():
    quote = FINDER(parsed(VOLGENS_AND_DENIAL))._.quotes[0]
    assert (quote.speaker_resolved, quote.speaker_entity, quote.cue.text) == (False, None, "Volgens")
