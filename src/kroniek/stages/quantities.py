"""Numbers that count or measure something: the value, the unit and what is counted.

A quantity is a number in digits or Dutch words ("negentig", "1.200", "0,07", "40 miljard",
"duizenden"), with the unit after it or the currency sign before it (normalised: "kilometer per
uur" is km/h, "dollar" USD, "procent" %), or else the noun it counts ("negentig gepantserde
treinwagons"). Vague numbers and numbers after "ongeveer", "ruim", "zo'n" are approximate. Years,
dates, times and durations belong to the timexes and are skipped here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import extensions  # noqa: F401  (registers doc._.quantities and doc._.published)
from ..lang import DEFAULT_LANGUAGE, language_module, read_groups, read_mapping, word_list
from ..records import Quantity
from ..temporal.grammar import lower_words

SCORE = re.compile(r"^(\d+)-(\d+)$")
GLUED_UNIT = re.compile(r"^(\d[\d.,]*)(\D+)$")
NOUNS = ("NOUN", "PROPN")
LONGEST_UNIT = 3
MODIFIERS_BEFORE_NOUN = 4


@dataclass
class Reading:
    """A number read from tokens `start:end`: its value and whether it is approximate."""

    start: int
    end: int
    value: float
    approximate: bool = False


class QuantityFinder:
    """The `kroniek_quantities` stage: Dutch numbers, units and approximators, loaded once."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        numbers = language_module(lang, "numbers")
        self.numbers, self.read_digits = numbers.number_reader(), numbers.read_digits
        self.units = {tuple(words.split()): unit for words, unit in read_mapping(lang, "units").items()}
        self.currency_signs = read_mapping(lang, "currency_symbols")
        self.approximators = [tuple(phrase.split()) for phrase in word_list(lang, "approximators")]
        groups = read_groups(lang, "quantity_words")
        self.range_words, self.halves = groups["range"], groups["half"]
        self.labels = word_list(lang, "number_labels")

    def __call__(self, doc: Doc) -> Doc:
        in_timex = _timex_tokens(doc)
        quantities, resume = [], 0
        for i, word in enumerate(lower_words(doc)):
            if i >= resume and i not in in_timex and self._may_be_number(word):
                found, resume = self._quantities_at(doc, i, in_timex)
                quantities += found
        doc._.quantities = quantities
        return doc

    def _may_be_number(self, word: str) -> bool:
        """A cheap first look: digits, a number word, a vague number, or the article before a scale."""
        return (word[:1].isdigit() or word == "een" or word in self.numbers.vague
                or self.numbers.read_word(word) is not None)

    def _quantities_at(self, doc: Doc, i: int, in_timex: set[int]) -> tuple[list[Quantity], int]:
        """The quantities that start at token i, and the token to go on from."""
        if i and doc[i - 1].lower_ in self.labels:
            return [], i + 1
        score = SCORE.match(doc[i].text)
        if score:
            return _score_quantities(doc[i], score), i + 1
        glued = GLUED_UNIT.match(doc[i].text)
        if glued and self._unit_of_text(glued.group(2)):
            return [self._glued(doc[i], glued)], i + 1
        reading = self._reading(doc, i)
        if reading is None or _in_a_name(doc, i) or any(k in in_timex for k in range(reading.start, reading.end)):
            return [], i + 1
        quantity = self._quantity(doc, reading, in_timex)
        return [quantity], max(reading.end, _token_at_char(doc, quantity.end, reading.end))

    # -- numbers ----------------------------------------------------------------------------

    def _reading(self, doc: Doc, i: int) -> Reading | None:
        """The number starting at token i, with a fraction or scale word after it ("5 2/3", "40 miljard")."""
        word = doc[i].lower_
        if word in self.numbers.vague:
            return Reading(i, i + 1, self.numbers.vague[word], approximate=True)
        value = self.numbers.read(doc[i].text) if word != "een" else self._article_before_scale(doc, i)
        if value is None or doc[i].is_punct:
            return None
        reading = Reading(i, i + 1, value, self._approximated(doc, i))
        self._extend_with_fraction(doc, reading)
        self._extend_with_scales(doc, reading)
        return reading

    def _article_before_scale(self, doc: Doc, i: int) -> float | None:
        """"een" is one only before a scale word ("een miljoen"); "een half miljoen" is a half."""
        following = _lower(doc, i + 1)
        if following in self.halves and _lower(doc, i + 2) in self.numbers.scales:
            return 0.5
        return 1.0 if following in self.numbers.scales and following not in ("honderd", "duizend") else None

    def _extend_with_fraction(self, doc: Doc, reading: Reading) -> None:
        following = doc[reading.end].text if reading.end < len(doc) else ""
        if "/" in following and doc[reading.start].text.isdigit() and self.read_digits(following):
            reading.value += self.read_digits(following)
            reading.end += 1

    def _extend_with_scales(self, doc: Doc, reading: Reading) -> None:
        if _lower(doc, reading.end) in self.halves and reading.value == 0.5:
            reading.end += 1
        while _lower(doc, reading.end) in self.numbers.scales:
            reading.value *= self.numbers.scales[_lower(doc, reading.end)]
            reading.end += 1
        if _lower(doc, reading.end) in self.numbers.vague:
            reading.value = self.numbers.vague[_lower(doc, reading.end)]
            reading.approximate, reading.end = True, reading.end + 1

    def _approximated(self, doc: Doc, i: int) -> bool:
        """True after "ongeveer", "ruim", "meer dan" and the like."""
        return any(tuple(_lower(doc, k) for k in range(i - len(phrase), i)) == phrase for phrase in self.approximators)

    # -- units and counted nouns -------------------------------------------------------------

    def _unit_at(self, doc: Doc, i: int) -> tuple[str | None, int]:
        """The normalised unit that starts at token i and the token after it ("kilometer per uur")."""
        for length in range(LONGEST_UNIT, 0, -1):
            words = tuple(_lower(doc, k) for k in range(i, i + length))
            if words in self.units:
                return self.units[words], i + length
        return None, i

    def _unit_after_range(self, doc: Doc, reading: Reading) -> str | None:
        """The unit written once after a range: "procent" for 20 in "20 tot 30 procent"."""
        if _lower(doc, reading.end) not in self.range_words:
            return None
        upper = self._reading(doc, reading.end + 1)
        return self._unit_at(doc, upper.end)[0] if upper else None

    def _unit_of_text(self, text: str) -> str | None:
        return self.units.get((text.lower(),)) or self.currency_signs.get(text)

    def _quantity(self, doc: Doc, reading: Reading, in_timex: set[int]) -> Quantity:
        """The quantity of a number: with its unit and what it measures, or with the noun it counts."""
        sign = doc[reading.start - 1].text if reading.start else ""
        start = reading.start - 1 if sign in self.currency_signs else reading.start
        suffix_unit, end = self._unit_at(doc, reading.end)
        unit = suffix_unit or self.currency_signs.get(sign) or self._unit_after_range(doc, reading)
        if unit:
            counted = _material(doc, end, in_timex)
            noun = counted or _measured_noun(doc, start, end)
        else:
            counted = noun = _counted_noun(doc, reading, in_timex)
        last = _end_of_noun_phrase(doc, counted) if counted is not None else doc[end - 1]
        words = doc[start:last.i + 1]
        return Quantity(start=words.start_char, end=words.end_char, text=words.text, value=reading.value,
                        unit=unit, of=_noun_text(noun), approximate=reading.approximate)

    def _glued(self, token: Token, glued: re.Match) -> Quantity:
        return Quantity(start=token.idx, end=token.idx + len(token.text), text=token.text,
                        value=self.read_digits(glued.group(1)), unit=self._unit_of_text(glued.group(2)))


