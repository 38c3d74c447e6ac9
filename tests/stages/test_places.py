"""Places: Dutch place names, adjectives and cue nouns resolved with the offline gazetteer.

The NER is simulated: each sentence comes with the mentions a model would give it, so these tests
pin the stage's own behaviour whatever the trained model does.
"""

from __future__ import annotations

import pytest

from kroniek.geo.names import name_key, spelling_variants
from kroniek.records import Mention
from kroniek.stages.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver("nl")


def places(blank_nlp, resolver, text: str, mentions: dict[str, str] | None = None):
    """The places of `text`, given the NER mentions {words: label} (each at its first occurrence)."""
    doc = blank_nlp(text)
    doc._.mentions = [Mention(start=text.index(words), end=text.index(words) + len(words), text=words, label=label)
                      for words, label in (mentions or {}).items()]
    return resolver(doc)._.places


@pytest.mark.parametrize("text, mentions, expected", [
    ("De minister reisde dinsdag naar Moskou.", {"Moskou": "LOC"}, [("Moskou", "Moscow", "RU", "city")]),
    ("Het Russische leger trok zich terug.", {}, [("Russische", "Russia", "RU", "country")]),
    ("De Belg won de sprint in Parijs.", {"Belg": "MISC", "Parijs": "LOC"},
     [("Belg", "Belgium", "BE", "country"), ("Parijs", "Paris", "FR", "city")]),
    ("In Den Haag vergaderde het kabinet.", {}, [("Den Haag", "The Hague", "NL", "city")]),
    ("De Noord-Koreaanse delegatie sprak met Zuid-Amerikanen.", {},
     [("Noord-Koreaanse", "North Korea", "KP", "country"), ("Zuid-Amerikanen", "South America", None, "continent")]),
    ("Schepen voeren door de Zwarte Zee naar de Verenigde Staten.", {},
     [("Zwarte Zee", "Black Sea", None, "sea"), ("Verenigde Staten", "United States", "US", "country")]),
    ("Een meteoriet sloeg in bij Tsjeljabinsk.", {"Tsjeljabinsk": "LOC"},
     [("Tsjeljabinsk", "Chelyabinsk", "RU", "city")]),
    ("Peking reageerde boos op de verklaring.", {"Peking": "LOC"}, [("Peking", "Beijing", "CN", "city")]),
    ("Oranje verloor zaterdag van Pakistan.", {"Pakistan": "ORG"}, [("Pakistan", "Pakistan", "PK", "country")]),
    ("De gevechten in Oost-Oekraïne gingen door.", {}, [("Oost-Oekraïne", "East Ukraine", "UA", "region")]),
    ("Ruslands president sprak.", {"Ruslands": "LOC"}, [("Ruslands", "Russia", "RU", "country")]),
])
def test_places_are_found_and_resolved(blank_nlp, resolver, text, mentions, expected):
    found = places(blank_nlp, resolver, text, mentions)
    assert [(p.text, p.name, p.country, p.kind) for p in found] == expected
    assert all(p.resolved and p.lat is not None and p.confidence > 0.5 for p in found)


def test_a_border_station_after_its_cue_noun_resolves_in_dutch_spelling(blank_nlp, resolver):
    text = "De trein stopte op het Russische grensstation Chasan, vlak bij Noord-Korea."
    chasan = next(p for p in places(blank_nlp, resolver, text) if p.text == "Chasan")
    assert (chasan.name, chasan.country) == ("Khasan", "RU")
    assert abs(chasan.lat - 42.43) < 0.3 and abs(chasan.lon - 130.64) < 0.3


@pytest.mark.parametrize("text, country", [
    ("De Nieuw-Zeelandse politie zocht de man in Hamilton.", "NZ"),
    ("De Canadese politie zocht de man in Hamilton.", "CA"),
    ("De ploeg speelde in Bergen, aan de Noorse westkust.", "NO"),
])
def test_the_article_s_countries_decide_between_towns_of_one_name(blank_nlp, resolver, text, country):
    town = next(p for p in places(blank_nlp, resolver, text, {"Hamilton" if "Hamilton" in text else "Bergen": "LOC"})
                if p.kind == "city")
    assert town.country == country


@pytest.mark.parametrize("text, name, kind", [
    ("Het dorp Berg en Dal ligt op een heuvel.", "Berg en Dal", "town"),
    ("In de provincie Utrecht en Gelderland viel veel regen.", "Utrecht", "city"),
])
def test_a_cue_noun_announces_a_name_with_its_connectors(blank_nlp, resolver, text, name, kind):
    place = places(blank_nlp, resolver, text)[0]
    assert (place.name, place.kind, place.country) == (name, kind, "NL")


