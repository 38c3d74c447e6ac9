"""The progress display of long commands: on stderr, only on a terminal, never mixed with data."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """How many inputs a second are done, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f}/s" if task.speed else "")


def progress_display(console: Console, shown: bool, total: int | None) -> Progress:
    """Done/total, rate and time left when the total is known; a count, rate and time taken when not."""
    counted = (MofNCompleteColumn(), RateColumn(), TimeRemainingColumn()) if total else (
        TextColumn("{task.completed}"), RateColumn(), TimeElapsedColumn())
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), *counted, console=console,
                    disable=not shown, transient=True)
