"""The learned attribution models at run time: logistic regressions kept as plain JSON weights.

`models/attribution/content.json` scores content candidates (a cue with what it may attribute, or
a stretch between quote marks) and `speaker.json` scores the noun phrases that may name who speaks
(`attribution/features.py` makes both). A model file holds a bias, a weight per feature and the
decision threshold chosen on held-out articles; scoring is a sum of weights and a logistic, in
pure Python. `kroniek train attribution` (`train/attribution_model.py`) rebuilds them.

`LearnedAttribution` adds to the statements the rules found (none, when the rules are off) the
confident learned ones that overlap none of them, and gives a speaker to a statement that has none
when a candidate is confident. Beside the rules a learned statement must be more confident
(`THRESHOLD_WITH_RULES`) than on its own (the model's threshold): the rules are precise, and the
learned model is only to add what they miss.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..errors import PipelineError, missing_model_message
from ..lang.speech import SpeechLexicon
from ..linear import LinearModel, shipped_folder
from ..matching import overlap
from .features import Candidate, SentenceFeatures
from .reported import Attribution, token_range
from .speakers import Discourse, Speaker, noun_phrase

MODEL_NAME = "attribution"
CONTENT_MODEL = "content.json"
SPEAKER_MODEL = "speaker.json"
THRESHOLD_WITH_RULES = 0.8
"""Chosen on the tuning halves of the development gold: below it, most additions were wrong."""
LEARNED_CONFIDENCE_SCALE = 0.9
"""A learned statement's confidence is its probability scaled below a framed rule quote's 0.9."""


@dataclass(frozen=True)
class AttributionModels:
    """The two learned decisions: what is attributed, and to whom."""

    content: LinearModel
    speaker: LinearModel


@lru_cache(maxsize=4)
def learned_models(folder: str = "") -> AttributionModels:
    """The models of `folder`, by default the shipped models/attribution; read once."""
    path = Path(folder) if folder else shipped_folder(MODEL_NAME)
    if not (path / CONTENT_MODEL).is_file() or not (path / SPEAKER_MODEL).is_file():
        raise PipelineError(missing_model_message("learned attribution model", str(path), "kroniek train attribution"))
    return AttributionModels(LinearModel.load(path / CONTENT_MODEL), LinearModel.load(path / SPEAKER_MODEL))


def best_choice(model: LinearModel, candidates: list[tuple[str, ...]]) -> int | None:
    """The index of the most probable candidate (the first on ties) when it clears the model's
    threshold, else None: no one in the sentence is the speaker."""
    scored = [(model.probability(features), -i) for i, features in enumerate(candidates)]
    probability, i = max(scored, default=(0.0, 0))
    return -i if probability >= model.threshold else None


class LearnedAttribution:
    """Applies the learned models to one document."""

    def __init__(self, doc: Doc, lexicon: SpeechLexicon, models: AttributionModels, discourse: Discourse):
        self.doc, self.lexicon, self.models, self.discourse = doc, lexicon, models, discourse
        self.sentences = [SentenceFeatures(doc[start:end], lexicon) for start, end in discourse.sentence_bounds]

    def add_to(self, found: list[Attribution], threshold: float) -> list[Attribution]:
        """The rule findings, a speaker given to those without one, and the learned statements at or
        over `threshold` that overlap none of them."""
        for item in found:
            if item.speaker.name is None:
                item.speaker = self._speaker_for(item) or item.speaker
        return found + self.find(threshold, [(a.start, a.end) for a in found])

    def find(self, threshold: float, taken: list[tuple[int, int]]) -> list[Attribution]:
        """Every learned statement at or over `threshold` that overlaps no `taken` range, the best
        first within its sentence, without overlaps."""
        return [
            self._attribution(sentence, candidate, probability)
            for sentence in self.sentences
            for probability, candidate in accepted(self.models.content, sentence.candidates(), threshold)
            if not any(overlap((candidate.char_start, candidate.char_end), t) for t in taken)
        ]

    def _attribution(self, sentence: SentenceFeatures, candidate: Candidate, probability: float) -> Attribution:
        cue = sentence.anchor(candidate)
        speaker = self._choose(sentence, cue, candidate.start, candidate.end)
        kind = "direct" if candidate.quoted else "mixed" if any(i in sentence.in_marks for i in candidate.tokens) else "indirect"
        cue_range = token_range(self.doc[cue]) if cue is not None else None
        confidence = probability * LEARNED_CONFIDENCE_SCALE
        return Attribution(candidate.char_start, candidate.char_end, kind, speaker, cue_range, confidence)

    def _choose(self, sentence: SentenceFeatures, cue: int | None, start: int, end: int) -> Speaker:
        candidates = list(sentence.speakers(cue, start, end))
        chosen = best_choice(self.models.speaker, [features for _, features in candidates])
        return self.discourse.describe(noun_phrase(candidates[chosen][0])) if chosen is not None else Speaker()

    def _speaker_for(self, item: Attribution) -> Speaker | None:
        """A confident learned speaker for a rule finding that has none, from the sentence of its cue."""
        if item.cue is None:
            return None
        cue = self.doc.char_span(*item.cue, alignment_mode="expand")
        if cue is None or not len(cue):
            return None
        sentence = self.sentences[self.discourse.sentence_of[cue[0].i]]
        content = self.doc.char_span(item.start, item.end, alignment_mode="expand") or cue
        speaker = self._choose(sentence, cue[0].i, content.start, content.end)
        return speaker if speaker.name else None


def accepted(model: LinearModel, candidates: Iterable[Candidate], threshold: float) -> list[tuple[float, Candidate]]:
    """The candidates of one sentence at or over `threshold`, the most probable first, none sharing
    a content token or a cue with a more probable one; each with its probability."""
    kept: list[tuple[float, Candidate]] = []
    scored = sorted(((model.probability(c.features), c) for c in candidates), key=lambda row: (-row[0], row[1].start))
    for probability, candidate in scored:
        if probability >= threshold and not any(_clash(candidate, other) for _, other in kept):
            kept.append((probability, candidate))
    return kept


def _clash(a: Candidate, b: Candidate) -> bool:
    """Two candidates that share content tokens, or a cue."""
    return a.start < b.end and b.start < a.end or a.cue is not None and a.cue == b.cue
