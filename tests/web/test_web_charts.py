"""Geometry of the inline SVG charts: axes that start at 0 and end on a round number, every
period drawn (gaps as empty bars), dates on the x axis."""

from __future__ import annotations

import math

import pytest

from kittiwake.web.charts import (
    Node,
    diverging_chart,
    edge_line,
    period_chart,
    period_mean_chart,
    ring_layout,
    round_up,
    stacked_chart,
)


@pytest.mark.parametrize(
    ("values", "heights", "top"),
    [
        ([1, 2, 4], [25.0, 50.0, 100.0], 4),
        ([0, 0], [0.0, 0.0], 1),
        ([3, -1], [100.0, 0.0], 3),
        ([14, 7], [93.33, 46.67], 15),  # the axis ends on a round number above the peak
    ],
)
def test_bars_scale_to_the_axis_top(values: list[float], heights: list[float], top: float) -> None:
    chart = stacked_chart(
        [str(v) for v in values], [{"n": v} for v in values], width=100, height=100
    )
    assert [bar.parts[0].height for bar in chart.bars] == heights
    assert chart.maximum == top
    assert all(bar.parts[0].y + bar.parts[0].height == 100 for bar in chart.bars)
    assert all(bar.x + bar.width <= 100 for bar in chart.bars)


@pytest.mark.parametrize(
    ("peak", "labels"),
    [
        (14, ["0", "5", "10", "15"]),
        (4, ["0", "1", "2", "3", "4"]),
        (1, ["0", "1"]),
        (950, ["0", "500", "1000"]),
        (0, ["0"]),
    ],
)
def test_y_axis_ticks(peak: float, labels: list[str]) -> None:
    chart = stacked_chart(["a"], [{"n": peak}], height=100)
    assert [tick.label for tick in chart.y_ticks] == labels
    assert chart.y_ticks[0].at == 100  # 0 at the bottom


@pytest.mark.parametrize(("value", "rounded"), [(0.3, 0.5), (3.5, 5), (12, 20), (200, 200)])
def test_round_up(value: float, rounded: float) -> None:
    assert round_up(value) == rounded


def test_parts_stack_in_order() -> None:
    chart = stacked_chart(["w"], [{"a": 1, "b": 3}], height=100)
    (bar,) = chart.bars
    assert bar.value == 4
    assert [(part.kind, part.y, part.height) for part in bar.parts] == [
        ("a", 75.0, 25.0),
        ("b", 0.0, 75.0),
    ]


def test_labels_and_bars_must_pair() -> None:
    with pytest.raises(ValueError, match="2 labels for 1 bars"):
        stacked_chart(["a", "b"], [{"n": 1}])


@pytest.mark.parametrize(
    ("by", "rows", "periods"),
    [
        ("week", ["2024-03-04", "2024-03-18"], ["2024-03-04", "2024-03-11", "2024-03-18"]),
        (
            "month",
            ["2023-11-01", "2024-02-01"],
            ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"],
        ),
        ("year", ["2019-01-01", "2021-01-01"], ["2019-01-01", "2020-01-01", "2021-01-01"]),
    ],
)
def test_every_period_is_drawn(by: str, rows: list[str], periods: list[str]) -> None:
    chart = period_chart([{"period": day, "total": 2} for day in rows], by=by)
    assert [bar.label for bar in chart.bars] == periods
    assert [bar.value for bar in chart.bars] == [2 if day in rows else 0 for day in periods]
    assert chart.x_ticks[0].label == periods[0]


def test_a_long_range_keeps_every_week_and_few_labels() -> None:
    rows = [{"period": "2022-01-03", "total": 1}, {"period": "2024-03-04", "total": 5}]
    chart = period_chart(rows, by="week")
    assert len(chart.bars) == 114  # all of it, not the last 104 weeks
    assert chart.bars[0].value == 1
    assert len(chart.x_ticks) <= 6


def test_no_rows_no_bars() -> None:
    assert period_chart([], by="week").bars == ()


def test_opposite_edges_run_apart_and_stop_short_of_the_nodes() -> None:
    west, east = Node("A", 0, 0), Node("B", 100, 0)
    assert edge_line(west, east) == (9.0, 3.0, 91.0, 3.0)
    assert edge_line(east, west) == (91.0, -3.0, 9.0, -3.0)


@pytest.mark.parametrize("count", [1, 2, 5, 30])
def test_ring_layout_puts_nodes_on_one_circle(count: int) -> None:
    nodes = ring_layout([str(n) for n in range(count)], size=600, margin=60)
    assert (nodes[0].x, nodes[0].y) == (300, 60)  # the first at the top
    assert {round(math.hypot(node.x - 300, node.y - 300)) for node in nodes} == {240}


@pytest.mark.parametrize(
    ("value", "kind", "y", "height"),
    [
        (5.0, "cooperation", 25.0, 25.0),
        (-10.0, "conflict", 50.0, 50.0),
        (-20.0, "conflict", 50.0, 50.0),
    ],
)
def test_diverging_bars_leave_the_middle(value: float, kind: str, y: float, height: float) -> None:
    (bar,) = diverging_chart(["w"], [value], height=100).bars
    ((part),) = bar.parts
    assert (part.kind, part.y, part.height) == (kind, y, height)


def test_diverging_axis_is_goldsteins_range() -> None:
    chart = diverging_chart(["w"], [1.0], height=100)
    assert [(tick.label, tick.at) for tick in chart.y_ticks] == [
        ("10", 0.0),
        ("5", 25.0),
        ("0", 50.0),
        ("-5", 75.0),
        ("-10", 100.0),
    ]


def test_a_period_without_events_has_no_mean_bar() -> None:
    rows = [{"period": "2024-01-01", "mean": -3.0}, {"period": "2024-03-01", "mean": 2.0}]
    chart = period_mean_chart(rows, by="month", value="mean")
    assert [len(bar.parts) for bar in chart.bars] == [1, 0, 1]
