"""The words in-article coreference reads, from the data of the Doc's language.

Description nouns come from `description_nouns.tsv` (type nouns such as "bedrijf", "stad",
"politicus") and from `role_nouns.tsv` (a person's role such as "minister" or "woordvoerster"; an
organisation's body such as "ministerie"); pronouns
and their readings from `coreference_pronouns.tsv`; the gender of first names from
`first_name_genders.tsv` (written by `kroniek/train/first_names.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..lang import read_table, word_list

SUFFIX_MIN = 3
"""A compound counts by a last part of at least this many letters ("energiebedrijf": "bedrijf")."""
NO_ENTITY = "-"
"""The type of a noun that ends like a description but describes no entity ("buitenland")."""


@dataclass(frozen=True)
class Description:
    """What a noun says of the entity it refers back to: the noun of the table it ends in, the type
    and gender (if any) of the entity, and how it finds that entity: `role`, a person's role, the
    person the text gave it first; `type`, the nearest entity of the type; `named`, an organisation
    whose name holds the noun ("het ministerie" for "het ministerie van Defensie")."""

    noun: str
    type: str
    gender: str | None
    kind: str


@dataclass(frozen=True)
class Reading:
    """One reading of a pronoun: the gender (None: either), number and entity types it stands for."""

    gender: str | None
    number: str
    types: frozenset[str]


@dataclass(frozen=True)
class CoreferenceLexicon:
    """Description nouns, pronoun readings, first-name genders and definite determiners of a language."""

    nouns: dict[str, Description]
    pronouns: dict[str, tuple[Reading, ...]]
    first_names: dict[str, str]
    definite: frozenset[str]

    def description(self, word: str) -> Description | None:
        """What a noun or a compound ending in one describes ("vliegtuigfabrikant": an organisation);
        None for a compound the table marks as no description ("buitenland")."""
        tail = word.lower().rsplit("-", 1)[-1]
        for size in range(len(tail), SUFFIX_MIN - 1, -1):
            found = self.nouns.get(tail[-size:])
            if found is not None:
                return found if found.type != NO_ENTITY else None
        return None


def _gender(cell: str | None) -> str | None:
    return cell if cell in ("m", "f") else None


def _nouns(lang: str) -> dict[str, Description]:
    nouns = {}
    for row in read_table(lang, "role_nouns"):
        person = row["kind"] == "person"
        nouns[row["noun"]] = Description(row["noun"], "PER" if person else "ORG", _gender(row.get("gender")),
                                         "role" if person else "named")
    for row in read_table(lang, "description_nouns"):
        nouns[row["noun"]] = Description(row["noun"], row["type"], _gender(row.get("gender")), "type")
    return nouns


def _pronouns(lang: str) -> dict[str, tuple[Reading, ...]]:
    readings: dict[str, list[Reading]] = {}
    for row in read_table(lang, "coreference_pronouns"):
        reading = Reading(_gender(row["gender"]), row["number"], frozenset(row["types"].split()))
        readings.setdefault(row["pronoun"], []).append(reading)
    return {pronoun: tuple(found) for pronoun, found in readings.items()}


@cache
def coreference_lexicon(lang: str) -> CoreferenceLexicon:
    """The coreference words of `lang`, read once."""
    return CoreferenceLexicon(
        nouns=_nouns(lang),
        pronouns=_pronouns(lang),
        first_names={row["name"]: row["gender"] for row in read_table(lang, "first_name_genders")},
        definite=word_list(lang, "definite_determiners"),
    )
