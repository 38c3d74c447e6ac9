"""Splits a parsed sentence into propositions: main clauses, conjoined clauses, and the complements
of reporting, belief and denial verbs, each with the attribution frame that introduces it.

A frame is what the text says about where a clause comes from: a cue verb with its subject
("het Kremlin bevestigde dat …", ",,…'', zei Peskov"), a preposition ("volgens KCNA …"), a
speaker before a colon ("Boogerd: ,,…''"), or an unnamed source ("naar verluidt"). A verb that
frames a complement is not a proposition itself; its complement is, held by the frame's source.
Everything here reads the dependency parse (UD conventions) and is linear in the sentence length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ..lang import DEFAULT_LANGUAGE
from ..lang.speech import speech_lexicon
from ..syntax.clause import cue_span, is_finite, is_passive, passive_agent, span_of, subject
from .factuality import FRAME_CLASSES, CueLexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "expl", "csubj"})
COMPLEMENT_DEPS = frozenset({"ccomp"})
LOOSE_COMPLEMENT_DEPS = frozenset({"obj", "xcomp", "advcl", "csubj", "acl"})
"""Labels a parser may give a "dat"-clause after a cue verb instead of ccomp."""
EDGE_DEPS = frozenset({"cc", "punct", "mark"})
"""Dependents trimmed from the edges of a clause: "en", "maar", "dat", punctuation."""


@dataclass
class Frame:
    """Where a clause comes from: the cue, its class, and the words naming the source (if any)."""

    cue: Span
    cls: str
    source: Span | None = None


@dataclass
class Clause:
    """One proposition: its head, the kind of clause, its frame, and (once cut) its own words."""

    head: Token
    kind: str
    frame: Frame | None = None
    tokens: list[Token] = field(default_factory=list)
    question: bool = False
    extra: list[Token] = field(default_factory=list)
    """Heads of further pieces of the clause that the parser attached elsewhere."""


def _subtree_span(token: Token, skip: frozenset[str] = frozenset()) -> Span:
    """The token's phrase without its dependents of the `skip` relations (and what hangs on them)."""
    skipped = {t.i for c in token.children if c.dep_ in skip for t in c.subtree}
    return span_of([t for t in token.subtree if t.i not in skipped] or [token])


def is_predicate(token: Token) -> bool:
    """True when the token heads a clause: a verb, or a word with a subject or copula."""
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "cop" for c in token.children)


NOMINAL_ARGUMENTS = frozenset({"obj", "obl", "obl:arg", "nsubj"})


def _conjunct_candidates(head: Token) -> list[Token]:
    """The head's dependents, and those of its xcomp, where parsers often hang the next conjunct
    ("wil Poetin wapens kopen en wil Kim …", with the second "wil" a conjunct of "kopen"), and
    verbs conjoined to its last noun ("… tussen twee delegaties, en daarna zullen de leiders …
    voortzetten", with "voortzetten" a conjunct of "delegaties")."""
    under_xcomp = [t for child in head.children if child.dep_ == "xcomp" for t in child.children]
    under_nouns = [
        t for child in head.children if child.dep_ in NOMINAL_ARGUMENTS
        for t in child.children if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
    ]
    return [*head.children, *under_xcomp, *under_nouns]


def _is_conjoined_clause(token: Token) -> bool:
    """A conjunct with a clause of its own: "…, maar compenseerde dat verlies" (not "gegokt en verloren")."""
    own = [c for c in token.children if c.dep_ not in ("cc", "punct")]
    return token.dep_ == "conj" and is_predicate(token) and bool(own)


def source_phrase(verb: Token) -> Span | None:
    """Who a cue verb says it: its agent (the "door" phrase of a passive, else its subject) as a
    phrase without relative clauses."""
    agent = passive_agent(verb) if is_passive(verb) else None
    if agent is not None:
        return _subtree_span(agent, frozenset({"case", "punct"}))
    found = subject(verb)
    return _subtree_span(found, frozenset({"acl:relcl", "acl", "punct"})) if found is not None else None


def _verb_class(token: Token, lexicon: CueLexicon) -> str | None:
    classes = lexicon.classes(token) & FRAME_CLASSES
    return min(classes) if classes else None


def _verb_frame(verb: Token, lexicon: CueLexicon) -> Frame | None:
    cls = _verb_class(verb, lexicon)
    return Frame(cue_span(verb), cls, source_phrase(verb)) if cls else None


