"""The graph of who speaks about whom, drawn on the server as an inline SVG: speakers and the names in
what they say, placed on a circle in alphabetical order (the same graph is always drawn the same),
an arrow from speaker to name as wide as how often, every node a link to its entity's page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from .models import Speech

WIDTH, HEIGHT = 760, 400
"""The drawing's size in SVG units; the page scales it to fit."""
RADIUS = 150
"""The radius of the circle the nodes stand on."""
NODE = 9
"""A node's radius: arrows stop at its edge."""
BEND = 0.12
"""How far an arrow bends off the straight line, as a share of its length (A→B and B→A stay apart)."""
MAX_NODES = 14
"""The most nodes drawn: those in the most statements (their labels stay apart on the circle)."""


@dataclass(frozen=True)
class Node:
    """A speaker or a named entity: where it stands, its label's place and anchor, and its page."""

    label: str
    href: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    speaks: bool


@dataclass(frozen=True)
class Edge:
    """An arrow from speaker to name: its SVG path, its width, and what hovering says."""

    path: str
    width: float
    title: str


@dataclass(frozen=True)
class Graph:
    """Everything the template draws."""

    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def _key(name: str, entity: int | None) -> tuple[str, int | None]:
    return (name, entity) if entity is not None else (name.lower(), None)


def entity_href(name: str, entity: int | None) -> str:
    """A corpus entity's page, or, for a speaker not linked to one, the page of the name."""
    return f"/corpus/entities/{entity}" if entity is not None else f"/entities/{quote(name, safe='')}"


def _place(index: int, count: int) -> tuple[float, float, float]:
    """The point of the index-th of `count` nodes on the circle, and its angle (the first at the top)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return WIDTH / 2 + RADIUS * math.cos(angle), HEIGHT / 2 + RADIUS * math.sin(angle), angle


def _node(label: str, href: str, index: int, count: int, speaks: bool) -> Node:
    x, y, angle = _place(index, count)
    cos, sin = math.cos(angle), math.sin(angle)
    anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
    out = NODE + 6
    label_y = y + out * sin + (12 if sin > 0.3 else -2 if sin < -0.3 else 4)
    return Node(label, href, round(x, 1), round(y, 1), round(x + out * cos, 1), round(label_y, 1), anchor, speaks)


def _arrow(a: Node, b: Node) -> str:
    """A path from `a`'s edge to `b`'s, bent to its right."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1
    ux, uy = dx / length, dy / length
    mx, my = (a.x + b.x) / 2 - uy * length * BEND, (a.y + b.y) / 2 + ux * length * BEND
    start = (a.x + ux * NODE, a.y + uy * NODE)
    end = (b.x - ux * (NODE + 3), b.y - uy * (NODE + 3))
    return f"M{start[0]:.1f},{start[1]:.1f} Q{mx:.1f},{my:.1f} {end[0]:.1f},{end[1]:.1f}"


def speech_graph(speech: Iterable[Speech]) -> Graph | None:
    """The graph of `speech` (edges speaker → named entity), or None when there is nothing to draw."""
    edges = [edge for edge in speech if _key(edge.speaker, edge.speaker_entity) != _key(edge.about, edge.about_entity)]
    weight: Counter[tuple[str, int | None]] = Counter()
    labels, speakers = {}, set()
    for edge in edges:
        for name, entity in ((edge.speaker, edge.speaker_entity), (edge.about, edge.about_entity)):
            weight[_key(name, entity)] += edge.count
            labels[_key(name, entity)] = (name, entity)
        speakers.add(_key(edge.speaker, edge.speaker_entity))
    kept = sorted(sorted(weight, key=lambda k: (-weight[k], str(k)))[:MAX_NODES], key=lambda k: labels[k][0].lower())
    if len(kept) < 2:
        return None
    nodes = {key: _node(labels[key][0], entity_href(*labels[key]), i, len(kept), key in speakers)
             for i, key in enumerate(kept)}
    drawn = [Edge(_arrow(nodes[a], nodes[b]), min(1.5 + edge.count - 1, 8), f"{edge.speaker} → {edge.about}: "
                  f"{edge.count} statement{'' if edge.count == 1 else 's'}")
             for edge in edges
             if (a := _key(edge.speaker, edge.speaker_entity)) in nodes and (b := _key(edge.about, edge.about_entity)) in nodes]
    return Graph(WIDTH, HEIGHT, list(nodes.values()), sorted(drawn, key=lambda edge: edge.title))
