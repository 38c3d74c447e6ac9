"""`kroniek train attribution`: fit the learned attribution models on the attribution corpus.

The corpus (`train/attribution_corpus.py`, `data/annotations/attribution/`) is parsed with the
shipped Dutch model; every content and speaker candidate (`attribution/features.py`) is labelled
from the gold quotes; two logistic regressions (scikit-learn, fixed seed) are fitted on the
training articles (odd article numbers) and their thresholds chosen on the held-out articles (even
numbers), which also give the scores in meta.json. The weights are written as plain JSON
(`attribution/learned.py` reads them without scikit-learn). CoNLL-2002 text is for research use
only, and so are models trained on it: meta.json says so.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..attribution.features import Candidate, SentenceFeatures
from ..attribution.learned import CONTENT_MODEL, SPEAKER_MODEL, accepted, best_choice
from ..lang.speech import speech_lexicon
from ..linear import LinearModel
from ..matching import half_union_overlap, match_spans, overlap
from .attribution_corpus import all_texts, annotated_documents, to_gold
from .logistic import SEED, fit, save

REGULARISATION = 0.5
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 19))
LICENCE = ("Trained on Kroniek's attribution corpus over CoNLL-2002 ned.train sentences, which are licensed for "
           "research use only; these weights are for research use only as well.")

Range = tuple[int, int]


@dataclass
class Example:
    """One parsed sentence with its gold quotes: (content, cue, speaker) character ranges."""

    doc_id: str
    features: SentenceFeatures
    gold: list[tuple[Range, Range | None, Range | None]]
    candidates: list[Candidate] = field(default_factory=list)


def held_out(doc_id: str) -> bool:
    """The corpus split: even article numbers are held out, odd ones train; the project's own
    articles (`own/<name>`) by the parity of a checksum of their name."""
    part = doc_id.split("/")[1]
    return (int(part) if part.isdigit() else zlib.crc32(part.encode("utf-8"))) % 2 == 0


def _near(text: str, words: str | None, around: int) -> Range | None:
    """The occurrence of `words` in `text` nearest to `around`."""
    if not words:
        return None
    starts, i = [], text.find(words)
    while i >= 0:
        starts.append(i)
        i = text.find(words, i + 1)
    start = min(starts, key=lambda s: abs(s - around))
    return start, start + len(words)


def gold_quotes(record: dict) -> list[tuple[Range, Range | None, Range | None]]:
    text = record["text"]
    return [
        ((q["start"], q["start"] + len(q["content"])), _near(text, q["cue"], q["start"]), _near(text, q["speaker"], q["start"]))
        for q in record["quotes"]
    ]


def examples(records: list[dict], nlp) -> Iterator[Example]:
    """Every sentence of the corpus, parsed, with its candidates and the gold quotes inside it."""
    lexicon = speech_lexicon("nl")
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        quotes = gold_quotes(record)
        for sentence in doc.sents:
            inside = [q for q in quotes if overlap(q[0], (sentence.start_char, sentence.end_char))]
            features = SentenceFeatures(sentence, lexicon)
            yield Example(record["id"], features, inside, list(features.candidates()))


def content_label(candidate: Candidate, gold: list[tuple[Range, Range | None, Range | None]], doc) -> int:
    """1 when the candidate's content matches a gold quote's and its cue is that quote's cue (if both have one)."""
    chars = (candidate.char_start, candidate.char_end)
    for content, cue, _ in gold:
        cue_ok = cue is None or candidate.cue is None or overlap(cue, (doc[candidate.cue].idx, doc[candidate.cue].idx + 1)) > 0
        if cue_ok and half_union_overlap(chars, content):
            return 1
    return 0


def speaker_rows(example: Example) -> Iterator[list[tuple[tuple[str, ...], int]]]:
    """For each gold quote some candidate finds: its speaker candidates, labelled (the group of one choice)."""
    for content, _, speaker in example.gold:
        found = next((c for c in example.candidates if half_union_overlap((c.char_start, c.char_end), content)), None)
        if found is None:
            continue
        rows = [
            (features, int(speaker is not None and speaker[0] <= token.idx < speaker[1]))
            for token, features in example.features.speakers(example.features.anchor(found), found.start, found.end)
        ]
        if rows or speaker is None:
            yield rows