class Splitter:
    """Finds the clauses and frames of sentences, with a cue lexicon loaded once."""

    def __init__(self, lexicon: CueLexicon, lang: str = DEFAULT_LANGUAGE):
        self.lexicon = lexicon
        self.speech = speech_lexicon(lang)

    def clauses(self, sent: Span) -> list[Clause]:
        """The propositions of one sentence, each with its own words, in text order."""
        found: dict[int, Clause] = {}
        framing: set[int] = set()
        self._visit(sent.root, "main", None, found, framing)
        for token in sent:
            self._visit_complements(token, found, framing)
        stop = frozenset(found) | frozenset(framing)
        owner: dict[int, int] = {}
        for clause in found.values():
            clause.tokens = self._cut(clause, stop, owner)
        for clause in found.values():
            clause.tokens = _trim(_uninterrupted(clause.tokens, clause.head, owner), clause.head)
        clauses = sorted((c for c in found.values() if c.tokens), key=lambda c: c.tokens[0].i) or self._whole_sentence(sent)
        question = any(self.lexicon.has(t, "question") for t in sent[-2:])
        for clause in clauses:
            clause.question = question
        return clauses

    def quote_clause(self, content: Span, cue: Span | None) -> Clause | None:
        """A quote's content as one proposition, framed by its cue: for a quote the parse gave no
        clause of its own (a complement it mislabelled, a verb it took for a noun)."""
        tokens = _trim(list(content), content.root)
        if not any(t.pos_ in ("VERB", "AUX") for t in tokens):
            return None
        frame = Frame(cue, self._cue_class(cue)) if cue is not None else None
        return Clause(content.root, "complement", frame, tokens)

    def _cue_class(self, cue: Span) -> str:
        """The frame class of a quote's cue: hearsay for a phrase such as "naar verluidt" (whatever
        the parse made of its verb), else its verb's class, else "according"."""
        if self.lexicon.phrase_at(list(cue), 0) == (len(cue), "hearsay"):
            return "hearsay"
        cls = _verb_class(cue.root, self.lexicon)
        return cls if cls in FRAME_CLASSES else "according"

    def _whole_sentence(self, sent: Span) -> list[Clause]:
        """A sentence with a finite verb that the parse gave no clause head: one proposition, all of it."""
        finite = next((t for t in sent if t.pos_ in ("VERB", "AUX") and is_finite(t) and not _relative(t)), None)
        if finite is None:
            return []
        clause = Clause(finite, "main")
        clause.tokens = _trim(self._hearsay(clause, list(sent)), finite)
        return [clause] if clause.tokens else []

    def _visit(self, head: Token, kind: str, frame: Frame | None, found: dict, framing: set) -> None:
        if head.i in found or head.i in framing:
            return
        frame = self._own_frame(head, framing) or frame
        verb_frame = _verb_frame(head, self.lexicon)
        complements = self._complements(head) if verb_frame is not None else []
        verb_frame = verb_frame if complements else None
        if verb_frame is not None:
            framing.add(head.i)
            for complement in complements:
                self._visit_complement(head, complement, verb_frame, found, framing)
        elif is_predicate(head):
            found[head.i] = Clause(head, kind, frame)
        for child in _conjunct_candidates(head):
            if _is_conjoined_clause(child):
                self._visit(child, "conj", frame if verb_frame is None else None, found, framing)
            elif child.dep_ == "parataxis" and child.i not in framing:
                self._visit(child, "main", None, found, framing)

    def _complements(self, verb: Token) -> list[Token]:
        """The clauses a verb takes as complements: ccomp, or a following clause opened by "dat"/"of"."""
        return [
            c for c in verb.children
            if c.dep_ in COMPLEMENT_DEPS or c.dep_ in LOOSE_COMPLEMENT_DEPS and c.i > verb.i and is_predicate(c)
            and c.left_edge.i > verb.i and self.lexicon.has(c.left_edge, "complementizer")
        ]

    def _visit_complements(self, token: Token, found: dict, framing: set) -> None:
        """Complements of cue verbs outside the main line ("Toen ik hoorde dat …, dacht ik …")."""
        if token.i in framing or token.i in found or token.pos_ not in ("VERB", "AUX"):
            return
        frame = _verb_frame(token, self.lexicon)
        complements = [c for c in self._complements(token) if c.i not in found] if frame is not None else []
        if complements:
            framing.add(token.i)
            for complement in complements:
                self._visit_complement(token, complement, frame, found, framing)

    def _visit_complement(self, verb: Token, complement: Token, frame: Frame, found: dict, framing: set) -> None:
        """Visit a complement clause, with the pieces of it the parser hung on the verb instead."""
        self._visit(complement, "complement", frame, found, framing)
        if complement.i in found:
            found[complement.i].extra = self._fragments(verb, complement, found)

    def _fragments(self, verb: Token, complement: Token, found: dict) -> list[Token]:
        """Dependents of the verb that continue the complement word for word ("dat X bereid is |
        wapens te leveren"): up to a comma, a conjunction or a new complementiser."""
        pieces, end = [], complement.right_edge.i
        for child in verb.rights:
            if child.i <= end or child.i in found:
                continue
            first = child.left_edge
            if first.i != end + 1 or first.is_punct or first.dep_ == "cc" or child.dep_ in ("conj", "parataxis", "punct") \
                    or self.lexicon.has(first, "complementizer"):
                break
            pieces.append(child)
            end = child.right_edge.i
        return pieces

    def _own_frame(self, head: Token, framing: set) -> Frame | None:
        """A frame attached to the clause itself: "volgens X", "naar verluidt", ", zei X", "X: …"."""
        for child in head.children:
            frame = self._attached_frame(child)
            if frame is not None:
                if child.dep_ == "parataxis":
                    framing.add(child.i)
                return frame
        return None

    def _attached_frame(self, child: Token) -> Frame | None:
        if child.dep_ == "parataxis":
            return self._parataxis_frame(child)
        if child.dep_ in ("obl", "advmod", "nmod"):
            return self._prepositional_frame(child)
        return None

    def _parataxis_frame(self, child: Token) -> Frame | None:
        """", zei hij" after a quote, or a speaker before a colon ("Boogerd: …")."""
        if not self._complements(child):
            frame = _verb_frame(child, self.lexicon)
            if frame is not None and frame.cls in ("report", "confirm", "know", "deny", "belief"):
                return frame
        colon = next((c for c in child.children if c.dep_ == "punct" and c.text == ":" and c.i > child.i), None)
        if child.pos_ in ("PROPN", "NOUN") and colon is not None and child.i < child.head.i:
            return Frame(colon.doc[colon.i : colon.i + 1], "colon", _subtree_span(child, frozenset({"punct"})))
        return None

    def _prepositional_frame(self, child: Token) -> Frame | None:
        """A phrase of the speech lexicon that opens the dependent: "volgens Amerikaanse
        functionarissen", "in de visie van Boogerd" (the source follows), "naar verluidt" (none)."""
        start, end = child.left_edge.i, child.right_edge.i + 1
        found = self.speech.phrase_at([t.lower_ for t in child.doc[start : min(end, start + 5)]])
        if found is None:
            return None
        size, kind = len(found[0]), found[1]
        words = list(child.doc[start:end])
        source = [t for t in words[size:] if not t.is_punct]
        if kind == "source_follows" and source:
            return Frame(span_of(words[:size]), "according", span_of(source))
        return Frame(span_of(words[:size]), "hearsay", None) if kind == "no_source" else None

    def _cut(self, clause: Clause, stop: frozenset[int], owner: dict[int, int]) -> list[Token]:
        """The clause's own words: its subtree without nested propositions, frames and edge words;
        `owner` learns which clause each word belongs to."""
        frame_tokens = _frame_tokens(clause)
        tokens, stack = [], [clause.head, *clause.extra]
        while stack:
            token = stack.pop()
            if token.i in frame_tokens:
                continue
            tokens.append(token)
            owner[token.i] = clause.head.i
            stack.extend(c for c in token.children if c.i not in stop)
        tokens = sorted(tokens, key=lambda t: t.i)
        if clause.frame is None:
            tokens = self._hearsay(clause, tokens)
        return _trim(tokens, clause.head)

    def _hearsay(self, clause: Clause, tokens: list[Token]) -> list[Token]:
        """"naar verluidt" anywhere in the clause: an unnamed source; the phrase leaves the content."""
        for i in range(len(tokens)):
            phrase = self.lexicon.phrase_at(tokens, i)
            if phrase is not None and phrase[1] == "hearsay":
                cue = span_of(tokens[i : i + phrase[0]])
                clause.frame = Frame(cue, "hearsay", None)
                return tokens[:i] + tokens[i + phrase[0] :]
        return tokens


