"""Finding corpus entities by a name they go by: what `kroniek claims --entity` and the name pages
of the web UI ask the store."""

from __future__ import annotations

from ..store import Store
from ..store.base import Row

CANDIDATES = 50
"""The most corpus entities whose names contain the words looked for that are read."""


def entities_going_by(store: Store, name: str) -> list[Row]:
    """The corpus entities (as `Store.corpus_entity` gives them, with their members) that an article
    calls exactly `name`, ignoring case."""
    wanted = name.lower()
    found = []
    for row in store.corpus_entity_page(name, None, 0, CANDIDATES).items:
        entity = store.corpus_entity(row["id"])
        if entity and any(member["name"].lower() == wanted for member in entity["members"]):
            found.append(entity)
    return found
