"""Who said what: every statement the text attributes to someone, with the speaker resolved.

`kroniek_quotes` finds direct quotes between Dutch quote marks (`attribution.quote_spans`) and reported speech
(`reported`), attributes each to its speaker and assigns `doc._.quotes`, a list of Quote records.

A direct quote takes its speaker from the frame beside it: after it (",,…'', zei Peskov",
",,…'', aldus Jansen"), or before it ("Pastrana verklaarde: ,,…''", "De Rooij: ,,…''"). A quote
without a frame belongs to the person in focus: the speaker of the quote just before when no one
else was named since, otherwise the person the paragraph is about (`speakers.Discourse`).
Reported speech whose content holds a quotation is one `mixed` quote.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution.learned import THRESHOLD_WITH_RULES, AttributionModels, LearnedAttribution, learned_models
from ..attribution.quote_spans import MarkReader, Quoted, find_quoted
from ..attribution.reported import VERB_POS, Attribution, ReportedSpeech, frames_of, token_range, trimmed
from ..attribution.speakers import Discourse, Speaker, following_phrase, noun_phrase
from ..errors import PipelineError, unknown_option_message
from ..lang.speech import SpeechLexicon, speech_lexicon
from ..matching import half_union_overlap, overlap
from ..records import Quote, span_of

BARE_NAME_WORDS = 4
SENTENCE_END = frozenset({".", "!", "?"})
ATTRIBUTION_MODES = ("rules", "learned", "both")
CONFIDENCE = {"framed": 0.9, "continued": 0.7, "in_focus": 0.6, "fragment": 0.5, "unknown": 0.3}


@Language.factory(
    "kroniek_quotes",
    requires=["doc.sents", "token.dep", "doc._.entities"],
    assigns=["doc._.quotes"],
    default_config={"attribution": "both", "model": "", "threshold_with_rules": THRESHOLD_WITH_RULES},
)
def make_quote_finder(nlp: Language, name: str, attribution: str, model: str, threshold_with_rules: float) -> QuoteFinder:
    """The quote stage for the pipeline's language; it reads its lexicon and models once, here.

    `attribution` is "rules", "learned" or "both" (the rules, with the learned models' additions
    at or over `threshold_with_rules`); `model` a folder of learned models, empty for the shipped
    models/attribution."""
    if attribution not in ATTRIBUTION_MODES:
        raise PipelineError(unknown_option_message("attribution", attribution, ATTRIBUTION_MODES))
    models = None if attribution == "rules" else learned_models(model)
    return QuoteFinder(speech_lexicon(nlp.lang), models, use_rules=attribution != "learned", threshold=threshold_with_rules)


class QuoteFinder:
    """Finds and attributes the quotes of each document."""

    def __init__(self, lexicon: SpeechLexicon, models: AttributionModels | None = None, use_rules: bool = True,
                 threshold: float = THRESHOLD_WITH_RULES):
        self.lexicon, self.models, self.use_rules, self.threshold = lexicon, models, use_rules, threshold
        self.marks = MarkReader(lexicon.quote_pairs)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        paragraphs = [(p.start, p.end) for p in doc._.paragraphs or []] or [(0, len(text))]
        quoted = find_quoted(text, paragraphs, self.marks)
        inside = quoted_tokens(doc, [q for q in quoted if not q.scare])
        discourse = Discourse(doc, text, self.lexicon, inside, lambda verb: bool(frames_of(verb, self.lexicon)))
        found = self._by_rules(doc, discourse, quoted, inside) if self.use_rules else []
        if self.models is not None:
            threshold = self.threshold if self.use_rules else self.models.content.threshold
            found = LearnedAttribution(doc, self.lexicon, self.models, discourse).add_to(found, threshold)
        doc._.quotes = [to_record(text, item) for item in sorted(found, key=_range)]
        return doc

    def _by_rules(self, doc: Doc, discourse: Discourse, quoted: list[Quoted], inside: list[bool]) -> list[Attribution]:
        """Direct quotes, reported speech and quoted fragments, as the rules find them."""
        reported = ReportedSpeech(doc, self.lexicon, discourse, inside)
        direct = DirectSpeech(doc, discourse, reported, inside)
        scare = [q for q in quoted if q.scare]
        found = merge(direct.attribute([q for q in quoted if not q.scare]), list(reported.find()), scare)
        return found + direct.fragments(scare, found)


def quoted_tokens(doc: Doc, quotes: Iterable[Quoted]) -> list[bool]:
    """For every token, whether it stands inside a direct quote (its marks included)."""
    starts = doc.to_array(IDX).tolist()
    inside = [False] * len(doc)
    for quote in quotes:
        for i in range(bisect_left(starts, quote.open_start), bisect_left(starts, quote.close_end)):
            inside[i] = True
    return inside


class DirectSpeech:
    """Attributes each direct quote to a speaker: from its frame, or from the context."""

    def __init__(self, doc: Doc, discourse: Discourse, reported: ReportedSpeech, inside: list[bool]):
        self.doc, self.discourse, self.reported, self.inside = doc, discourse, reported, inside
        self.starts = discourse.starts

    def attribute(self, quotes: list[Quoted]) -> list[Attribution]:
        """Framed quotes first; then each other quote from its context, favouring the people
        who speak in a frame elsewhere in the article."""
        frames = [self._frame_after(quote) or self._frame_before(quote) for quote in quotes]
        self.speaking = frozenset(f[0].entity for f in frames if f and f[0].entity is not None)
        attributed: list[Attribution] = []
        for quote, frame in zip(quotes, frames, strict=True):
            if frame and frame[0].name:
                attributed.append(Attribution(quote.start, quote.end, "direct", frame[0], frame[1], CONFIDENCE["framed"]))
                continue
            speaker, confidence, cue = self._from_context(quote, attributed[-1] if attributed else None)
            attributed.append(Attribution(quote.start, quote.end, "direct", speaker, frame[1] if frame else cue, confidence))
        return attributed

    def fragments(self, scare: list[Quoted], found: list[Attribution]) -> list[Attribution]:
        """Sentences that quote a word or phrase ('uren maken') outside any other attribution:
        mixed quotes of their subject when that is a person, else of the person in focus."""
        items: list[Attribution] = []
        for quote in scare:
            i = bisect_left(self.starts, quote.start)
            sentence = self.discourse.sentence(self.doc[min(i, len(self.doc) - 1)])
            taken = [*found, *items]
            if self.inside[sentence.start] or any(overlap((sentence.start_char, sentence.end_char), _range(a)) for a in taken):
                continue
            content = trimmed(self.doc, sentence.start, sentence.end)
            if content:
                items.append(Attribution(*content, "mixed", self._fragment_speaker(sentence), None, CONFIDENCE["fragment"]))
        return items

    def _fragment_speaker(self, sentence: Span) -> Speaker:
        """The person the sentence has as its subject, else the person in focus."""
        ref = self.discourse.subject_in(sentence)
        if ref is None:
            subject = self.discourse.subject_of(sentence.root)
            speaker = self.discourse.describe(noun_phrase(subject)) if subject is not None else Speaker()
            if speaker.entity is not None and self.discourse.is_person(speaker.entity):
                return speaker
            ref = self.discourse.in_focus(sentence[0])
        return self.discourse.speaker_of_reference(ref) if ref is not None else Speaker()

    # --- frames --------------------------------------------------------------------------------

    def _frame_after(self, quote: Quoted) -> tuple[Speaker, tuple[int, int] | None] | None:
        """",,…'', zei X", ",,…'', aldus X", ",,…'', lachte hij": a lower-case cue after the quote."""
        i = bisect_left(self.starts, quote.close_end)
        while i < len(self.doc) and (self.doc[i].text == "," or self.doc[i].is_space or self.doc[i].lower_ == "zo"):
            i += 1
        if i >= len(self.doc) or self.inside[i] or not self.doc[i].text[:1].islower():
            return None
        cue = self.doc[i]
        phrase = self.reported.phrase_at(cue)
        if phrase is not None:
            return self._phrase_speaker(cue, phrase)
        if cue.pos_ in VERB_POS:
            return self._verb_speaker(cue, after=True), token_range(cue)
        return None

    def _phrase_speaker(self, cue: Token, phrase) -> tuple[Speaker, tuple[int, int]] | None:
        words, kind = phrase
        last = self.doc[cue.i + len(words) - 1]
        source = self.reported.phrase_source(last, kind)
        if source is False:
            return None
        speaker = self.discourse.describe(source) if source is not None else Speaker()
        return speaker, (cue.idx, last.idx + len(last))

    def _verb_speaker(self, verb: Token, after: bool) -> Speaker:
        """The subject of a cue verb; after a quote, else the noun phrase right after the verb."""
        subject = self.discourse.subject_of(verb)
        if subject is not None and not self.inside[subject.i] and (subject.i > verb.i or not after):
            return self.discourse.describe(noun_phrase(subject))
        phrase = following_phrase(self.doc[verb.i + 1]) if after and verb.i + 1 < len(self.doc) else None
        return self.discourse.describe(phrase) if phrase is not None else Speaker()

    def _frame_before(self, quote: Quoted) -> tuple[Speaker, tuple[int, int] | None] | None:
        """"X zei: ,,…''", "De Rooij: ,,…''": a colon or a reporting verb right before the quote."""
        j = bisect_left(self.starts, quote.open_start) - 1
        while j >= 0 and self.doc[j].is_space:
            j -= 1
        if j < 0 or self.inside[j] or not (self.doc[j].text == ":" or self._frames_quote(self.doc[j])):
            return None
        start = self._statement_start(j)
        before = self.doc[start : j + (self.doc[j].text != ":")]
        verbs = [t for t in before if t.pos_ in VERB_POS]
        if verbs:
            verb = next((v for v in reversed(verbs) if frames_of(v, self.reported.lexicon)), verbs[-1])
            return self._verb_speaker(verb, after=False), token_range(verb)
        if len(before) and (self.reported.names_someone(before) or _bare_name(before)):
            return self.discourse.describe(before), None
        return None

    def _frames_quote(self, token: Token) -> bool:
        return token.pos_ in VERB_POS and "frame" in frames_of(token, self.reported.lexicon)

    def _statement_start(self, j: int) -> int:
        """The first token of the stretch before a quote: back to a sentence end, quote or paragraph."""
        i = j
        while i > 0 and not self.inside[i - 1] and self.doc[i - 1].text not in SENTENCE_END and "\n" not in self.doc[i - 1].text:
            i -= 1
        while i < j and (self.doc[i].is_space or self.doc[i].is_punct):
            i += 1
        return i

    # --- context -------------------------------------------------------------------------------

    def _from_context(self, quote: Quoted, previous: Attribution | None) -> tuple[Speaker, float, tuple[int, int] | None]:
        """Speaker, confidence and cue: those of the quote before, when no one was named since
        (",,A'', zei X. ,,B''"); else the person in focus; else whoever spoke last; else the
        article's most prominent person."""
        if previous and previous.speaker.name and not self.discourse.referred_between(previous.end, quote.open_start):
            return previous.speaker, CONFIDENCE["continued"], previous.cue
        first = self.doc[min(bisect_left(self.starts, quote.start), len(self.doc) - 1)]
        ref = self.discourse.in_focus(first, self._entities_within(quote), self.speaking)
        if ref is not None:
            return self.discourse.speaker_of_reference(ref), CONFIDENCE["in_focus"], None
        if previous is not None and previous.speaker.name:
            return previous.speaker, CONFIDENCE["unknown"], None
        return self.discourse.most_prominent(), CONFIDENCE["unknown"], None

    def _entities_within(self, quote: Quoted) -> frozenset[int]:
        return frozenset(
            m.entity for m in self.discourse.mentions if m.entity is not None and quote.start <= m.start < quote.end
        )


