"""Descriptions that refer to an entity the article names: a role or type noun in apposition to a
name ("topman Jan Smit", "het bedrijf Shell", "Karin Bos, minister van Defensie"), and a definite
description that refers back to one ("de topman", "het concern", "deze politicus")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .context import NAME_DEPS, Context
from .lexicon import Description

DESCRIPTION_SENTENCES = 3
"""A type noun ("het bedrijf") looks this many sentences back for the entity it describes."""
MODIFIER_DEPS = frozenset({"det", "amod"})


def description_span(noun: Token) -> Span:
    """The noun with the determiner and adjectives before it ("het Japanse bedrijf")."""
    start = min((c.i for c in noun.lefts if c.dep_ in MODIFIER_DEPS and c.pos_ in ("DET", "ADJ")), default=noun.i)
    return noun.doc[start : noun.i + 1]


def apposition(context: Context, noun: Token, description: Description) -> int | None:
    """The entity the noun stands in apposition to: the name right after it, or the name before
    the comma that opens it; only one of the type the noun describes."""
    doc, entity = noun.doc, None
    if noun.i + 1 < len(doc) and noun.i not in context.named:
        entity = context.named.get(noun.i + 1)
    start = description_span(noun).start
    if entity is None and noun.dep_ == "appos" and start >= 2 and doc[start - 1].text == ",":
        entity = context.named.get(start - 2)
    return entity if entity is not None and _fits(context, entity, description) else None


def is_definite(context: Context, noun: Token, description: Description) -> bool:
    """A singular noun after a definite article or demonstrative, without a name of its own that
    it could describe ("de premier Singapore Airlines" is a misparse, not the premier's name)."""
    if "Plur" in noun.morph.get("Number", []) or not any(
        c.dep_ == "det" and c.lower_ in context.lexicon.definite for c in noun.lefts
    ):
        return False
    own_names = (context.named[c.i] for c in noun.children if c.dep_ in NAME_DEPS and c.i in context.named)
    return not any(_fits(context, entity, description) for entity in own_names)


def antecedent(context: Context, noun: Token, description: Description) -> int | None:
    """The entity a definite description refers back to: for a role, the person the text gave
    that role; for an organisation's body, the organisation whose name holds it; for a type noun,
    the nearest subject of its type and gender, else the nearest such entity ("Ajax won van PSV.
    De club …": Ajax)."""
    if description.kind == "role":
        return _holder(context, noun, description)
    if description.kind == "named":
        return _named_holding(context, noun, description.noun)
    fitting = [a for a in context.before(noun, DESCRIPTION_SENTENCES) if _fits(context, a.entity, description)]
    return next((a.entity for a in fitting if a.subject), fitting[0].entity if fitting else None)


def _fits(context: Context, entity: int, description: Description) -> bool:
    return context.agrees(entity, frozenset({description.type}), description.gender)


def _holder(context: Context, noun: Token, description: Description) -> int | None:
    return next((a.entity for a in context.before(noun)
                 if description.noun in context.profiles[a.entity].roles), None)


def _named_holding(context: Context, noun: Token, word: str) -> int | None:
    return next((a.entity for a in context.before(noun)
                 if context.profiles[a.entity].label == "ORG" and word in context.names[a.entity].lower()), None)
