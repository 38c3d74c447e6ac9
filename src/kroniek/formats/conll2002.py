"""Read CoNLL-2002 named-entity files (``token POS IOB2-tag``) into documents of sentences.

``-DOCSTART-`` lines separate documents and blank lines separate sentences. The reader is shared by
the NER scorer and the training data converter; a malformed line raises GoldFormatError naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kroniek.errors import GoldFormatError

DOCSTART = "-DOCSTART-"
ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")


@dataclass
class NERSentence:
    """One sentence: its tokens and their IOB2 tags; `doc_index` counts the documents before it."""

    doc_index: int
    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def read_conll2002(path: str | Path) -> Iterator[NERSentence]:
    """Yield the sentences of `path` in order, each knowing which document it belongs to."""
    doc_index = 0
    sentence = NERSentence(doc_index)
    with open(path, encoding="utf-8", errors="strict") as lines:
        for number, raw in enumerate(lines, start=1):
            columns = raw.split()
            if columns and columns[0] == DOCSTART:
                doc_index += 1
                columns = []
            if not columns:
                if sentence.words:
                    yield sentence
                sentence = NERSentence(doc_index)
                continue
            word, tag = _parse_line(columns, f"{path}:{number}")
            sentence.words.append(word)
            sentence.tags.append(tag)
    if sentence.words:
        yield sentence


def _parse_line(columns: list[str], where: str) -> tuple[str, str]:
    if len(columns) < 2:
        raise GoldFormatError(f"{where}: expected 'token POS tag', found {len(columns)} column(s)")
    tag = columns[-1]
    if tag != "O" and (tag[:2] not in ("B-", "I-") or tag[2:] not in ENTITY_TYPES):
        raise GoldFormatError(
            f"{where}: tag '{tag}' is not O or B-/I- followed by one of {', '.join(ENTITY_TYPES)}"
        )
    return columns[0], tag


def spans_from_tags(tags: list[str]) -> set[tuple[int, int, str]]:
    """The entity spans (start, end, type) of one sentence, as conlleval reads IOB tags.

    An I- tag that does not continue an entity of its type starts a new one, as conlleval does.
    """
    spans = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            spans.add((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans
