"""The learned event triggers: which verbs and nouns are event mentions, and of which type.

Every verb and noun that is not an auxiliary, a copula, an adjectival use or part of a name is a
candidate. Its features (`trigger_features`) are its lemma (with a separable particle joined), part
of speech, dependency relation, head, subject and object lemmas, what the trigger lexicon says of
it (its type under the lexicon's conditions, and the type of its bare lemma: the lexicon is a
feature, not the decision), the suffix that marks a nominalisation, its capitalisation, who takes
part (`_participants`: a subject, door-agent, possessive or "van"/"door" phrase, and whether it is
a name, a pronoun or a noun; whether an argument or the sentence names a person or organisation),
and what the attribution stages made of it (`attribution_marks`: inside a direct, indirect or mixed
quote; the cue of a quote or claim). News gold marks events that someone does, outside quotes.
`models/events/trigger.json` (a `kroniek.linear.LinearModel`) decides whether the candidate is a
trigger, and `types.json` (one linear model a type) which type it has: the one that scores
highest. `kroniek train events` (`train/event_model.py`) rebuilds both from the event corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc, Token

from ..errors import PipelineError, missing_model_message
from ..linear import LinearModel, shipped_folder
from ..syntax.clause import is_a

MODEL_NAME = "events"
TRIGGER_MODEL = "trigger.json"
TYPE_MODEL = "types.json"
CANDIDATE_POS = frozenset(("VERB", "NOUN"))
NOT_CANDIDATE_DEPS = frozenset(("aux", "aux:pass", "cop", "amod", "flat", "fixed"))
NOMINAL_SUFFIXES = ("ing", "atie", "tie", "sie", "heid", "ment", "age", "nis", "schap", "st", "sel", "ie")
"""Endings of Dutch nominalisations ("overname" has none: its lemma tells)."""
ARGUMENT_DEPS = frozenset(("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod"))
SUBJECT_DEPS = ("nsubj", "nsubj:pass")
NAMED = frozenset(("PER", "ORG"))


class Lexicon(Protocol):
    """What the features read of the events stage's trigger lexicon."""

    @property
    def types(self) -> dict[str, str]: ...

    def lookup(self, token: Token, particle: Token | None = None) -> str | None: ...

    def entry(self, token: Token, particle: Token | None) -> str | None: ...


@dataclass(frozen=True)
class TriggerModels:
    """The two learned decisions: is it a trigger, and of which type."""

    trigger: LinearModel
    types: dict[str, LinearModel]

    def probability(self, features: tuple[str, ...]) -> float:
        return self.trigger.probability(features)

    def type_of(self, features: tuple[str, ...]) -> str:
        """The type whose model scores highest (the first in name order on ties)."""
        return max(sorted(self.types), key=lambda name: self.types[name].score(features))

    def to_json(self) -> tuple[dict, dict]:
        return self.trigger.to_json(), {name: model.to_json() for name, model in sorted(self.types.items())}


@lru_cache(maxsize=4)
def trigger_models(folder: str = "") -> TriggerModels:
    """The models of `folder`, by default the shipped models/events; read once."""
    path = Path(folder) if folder else shipped_folder(MODEL_NAME)
    if not (path / TRIGGER_MODEL).is_file() or not (path / TYPE_MODEL).is_file():
        raise PipelineError(missing_model_message("learned event trigger model", str(path), "kroniek train events"))
    types = json.loads((path / TYPE_MODEL).read_text(encoding="utf-8"))
    return TriggerModels(LinearModel.load(path / TRIGGER_MODEL), {k: LinearModel.from_json(v) for k, v in types.items()})


def candidates(doc: Doc) -> Iterator[tuple[Token, Token | None]]:
    """Every verb and noun that may be a trigger, with its separable particle (or None)."""
    particles: dict[int, Token] = {}
    for token in doc:
        if token.dep_ == "compound:prt":
            particles.setdefault(token.head.i, token)
    for token in doc:
        if token.pos_ in CANDIDATE_POS and token.dep_ not in NOT_CANDIDATE_DEPS and not token.ent_type_:
            yield token, particles.get(token.i)


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower().replace("_", "")


