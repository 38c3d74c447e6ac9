"""The claims ledger of one article: every proposition with its source, factuality and tense.

Each sentence is split into propositions (`attribution.propositions`): main clauses, conjoined clauses and
the complements of reporting, belief and denial verbs. Each gets its source: the author when the
text asserts it; the speaker of the innermost quote it lies in (`doc._.quotes`); the subject of the
verb that frames it ("het Kremlin bevestigde dat …"); or none for an unnamed source ("naar
verluidt", the allegation "zou"). Its factuality and tense come from Dutch cues (`attribution.factuality`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution.factuality import Assessment, CueLexicon, assess, cue_lexicon, lemma, own_tokens, tense
from ..attribution.propositions import Clause, Splitter
from ..lang import DEFAULT_LANGUAGE
from ..records import Claim, Mention, Quote
from ..records import Span as TextSpan
from ..syntax.clause import is_past, verb_group

AUTHOR = "AUTHOR"
ARGUMENT_POS = frozenset({"NOUN", "PROPN"})


def text_span(span: Span) -> TextSpan:
    """The record Span of a spaCy span."""
    return TextSpan(start=span.start_char, end=span.end_char, text=span.text)


def _clause_range(clause: Clause) -> tuple[int, int]:
    first, last = clause.tokens[0], clause.tokens[-1]
    return first.idx, last.idx + len(last.text)


class Sources:
    """Resolves who holds a clause, from quotes, frames and the article's named entities."""

    def __init__(self, doc: Doc, lexicon: CueLexicon):
        self.doc, self.lexicon = doc, lexicon
        self.quotes: list[Quote] = doc._.quotes or []
        self.mentions: list[Mention] = doc._.mentions or []
        self.names = {e.id: e.name for e in doc._.entities or []}
        self.starts = [m.start for m in self.mentions]

    def innermost_quote(self, start: int, end: int) -> int | None:
        """The smallest quote whose content holds at least half of [start, end)."""
        holding = [
            (q.content.end - q.content.start, i) for i, q in enumerate(self.quotes)
            if 2 * (min(end, q.content.end) - max(start, q.content.start)) >= end - start
        ]
        return min(holding)[1] if holding else None

    def clipped(self, start: int, end: int, index: int, head: Token) -> tuple[int, int]:
        """The clause's range cut to the quote that holds its head: the frame stays out."""
        content = self.quotes[index].content
        if not content.start <= head.idx < content.end:
            return start, end
        return max(start, content.start), min(end, content.end)

    def is_cue(self, token: Token) -> bool:
        """True when the token is (part of) the cue of a quote: a frame, not a proposition."""
        return any(q.cue and q.cue.start <= token.idx < q.cue.end for q in self.quotes)

    def quote_for_cue(self, cue: Span) -> int | None:
        """The quote whose cue is this frame's cue, if the quotes stage found it."""
        for i, quote in enumerate(self.quotes):
            if quote.cue and quote.cue.start < cue.end_char and cue.start_char < quote.cue.end:
                return i
        return None

    def name(self, span: Span) -> tuple[str, int | None, float]:
        """The source's name: the fullest name of the one entity it mentions, else its words."""
        if len(span) == 1 and span[0].pos_ == "PRON":
            return self._antecedent(span[0])
        inside = [m for m in self.mentions if span.start_char <= m.start and m.end <= span.end_char]
        if len(inside) == 1 and inside[0].entity is not None and self._names_holder(inside[0], span):
            return self.names[inside[0].entity], inside[0].entity, 0.85
        return span.text, None, 0.75

    @staticmethod
    def _names_holder(mention: Mention, span: Span) -> bool:
        """A person or organisation, or the phrase's head: not "Amerikaanse" in "Amerikaanse functionarissen"."""
        return mention.label in ("PER", "ORG") or mention.start <= span.root.idx < mention.end

    def _antecedent(self, pronoun: Token) -> tuple[str, int | None, float]:
        """A personal pronoun's most recent preceding person (crude, but right in most news)."""
        index = bisect_right(self.starts, pronoun.idx) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.label == "PER" and mention.entity is not None:
                return self.names[mention.entity], mention.entity, 0.6
            index -= 1
        return pronoun.text, None, 0.4


