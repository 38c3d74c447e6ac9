"""Builds the analysis pipeline for a language and checks every stage's contract before it runs.

The pipeline is the shipped trained model for the language (tokenizer, tagger, parser, NER, …)
with Kroniek's stages after it. A stage declares what it requires and assigns; before the first
document the pipeline refuses to start when a requirement is unmet, naming what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from spacy import registry
from spacy.language import Language

from . import extensions, stages  # noqa: F401  (registers Doc attributes and stage factories)
from .errors import PipelineError, missing_requirements_message

PACKAGE_DIR = Path(__file__).resolve().parent

FALLBACK_ONLY = ("kroniek_paragraphs", "kroniek_sentences")
"""Stages of the blank fallback pipeline; `kroniek_paragraphs` also opens every trained one."""

SUPPORTED_LANGUAGES = ("nl",)


def kroniek_stages() -> list[str]:
    """Every registered Kroniek stage but the fallback ones, ordered so each follows what it requires."""
    names = sorted(n for n in registry.factories.get_all() if n.startswith("kroniek_") and n not in FALLBACK_ONLY)
    metas = {name: Language.get_factory_meta(name) for name in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        assigned = {attr for name in ordered for attr in metas[name].assigns}
        ready = [n for n in names if n not in ordered and _satisfied(metas[n].requires, assigned, metas, n)]
        ordered.append(ready[0] if ready else next(n for n in names if n not in ordered))
    return ordered


def _satisfied(requires, assigned, metas, name) -> bool:
    """True when every requirement that some Kroniek stage assigns has been assigned already."""
    by_stages = {attr for other, meta in metas.items() if other != name for attr in meta.assigns}
    return all(attr in assigned for attr in requires if attr in by_stages)


def find_model(lang: str) -> Path | None:
    """The shipped model for `lang`: inside the installed package, else in the checkout's models/."""
    for candidate in (PACKAGE_DIR / "_models" / lang, PACKAGE_DIR.parents[1] / "models" / lang):
        if (candidate / "meta.json").is_file():
            return candidate
    return None


def blank_pipeline(lang: str = "nl") -> Language:
    """The fallback pipeline: Kroniek's tokenizer rules and rule-based sentences, no trained model."""
    from .lang.nl.tokenizer import customize_tokenizer

    nlp = spacy.blank(lang)
    customize_tokenizer(nlp)
    nlp.add_pipe("kroniek_paragraphs")
    nlp.add_pipe("kroniek_sentences")
    return nlp


def _trained_pipeline(model: Path, lang: str) -> Language:
    nlp = spacy.load(model)
    nlp.add_pipe("kroniek_paragraphs", first=True)
    for stage in kroniek_stages():
        nlp.add_pipe(stage)
    return nlp


def build_pipeline(lang: str = "nl", model: Path | None = None, exclude: Iterable[str] = ()) -> Language:
    """A fresh pipeline for `lang`: the shipped model (or `model`) plus Kroniek's stages, checked.

    Without any trained model it falls back to a blank tokenizer with the rule-based sentence
    splitter, so articles can still be read, stored and split into sentences.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise PipelineError(f"no pipeline for language '{lang}'; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    model = model or find_model(lang)
    nlp = _trained_pipeline(model, lang) if model else blank_pipeline(lang)
    for name in exclude:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    check_contracts(nlp)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(lang: str = "nl") -> Language:
    """The shared, cached pipeline for `lang` (build_pipeline for a fresh or customised one)."""
    return build_pipeline(lang)


def check_contracts(nlp: Language) -> None:
    """Refuse a pipeline in which some stage requires what no earlier stage assigns."""
    analysis = nlp.analyze_pipes()
    for stage, missing in analysis["problems"].items():
        if missing:
            raise PipelineError(missing_requirements_message(stage, missing, nlp.pipe_names))
