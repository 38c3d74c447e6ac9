"""Fitting the shared linear models: weights count a row as often as its weight says."""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from kroniek.train.logistic import fit  # noqa: E402


def test_a_weighted_row_pulls_the_model_towards_its_label():
    rows = [(("kleur=rood",), 1), (("kleur=rood",), 0), (("kleur=blauw",), 0), (("kleur=blauw",), 1)]
    even = fit(rows, regularisation=1.0)
    leaning = fit(rows, regularisation=1.0, weights=[5.0, 1.0, 1.0, 1.0])
    assert leaning.probability(("kleur=rood",)) > even.probability(("kleur=rood",)) + 0.2
