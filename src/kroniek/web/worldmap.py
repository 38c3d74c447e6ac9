"""The map: country outlines from the vendored world-atlas TopoJSON, drawn as SVG paths on the server
(equirectangular: x = longitude + 180, y = 90 − latitude), and the stored places as points on it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from ..records import Place

ATLAS = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
WORLD = (0.0, 0.0, 360.0, 180.0)
"""The whole world's box (x, y, width, height) in map units: degrees."""


def project(lon: float, lat: float) -> tuple[float, float]:
    """A point's map coordinates."""
    return round(lon + 180, 3), round(90 - lat, 3)


def _decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        xs = accumulate(point[0] for point in arc)
        ys = accumulate(point[1] for point in arc)
        arcs.append([project(x * sx + tx, y * sy + ty) for x, y in zip(xs, ys, strict=True)])
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _runs(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring cut where it jumps across the antimeridian (Russia, Fiji), so no line crosses the map."""
    runs = [[ring[0]]]
    for point in ring[1:]:
        if abs(point[0] - runs[-1][-1][0]) > 180:
            runs.append([])
        runs[-1].append(point)
    return runs


def _path(rings: Iterable[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in filter(None, rings):
        runs = _runs(ring)
        closing = "Z" if len(runs) == 1 else ""
        parts += ["M" + "L".join(f"{x:g},{y:g}" for x, y in run) + closing for run in runs]
    return " ".join(parts)


def _polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    return geometry["arcs"] if geometry["type"] == "MultiPolygon" else []


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """Each country's name and SVG path, from the vendored atlas (read once)."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    shapes = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [_ring(arcs, ring) for polygon in _polygons(geometry) for ring in polygon]
        shapes.append((geometry.get("properties", {}).get("name", ""), _path(rings)))
    return tuple(shapes)


@dataclass
class Point:
    """One resolved place on the map, with every article and wording that names it."""

    name: str
    country: str
    lat: float
    lon: float
    wordings: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    @property
    def xy(self) -> tuple[float, float]:
        return project(self.lon, self.lat)


def points(rows: Iterable[dict[str, Any]]) -> list[Point]:
    """The distinct resolved places of layer rows ({article, record: Place}), most named first."""
    found: dict[tuple[Any, ...], Point] = {}
    for row in rows:
        place: Place = row["record"]
        if place.lat is None or place.lon is None:
            continue
        key = (round(place.lat, 2), round(place.lon, 2))
        point = found.setdefault(key, Point(place.name or place.text, place.country or "", place.lat, place.lon))
        point.wordings.add(place.text)
        point.articles.add(row["article"])
    return sorted(found.values(), key=lambda p: (-len(p.articles), p.name))


def view_box(shown: list[Point], whole_world: bool = False) -> tuple[float, float, float, float]:
    """The box to show: the world, or the points with a margin (at least 40° wide, 2:1)."""
    if whole_world or not shown:
        return WORLD
    xs, ys = [p.xy[0] for p in shown], [p.xy[1] for p in shown]
    width = min(360.0, max(40.0, (max(xs) - min(xs)) * 1.4, (max(ys) - min(ys)) * 2.8))
    x = min(max((min(xs) + max(xs) - width) / 2, 0), 360 - width)
    y = min(max((min(ys) + max(ys) - width / 2) / 2, 0), 180 - width / 2)
    return round(x, 2), round(y, 2), round(width, 2), round(width / 2, 2)


def labelled(shown: list[Point], gap: float) -> list[Point]:
    """The points to write a name beside: the most named first, none closer than `gap` to another."""
    kept: list[Point] = []
    for point in shown:
        x, y = point.xy
        if all(abs(x - other.xy[0]) > gap * 3 or abs(y - other.xy[1]) > gap for other in kept):
            kept.append(point)
    return kept
