"""The timeline chart, drawn on the server as an inline SVG: time runs left to right, one lane per kind
of statement (events, claims, quotes), one mark per dated statement, coloured by kind (a denial apart,
events by their status), each mark a link to its words in the reader. Statements of one day in one
lane stack upwards, so none hides another.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from .models import Statement

WIDTH = 900
"""The chart's width in SVG units; the page scales it to fit."""
LEFT, RIGHT, TOP = 90, 60, 12
"""Room left for the lane names, right for the last date, and above the first lane."""
STEP = 14
"""The height of one stacked mark."""
PAD = 8
"""The room inside a lane above and below its marks."""
AXIS = 34
"""The room below the lanes for the dates."""
TICKS = 6
"""The most dates the axis names (each about 80 units wide: they never overlap)."""
LANES = (("event", "events"), ("claim", "claims"), ("quote", "quotes"))
"""The lanes, top to bottom: kind and name."""

_TIME = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?")


def day_of(value: str) -> dt.date | None:
    """The day a TIMEX3 value begins: 2024-05-13, 2024-05 (its first day), 2024-W20 (its Monday), 2024."""
    found = _TIME.match(value)
    if found is None:
        return None
    year, month, day, week = found.groups()
    try:
        if week:
            return dt.date.fromisocalendar(int(year), int(week), 1)
        return dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


@dataclass(frozen=True)
class ChartMark:
    """One statement on the chart: where, what it links to, what hovering says, and its colour classes."""

    x: float
    y: float
    href: str
    title: str
    classes: str


@dataclass(frozen=True)
class Chart:
    """Everything the template draws: the marks, the lanes (top, height, name), the dated ticks, and
    the legend (class, meaning) of the colours used."""

    width: int
    height: int
    axis_y: float
    marks: list[ChartMark]
    lanes: list[tuple[float, float, str]]
    ticks: list[tuple[float, str]]
    legend: list[tuple[str, str]]


def colour(statement: Statement) -> tuple[str, str]:
    """A statement's colour class and what it means: events by status, denials apart from other claims."""
    if statement.kind == "event":
        status = statement.status or "unknown"
        return f"status-{status}", f"event: {status}"
    if statement.factuality and statement.factuality.endswith("-"):
        return f"mark-{statement.kind} mark-denied", f"{statement.kind}: denied"
    return f"mark-{statement.kind}", statement.kind


def _title(statement: Statement, day: dt.date) -> str:
    text = statement.text if len(statement.text) <= 100 else statement.text[:99] + "…"
    who = f" — {statement.source}" if statement.source else ""
    status = f" ({statement.status})" if statement.status else ""
    return f"{day.isoformat()} · {statement.kind}{status}: {text}{who}"


def reader_link(statement: Statement) -> str:
    """The address of a statement's words in the reader."""
    return f"/articles/{quote(statement.article, safe='')}#{statement.kind}-{statement.ordinal}"


class _Scale:
    """Days to x, over the plot between LEFT and WIDTH - RIGHT."""

    def __init__(self, first: dt.date, last: dt.date):
        self.first, self.days = first, (last - first).days

    def x(self, day: dt.date) -> float:
        share = (day - self.first).days / self.days if self.days else 0.5
        return round(LEFT + share * (WIDTH - LEFT - RIGHT), 1)

    def ticks(self) -> list[tuple[float, str]]:
        count = min(TICKS, self.days + 1)
        days = sorted({self.first + dt.timedelta(days=round(i * self.days / max(count - 1, 1))) for i in range(count)})
        return [(self.x(day), day.isoformat()) for day in days]


def _lanes(depth: Counter[tuple[str, dt.date]]) -> dict[str, tuple[float, int, str]]:
    """Each kind's lane that has marks, top to bottom: its top, how many marks it stacks, its name."""
    lanes, top = {}, float(TOP)
    for kind, name in LANES:
        stack = max((n for (k, _), n in depth.items() if k == kind), default=0)
        if stack:
            lanes[kind] = (top, stack, name)
            top += stack * STEP + PAD
    return lanes


def timeline_chart(statements: Iterable[Statement]) -> Chart | None:
    """The chart of the dated `statements`, or None when none is dated."""
    dated = sorted(((day, s) for s in statements if s.date and (day := day_of(s.date)) is not None),
                   key=lambda item: (item[0], item[1].article, item[1].start))
    if not dated:
        return None
    scale = _Scale(dated[0][0], dated[-1][0])
    lanes = _lanes(Counter((s.kind, day) for day, s in dated))
    placed: Counter[tuple[str, dt.date]] = Counter()
    marks = []
    for day, s in dated:
        top, stack, _ = lanes[s.kind]
        y = top + PAD / 2 + (stack - 1 - placed[(s.kind, day)]) * STEP + STEP / 2
        placed[(s.kind, day)] += 1
        marks.append(ChartMark(scale.x(day), y, reader_link(s), _title(s, day), colour(s)[0]))
    bottom = max(top + stack * STEP + PAD for top, stack, _ in lanes.values())
    legend = sorted({colour(s) for _, s in dated}, key=lambda pair: pair[1])
    return Chart(WIDTH, round(bottom + AXIS), bottom, marks,
                 [(top, stack * STEP + PAD, name) for top, stack, name in lanes.values()], scale.ticks(), legend)
