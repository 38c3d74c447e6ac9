"""What a temporal expression means, and its TIMEX3 value given the published date and the tense.

Each meaning is a small frozen dataclass with `resolve(anchor)`, returning the value and, when the
value is null, the reason. Absolute expressions ("1997", "drie jaar") need no anchor; relative ones
("maandag", "vorige week") are counted from the published date, in the direction of the tense.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

Resolution = tuple[str | None, str | None]

SEASON_MONTHS = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
"""A month in the middle of each season, to count a season without a year toward the tense."""

NO_PUBLISHED = "relative to the publication date, which is unknown"
OTHER_EVENT = "counted from another event in the text, not from the publication date"


@dataclass(frozen=True)
class Anchor:
    """What a relative expression is counted from: the published date and the sentence's tense."""

    published: dt.date | None
    tense: str = "present"


def day_value(day: dt.date, part: str | None = None) -> str:
    """ISO date, with a TIMEX3 part of day ("2023-09-12TMO") or clock time ("2023-09-12T15:00")."""
    return day.isoformat() + (f"T{part}" if part else "")


def week_value(day: dt.date) -> str:
    """The ISO week of a day as TIMEX3 writes it ("2023-W37")."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    """Year and month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _toward_tense(diff: int, period: int, tense: str) -> int:
    """Move an offset by whole periods so it points into the past, the future or the nearest one."""
    if tense == "past" and diff > 0:
        return diff - period
    if tense == "future" and diff < 0:
        return diff + period
    if tense == "present" and abs(diff) > period // 2:
        return diff - period if diff > 0 else diff + period
    return diff


@dataclass(frozen=True)
class Fixed:
    """An expression whose value needs no anchor: "1997", "januari 2002", "drie jaar", "nu"."""

    relative = False

    value: str

    def resolve(self, anchor: Anchor) -> Resolution:
        return self.value, None


@dataclass(frozen=True)
class Unresolved:
    """An expression that has no value Kroniek can give, with the reason."""

    relative = False

    reason: str

    def resolve(self, anchor: Anchor) -> Resolution:
        return None, self.reason


@dataclass(frozen=True)
class DayOffset:
    """A day counted from the published date ("gisteren" is -1), with an optional part of day."""

    relative = True

    days: int
    part: str | None = None

    def resolve(self, anchor: Anchor) -> Resolution:
        if anchor.published is None:
            return None, NO_PUBLISHED
        return day_value(anchor.published + dt.timedelta(days=self.days), self.part), None


@dataclass(frozen=True)
class Weekday:
    """A weekday: the one before or after the published date, as `shift` or else the tense says.

    The present counts forward, as in "zaterdag speelt Ajax" (a past event in the present tense is
    rare outside headlines); the published day itself is the nearest either way.
    """

    relative = True

    weekday: int
    part: str | None = None
    shift: int | None = None

    def resolve(self, anchor: Anchor) -> Resolution:
        if anchor.published is None:
            return None, NO_PUBLISHED
        diff = self.weekday - anchor.published.isoweekday()
        if self.shift is not None and self.shift != 0:
            diff = self._shifted(diff)
        else:
            diff = _toward_tense(diff, 7, "past" if anchor.tense == "past" else "future")
        return day_value(anchor.published + dt.timedelta(days=diff), self.part), None

    def _shifted(self, diff: int) -> int:
        if self.shift < 0:
            return diff - 7 if diff >= 0 else diff
        return diff + 7 if diff <= 0 else diff


@dataclass(frozen=True)
class Period:
    """A week, month, year, … counted from the published one ("vorige week", "dit voorjaar")."""

    relative = True

    unit: str
    shift: int
    season: str | None = None

    def resolve(self, anchor: Anchor) -> Resolution:
        if anchor.published is None:
            return None, NO_PUBLISHED
        day = anchor.published
        if self.unit in ("W", "WE"):
            value = week_value(day + dt.timedelta(weeks=self.shift))
            return value + ("-WE" if self.unit == "WE" else ""), None
        if self.unit == "M":
            return "{:04d}-{:02d}".format(*add_months(day, self.shift)), None
        if self.unit == "Q":
            year, month = add_months(day, 3 * self.shift)
            return f"{year:04d}-Q{(month - 1) // 3 + 1}", None
        return self._years(day.year), None

    def _years(self, year: int) -> str:
        if self.unit == "DE":
            return f"{year // 10 + self.shift:03d}"
        if self.unit == "CE":
            return f"{year // 100 + self.shift:02d}"
        return f"{year + self.shift:04d}" + (f"-{self.season}" if self.season else "")


@dataclass(frozen=True)
class WeekdayOfWeek:
    """A weekday in a week counted from the published one ("volgende week dinsdag")."""

    relative = True

    weeks: int
    weekday: int

    def resolve(self, anchor: Anchor) -> Resolution:
        if anchor.published is None:
            return None, NO_PUBLISHED
        monday = anchor.published - dt.timedelta(days=anchor.published.weekday())
        return day_value(monday + dt.timedelta(weeks=self.weeks, days=self.weekday - 1)), None


@dataclass(frozen=True)
class CalendarDate:
    """A date named by the calendar; without a year, the year the tense points to from the published date."""

    relative = True

    month: int | None = None
    day: int | None = None
    year: int | None = None
    season: str | None = None

    def resolve(self, anchor: Anchor) -> Resolution:
        year = self.year
        if year is None:
            if anchor.published is None:
                return None, NO_PUBLISHED
            year = self._year_toward_tense(anchor)
        if self.season:
            return f"{year:04d}-{self.season}", None
        if self.day is None:
            return f"{year:04d}-{self.month:02d}", None
        return f"{year:04d}-{self.month:02d}-{self.day:02d}", None

    def _year_toward_tense(self, anchor: Anchor) -> int:
        """The year in which the named month (and day) lies in the tense's direction from the published date."""
        published = anchor.published
        month, day = self.month or SEASON_MONTHS.get(self.season, published.month), self.day or 15
        diff = (month - published.month) * 31 + (day - published.day if self.day else 0)
        shifted = _toward_tense(diff, 12 * 31, anchor.tense)
        return published.year + (shifted - diff) // (12 * 31)


@dataclass(frozen=True)
class ClockTime:
    """A time of day on a day ("vanavond om 20.00 uur"); the published day when none is named."""

    relative = True

    hour: int
    minute: int = 0
    day: object = DayOffset(0)

    def resolve(self, anchor: Anchor) -> Resolution:
        value, reason = self.day.resolve(anchor)
        if value is None:
            return None, reason
        return f"{value[:10]}T{self.hour:02d}:{self.minute:02d}", None


@dataclass(frozen=True)
class Shifted:
    """A date some units before or after the published date ("twee weken geleden")."""

    relative = True

    amount: int
    unit: str

    def resolve(self, anchor: Anchor) -> Resolution:
        if anchor.published is None:
            return None, NO_PUBLISHED
        day = anchor.published
        if self.unit == "D":
            return day_value(day + dt.timedelta(days=self.amount)), None
        if self.unit == "W":
            return week_value(day + dt.timedelta(weeks=self.amount)), None
        if self.unit == "M":
            return "{:04d}-{:02d}".format(*add_months(day, self.amount)), None
        if self.unit == "Y":
            return f"{day.year + self.amount:04d}", None
        return None, f"no calendar value for a shift in unit {self.unit}"


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, P2W, PT30S, PT15M; PXY when the amount is unknown."""
    clock = unit in ("H", "TM", "S")
    letter = {"TM": "M", "WE": "WE"}.get(unit, unit)
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"P{'T' if clock else ''}{number}{letter}"
