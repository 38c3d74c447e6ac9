"""Fixtures of the scorer tests: the shipped Dutch model alone, for the dev floors of NER and UD."""

from __future__ import annotations

import pytest
import spacy


@pytest.fixture(scope="session")
def shipped_model():
    """models/nl loaded by itself: the floors pin the trained model's own quality, fast."""
    from kroniek.pipeline import find_model

    model = find_model("nl")
    if model is None:
        pytest.skip("no shipped Dutch model")
    return spacy.load(model)
