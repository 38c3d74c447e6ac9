"""Generates Dutch news-like articles for tests and benchmarks, deterministically from a seed.

The sentences are templates written for Kroniek's tests, filled with invented names and places.
"""

from __future__ import annotations

import random

PEOPLE = ["Anna de Vries", "Pieter Jansen", "Fatima El Amrani", "Joris van Dam", "Sanne Bakker",
          "Karel Mertens", "Lotte Visser", "Mehmet Yilmaz", "Eva Smit", "Daan Mulder"]
ROLES = ["minister", "woordvoerder", "burgemeester", "directeur", "onderzoeker", "wethouder"]
BODIES = ["het ministerie van Financiën", "de gemeente", "de vakbond", "het waterschap", "de politie",
          "de rechtbank", "de provincie"]
PLACES = ["Utrecht", "Groningen", "Zwolle", "Eindhoven", "Leiden", "Maastricht", "Arnhem", "Delft"]
TOPICS = ["de nieuwe brug", "het tekort aan woningen", "de begroting", "de staking", "het onderzoek",
          "de uitbreiding van het station", "de sluiting van de fabriek"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]

TEMPLATES = [
    "{person} zei {day} dat {topic} in {place} later klaar is dan gepland.",
    ",,We hebben nog veel werk te doen'', zei {role} {person} in {place}.",
    "Volgens {body} kost {topic} ongeveer {n} miljoen euro.",
    "{body} ontkent dat er fouten zijn gemaakt bij {topic}.",
    "Naar verluidt overweegt {body} om {topic} uit te stellen.",
    "In {place} kwamen {day} zo'n {n}00 mensen bijeen om over {topic} te praten.",
    "{person} verwacht dat de kosten nog verder stijgen.",
    "Het besluit over {topic} valt naar verwachting in {month}.",
]
MONTHS = ["januari", "maart", "mei", "september", "november"]


def _sentence(rng: random.Random) -> str:
    sentence = rng.choice(TEMPLATES).format(
        person=rng.choice(PEOPLE), role=rng.choice(ROLES), body=rng.choice(BODIES), place=rng.choice(PLACES),
        topic=rng.choice(TOPICS), day=rng.choice(DAYS), n=rng.randint(2, 90), month=rng.choice(MONTHS),
    )
    return sentence[0].upper() + sentence[1:]


def article(seed: int, paragraphs: int = 3, sentences: int = 3) -> str:
    """One article: a number, then paragraphs of template sentences, all decided by `seed`."""
    rng = random.Random(seed)
    body = [" ".join(_sentence(rng) for _ in range(sentences)) for _ in range(paragraphs)]
    return f"Bericht {seed} uit {rng.choice(PLACES)}\n\n" + "\n\n".join(body) + "\n"
