"""Paragraph and sentence boundaries that know Dutch news: blank-line paragraphs, headlines, quotes.

`kroniek_paragraphs` runs first in every pipeline: it records the paragraphs and marks a sentence
start after every line break, so no sentence crosses a paragraph or swallows a headline; a trained
parser then respects those starts. `kroniek_sentences` is the rule-based splitter for pipelines that
have no parser or senter of their own.
"""

from __future__ import annotations

import re
from functools import cache

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..lang import read_lines, word_list
from ..records import Span

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[Span]:
    """The blank-line separated paragraphs of `text`, without surrounding whitespace."""
    spans, start = [], 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[start:end]
        stripped_start = start + len(chunk) - len(chunk.lstrip())
        stripped_end = start + len(chunk.rstrip())
        if stripped_end > stripped_start:
            spans.append(Span(start=stripped_start, end=stripped_end, text=text[stripped_start:stripped_end]))
        start = match.end() if match else end
    return spans


LINE_BREAK = re.compile(r"\n\s*")


def _line_starts(doc: Doc) -> list[int]:
    """Indexes of the first tokens after each line break, found from the text, not token by token."""
    offsets = doc.to_array([IDX])
    found = (int(numpy.searchsorted(offsets, m.end())) for m in LINE_BREAK.finditer(doc.text))
    return sorted({i for i in found if 0 < i < len(doc)})


@Language.component("kroniek_paragraphs", assigns=["doc._.paragraphs", "token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Record the paragraphs and start a sentence at the first word after every line break."""
    doc._.paragraphs = paragraph_spans(doc.text)
    for i in _line_starts(doc):
        if not doc[i].is_space:
            doc[i].is_sent_start = True
    return doc


@cache
def _opening_quotes() -> frozenset[str]:
    return frozenset(line.split()[0] for line in read_lines("nl", "quote_marks"))


@cache
def _closing_quotes() -> frozenset[str]:
    return frozenset(line.split()[1] for line in read_lines("nl", "quote_marks"))


def _starts_sentence(token: Token, opening: frozenset[str]) -> bool:
    first = token.text[0]
    return first.isupper() or first.isdigit() or token.text in opening or first in opening


def _split_points(doc: Doc) -> list[int]:
    """Indexes of tokens that start a sentence after a sentence-final mark and closing quotes."""
    finals, opening, closing = word_list("nl", "sentence_final"), _opening_quotes(), _closing_quotes()
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
