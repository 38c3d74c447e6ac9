"""`kroniek train events`: fit the learned event trigger classifier on the event corpus.

The corpus (`train/event_corpus.py`, `data/annotations/events/`) is parsed with the shipped Dutch
model; every candidate token (`events/learned.py`) is labelled with the type of the gold trigger it
overlaps, or none. A binary logistic regression decides trigger or not, a multinomial one the
type (scikit-learn, fixed seed, `train/logistic.py`). Both are first fitted on the training
articles (odd article numbers, the split of the attribution models) and the trigger threshold is
chosen on the held-out ones (even numbers), which also give the scores in meta.json; the shipped
models are then refitted on all articles, with that threshold. CoNLL-2002 text is for research use
only, and so are models trained on it: meta.json says so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..events.learned import TRIGGER_MODEL, TYPE_MODEL, TriggerModels, candidates, trigger_features
from ..linear import LinearModel
from ..stages.events import TriggerLexicon
from .attribution_model import THRESHOLDS, held_out, tuned
from .event_corpus import counts, gold_documents
from .logistic import SEED, fit, fit_classes

TRIGGER_REGULARISATION = 0.5
TYPE_REGULARISATION = 1.0
MIN_COUNT = 2
"""A feature seen once in the corpus is left out: it would only memorise its one example."""
LICENCE = ("Trained on Kroniek's event corpus over CoNLL-2002 ned.train sentences, which are licensed for "
           "research use only; these weights are for research use only as well.")


@dataclass(frozen=True)
class Candidate:
    """One candidate token of the corpus: its document, features and gold type (None: no trigger)."""

    doc_id: str
    features: tuple[str, ...]
    gold: str | None


def labelled(records: list[dict], nlp, lexicon: TriggerLexicon) -> Iterator[Candidate]:
    """Every candidate of every document, labelled with the type of the gold trigger it overlaps."""
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        triggers = [(e["start"], e["start"] + len(e["trigger"]), e["type"]) for e in record["events"]]
        for token, particle in candidates(doc):
            end = token.idx + len(token.text)
            gold = next((kind for start, stop, kind in triggers if start < end and token.idx < stop), None)
            yield Candidate(record["id"], trigger_features(lexicon, token, particle), gold)


def fitted(data: list[Candidate], threshold: float = 0.5) -> TriggerModels:
    """Both models fitted on `data`, the trigger model with `threshold`."""
    trigger = fit([(c.features, int(c.gold is not None)) for c in data], TRIGGER_REGULARISATION, MIN_COUNT)
    types = fit_classes([(c.features, c.gold) for c in data if c.gold is not None], TYPE_REGULARISATION, MIN_COUNT)
    return TriggerModels(LinearModel(trigger.weights, trigger.bias, threshold), types)


def scores(models: TriggerModels, data: list[Candidate], n_gold: int, threshold: float) -> dict:
    """Trigger precision, recall and F1 (against all `n_gold` gold triggers) and type accuracy over
    the true triggers found, of the models at `threshold` on `data`."""
    found = [(c, models.type_of(c.features)) for c in data if models.probability(c.features) >= threshold]
    right = [kind == c.gold for c, kind in found if c.gold is not None]
    precision, recall = len(right) / max(len(found), 1), len(right) / max(n_gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "type_accuracy": round(sum(right) / max(len(right), 1), 4), "n_gold": n_gold}


def train_events(output: Path, nlp) -> dict:
    """Fit, tune, refit and write both models and meta.json to `output`; the meta written."""
    records = gold_documents()
    data = list(labelled(records, nlp, TriggerLexicon.load()))
    train = [c for c in data if not held_out(c.doc_id)]
    check = [c for c in data if held_out(c.doc_id)]
    n_check = sum(len(r["events"]) for r in records if held_out(r["id"]))
    first = fitted(train)
    chosen, _ = tuned(first.trigger, lambda t: scores(first, check, n_check, t)["f1"], THRESHOLDS)
    held_out_scores = scores(first, check, n_check, chosen.threshold)
    models = fitted(data, chosen.threshold)
    output.mkdir(parents=True, exist_ok=True)
    for name, content in zip((TRIGGER_MODEL, TYPE_MODEL), models.to_json(), strict=True):
        (output / name).write_text(json.dumps(content, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    meta = _meta(records, data, held_out_scores, chosen.threshold)
    (output / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return meta


def _meta(records: list[dict], data: list[Candidate], held_out_scores: dict, threshold: float) -> dict:
    annotators = {name: row["events"] for name, row in counts().items()}
    return {
        "name": "kroniek event trigger models", "trained": dt.date.today().isoformat(),
        "data": "Kroniek event corpus (data/annotations/events) over CoNLL-2002 ned.train and the project's own articles",
        "split": "tuned on odd article numbers, threshold and scores on even ones; shipped models refitted on all",
        "size": {"documents": len(records), "event_mentions": sum(annotators.values()), "by_annotator": annotators,
                 "candidates": len(data)},
        "model": {"kind": "logistic regressions (scikit-learn, lbfgs, L2): trigger or not; multinomial type",
                  "C_trigger": TRIGGER_REGULARISATION, "C_type": TYPE_REGULARISATION, "seed": SEED,
                  "min_feature_count": MIN_COUNT,
                  "threshold": threshold},
        "scores_held_out": held_out_scores,
        "licence": LICENCE,
    }
