"""Watching feeds: durations, feed lists, polling local feed files and (faked) URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kittiwake.cli.watch  # noqa: F401 - attaches `watch` to the CLI
from kittiwake.cli.groups import main
from kittiwake.ingest import IngestReport
from kittiwake.pipeline import Pipeline
from kittiwake.records import Rejected
from kittiwake.store import Store
from kittiwake.watch import parse_duration, read_feed_list, watch


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90", 90.0),
        ("90s", 90.0),
        ("15m", 900.0),
        ("1h", 3600.0),
        ("1h30m", 5400.0),
        ("2.5m", 150.0),
        (" 1H ", 3600.0),
    ],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "m", "15 minutes", "-5m", "0s", "1d", "15m!"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


def test_feed_list_skips_blanks_and_comments(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "# news\n\nhttps://example.org/rss#top\n  local.rss  \n#off.rss\n", encoding="utf-8"
    )
    assert read_feed_list(listing) == ["https://example.org/rss#top", "local.rss"]


ITEMS = {
    "talks": (
        "Fri, 03 May 2024 09:00:00 GMT",
        "The foreign ministers of Norway and Iceland met in Oslo on Thursday to discuss fishing "
        "rights in the North Atlantic. Both sides said the talks were constructive.",
    ),
    "verdict": (
        "Sat, 04 May 2024 09:00:00 GMT",
        "A court in Minsk sentenced an opposition leader to six years in prison on Friday. The "
        "European Union condemned the verdict and called for the release of political prisoners.",
    ),
    "floods": (
        "Sun, 05 May 2024 09:00:00 GMT",
        "Kenya asked the United Nations for emergency aid on Saturday after floods destroyed "
        "thousands of homes near Lake Victoria. The government said roads to the region were cut.",
    ),
}


def feed_xml(*names: str) -> str:
    items = "".join(
        f"<item><title>{name}</title><link>https://news.example.org/{name}</link>"
        f"<pubDate>{ITEMS[name][0]}</pubDate><description>{ITEMS[name][1]}</description></item>"
        for name in names
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title>{items}</channel></rss>'


def stored_titles(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return [
            row[0]
            for row in store.connection.execute(
                "SELECT title FROM articles ORDER BY title"
            ).fetchall()
        ]


@pytest.mark.slow
def test_watch_polls_until_stopped_and_stores_only_new_items(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    feed = tmp_path / "wire.rss"
    feed.write_text(feed_xml("talks", "verdict"), encoding="utf-8")
    listing = tmp_path / "feeds.txt"
    listing.write_text("wire.rss\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    reports: list[IngestReport] = []
    slept: list[float] = []
    now = [100.0]

    def clock() -> float:
        now[0] += 2.0  # every poll seems to take two seconds
        return now[0]

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        feed.write_text(feed_xml("talks", "verdict", "floods"), encoding="utf-8")

    polls = watch(
        listing,
        db=db,
        every_s=60,
        pipeline=pipeline,
        sleep=sleep,
        clock=clock,
        max_polls=3,
        on_poll=reports.append,
    )
    assert polls == 3
    assert slept == [58.0, 58.0]
    assert [(report.articles, report.skipped) for report in reports] == [(2, 0), (1, 2), (0, 3)]
    assert stored_titles(db) == ["floods", "talks", "verdict"]


@pytest.mark.slow
def test_watch_reads_urls_through_the_fetcher_and_rejects_failures(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text(
        "https://news.example.org/rss\nhttps://down.example.org/rss\n", encoding="utf-8"
    )
    db = tmp_path / "events.duckdb"
    asked: list[str] = []

    def fetch(url: str) -> bytes | Rejected:
        asked.append(url)
        if url.startswith("https://down."):
            return Rejected(url, "fetch failed: connection refused")
        return feed_xml("talks").encode("utf-8")

    reports: list[IngestReport] = []
    watch(
        listing,
        db=db,
        every_s=900,
        once=True,
        pipeline=pipeline,
        fetch=fetch,
        on_poll=reports.append,
    )
    assert asked == ["https://news.example.org/rss", "https://down.example.org/rss"]
    assert stored_titles(db) == ["talks"]
    assert [(r.origin, r.reason) for r in reports[0].rejected] == [
        ("https://down.example.org/rss", "fetch failed: connection refused")
    ]
    with Store.open(db, read_only=True) as store:
        recorded = store.connection.execute("SELECT origin FROM rejected").fetchall()
    assert recorded == [("https://down.example.org/rss",)]


@pytest.mark.slow
def test_cli_watch_once(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(feed_xml("talks", "floods"), encoding="utf-8")
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{tmp_path / 'wire.rss'}\n", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(
        main, ["watch", str(listing), "--db", str(db), "--once", "--every", "15m"]
    )
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output
    assert stored_titles(db) == ["floods", "talks"]


def test_cli_watch_refuses_a_bad_interval(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["watch", str(listing), "--db", str(tmp_path / "x.duckdb"), "--every", "soon"]
    )
    assert result.exit_code == 2
    assert "duration" in result.output
