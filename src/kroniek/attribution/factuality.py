"""How sure a source is of a clause (FactBank values) and when it happens, from Dutch cues.

The cues are data (`lang/nl/factuality_cues.txt`): negation, hedges, modal and tense auxiliaries,
the class of the verb that frames a reported clause. A clause starts certain and positive (CT+);
each cue can lower the certainty (CT > PR > PS > Uu) or flip the polarity:

- a frame verb sets the base: "ontkennen dat" is certain-not (CT-), "denken dat" probable (PR),
  "vragen of" uncommitted (Uu);
- hedges lower it: "naar verwachting" PR, "mogelijk" PS, "zou … kunnen" PS, present "moet" Uu;
- a negation in the clause flips the polarity, a counterfactual ("had … kunnen") too;
- a condition or a question, or a negated confirmation noun ("geen bevestiging"), make it Uu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Span, Token

from ..lang import DEFAULT_LANGUAGE, language_module, read_lines
from ..lang.speech import speech_lexicon
from ..syntax.clause import is_finite, is_past, verb_group
from ..syntax.clause import tense as clause_tense

CERTAINTY_ORDER = ("CT", "PR", "PS", "Uu")
"""From most to least committed; combining two cues keeps the less committed."""

FRAME_CERTAINTY = {"belief": "PR", "doubt": "PR", "ask": "Uu", "hearsay": "PR", "volition": "Uu"}
"""The certainty a frame of each class gives the clause it frames; other frames commit (CT)."""

NEGATING_FRAMES = frozenset({"deny", "doubt"})
WORD_CERTAINTY = {"probable": "PR", "possible": "PS", "appear": "PR", "uncertain": "Uu", "conditional": "Uu",
                  "hearsay": "PR"}
"""The certainty a hedging word or phrase of each class leaves its clause with."""

NOMINAL_DEPS = frozenset({"amod", "nmod", "det", "compound"})
"""A hedge inside a noun phrase ("het mogelijke pensioen") hedges the noun, not the clause."""
CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "conj", "appos"})
"""Dependents that open a clause of their own; their cues do not speak for the governing clause."""

@dataclass
class CueLexicon:
    """The cue classes of lemmas and of multi-word phrases, loaded once from the language data;
    `infinitives` guesses the infinitives of a verb form the lemmatizer got wrong."""

    words: dict[str, frozenset[str]]
    phrases: dict[tuple[str, ...], str]
    infinitives: Callable[[str], list[str]] = lambda form: []

    def classes(self, token: Token) -> frozenset[str]:
        """The classes of the token's lemma and of its lower-cased form (or, for a verb, of the
        first guessed infinitive the lexicon knows)."""
        found = self.words.get(lemma(token), frozenset()) | self.words.get(token.lower_, frozenset())
        if not found and token.pos_ in ("VERB", "AUX"):
            return self._verb_classes(token.lower_)
        return found

    def _verb_classes(self, form: str) -> frozenset[str]:
        cached = self.guessed.get(form)
        if cached is None:
            known = (self.words[f] for f in self.infinitives(form) if f in self.words)
            cached = self.guessed[form] = next(known, frozenset())
        return cached

    @cached_property
    def guessed(self) -> dict[str, frozenset[str]]:
        """Classes found through guessed infinitives, by form."""
        return {}

    def has(self, token: Token, cls: str) -> bool:
        """True when the token's lemma (or its form) is a cue of class `cls`."""
        return cls in self.classes(token)

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        """The first words of the cue phrases."""
        return frozenset(words[0] for words in self.phrases)

    def phrase_at(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        """The length and class of the longest cue phrase that starts at tokens[i], if any."""
        if tokens[i].lower_ not in self.phrase_starts:
            return None
        for length in (4, 3, 2):
            words = tuple(t.lower_ for t in tokens[i : i + length])
            if len(words) == length and words in self.phrases:
                return length, self.phrases[words]
        return None


FRAME_CLASSES = frozenset({"report", "confirm", "know", "deny", "belief", "doubt", "ask", "volition"})
"""Cue-verb classes whose verb, given a complement clause, frames it."""


@cache
def cue_lexicon(lang: str = DEFAULT_LANGUAGE) -> CueLexicon:
    """The cue lexicon of a language (`lang/<lang>/factuality_cues.txt`), with every reporting verb
    of the speech lexicon (`reporting_verbs.tsv`) that it gives no other frame class as `report`."""
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for line in read_lines(lang, "factuality_cues"):
        cue, cls = (cell.strip() for cell in line.split("\t"))
        if " " in cue:
            phrases[tuple(cue.split())] = cls
        else:
            words.setdefault(cue, set()).add(cls)
    for verb in speech_lexicon(lang).verb_frames:
        if " " not in verb and not words.get(verb, set()) & FRAME_CLASSES:
            words.setdefault(verb, set()).add("report")
    return CueLexicon({w: frozenset(c) for w, c in words.items()}, phrases, _infinitive_guesser(lang))


def _infinitive_guesser(lang: str) -> Callable[[str], list[str]]:
    """The language's infinitive guesses for a verb form (`lang/<lang>/verbforms.py`), with the
    stem's last consonant doubled after a short vowel too ("ontkent": "ontkenen", "ontkennen")."""
    try:
        guesses = language_module(lang, "verbforms").infinitive_guesses
    except ModuleNotFoundError:
        return lambda form: []

    def infinitives(form: str) -> list[str]:
        found = guesses(form, (), inflected_only=True)
        return found + [g[:-2] + g[-3] + "en" for g in found if len(g) > 4 and _short_closed(g[:-2])]

    return infinitives


def _short_closed(stem: str) -> bool:
    """A stem ending in one consonant after one vowel ("ontken", "zeg"), doubled before -en."""
    vowels = "aeiou"
    return stem[-1] not in vowels and stem[-2] in vowels and stem[-3] not in vowels


def lemma(token: Token) -> str:
    """The token's lemma, lower-cased, separable-verb underscores dropped; its form where it has none."""
    return (token.lemma_ or token.text).lower().replace("_", "")


def own_tokens(heads: list[Token], within: frozenset[int]) -> list[Token]:
    """The heads and their dependents among `within` that belong to their own clause, not to a
    relative, adverbial or nested one."""
    found, stack = [], list(heads)
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.i in within and c.dep_ not in CLAUSE_DEPS)
    return sorted(found, key=lambda t: t.i)


