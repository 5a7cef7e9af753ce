"""Charts from a store: quad-class timeline, one dyad's Goldstein over time, an actor network.

Figures are drawn with matplotlib's object API (`Figure` + Agg canvas), never pyplot, so the
library changes no global matplotlib state. The output format follows the file suffix.
"""

from __future__ import annotations

import math
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from kittiwake.store.db import Store
from kittiwake.store.queries import QUAD_CLASS_NAMES, dyad_series, dyads, timeline

FORMATS = (".png", ".svg", ".pdf")
QUAD_COLORS = MappingProxyType(
    {
        "verbal_cooperation": "#7fbf7b",
        "material_cooperation": "#1b7837",
        "verbal_conflict": "#f4a582",
        "material_conflict": "#b2182b",
    }
)
COOPERATION_COLOR = "#1b7837"
CONFLICT_COLOR = "#b2182b"
NEUTRAL_COLOR = "#888888"
BAR_DAYS = MappingProxyType(
    {"day": 0.8, "week": 5, "month": 20, "year": 250}
)  # bar width per period, in days


class NothingToPlotError(ValueError):
    """No events match the filters, so there is nothing to draw."""


def _figure(out: Path, *, size: tuple[float, float] = (10, 5)) -> tuple[Figure, Axes]:
    if out.suffix.lower() not in FORMATS:
        raise ValueError(f"plot file must end in {', '.join(FORMATS)}, not {out.name!r}")
    figure = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _save(figure: Figure, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out, dpi=120)
    return out


def _require_rows(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    if frame.empty:
        raise NothingToPlotError(f"no events match the filters: no {what} to plot")
    return frame


def plot_timeline(
    store: Store, *, out: Path, actor: str | None = None, by: str = "week", **filters: Any
) -> Path:
    """Event counts per quad class over time."""
    frame = _require_rows(timeline(store, actor=actor, by=by, **filters), "timeline")
    figure, axes = _figure(out)
    for name in QUAD_CLASS_NAMES.values():
        axes.plot(
            frame["period"], frame[name], label=name.replace("_", " "), color=QUAD_COLORS[name]
        )
    axes.set_ylabel(f"events per {by}")
    axes.set_title(f"Events by quad class{f' involving {actor}' if actor else ''}")
    axes.legend()
    return _save(figure, out)


def plot_dyad(
    store: Store, *, source: str, target: str, out: Path, by: str = "week", **filters: Any
) -> Path:
    """Mean Goldstein score (line) and event count (bars) of one source-target pair."""
    frame = dyad_series(store, source=source, target=target, by=by, **filters)
    frame = _require_rows(frame, f"{source}->{target} events")
    figure, axes = _figure(out)
    counts = axes.twinx()
    counts.bar(frame["period"], frame["count"], color=NEUTRAL_COLOR, alpha=0.3, width=BAR_DAYS[by])
    counts.set_ylabel(f"events per {by}")
    axes.plot(frame["period"], frame["goldstein_mean"], color=CONFLICT_COLOR, marker="o")
    axes.axhline(0, color=NEUTRAL_COLOR, linewidth=0.8)
    axes.set_ylim(-10.5, 10.5)
    axes.set_ylabel("mean Goldstein score")
    axes.set_zorder(counts.get_zorder() + 1)
    axes.patch.set_visible(False)
    axes.set_title(f"{source.upper()} -> {target.upper()}")
    return _save(figure, out)


def _edge_color(goldstein_mean: float) -> str:
    if goldstein_mean > 0:
        return COOPERATION_COLOR
    return CONFLICT_COLOR if goldstein_mean < 0 else NEUTRAL_COLOR


def plot_network(store: Store, *, out: Path, limit: int = 20, **filters: Any) -> Path:
    """The `limit` busiest actors on a circle; arrows source->target coloured by mean Goldstein
    (green cooperation, red conflict), width by event count."""
    pairs = _require_rows(dyads(store, by=None, **filters), "dyads")
    totals = (
        pd.concat(
            [
                pairs.groupby("source_code")["count"].sum(),
                pairs.groupby("target_code")["count"].sum(),
            ]
        )
        .groupby(level=0)
        .sum()
    )
    actors = list(totals.sort_values(ascending=False).index[:limit])
    angle = 2 * math.pi / len(actors)
    position = {code: (math.cos(i * angle), math.sin(i * angle)) for i, code in enumerate(actors)}
    shown = pairs[pairs["source_code"].isin(actors) & pairs["target_code"].isin(actors)]
    widest = max(int(shown["count"].max()), 1) if not shown.empty else 1
    figure, axes = _figure(out, size=(8, 8))
    for row in shown.itertuples(index=False):
        axes.annotate(
            "",
            xy=position[row.target_code],
            xytext=position[row.source_code],
            arrowprops={
                "arrowstyle": "->",
                "color": _edge_color(float(row.goldstein_mean)),
                "linewidth": 0.5 + 4 * int(row.count) / widest,
                "alpha": 0.7,
                "connectionstyle": "arc3,rad=0.1",
                "shrinkA": 22,  # points: end arrows at the node circles
                "shrinkB": 22,
            },
        )
    for code, (x, y) in position.items():
        axes.scatter([x], [y], s=1800, color="white", edgecolors="black", zorder=3)
        axes.annotate(code, (x, y), ha="center", va="center", fontsize=7, zorder=4)
    axes.set_xlim(-1.3, 1.3)
    axes.set_ylim(-1.3, 1.3)
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_title("Actor network (green: cooperation, red: conflict)")
    return _save(figure, out)