def _bare_name(words: Span) -> bool:
    """A short run of proper nouns before a colon ("Delmee:"), a name whether or not the NER saw it."""
    return len(words) <= BARE_NAME_WORDS and words[0].is_title and all(t.pos_ == "PROPN" for t in words)


def merge(direct: list[Attribution], reported: list[Attribution], scare: list[Quoted]) -> list[Attribution]:
    """Direct and reported speech together: reported speech that holds a quotation becomes mixed,
    and of two reported findings of the same statement the more confident one stays."""
    kept_direct = list(direct)
    accepted: list[Attribution] = []
    for item in sorted(reported, key=lambda a: (-a.confidence, a.start)):
        if any(overlap(_range(item), _range(d)) * 2 >= item.end - item.start for d in direct):
            continue
        if any(half_union_overlap(_range(item), _range(a)) for a in accepted):
            continue
        held = [d for d in kept_direct if item.start <= d.start and d.end <= item.end]
        if held or any(item.start <= s.start and s.end <= item.end for s in scare):
            item.kind = "mixed"
            kept_direct = [d for d in kept_direct if d not in held]
        accepted.append(item)
    return sorted(kept_direct + accepted, key=lambda a: (a.start, a.end))


def _range(item: Attribution) -> tuple[int, int]:
    return item.start, item.end


def to_record(text: str, item: Attribution) -> Quote:
    """The Quote record of an attribution."""
    speaker = item.speaker
    return Quote(
        content=span_of(text, item.start, item.end),
        speaker=speaker.name,
        speaker_span=span_of(text, speaker.start, speaker.end) if speaker.start is not None else None,
        speaker_entity=speaker.entity,
        speaker_resolved=speaker.resolved,
        role=speaker.role,
        cue=span_of(text, *item.cue) if item.cue else None,
        kind=item.kind,
        confidence=item.confidence,
    )
