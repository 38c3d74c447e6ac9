"""Builds a parsed Dutch Doc from a hand-written CoNLL-like table, so stages that read the parse can
be tested on exact analyses, independent of the trained model's mistakes.

One line per word: `word lemma UPOS head deprel [IOB-entity]`, head 1-based and 0 for the root.
"""

from __future__ import annotations

from collections.abc import Iterable
from textwrap import dedent

import spacy
from spacy.tokens import Doc

from kroniek import extensions  # noqa: F401  (registers doc._.mentions and the other layers)
from kroniek.records import Claim, Place, Timex, span_of
from kroniek.stages.entities import link_entities

NO_SPACE_BEFORE = frozenset(",.:;!?”’")
_VOCAB = spacy.blank("nl").vocab


def _spaces(words: list[str]) -> list[bool]:
    return [i + 1 < len(words) and words[i + 1][0] not in NO_SPACE_BEFORE for i in range(len(words))]


def _find(text: str, needle: str, nth: int = 0) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start


def parsed(table: str, places: Iterable[str] = (), timexes: Iterable[tuple[str, str | None]] = (),
           claims: Iterable[dict] = ()) -> Doc:
    """The Doc of `table`, with entities from its IOB column and the given places, timexes and claims
    (each named by its first occurrence in the text)."""
    rows = [line.split() for line in dedent(table).strip().splitlines()]
    words = [row[0] for row in rows]
    doc = Doc(
        _VOCAB, words=words, spaces=_spaces(words), lemmas=[row[1] for row in rows], pos=[row[2] for row in rows],
        heads=[int(row[3]) - 1 if row[3] != "0" else i for i, row in enumerate(rows)],
        deps=[row[4] for row in rows], ents=[row[5] if len(row) > 5 else "O" for row in rows],
    )
    link_entities(doc)
    text = doc.text
    doc._.places = [Place(**span_of(text, (s := _find(text, p)), s + len(p)).model_dump()) for p in places]
    doc._.timexes = [
        Timex(**span_of(text, (s := _find(text, t)), s + len(t)).model_dump(), type="DATE", value=v) for t, v in timexes
    ]
    doc._.claims = [_claim(text, i, c) for i, c in enumerate(claims)]
    return doc


def _claim(text: str, index: int, fields: dict) -> Claim:
    start = _find(text, fields["content"])
    content = span_of(text, start, start + len(fields["content"]))
    return Claim(id=index, content=content, **{k: v for k, v in fields.items() if k != "content"})
