"""`kroniek train events`: fit the learned event trigger classifier on the event corpus and the
tuning halves of the development gold.

The corpus (`train/event_corpus.py`, `data/annotations/events/`) and the tuning halves of the
development files with events (`event_corpus.tuning_documents`: the odd lines of
`../shared/data/gold-dev/claims-events-*.jsonl`) are analysed by the shipped pipeline up to the
events stage; every candidate token (`events/learned.py`) is labelled with the type of the gold
trigger it overlaps, or none. A binary logistic regression decides trigger or not, a multinomial one
the type (scikit-learn, fixed seed, `train/logistic.py`); a development candidate counts
`DEVELOPMENT_WEIGHT` corpus candidates. The trigger threshold is the one that scores best out of
fold: each tuning document is scored by models fitted on the corpus and the other tuning documents,
so the threshold suits the news gold the project is judged on, which marks fewer events than the
corpus guideline. The shipped models are fitted on all of it. The check halves (even lines) are
never read. CoNLL-2002 text is for research use only, and so are models trained on it: meta.json
says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..events.learned import TRIGGER_MODEL, TYPE_MODEL, TriggerModels, attribution_marks, candidates, trigger_features
from ..linear import LinearModel
from ..stages.events import TriggerLexicon
from .attribution_model import THRESHOLDS, tuned
from .event_corpus import DEVELOPMENT_FILES, counts, gold_documents, tuning_documents
from .logistic import SEED, fit, fit_classes, save

TRIGGER_REGULARISATION = 0.25
TYPE_REGULARISATION = 1.0
MIN_COUNT = 3
"""A feature seen in fewer candidates is left out: it would only memorise its few examples."""
TYPE_MIN_COUNT = 5
TYPE_DIGITS = 1
"""The type model only types words the lexicon does not list; coarser, it stays small."""
DEVELOPMENT_WEIGHT = 6.0
"""How many corpus candidates a candidate of the development gold counts: that gold shows which
events news gold marks (done by someone, outside quotes); the corpus, by its guideline, marks more."""
LICENCE = ("Trained on Kroniek's event corpus over CoNLL-2002 ned.train sentences, which are licensed for "
           "research use only; these weights are for research use only as well.")


@dataclass(frozen=True)
class Candidate:
    """One candidate token: its document, features, gold type (None: no trigger) and the weight it is
    fitted with."""

    doc_id: str
    features: tuple[str, ...]
    gold: str | None
    weight: float = 1.0


@dataclass(frozen=True)
class Prediction:
    """What a model fitted without a candidate's document made of it."""

    candidate: Candidate
    probability: float
    type: str


def labelled(records: list[dict], nlp, lexicon: TriggerLexicon, weight: float = 1.0) -> Iterator[Candidate]:
    """Every candidate of every document, labelled with the type of the gold trigger it overlaps."""
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        triggers = [(e["start"], e["start"] + len(e["trigger"]), e["type"]) for e in record["events"]]
        marks = attribution_marks(doc)
        for token, particle in candidates(doc):
            end = token.idx + len(token.text)
            gold = next((kind for start, stop, kind in triggers if start < end and token.idx < stop), None)
            features = trigger_features(lexicon, token, particle, marks.get(token.i, ()))
            yield Candidate(record["id"], features, gold, weight)


def fitted(data: list[Candidate], threshold: float = 0.5) -> TriggerModels:
    """Both models fitted on `data`, the trigger model with `threshold`."""
    trigger = fit([(c.features, int(c.gold is not None)) for c in data], TRIGGER_REGULARISATION, MIN_COUNT,
                  [c.weight for c in data])
    triggers = [c for c in data if c.gold is not None]
    types = fit_classes([(c.features, c.gold) for c in triggers], TYPE_REGULARISATION, TYPE_MIN_COUNT, TYPE_DIGITS,
                        weights=[c.weight for c in triggers])
    return TriggerModels(LinearModel(trigger.weights, trigger.bias, threshold), types)


def out_of_fold(corpus: list[Candidate], development: list[Candidate]) -> list[Prediction]:
    """Each development candidate as scored by models fitted on the corpus and the other documents."""
    predictions = []
    for doc_id in sorted({c.doc_id for c in development}):
        models = fitted(corpus + [c for c in development if c.doc_id != doc_id])
        predictions += [Prediction(c, models.probability(c.features), models.type_of(c.features))
                        for c in development if c.doc_id == doc_id]
    return predictions


def scores(predictions: list[Prediction], n_gold: int, threshold: float) -> dict:
    """Trigger precision, recall and F1 (against all `n_gold` gold triggers) at `threshold`, and type
    accuracy over the true triggers found."""
    found = [(p.candidate, p.type) for p in predictions if p.probability >= threshold]
    right = [kind == c.gold for c, kind in found if c.gold is not None]
    precision, recall = len(right) / max(len(found), 1), len(right) / max(n_gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "type_accuracy": round(sum(right) / max(len(right), 1), 4), "n_gold": n_gold}


def train_events(output: Path, nlp) -> dict:
    """Fit, tune and write both models and meta.json to `output`; the meta written."""
    lexicon = TriggerLexicon.load()
    records, tuning = gold_documents(), tuning_documents()
    if not tuning:
        raise FileNotFoundError(f"no development gold {DEVELOPMENT_FILES} in ../shared/data/gold-dev")
    corpus = list(labelled(records, nlp, lexicon))
    development = list(labelled(tuning, nlp, lexicon, DEVELOPMENT_WEIGHT))
    n_tuning = sum(len(r["events"]) for r in tuning)
    predictions = out_of_fold(corpus, development)
    models = fitted(corpus + development)
    chosen, _ = tuned(models.trigger, lambda t: scores(predictions, n_tuning, t)["f1"], THRESHOLDS)
    trigger, types = TriggerModels(chosen, models.types).to_json()
    meta = _meta(records, tuning, len(corpus) + len(development), scores(predictions, n_tuning, chosen.threshold),
                 chosen.threshold)
    save(output, {TRIGGER_MODEL: trigger, TYPE_MODEL: types}, meta, separators=(",", ":"))
    return meta


def _meta(records: list[dict], tuning: list[dict], n_candidates: int, held_out_scores: dict, threshold: float) -> dict:
    annotators = {name: row["events"] for name, row in counts().items()}
    return {
        "name": "kroniek event trigger models", "trained": dt.date.today().isoformat(),
        "data": ("Kroniek event corpus (data/annotations/events) over CoNLL-2002 ned.train and the project's own "
                 f"articles; the tuning halves (odd lines) of ../shared/data/gold-dev/{DEVELOPMENT_FILES}"),
        "split": ("threshold and scores out of fold over the tuning documents (each scored by models fitted on the "
                  "corpus and the other tuning documents); shipped models fitted on all"),
        "size": {"documents": len(records), "event_mentions": sum(annotators.values()), "by_annotator": annotators,
                 "tuning_documents": len(tuning), "tuning_events": sum(len(r["events"]) for r in tuning),
                 "candidates": n_candidates},
        "model": {"kind": "logistic regressions (scikit-learn, lbfgs, L2): trigger or not; multinomial type",
                  "C_trigger": TRIGGER_REGULARISATION, "C_type": TYPE_REGULARISATION, "seed": SEED,
                  "min_feature_count": MIN_COUNT, "type_min_feature_count": TYPE_MIN_COUNT,
                  "type_weight_digits": TYPE_DIGITS, "development_weight": DEVELOPMENT_WEIGHT,
                  "threshold": threshold},
        "scores_held_out": held_out_scores,
        "licence": LICENCE,
    }
