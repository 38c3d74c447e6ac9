"""Who a speaker is: the name, role and entity behind the words that introduce a quote.

A small within-document coreference serves the quote finder. It keeps, in text order, every
reference to a person outside quotation marks: named mentions (grouped into entities by
`kroniek_entities`), and the subject pronouns "hij", "zij", "ze" resolved to the person most
recently in focus. A role noun ("de woordvoerder", "de minister") resolves to the last person
introduced with that role ("Kremlin-woordvoerder Dmitri Peskov"); a body noun ("het ministerie")
to the last organisation whose name holds it. A quote with no speaker in its sentence goes to the
person in focus around it. When nothing resolves, the speaker is the description the text gives
("Amerikaanse functionarissen"), flagged as unresolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from spacy.attrs import IDX, LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

from ..lang.speech import SpeechLexicon
from ..syntax.clause import SUBJECT_DEPS, subject

NOUN_PHRASE_STOPS = frozenset({"acl:relcl", "acl", "parataxis", "punct", "advcl", "ccomp", "xcomp"})
LEADING_NOISE_POS = frozenset({"ADP", "CCONJ", "ADV", "PUNCT", "SCONJ"})
PHRASE_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"})
LABEL_PRIORITY = {"PER": 3, "ORG": 2, "LOC": 1}
DEFINITE = frozenset({"de", "het", "die", "deze"})
CONTEXT_SENTENCES = 3
SPEAKER_BONUS = 0.5
PRONOUN_SENTENCES = 6
PRONOUN_DISTANCE_COST = 0.5
PRONOUN_SUBJECT_BONUS = 2.0
"""A pronoun looks back six sentences; being a subject like it outweighs four sentences of distance."""
NAME_DEPS = frozenset({"flat", "flat:name", "compound", "appos", "nmod"})
"""Relations that tie a name to the noun it names ("staatspersbureau KCNA"); nmod only without a preposition."""


@dataclass
class Speaker:
    """A resolved (or merely described) source of a quote."""

    name: str | None = None
    start: int | None = None
    end: int | None = None
    entity: int | None = None
    resolved: bool = False
    role: str | None = None


@dataclass(frozen=True)
class Reference:
    """One reference to a person outside quotes: where, to whom, and whether as a subject."""

    token: int
    sentence: int
    paragraph: int
    entity: int
    subject: bool
    start: int
    end: int


def is_subject(token: Token) -> bool:
    return token.dep_ in SUBJECT_DEPS


def noun_phrase(head: Token) -> Span:
    """The noun phrase headed by `head`, without what follows a comma or a clause attached to it."""
    doc = head.doc
    start = head.left_edge.i
    while start < head.i and doc[start].pos_ in LEADING_NOISE_POS:
        start += 1
    end = head.i + 1
    while end <= head.right_edge.i and not _stops_noun_phrase(doc[end], head):
        end += 1
    return doc[start:end]


def following_phrase(token: Token) -> Span | None:
    """The noun phrase that starts at `token`, read off the parts of speech (when the parse has none)."""
    doc, end = token.doc, token.i
    while end < len(doc) and doc[end].pos_ in PHRASE_POS and (end == token.i or doc[end].pos_ != "PRON"):
        end += 1
    return doc[token.i : end] if end > token.i and doc[end - 1].pos_ in {"NOUN", "PROPN", "PRON"} else None


def _stops_noun_phrase(token: Token, head: Token) -> bool:
    if token.text in {",", "(", ":", ";"} or token.dep_ in NOUN_PHRASE_STOPS and token.head == head:
        return True
    return token.pos_ in {"VERB", "AUX"} and token.head != head


class Discourse:
    """The people of one document and where each is referred to, for resolving speakers."""

    def __init__(self, doc: Doc, text: str, lexicon: SpeechLexicon, quoted: list[bool], reports=lambda verb: False):
        """`reports(verb)` tells a reporting verb: a name the NER did not call a person still is
        one when it is the subject of one ("Pastrana verklaarde", tagged a place)."""
        self.doc, self.text, self.lexicon, self.quoted = doc, text, lexicon, quoted
        self.entities = doc._.entities or []
        self.mentions = [m for m in doc._.mentions or [] if m.kind == "name"]
        self.token_mention = _token_mentions(doc, self.mentions)
        self.speaking = self._reporting_subjects(reports)
        self._names: dict[int, str] = {}
        self._capitalised: dict[str, list[int]] | None = None
        self.starts, self.sentence_of, self.paragraph_of = _positions(doc)
        self.sentence_bounds = _sentence_bounds(self.sentence_of)
        self.roles: dict[int, list[tuple[str, str]]] = {}
        self.references: list[Reference] = []
        self.prominence = _prominence(self.mentions, self.speaking)
        self._collect_references()
        self._ref_sentences = [ref.sentence for ref in self.references]
        self._ref_starts = [ref.start for ref in self.references]

    # --- building the references -------------------------------------------------------------

    def _collect_references(self) -> None:
        pronouns = {self.doc.vocab.strings[word] for word in self.lexicon.pronouns}
        lowers = self.doc.to_array(LOWER).tolist()
        named_or_pronoun = sorted(set(self.token_mention) | {i for i, lower in enumerate(lowers) if lower in pronouns})
        for token in (self.doc[i] for i in named_or_pronoun if not self.quoted[i]):
            mention = self.token_mention.get(token.i)
            if mention is not None and self._is_mention_root(token, mention):
                self._add_mention(token, mention)
            elif token.lower_ in self.lexicon.pronouns and is_subject(token):
                entity = self.resolve_pronoun(token)
                if entity is not None:
                    self._add(token, entity, token.idx, token.idx + len(token))

    def _reporting_subjects(self, reports) -> frozenset[int]:
        """The entities that are the subject of a reporting verb somewhere outside quotes."""
        found = set()
        for i, index in self.token_mention.items():
            token, entity = self.doc[i], self.mentions[index].entity
            if entity is not None and is_subject(token) and not self.quoted[i] and reports(token.head):
                found.add(entity)
        return frozenset(found)

    def _is_mention_root(self, token: Token, mention: int) -> bool:
        head = token.head
        return head.i == token.i or self.token_mention.get(head.i) != mention

    def _add_mention(self, token: Token, index: int) -> None:
        mention = self.mentions[index]
        if mention.entity is None or token.pos_ != "PROPN" or mention.label != "PER" and mention.entity not in self.speaking:
            return
        if self._after_article(mention.start):
            return
        own_role, _ = self.split_role(mention.text)
        role = (own_role, own_role.split(" ")[-1].lower()) if own_role else self._role_before(mention.start)
        if role:
            self.roles.setdefault(mention.entity, []).append(role)
        self._add(token, mention.entity, mention.start, mention.end)

    def _after_article(self, start: int) -> bool:
        """True for a name right after a lower-case "de" or "het" ("de TT van Assen"): Dutch names
        of people take no article (a capital "De" may open one: "De Vries"), so the NER's person
        is more likely an event, a team or a thing."""
        i = bisect_left(self.starts, start) - 1
        return i >= 0 and self.doc[i].text in {"de", "het"}

    def _add(self, token: Token, entity: int, start: int, end: int) -> None:
        self.references.append(
            Reference(token.i, self.sentence_of[token.i], self.paragraph_of[token.i], entity, _in_subject(token), start, end)
        )

    def _role_before(self, start: int) -> tuple[str, str] | None:
        """(role text, role noun) of the words right before a name, past first names the NER
        left out: "Kremlin-woordvoerder [Dmitri] Peskov"."""
        i = bisect_left(self.starts, start) - 1
        while i > 0 and _is_name_word(self.doc[i]):
            i -= 1
        if i < 0 or self.doc[i].pos_ not in {"NOUN", "PROPN"} or not self.lexicon.role_kind(self.doc[i].text):
            return None
        j = i
        while j > 0 and self.doc[j - 1].pos_ in {"ADJ", "NOUN"}:
            j -= 1
        return self.doc[j : i + 1].text, self.doc[i].lower_

    # --- resolution ---------------------------------------------------------------------------

    def sentence(self, token: Token) -> Span:
        """The sentence of `token` (without spaCy's walk through the document)."""
        return self.doc[slice(*self.sentence_bounds[self.sentence_of[token.i]])]

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of `verb`, never a day or month name the parse took for one."""
        return subject(verb, self.lexicon.time_names)

    def is_person(self, entity: int) -> bool:
        return self.entities[entity].label == "PER" or entity in self.speaking

    def entity_name(self, entity: int) -> str:
        """The entity's fullest name, without a role the NER took into it, and with the first
        names the text gives it where the NER only caught the surname ("Karin Bos" for "Bos")."""
        if entity not in self._names:
            self._names[entity] = self._fullest(self.split_role(self.entities[entity].name)[1])
        return self._names[entity]

    def _occurrences(self) -> dict[str, list[int]]:
        """Where each capitalised word stands, indexed once per document when first needed."""
        if self._capitalised is None:
            self._capitalised = {}
            for token in self.doc:
                if token.is_title:
                    self._capitalised.setdefault(token.text, []).append(token.i)
        return self._capitalised

    def _fullest(self, name: str) -> str:
        words = name.split(" ")
        if len(words) > 1:
            return name
        fullest = name
        for i in (i for i in self._occurrences().get(name, ()) if not self.quoted[i]):
            start = i
            while start > 0 and _is_name_word(self.doc[start - 1]) and not self.doc[start].is_sent_start:
                start -= 1
            if i - start + 1 > len(fullest.split(" ")):
                fullest = self.doc[start : i + 1].text
        return fullest

    def split_role(self, text: str) -> tuple[str, str]:
        """(role, name) of a mention: "Kremlin-woordvoerder Dmitri Peskov" -> the two parts."""
        words = text.split(" ")
        n = 0
        while n < len(words) - 1 and (words[n][:1].islower() or self.lexicon.role_kind(words[n])):
            n += 1
        return " ".join(words[:n]), " ".join(words[n:])

    def role_of(self, entity: int) -> str | None:
        """The first role the text gives a person ("Kremlin-woordvoerder"), if any."""
        roles = self.roles.get(entity)
        return roles[0][0] if roles else None

    def resolve_pronoun(self, token: Token) -> int | None:
        """The person a pronoun most likely stands for: a recent, prominent subject before it."""
        sentence = self.sentence_of[token.i]
        best, best_score = None, float("-inf")
        for ref in reversed(self.references):
            distance = sentence - ref.sentence
            if distance > PRONOUN_SENTENCES:
                break
            score = -distance * PRONOUN_DISTANCE_COST + PRONOUN_SUBJECT_BONUS * ref.subject
            score += self.prominence.get(ref.entity, 0.0)
            if ref.token < token.i and score > best_score:
                best, best_score = ref.entity, score
        return best

    def resolve_role(self, noun: Token, before: int) -> int | None:
        """The person last introduced with the role `noun` names, or the organisation holding it."""
        kind = self.lexicon.role_kind(noun.text)
        word = noun.lower_.rsplit("-", 1)[-1]
        if kind == "body":
            return self._organisation_named(word, before)
        for ref in reversed(self.references):
            if ref.start < before and any(role_noun.endswith(word) for _, role_noun in self.roles.get(ref.entity, [])):
                return ref.entity
        return None

    def _organisation_named(self, word: str, before: int) -> int | None:
        for mention in reversed(self.mentions):
            if mention.start < before and mention.label == "ORG" and word in mention.text.lower():
                return mention.entity
        return None

    def in_focus(
        self, token: Token, exclude: frozenset[int] = frozenset(), favoured: frozenset[int] = frozenset()
    ) -> Reference | None:
        """The person in focus at `token`: the best-placed reference nearby, by distance, subjecthood,
        paragraph, prominence, and whether the person is `favoured` (speaks elsewhere)."""
        sentence, paragraph = self.sentence_of[token.i], self.paragraph_of[token.i]
        best, best_score = None, float("-inf")
        for ref in self._near(sentence):
            if ref.entity in exclude:
                continue
            score = _focus_score(ref, token.i, sentence, paragraph) + self.prominence.get(ref.entity, 0.0)
            score += SPEAKER_BONUS if ref.entity in favoured else 0.0
            if score > best_score or score == best_score and ref.token < token.i:
                best, best_score = ref, score
        return best

    def describe(self, phrase: Span) -> Speaker:
        """The speaker a noun phrase names: an entity, a pronoun or role resolved, or a description."""
        if not len(phrase) or phrase.root.lower_ in self.lexicon.unnamed_sources:
            return Speaker()
        mention = self._named_in(phrase)
        if mention is not None and not any(t.dep_ == "conj" and t.head == phrase.root for t in phrase):
            return self._named_speaker(phrase, mention)
        entity = self._refers_to(phrase)
        entity = self._named_like(phrase) if entity is None else entity
        if entity is not None:
            role = phrase.text if self.lexicon.role_kind(phrase.root.text) else self.role_of(entity)
            return Speaker(self.entity_name(entity), phrase.start_char, phrase.end_char, entity, True, _without_article(role))
        introduced = self._introduced_as(phrase)
        if introduced:
            return Speaker(introduced, phrase.start_char, phrase.end_char, None, False, _without_article(phrase.text))
        return Speaker(phrase.text, phrase.start_char, phrase.end_char)

    def _introduced_as(self, phrase: Span) -> str | None:
        """For "de minister" that no entity answers: the name the text gave a minister before,
        read off the words ("Minister Karin Bos" when the NER missed her)."""
        head = phrase.root
        if phrase[0].lower_ not in DEFINITE or self.lexicon.role_kind(head.text) != "person":
            return None
        word = head.lower_.rsplit("-", 1)[-1]
        for i in range(phrase.start - 1, -1, -1):
            if self.doc[i].lower_.endswith(word) and _is_name_word(self.doc[i + 1]):
                end = i + 1
                while end < len(self.doc) and _is_name_word(self.doc[end]):
                    end += 1
                return self.doc[i + 1 : end].text
        return None

    def _named_in(self, phrase: Span) -> int | None:
        """The mention that heads `phrase` (not one inside a modifier of it), a person's first."""
        found = {self.token_mention[t.i] for t in phrase if t.i in self.token_mention and _heads_phrase(t, phrase)}
        return max(found, key=lambda i: (LABEL_PRIORITY.get(self.mentions[i].label, 0), i), default=None)

    def _named_speaker(self, phrase: Span, index: int) -> Speaker:
        mention = self.mentions[index]
        own_role, name = self.split_role(mention.text)
        start, entity = mention.end - len(name), mention.entity
        if entity is not None:
            name = self.entity_name(entity)
            first_names = name[: -len(mention.text)].strip() if name.endswith(mention.text) else ""
            if first_names and self.text[phrase.start_char : mention.start].rstrip().endswith(first_names):
                start = self.text.rindex(first_names, phrase.start_char, mention.start)
        role = " ".join(filter(None, [self.text[phrase.start_char : start].strip(" ,"), own_role]))
        role = _without_article(role) or (self.role_of(entity) if entity is not None else None)
        return Speaker(name, start, mention.end, entity, entity is not None, role)

    def _named_like(self, phrase: Span) -> int | None:
        """The person whose name holds every proper-noun word of `phrase` (a name the NER missed)."""
        words = {t.lower_ for t in phrase if t.pos_ == "PROPN" or t.is_title and t.pos_ not in {"DET", "PRON", "ADP"}}
        if not words or len(words) < sum(t.pos_ != "DET" for t in phrase):
            return None
        people = [e for e in self.entities if e.label == "PER" and words <= set(self.entities[e.id].name.lower().split())]
        return max(people, key=lambda e: len(e.mentions)).id if people else None

    def _refers_to(self, phrase: Span) -> int | None:
        head = phrase.root
        if head.lower_ in self.lexicon.pronouns:
            return self.resolve_pronoun(head)
        if self.lexicon.role_kind(head.text) and phrase[0].lower_ in DEFINITE:
            return self.resolve_role(head, phrase.start_char)
        return None

    def _near(self, sentence: int) -> list[Reference]:
        low = bisect_left(self._ref_sentences, sentence - CONTEXT_SENTENCES)
        return self.references[low : bisect_right(self._ref_sentences, sentence + CONTEXT_SENTENCES)]

    def reference_before(self, token: Token) -> Reference | None:
        """The last reference to a person before `token` in its sentence."""
        sentence = self.sentence_of[token.i]
        in_sentence = self.references[bisect_left(self._ref_sentences, sentence) : bisect_right(self._ref_sentences, sentence)]
        before = [ref for ref in in_sentence if ref.token < token.i]
        return before[-1] if before else None

    def subject_in(self, sentence: Span) -> Reference | None:
        """The first person referred to as a subject in `sentence`."""
        low = bisect_left(self._ref_sentences, self.sentence_of[sentence.start])
        refs = self.references[low : bisect_right(self._ref_sentences, self.sentence_of[sentence.start])]
        return next((ref for ref in refs if ref.subject), None)

    def referred_between(self, start: int, end: int) -> bool:
        """True when some person is referred to between two character offsets."""
        return bisect_left(self._ref_starts, start) < bisect_left(self._ref_starts, end)

    def most_prominent(self) -> Speaker:
        """The most mentioned person of the document, or no one."""
        entity = max(self.prominence, key=lambda e: (self.prominence[e], -e), default=None)
        if entity is None:
            return Speaker()
        return Speaker(self.entity_name(entity), entity=entity, resolved=True, role=self.role_of(entity))

    def speaker_of_reference(self, ref: Reference) -> Speaker:
        return Speaker(self.entity_name(ref.entity), ref.start, ref.end, ref.entity, True, self.role_of(ref.entity))


def _prominence(names, speaking: frozenset[int]) -> dict[int, float]:
    """How much each person is talked about: the mentions of their name, relative to the most
    mentioned person."""
    counts = Counter(m.entity for m in names if m.entity is not None and (m.label == "PER" or m.entity in speaking))
    most = max(counts.values(), default=1)
    return {entity: count / most for entity, count in counts.items()}


def _focus_score(ref: Reference, token: int, sentence: int, paragraph: int) -> float:
    distance = abs(sentence - ref.sentence)
    score = -distance + (1.0 if ref.subject else 0.0)
    if ref.paragraph != paragraph:
        score -= 1.5
    if ref.token > token:
        score -= 1.0
    return score


def _heads_phrase(token: Token, phrase: Span) -> bool:
    """True when `token` is the phrase's root or a name part or apposition attached to it."""
    while token != phrase.root and _names_head(token) and phrase.start <= token.head.i < phrase.end:
        token = token.head
    return token == phrase.root


def _is_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title


def _names_head(token: Token) -> bool:
    if token.dep_ == "nmod":
        return not any(child.dep_ == "case" for child in token.children)
    return token.dep_ in NAME_DEPS


def _without_article(role: str | None) -> str | None:
    """A role without its leading article: "de woordvoerder" -> "woordvoerder"."""
    if not role:
        return None
    first, _, rest = role.partition(" ")
    return (rest if first.lower() in DEFINITE | {"een"} else role) or None


def _in_subject(token: Token) -> bool:
    """True when `token` is a subject or heads (through names and appositions) into one."""
    while token.dep_ in (NAME_DEPS - {"nmod"}) | {"conj"} and token.head.i != token.i:
        token = token.head
    return is_subject(token)


def _token_mentions(doc: Doc, mentions) -> dict[int, int]:
    index: dict[int, int] = {}
    for number, mention in enumerate(mentions):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            index[token.i] = number
    return index


def _sentence_bounds(sentence_of: list[int]) -> list[tuple[int, int]]:
    """(start, end) token indexes of each sentence, from every token's sentence number."""
    bounds: list[tuple[int, int]] = []
    for i, sentence in enumerate(sentence_of):
        if sentence == len(bounds):
            bounds.append((i, i + 1))
        else:
            bounds[-1] = (bounds[-1][0], i + 1)
    return bounds


def _positions(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """The character offset, sentence number and paragraph number of every token."""
    paragraph_starts = [p.start for p in doc._.paragraphs or []]
    rows = doc.to_array([IDX, SENT_START]).tolist()
    starts, sentences, paragraphs = [], [], []
    sentence = -1
    for i, (start, sent_start) in enumerate(rows):
        sentence += i == 0 or sent_start == 1
        starts.append(start)
        sentences.append(sentence)
        paragraphs.append(max(0, bisect_right(paragraph_starts, start) - 1))
    return starts, sentences, paragraphs
