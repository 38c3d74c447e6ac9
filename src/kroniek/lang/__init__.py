"""Language data, one package per language: word lists and patterns kept as data, not code."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(lang: str, name: str) -> frozenset[str]:
    """The entries of `lang/<lang>/<name>.txt`: one per line, `#` starts a comment."""
    return frozenset(read_lines(lang, name))


def read_lines(lang: str, name: str) -> list[str]:
    """The non-empty, non-comment lines of `lang/<lang>/<name>.txt`, in order."""
    path = resources.files(f"kroniek.lang.{lang}").joinpath(f"{name}.txt")
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]
