"""Where an article quotes someone's own words: the stretches between Dutch quote marks.

Dutch news writes a quote as ,,…'' or ,,…” (the classic newspaper style), „…”, “…”, "…", «…» or
'…'. Marks are found on the characters, not the tokens, so a quote glued to a colon (`zei:,,Ja''`)
or to a comma (`aldus Jansen,,, waar`) is found all the same. A quote that is still open at the
end of its paragraph ends there. Single marks double as apostrophes (`z'n`, `'s middags`,
`Van 't Klooster`); they only quote where they stand at a word's edge, and a short single-quoted
stretch is a scare quote (`een 'rotsituatie'`), a fragment of someone's words rather than a quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SINGLE_MARKS = frozenset("'‘’")
ELISION = re.compile(r"'(?:s|t|n|k|m|r|ie|er)\b")
"""Dutch elisions that start with an apostrophe: 's middags, 't, 'n, m'n is caught as mid-word."""

OPENS_AFTER = frozenset(" \t\n([{-–—:;/")
SCARE_QUOTE_MAX_WORDS = 6


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch: its marks and its content, as character offsets into the text."""

    open_start: int
    start: int
    end: int
    close_end: int
    single: bool
    words: int

    @property
    def scare(self) -> bool:
        """True for a short single-quoted fragment: someone's word, not a quote of its own."""
        return self.single and self.words <= SCARE_QUOTE_MAX_WORDS


def mark_pattern(pairs: Iterable[tuple[str, str]]) -> re.Pattern:
    """A regular expression matching every quote mark of `pairs`; `,,` also in longer comma runs."""
    marks = sorted({mark for pair in pairs for mark in pair}, key=len, reverse=True)
    return re.compile("|".join(",{2,}" if mark == ",," else re.escape(mark) for mark in marks))


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before, after


def _ambiguous_role(text: str, start: int, end: int) -> str | None:
    """'open', 'close' or None for a straight or single mark, from the characters around it."""
    before, after = _context(text, start, end)
    if text[start] in SINGLE_MARKS:
        if before.isalnum() and after.isalnum() or ELISION.match(text, start) and before in OPENS_AFTER:
            return None
    if before in OPENS_AFTER and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return None


class MarkReader:
    """Tells opening from closing quote marks, given the mark pairs of a language."""

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        pairs = set(pairs)
        self.pattern = mark_pattern(pairs)
        self.openers = {opening for opening, _ in pairs}
        self.closers = {closing for _, closing in pairs}

    def roles(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, str, bool]]:
        """(mark start, mark end, 'open' or 'close', single) for each quote mark in text[start:end]."""
        for match in self.pattern.finditer(text, start, end):
            mark_start, mark_end = match.start(), match.end()
            mark = match.group()
            if mark.startswith(",,"):
                mark_start, mark = mark_end - 2, ",,"
            role = self._role(text, mark, mark_start, mark_end)
            if role:
                yield mark_start, mark_end, role, mark in SINGLE_MARKS

    def _role(self, text: str, mark: str, start: int, end: int) -> str | None:
        if mark in self.openers and mark in self.closers or mark in SINGLE_MARKS:
            return _ambiguous_role(text, start, end)
        return "open" if mark in self.openers else "close"


def _content(text: str, open_start: int, start: int, end: int, close_end: int, single: bool) -> Quoted | None:
    inner = text[start:end]
    content_start = start + len(inner) - len(inner.lstrip())
    content_end = start + len(inner.rstrip().rstrip(",").rstrip())
    if content_end <= content_start:
        return None
    words = len(text[content_start:content_end].split())
    return Quoted(open_start, content_start, content_end, close_end, single, words)


def find_quoted(text: str, paragraphs: Iterable[tuple[int, int]], reader: MarkReader) -> list[Quoted]:
    """Every quoted stretch of `text`, paragraph by paragraph, in text order."""
    found: list[Quoted] = []
    for start, end in paragraphs:
        found.extend(_paragraph_quotes(text, start, end, reader))
    return found


def _paragraph_quotes(text: str, start: int, end: int, reader: MarkReader) -> Iterator[Quoted]:
    """Pair the marks of one paragraph: a double quote ignores single marks inside it."""
    opened: tuple[int, int, bool] | None = None  # (mark start, content start, single)
    for mark_start, mark_end, role, single in reader.roles(text, start, end):
        if opened and opened[2] == single and (role == "close" or not single):
            quoted = _content(text, opened[0], opened[1], mark_start, mark_end if role == "close" else mark_start, single)
            opened = None
            if quoted:
                yield quoted
            if role == "close":
                continue
        if role == "open" and (opened is None or opened[2] and not single):
            opened = (mark_start, mark_end, single)
    if opened and not opened[2]:
        quoted = _content(text, opened[0], opened[1], end, end, False)
        if quoted:
            yield quoted
