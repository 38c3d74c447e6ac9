"""Language data, one package per language: word lists and patterns kept as data, not code.

This module is the one reader of that data. Every stage loads its lists through these functions
with the language code of the pipeline it runs in (`nlp.lang`, `doc.lang_`); `lang/<code>/` holds
`.txt` lists (one entry a line) and `.tsv` tables (tab-separated cells); `#` starts a comment.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module, resources
from types import ModuleType

DEFAULT_LANGUAGE = "nl"
"""The language of the shipped model, used where a caller names none."""


def available_languages() -> tuple[str, ...]:
    """The codes of the languages that have a data package under `lang/`."""
    root = resources.files(__name__)
    return tuple(sorted(entry.name for entry in root.iterdir() if entry.joinpath("__init__.py").is_file()))


def language_module(lang: str, name: str) -> ModuleType:
    """The code module `lang/<lang>/<name>.py`: what a language needs beyond word lists (its
    tokenizer rules, number words, verb forms), with the same functions in every language."""
    return import_module(f"kroniek.lang.{lang}.{name}")


def _data_lines(lang: str, filename: str) -> list[str]:
    """The raw lines of `lang/<lang>/<filename>`."""
    path = resources.files(f"kroniek.lang.{lang}").joinpath(filename)
    return path.read_text(encoding="utf-8").splitlines()


@cache
def word_list(lang: str, name: str) -> frozenset[str]:
    """The entries of `lang/<lang>/<name>.txt` as a set."""
    return frozenset(read_lines(lang, name))


def read_lines(lang: str, name: str) -> list[str]:
    """The non-empty, non-comment lines of `lang/<lang>/<name>.txt`, in order."""
    lines = (line.split("#", 1)[0].strip() for line in _data_lines(lang, f"{name}.txt"))
    return [line for line in lines if line]


@cache
def read_rows(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `lang/<lang>/<name>.tsv`, each a tuple of its tab-separated cells."""
    lines = _data_lines(lang, f"{name}.tsv")
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def read_table(lang: str, name: str) -> list[dict[str, str]]:
    """The rows of a table whose first row is its header, as dicts keyed by that header."""
    header, *rows = read_rows(lang, name)
    return [dict(zip(header, row, strict=False)) for row in rows]


def first_column(lang: str, name: str) -> frozenset[str]:
    """The first cells of a headerless table, lower-cased."""
    return frozenset(row[0].lower() for row in read_rows(lang, name))


def read_mapping(lang: str, name: str) -> dict[str, str]:
    """The first two columns of a table as a mapping (the first row wins for a repeated key)."""
    mapping: dict[str, str] = {}
    for row in read_rows(lang, name):
        mapping.setdefault(row[0], row[1])
    return mapping


def read_groups(lang: str, name: str) -> dict[str, frozenset[str]]:
    """A table of `word <TAB> group` rows as the words of each group (a word may be in several)."""
    return _grouped((group, word) for word, group in read_rows(lang, name))


@cache
def word_roles(lang: str, name: str) -> dict[str, frozenset[str]]:
    """A table of `role <TAB> word` rows as the words of each role."""
    return _grouped((row[0], row[1]) for row in read_rows(lang, name))


def _grouped(pairs) -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for group, word in pairs:
        groups.setdefault(group, set()).add(word)
    return {group: frozenset(words) for group, words in groups.items()}