def _lower(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _in_a_name(doc: Doc, i: int) -> bool:
    """Digits after a capitalised name inside a sentence name a thing ("Boeing 737", "Fokker 100")."""
    before = doc[i - 1] if i else None
    return (before is not None and doc[i].text.isdigit() and before.pos_ == "PROPN" and before.is_title
            and not before.is_sent_start)


def _timex_tokens(doc: Doc) -> set[int]:
    """Indexes of the tokens inside a temporal expression."""
    tokens: set[int] = set()
    for timex in doc._.timexes or []:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        tokens.update(range(span.start, span.end) if span is not None else ())
    return tokens


def _token_at_char(doc: Doc, char: int, default: int) -> int:
    """The index of the token after the one that ends at `char`."""
    span = doc.char_span(char - 1, char, alignment_mode="expand")
    return span.end if span is not None else default


def _score_quantities(token: Token, score: re.Match) -> list[Quantity]:
    """"2-2": each side of a score written as one token is a quantity of its own."""
    return [
        Quantity(start=token.idx + score.start(g), end=token.idx + score.end(g), text=score.group(g),
                 value=float(score.group(g)))
        for g in (1, 2)
    ]


def _counted_noun(doc: Doc, reading: Reading, in_timex: set[int]) -> Token | None:
    """The noun a number counts: its parse head when near to the right, else the first noun after it
    past adjectives and participles ("negentig gepantserde treinwagons")."""
    number = doc[reading.end - 1]
    head = number.head
    if number.dep_ == "nummod" and head.pos_ in NOUNS and 0 < head.i - number.i <= MODIFIERS_BEFORE_NOUN + 1:
        return head
    for token in doc[reading.end:reading.end + MODIFIERS_BEFORE_NOUN + 1]:
        if token.i in in_timex:
            return None
        if token.pos_ in NOUNS:
            return token
        if not _modifies_a_noun(token):
            return None
    return None


def _modifies_a_noun(token: Token) -> bool:
    """Adjectives, adverbs before them and participles used as adjectives ("gepantserde")."""
    return token.pos_ in ("ADJ", "ADV") or token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm")


def _end_of_noun_phrase(doc: Doc, noun: Token) -> Token:
    """The last word of the counted noun: a name goes on ("Grand Slam-titels", "All Stars"), and a
    conjunct joins ("politie-agenten en militairen")."""
    while noun.pos_ == "PROPN" and noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ in NOUNS \
            and doc[noun.i + 1].text[:1].isupper():
        noun = doc[noun.i + 1]
    nxt = noun.i + 2
    if (nxt < len(doc) and doc[noun.i + 1].pos_ == "CCONJ" and doc[nxt].head.i == noun.i
            and doc[nxt].dep_ == "conj" and doc[nxt].pos_ in NOUNS):
        return doc[nxt]
    return noun


def _material(doc: Doc, end: int, in_timex: set[int]) -> Token | None:
    """The noun right after a unit, which it measures out: "zand" in "20 ton zand"."""
    token = doc[end] if end < len(doc) else None
    return token if token is not None and token.pos_ == "NOUN" and token.i not in in_timex else None


def _measured_noun(doc: Doc, start: int, end: int) -> Token | None:
    """What a measure belongs to: "maximumsnelheid" in "een maximumsnelheid van 60 km/u"."""
    for token in doc[start:end]:
        head = token.head
        if not start <= head.i < end:
            return head if token.dep_ in ("nmod", "obl") and head.pos_ == "NOUN" else None
    return None


def _noun_text(noun: Token | None) -> str | None:
    return noun.text if noun is not None else None


@Language.factory(
    "kroniek_quantities", requires=["doc._.timexes", "token.pos", "token.dep"], assigns=["doc._.quantities"]
)
def make_quantity_finder(nlp: Language, name: str) -> QuantityFinder:
    """Find the numbers that count or measure something in each document."""
    return QuantityFinder(nlp.lang or DEFAULT_LANGUAGE)
