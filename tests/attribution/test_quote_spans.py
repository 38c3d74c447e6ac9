"""Direct quotes between every Dutch convention of quote marks, and the marks that only look like one."""

from __future__ import annotations

import pytest

from kroniek.attribution.quote_spans import MarkReader, find_quoted
from kroniek.lang.speech import speech_lexicon
from kroniek.stages.paragraphs import paragraph_spans

READER = MarkReader(speech_lexicon("nl").quote_pairs)


def quoted(text: str, scare: bool = False) -> list[str]:
    paragraphs = [(p.start, p.end) for p in paragraph_spans(text)]
    return [text[q.start : q.end] for q in find_quoted(text, paragraphs, READER) if q.scare == scare]


@pytest.mark.parametrize(
    "text, contents",
    [
        (",,Het plan is van tafel.'' zei de wethouder.", ["Het plan is van tafel."]),
        (",,Dat klopt niet”, zei de woordvoerster.", ["Dat klopt niet"]),
        ("„We zijn er klaar voor”, aldus de burgemeester.", ["We zijn er klaar voor"]),
        ("“Geen commentaar”, liet het ministerie weten.", ["Geen commentaar"]),
        ('"Misschien later," zei hij.', ["Misschien later"]),
        ("«Nous restons», zei de Franse minister.", ["Nous restons"]),
        ("'We gaan gewoon door met het plan van de gemeente', zei ze.", ["We gaan gewoon door met het plan van de gemeente"]),
        ("De trainer:,, Ik ben tevreden. '' Daarna vertrok hij.", ["Ik ben tevreden."]),
        (",,Wij weten'', aldus Jansen,,, waar onze kansen liggen.''", ["Wij weten", "waar onze kansen liggen."]),
        (",,Eerst dit'', zei ze. ,,En dan dat.''", ["Eerst dit", "En dan dat."]),
        (",,Het begon goed.\n\nDaarna ging het mis.", ["Het begon goed."]),
        ("Van 't Klooster sloeg z'n bal 's middags weg.", []),
        ("Christus ' priesterschap is voor allen.", []),
    ],
)
def test_direct_quotes_in_every_convention(text, contents):
    assert quoted(text) == contents


@pytest.mark.parametrize(
    "text, fragments",
    [
        ("Hij noemde het een 'rotsituatie' en vertrok.", ["rotsituatie"]),
        ("Hij zou 'per ongeluk' ontvoerd zijn.", ["per ongeluk"]),
        (",,Ik zag 'een spook' lopen'', zei hij.", []),
    ],
)
def test_short_single_quotes_are_scare_quotes(text, fragments):
    assert quoted(text, scare=True) == fragments
