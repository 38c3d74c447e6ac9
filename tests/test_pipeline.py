"""The pipeline's explicit stage order: pinned, checked against the stages' contracts, cycles refused."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kroniek.errors import PipelineError
from kroniek.pipeline import (
    ANALYSIS_STAGES,
    FALLBACK_STAGES,
    OPENING_STAGE,
    Stage,
    blank_pipeline,
    check_stage_order,
    kroniek_stages,
    load_pipeline,
)

PINNED_ORDER = [
    "kroniek_paragraphs.v1",
    "kroniek_entities.v2",
    "kroniek_places.v1",
    "kroniek_quotes.v1",
    "kroniek_timexes.v1",
    "kroniek_claims.v1",
    "kroniek_contradictions.v1",
    "kroniek_events.v1",
    "kroniek_quantities.v1",
]


def test_the_stage_order_is_pinned():
    assert [str(stage) for stage in (OPENING_STAGE, *ANALYSIS_STAGES)] == PINNED_ORDER
    assert [str(stage) for stage in FALLBACK_STAGES] == ["kroniek_sentences.v1"]


def test_the_shipped_pipeline_runs_the_stages_in_that_order():
    names = [name for name in load_pipeline().pipe_names if name.startswith("kroniek_")]
    assert names == [OPENING_STAGE.name, *kroniek_stages()]
    assert blank_pipeline().pipe_names == ["kroniek_paragraphs", "kroniek_sentences"]


def test_a_stage_before_the_one_it_depends_on_is_refused():
    misordered = (OPENING_STAGE, Stage("kroniek_claims", 1), Stage("kroniek_quotes", 1), *ANALYSIS_STAGES)
    with pytest.raises(PipelineError, match="kroniek_claims.*doc._.quotes.*later"):
        check_stage_order(misordered)


def test_two_stages_that_need_each_other_are_a_cycle():
    @Language.component("kroniek_test_hen", requires=["doc._.egg"], assigns=["doc._.hen"])
    def _hen(doc):
        return doc

    @Language.component("kroniek_test_egg", requires=["doc._.hen"], assigns=["doc._.egg"])
    def _egg(doc):
        return doc

    try:
        with pytest.raises(PipelineError, match="cycle"):
            check_stage_order((Stage("kroniek_test_hen", 1), Stage("kroniek_test_egg", 1)))
    finally:
        _forget("kroniek_test_hen", "kroniek_test_egg")


def test_a_registered_stage_missing_from_the_order_is_refused():
    @Language.component("kroniek_test_unlisted")
    def _unlisted(doc):
        return doc

    try:
        with pytest.raises(PipelineError, match="kroniek_test_unlisted.*not in the stage order"):
            kroniek_stages()
    finally:
        _forget("kroniek_test_unlisted")


def _forget(*names: str) -> None:
    """Take test components out of spaCy's global registry again."""
    import catalogue

    from kroniek.pipeline import registry

    for name in names:
        catalogue.REGISTRY.pop((*registry.factories.namespace, name), None)
