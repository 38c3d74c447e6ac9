"""The ingest progress display: done/total and time left when the total is known, a count when not,
and nothing at all when it is not shown (not a terminal, or --silent)."""

from __future__ import annotations

import io

from rich.console import Console

from kroniek.progress import progress_display


def _drawn(shown: bool, total) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, width=100)
    with progress_display(console, shown, total) as progress:
        task = progress.add_task("ingesting", total=total)
        progress.advance(task, 3)
        progress.refresh()
    return console.file.getvalue()


def test_a_known_total_shows_done_of_total_and_time_left():
    drawn = _drawn(True, 10)
    assert "ingesting" in drawn and "3/10" in drawn and ("-:--:--" in drawn or "0:00:" in drawn)


def test_an_unknown_total_shows_a_count():
    drawn = _drawn(True, None)
    assert "ingesting" in drawn and " 3 " in drawn and "/10" not in drawn


def test_nothing_is_drawn_when_not_shown():
    assert _drawn(False, 10) == ""
