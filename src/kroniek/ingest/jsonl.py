"""JSON Lines (.jsonl): one article per line with `text` and optional id, title, url, published.

The date may also come as `dateline` or `date`, in any form `dates.parse_date` reads ("01-Mar-08").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from ..source import RawDocument, Skipped
from .dates import parse_date

FIELDS = ("text", "id", "title", "url")
DATE_FIELDS = ("published", "dateline", "date")
"""Where a line may give its date, first found first."""


def _document(line: str, where: str) -> RawDocument | Skipped:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return Skipped(source=where, reason="malformed JSON", detail=str(error))
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return Skipped(source=where, reason="malformed JSON", detail="each line needs an object with a 'text' string")
    fields = {key: item.get(key) for key in FIELDS}
    fields["published"] = next((found for key in DATE_FIELDS if (found := parse_date(item.get(key)))), None)
    if fields["id"] is not None:
        fields["id"] = str(fields["id"])
    try:
        return RawDocument(source=item.get("url") or where, **fields)
    except ValidationError as error:
        return Skipped(source=where, reason="malformed JSON", detail=error.errors()[0]["msg"])


def read_jsonl(lines: Iterable[str] | str, source: str) -> Iterator[RawDocument | Skipped]:
    """One RawDocument (or Skipped) per non-blank line, each named `source:line`; `lines` may also be
    the whole text, as a reader of bytes (an archive member, a file Spark read) hands it over."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _document(line, f"{source}:{number}")
