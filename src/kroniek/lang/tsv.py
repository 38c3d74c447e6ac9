"""Tables of language data: tab-separated `lang/<code>/<name>.tsv` files, `#` starts a comment."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def read_table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `lang/<lang>/<name>.tsv`, each a tuple of its tab-separated cells."""
    path = resources.files(f"kroniek.lang.{lang}").joinpath(f"{name}.tsv")
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_mapping(lang: str, name: str) -> dict[str, str]:
    """The first two columns of a table as a mapping (the first row wins for a repeated key)."""
    mapping: dict[str, str] = {}
    for row in read_table(lang, name):
        mapping.setdefault(row[0], row[1])
    return mapping


def read_groups(lang: str, name: str) -> dict[str, frozenset[str]]:
    """A table of word<TAB>group rows as the words of each group (a word may be in several)."""
    groups: dict[str, set[str]] = {}
    for word, group in read_table(lang, name):
        groups.setdefault(group, set()).add(word)
    return {group: frozenset(words) for group, words in groups.items()}
