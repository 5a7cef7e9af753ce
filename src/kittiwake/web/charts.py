"""Geometry of the inline SVG bar charts (the templates draw them; no JavaScript).

A chart covers every period from the first to the last, empty ones drawn as empty bars, so
that bars a year apart are never drawn side by side; its y axis starts at 0 and ends at a
round number, with ticks, and its x axis names dates.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

LEFT = 48  # room for the y tick labels
BOTTOM = 20  # room for the x tick labels
X_TICKS = 6
Y_TICKS = 4


@dataclass(frozen=True, slots=True)
class Part:
    """One stacked piece of a bar; `kind` becomes a CSS class (a constant, never data)."""

    kind: str
    value: float
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float  # the whole bar
    x: float
    width: float
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    label: str
    at: float  # y of a value tick, x (the middle of a bar) of a period tick


@dataclass(frozen=True, slots=True)
class BarChart:
    width: int  # of the plot; the SVG adds LEFT and BOTTOM around it
    height: int
    bars: tuple[Bar, ...]
    maximum: float  # the value at the top of the y axis
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    left: int = LEFT
    bottom: int = BOTTOM


def round_up(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least `value` (> 0)."""
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _y_ticks(peak: float, height: int) -> tuple[float, tuple[Tick, ...]]:
    if peak <= 0:
        return 1.0, (Tick("0", float(height)),)
    step = max(round_up(peak / Y_TICKS), 1.0)  # counts: no tick between two whole numbers
    top = step * math.ceil(peak / step)
    count = round(top / step)
    ticks = tuple(
        Tick(f"{step * index:g}", round(height - height * step * index / top, 2))
        for index in range(count + 1)
    )
    return top, ticks


def stacked_chart(
    labels: Sequence[str],
    stacks: Sequence[Mapping[str, float]],
    *,
    width: int = 720,
    height: int = 140,
    gap: float = 1.0,
) -> BarChart:
    """One bar per label, stacked from its parts in order; negatives draw as 0."""
    if len(labels) != len(stacks):
        raise ValueError(f"{len(labels)} labels for {len(stacks)} bars")
    totals = [sum(max(value, 0.0) for value in stack.values()) for stack in stacks]
    top, y_ticks = _y_ticks(max(totals, default=0.0), height)
    step = width / len(labels) if labels else 0.0
    bars = []
    for index, (label, stack, total) in enumerate(zip(labels, stacks, totals, strict=True)):
        parts, base = [], float(height)
        for kind, value in stack.items():
            part_height = height * max(value, 0.0) / top
            base -= part_height
            parts.append(Part(kind, value, round(base, 2), round(part_height, 2)))
        bar_width = round(max(step - gap, 0.5), 2)
        bars.append(Bar(label, total, round(index * step, 2), bar_width, tuple(parts)))
    return BarChart(width, height, tuple(bars), top, y_ticks, _x_ticks(bars))


def _next_period(day: dt.date, by: str) -> dt.date:
    if by == "week":
        return day + dt.timedelta(weeks=1)
    if by == "month":
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if by == "year":
        return dt.date(day.year + 1, 1, 1)
    raise ValueError(f"by must be week, month or year, not {by!r}")


def every_period(rows: Sequence[Mapping[str, Any]], *, by: str) -> list[dt.date]:
    """Each period from the first to the last of `rows` (ISO `period` values), gaps included."""
    found = sorted(dt.date.fromisoformat(row["period"]) for row in rows)
    if not found:
        return []
    periods = [found[0]]
    while periods[-1] < found[-1]:
        periods.append(_next_period(periods[-1], by))
    return periods


def period_chart(
    rows: Sequence[Mapping[str, Any]], *, by: str, parts: Sequence[str] = ("total",)
) -> BarChart:
    """Bars of `rows` (`period` as ISO date, and the columns `parts`), stacked in that order,
    over every period between the first and the last; an empty period draws as no bar."""
    by_period = {row["period"]: row for row in rows}
    periods = [day.isoformat() for day in every_period(rows, by=by)]
    stacks = [
        {part: float(by_period.get(day, {}).get(part) or 0) for part in parts} for day in periods
    ]
    return stacked_chart(periods, stacks)


def _x_ticks(bars: Sequence[Bar]) -> tuple[Tick, ...]:
    every = max(1, math.ceil(len(bars) / X_TICKS))
    return tuple(Tick(bar.label, round(bar.x + bar.width / 2, 2)) for bar in bars[::every])


def diverging_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    limit: float = 10.0,
    width: int = 720,
    height: int = 120,
    gap: float = 1.0,
) -> BarChart:
    """Bars up from the middle line for positive values ("cooperation"), down for negative
    ones ("conflict"), on a fixed axis from -limit to limit (Goldstein's range); a None
    value (a period without events) draws no bar."""
    if len(labels) != len(values):
        raise ValueError(f"{len(labels)} labels for {len(values)} bars")
    middle = height / 2
    step = width / len(labels) if labels else 0.0
    bars = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        parts: tuple[Part, ...] = ()
        if value:
            size = middle * min(abs(value), limit) / limit
            kind, top = ("cooperation", middle - size) if value > 0 else ("conflict", middle)
            parts = (Part(kind, value, round(top, 2), round(size, 2)),)
        bar_width = round(max(step - gap, 0.5), 2)
        bars.append(Bar(label, value or 0.0, round(index * step, 2), bar_width, parts))
    ticks = tuple(
        Tick(f"{tick:g}", round(middle - middle * tick / limit, 2))
        for tick in (limit, limit / 2, 0, -limit / 2, -limit)
    )
    return BarChart(width, height, tuple(bars), limit, ticks, _x_ticks(bars))


def period_mean_chart(rows: Sequence[Mapping[str, Any]], *, by: str, value: str) -> BarChart:
    """A diverging bar of `value` per period of `rows`, every period drawn."""
    by_period = {row["period"]: row.get(value) for row in rows}
    periods = [day.isoformat() for day in every_period(rows, by=by)]
    return diverging_chart(periods, [by_period.get(day) for day in periods])


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    x: float
    y: float


def ring_layout(codes: Sequence[str], *, size: int = 600, margin: int = 60) -> tuple[Node, ...]:
    """`codes` evenly round a circle in a `size` square, the first at the top, clockwise."""
    radius = size / 2 - margin
    return tuple(
        Node(
            code,
            round(size / 2 + radius * math.sin(2 * math.pi * index / len(codes)), 2),
            round(size / 2 - radius * math.cos(2 * math.pi * index / len(codes)), 2),
        )
        for index, code in enumerate(codes)
    )


def edge_line(
    start: Node, end: Node, *, gap: float = 9.0, shift: float = 3.0
) -> tuple[float, float, float, float]:
    """A line from `start` to `end` that stops `gap` short of both (the arrowhead stays
    clear of the node) and runs `shift` to its right, so A -> B and B -> A stay apart."""
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    side_x, side_y = -uy * shift, ux * shift
    return (
        round(start.x + ux * gap + side_x, 2),
        round(start.y + uy * gap + side_y, 2),
        round(end.x - ux * gap + side_x, 2),
        round(end.y - uy * gap + side_y, 2),
    )
