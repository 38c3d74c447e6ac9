"""The readable terminal view of an Article (`kroniek analyze --format table`).

Each layer contributes sections through `@section` from a module of its own in this package;
`core` (header, entities) comes first, the other modules in name order.
"""

from ..discovery import import_submodules
from . import core  # noqa: F401  (first: the header)
from .view import render_article, section

VIEW_MODULES = import_submodules(__name__)

__all__ = ["render_article", "section"]