def decode(model: LinearModel, candidates: list[Candidate], threshold: float) -> list[Range]:
    """The contents the stage would keep in one sentence at `threshold` (as LearnedAttribution.find does)."""
    return [(c.char_start, c.char_end) for _, c in accepted(model, candidates, threshold)]


def content_scores(model: LinearModel, data: list[Example], threshold: float) -> dict:
    """Content precision, recall and F1 of the learned statements alone on `data`."""
    n_gold = n_pred = n_match = 0
    for example in data:
        predicted = decode(model, example.candidates, threshold)
        n_gold, n_pred = n_gold + len(example.gold), n_pred + len(predicted)
        n_match += len(match_spans([g[0] for g in example.gold], predicted))
    precision, recall = n_match / max(n_pred, 1), n_match / max(n_gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4), "n_gold": n_gold}


def speaker_accuracy(model: LinearModel, groups: list[list[tuple[tuple[str, ...], int]]], threshold: float) -> float:
    """How often the choice (the best candidate over the threshold, else no one) is right."""
    at_threshold = LinearModel(model.weights, model.bias, threshold)
    right = 0
    for rows in groups:
        chosen = best_choice(at_threshold, [features for features, _ in rows])
        right += rows[chosen][1] == 1 if chosen is not None else not any(label for _, label in rows)
    return round(right / max(len(groups), 1), 4)


def tuned(model: LinearModel, score, thresholds: Iterable[float] = THRESHOLDS) -> tuple[LinearModel, float]:
    """The model with the threshold that scores best on held-out data (nearest 0.5 on ties), and that score."""
    best = max(thresholds, key=lambda t: (score(t), -abs(t - 0.5)))
    return LinearModel(model.weights, model.bias, best), score(best)


def train_attribution(output: Path, nlp) -> dict:
    """Fit, tune and write both models and meta.json to `output`; the meta written."""
    texts = all_texts()
    records = [to_gold(record, texts[record["doc"]]) for record in annotated_documents()]
    data = list(examples(records, nlp))
    train = [e for e in data if not held_out(e.doc_id)]
    check = [e for e in data if held_out(e.doc_id)]
    content_rows = [(c.features, content_label(c, e.gold, e.features.doc)) for e in train for c in e.candidates]
    content_model = fit(content_rows, REGULARISATION)
    content, _ = tuned(content_model, lambda t: content_scores(content_model, check, t)["f1"])
    speaker_groups = [rows for e in train for rows in speaker_rows(e)]
    check_groups = [rows for e in check for rows in speaker_rows(e)]
    speaker_model = fit([row for rows in speaker_groups for row in rows], REGULARISATION)
    speaker, speaker_acc = tuned(speaker_model, lambda t: speaker_accuracy(speaker_model, check_groups, t))
    meta = _meta(records, content_rows, speaker_groups, content_scores(content, check, content.threshold), speaker_acc)
    save(output, {CONTENT_MODEL: content.to_json(), SPEAKER_MODEL: speaker.to_json()}, meta, indent=0)
    return meta


def _meta(records: list[dict], content_rows: list, speaker_groups: list, content: dict, speaker_acc: float) -> dict:
    train_docs = [r for r in records if not held_out(r["id"])]
    return {
        "name": "kroniek attribution models", "trained": dt.date.today().isoformat(),
        "data": "Kroniek attribution corpus (data/annotations/attribution) over CoNLL-2002 ned.train",
        "split": "train: odd article numbers; held out: even article numbers (threshold choice and scores)",
        "size": {"documents": len(records), "train_documents": len(train_docs),
                 "quotes": sum(len(r["quotes"]) for r in records), "train_quotes": sum(len(r["quotes"]) for r in train_docs),
                 "content_candidates": len(content_rows), "speaker_choices": len(speaker_groups)},
        "model": {"kind": "logistic regression (scikit-learn, lbfgs, L2)", "C": REGULARISATION, "seed": SEED},
        "scores_held_out": {"content_learned_only": content, "speaker_accuracy": speaker_acc},
        "licence": LICENCE,
    }
