"""Watching feeds: poll a list of feeds every so often and ingest their new items.

The feed list is a text file with one feed per line: an http(s) URL, or a path to a feed
file (relative paths are taken from the list's folder); blank lines and `#` comments are
skipped. The list is re-read at every poll, so feeds can be added while watching.

Each poll is one ingest run (`kittiwake.ingest`) with the same guarantees: items already
stored are skipped, copies are recorded as duplicates, bad feeds land in `rejected`. The
database is opened for the poll only, so it can be queried between polls. Sleeping and the
clock are injectable, so tests run the loop without waiting or touching the network.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kittiwake.config import Settings
from kittiwake.dedupe import StoryClusterer
from kittiwake.ingest import (
    NEAR_DUPLICATE_THRESHOLD,
    Coder,
    IngestReport,
    ProgressCallback,
    finish_run,
    ingest_items,
    open_coder,
    start_run,
)
from kittiwake.pipeline import Pipeline
from kittiwake.read import iter_articles
from kittiwake.read.feed import fetch_page, iter_feed_bytes
from kittiwake.records import Article, Rejected
from kittiwake.store import Store

DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)?", re.IGNORECASE)
UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0}
Fetch = Callable[[str], bytes | Rejected]


def parse_duration(text: str) -> float:
    """Seconds in "15m", "1h30m", "90s" or "90" (seconds); ValueError otherwise."""
    compact = text.strip().replace(" ", "")
    matches = list(DURATION.finditer(compact))
    if not compact or "".join(match.group(0) for match in matches) != compact:
        raise ValueError(f"{text!r} is not a duration such as 15m, 1h30m or 90s")
    seconds = sum(
        float(match.group(1)) * UNIT_SECONDS[(match.group(2) or "s").lower()] for match in matches
    )
    if seconds <= 0:
        raise ValueError(f"{text!r} is not a positive duration")
    return seconds


def read_feed_list(path: Path) -> list[str]:
    """The feeds named in a feed list file, in order."""
    feeds = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.strip()  # a "#" inside a line is kept: URLs may have fragments
        if entry and not entry.startswith("#"):
            feeds.append(entry)
    return feeds


def is_url(feed: str) -> bool:
    return feed.lower().startswith(("http://", "https://"))


def feed_items(
    feed: str, *, base: Path, fetch_links: bool, fetch: Fetch = fetch_page
) -> Iterator[Article | Rejected]:
    """The items of one feed, a URL (fetched with `fetch`) or a local file."""
    if not is_url(feed):
        path = Path(feed) if Path(feed).is_absolute() else base / feed
        yield from iter_articles([path], fetch_links=fetch_links)
        return
    data = fetch(feed)
    if isinstance(data, Rejected):
        yield data
        return
    yield from iter_feed_bytes(
        data, origin=feed, fallback_date=dt.date.today(), fetch_links=fetch_links
    )


@dataclass
class Watcher:
    """Polls the feeds of `feeds_file` into `db`; one instance keeps its story index."""

    feeds_file: Path
    db: Path
    settings: Settings
    fetch_links: bool = False
    fetch: Fetch = fetch_page

    def __post_init__(self) -> None:
        self.clusterer = StoryClusterer(threshold=NEAR_DUPLICATE_THRESHOLD)

    def poll(self, *, coder: Coder, on_progress: ProgressCallback | None = None) -> IngestReport:
        """Ingest every feed once, as one run."""
        base = self.feeds_file.parent
        with Store.open(self.db) as store:
            report = start_run(store, command=f"watch {self.feeds_file}", settings=self.settings)
            for feed in read_feed_list(self.feeds_file):
                items = feed_items(feed, base=base, fetch_links=self.fetch_links, fetch=self.fetch)
                ingest_items(
                    items,
                    store=store,
                    coder=coder,
                    report=report,
                    clusterer=self.clusterer,
                    on_progress=on_progress,
                )
            finish_run(store, report)
        return report


def watch(
    feeds_file: str | Path,
    *,
    db: str | Path,
    every_s: float,
    once: bool = False,
    settings: Settings | None = None,
    workers: int | None = 1,
    fetch_links: bool = False,
    pipeline: Pipeline | None = None,
    fetch: Fetch = fetch_page,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    max_polls: int | None = None,
    on_poll: Callable[[IngestReport], None] | None = None,
    on_progress: ProgressCallback | None = None,
) -> int:
    """Poll every `every_s` seconds (from the start of one poll to the next) until stopped,
    after one poll with `once`, or after `max_polls`; returns the number of polls."""
    settings = settings or Settings.from_env()
    watcher = Watcher(Path(feeds_file), Path(db), settings, fetch_links=fetch_links, fetch=fetch)
    limit = 1 if once else max_polls
    polls = 0
    with open_coder(settings=settings, workers=workers, pipeline=pipeline) as coder:
        while limit is None or polls < limit:
            started = clock()
            report = watcher.poll(coder=coder, on_progress=on_progress)
            polls += 1
            if on_poll is not None:
                on_poll(report)
            if limit is not None and polls >= limit:
                break
            sleep(max(0.0, every_s - (clock() - started)))
    return polls
