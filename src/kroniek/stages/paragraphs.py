"""Paragraph boundaries that know Dutch news: blank-line paragraphs, headlines on their own line.

`kroniek_paragraphs` runs first in every pipeline: it records the paragraphs and marks a sentence
start after every line break, so no sentence crosses a paragraph or swallows a headline; a trained
parser then respects those starts.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

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
