"""Fitting the linear models of `kroniek.linear` with scikit-learn, shared by the learned stages.

Rows are (features, label): a tuple of string features and a label. `fit` makes one binary model
(labels 0/1), `fit_classes` one model a class (a multinomial regression, whose per-class scores
are compared by `kroniek.linear`'s users); both keep only the weights that round to non-zero, so
that the shipped JSON stays small. `save` writes a model folder: its weights and its meta.json.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from pathlib import Path

from ..linear import LinearModel

SEED = 1903
WEIGHT_DIGITS = 4

Row = tuple[tuple[str, ...], Hashable]


def _fitted(rows: Sequence[Row], regularisation: float, min_count: int = 1, weights: Sequence[float] | None = None):
    """The vectoriser and the fitted scikit-learn regression of `rows` (each counted its weight,
    default 1), over the features that occur in at least `min_count` rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(feature for features, _ in rows for feature in set(features))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1 for f in features if seen[f] >= min_count} for features, _ in rows])
    model = LogisticRegression(C=regularisation, max_iter=2000, random_state=SEED, solver="lbfgs")
    model.fit(matrix, [label for _, label in rows], sample_weight=weights)
    return vectorizer, model


def _linear(names, coefficients, intercept: float, digits: int, threshold: float = 0.5) -> LinearModel:
    weights = {name: round(float(w), digits) for name, w in zip(names, coefficients, strict=True) if round(float(w), digits)}
    return LinearModel(dict(sorted(weights.items())), round(float(intercept), digits), threshold)


def fit(rows: Sequence[Row], regularisation: float, min_count: int = 1,
        weights: Sequence[float] | None = None) -> LinearModel:
    """A binary logistic regression over the rows' features, as JSON-ready weights (threshold 0.5)."""
    vectorizer, model = _fitted(rows, regularisation, min_count, weights)
    return _linear(vectorizer.get_feature_names_out(), model.coef_[0], model.intercept_[0], WEIGHT_DIGITS)


def fit_classes(rows: Sequence[Row], regularisation: float, min_count: int = 1, digits: int = 2,
                weights: Sequence[float] | None = None) -> dict[str, LinearModel]:
    """A multinomial logistic regression: one linear model a class (at least three classes), the
    class of a row being the one whose model scores highest."""
    vectorizer, model = _fitted(rows, regularisation, min_count, weights)
    names = vectorizer.get_feature_names_out()
    return {
        str(label): _linear(names, model.coef_[k], model.intercept_[k], digits)
        for k, label in enumerate(model.classes_)
    }


def save(output: Path, models: Mapping[str, object], meta: dict, **dumps) -> None:
    """Write each model's JSON (`json.dumps` settings `dumps`) and meta.json into `output`."""
    output.mkdir(parents=True, exist_ok=True)
    for name, content in models.items():
        (output / name).write_text(json.dumps(content, ensure_ascii=False, **dumps) + "\n", encoding="utf-8")
    (output / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
