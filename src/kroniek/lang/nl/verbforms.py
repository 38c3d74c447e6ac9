"""Guesses the infinitive of a Dutch verb form, for where a lemmatizer left the form as it was.

"aangekomen" → "aankomen", "afgereisd" → "afreizen", "reist" → "reizen", "vervolgde" →
"vervolgen". Regular verbs only; the separable particles are data (events_words.txt, role
`particle`). The guesses are candidates to look up in a lexicon, not lemmas to trust on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

INFLECTION = re.compile(r"^(?P<stem>\w{2,}?)(?:den|ten|de|te|en|d|t)$")
DOUBLED_VOWEL = re.compile(r"([aeou])\1([^aeiou])en$")
"""Dutch spelling writes "spelen", not "speelen": a long vowel is single before a single consonant."""
VOICED = {"s": "z", "f": "v"}
"""A stem ending in s or f is often spelled with z or v before -en: reis → reizen, leef → leven."""


def single_vowel(infinitive: str) -> str:
    """The infinitive with a doubled vowel undone where Dutch spelling wants it single."""
    return DOUBLED_VOWEL.sub(r"\1\2en", infinitive)


def _split_particle(form: str, particles: Iterable[str]) -> tuple[str, str]:
    for particle in particles:
        if form.startswith(particle) and len(form) > len(particle) + 3:
            return particle, form[len(particle):]
    return "", form


def _infinitives(stem: str) -> list[str]:
    variants = [stem]
    if stem[-1:] in VOICED:
        variants.append(stem[:-1] + VOICED[stem[-1]])
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        variants.append(stem[:-1])
    elif len(stem) >= 3 and stem[-1] not in "aeiou" and stem[-2] in "aeiou" and stem[-3] not in "aeiou":
        variants.append(stem + stem[-1])  # a short vowel keeps its doubled consonant: beken → bekennen
    return [single_vowel(variant + "en") for variant in variants]


def infinitive_guesses(form: str, particles: Iterable[str], inflected_only: bool = False) -> list[str]:
    """Possible infinitives of a regular verb form, best first; `particles` longest first ("terug"
    before "te"). With `inflected_only`, only for a form with an inflection ending, not a bare stem
    ("reist" → "reizen", but "land" → nothing)."""
    particle, rest = _split_particle(form.lower(), particles)
    if rest.startswith("ge") and len(rest) > 5:
        rest = rest[2:]
    match = INFLECTION.match(rest)
    stems = ([match["stem"]] if match else []) + ([] if inflected_only else [rest])
    return [particle + infinitive for stem in stems for infinitive in _infinitives(stem)]