class ClaimBuilder:
    """Builds the Claim records of one Doc."""

    def __init__(self, doc: Doc, lexicon: CueLexicon):
        self.doc, self.lexicon, self.text = doc, lexicon, doc.text
        self.sources = Sources(doc, lexicon)
        self.published: dt.date | None = doc._.published
        self.timexes = [t for t in doc._.timexes or [] if t.type in ("DATE", "TIME") and t.value]

    def claim(self, clause: Clause, index: int) -> Claim:
        start, end = _clause_range(clause)
        quote = self.sources.innermost_quote(start, end)
        if quote is not None:
            start, end = self.sources.clipped(start, end, quote, clause.head)
        frame = clause.frame
        own = own_tokens([clause.head, *clause.extra], frozenset(t.i for t in clause.tokens))
        predicate = predicate_token(clause, self.lexicon)
        assessment = assess(clause.head, own, frame.cls if frame else None, frame.cue if frame else None,
                            self.lexicon, clause.question)
        claim = Claim(
            id=index, content=TextSpan(start=start, end=end, text=self.text[start:end]),
            factuality=assessment.value, tense=self._tense(clause, assessment, own),
            cue=text_span(assessment.cue) if assessment.cue is not None else None,
            predicate=lemma(predicate), arguments=self.arguments(t for t in own if t.i != predicate.i),
        )
        self._attribute(claim, clause, quote)
        self._allegation(claim, clause, assessment)
        return claim

    def _tense(self, clause: Clause, assessment: Assessment, own: list[Token]) -> str:
        """The tense of the verbs, or the future when a present-tense clause names a later date."""
        found = tense(clause.head, self.lexicon, assessment)
        if found == "present" and self.published is not None:
            first, last = own[0].idx, own[-1].idx + len(own[-1].text)
            if any(first <= t.start < last and _later(t.value, self.published) for t in self.timexes):
                return "future"
        return found

    def _attribute(self, claim: Claim, clause: Clause, quote: int | None) -> None:
        """Fill in the source, its span and entity, the quote and the confidence."""
        frame = clause.frame
        framed_quote = self.sources.quote_for_cue(frame.cue) if frame is not None else None
        if frame is None or self._speaker_self(frame.source) or self._anaphor(frame.source):
            self._from_context(claim, quote)
        elif framed_quote is not None:
            self._from_quote(claim, framed_quote)
        elif frame.cls != "hearsay" and frame.source is None and quote is not None:
            self._from_quote(claim, quote)
        elif frame.cls == "hearsay" or frame.source is None:
            claim.source, claim.confidence = None, 0.7
        else:
            claim.source, claim.source_entity, claim.confidence = self.sources.name(frame.source)
            claim.source_span = text_span(frame.source)
            claim.quote = quote

    def _from_context(self, claim: Claim, quote: int | None) -> None:
        """No frame of its own: the claim is the enclosing quote's speaker's, or else the author's."""
        if quote is not None:
            self._from_quote(claim, quote)
        else:
            claim.source, claim.confidence = AUTHOR, 0.9

    def _from_quote(self, claim: Claim, index: int) -> None:
        quote = self.sources.quotes[index]
        claim.source, claim.source_span, claim.source_entity = quote.speaker, quote.speaker_span, quote.speaker_entity
        claim.quote, claim.confidence = index, min(1.0, quote.confidence * 0.95)
        if claim.cue is None and quote.cue is not None:
            claim.cue = quote.cue

    def _speaker_self(self, source: Span | None) -> bool:
        """"Ik denk dat …" inside a quote: the speaker frames their own claim."""
        return source is not None and len(source) == 1 and self.lexicon.has(source[0], "first_person")

    def _anaphor(self, source: Span | None) -> bool:
        """"Dat suggereert dat …": the text reasons on its own account."""
        return source is not None and len(source) == 1 and self.lexicon.has(source[0], "anaphor")

    def _allegation(self, claim: Claim, clause: Clause, assessment: Assessment) -> None:
        """The author's "zou" without "kunnen" reports an allegation: no named source, probable."""
        if claim.source != AUTHOR or clause.kind == "complement" or assessment.certainty != "CT":
            return
        would = next((t for t in verb_group(clause.head) if self.lexicon.has(t, "future") and is_past(t)), None)
        if would is not None:
            claim.source, claim.factuality, claim.confidence = None, "PR-" if assessment.negated else "PR+", 0.6
            claim.cue = text_span(self.doc[would.i : would.i + 1])

    def arguments(self, tokens: Iterable[Token]) -> list[str]:
        """The participants of a clause: the fullest name of each entity it mentions, else noun lemmas."""
        found: list[str] = []
        for token in tokens:
            if token.pos_ in ARGUMENT_POS:
                name = self._entity_at(token) or lemma(token)
                if name not in found:
                    found.append(name)
        return found

    def _entity_at(self, token: Token) -> str | None:
        index = bisect_right(self.sources.starts, token.idx) - 1
        if index >= 0:
            mention = self.sources.mentions[index]
            if mention.start <= token.idx < mention.end and mention.entity is not None:
                return self.sources.names[mention.entity]
        return None


