"""Named-entity mentions as records, grouped into the entities they name within one article.

A shorter mention joins the entity whose fullest name contains all its words ("Peskov" joins
"Dmitri Peskov", "Kims" joins "Kim Jong-un"), so later stages can resolve a speaker or an agent to
the fullest name the article uses. The tagger labels each mention on its own, and the article as a
whole corrects it:

- a mention that glues two names the article tags apart with different labels ("dat Kim Rusland
  zou bezoeken" beside "Kim" and "Rusland") becomes those two mentions;
- a surname called a place or an organisation ("Verhoeff" after "Mees Verhoeff") joins the person
  whose fuller name ends with it and becomes PER; a place only when the same words are also tagged
  PER on their own, since a glued name may end in a real place;
- a mention with no letter or digit (a stray ';') is no name and is dropped, and the blank lines
  after a title that the tagger runs a name into are no part of it;
- a "person" whose name holds an organisation word ("Vandermolen Holding", `organisation_words.txt`)
  is an organisation, and one made of initials only ("V. S.") a place when it abbreviates one
  (`place_abbreviations.txt`), else an organisation;
- a name the article tags with different labels takes the label most of its mentions have;
- a name the tagger found once is a mention wherever else the article writes it ("Boeing" in the
  sentences where the tagger saw no name); a capitalised first word of a sentence only when the
  article never writes it in lower case ("Volgens").

Then in-article coreference (`kroniek.coreference`) adds the descriptions and pronouns that refer
to these entities ("de topman", "het bedrijf", "hij") as mentions of kind "description" and
"pronoun"; `Article.mentions` holds all of them in text order, and an entity's name stays the
fullest name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.attrs import IS_LOWER, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..coreference import corefer
from ..lang import word_list
from ..records import Entity, Mention

INITIAL = re.compile(r"^[A-Z]\.?$")


def _name_words(text: str) -> list[str]:
    """Lower-cased words of a name, with a Dutch genitive -s dropped from the last one."""
    return text.replace("-", " ").lower().split()


def _matches(words: list[str], entity_words: set[str]) -> bool:
    if all(word in entity_words for word in words):
        return True
    *rest, last = words
    return last.endswith("s") and all(w in entity_words for w in [*rest, last[:-1]])


def is_name(text: str) -> bool:
    """Whether a mention's text could be a name at all: it has a letter or a digit."""
    return any(c.isalnum() for c in text)


def _names_person(words: list[str], group: tuple[Entity, set[str]]) -> bool:
    entity, entity_words = group
    return entity.label == "PER" and _name_words(entity.name)[-1] in words and _matches(words, entity_words)


def group_mentions(mentions: list[Mention]) -> list[Entity]:
    """Group mentions into entities, longest names first; fill in each mention's entity index."""
    groups: list[tuple[Entity, set[str]]] = []
    people = {m.text for m in mentions if m.label == "PER"}
    for index in sorted(range(len(mentions)), key=lambda i: (-len(mentions[i].text), i)):
        mention = mentions[index]
        words = _name_words(mention.text)
        match = next((g for g in groups if g[0].label == mention.label and _matches(words, g[1])), None)
        if match is None and mention.label != "PER" and (mention.label != "LOC" or mention.text in people):
            match = next((g for g in groups if _names_person(words, g)), None)
            if match is not None:
                mention.label = "PER"
        if match is None:
            match = (Entity(id=len(groups), name=mention.text, label=mention.label), set(words))
            groups.append(match)
        match[0].mentions.append(index)
    return _renumber_by_first_mention([entity for entity, _ in groups], mentions)


def _renumber_by_first_mention(entities: list[Entity], mentions: list[Mention]) -> list[Entity]:
    entities.sort(key=lambda e: min(e.mentions))
    for new_id, entity in enumerate(entities):
        entity.id = new_id
        entity.mentions.sort()
        for index in entity.mentions:
            mentions[index].entity = new_id
    return entities


@Language.component(
    "kroniek_entities", requires=["doc.ents", "doc.sents", "token.dep", "token.pos", "token.morph"],
    assigns=["doc._.mentions", "doc._.entities"],
)
def link_entities(doc: Doc) -> Doc:
    """Turn doc.ents into Mention records, group them into Entity records, and add the descriptions
    and pronouns that refer to those entities."""
    names = _name_mentions(doc)
    names = sorted(names + _repeated(doc, names), key=lambda m: m.start)
    entities = group_mentions(names)
    doc._.mentions = _in_text_order(names + corefer(doc, names, entities), entities)
    doc._.entities = entities
    return doc


