"""Finds Dutch temporal expressions among a Doc's tokens and says what each one means.

The grammar is a set of small rules, each trying to read an expression that starts at a token
("dinsdagochtend", "12 september 2023", "vorige week", "drie jaar", "elke week", "om 15.00 uur").
At every token the longest reading wins, and the scan goes on after it. Every word the rules know
comes from the Dutch language data; the rules only say how the words combine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import LOWER
from spacy.tokens import Doc

from ..lang import DEFAULT_LANGUAGE, language_module, read_groups, read_mapping, read_rows, word_list
from .values import (
    OTHER_EVENT,
    CalendarDate,
    ClockTime,
    DayOffset,
    Fixed,
    Period,
    Shifted,
    Unresolved,
    Weekday,
    WeekdayOfWeek,
    duration_value,
)

CLOCK = re.compile(r"^([01]?\d|2[0-3])[.:]([0-5]\d)$")
YEAR = re.compile(r"^(1[0-9]|20|21)\d\d$")
AGE = re.compile(r"^(.+?)-?jarige?n?$")
LONG_SUFFIXES = ("lang", "jarig", "jarige", "jarigen")
NUMERIC_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)$")
YEAR_SPAN = re.compile(r"^((?:1[89]|20)\d\d)[-/]((?:1[89]|20)\d\d)$")


def lower_words(doc: Doc) -> list[str]:
    """The lower-cased words of `doc`, read from its array (no Token objects are made)."""
    strings = doc.vocab.strings
    return [strings[key] for key in doc.to_array(LOWER).tolist()]


def _by_first_word(rows) -> dict[str, list[tuple[tuple[str, ...], object, str | None]]]:
    """Phrases with their value (and the word required before them, if any), by first word, longest first."""
    grouped: dict[str, list[tuple[tuple[str, ...], object, str | None]]] = {}
    for phrase, value, *before in sorted(rows, key=lambda row: -len(row[0].split())):
        words = tuple(phrase.split())
        grouped.setdefault(words[0], []).append((words, value, before[0] if before else None))
    return grouped


@dataclass(frozen=True)
class Found:
    """A temporal expression over tokens `start:end`, its TIMEX3 type and what it means."""

    start: int
    end: int
    type: str
    meaning: object


def _names_a_day(meaning) -> bool:
    """True for meanings whose value is one whole day, to which a clock time can be added."""
    return isinstance(meaning, (DayOffset, Weekday)) or isinstance(meaning, CalendarDate) and meaning.day is not None


@dataclass(frozen=True)
class TimeUnit:
    """A unit of time as a word names it: TIMEX3 unit, how many of it, and whether the word is plural."""

    unit: str
    amount: float
    plural: bool


class TimexGrammar:
    """The rules and the Dutch words they read, loaded once."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.numbers = language_module(lang, "numbers").number_reader()
        self.months = {w: int(m) for w, m in read_mapping(lang, "months").items()}
        self.weekdays = {w: int(d) for w, d in read_mapping(lang, "weekdays").items()}
        self.day_parts = read_mapping(lang, "day_parts")
        self.seasons = read_mapping(lang, "seasons")
        self.shifts = {w: int(s) for w, s in read_mapping(lang, "time_shifts").items()}
        self.sets = read_mapping(lang, "time_sets")
        self.roles = read_mapping(lang, "time_words")
        groups = read_groups(lang, "time_context_words")
        self.clock_words, self.articles, self.period_words = groups["clock"], groups["article"], groups["period"]
        self.morning_words, self.function_words = groups["morning"], groups["function"]
        self.units = {row[0]: TimeUnit(row[1], float(row[2]), row[3] == "plural")
                      for row in read_rows(lang, "time_units")}
        self.day_words = {r[0]: int(r[1]) for r in read_rows(lang, "day_offsets") if r[2] == "word"}
        self.day_prefixes = {r[0]: int(r[1]) for r in read_rows(lang, "day_offsets") if r[2] == "prefix"}
        self.references = _by_first_word(read_rows(lang, "time_references"))
        holidays = read_rows(lang, "holidays")
        self.holidays = _by_first_word((name, (int(month), int(day))) for name, month, day in holidays)
        self.weekday_words = self._weekday_compounds()
        self.quantity_units = frozenset(row[0].split()[0] for row in read_rows(lang, "units"))
        self.rules: tuple[Callable[[Doc, list[str], int], Found | None], ...] = (
            self._edge, self._reference, self._set, self._relative_day, self._weekday, self._calendar,
            self._period, self._article_period, self._duration, self._bare_plural, self._age, self._year,
            self._decade, self._century, self._numeric_date, self._holiday, self._clock,
        )
        self.day_compounds = {prefix + word: (days, part) for prefix, days in self.day_prefixes.items()
                              for word, part in self.day_parts.items()}
        self.modifiers = sorted((tuple(m.split()) for m in word_list(lang, "timex_modifiers")), key=len, reverse=True)
        self.starters = self._starting_words()
        self.followers = self._followers()

    def _weekday_compounds(self) -> dict[str, tuple[int, str | None]]:
        """"dinsdag" and every "dinsdag" + part of day ("dinsdagochtend"), with weekday and part."""
        compounds = {name: (day, None) for name, day in self.weekdays.items()}
        for name, day in self.weekdays.items():
            compounds.update({name + word: (day, part) for word, part in self.day_parts.items()})
        return compounds

    def _starting_words(self) -> frozenset[str]:
        """Every word with which some rule can begin (besides digits, numbers, -lang and -jarig words and
        the ordinal before "eeuw")."""
        return frozenset().union(
            self.months, self.weekday_words, self.seasons, self.shifts, self.sets, self.roles, self.units,
            self.day_words, self.day_compounds, self.references, self.function_words, ("jaren",),
            self.holidays,
        )

    def _followers(self) -> frozenset[str]:
        """The words that can follow a function word in an expression ("de afgelopen", "een paar")."""
        second_words = {phrase[1] for phrases in self.references.values() for phrase, *_ in phrases if len(phrase) > 1}
        return frozenset().union(second_words, self.units, self.period_words, self.articles, self.seasons,
                                 self.weekday_words, self.day_parts, ("paar",))

    def _may_start(self, words: list[str], i: int) -> bool:
        """A cheap first look; a frequent function word ("de", "een") only before a word that can follow it."""
        word = words[i]
        if word in self.function_words:
            return words[i + 1] in self.followers
        return (word in self.starters or word[:1].isdigit() or word.endswith(LONG_SUFFIXES)
                or self.numbers.read_word(word) is not None or words[i + 1] == "eeuw")

    def find(self, doc: Doc) -> list[Found]:
        """Every temporal expression of `doc`, left to right, none overlapping."""
        words = lower_words(doc) + [""]
        found, i = [], 0
        while i < len(doc):
            reading = self._longest(doc, words, i) if self._may_start(words, i) else None
            if reading:
                found.append(reading)
            i = reading.end if reading else i + 1
        return [self._with_modifier(reading, words) for reading in self._days_with_clock_times(found, words)]

    def _with_modifier(self, reading: Found, words: list[str]) -> Found:
        """A duration or a date counted back with the modifier before it ("ruim een week geleden")."""
        if reading.type != "DURATION" and not isinstance(reading.meaning, Shifted):
            return reading
        for modifier in self.modifiers:
            start = reading.start - len(modifier)
            if start >= 0 and tuple(words[start:reading.start]) == modifier:
                return Found(start, reading.end, reading.type, reading.meaning)
        return reading

    @staticmethod
    def _days_with_clock_times(found: list[Found], words: list[str]) -> list[Found]:
        """Join a day and the clock time after it ("dinsdag om 15.00 uur") into one time."""
        joined: list[Found] = []
        for reading in found:
            day = joined[-1] if joined else None
            if (day and isinstance(reading.meaning, ClockTime) and reading.start == day.end + 1
                    and words[day.end] == "om" and _names_a_day(day.meaning)):
                clock = reading.meaning
                joined[-1] = Found(day.start, reading.end, "TIME", ClockTime(clock.hour, clock.minute, day.meaning))
            else:
                joined.append(reading)
        return joined

    def _longest(self, doc: Doc, words: list[str], i: int) -> Found | None:
        best = None
        for rule in self.rules:
            reading = rule(doc, words, i)
            if reading and (best is None or reading.end > best.end):
                best = reading
        return best

    # -- helpers ----------------------------------------------------------------------------

    def _number(self, word: str) -> float | None:
        """A number word or digits, counting the article "een" as one."""
        return 1.0 if word == "een" else self.numbers.read(word) if word else None

    def _day_of_month(self, word: str) -> int | None:
        value = self.numbers.read(word) if word[:1].isdigit() else None
        return int(value) if value is not None and value == int(value) and 1 <= value <= 31 else None

    def _weekday_word(self, word: str) -> tuple[int | None, str | None]:
        """Weekday and part of day of "dinsdag" or "dinsdagochtend"."""
        return self.weekday_words.get(word, (None, None))

    # -- rules: each reads an expression starting at token i, or returns None ------------------

    def _edge(self, doc, words, i):
        """"begin dit jaar", "eind maart", "medio 2019": the part of a period, valued as the period."""
        if self.roles.get(words[i]) != "edge":
            return None
        inner = self._longest(doc, words, i + 1)
        if inner and inner.start == i + 1 and inner.type == "DATE":
            return Found(i, inner.end, "DATE", inner.meaning)
        return None

    def _reference(self, doc, words, i):
        """"nu", "onlangs", "het verleden", "binnenkort": the present, past or future at large."""
        for phrase, value, before in self.references.get(words[i], ()):
            if tuple(words[i:i + len(phrase)]) == phrase and (before is None or i and words[i - 1] == before):
                if len(phrase) == 1 and (doc[i].pos_ == "SCONJ" or words[i + 1] in ("eenmaal", "eens")):
                    return None
                return Found(i, i + len(phrase), "DATE", Fixed(value))
        return None

    def _set(self, doc, words, i):
        """"jaarlijks", "elke week", "iedere maandag", "elke twee jaar": times that recur."""
        if words[i] in self.sets:
            return Found(i, i + 1, "SET", Fixed(self.sets[words[i]]))
        if self.roles.get(words[i]) != "every":
            return None
        day, _ = self._weekday_word(words[i + 1])
        if day:
            return Found(i, i + 2, "SET", Fixed(f"XXXX-WXX-{day}"))
        amount = self.numbers.read(words[i + 1]) if words[i + 1] else None
        j = i + 1 if amount is None else i + 2
        unit = self.units.get(words[j])
        if unit and amount != 0:
            return Found(i, j + 1, "SET", Fixed(duration_value((amount or 1) * unit.amount, unit.unit)))
        return None

    def _relative_day(self, doc, words, i):
        """"gisteren", "vandaag", "gisteren zondag", "vanavond", "gistermiddag", "morgenochtend"."""
        word = words[i]
        if word in self.day_words and not (word == "morgen" and words[i - 1] in self.morning_words and i):
            day, part = self._weekday_word(words[i + 1])
            end = i + 2 if day and part is None else i + 1
            return Found(i, end, "DATE", DayOffset(self.day_words[word]))
        if word in self.day_compounds:
            return Found(i, i + 1, "TIME", DayOffset(*self.day_compounds[word]))
        return None

    def _weekday(self, doc, words, i):
        """"maandag", "dinsdagochtend", "afgelopen zaterdag", "dinsdag 12 september", "zondag jl."."""
        shift = self.shifts.get(words[i])
        j = i + 1 if shift is not None else i
        day, part = self._weekday_word(words[j])
        if day is None:
            return None
        date = self._calendar(doc, words, j + 1)
        if date:
            return Found(i, date.end, "DATE", date.meaning)
        end = j + 1
        after = self.roles.get(words[end])
        if after in ("last", "next"):
            shift, end = (-1 if after == "last" else 1), end + 1
        return Found(i, end, "TIME" if part else "DATE", Weekday(day, part, shift))

    def _calendar(self, doc, words, i):
        """"12 september 2023", "januari 2002", "september", "11" in "van 11 tot en met 29 juli"."""
        day = self._day_of_month(words[i])
        j = i + 1 if day else i
        month = self.months.get(words[j])
        if day and month is None:
            return self._range_start(words, i, day)
        if month is None or (day is None and (words[j].endswith(".") or self._is_name(doc, j))):
            return None
        year = int(words[j + 1]) if YEAR.match(words[j + 1]) else None
        return Found(i, j + 2 if year else j + 1, "DATE", CalendarDate(month, day, year))

    def _range_start(self, words, i, day):
        """The first day of a range whose month is written once, after the last day."""
        if words[i + 1] not in ("tot", "t/m", "-", "en", "of"):
            return None
        for k in range(i + 2, min(i + 6, len(words) - 1)):
            if self._day_of_month(words[k]) and words[k + 1] in self.months:
                year = int(words[k + 2]) if YEAR.match(words[k + 2]) else None
                return Found(i, i + 1, "DATE", CalendarDate(self.months[words[k + 1]], day, year))
        return None

    @staticmethod
    def _is_name(doc, j) -> bool:
        """A capitalised month inside a sentence, or before another capitalised word, is a name ("Mei Li")."""
        if j >= len(doc) or not doc[j].text[:1].isupper():
            return False
        return not doc[j].is_sent_start or (j + 1 < len(doc) and doc[j + 1].is_title)

    def _period(self, doc, words, i):
        """"vorige week", "dit jaar", "volgend jaar", "dit voorjaar", "dit weekeinde", "zomer 2019", "de zomer"."""
        if words[i] in ("de", "het") and words[i + 1] in self.seasons and words[i + 2] != "van" \
                and not YEAR.match(words[i + 2]):
            return Found(i, i + 2, "DATE", CalendarDate(season=self.seasons[words[i + 1]]))
        if words[i] in self.seasons:
            of = 1 + (words[i + 1] == "van")
            year = int(words[i + of]) if YEAR.match(words[i + of]) else None
            season = CalendarDate(year=year, season=self.seasons[words[i]])
            return Found(i, i + of + 1, "DATE", season) if year else None
        shift = self.shifts.get(words[i])
        if shift is None:
            return None
        if words[i + 1] in self.seasons:
            return Found(i, i + 2, "DATE", Period("Y", shift, self.seasons[words[i + 1]]))
        if words[i + 1] in self.day_parts and shift in (0, -1):
            return Found(i, i + 2, "TIME", DayOffset(0, self.day_parts[words[i + 1]]))
        unit = self.units.get(words[i + 1])
        if unit is None or unit.plural or unit.amount != 1 or unit.unit in ("H", "TM", "S", "D"):
            return None
        day, part = self._weekday_word(words[i + 2])
        if unit.unit == "W" and day and not part:
            return Found(i, i + 3, "DATE", WeekdayOfWeek(shift, day))
        return Found(i, i + 2, "DATE", Period(unit.unit, shift))

    def _article_period(self, doc, words, i):
        """"de afgelopen week", "de voorbije maanden", "het eerste halfjaar", "al die dagen": durations."""
        if words[i] == "al" and words[i + 1] in self.articles:
            j = i + 2
        elif words[i] in self.articles and words[i + 1] in self.period_words:
            j = i + 1
        else:
            return None
        j += words[j] in self.period_words
        amount = self._number(words[j]) if words[j] != "een" else None
        j += amount is not None
        unit = self.units.get(words[j])
        if unit is None:
            return None
        total = None if amount is None and unit.plural else (amount or 1) * unit.amount
        return Found(i, j + 1, "DURATION", Fixed(duration_value(total, unit.unit)))

    def _duration(self, doc, words, i):
        """"drie jaar", "25 jaar", "een paar weken", "luttele seconden", "twee weken geleden"."""
        vague = self.roles.get(words[i]) == "vague" or (words[i] == "een" and words[i + 1] == "paar")
        amount = None if vague else self._number(words[i])
        if not vague and amount is None:
            return None
        j = i + (2 if words[i] == "een" and vague else 1)
        unit = self.units.get(words[j])
        if unit is None or (unit.unit == "H" and words[i - 1] in self.clock_words and i):
            return None
        total = None if amount is None else amount * unit.amount
        after = self.roles.get(words[j + 1])
        if total is not None and after == "ago":
            return Found(i, j + 2, "DATE", Shifted(-int(total), unit.unit))
        if total is not None and after == "anchored":
            return Found(i, j + 2, "DATE", Unresolved(OTHER_EVENT))
        return Found(i, j + 1, "DURATION", Fixed(duration_value(total, unit.unit)))

    def _bare_plural(self, doc, words, i):
        """"jaren later", "al jaren", "maandenlang", "wekenlang": durations of unknown length."""
        word, start = words[i], i
        if word.endswith("lang") and self.units.get(word[:-4], TimeUnit("", 0, False)).plural:
            return Found(i, i + 1, "DURATION", Fixed(duration_value(None, self.units[word[:-4]].unit)))
        if word == "al":
            word, i = words[i + 1], i + 1
        unit = self.units.get(word)
        anchored = self.roles.get(words[i + 1]) == "anchored"
        if unit and unit.plural and (start < i or anchored):
            return Found(start, i + 1 + anchored, "DURATION", Fixed(duration_value(None, unit.unit)))
        return None

    def _age(self, doc, words, i):
        """"24-jarige", "achttienjarige": an age, a duration in years."""
        match = AGE.match(words[i])
        amount = self.numbers.read(match.group(1)) if match else None
        return Found(i, i + 1, "DURATION", Fixed(duration_value(amount, "Y"))) if amount else None

    def _year(self, doc, words, i):
        """"1997", "in 2019": a four-digit year, unless a unit or a noun follows ("2000 euro")."""
        if not YEAR.match(words[i]) or words[i - 1] in ("€", "$", "£") and i:
            return None
        following = doc[i + 1] if i + 1 < len(doc) else None
        if following is not None and (words[i + 1] in self.quantity_units or following.pos_ == "NOUN"):
            return None
        return Found(i, i + 1, "DATE", Fixed(words[i]))

    def _holiday(self, doc, words, i):
        """"kerst", "tweede kerstdag", "Koningsdag 2024": a holiday on a fixed date."""
        for name, (month, day), _ in self.holidays.get(words[i], ()):
            if tuple(words[i:i + len(name)]) == name:
                end = i + len(name)
                year = int(words[end]) if YEAR.match(words[end]) else None
                return Found(i, end + (year is not None), "DATE", CalendarDate(month, day, year))
        return None

    def _numeric_date(self, doc, words, i):
        """"12-09-2023", "12/9/2023": day, month and year in digits; "2019/2020", "1997-1998": a span of years."""
        years = YEAR_SPAN.match(words[i])
        if years:
            return Found(i, i + 1, "DATE", Fixed(years.group(1)))
        date = NUMERIC_DATE.match(words[i])
        if not date or not (1 <= int(date.group(1)) <= 31 and 1 <= int(date.group(2)) <= 12):
            return None
        day, month, year = (int(group) for group in date.groups())
        return Found(i, i + 1, "DATE", CalendarDate(month, day, year))

    def _century(self, doc, words, i):
        """"de twintigste eeuw", "de 21e eeuw": a century, valued by its first two digits ("19", "20")."""
        number = self.numbers.read_ordinal(words[i]) if words[i + 1] == "eeuw" else None
        return Found(i, i + 2, "DATE", Fixed(f"{number - 1:02d}")) if number and number <= 22 else None

    def _decade(self, doc, words, i):
        """"de jaren negentig", "de jaren '80", "de jaren 80": a decade of the twentieth century."""
        if words[i] != "jaren":
            return None
        j = i + 2 if words[i + 1] in ("'", "’") else i + 1
        digits = words[j].lstrip("'’")
        tens = self.numbers.read(digits) if digits else None
        decade = int(tens) // 10 if tens in (20, 30, 40, 50, 60, 70, 80, 90) else None
        return Found(i, j + 1, "DATE", Fixed(f"19{decade}")) if decade else None

    def _clock(self, doc, words, i):
        """"15.00 uur", "om drie uur", "'s middags", "'s middags om twee uur": a time of day."""
        if words[i] == "'s" and words[i + 1] in self.day_parts:
            part = self.day_parts[words[i + 1]]
            later = self._clock_time(words, i + 3, part) if words[i + 2] == "om" else None
            if later:
                return Found(i, later[1], "TIME", ClockTime(*later[0]))
            return Found(i, i + 2, "TIME", DayOffset(0, part))
        reading = self._clock_time(words, i, None)
        return Found(i, reading[1], "TIME", ClockTime(*reading[0])) if reading else None

    def _clock_time(self, words, i, part):
        """((hour, minute), end) of a clock time at i, with the afternoon and evening made PM."""
        clock = CLOCK.match(words[i])
        if clock and (words[i + 1] == "uur" or words[i - 1] in self.clock_words):
            hour, minute, end = int(clock.group(1)), int(clock.group(2)), i + 1 + (words[i + 1] == "uur")
        else:
            half = words[i] == "half" and words[i - 1] in self.clock_words
            hour = self._hour(words[i + half]) if words[i + 1] == "uur" or half else None
            if hour is None or not (half or words[i - 1] in self.clock_words):
                return None
            hour, minute, end = (hour - 1, 30, i + 2) if half else (hour, 0, i + 2)
        if part in ("AF", "EV") and hour < 12:
            hour += 12
        return (hour % 24, minute), end

    def _hour(self, word: str) -> int | None:
        hour = self.numbers.read(word) if word else None
        return int(hour) if hour is not None and hour == int(hour) and 0 <= hour <= 24 else None
