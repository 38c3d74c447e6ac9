"""Long texts in sections: cut at blank lines (else after a sentence, else at whitespace) into pieces
the pipeline analyses one by one, then the pieces' Articles merged back into one.

Each stage costs more than linearly on some long documents and spaCy refuses texts over
`nlp.max_length`; sections keep the cost per word flat and any length analysable. A section's
offsets are shifted back into the whole text, and its entity, mention, quote and claim numbers
past those of the sections before it, so every id stays unique and every reference right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .records import LAYERS, Argument, Article, Claim, Contradiction, Entity, Event, Mention, Quote, Record, Span

WHOLE_CHARS = 60_000
"""A text up to this long (some 9,000 words) is analysed whole, so that an article's people, pronouns and
quotes are linked across all its paragraphs; only a longer one is cut into sections."""

SECTION_CHARS = 10_000
"""The most characters the pipeline sees at once: a long article. benchmarks/long_document.py measured
45,000 words at 1.07x the CPU of the same words as separate articles (1.20x with 25,000, 1.49x with
100,000) and 484 MB peak memory."""
SEPARATORS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"[.!?…][\"'”’»)]*\s+"),
    re.compile(r"\s+"),
)
"""Where a section may end, best first: after a blank line, after a sentence, after whitespace."""
REFERENCES: dict[type, dict[str, str]] = {
    Mention: {"entity": "entities"},
    Entity: {"id": "entities", "mentions": "mentions"},
    Quote: {"speaker_entity": "entities"},
    Claim: {"id": "claims", "source_entity": "entities", "quote": "quotes"},
    Contradiction: {"claim_a": "claims", "claim_b": "claims"},
    Event: {"claim": "claims"},
    Argument: {"entity": "entities"},
}
"""For each record type, its fields that number records of a layer (analysis-time contradictions
are within one article, so both their claims are renumbered)."""
MERGED = ("paragraphs", "sentences", *LAYERS)


def _section_end(text: str, start: int, limit: int) -> int:
    """Where the section that begins at `start` ends: the last good separator within `limit`."""
    if len(text) - start <= limit:
        return len(text)
    window = text[start:start + limit]
    for separator in SEPARATORS:
        ends = [match.end() for match in separator.finditer(window)]
        if ends and ends[-1] > 0:
            return start + ends[-1]
    return start + limit


@dataclass(frozen=True)
class Sectioning:
    """When a text is cut (longer than `whole` characters) and how long its sections are at most."""

    whole: int = WHOLE_CHARS
    section: int = SECTION_CHARS

    def parts(self, text: str) -> list[tuple[int, str]]:
        """The text whole, or its sections, each with its offset."""
        return [(0, text)] if len(text) <= self.whole else list(sections(text, self.section))


def sections(text: str, limit: int = SECTION_CHARS) -> Iterator[tuple[int, str]]:
    """The consecutive pieces of `text`, each at most `limit` characters, with their offsets."""
    start = 0
    while True:
        end = _section_end(text, start, limit)
        yield start, text[start:end]
        if end >= len(text):
            return
        start = end


def _numbering(merged: dict[str, list]) -> dict[str, int]:
    """The first free number of each numbered layer: indexes for most, ids for claims."""
    return {
        "entities": len(merged["entities"]), "mentions": len(merged["mentions"]), "quotes": len(merged["quotes"]),
        "claims": max((claim.id for claim in merged["claims"]), default=-1) + 1,
    }


def _moved(value, by: int):
    return [item + by for item in value] if isinstance(value, list) else value + by


def _renumbered(record: Record, shift: int, first: dict[str, int]) -> Record:
    """A copy of `record` (and the records inside it) with spans moved by `shift` and its
    references to other records moved past the numbers `first` says are taken."""
    update: dict[str, Any] = {name: _renumbered(value, shift, first) for name, value in record if isinstance(value, Record)}
    if isinstance(record, Span):
        update.update(start=record.start + shift, end=record.end + shift)
    for name, layer in REFERENCES.get(type(record), {}).items():
        if getattr(record, name) is not None:
            update[name] = _moved(getattr(record, name), first[layer])
    return record.model_copy(update=update)


def merge_sections(parts: list[tuple[int, Article]], text: str) -> Article:
    """One Article for the whole `text` from the Articles of its sections (with their offsets)."""
    if len(parts) == 1:
        return parts[0][1]
    merged: dict[str, list] = {name: [] for name in MERGED}
    for offset, part in parts:
        first = _numbering(merged)
        for name in MERGED:
            merged[name].extend(_renumbered(record, offset, first) for record in getattr(part, name))
    return parts[0][1].model_copy(update={"text": text, **merged})
