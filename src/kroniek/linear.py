"""Linear models kept as plain JSON weights, shared by Kroniek's learned stages.

A `LinearModel` is a logistic regression over string features (a bias, a weight per feature and a
decision threshold), scored in pure Python, so that no stage needs scikit-learn at run time. The
learned attribution models (`attribution/learned.py`) and the learned event triggers
(`events/learned.py`) are made of them; `train/logistic.py` fits them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over string features, with its decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))

    @classmethod
    def from_json(cls, data: dict) -> LinearModel:
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]), float(data["threshold"]))

    def to_json(self) -> dict:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}

    def score(self, features: Iterable[str]) -> float:
        """The bias plus the weights of the features present (the logit)."""
        return self.bias + sum(self.weights.get(feature, 0.0) for feature in features)

    def probability(self, features: Iterable[str]) -> float:
        """P(positive | features): the logistic of the score."""
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.score(features)))))


def shipped_folder(name: str) -> Path:
    """Where the shipped model `name` lives: inside the installed package, else in the checkout's models/."""
    package = Path(__file__).resolve().parent
    installed = package / "_models" / name
    return installed if installed.is_dir() else package.parents[1] / "models" / name
