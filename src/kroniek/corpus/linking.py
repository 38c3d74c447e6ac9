"""Corpus entities: the entities of many articles linked into one, by the names they go by, one
article at a time.

An article entity is known by its keys: its full name without a leading article, that name without
a legal form at its end ("Apple Inc.": Apple, `legal_forms.txt`), and for a long organisation name
its initials (its acronym). An entity that shares a key with a corpus entity joins
it when their types agree: a person links only to a person; an organisation, place or other name
links to any of those, since the tagger may call one company ORG in one article and LOC in the next.
A person named by surname alone ("Smit") joins the one person named in full with that
surname, and nobody when several are ("Jan Smit", "Piet Smit"); a person named in full takes in the
people named by their surname alone when nobody else has that surname yet. Two people are never
linked by a word they share (a first name). Each link keeps its evidence.

The linking reads and writes a `CorpusIndex`: the store's corpus tables during an ingest
(`store.update_corpus`), or `MemoryIndex` for a corpus held in memory (`kroniek eval cdcr`). Both
see the same decisions, made in the order the articles arrive.

Events are linked within an article for now: mentions of one type with the same trigger word ("het
probleem … het probleem") are one event. Linking them across articles by type and trigger, also
within stories of articles that share entities, scored lower on the development gold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..lang import DEFAULT_LANGUAGE, word_list
from ..records import Article, Entity

EntityRef = tuple[str, int]
"""An article entity: the article's id and the entity's index in it."""

EventRef = tuple[str, int]
"""An article event: the article's id and the event's index in it."""

PERSON, OTHER = "person", "other"
"""The kinds of key: a person's keys never meet those of an organisation, place or other name."""


class CorpusIndex(Protocol):
    """The corpus entities linked so far, with the keys they are known by."""

    def entities_with(self, kind: str, key: str) -> dict[int, str]:
        """The corpus entities known by `key` among those of `kind`, each with why it has the key."""

    def new_entity(self, name: str, label: str) -> int:
        """A new corpus entity's id."""

    def add_key(self, kind: str, key: str, corpus_id: int, why: str) -> None:
        """Know `corpus_id` by `key` from now on, for the reason `why` ("same name", "acronym VTG")."""

    def add_member(self, ref: EntityRef, corpus_id: int, name: str, evidence: str | None) -> None:
        """Record that an article entity (named `name`) is the corpus entity, and why (None: it is the first)."""


def _words(name: str, lang: str, hyphens_split: bool = True) -> list[str]:
    """The words of a name without a leading article, a hyphenated word split in two unless not `hyphens_split`."""
    articles = word_list(lang, "function_words")
    words = name.replace("-", " - ").split() if hyphens_split else name.split()
    while words and words[0].lower() in articles:
        words = words[1:]
    return [w for w in words if w != "-"]


def acronym(name: str, lang: str = DEFAULT_LANGUAGE) -> str | None:
    """The initials of a name of three or more capitalised words ("Verenigde Oost-Indische Compagnie": VOC)."""
    capitals = [w[0] for w in _words(name, lang, hyphens_split=False) if w[:1].isupper()]
    return "".join(capitals) if len(capitals) >= 3 else None


