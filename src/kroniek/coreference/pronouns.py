"""Personal and possessive pronouns resolved to an entity named before them.

A pronoun stands only for an entity it agrees with: in gender (the first name's, or the role's:
"woordvoerster"), number (read off the finite verb: "ze zegt" a woman, "ze zeggen" an organisation)
and type (an organisation is never "hij"). Among those it prefers, in order: for a possessive, the
subject of its own clause ("Smit verkoopt zijn aandelen"); the subject of the clause it depends on
("Smit zei dat hij …"); an earlier subject in its sentence; the subject of the previous sentence;
else the most recent entity in its sentence, the previous one or its paragraph. An object pronoun
never stands for the subject of its own clause ("Smit prees hem"). A pronoun left with no candidate,
or whose readings the text does not decide between, stays unresolved.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..syntax.clause import OBJECT_DEPS, SUBJECT_DEPS, clause_head, clause_of, subject, verb_group
from .context import Context
from .lexicon import Reading

PARAGRAPH_SENTENCES = 2
"""Beyond the previous sentence, a pronoun looks back this many sentences within its paragraph."""
POSSESSIVE_DEPS = frozenset({"nmod:poss", "det:poss"})


def number_of(pronoun: Token) -> str | None:
    """'sg' or 'pl' for a subject pronoun, read off its finite verb; None when the text leaves it open.
    A verb ending a subordinate clause in -en ("dat ze staken") is tagged an infinitive: plural."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return None
    group = verb_group(pronoun.head)
    for verb in group:
        number = verb.morph.get("Number", [])
        if number:
            return "pl" if "Plur" in number else "sg"
    alone = len(group) == 1 and "Inf" in pronoun.head.morph.get("VerbForm", [])
    return "pl" if alone and pronoun.head.lower_.endswith("en") and pronoun.i < pronoun.head.i else None


def readings(context: Context, pronoun: Token) -> list[Reading]:
    """The readings of the pronoun its number allows; none when the text leaves the number open
    and the readings differ in it ("ze" as an object: a woman or a group)."""
    number = number_of(pronoun)
    fitting = [r for r in context.lexicon.pronouns.get(pronoun.lower_, ()) if number in (None, r.number)]
    return fitting if len({r.number for r in fitting}) == 1 else []


def resolve(context: Context, pronoun: Token) -> int | None:
    """The entity the pronoun stands for, or None."""
    found = readings(context, pronoun)
    if not found:
        return None
    own = _subject(clause_head(pronoun), pronoun)
    excluded = context.entity_of_phrase(own) if own is not None and pronoun.dep_ in OBJECT_DEPS else None
    for candidate in _preferred(context, pronoun, own):
        entity = context.entity_of_phrase(candidate) if isinstance(candidate, Token) else candidate
        if entity is None and isinstance(candidate, Token) and _could_be(candidate, found):
            return None
        if entity is not None and entity != excluded and any(context.agrees(entity, r.types, r.gender) for r in found):
            return entity
    return None


def _could_be(subject_: Token, found: list[Reading]) -> bool:
    """True when an unnamed subject ("de man", "de vakbonden") is as likely what the pronoun stands
    for as any entity: a noun of the pronoun's number."""
    plural = "Plur" in subject_.morph.get("Number", [])
    return subject_.pos_ == "NOUN" and plural == (found[0].number == "pl")


def _preferred(context: Context, pronoun: Token, own: Token | None) -> Iterator[Token | int | None]:
    """What the pronoun may stand for, the likeliest first: subjects (as tokens), then entities."""
    if pronoun.dep_ in POSSESSIVE_DEPS:
        yield own
    yield from _governing_subjects(pronoun)
    sentence = context.sentence_of[pronoun.i]
    yield from (a.entity for a in context.before(pronoun, 0) if a.subject)
    if sentence > 0:
        yield _subject(context.sentence(sentence - 1).root, pronoun)
    paragraph = context.paragraph_of[pronoun.i]
    yield from (a.entity for a in context.before(pronoun, PARAGRAPH_SENTENCES)
                if sentence - a.sentence <= 1 or a.paragraph == paragraph)


def _governing_subjects(pronoun: Token) -> Iterator[Token | None]:
    """The subjects of the clauses the pronoun's clause depends on, the nearest first."""
    clause = clause_of(pronoun)
    while clause.head.i != clause.i:
        verb = clause_head(clause.head)
        yield _subject(verb, pronoun)
        clause = clause_of(verb)


def _subject(verb: Token, pronoun: Token) -> Token | None:
    """The subject of `verb`, when it stands before the pronoun."""
    found = subject(verb)
    return found if found is not None and found.i < pronoun.i else None