@dataclass
class Assessment:
    """The factuality of one clause and the cue that decided it."""

    certainty: str = "CT"
    negated: bool = False
    cue: Span | None = None

    def lower(self, certainty: str, cue: Span | None) -> None:
        """Keep the less committed of the current certainty and `certainty`."""
        if CERTAINTY_ORDER.index(certainty) > CERTAINTY_ORDER.index(self.certainty):
            self.certainty, self.cue = certainty, cue

    @property
    def value(self) -> str:
        """The FactBank value: CT+, CT-, PR+, PR-, PS+, PS- or Uu."""
        return "Uu" if self.certainty == "Uu" else f"{self.certainty}{'-' if self.negated else '+'}"


def _one(token: Token) -> Span:
    return token.doc[token.i : token.i + 1]


def _modal_cues(group: list[Token], lexicon: CueLexicon, assessment: Assessment) -> None:
    """"zou … kunnen": PS; present "moet": Uu; "had … kunnen" (counterfactual): flip the polarity.

    A plain "kan"/"kon" states an ability, which the source commits to; only "zou … kunnen" is a mere
    possibility."""
    modals = [t for t in group[:-1] if lexicon.has(t, "modal")] if len(group) > 1 else []
    would = any(lexicon.has(t, "future") and is_past(t) for t in group)
    for modal in modals:
        if lexicon.has(modal, "possibility") and would:
            assessment.lower("PS", _one(modal))
        elif lexicon.has(modal, "necessity") and is_finite(modal) and not is_past(modal):
            assessment.lower("Uu", _one(modal))
    if modals and any(lexicon.has(t, "perfect") and is_past(t) for t in group if t not in modals):
        assessment.negated = not assessment.negated


