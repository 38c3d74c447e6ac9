"""The map drawn from the vendored world-atlas TopoJSON, and the places put on it."""

from __future__ import annotations

from itertools import pairwise

from kroniek.records import Place
from kroniek.web.worldmap import WORLD, countries, labelled, points, project, view_box


def test_the_atlas_decodes_to_a_path_per_country():
    shapes = dict(countries())
    assert len(shapes) > 150
    assert shapes["Netherlands"].startswith("M") and shapes["Netherlands"].endswith("Z")
    x, y = (float(n) for n in shapes["Netherlands"][1:].split("L")[0].split(","))
    assert 180 + 3 < x < 180 + 8 and 90 - 54 < y < 90 - 50


def test_projection_puts_west_and_north_at_the_top_left():
    assert project(-180, 90) == (0, 0)
    assert project(180, -90) == (360, 180)


def _row(article, words, name, lat, lon):
    return {"article": article, "record": Place(start=0, end=len(words), text=words, name=name, lat=lat, lon=lon)}


def test_places_merge_by_point_and_unresolved_ones_are_left_off():
    rows = [_row("a", "Moskou", "Moscow", 55.75, 37.62), _row("b", "Moskou", "Moscow", 55.751, 37.62),
            _row("a", "Russische", "Russia", 61.5, 105.3), _row("a", "Atlantis", None, None, None)]
    found = points(rows)
    assert [(p.name, sorted(p.articles)) for p in found] == [("Moscow", ["a", "b"]), ("Russia", ["a"])]


def test_the_view_fits_the_points_or_shows_the_world():
    found = points([_row("a", "Chasan", "Khasan", 42.43, 130.64), _row("a", "Moskou", "Moscow", 55.75, 37.62)])
    x, y, width, height = view_box(found)
    assert x <= project(37.62, 55.75)[0] and project(130.64, 42.43)[0] <= x + width
    assert abs(width - 2 * height) < 0.02 and width <= 360
    assert view_box([]) == WORLD and view_box(found, whole_world=True) == WORLD


def test_no_outline_draws_a_line_across_the_map():
    for name, path in countries():
        for run in path.split("M")[1:]:
            xs = [float(point.split(",")[0]) for point in run.rstrip("Z ").split("L")]
            assert all(abs(a - b) <= 180 for a, b in pairwise(xs)), name


def test_names_are_written_only_where_there_is_room():
    found = points([_row("a", "Chasan", "Khasan", 42.43, 130.64), _row("b", "Chasan", "Khasan", 42.43, 130.64),
                    _row("a", "Vladivostok", "Vladivostok", 43.12, 131.9), _row("a", "Moskou", "Moscow", 55.75, 37.62)])
    assert [p.name for p in labelled(found, gap=2)] == ["Khasan", "Moscow"]
