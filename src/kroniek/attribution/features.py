"""Candidates and features of the learned attribution models, read off the parse.

Two decisions are learned (`attribution/learned.py` applies them, `train/attribution_model.py`
fits them):

- content: a candidate is a cue with a stretch of its sentence that may be what the cue
  attributes: a verb with one of its clausal dependents ("zei [dat het regent]"), or with what
  precedes it ("[Het regent], zegt X"); an attribution phrase with the clause before or after it
  ("volgens X [regent het]"); or a stretch between quote-mark tokens (",, [Het regent] ''");
- speaker: a candidate is the head of a noun phrase of the sentence, outside the content, that may
  name who speaks.

Features are strings ("cue.lemma=zeggen", "dep=nsubj|head_is_cue"); everything is read from
tokens, parts of speech, dependencies, entity labels and the speech lexicon, never from spacing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lang.speech import SpeechLexicon
from ..syntax.clause import subject
from .reported import VERB_POS, frames_of, trimmed

CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "obj", "csubj"})
NOT_PHRASE_HEAD_DEPS = frozenset({"flat", "flat:name", "compound", "fixed", "det", "amod", "case", "nummod"})
SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON"})
LENGTH_BUCKETS = (1, 3, 7, 15, 30)
DISTANCE_BUCKETS = (1, 2, 4, 8)


@dataclass(frozen=True)
class Candidate:
    """A possible statement: its cue token (None for a quote-mark stretch), its content as a token
    range [start, end) and as characters (trimmed as the rules trim it), whether it is quoted
    between marks, and its features."""

    cue: int | None
    start: int
    end: int
    char_start: int
    char_end: int
    quoted: bool
    features: tuple[str, ...]

    @property
    def tokens(self) -> range:
        return range(self.start, self.end)


def bucket(value: int, bounds: tuple[int, ...]) -> str:
    """A small integer as the first bound it does not exceed ("8"), or "more"."""
    return next((str(bound) for bound in bounds if value <= bound), "more")


class SentenceFeatures:
    """Candidates and their features for one sentence."""

    def __init__(self, sentence: Span, lexicon: SpeechLexicon):
        self.sentence, self.lexicon, self.doc = sentence, lexicon, sentence.doc
        marks = {mark for pair in lexicon.quote_pairs for mark in pair} | {",,", "''", '"'}
        self.marks = [t.i for t in sentence if t.text in marks]
        self.in_marks = self._marked()

    def _marked(self) -> frozenset[int]:
        """Tokens between the first and last quote mark of the sentence (or to its edge for one)."""
        if not self.marks:
            return frozenset()
        if len(self.marks) == 1:
            mark = self.marks[0]
            side = range(mark, self.sentence.end) if mark - self.sentence.start < 2 else range(self.sentence.start, mark)
            return frozenset(side)
        return frozenset(range(self.marks[0], self.marks[-1] + 1))

    # --- content candidates ---------------------------------------------------------------------

    def candidates(self) -> Iterator[Candidate]:
        """Every content candidate of the sentence: verb cues, attribution phrases, quote marks."""
        for token in self.sentence:
            if token.pos_ in VERB_POS:
                yield from self._verb_candidates(token)
            elif token.lower_ in self.lexicon.phrase_starts:
                yield from self._phrase_candidates(token)
        yield from self._mark_candidates()

    def _verb_candidates(self, verb: Token) -> Iterator[Candidate]:
        spans = [(child.dep_, child.left_edge.i, child.right_edge.i + 1) for child in verb.children if child.dep_ in CONTENT_DEPS]
        if self._after_statement(verb):
            spans.append(("before", self.sentence.start, verb.left_edge.i))
        if not spans:
            return
        cue = self.cue_features(verb)
        for relation, start, end in spans:
            own = (f"rel={relation}", f"rel={relation}|{cue[0]}", f"rel={relation}|{cue[1]}")
            yield from self._candidate(verb.i, start, end, (*cue, *own))

    def _after_statement(self, verb: Token) -> bool:
        """Whether punctuation stands right before the verb ("…, zegt X", "…'' zo meldt X")."""
        if verb.i < self.sentence.start + 2:
            return False
        before = verb.i - 1 - (self.doc[verb.i - 1].lower_ == "zo")
        return before > self.sentence.start and self.doc[before].is_punct

    def _phrase_candidates(self, word: Token) -> Iterator[Candidate]:
        """"volgens X …", "…, aldus X", "naar verluidt …": the clause before or after the phrase."""
        match = self.lexicon.phrase_at([t.lower_ for t in self.doc[word.i : word.i + self.lexicon.longest_phrase]])
        if match is None:
            return
        words, kind = match
        first, last = word.i, word.i + len(words) - 1
        if kind == "source_follows" and self.doc[last].head.i > last:
            last = max(last, self.doc[last].head.right_edge.i)
        cue = (f"phrase={' '.join(words)}", f"phrase.kind={kind}", f"phrase.dep={self.doc[last].dep_}")
        if first > self.sentence.start + 1:
            yield from self._candidate(word.i, self.sentence.start, first, (*cue, "rel=phrase_after"))
        if last + 2 < self.sentence.end:
            yield from self._candidate(word.i, last + 1, self.sentence.end, (*cue, "rel=phrase_before"))

    def _mark_candidates(self) -> Iterator[Candidate]:
        bounds = [self.sentence.start - 1, *self.marks, self.sentence.end]
        for left, right in zip(bounds, bounds[1:], strict=False):
            if right - left > 2 and (left in self.marks or right in self.marks):
                yield from self._candidate(None, left + 1, right, self._mark_features(left, right))

    def _mark_features(self, left: int, right: int) -> tuple[str, ...]:
        doc, start, end = self.doc, self.sentence.start, self.sentence.end
        before = doc[left - 1].lower_ if left - 1 >= start else "^"
        after = doc[right + 1] if right + 1 < end else None
        after_verb = any(t.pos_ in VERB_POS and frames_of(t, self.lexicon) for t in doc[right + 1 : min(end, right + 4)])
        return (
            "mark", f"mark.open={doc[left].text if left >= start else '^'}",
            f"mark.close={doc[right].text if right < end else '$'}",
            f"mark.before={before}", f"mark.after={after.lower_ if after is not None else '$'}",
            f"mark.after_pos={after.pos_ if after is not None else '$'}", f"mark.after_reporting={after_verb}",
            f"mark.first_title={doc[left + 1].is_title}", f"mark.single={len(self.marks) == 1}",
        )

    def _candidate(self, cue: int | None, start: int, end: int, own: tuple[str, ...]) -> Iterator[Candidate]:
        """The candidate, when something is left of its content once trimmed."""
        chars = trimmed(self.doc, start, end)
        if chars is not None:
            yield Candidate(cue, start, end, *chars, cue is None, (*own, *self._span_features(cue, start, end)))

    def _span_features(self, cue: int | None, start: int, end: int) -> tuple[str, ...]:
        tokens = self.doc[start:end]
        first = next((t for t in tokens if not t.is_punct), tokens[0])
        side = "none" if cue is None else "after" if start > cue else "before"
        return (
            f"first={first.lower_}", f"first.pos={first.pos_}", f"len={bucket(len(tokens), LENGTH_BUCKETS)}",
            f"has_verb={any(t.pos_ in VERB_POS for t in tokens)}", f"side={side}",
            f"marks_in={any(t.i in self.in_marks for t in tokens)}", f"whole={end - start + 2 >= len(self.sentence)}",
        )

    def cue_features(self, verb: Token) -> tuple[str, ...]:
        """What a verb is: its lemma, whether the lexicon calls it reporting, its place and subject."""
        frames = frames_of(verb, self.lexicon)
        own = subject(verb, self.lexicon.time_names)
        return (
            f"cue.lemma={verb.lemma_.lower()}", f"cue.lexicon={bool(frames)}", f"cue.dep={verb.dep_}", f"cue.pos={verb.pos_}",
            f"cue.marked={verb.i in self.in_marks}", f"cue.tense={verb.morph.get('Tense', [])}",
            *(f"cue.frame={frame}" for frame in sorted(frames)),
            f"subj={self._phrase_kind(own) if own is not None else 'none'}",
        )

    def _phrase_kind(self, token: Token) -> str:
        """What a noun phrase head is, for speakers: pronoun, role noun, name of a kind, or noun."""
        if token.pos_ == "PRON":
            return "pron:" + token.lower_
        if self.lexicon.role_kind(token.text):
            return "role"
        return "ent:" + token.ent_type_ if token.ent_type_ else token.pos_

    # --- speaker candidates ---------------------------------------------------------------------

    def anchor(self, candidate: Candidate) -> int | None:
        """The cue a speaker is sought around: the candidate's own, or for a quote-mark stretch the
        nearest reporting verb of the sentence outside it."""
        if candidate.cue is not None:
            return candidate.cue
        verbs = [t.i for t in self.sentence if t.i not in candidate.tokens and t.pos_ in VERB_POS and frames_of(t, self.lexicon)]
        return min(verbs, key=lambda i: min(abs(i - candidate.start), abs(i - candidate.end)), default=None)

    def speakers(self, cue: int | None, start: int, end: int) -> Iterator[tuple[Token, tuple[str, ...]]]:
        """The noun phrase heads outside the content [start, end) that may name its speaker."""
        anchor = self.doc[cue] if cue is not None else None
        for token in self.sentence:
            if token.pos_ in SPEAKER_POS and not start <= token.i < end and token.dep_ not in NOT_PHRASE_HEAD_DEPS:
                yield token, self.speaker_features(token, anchor, start, end)

    def speaker_features(self, token: Token, cue: Token | None, start: int, end: int) -> tuple[str, ...]:
        """How a candidate stands to the cue and the content."""
        kind = self._phrase_kind(token)
        case = next((c.lower_ for c in token.children if c.dep_ == "case"), "none")
        relation = self._relation(token, cue)
        return (
            f"kind={kind}", f"dep={token.dep_}", f"rel={relation}", f"rel={relation}|{kind}", f"case={case}",
            f"case={case}|{relation}", f"side={'before' if token.i < start else 'after'}",
            f"dist={bucket(abs(token.i - (cue.i if cue is not None else start)), DISTANCE_BUCKETS)}",
            f"not_speaker={token.lower_ in self.lexicon.not_speakers}", f"time={token.lower_ in self.lexicon.time_names}",
            f"marked={token.i in self.in_marks}", f"title={token.is_title}",
        )

    def _relation(self, token: Token, cue: Token | None) -> str:
        if cue is None:
            return "nocue"
        if token.head == cue:
            return "subject" if subject(cue, self.lexicon.time_names) == token else "child"
        if token.head.head == cue:
            return "grandchild"
        return "cue_child" if cue.head == token else "other"
