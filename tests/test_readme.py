"""The README shows what the program prints: its `kroniek analyze … --format table` example is run
on the article in examples/, and the header of the article view must match the README's line for line."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

from .conftest import REPO

COMMAND = re.compile(r"^\$ (kroniek analyze \S+ .*--format table)$", re.M)
HEADER = re.compile(r"^│ (id \S+|published \S+|\d+ words, \d+ paragraphs, \d+ sentences)\s", re.M)


def _header(text: str) -> list[str]:
    """The id, published and counts lines of the first article panel in `text`."""
    return HEADER.findall(text)[:3]


def test_readme_analyze_example_prints_the_header_the_readme_shows():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = shlex.split(COMMAND.search(readme).group(1))
    result = subprocess.run([sys.executable, "-m", "kroniek", *command[1:]], cwd=REPO, capture_output=True,
                            text=True, timeout=600, env={**os.environ, "COLUMNS": "110"})
    assert result.returncode == 0, result.stderr
    assert len(_header(readme)) == 3
    assert _header(result.stdout) == _header(readme)
