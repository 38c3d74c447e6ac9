"""What coreference knows while it reads an article from left to right: where every token stands,
which entity each word refers to so far, and what the text said of each entity (gender, roles)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from ..records import Entity, Mention
from ..syntax.clause import SUBJECT_DEPS
from .lexicon import CoreferenceLexicon

NAME_DEPS = frozenset({"flat", "flat:name", "compound", "appos"})
"""Relations that tie a name to the noun it names ("topman Jan Smit", "het bedrijf Shell")."""


@dataclass(frozen=True)
class Antecedent:
    """One reference to an entity: the token it stands at, its sentence and paragraph, and whether
    it is (or heads into) the subject of its clause."""

    token: int
    sentence: int
    paragraph: int
    entity: int
    subject: bool


@dataclass
class Profile:
    """What the article says of one entity: its type, its gender (None while unknown), its roles."""

    label: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)


def phrase_head(token: Token) -> Token:
    """The head of the noun phrase a name part or apposition belongs to."""
    while token.dep_ in NAME_DEPS | {"conj"} and token.head.i != token.i:
        token = token.head
    return token


def is_subject(token: Token) -> bool:
    """True when `token` is, or heads into, the subject of its clause."""
    return phrase_head(token).dep_ in SUBJECT_DEPS


class Context:
    """The references of one article read so far, by token, in text order."""

    def __init__(self, doc: Doc, mentions: list[Mention], entities: list[Entity], lexicon: CoreferenceLexicon):
        self.doc, self.lexicon = doc, lexicon
        self.sentence_of, self.paragraph_of = _positions(doc)
        self.sentence_starts = [i for i, s in enumerate(self.sentence_of) if i == 0 or s != self.sentence_of[i - 1]]
        self.profiles = [Profile(entity.label, _first_name_gender(entity.name, lexicon)) for entity in entities]
        self.names = [entity.name for entity in entities]
        self.named = _named_tokens(doc, mentions)
        self.entity_at: dict[int, int] = {}
        self.antecedents: list[Antecedent] = []

    def add(self, token: Token, entity: int) -> None:
        """Record that `token` refers to `entity`."""
        self.entity_at[token.i] = entity
        sentence, paragraph = self.sentence_of[token.i], self.paragraph_of[token.i]
        self.antecedents.append(Antecedent(token.i, sentence, paragraph, entity, is_subject(token)))

    def sentence(self, number: int) -> Span:
        """The sentence with that number."""
        end = self.sentence_starts[number + 1] if number + 1 < len(self.sentence_starts) else len(self.doc)
        return self.doc[self.sentence_starts[number] : end]

    def entity_of_phrase(self, head: Token) -> int | None:
        """The entity a noun phrase headed by `head` refers to, through its name parts."""
        if head.i in self.entity_at:
            return self.entity_at[head.i]
        return next((self.entity_at[c.i] for c in head.children if c.dep_ in NAME_DEPS and c.i in self.entity_at), None)

    def before(self, token: Token, sentences: int | None = None) -> Iterator[Antecedent]:
        """The references before `token`, the most recent first; within `sentences` sentences back
        when given."""
        sentence = self.sentence_of[token.i]
        for antecedent in reversed(self.antecedents):
            if sentences is not None and sentence - antecedent.sentence > sentences:
                return
            if antecedent.token < token.i:
                yield antecedent

    def agrees(self, entity: int, types: frozenset[str], gender: str | None) -> bool:
        """True when the entity has one of `types` and no gender other than `gender` (None: any)."""
        profile = self.profiles[entity]
        return profile.label in types and (gender is None or profile.gender in (None, gender))

    def learn(self, entity: int, noun: str, gender: str | None) -> None:
        """Remember that the text gave `entity` the role `noun` (and with it a gender, if unknown)."""
        profile = self.profiles[entity]
        profile.roles.add(noun)
        profile.gender = profile.gender or gender


def _first_name_gender(name: str, lexicon: CoreferenceLexicon) -> str | None:
    """The gender of the first known first name before the surname ("Karin Bos": f)."""
    words = name.replace("-", " ").split()[:-1]
    return next((lexicon.first_names[w] for w in words if w in lexicon.first_names), None)


def _named_tokens(doc: Doc, mentions: list[Mention]) -> dict[int, int]:
    """Token index -> the entity of the name mention that covers it."""
    named = {}
    for mention in mentions:
        for token in doc.char_span(mention.start, mention.end, alignment_mode="expand") or ():
            if mention.entity is not None:
                named[token.i] = mention.entity
    return named


def _positions(doc: Doc) -> tuple[list[int], list[int]]:
    """The sentence number and paragraph number of every token."""
    offsets, starts = doc.to_array([IDX, SENT_START]).T
    starts[:1] = 1
    paragraph_starts = numpy.array([p.start for p in doc._.paragraphs or []], dtype=offsets.dtype)
    paragraphs = numpy.maximum(numpy.searchsorted(paragraph_starts, offsets, side="right") - 1, 0)
    return (numpy.cumsum(starts == 1) - 1).tolist(), paragraphs.tolist()
