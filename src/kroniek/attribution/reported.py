"""Reported speech: statements the text attributes without quoting them word for word.

Four Dutch forms, each read off the dependency parse with the speech lexicon of `lang/nl/`:

- a reporting verb with its content: "X zei dat …", "X ontkent dat …", "X riep op … te stoppen",
  "X bevestigde het bezoek" (the frames of `reporting_verbs.tsv`);
- an inverted frame after the content: "De tijd is rijp, zegt X", "…, zo meldt X";
- an attribution phrase: "volgens X …", "…, aldus X", "naar verluidt …", "naar eigen zeggen …";
- a name and a colon: "Premier Rutte: het kabinet staat erachter."

The content is the attributed proposition only: a complement clause without its "dat", and
without a comma-separated relative clause at its end, which is the author's aside.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.attrs import LOWER, POS
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

from ..lang import language_module
from ..lang.speech import SpeechLexicon
from .speakers import Discourse, Speaker, following_phrase, noun_phrase

COMPLEMENTIZERS = frozenset({"dat", "of"})
RELATIVE_PRONOUNS = frozenset({"die", "dat", "wat", "waar", "waarin", "waarop", "waarmee", "waardoor", "wie"})
EDGE_PUNCT = ".,;:!?–—-"
CLAUSE_OPENERS = frozenset({":", ";"})
OBJECT_STOPS = frozenset({"punct", "conj", "cc", "parataxis", "advcl", "ccomp", "nsubj"})
CLAUSE_NOISE = frozenset({"ook", "maar", "en", "want"})
VERB_POS = frozenset({"VERB", "AUX"})
VERB_POS_IDS = frozenset({VERB, AUX})
QUESTION_WINDOW = 4
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM"})

CONFIDENCE = {"dat": 0.85, "te": 0.75, "obj": 0.6, "inverted": 0.75, "phrase": 0.8, "colon": 0.6}


@dataclass
class Attribution:
    """A statement found in the text, before it becomes a Quote record."""

    start: int
    end: int
    kind: str
    speaker: Speaker = field(default_factory=Speaker)
    cue: tuple[int, int] | None = None
    confidence: float = 0.5


def verb_forms(verb: Token, lexicon: SpeechLexicon) -> Iterator[str]:
    """The dictionary forms a verb may have, with its separable particle first: "kondigde ... aan"
    -> "aankondigen", "liet ... weten" -> "laten weten"; then forms read off the written word for
    where the lemmatizer went wrong: irregular ones from the lexicon ("klonk" -> "klinken"), regular
    ones guessed ("garandeerde" -> "garanderen", "erkent" -> "erkennen")."""
    lemmas = [verb.lemma_.replace("_", "").lower(), lexicon.irregular_forms.get(verb.lower_, "")]
    particle = next((child for child in verb.children if _is_particle(child)), None)
    if particle is not None and particle.pos_ == "VERB":
        yield from (f"{lemma} {particle.lower_}" for lemma in lemmas if lemma)
        yield from lemmas
        return
    prefix = particle.lower_ if particle is not None else ""
    yield from (prefix + lemma for lemma in lemmas if lemma)
    if lexicon.may_be_reporting(prefix + verb.lower_):
        guess = language_module(verb.doc.lang_, "verbforms").infinitive_guesses
        guesses = guess(prefix + verb.lower_, (prefix,) if prefix else (), inflected_only=True)
        yield from guesses
        yield from (g[:-2] + g[-3] + "en" for g in guesses if len(g) > 4 and g[-3] not in "aeiou")
    yield from lemmas


def _is_particle(child: Token) -> bool:
    """A separable particle, or the infinitive that completes "laten weten" (parsed either way)."""
    return child.dep_ == "compound:prt" or child.dep_ == "xcomp" and child.pos_ == "VERB" and child.i == child.head.i + 1


def frames_of(verb: Token, lexicon: SpeechLexicon) -> frozenset[str]:
    """The frames of a reporting verb; empty for any other verb."""
    return next((lexicon.frames(form) for form in verb_forms(verb, lexicon) if lexicon.frames(form)), frozenset())


def token_range(token: Token) -> tuple[int, int]:
    """The characters of one token."""
    return token.idx, token.idx + len(token)


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range [start, end) as characters, without edge punctuation, complementizer or aside."""
    end = _without_aside(doc, start, end)
    while start < end and (doc[start].is_punct or doc[start].is_space or _is_complementizer(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in EDGE_PUNCT):
        end -= 1
    if end - start < 2:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _is_complementizer(token: Token) -> bool:
    return token.lower_ in COMPLEMENTIZERS and (token.dep_ == "mark" or token.pos_ == "SCONJ")


def _without_aside(doc: Doc, start: int, end: int) -> int:
    """Cut a comma and the relative clause after it at the end of the range ("Rusland, dat …")."""
    for i in range(end - 2, start, -1):
        if doc[i].text == ",":
            return i if _relative(doc[i + 1]) else end
    return end


def _relative(token: Token) -> bool:
    """Whether the token opens a relative clause: a relative pronoun, or the first word of a clause
    the parser hung on a noun as acl:relcl (it may call the pronoun itself a mark)."""
    clause = token.head
    if clause.dep_ == "acl:relcl" and token.pos_ in {"PRON", "ADV"}:
        return next(t for t in clause.subtree if not t.is_punct).i == token.i
    if token.dep_ == "mark" or token.pos_ not in {"PRON", "ADV"}:
        return False
    return "Rel" in token.morph.get("PronType") or token.lower_ in RELATIVE_PRONOUNS


class ReportedSpeech:
    """Finds reported speech in one document, outside the stretches that quote directly."""

    def __init__(self, doc: Doc, lexicon: SpeechLexicon, discourse: Discourse, quoted: list[bool]):
        self.doc, self.lexicon, self.discourse, self.quoted = doc, lexicon, discourse, quoted

    def find(self) -> Iterator[Attribution]:
        for token in self._candidates():
            if token.pos_ in VERB_POS:
                frames = frames_of(token, self.lexicon)
                if frames:
                    yield from self._verb_frame(token, frames)
                    yield from self._inverted_frame(token, frames)
            else:
                yield from self._phrase_frame(token)
        for start, end in self.discourse.sentence_bounds:
            yield from self._colon_frame(self.doc[start:end])

    def _candidates(self) -> Iterator[Token]:
        """The verbs and the words that may open an attribution phrase, outside quotes."""
        phrase_starts = {self.doc.vocab.strings[word] for word in self.lexicon.phrase_starts}
        rows = self.doc.to_array([POS, LOWER]).tolist()
        for i, (pos, lower) in enumerate(rows):
            if (pos in VERB_POS_IDS or lower in phrase_starts) and not self.quoted[i]:
                yield self.doc[i]

    # --- "X zei dat …" ------------------------------------------------------------------------

    def _verb_frame(self, verb: Token, frames: frozenset[str]) -> Iterator[Attribution]:
        subject = self.discourse.subject_of(verb)
        phrase = self._subject_phrase(subject) if frames and subject is not None and not self.quoted[subject.i] else None
        if phrase is None:
            return
        for frame in ("dat", "te", "obj"):
            content = self._complement(verb, frame) if frame in frames else None
            if content:
                speaker = self.discourse.describe(phrase)
                yield Attribution(*content, "indirect", speaker, token_range(verb), CONFIDENCE[frame])
                return

    def _subject_phrase(self, subject: Token) -> Span | None:
        """The subject's noun phrase; for a relative pronoun, the name or noun it follows;
        None for a subject that names no one ("Dat suggereert dat …")."""
        i = subject.i - 1 - (subject.i > 1 and self.doc[subject.i - 1].text == ",")
        if _relative(subject) and i >= 0 and self.doc[i].pos_ in {"NOUN", "PROPN"}:
            return self.doc[i : i + 1]
        return None if subject.lower_ in self.lexicon.not_speakers else noun_phrase(subject)

    def _complement(self, verb: Token, frame: str) -> tuple[int, int] | None:
        if frame == "dat":
            return self._clause_complement(verb)
        for child in verb.children:
            if frame == "te" and child.dep_ == "xcomp" and any(t.lower_ == "te" for t in child.subtree):
                return trimmed(self.doc, child.left_edge.i, child.right_edge.i + 1)
            if frame == "obj" and child.dep_ == "obj" and child.pos_ not in {"PRON", "PUNCT"}:
                return trimmed(self.doc, child.left_edge.i, self._object_end(verb, child))
        return None

    def _object_end(self, verb: Token, obj: Token) -> int:
        """Where the object's content ends: with what the verb says of it ("noemde het plan
        essentieel", "schat de schade op een miljoen"), but not a further clause."""
        following = [c for c in verb.children if c.i > obj.i and c.dep_ not in OBJECT_STOPS]
        end = max([obj.right_edge.i, *(c.right_edge.i for c in following)]) + 1
        return min(end, self.discourse.sentence(verb).end)

    def _clause_complement(self, verb: Token) -> tuple[int, int] | None:
        """From the "dat" (or "of") that opens a dependent of the verb to the end of what follows it
        there: the parse may split one complement over several dependents, or coordinate two."""
        dependents = [child for child in verb.children if child.i > verb.i and child.dep_ not in {"punct", "parataxis"}]
        first = next((i for i, child in enumerate(dependents) if _opens_with_complementizer(child)), None)
        if first is None or self.quoted[dependents[first].left_edge.i]:
            return None
        following = [c for c in dependents[first:] if c.dep_ != "conj" or _opens_with_complementizer(c)]
        end = max(c.right_edge.i for c in following) + 1
        return trimmed(self.doc, dependents[first].left_edge.i, end)

    # --- "…, zegt X" ----------------------------------------------------------------------------

    def _inverted_frame(self, verb: Token, frames: frozenset[str]) -> Iterator[Attribution]:
        if "frame" not in frames or verb.is_sent_start:
            return
        before = verb.i - 1 - (self.doc[verb.i - 1].lower_ == "zo")
        if before < 1 or not self._ends_statement(before):
            return
        phrase = self._subject_after(verb)
        if phrase is None or phrase.root.lower_ in self.lexicon.not_speakers:
            return
        speaker = Speaker() if "nosource" in frames else self.discourse.describe(phrase)
        cue = token_range(verb)
        kind = "mixed" if self.doc[before].text != "," else "indirect"
        first = trimmed(self.doc, self._clause_start(before), before + (kind == "mixed"))
        if first and not self._asks(first):
            yield Attribution(*first, kind, speaker, cue, CONFIDENCE["inverted"])
        rest = self._continuation(phrase)
        if rest:
            yield Attribution(*rest, "indirect", speaker, cue, CONFIDENCE["inverted"])

    def _subject_after(self, verb: Token) -> Span | None:
        """The subject after an inverted verb; the noun phrase right after it when the parse has
        none there, but never a day ("…, reageerde woensdag" follows a subject, not a statement)."""
        subject = self.discourse.subject_of(verb)
        if subject is not None and subject.head == verb and subject.i > verb.i:
            return noun_phrase(subject)
        phrase = following_phrase(self.doc[verb.i + 1]) if verb.i + 1 < len(self.doc) else None
        return None if phrase is None or phrase.root.lower_ in self.lexicon.time_names else phrase

    def _asks(self, content: tuple[int, int]) -> bool:
        """True for the question a reply answers ("Op de vraag of …, antwoordt ze"): no statement
        (the parse may call that "of" anything, so its word alone decides)."""
        first = bisect_left(self.discourse.starts, content[0])
        return any(t.lower_ == "of" for t in self.doc[first : first + QUESTION_WINDOW])

    def _ends_statement(self, i: int) -> bool:
        """A comma, or a closing single quote mark of a scare quote, right before the verb."""
        token = self.doc[i]
        return token.text == "," and not self.quoted[i] or token.text in {"'", "’"} and token.i > 0

    def _clause_start(self, i: int) -> int:
        sentence_start = self.discourse.sentence(self.doc[i]).start
        while i > sentence_start and self.doc[i - 1].text not in CLAUSE_OPENERS and not self.quoted[i - 1]:
            i -= 1
        return i

    def _continuation(self, phrase: Span) -> tuple[int, int] | None:
        """The statement after ", zegt X, …", when the sentence goes on with a clause (not with a
        relative clause about X, nor with the author's own "want …" or "maar …")."""
        end = self.discourse.sentence(phrase.root).end
        if phrase.end >= end - 1 or self.doc[phrase.end].text != ",":
            return None
        rest = self.doc[phrase.end + 1 : end]
        if rest[0].dep_ in {"acl:relcl", "appos"} or rest[0].pos_ == "CCONJ" or _relative(rest[0]):
            return None
        if not any(t.pos_ in VERB_POS for t in rest):
            return None
        return trimmed(self.doc, rest.start, rest.end)

    # --- "volgens X …", "naar verluidt …" -------------------------------------------------------

    def _phrase_frame(self, token: Token) -> Iterator[Attribution]:
        match = self.phrase_at(token)
        if match is None:
            return
        words, kind = match
        last = self.doc[token.i + len(words) - 1]
        cue = (token.idx, last.idx + len(last))
        source = self.phrase_source(last, kind)
        if source is False:
            return
        speaker = self.discourse.describe(source) if isinstance(source, Span) else Speaker()
        frame_end = source.end if kind == "source_follows" else last.i + 1
        content = self._phrase_content(token.i, frame_end)
        if content:
            yield Attribution(*content, "indirect", speaker, cue, CONFIDENCE["phrase"])

    def phrase_at(self, token: Token) -> tuple[tuple[str, ...], str] | None:
        """The attribution phrase that starts at `token`, and its kind."""
        if token.lower_ not in self.lexicon.phrase_starts:
            return None
        words = [t.lower_ for t in self.doc[token.i : token.i + self.lexicon.longest_phrase]]
        return self.lexicon.phrase_at(words)

    def phrase_source(self, last: Token, kind: str):
        """The source phrase after "volgens"; for "naar eigen zeggen" the person named before it in
        its sentence, else the clause subject; None when unnamed; False when there is no frame."""
        if kind == "no_source":
            return None
        if kind == "source_follows":
            if last.head.i > last.i and last.head.pos_ in NOMINAL:
                return noun_phrase(last.head)
            following = following_phrase(self.doc[last.i + 1]) if last.i + 1 < len(self.doc) else None
            return following if following is not None else False
        person = self.discourse.reference_before(last)
        if person is not None:
            return self.doc.char_span(person.start, person.end, alignment_mode="expand")
        verb = _clause_verb(last)
        subject = self.discourse.subject_of(verb) if verb is not None else None
        return noun_phrase(subject) if subject is not None else False

    def _phrase_content(self, frame_start: int, frame_end: int) -> tuple[int, int] | None:
        """The clause around an attribution phrase, without the phrase when it opens or closes it."""
        sentence = self.discourse.sentence(self.doc[frame_start])
        start, end = self._clause_opening(sentence.start, frame_start), sentence.end
        while start < frame_start and (self.doc[start].pos_ in {"CCONJ", "PUNCT"} or self.doc[start].lower_ in CLAUSE_NOISE):
            start += 1
        if start == frame_start:
            start = frame_end
        elif _only_punct(self.doc[frame_end:end]) or self.doc[frame_start - 1].text == ",":
            end = frame_start
        if any(self.quoted[i] for i in range(start, end)):
            return None
        return trimmed(self.doc, start, end)

    def _clause_opening(self, sentence_start: int, before: int) -> int:
        """Where the clause holding token `before` opens: after ", maar", ", en", ";" or ":"."""
        for i in range(before - 1, sentence_start, -1):
            token = self.doc[i]
            if token.text in CLAUSE_OPENERS or token.pos_ == "CCONJ" and self.doc[i - 1].text == ",":
                return i + 1
        return sentence_start

    # --- "X: …" -----------------------------------------------------------------------------------

    def _colon_frame(self, sentence: Span) -> Iterator[Attribution]:
        colon = next((t for t in sentence[:7] if t.text == ":"), None)
        if colon is None or colon.i == sentence.start or any(self.quoted[sentence.start : sentence.end]):
            return
        before = self.doc[sentence.start : colon.i]
        if any(t.pos_ in VERB_POS for t in before) or not self.names_someone(before):
            return
        content = trimmed(self.doc, colon.i + 1, sentence.end)
        if content:
            speaker = self.discourse.describe(before)
            yield Attribution(*content, "indirect", speaker, None, CONFIDENCE["colon"])

    def names_someone(self, words: Span) -> bool:
        return any(t.i in self.discourse.token_mention for t in words) or bool(self.lexicon.role_kind(words.root.text))


def _opens_with_complementizer(dependent: Token) -> bool:
    """True when the dependent's words open with "dat"/"of" (after an "en" or "maar" at most)."""
    first = dependent.left_edge.i
    words = list(dependent.doc[first : min(first + 2, dependent.right_edge.i + 1)])
    if words[0].pos_ == "CCONJ" and len(words) > 1:
        words = words[1:]
    return words[0].lower_ in COMPLEMENTIZERS and words[0].pos_ == "SCONJ"


def _clause_verb(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in VERB_POS or ancestor.dep_ == "root":
            return ancestor
    return None


def _only_punct(tokens: Span) -> bool:
    return all(t.is_punct or t.is_space for t in tokens)