def _name_mentions(doc: Doc) -> list[Mention]:
    """The NER's names as mentions: unglued, typed by their words, labelled consistently."""
    ents = [ent for ent in map(_without_blanks, doc.ents) if is_name(ent.text)]
    labels: dict[str, set[str]] = defaultdict(set)
    for ent in ents:
        labels[ent.text].add(ent.label_)
    return _consistent([
        Mention(start=part.start_char, end=part.end_char, text=part.text, label=typed(part.text, label, doc.lang_))
        for ent in ents for part, label in _unglued(ent, labels)
    ])


def _repeated(doc: Doc, names: list[Mention]) -> list[Mention]:
    """The occurrences of a name's words outside every mention, as mentions with the name's label."""
    forms: dict[int, list[tuple[tuple[int, ...], str]]] = defaultdict(list)
    covered: set[int] = set()
    for mention in names:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
            forms[span[0].orth].append((tuple(t.orth for t in span), mention.label))
    orths, lowers, is_lower = doc.to_array([ORTH, LOWER, IS_LOWER]).T.tolist()
    lower = {word for word, lowered in zip(lowers, is_lower, strict=True) if lowered}
    found = []
    for i, orth in enumerate(orths):
        for words, label in sorted(set(forms.get(orth, ())), key=lambda form: -len(form[0])):
            end = i + len(words)
            if tuple(orths[i:end]) == words and covered.isdisjoint(range(i, end)) and _names_here(doc[i:end], lower):
                covered.update(range(i, end))
                found.append(Mention(start=doc[i].idx, end=doc[end - 1].idx + len(doc[end - 1]), text=doc[i:end].text,
                                     label=label))
                break
    return found


def _names_here(span: Span, lower: set[int]) -> bool:
    """A capitalised stretch, not a first word the article also writes in lower case."""
    first = span[0]
    return first.text[:1].isupper() and not (first.is_sent_start and len(span) == 1 and first.lower in lower)


def _in_text_order(mentions: list[Mention], entities: list[Entity]) -> list[Mention]:
    """The mentions sorted by where they start, with each entity's mention indexes renewed."""
    mentions.sort(key=lambda m: m.start)
    for entity in entities:
        entity.mentions = [i for i, m in enumerate(mentions) if m.entity == entity.id]
    return mentions


def _without_blanks(ent: Span) -> Span:
    """The name without the whitespace tokens (a title's blank lines) the tagger may run it into."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].is_space:
        start += 1
    while end > start and ent.doc[end - 1].is_space:
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def typed(text: str, label: str, lang: str) -> str:
    """The label of a name once its own words are read: an organisation word or initials only make
    a "person" an organisation, or a place when the initials abbreviate one."""
    if label != "PER":
        return label
    words = text.split()
    if any(word.lower().rstrip(".") in word_list(lang, "organisation_words") for word in words[1:]):
        return "ORG"
    if words and all(INITIAL.match(word) for word in words):
        squeezed = text.replace(".", "").replace(" ", "").upper()
        return "LOC" if squeezed in word_list(lang, "place_abbreviations") else "ORG"
    return label


def _consistent(mentions: list[Mention]) -> list[Mention]:
    """Each name with the label most of its mentions in the article have (the first one on a tie)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        counts[mention.text][mention.label] += 1
    for mention in mentions:
        mention.label = counts[mention.text].most_common(1)[0][0]
    return mentions


def _unglued(ent: Span, labels: dict[str, set[str]]) -> list[tuple[Span, str]]:
    """The entity, or the two names it glues together when the article tags each of them on its
    own (`labels`: the labels each mention text has) with different labels."""
    for k in range(1, len(ent)):
        left, right = ent[:k], ent[k:]
        for left_label in labels.get(left.text, ()):
            other = next((label for label in labels.get(right.text, ()) if label != left_label), None)
            if other is not None:
                return [(left, left_label), (right, other)]
    return [(ent, ent.label_)]
