"""Corpus entities: the entities of many articles linked into one, by the names they go by.

An article entity is known by its keys: its full name without a leading article, and for a long
organisation name its initials (its acronym). Entities that share a key are one corpus entity when their
types agree: a person links only to a person; an organisation, place or other name links to any of
those, since the tagger may call one company ORG in one article and LOC in the next. A person named
by surname alone ("Smit") then joins the one person named in full with that surname, and nobody when
several are ("Jan Smit", "Piet Smit"); two people are never linked by a word they share (a first name).
Each link keeps its evidence.

Events are linked within an article for now: mentions of one type with the same trigger word ("het
probleem … het probleem") are one event. Linking them across articles by type and trigger, also
within stories of articles that share entities, scored lower on the development gold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..lang import DEFAULT_LANGUAGE, word_list
from ..records import Article, Entity

EntityRef = tuple[str, int]
"""An article entity: the article's id and the entity's index in it."""

EventRef = tuple[str, int]
"""An article event: the article's id and the event's index in it."""


@dataclass
class Linking:
    """Corpus entity ids for article entities, and why each pair was linked."""

    corpus_id: dict[EntityRef, int] = field(default_factory=dict)
    evidence: dict[tuple[EntityRef, EntityRef], str] = field(default_factory=dict)


def _words(name: str, lang: str) -> list[str]:
    articles = word_list(lang, "function_words")
    words = name.replace("-", " - ").split()
    while words and words[0].lower() in articles:
        words = words[1:]
    return [w for w in words if w != "-"]


def acronym(name: str, lang: str = DEFAULT_LANGUAGE) -> str | None:
    """The initials of a name of three or more capitalised words ("Verenigde Oost-Indische Compagnie": VOC)."""
    capitals = [w[0] for w in _words(name, lang) if w[:1].isupper()]
    return "".join(capitals) if len(capitals) >= 3 else None


def entity_keys(entity: Entity, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The keys an entity is known by, each with the kind of evidence it gives."""
    words = _words(entity.name, lang)
    if not words:
        return {}
    keys = {"name:" + " ".join(words).lower(): "same name"}
    initials = acronym(entity.name, lang) if entity.label != "PER" else None
    if initials:
        keys["name:" + initials.lower()] = f"acronym {initials}"
    return keys


def _surname(entity: Entity, lang: str) -> tuple[str, bool] | None:
    """A person's surname, and whether the entity is named by it alone."""
    words = _words(entity.name, lang)
    return (words[-1].lower(), len(words) == 1) if entity.label == "PER" and words else None


def _kind(entity: Entity) -> str:
    return "person" if entity.label == "PER" else "other"


class _Sets:
    """Union-find over article entities."""

    def __init__(self) -> None:
        self.parent: dict[EntityRef, EntityRef] = {}

    def find(self, ref: EntityRef) -> EntityRef:
        self.parent.setdefault(ref, ref)
        while self.parent[ref] != ref:
            self.parent[ref] = self.parent[self.parent[ref]]
            ref = self.parent[ref]
        return ref

    def union(self, a: EntityRef, b: EntityRef) -> None:
        self.parent[self.find(a)] = self.find(b)


def link_entities(articles: Iterable[Article]) -> Linking:
    """Link the entities of `articles` into corpus entities, numbered in order of first appearance."""
    articles = list(articles)
    sets, linking = _Sets(), Linking()
    seen: dict[tuple[str, str], tuple[EntityRef, str]] = {}
    for article in articles:
        for entity in article.entities:
            ref = (article.id, entity.id)
            sets.find(ref)
            for key, why in entity_keys(entity, article.language).items():
                first, first_why = seen.setdefault((_kind(entity), key), (ref, why))
                _link(sets, linking, first, ref, why if first_why == why else f"{first_why} / {why}")
    _link_surnames(articles, sets, linking)
    roots: dict[EntityRef, int] = {}
    for ref in sets.parent:
        linking.corpus_id[ref] = roots.setdefault(sets.find(ref), len(roots))
    return linking


def _link(sets: _Sets, linking: Linking, first: EntityRef, ref: EntityRef, why: str) -> None:
    if sets.find(first) != sets.find(ref):
        sets.union(ref, first)
        linking.evidence[(first, ref)] = why


def _link_surnames(articles: list[Article], sets: _Sets, linking: Linking) -> None:
    """Each person named by surname alone joins the one person named in full with it, if just one is."""
    full: dict[str, set[EntityRef]] = {}
    alone: list[tuple[str, EntityRef]] = []
    for article in articles:
        for entity in article.entities:
            found = _surname(entity, article.language)
            if found is not None:
                ref = (article.id, entity.id)
                if found[1]:
                    alone.append((found[0], ref))
                else:
                    full.setdefault(found[0], set()).add(ref)
    for surname, ref in alone:
        people = {sets.find(person) for person in full.get(surname, ())}
        if len(people) == 1:
            _link(sets, linking, people.pop(), ref, f"surname {surname}")


def link_events(articles: Iterable[Article]) -> dict[EventRef, int]:
    """Corpus event ids: the events of one article with the same type and trigger word share one."""
    ids: dict[EventRef, int] = {}
    known: dict[tuple[str, str, str], int] = {}
    for article in articles:
        for index, event in enumerate(article.events):
            key = (article.id, event.type, event.trigger.text.lower())
            ids[(article.id, index)] = known.setdefault(key, len(known))
    return ids
