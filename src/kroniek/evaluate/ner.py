"""Score named entities against CoNLL-2002 gold, as conlleval does: exact span and type.

The pipeline runs on the gold tokens of each sentence (no re-tokenisation). Only predicted entities
of the gold types (PER, ORG, LOC, MISC) are scored, so that a pipeline that also labels other kinds
of spans is not charged for them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from kroniek.errors import GoldFormatError
from kroniek.formats.conll2002 import ENTITY_TYPES, read_conll2002, spans_from_tags

BATCH_SIZE = 64


def evaluate(gold_path: str | Path, nlp: Language) -> dict:
    """Precision, recall and F1 overall and per type, with the gold and predicted entity counts."""
    sentences = list(read_conll2002(gold_path))
    if not sentences:
        raise GoldFormatError(f"{gold_path}:1: no sentences")
    docs = (Doc(nlp.vocab, words=s.words) for s in sentences)
    counts = Counter()
    for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=BATCH_SIZE), strict=True):
        _count(counts, spans_from_tags(sentence.tags), _predicted_spans(doc))
    return _metrics(counts)


def _predicted_spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(ent.start, ent.end, ent.label_) for ent in doc.ents if ent.label_ in ENTITY_TYPES}


def _count(counts: Counter, gold: set, predicted: set) -> None:
    for kind, spans in (("gold", gold), ("pred", predicted), ("correct", gold & predicted)):
        for _start, _end, label in spans:
            counts[kind, label] += 1
            counts[kind, None] += 1


def _scores(correct: int, n_gold: int, n_pred: int) -> dict:
    precision = correct / n_pred if n_pred else 0.0
    recall = correct / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "n_gold": n_gold, "n_pred": n_pred}


def _metrics(counts: Counter) -> dict:
    def scores(label):
        return _scores(counts["correct", label], counts["gold", label], counts["pred", label])

    return {**scores(None), "per_type": {label: scores(label) for label in ENTITY_TYPES}}
