from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from store_factories import make_event

from kittiwake.store import Store
from kittiwake.store.plots import NothingToPlotError, plot_dyad, plot_network, plot_timeline

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def filled(store: Store, add_article: Callable[..., Any]) -> Store:
    for week in range(4):
        day = dt.date(2024, 1, 1) + dt.timedelta(weeks=week)
        add_article(
            f"d{week}",
            make_event(f"d{week}", 1, date=day),
            make_event(
                f"d{week}",
                2,
                source="USAGOV",
                target="RUSGOV",
                cameo="042",
                goldstein=1.9,
                date=day,
            ),
            make_event(
                f"d{week}",
                3,
                source="UKRGOV",
                target="RUSGOV",
                cameo="111",
                goldstein=-2.0,
                date=day,
            ),
        )
    return store


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plots_write_the_format_of_the_suffix(filled: Store, tmp_path: Path, suffix: str) -> None:
    outputs = [
        plot_timeline(filled, out=tmp_path / f"timeline{suffix}", actor="RUS"),
        plot_dyad(filled, source="RUS", target="UKR", out=tmp_path / f"dyad{suffix}"),
        plot_network(filled, out=tmp_path / f"network{suffix}", limit=3),
    ]
    for path in outputs:
        data = path.read_bytes()
        if suffix == ".png":
            assert data.startswith(PNG_MAGIC)
        else:
            assert b"<svg" in data[:1000]


def test_network_names_the_actors(filled: Store, tmp_path: Path) -> None:
    svg = plot_network(filled, out=tmp_path / "network.svg").read_text(encoding="utf-8")
    for code in ("RUSGOV", "UKRMIL", "USAGOV", "UKRGOV"):
        assert code in svg


def test_nothing_to_plot(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(NothingToPlotError):
        plot_dyad(filled, source="CHN", target="USA", out=tmp_path / "none.png")
    with pytest.raises(NothingToPlotError):
        plot_timeline(filled, out=tmp_path / "none.png", actor="XXX")


def test_unknown_suffix_is_refused(filled: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="plot file"):
        plot_timeline(filled, out=tmp_path / "timeline.bmp")
