"""The section registry and the renderer that puts an Article's sections on a rich Console."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console, RenderableType

from ..records import Article

Section = Callable[[Article], RenderableType | None]
SECTIONS: list[Section] = []


def section(render: Section) -> Section:
    """Register a section: a function of an Article returning something rich renders, or None."""
    SECTIONS.append(render)
    return render


def render_article(article: Article, console: Console) -> None:
    """Print every section that has something to show for `article`."""
    for render in SECTIONS:
        renderable = render(article)
        if renderable is not None:
            console.print(renderable)
