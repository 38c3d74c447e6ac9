"""Generate Dutch news-like articles for benchmarks from templates written for Kroniek.

Each article is a headline-free run of sentences built from templates with slots for people, roles,
organisations, places, days and numbers, so that the text has the names, quotes, numbers and
clause structure of Dutch news without copying any real article. A seed makes the text repeatable.
"""

from __future__ import annotations

import random

PEOPLE = ["Sanne de Vries", "Pieter Bakker", "Fatima el Amrani", "Joost van Dijk", "Marieke Jansen",
          "Dmitri Sokolov", "Anna Kowalska", "Ahmed Benali", "Ruud Hendriks", "Lotte Visser",
          "Kees de Boer", "Olena Kovalenko", "Thomas Mulder", "Yusuf Demir", "Ingrid Smit"]
ROLES = ["woordvoerder", "minister van Buitenlandse Zaken", "burgemeester", "directeur", "voorzitter",
         "onderzoeker", "officier van justitie", "fractieleider", "hoogleraar economie", "ambassadeur"]
ORGS = ["het ministerie van Financiën", "de gemeente Utrecht", "de NAVO", "de Europese Commissie",
        "het OM", "de vakbond FNV", "De Nederlandsche Bank", "het RIVM", "de Verenigde Naties",
        "de Tweede Kamer", "het Openbaar Ministerie", "Rijkswaterstaat", "de politie"]
PLACES = ["Amsterdam", "Rotterdam", "Den Haag", "Brussel", "Moskou", "Kiev", "Berlijn", "Groningen",
          "Eindhoven", "Parijs", "Washington", "Peking", "Antwerpen", "Maastricht", "Zwolle"]
DAYS = ["maandag", "dinsdag", "woensdagochtend", "donderdagavond", "vrijdag", "zaterdag", "zondag",
        "gisteren", "vorige week", "eerder deze maand"]
THINGS = ["de nieuwe wet", "het akkoord", "de begroting", "het onderzoek", "de verkiezingen",
          "de staking", "het plan", "de maatregelen", "de gesprekken", "de bezuinigingen"]
VERBS = ["uitgesteld", "goedgekeurd", "afgewezen", "aangekondigd", "gepresenteerd", "verlengd"]
TEMPLATES = [
    "{person}, {role} van {org}, zei {day} in {place} dat {thing} is {verb}.",
    ",,We hebben geen andere keuze,'' aldus {person} tegen verslaggevers in {place}.",
    "Volgens {org} zijn bij het ongeluk in {place} {number} mensen gewond geraakt.",
    "{org} heeft {day} laten weten dat {thing} naar verwachting in {year} wordt {verb}.",
    "Het gaat om een bedrag van {number} miljoen euro, meldt {org}.",
    "In {place} gingen {day} ruim {number} demonstranten de straat op tegen {thing}.",
    "{person} ontkende dat er afspraken waren gemaakt met {org}.",
    "Er is nog geen bevestiging van {org} dat {thing} is {verb}.",
    "De {role} van {place}, {person}, wil dat {org} meer geld uittrekt voor {thing}.",
    "Sinds {year} is het aantal klachten met {number} procent gestegen, zo blijkt uit cijfers van {org}.",
    "{person} sprak van ,,een zwarte dag voor {place}'' en zei dat {thing} onverwacht kwam.",
    "Naar verluidt reist {person} {day} naar {place} voor overleg met {org}.",
    "Het kabinet zou {thing} mogelijk al in {year} willen invoeren.",
    "Dhr. {person} van {org} zei o.a. dat de kosten bijv. door hogere prijzen zijn gestegen.",
]


def _sentence(rng: random.Random) -> str:
    slots = {
        "person": rng.choice(PEOPLE), "role": rng.choice(ROLES), "org": rng.choice(ORGS),
        "place": rng.choice(PLACES), "day": rng.choice(DAYS), "thing": rng.choice(THINGS),
        "verb": rng.choice(VERBS), "number": rng.randint(2, 900), "year": rng.randint(1995, 2030),
    }
    text = rng.choice(TEMPLATES).format(**slots)
    return text[0].upper() + text[1:]


def articles(n_words: int, seed: int = 7, article_words: int = 400) -> list[str]:
    """Articles of about `article_words` words each, `n_words` words in all (whitespace-separated)."""
    rng = random.Random(seed)
    result, total = [], 0
    while total < n_words:
        sentences, length = [], 0
        while length < article_words and total + length < n_words:
            sentence = _sentence(rng)
            sentences.append(sentence)
            length += len(sentence.split())
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
        result.append("\n\n".join(paragraphs))
        total += length
    return result