def test_an_unknown_name_is_flagged_and_never_drops_the_others(blank_nlp, resolver):
    text = "In Zwartewaterkloosterhoek stapte hij op de trein naar Utrecht en Keulen."
    found = places(blank_nlp, resolver, text, {"Zwartewaterkloosterhoek": "LOC", "Utrecht": "LOC", "Keulen": "LOC"})
    unknown = found[0]
    assert (unknown.text, unknown.resolved, unknown.lat, unknown.lon, unknown.confidence) == (
        "Zwartewaterkloosterhoek", False, None, None, 0.0)
    assert [(p.name, p.country) for p in found[1:]] == [("Utrecht", "NL"), ("Köln", "DE")]


def test_a_building_is_never_placed_on_a_country(blank_nlp, resolver):
    text = "Demonstranten verzamelden zich bij de Amerikaanse ambassade en het Witte Huis."
    found = places(blank_nlp, resolver, text, {"Amerikaanse ambassade": "LOC", "Witte Huis": "LOC"})
    assert all(not (p.text.endswith("ambassade") and p.resolved) for p in found)
    assert all(p.country is None for p in found if p.text == "Witte Huis")


def test_a_place_mention_no_gazetteer_knows_needs_a_locative_preposition(blank_nlp, resolver):
    text = "Het Kremlin zweeg, maar in Zwartewaterkloosterhoek werd gevierd."
    found = places(blank_nlp, resolver, text, {"Kremlin": "LOC", "Zwartewaterkloosterhoek": "LOC"})
    assert [(p.text, p.resolved) for p in found] == [("Zwartewaterkloosterhoek", False)]


@pytest.mark.parametrize("text, mentions, expected", [
    ("Vladivostok ontving de gasten.", {"Vladivostok": "PER"}, ["Vladivostok"]),
    ("Pakistan won van Colombia.", {"Pakistan": "PER", "Colombia": "PER"}, ["Pakistan", "Colombia"]),
    ("Het punt ging naar de Duitser Beerbaum.", {"Duitser Beerbaum": "MISC"}, ["Duitser"]),
    ("Het Oekraïense leger hield stand bij Bachmoet.", {"Oekraïense": "MISC", "Bachmoet": "PER"},
     ["Oekraïense", "Bachmoet"]),
    ("Koerden vochten in Noord-Syrië om de stad Kobani.", {"Noord-Syrië": "LOC", "Kobani": "PER"},
     ["Koerden", "Noord-Syrië", "Kobani"]),
    ("Het Zuid Amerikaanse voetbal bloeit.", {"Amerikaanse": "MISC"}, ["Zuid Amerikaanse"]),
    ("Angelique Hoorn sprong foutloos.", {"Angelique": "LOC"}, []),
    ("Davenport won van Lindsay Davenport.", {"Davenport": "PER", "Lindsay Davenport": "PER"}, []),
])
def test_places_the_ner_mislabelled_are_recovered(blank_nlp, resolver, text, mentions, expected):
    assert [p.text for p in places(blank_nlp, resolver, text, mentions)] == expected


def test_a_place_name_inside_an_unknown_name_is_not_taken_for_the_name(blank_nlp, resolver):
    text = "De brand woedde in New Mexico, bij Hoek van Holland lag een schip stil."
    found = places(blank_nlp, resolver, text, {"New Mexico": "LOC", "Hoek van Holland": "LOC"})
    assert "Mexico" not in {p.text for p in found} and all(p.country != "MX" for p in found)
    assert "Holland" not in {p.text for p in found}


def test_names_of_people_and_organisations_are_left_alone(blank_nlp, resolver):
    text = "Lindsay Davenport won van Jan Hamburg bij Rabobank Nederland in Miami."
    found = places(blank_nlp, resolver, text, {"Lindsay Davenport": "PER", "Jan Hamburg": "PER",
                                           "Rabobank Nederland": "ORG", "Miami": "LOC"})
    assert [p.text for p in found] == ["Miami"]


@pytest.mark.parametrize("text, expected", [
    ("Het team reisde daarna door naar Buenos Aires.", [("Buenos Aires", "Buenos Aires", "AR")]),
    ("Hij woont in 's-Hertogenbosch.", [("'s-Hertogenbosch", "'s-Hertogenbosch", "NL")]),
    ("Het schip voer naar Sint-Petersburg.", [("Sint-Petersburg", "Saint Petersburg", "RU")]),
])
def test_a_large_town_the_ner_missed_is_still_found(blank_nlp, resolver, text, expected):
    assert [(p.text, p.name, p.country) for p in places(blank_nlp, resolver, text)] == expected


@pytest.mark.parametrize("name, key", [("Oekraïne", "oekraine"), ("Noord-Korea", "noord korea"),
                                       ("Pos’yet", "posyet")])
def test_name_keys_fold_case_accents_and_hyphens(name, key):
    assert name_key(name) == key


def test_dutch_transliterations_have_english_variants():
    assert "khasan" in spelling_variants("chasan")
    assert "chelyabinsk" in spelling_variants("tsjeljabinsk")
    assert "ulyanovsk" in spelling_variants("oeljanovsk")
