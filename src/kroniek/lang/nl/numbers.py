"""Reads Dutch numbers: digits in Dutch notation ("1.200", "0,07", "5 2/3") and number words.

Number words compose as Dutch writes them, in one word: units before tens joined by "en"
("eenentwintig", "tweeënveertig"), then hundreds and thousands ("tweehonderdvijftig",
"drieduizend"). The words themselves are data (number_words.tsv, number_scales.tsv,
vague_numbers.tsv); only the way they compose is code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import read_mapping

THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
FRACTION = re.compile(r"^(\d+)/(\d+)$")
ORDINAL_DIGITS = re.compile(r"^(\d+)(?:e|ste|de)$")


def read_digits(text: str) -> float | None:
    """The value of a number written in digits, Dutch style: "1.200" is 1200, "0,07" and "1.89" decimals."""
    if THOUSANDS.match(text) and not text.startswith("0"):
        return float(text.replace(".", ""))
    if DECIMAL.match(text):
        return float(text.replace(",", "."))
    fraction = FRACTION.match(text)
    if fraction and int(fraction.group(2)):
        return int(fraction.group(1)) / int(fraction.group(2))
    return None


class DutchNumbers:
    """Number words, scale words and vague numbers of Dutch, read once from the language data."""

    def __init__(self) -> None:
        self.words = {w: float(v) for w, v in read_mapping("nl", "number_words").items()}
        self.scales = {w: float(v) for w, v in read_mapping("nl", "number_scales").items()}
        self.vague = {w: float(v) for w, v in read_mapping("nl", "vague_numbers").items()}
        self._units = {w: v for w, v in self.words.items() if 1 <= v <= 9 and v == int(v)} | {"een": 1.0}
        self._tens = {w: v for w, v in self.words.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)}

        self.ordinals = {w: int(v) for w, v in read_mapping("nl", "ordinal_words").items()}
        self.read_word = lru_cache(maxsize=65536)(self._read_word)

    def _read_word(self, word: str) -> float | None:
        """The value of one Dutch number word (lower case), or None if it is not one (cached as read_word)."""
        if word in self.words:
            return self.words[word]
        return self._compound(word)

    def _compound(self, word: str) -> float | None:
        for scale_word in ("duizend", "honderd"):
            head, found, tail = word.partition(scale_word)
            if found and (head or tail):
                return self._scaled(head, self.scales[scale_word], tail)
        return self._units_and_tens(word)

    def _units_and_tens(self, word: str) -> float | None:
        for unit, value in self._units.items():
            rest = word[len(unit):]
            if word.startswith(unit) and rest[:2] in ("en", "ën") and rest[2:] in self._tens:
                return value + self._tens[rest[2:]]
        return None

    def _scaled(self, head: str, scale: float, tail: str) -> float | None:
        multiplier = self._below_thousand(head) if head else 1.0
        rest = self._below_thousand(tail) if tail else 0.0
        if multiplier is None or rest is None:
            return None
        return multiplier * scale + rest

    def _below_thousand(self, word: str) -> float | None:
        value = self._units.get(word) or self.read_word(word)
        return value if value is not None and value < 1000 else None

    def read_ordinal(self, word: str) -> int | None:
        """The value of an ordinal: "21e", "21ste", "twintigste", "negentiende", "derde"; else None."""
        if word in self.ordinals:
            return self.ordinals[word]
        digits = ORDINAL_DIGITS.match(word)
        if digits:
            return int(digits.group(1))
        for suffix in ("ste", "de"):
            value = self.read_word(word[:-len(suffix)]) if word.endswith(suffix) else None
            if value is not None and value == int(value):
                return int(value)
        return None

    def read(self, text: str) -> float | None:
        """The value of a token written in digits or as a number word; None for anything else."""
        return read_digits(text) if text[:1].isdigit() else self.read_word(text.lower())


@lru_cache(maxsize=1)
def number_reader() -> DutchNumbers:
    """The shared reader of Dutch numbers (its tables are read once)."""
    return DutchNumbers()