def entity_keys(entity: Entity, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The keys an entity is known by, each with the kind of evidence it gives."""
    words = _words(entity.name, lang)
    if not words:
        return {}
    keys = {"name:" + " ".join(words).lower(): "same name"}
    if len(words) > 1 and words[-1].lower().replace(".", "") in word_list(lang, "legal_forms"):
        keys["name:" + " ".join(words[:-1]).lower()] = f"same name without {words[-1]}"
    initials = acronym(entity.name, lang) if entity.label != "PER" else None
    if initials:
        keys["name:" + initials.lower()] = f"acronym {initials}"
    return keys


def _surname(entity: Entity, lang: str) -> tuple[str, bool] | None:
    """A person's surname, and whether the entity is named by it alone."""
    words = _words(entity.name, lang)
    return (words[-1].lower(), len(words) == 1) if entity.label == "PER" and words else None


def key_kind(entity: Entity) -> str:
    """Which keys an entity may share: a person's, or those of every other kind of name."""
    return PERSON if entity.label == "PER" else OTHER


def link_article(index: CorpusIndex, article: Article) -> None:
    """Link every entity of `article` into the corpus entities of `index`."""
    for entity in article.entities:
        link_entity(index, (article.id, entity.id), entity, article.language)


def link_entity(index: CorpusIndex, ref: EntityRef, entity: Entity, lang: str) -> None:
    """Link one article entity into a corpus entity: one it shares a key with, else a new one."""
    kind, keys = key_kind(entity), entity_keys(entity, lang)
    found = {cid: _evidence(first_why, why) for key, why in keys.items()
             for cid, first_why in index.entities_with(kind, key).items()}
    surname = _surname(entity, lang)
    if surname is not None:
        found.update(_surname_links(index, *surname))
    if not found:
        corpus_id, evidence = index.new_entity(entity.name, entity.label), None
    else:
        corpus_id = min(found)
        evidence = found[corpus_id]
    for key, why in keys.items():
        index.add_key(kind, key, corpus_id, why)
    if surname is not None:
        index.add_key(PERSON, ("lone:" if surname[1] else "surname:") + surname[0], corpus_id, "surname")
    index.add_member(ref, corpus_id, entity.name, evidence)


def _evidence(first_why: str, why: str) -> str:
    """The evidence of a link by one key: how each side came by it, once when the same."""
    return why if first_why == why else f"{first_why} / {why}"


def _surname_links(index: CorpusIndex, surname: str, alone: bool) -> dict[int, str]:
    """The corpus people a person joins by surname: for a surname alone, the one person named in full
    with it; for a full name, those named by the surname alone, while nobody else has it."""
    full = set(index.entities_with(PERSON, "surname:" + surname))
    if alone:
        return {full.pop(): f"surname {surname}"} if len(full) == 1 else {}
    return {} if full else dict.fromkeys(index.entities_with(PERSON, "lone:" + surname), f"surname {surname}")


@dataclass
class MemoryIndex:
    """A CorpusIndex held in memory: for a corpus that is linked once and scored (`kroniek eval cdcr`)."""

    keys: dict[tuple[str, str], dict[int, str]] = field(default_factory=dict)
    corpus_id: dict[EntityRef, int] = field(default_factory=dict)
    evidence: dict[EntityRef, str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)

    def entities_with(self, kind: str, key: str) -> dict[int, str]:
        return dict(self.keys.get((kind, key), {}))

    def new_entity(self, name: str, label: str) -> int:
        self.names.append(name)
        return len(self.names) - 1

    def add_key(self, kind: str, key: str, corpus_id: int, why: str) -> None:
        self.keys.setdefault((kind, key), {}).setdefault(corpus_id, why)

    def add_member(self, ref: EntityRef, corpus_id: int, name: str, evidence: str | None) -> None:
        self.corpus_id[ref] = corpus_id
        if evidence is not None:
            self.evidence[ref] = evidence


def link_entities(articles: Iterable[Article]) -> MemoryIndex:
    """Link the entities of `articles`, in order, into corpus entities held in memory."""
    index = MemoryIndex()
    for article in articles:
        link_article(index, article)
    return index


def link_events(articles: Iterable[Article]) -> dict[EventRef, int]:
    """Corpus event ids: the events of one article with the same type and trigger word share one."""
    ids: dict[EventRef, int] = {}
    known: dict[tuple[str, str, str], int] = {}
    for article in articles:
        for index, event in enumerate(article.events):
            key = (article.id, event.type, event.trigger.text.lower())
            ids[(article.id, index)] = known.setdefault(key, len(known))
    return ids