def attribution_marks(doc: Doc) -> dict[int, tuple[str, ...]]:
    """Token index to what the quotes and claims stages made of it: `quote=<kind>` for a token
    inside a quote's content, `is_cue` for a token of a quote's or claim's cue."""
    marks: dict[int, list[str]] = {}
    quotes = doc._.quotes or []
    cues = [q.cue for q in quotes] + [c.cue for c in doc._.claims or []]
    spans = [(q.content, f"quote={q.kind}") for q in quotes] + [(cue, "is_cue") for cue in cues if cue is not None]
    for span, mark in spans:
        for token in doc.char_span(span.start, span.end, alignment_mode="expand") or ():
            marks.setdefault(token.i, []).append(mark)
    return {i: tuple(dict.fromkeys(found)) for i, found in marks.items()}


def trigger_features(lexicon: Lexicon, token: Token, particle: Token | None,
                     marks: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The features of one candidate (see the module docstring); `marks` its `attribution_marks`."""
    lemma = _lemma(token)
    if particle is not None and not lemma.startswith(particle.lower_):
        lemma = particle.lower_ + lemma
    pos, dep = token.pos_, token.dep_.split(":")[0]
    listed = lexicon.lookup(token, particle) or "none"
    entry = lexicon.entry(token, particle)
    bare = lexicon.types[entry] if entry else "none"
    features = [f"lemma={lemma}", f"pos={pos}", f"dep={dep}", f"pos_dep={pos}_{dep}", f"lex={listed}",
                f"lex_pos={listed}_{pos}", f"bare={bare}", f"bare_pos={bare}_{pos}", f"lemma_pos={lemma}_{pos}",
                f"head={_lemma(token.head)}", f"head_pos={token.head.pos_}", f"suf3={lemma[-3:]}"]
    features += _context(token, particle, lemma)
    features += _participants(token)
    features += marks
    features += [f"suffix={s}" for s in NOMINAL_SUFFIXES if pos == "NOUN" and lemma.endswith(s)][:1]
    features += [f"form={form}" for form in token.morph.get("VerbForm", [])]
    if token.is_title and token.i != token.sent.start:
        features.append("capitalised")
    return tuple(features)


def _context(token: Token, particle: Token | None, lemma: str) -> list[str]:
    """Arguments and modifiers: subject and object lemmas, the particle, a determiner, a preposition."""
    found = [f"{c.dep_.split(':')[0]}={_lemma(c)}" for c in token.children if c.dep_ in ARGUMENT_DEPS]
    found += [f"{lemma}+{c.dep_.split(':')[0]}={_lemma(c)}" for c in token.children if c.dep_ in ("obj", "obl")]
    found += [f"prt={particle.lower_}"] if particle is not None else []
    found += ["has_det"] if any(c.dep_ == "det" for c in token.children) else []
    found += [f"case={_lemma(c)}" for c in token.children if c.dep_ == "case"]
    return found


def _kind(token: Token) -> str:
    """A participant as a name, a pronoun or a noun."""
    return "name" if token.ent_type_ or token.pos_ == "PROPN" else "pron" if token.pos_ == "PRON" else "noun"


def _is_of_someone(noun: Token) -> bool:
    """True for a phrase opened by a genitive or agent preposition ("van de minister", "door Shell")."""
    return any(g.dep_ == "case" and (is_a(g, "genitive_preposition") or is_a(g, "agent_preposition"))
               for g in noun.children)


def _participants(token: Token) -> list[str]:
    """Who takes part in the candidate event: its subject (or that it has none), door-agent,
    possessive and "van"/"door" phrase, and whether an argument or its sentence names someone."""
    children = list(token.children)
    subject = next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
    found = [f"subj={_kind(subject)}"] if subject is not None else ["subj=none"] if token.pos_ == "VERB" else []
    found += [f"agent={_kind(c)}" for c in children if c.dep_ == "obl:agent"][:1]
    found += ["possessive"] if any(c.dep_ == "nmod:poss" or c.dep_ == "det" and is_a(c, "possessive") for c in children) else []
    found += [f"of={_kind(c)}" for c in children if c.dep_ == "nmod" and _is_of_someone(c)][:1]
    arguments = (t for c in children if c.dep_.split(":")[0] in ARGUMENT_DEPS for t in c.subtree)
    found += ["argument_named"] if any(t.ent_type_ in NAMED for t in arguments) else []
    found += ["sentence_named"] if any(t.ent_type_ in NAMED for t in token.sent) else []
    return found
