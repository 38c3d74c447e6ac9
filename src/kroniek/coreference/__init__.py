"""In-article coreference: the descriptions and pronouns that refer to an entity the article names.

`kroniek_entities` groups the names of an article into entities; this package finds, reading the
article from left to right, the other words that refer to them:

- a role or type noun in apposition to a name ("topman Jan Smit", "het bedrijf Shell", "Karin Bos,
  minister van Defensie") is a description of it, and the role is remembered;
- a definite description ("de topman", "het concern", "deze politicus") refers back to the person
  given that role before, to the organisation whose name holds it ("het ministerie"), or to the
  nearest entity of its type and gender (`descriptions.py`);
- "hij", "hem", "zijn", "zij", "ze", "haar" and "hun" refer to an entity they agree with, preferably
  a subject (`pronouns.py`).

Each becomes a `Mention` of kind "description" or "pronoun" with the entity's label; what does not
resolve gets no mention, since an unresolved pronoun is better than a wrong one. The entity keeps
the fullest name as its name. The words are data (`lang/<code>/description_nouns.tsv`,
`role_nouns.tsv`, `coreference_pronouns.tsv`, `first_name_genders.tsv`, `definite_determiners.txt`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LOWER, POS
from spacy.symbols import DET, NOUN, PRON
from spacy.tokens import Doc, Span, Token

from ..records import Entity, Mention, MentionKind
from .context import Context
from .descriptions import antecedent, apposition, description_span, is_definite
from .lexicon import CoreferenceLexicon, coreference_lexicon
from .pronouns import resolve


def corefer(doc: Doc, mentions: list[Mention], entities: list[Entity]) -> list[Mention]:
    """The description and pronoun mentions of `doc` that refer to one of `entities`, which the
    name `mentions` name."""
    lexicon = coreference_lexicon(doc.lang_)
    context = Context(doc, mentions, entities, lexicon)
    roots = _name_roots(doc, mentions, context)
    found = []
    for token in _candidates(doc, lexicon, roots, context.named):
        if token.i in roots:
            context.add(token, roots[token.i])
            continue
        mention = _description(context, token) if token.pos == NOUN else _pronoun(context, token)
        if mention is not None:
            found.append(mention)
    return found


def _name_roots(doc: Doc, mentions: list[Mention], context: Context) -> dict[int, int]:
    """The head token of each name mention, with its entity; the roles a name holds are learnt
    ("Kremlin-woordvoerder Dmitri Peskov")."""
    roots = {}
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or mention.entity is None:
            continue
        roots[span.root.i] = mention.entity
        for word in mention.text.split()[:-1]:
            role = context.lexicon.description(word)
            if role is not None and role.kind == "role":
                context.learn(mention.entity, role.noun, role.gender)
    return roots


def _candidates(doc: Doc, lexicon: CoreferenceLexicon, roots: dict[int, int], named: dict[int, int]) -> Iterator[Token]:
    """The tokens that may refer to an entity, in text order: name heads, description nouns
    outside names, and pronouns."""
    strings, known = doc.vocab.strings, {}
    for i, (lower, pos) in enumerate(doc.to_array([LOWER, POS]).tolist()):
        if lower not in known:
            word = strings[lower]
            known[lower] = (word in lexicon.pronouns, lexicon.description(word) is not None)
        pronoun, noun = known[lower]
        if i in roots or pronoun and pos in (PRON, DET) or noun and pos == NOUN and i not in named:
            yield doc[i]


def _description(context: Context, noun: Token) -> Mention | None:
    description = context.lexicon.description(noun.lower_)
    if description is None:
        return None
    entity = apposition(context, noun, description)
    if entity is not None:
        context.learn(entity, description.noun, description.gender)
    elif is_definite(context, noun, description):
        entity = antecedent(context, noun, description)
    return None if entity is None else _refer(context, noun, description_span(noun), entity, "description")


def _pronoun(context: Context, pronoun: Token) -> Mention | None:
    entity = resolve(context, pronoun)
    return None if entity is None else _refer(context, pronoun, pronoun.doc[pronoun.i : pronoun.i + 1], entity, "pronoun")


def _refer(context: Context, token: Token, span: Span, entity: int, kind: MentionKind) -> Mention:
    context.add(token, entity)
    label = context.profiles[entity].label
    return Mention(start=span.start_char, end=span.end_char, text=span.text, label=label, entity=entity, kind=kind)
