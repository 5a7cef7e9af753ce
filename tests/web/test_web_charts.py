"""Bar geometry of the inline SVG charts."""

from __future__ import annotations

import pytest

from kittiwake.web.charts import bar_chart, weekly_chart


@pytest.mark.parametrize(
    ("values", "heights"),
    [
        ([1, 2, 4], [25.0, 50.0, 100.0]),
        ([0, 0], [0.0, 0.0]),
        ([3, -1], [100.0, 0.0]),
    ],
)
def test_bars_scale_to_the_largest_value(values: list[float], heights: list[float]) -> None:
    chart = bar_chart([str(v) for v in values], values, width=100, height=100)
    assert [bar.height for bar in chart.bars] == heights
    assert all(bar.y + bar.height == 100 for bar in chart.bars)
    assert all(bar.x + bar.width <= 100 for bar in chart.bars)


def test_labels_and_values_must_pair() -> None:
    with pytest.raises(ValueError, match="2 labels for 1 values"):
        bar_chart(["a", "b"], [1])


def test_weekly_chart_draws_empty_weeks() -> None:
    rows = [{"period": "2024-03-04", "total": 2}, {"period": "2024-03-25", "total": 4}]
    chart = weekly_chart(rows)
    assert [bar.label for bar in chart.bars] == [
        "2024-03-04",
        "2024-03-11",
        "2024-03-18",
        "2024-03-25",
    ]
    assert [bar.value for bar in chart.bars] == [2, 0, 0, 4]


def test_weekly_chart_keeps_the_last_weeks() -> None:
    rows = [{"period": "2023-01-02", "total": 1}, {"period": "2024-03-25", "total": 1}]
    chart = weekly_chart(rows, weeks=3)
    assert [bar.label for bar in chart.bars] == ["2024-03-11", "2024-03-18", "2024-03-25"]


def test_no_rows_no_bars() -> None:
    assert weekly_chart([]).bars == ()
