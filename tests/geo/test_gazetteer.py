"""The gazetteer: Dutch names, adjectives and transliterations to places, from packaged data only."""

from __future__ import annotations

import pytest

from kroniek.geo import distance_km, load_gazetteer
from kroniek.geo.gazetteer import inflected
from kroniek.geo.index import country_points


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer("nl")


def best(gazetteer, name: str):
    return max(gazetteer.lookup(name), key=lambda c: (c.from_lexicon, c.population))


@pytest.mark.parametrize("name, place, country, kind", [
    ("Rusland", "Russia", "RU", "country"),
    ("Wit-Rusland", "Belarus", "BY", "country"),
    ("Verenigde Staten", "United States", "US", "country"),
    ("Noord-Koreaanse", "North Korea", "KP", "country"),
    ("Italianen", "Italy", "IT", "country"),
    ("Europese", "Europe", None, "continent"),
    ("Noord-Ierse", "Northern Ireland", "GB", "region"),
    ("Zwarte Zee", "Black Sea", None, "sea"),
    ("Moskou", "Moscow", "RU", "city"),
    ("Peking", "Beijing", "CN", "city"),
    ("Istanboel", "Istanbul", "TR", "city"),
    ("Charkov", "Kharkiv", "UA", "city"),
    ("Jekaterinburg", "Yekaterinburg", "RU", "city"),
    ("Jeruzalem", "Jerusalem", "IL", "city"),
    ("Vermont", "Vermont", "US", "region"),
    ("Californië", "California", "US", "region"),
    ("DDR", "East Germany", "DE", "country"),
])
def test_dutch_names_find_their_place(gazetteer, name, place, country, kind):
    candidate = best(gazetteer, name)
    assert (candidate.name, candidate.country, candidate.kind) == (place, country, kind)


def test_a_name_no_gazetteer_knows_finds_nothing(gazetteer):
    assert gazetteer.lookup("Zwartewaterkloosterhoek") == []


def test_countries_have_a_point_inside_them(gazetteer):
    netherlands = gazetteer.countries["NL"]
    assert 50.7 < netherlands.lat < 53.6 and 3.3 < netherlands.lon < 7.3


@pytest.mark.parametrize("adjective, form", [("Russisch", "Russische"), ("Europees", "Europese"),
                                             ("Amerikaans", "Amerikaanse"), ("Guatemalteeks", "Guatemalteekse")])
def test_adjectives_inflect_as_dutch_does(adjective, form):
    assert inflected(adjective) == form


def test_a_country_s_point_is_its_town_nearest_the_mean_even_across_the_date_line():
    towns = [{"countrycode": "FJ", "latitude": -17.0, "longitude": 179.0},
             {"countrycode": "FJ", "latitude": -17.2, "longitude": -179.5},
             {"countrycode": "FJ", "latitude": -17.1, "longitude": 179.8}]
    assert country_points(towns) == [("FJ", -17.1, 179.8)]


def test_distances_are_great_circle_kilometres():
    assert distance_km(52.37, 4.89, 51.92, 4.48) == pytest.approx(57.5, abs=1.0)  # Amsterdam-Rotterdam
    assert distance_km(0, 179.9, 0, -179.9) == pytest.approx(22.2, abs=0.5)