def _later(value: str, published: dt.date) -> bool:
    """True when a TIMEX3 date value ("2023-09-14", "2023-09-14TMO") lies after the published date."""
    try:
        return dt.date.fromisoformat(value[:10]) > published
    except ValueError:
        return False


def predicate_token(clause: Clause, lexicon: CueLexicon) -> Token:
    """The main predicate, through wanting and readiness ("bereid … te leveren": leveren)."""
    head = clause.head
    for _ in range(3):
        if not lexicon.has(head, "volition"):
            break
        wanted = _wanted(head) or next((t for t in clause.extra if t.pos_ in ("VERB", "AUX")), None)
        if wanted is None:
            break
        head = wanted
    return head


def _wanted(head: Token) -> Token | None:
    """The infinitive under a verb of wanting: its xcomp, or an object in the form of its lemma
    ("wil wapens kopen", where a parser may take "kopen" for a plural noun)."""
    for child in head.children:
        if child.dep_ == "xcomp" and (child.pos_ in ("VERB", "AUX") or _looks_infinitive(child)):
            return child
    for child in head.children:
        if child.dep_ == "obj" and child.i > head.i and _looks_infinitive(child):
            return child
    return None


def _looks_infinitive(token: Token) -> bool:
    """A word in the form of its own lemma ending in -en: an infinitive, whatever its tag says."""
    return token.lower_ == lemma(token) and token.lower_.endswith("en")


class ClaimsStage:
    """Every proposition of a Doc as a Claim, with its source, factuality and tense."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        lang = nlp.lang or DEFAULT_LANGUAGE
        self.lexicon = cue_lexicon(lang)
        self.splitter = Splitter(self.lexicon, lang)

    def __call__(self, doc: Doc) -> Doc:
        builder = ClaimBuilder(doc, self.lexicon)
        clauses = [
            clause for sent in doc.sents for clause in self.splitter.clauses(sent)
            if not builder.sources.is_cue(clause.head)
        ]
        clauses += self._uncovered_quotes(doc, clauses, builder.sources.quotes)
        clauses.sort(key=lambda c: c.tokens[0].i)
        doc._.claims = [builder.claim(clause, index) for index, clause in enumerate(clauses)]
        return doc

    def _uncovered_quotes(self, doc: Doc, clauses: list[Clause], quotes: list[Quote]) -> list[Clause]:
        """A claim for each quote that the clauses found cover less than half of: whatever the
        parse made of it, every attributed statement is in the ledger."""
        ranges = [_clause_range(c) for c in clauses]
        found = []
        for quote in quotes:
            start, end = quote.content.start, quote.content.end
            covered = sum(max(0, min(end, e) - max(start, s)) for s, e in ranges)
            content = doc.char_span(start, end, alignment_mode="expand")
            if 2 * covered >= end - start or content is None or not len(content):
                continue
            cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand") if quote.cue else None
            clause = self.splitter.quote_clause(content, cue)
            if clause is not None and clause.tokens:
                found.append(clause)
        return found


@Language.factory(
    "kroniek_claims",
    requires=["doc.sents", "token.dep", "token.lemma", "doc._.entities", "doc._.quotes", "doc._.timexes"],
    assigns=["doc._.claims"],
)
def make_claims_stage(nlp: Language, name: str) -> ClaimsStage:
    """The claims stage: the propositions of the text with their sources and factuality, in the
    pipeline's language."""
    return ClaimsStage(nlp, name)
