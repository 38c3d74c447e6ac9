"""Rule-based sentence boundaries for pipelines without a parser: Dutch quote marks and final marks.

`kroniek_sentences` splits after a sentence-final mark (and any closing quotes) before a word that
can open a sentence; the paragraphs stage has already started a sentence after every line break.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lang import read_lines, word_list


@cache
def _quote_marks(lang: str, side: int) -> frozenset[str]:
    """The opening (`side` 0) or closing (1) quote marks of a language."""
    return frozenset(line.split()[side] for line in read_lines(lang, "quote_marks"))


def _starts_sentence(token: Token, opening: frozenset[str]) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit() or token.text in opening or first in opening


def _split_points(doc: Doc) -> list[int]:
    """Indexes of tokens that start a sentence after a sentence-final mark and closing quotes."""
    lang = doc.lang_
    finals, opening, closing = word_list(lang, "sentence_final"), _quote_marks(lang, 0), _quote_marks(lang, 1)
    starts, i = [], 0
    while i < len(doc) - 1:
        if doc[i].text in finals:
            j = i + 1
            while j < len(doc) and (doc[j].text in closing or doc[j].text in finals or doc[j].is_space):
                j += 1
            if j < len(doc) and _starts_sentence(doc[j], opening):
                starts.append(j)
            i = j
        else:
            i += 1
    return starts


@Language.component(
    "kroniek_sentences", requires=["doc._.paragraphs"], assigns=["token.is_sent_start", "doc.sents"]
)
def split_sentences(doc: Doc) -> Doc:
    """Split sentences by rule where no trained component does: Dutch quote marks, headlines."""
    starts = set(_split_points(doc))
    for token in doc[1:]:
        if token.i in starts:
            token.is_sent_start = True
        elif token.is_sent_start is None:
            token.is_sent_start = False
    return doc
