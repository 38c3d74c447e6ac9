"""Coreference metrics: worked examples from the metrics' definitions, and properties on random partitions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kroniek.evaluate.coreference import b_cubed, ceaf_e, coreference_scores, muc

KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
"""Two entities: {a, b, c} and {d, e}."""


def test_a_perfect_response_scores_one_everywhere():
    assert coreference_scores(KEY, dict(KEY)) == {"muc": 1.0, "b3": 1.0, "ceafe": 1.0, "conll_f1": 1.0}


def test_all_singletons_keep_no_link():
    singletons = {m: m for m in KEY}
    assert muc(KEY, singletons) == 0.0
    assert b_cubed(KEY, singletons) == pytest.approx(2 * 1.0 * 0.4 / 1.4)  # precision 1, recall (1/3*3 + 1/2*2)/5


def test_merging_everything_keeps_all_links_but_one_wrong():
    merged = {m: 0 for m in KEY}
    assert muc(KEY, merged) == pytest.approx(2 * 0.75 * 1.0 / 1.75)  # precision 3/4, recall 3/3
    assert ceaf_e(KEY, merged) == pytest.approx(0.5)  # best pair phi4({a,b,c}, all) = 6/8: precision 0.75, recall 0.375


partitions = st.dictionaries(st.integers(0, 30), st.integers(0, 6), min_size=1, max_size=25)


@given(partitions, st.data())
def test_scores_lie_between_zero_and_one_and_identity_is_perfect(key, data):
    response = {m: data.draw(st.integers(0, 6)) for m in key}
    for value in coreference_scores(key, response).values():
        assert 0.0 <= value <= 1.0 + 1e-9
    assert coreference_scores(key, dict(key))["b3"] == pytest.approx(1.0)


@given(partitions, st.data())
def test_scores_are_symmetric_in_f1(key, data):
    response = {m: data.draw(st.integers(0, 6)) for m in key}
    assert coreference_scores(key, response) == pytest.approx(coreference_scores(response, key))
