"""The timeline chart and the graph of who speaks about whom, as laid out before drawing."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.web.charts import LEFT, RIGHT, WIDTH, day_of, timeline_chart
from kroniek.web.graphs import speech_graph
from kroniek.web.models import Speech, Statement


@pytest.mark.parametrize("value, day", [
    ("2024-05-13", dt.date(2024, 5, 13)), ("2024-05", dt.date(2024, 5, 1)), ("2024", dt.date(2024, 1, 1)),
    ("2024-W20", dt.date(2024, 5, 13)), ("2024-05-13T14:00", dt.date(2024, 5, 13)), ("PRESENT_REF", None),
    ("2024-13-40", None),
])
def test_a_timex_value_gives_the_day_it_begins(value, day):
    assert day_of(value) == day


def _said(kind: str, date: str | None, ordinal: int = 0, **fields) -> Statement:
    return Statement(kind=kind, article="a/b", article_name="A", ordinal=ordinal, text="woorden", date=date,
                     start=0, end=7, **fields)


def test_marks_run_from_the_first_day_to_the_last_and_stack_within_a_day():
    chart = timeline_chart([_said("claim", "2024-05-13"), _said("claim", "2024-05-13", 1),
                            _said("event", "2024-05-17", status="expected"), _said("quote", None)])
    assert chart is not None
    xs = sorted({mark.x for mark in chart.marks})
    assert xs == [LEFT, WIDTH - RIGHT]
    first, second = (mark for mark in chart.marks if mark.classes == "mark-claim")
    assert first.x == second.x and first.y != second.y
    assert [name for _, _, name in chart.lanes] == ["events", "claims"]
    assert chart.marks[0].href == "/articles/a%2Fb#claim-0"
    assert ("status-expected", "event: expected") in chart.legend


def test_nothing_dated_draws_no_chart():
    assert timeline_chart([_said("quote", None)]) is None


def test_the_graph_is_drawn_the_same_whatever_the_order_and_leaves_out_self_reference():
    speech = [Speech(speaker="Jansen", speaker_entity=1, about="Haven", about_entity=2, count=2),
              Speech(speaker="een woordvoerder", about="Jansen", about_entity=1, count=1),
              Speech(speaker="Jansen", speaker_entity=1, about="Jansen", about_entity=1, count=5)]
    graph = speech_graph(speech)
    assert graph is not None and graph == speech_graph(speech[::-1])
    assert [node.label for node in graph.nodes] == ["een woordvoerder", "Haven", "Jansen"]
    assert [node.href for node in graph.nodes] == ["/entities/een%20woordvoerder", "/corpus/entities/2",
                                                   "/corpus/entities/1"]
    assert len(graph.edges) == 2 and max(edge.width for edge in graph.edges) > min(edge.width for edge in graph.edges)


def test_one_speaker_alone_draws_no_graph():
    assert speech_graph([Speech(speaker="Jansen", speaker_entity=1, about="Jansen", about_entity=1, count=1)]) is None
