"""The places an article mentions: one row per place, with where it is and how sure Kroniek is."""

from __future__ import annotations

from rich.table import Table

from ..records import Article, Place
from .view import section

UNRESOLVED_STYLE, UNCERTAIN_STYLE = "bright_black", "yellow"
UNCERTAIN_BELOW = 0.5


def coordinates(place: Place) -> str:
    """"42.430, 130.640", or "not resolved" for a place without a point."""
    if place.lat is None or place.lon is None:
        return "not resolved"
    return f"{place.lat:.3f}, {place.lon:.3f}"


def grouped(places: list[Place]) -> dict[tuple, list[Place]]:
    """The mentions of each distinct place (unresolved ones by their words), in order of first mention."""
    groups: dict[tuple, list[Place]] = {}
    for place in places:
        key = (place.name, place.country, place.lat, place.lon) if place.resolved else ("?", place.text)
        groups.setdefault(key, []).append(place)
    return groups


@section
def places(article: Article) -> Table | None:
    """Each place with its country, coordinates, kind, confidence and the words that name it."""
    if not article.places:
        return None
    table = Table(title="Places", title_justify="left")
    for column in ("place", "country", "lat, lon", "kind", "conf.", "n", "as"):
        table.add_column(column)
    for mentions in grouped(article.places).values():
        first, confidence = mentions[0], max(m.confidence for m in mentions)
        forms = ", ".join(sorted({m.text for m in mentions}))
        table.add_row(first.name or first.text, first.country or "", coordinates(first), first.kind or "",
                      f"{confidence:.2f}" if first.resolved else "unresolved", str(len(mentions)), forms,
                      style=_style(first.resolved, confidence))
    return table


def _style(resolved: bool, confidence: float) -> str | None:
    if not resolved:
        return UNRESOLVED_STYLE
    return UNCERTAIN_STYLE if confidence < UNCERTAIN_BELOW else None
