"""Publication dates as feeds, archives and exports write them: ISO 8601, "01-Mar-08", "1 maart 2008", "01/03/2008".

A date that cannot be read is no reason to lose the article: it is stored undated.
"""

from __future__ import annotations

import datetime as dt
import re

from ..lang import DEFAULT_LANGUAGE, read_mapping

FORMATS = ("%d-%b-%y", "%d-%b-%Y", "%d %b %Y", "%d %B %Y", "%B %d, %Y", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d.%m.%Y")
"""Day-first and English-month forms, tried in order after ISO 8601."""

WORDED = re.compile(r"^(\d{1,2})\s+([^\W\d]+\.?)\s+(\d{4})$")


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _formatted(value: str) -> dt.date | None:
    for pattern in FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _worded(value: str, lang: str) -> dt.date | None:
    """"1 maart 2008": a month named in the language's own words (`lang/<lang>/months.tsv`)."""
    match = WORDED.match(value)
    month = read_mapping(lang, "months").get(match.group(2).lower()) if match else None
    if match is None or month is None:
        return None
    try:
        return dt.date(int(match.group(3)), int(month), int(match.group(1)))
    except ValueError:
        return None


def parse_date(value: object, lang: str = DEFAULT_LANGUAGE) -> dt.date | None:
    """The date `value` writes, or None when it is no date any known form reads."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    return _iso(text) or _formatted(text) or _worded(text, lang)
