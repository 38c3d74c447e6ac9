"""The Doc attributes through which Kroniek's stages hand their layers to each other.

Registered once, at import, under Kroniek's own names; never overwriting one already there.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .records import LAYERS

DOC_ATTRIBUTES: tuple[str, ...] = ("published", "paragraphs") + LAYERS
"""`doc._.<name>` for every layer, plus the published date that stages may read."""


def register_extensions() -> None:
    """Register every Kroniek Doc attribute that is not registered yet."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