def _word_cues(tokens: list[Token], lexicon: CueLexicon, assessment: Assessment) -> None:
    """Negations, hedging adverbs and phrases among the clause's own words."""
    i = 0
    while i < len(tokens):
        phrase = lexicon.phrase_at(tokens, i)
        if phrase and phrase[1] in WORD_CERTAINTY:
            assessment.lower(WORD_CERTAINTY[phrase[1]], tokens[i].doc[tokens[i].i : tokens[i + phrase[0] - 1].i + 1])
            i += phrase[0]
            continue
        _word_cue(tokens[i], lexicon, assessment)
        i += 1


def _word_cue(token: Token, lexicon: CueLexicon, assessment: Assessment) -> None:
    classes = lexicon.classes(token)
    if "negation" in classes:
        if token.head.i != token.i and lexicon.has(token.head, "unconfirmed"):
            assessment.lower("Uu", _one(token))
        else:
            assessment.negated = not assessment.negated
    for cls in ("probable", "possible", "appear", "uncertain"):
        if cls in classes and token.dep_ not in NOMINAL_DEPS:
            assessment.lower(WORD_CERTAINTY[cls], _one(token))


def _conditions(head: Token, lexicon: CueLexicon, assessment: Assessment) -> None:
    """An adverbial clause opened by "als", "indien", "tenzij" … puts its clause under a condition,
    as does an elliptical one ("indien nodig"); the parser may hang either on an auxiliary."""
    for child in (c for verb in verb_group(head) for c in verb.children):
        if child.dep_ == "advcl" and (_heads_clause(child) or child.pos_ == "ADJ"):
            for mark in child.children:
                if mark.dep_ == "mark" and lexicon.has(mark, "conditional"):
                    assessment.lower("Uu", _one(mark))


def _heads_clause(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "cop") for c in token.children)


def _passive_expectation(head: Token, lexicon: CueLexicon, assessment: Assessment) -> None:
    """"Poetin wordt verwacht": a passive belief verb without a reported clause hedges its own (PR)."""
    if lexicon.has(head, "belief") and any(c.dep_ == "aux:pass" for c in head.children):
        assessment.lower("PR", _one(head))


def assess(head: Token, tokens: list[Token], frame_class: str | None, frame_cue: Span | None,
           lexicon: CueLexicon, question: bool = False) -> Assessment:
    """The factuality of the clause headed by `head`, with own words `tokens`, under a frame,
    in a sentence that asks a question or not."""
    assessment = Assessment(FRAME_CERTAINTY.get(frame_class or "", "CT"), frame_class in NEGATING_FRAMES, frame_cue)
    _word_cues(tokens, lexicon, assessment)
    _modal_cues(verb_group(head), lexicon, assessment)
    _conditions(head, lexicon, assessment)
    _passive_expectation(head, lexicon, assessment)
    if question:
        assessment.lower("Uu", None)
    return assessment


def tense(head: Token, lexicon: CueLexicon, assessment: Assessment) -> str:
    """Past, present or future of the clause (relative to the time of writing): the clause layer's
    reading of its verb group, where an expectation or obligation makes a present look ahead."""
    found = clause_tense(head)
    if found in (None, "present") and _looks_ahead(assessment, lexicon):
        return "future"
    return found or "present"


def _looks_ahead(assessment: Assessment, lexicon: CueLexicon) -> bool:
    """An expectation ("naar verwachting", "wordt verwacht") or an obligation ("moet") lies ahead."""
    cue = assessment.cue
    return cue is not None and any(lexicon.has(t, "expect") or lexicon.has(t, "necessity") for t in cue)
