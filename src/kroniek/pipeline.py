"""Builds the analysis pipeline for a language and checks every stage's contract before it runs.

The pipeline is the shipped trained model for the language (tokenizer, tagger, parser, NER, …)
with Kroniek's stages after it, in the explicit, versioned order below. A stage declares what it
requires and assigns; the order is checked against those declarations (a stage that needs what a
later one assigns is an error), and before the first document the pipeline refuses to start when a
requirement is unmet, naming what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy import registry
from spacy.language import Language

from . import extensions, stages  # noqa: F401  (registers Doc attributes and stage factories)
from .errors import PipelineError, missing_requirements_message, stage_order_message
from .lang import DEFAULT_LANGUAGE, available_languages, language_module

PACKAGE_DIR = Path(__file__).resolve().parent

SUPPORTED_LANGUAGES = available_languages()


@dataclass(frozen=True)
class Stage:
    """A registered Kroniek stage and the version of its output; a change to what a stage assigns
    raises its version, so that records made by different versions can be told apart."""

    name: str
    version: int

    def __str__(self) -> str:
        return f"{self.name}.v{self.version}"


OPENING_STAGE = Stage("kroniek_paragraphs", 1)
"""Opens every pipeline, before the trained model: paragraphs, and a sentence start at each line break."""

ANALYSIS_STAGES = (
    Stage("kroniek_entities", 2),
    Stage("kroniek_places", 1),
    Stage("kroniek_quotes", 1),
    Stage("kroniek_timexes", 1),
    Stage("kroniek_claims", 1),
    Stage("kroniek_contradictions", 1),
    Stage("kroniek_events", 1),
    Stage("kroniek_quantities", 1),
)
"""The stages after the trained model, in the order they run."""

FALLBACK_STAGES = (Stage("kroniek_sentences", 1),)
"""The stages of the blank pipeline, after the opening one, when no trained model is shipped."""


def kroniek_stages() -> list[str]:
    """The names of the analysis stages in their order, checked: each comes after every Kroniek
    stage that assigns what it requires, and every registered stage is listed."""
    _check_every_stage_listed()
    check_stage_order((OPENING_STAGE, *ANALYSIS_STAGES))
    return [stage.name for stage in ANALYSIS_STAGES]


def _check_every_stage_listed() -> None:
    """Refuse a registered `kroniek_` factory that no list of stages names."""
    listed = {stage.name for stage in (OPENING_STAGE, *ANALYSIS_STAGES, *FALLBACK_STAGES)}
    unlisted = sorted(n for n in registry.factories.get_all() if n.startswith("kroniek_") and n not in listed)
    if unlisted:
        raise PipelineError(f"stage {', '.join(unlisted)} is registered but not in the stage order (pipeline.py)")


def check_stage_order(order: Iterable[Stage]) -> None:
    """Refuse an order in which a stage requires what only itself or a later stage assigns: a cycle
    or a misordering."""
    names = [stage.name for stage in order]
    metas = {name: Language.get_factory_meta(name) for name in names}
    for position, name in enumerate(names):
        later = {attr for other in names[position:] for attr in metas[other].assigns}
        earlier = {attr for other in names[:position] for attr in metas[other].assigns}
        waiting = sorted(attr for attr in metas[name].requires if attr in later and attr not in earlier)
        if waiting:
            raise PipelineError(stage_order_message(name, waiting, names))


def find_model(lang: str) -> Path | None:
    """The shipped model for `lang`: inside the installed package, else in the checkout's models/."""
    for candidate in (PACKAGE_DIR / "_models" / lang, PACKAGE_DIR.parents[1] / "models" / lang):
        if (candidate / "meta.json").is_file():
            return candidate
    return None


def blank_pipeline(lang: str = DEFAULT_LANGUAGE) -> Language:
    """The fallback pipeline: Kroniek's tokenizer rules and rule-based sentences, no trained model."""
    nlp = spacy.blank(lang)
    language_module(lang, "tokenizer").customize_tokenizer(nlp)
    for stage in (OPENING_STAGE, *FALLBACK_STAGES):
        nlp.add_pipe(stage.name)
    return nlp


def _trained_pipeline(model: Path, config: Mapping[str, dict]) -> Language:
    nlp = spacy.load(model)
    nlp.add_pipe(OPENING_STAGE.name, first=True)
    for stage in kroniek_stages():
        nlp.add_pipe(stage, config=config.get(stage, {}))
    return nlp


def build_pipeline(
    lang: str = DEFAULT_LANGUAGE, model: Path | None = None, exclude: Iterable[str] = (), config: Mapping[str, dict] | None = None
) -> Language:
    """A fresh pipeline for `lang`: the shipped model (or `model`) plus Kroniek's stages, checked.

    `config` overrides stage settings by stage name, e.g. `{"kroniek_quotes": {"attribution": "rules"}}`.
    Without any trained model it falls back to a blank tokenizer with the rule-based sentence
    splitter, so articles can still be read, stored and split into sentences.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise PipelineError(f"no pipeline for language '{lang}'; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    model = model or find_model(lang)
    nlp = _trained_pipeline(model, config or {}) if model else blank_pipeline(lang)
    for name in exclude:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    check_contracts(nlp)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(lang: str = DEFAULT_LANGUAGE) -> Language:
    """The shared, cached pipeline for `lang` (build_pipeline for a fresh or customised one)."""
    return build_pipeline(lang)


def check_contracts(nlp: Language) -> None:
    """Refuse a pipeline in which some stage requires what no earlier stage assigns."""
    analysis = nlp.analyze_pipes()
    for stage, missing in analysis["problems"].items():
        if missing:
            raise PipelineError(missing_requirements_message(stage, missing, nlp.pipe_names))
