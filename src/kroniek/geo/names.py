"""Place-name keys and spelling variants: how a name in Dutch news is looked up in a gazetteer.

A key folds case, accents and hyphens ("Oekraïne" and "oekraine", "Noord-Korea" and "Noord Korea"
share one). Dutch transliterates Russian, Ukrainian and Arabic names its own way ("Chasan",
"Tsjeljabinsk", "Oeljanovsk", "Jekaterinburg", "Djedda"); `spelling_variants` yields the
English-style spellings a gazetteer knows ("Khasan", "Chelyabinsk", "Ulyanovsk", "Yekaterinburg",
"Jedda").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_APOSTROPHES = re.compile(r"['’`ʼ‘]")

DUTCH_SPELLINGS: dict[str, tuple[str, ...]] = {
    "sjtsj": ("shch",),
    "tsj": ("ch",),
    "sj": ("sh",),
    "zj": ("zh",),
    "dj": ("j", "dzh"),
    "ch": ("kh", "h"),
    "oe": ("u",),
    "j": ("y", "i"),
}
"""Dutch spelling -> the English-style spellings it may stand for (each also kept as is)."""

_DUTCH_SPELLING = re.compile("|".join(sorted(DUTCH_SPELLINGS, key=len, reverse=True)))
MAX_VARIANTS = 64


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """The lookup key of a name: lower case, no accents or apostrophes, hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("", plain)
    return _SEPARATORS.sub(" ", plain).strip().casefold()


def is_latin_key(key: str) -> bool:
    """True for a key written in (accent-folded) Latin letters, digits, spaces and dots."""
    return bool(key) and all(c.isascii() and (c.isalnum() or c in " .") for c in key)


def spelling_variants(key: str) -> list[str]:
    """English-style spellings of a Dutch-spelled key, the key itself first; at most MAX_VARIANTS."""
    pieces = _DUTCH_SPELLING.split(key)
    choices = [(match, *DUTCH_SPELLINGS[match]) for match in _DUTCH_SPELLING.findall(key)]
    return [
        pieces[0] + "".join(spelled + piece for spelled, piece in zip(combination, pieces[1:], strict=True))
        for combination in itertools.islice(itertools.product(*choices), MAX_VARIANTS)
    ]
