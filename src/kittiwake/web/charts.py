"""Geometry of the small inline SVG bar charts (the templates draw them; no JavaScript)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    maximum: float


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    width: int = 720,
    height: int = 120,
    gap: float = 1.0,
) -> BarChart:
    """One bar per label, scaled so the largest value fills the height; negatives draw as 0."""
    if len(labels) != len(values):
        raise ValueError(f"{len(labels)} labels for {len(values)} values")
    points = list(zip(labels, values, strict=True))
    peak = float(max(values, default=0.0))
    if not points:
        return BarChart(width=width, height=height, bars=(), maximum=0.0)
    step = width / len(points)
    bars = []
    for index, (label, value) in enumerate(points):
        bar_height = height * max(value, 0.0) / peak if peak > 0 else 0.0
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(index * step, 2),
                y=round(height - bar_height, 2),
                width=round(max(step - gap, 0.5), 2),
                height=round(bar_height, 2),
            )
        )
    return BarChart(width=width, height=height, bars=tuple(bars), maximum=peak)


def weekly_chart(rows: Sequence[Mapping[str, Any]], *, weeks: int = 104) -> BarChart:
    """Bars of the last `weeks` weeks of `queries.timeline(by="week")` records (`period` as
    ISO date, `total`), with the weeks that had no events drawn as empty bars, not left out."""
    totals = {dt.date.fromisoformat(row["period"]): row["total"] for row in rows}
    if not totals:
        return bar_chart([], [])
    last = max(totals)
    first = max(min(totals), last - dt.timedelta(weeks=weeks - 1))
    days = range(0, (last - first).days + 1, 7)
    mondays = [first + dt.timedelta(days=day) for day in days]
    return bar_chart([day.isoformat() for day in mondays], [totals.get(day, 0) for day in mondays])