def _uninterrupted(tokens: list[Token], head: Token, owner: dict[int, int]) -> list[Token]:
    """The run of a clause's words around its head that no word of another clause interrupts
    (a parser may hang a word of the next conjunct on this one)."""
    if head not in tokens:
        return tokens

    def interrupted(a: Token, b: Token) -> bool:
        return any(owner.get(i, head.i) != head.i for i in range(a.i + 1, b.i))

    k = tokens.index(head)
    start, end = k, k
    while start > 0 and not interrupted(tokens[start - 1], tokens[start]):
        start -= 1
    while end + 1 < len(tokens) and not interrupted(tokens[end], tokens[end + 1]):
        end += 1
    return tokens[start : end + 1]


def _relative(token: Token) -> bool:
    """True for a word of a relative clause ("die …", "waar …"), which states nothing on its own."""
    return any(t.dep_ in ("acl", "acl:relcl") for t in (token, *token.ancestors))


def _frame_tokens(clause: Clause) -> frozenset[int]:
    frame = clause.frame
    if frame is None or frame.cls not in ("according", "hearsay", "colon"):
        return frozenset()
    parts = [*frame.cue, *(frame.source or [])]
    return frozenset(t.i for t in parts)


def _trim(tokens: list[Token], head: Token) -> list[Token]:
    """Drop conjunctions, complementisers and punctuation (quote marks too) at both edges."""
    def edge(token: Token) -> bool:
        return token.i != head.i and (token.dep_ in EDGE_DEPS or token.is_punct or token.is_space)

    start, end = 0, len(tokens)
    while start < end and edge(tokens[start]):
        start += 1
    while end > start and edge(tokens[end - 1]):
        end -= 1
    return tokens[start:end]

