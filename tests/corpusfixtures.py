"""Articles of our own for the corpus tests: a company that cuts jobs in Zwolle, named in full and by
its acronym in two articles two days apart, and a namesake of its spokesman elsewhere."""

from __future__ import annotations

import datetime as dt

from kroniek.records import Article, Entity, Mention, span_of

DAY = dt.date(2025, 3, 10)


def named(doc_id: str, text: str, names: list[tuple[str, str]], published: dt.date | None = DAY) -> Article:
    """An article whose entities are `names`, each mentioned where it first occurs and again for every repeat."""
    mentions, entities = [], []
    for index, (name, label) in enumerate(names):
        starts = [i for i in range(len(text)) if text.startswith(name, i)]
        numbers = list(range(len(mentions), len(mentions) + len(starts)))
        mentions += [Mention(**span_of(text, s, s + len(name)).model_dump(), label=label, entity=index) for s in starts]
        entities.append(Entity(id=index, name=name, label=label, mentions=numbers))
    return Article(id=doc_id, text=text, mentions=mentions, entities=entities, published=published)


FIRST = named("eerste", "Vandermolen Transport Groep schrapt banen in Zwolle. Jan Smit van Vandermolen Transport Groep"
              " betreurt het.", [("Vandermolen Transport Groep", "ORG"), ("Zwolle", "LOC"), ("Jan Smit", "PER")])
SECOND = named("tweede", "VTG bevestigt: Smit en VTG praten met de bond in Zwolle.",
               [("VTG", "ORG"), ("Smit", "PER"), ("Zwolle", "LOC")], DAY + dt.timedelta(days=2))
ELSEWHERE = named("elders", "Piet Smit opent een bakkerij in Gouda.", [("Piet Smit", "PER"), ("Gouda", "LOC")])
