"""Query speed on a store of >= 100,000 events: `python benchmarks/query_speed.py [--events N]`.

Stores synthetic coded articles through `Store.add` (timed: the ingest write path), then
repeats their events with shifted ids and dates in SQL until the table holds N events, and
times (median of 5 runs) a filtered `events` query and a weekly `dyads` aggregate, against a
baseline measured in the same run: a full-table count(*) and reading every event row.
Target: each query under 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kittiwake.records import Actor, Article, CodedArticle, Event, EventDate, Mention, Place, Span
from kittiwake.store import Store, queries

ACTORS = (
    "RUSGOV",
    "RUSMIL",
    "UKRGOV",
    "UKRMIL",
    "USAGOV",
    "CHNGOV",
    "FRAGOV",
    "DEUGOV",
    "IRNMIL",
    "ISRMIL",
    "PSEREB",
    "TURGOV",
    "GBRGOV",
    "IGOUNO",
    "NGOAMN",
    "SYRMIL",
)
CAMEOS = (
    ("010", 0.0, 1),
    ("042", 1.9, 1),
    ("057", 8.0, 1),
    ("070", 7.0, 2),
    ("111", -2.0, 3),
    ("130", -4.4, 3),
    ("173", -5.0, 4),
    ("190", -10.0, 4),
    ("193", -10.0, 4),
)
BASE_ARTICLES = 200
EVENTS_PER_ARTICLE = 5
TEXT = "Officials of one country met counterparts from another in the capital on Monday."


def _mention(doc_id: str, code: str, start: int) -> Mention:
    actor = Actor(code=code, country=code[:3], sector=code[3:] or None, name=code)
    return Mention(
        doc_id=doc_id,
        sentence=0,
        start=start,
        end=start + 9,
        text="officials",
        actor=actor,
        head=0,
        token_start=0,
        token_end=1,
    )


def synthetic_article(number: int) -> CodedArticle:
    doc_id = f"bench-{number}"
    day = dt.date(2024, 1, 1) + dt.timedelta(days=number % 28)
    events = []
    for k in range(EVENTS_PER_ARTICLE):
        cameo, goldstein, quad = CAMEOS[(number + k) % len(CAMEOS)]
        source = ACTORS[(number * 7 + k) % len(ACTORS)]
        target = ACTORS[(number * 3 + k + 1) % len(ACTORS)]
        events.append(
            Event(
                event_id=f"{doc_id}-e{k}",
                mention_id=f"{doc_id}-m{k}",
                doc_id=doc_id,
                sentence=k,
                text=TEXT,
                source=_mention(doc_id, source, 0),
                target=_mention(doc_id, target, 40),
                trigger=Span(start=20, end=23, text="met"),
                cameo=cameo,
                cameo_root=cameo[:2],
                goldstein=goldstein,
                quad_class=quad,
                plover_type="CONSULT",
                plover_mode=None,
                plover_context=("diplomacy",),
                date=EventDate(value=day, raw="on Monday"),
                place=Place(name="Capital", country=target[:3], lat=1.0, lon=2.0),
                negated=k == 4,
                rule="bench",
            )
        )
    article = Article(
        doc_id=doc_id,
        text=TEXT,
        date=day,
        source=f"wire-{number % 9}",
        url=f"https://bench.example/{number}",
        origin="benchmark",
    )
    return CodedArticle(article=article, events=tuple(events))


def _replicate(store: Store, *, copies: int) -> None:
    """Copy the base events `copies` times, each copy shifted by one more week."""
    store.connection.execute(
        "INSERT INTO events SELECT base.* REPLACE ("
        "  event_id || '-c' || copy AS event_id, doc_id || '-c' || copy AS doc_id,"
        "  event_date + CAST(7 * copy AS INTEGER) AS event_date,"
        "  effective_date + CAST(7 * copy AS INTEGER) AS effective_date)"
        " FROM events AS base CROSS JOIN range(1, ?) AS copies(copy)",
        [copies + 1],
    )


def _median_seconds(run: Callable[[], Any], *, repeats: int = 5) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeats):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
        size = len(result)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    target_events = parser.parse_args().events
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        with Store.open(path) as store:
            run_id = store.start_run(command="bench", kittiwake_version="0", dictionaries="bench")
            began = time.perf_counter()
            for number in range(BASE_ARTICLES):
                store.add(synthetic_article(number), run_id=run_id)
            add_seconds = time.perf_counter() - began
            base = BASE_ARTICLES * EVENTS_PER_ARTICLE
            _replicate(store, copies=-(-target_events // base) - 1)
            store.connection.execute("CHECKPOINT")
        with Store.open(path, read_only=True) as store:
            total = store.connection.execute("SELECT count(*) FROM events").fetchone()
            assert total is not None
            print(
                f"store.add: {BASE_ARTICLES / add_seconds:,.0f} articles/s "
                f"({BASE_ARTICLES} articles, {base} events, {add_seconds:.2f} s)"
            )
            print(f"events in store: {total[0]:,}")
            figures = {
                "baseline: count(*)": lambda: store.connection.execute(
                    "SELECT count(*) FROM events"
                ).fetchall(),
                "baseline: all rows to DataFrame": lambda: queries.events(
                    store, include_negated=True
                ),
                "filtered events (actor RUS source, cameo 19, 6 months)": lambda: queries.events(
                    store,
                    actor="RUS",
                    side="source",
                    cameo="19",
                    start="2024-03-01",
                    end="2024-08-31",
                ),
                "weekly dyads (all events)": lambda: queries.dyads(store, by="week"),
            }
            slow = []
            for name, run in figures.items():
                seconds, rows = _median_seconds(run)
                print(f"{name}: {seconds * 1000:.1f} ms median of 5 ({rows:,} rows)")
                if not name.startswith("baseline") and seconds >= 1.0:
                    slow.append(name)
            print("target < 1 s per query:", "FAILED for " + ", ".join(slow) if slow else "met")


if __name__ == "__main__":
    main()
