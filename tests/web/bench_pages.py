"""Latency of each dashboard page on a store of N generated events: p50 and p95 in ms.

    .venv/bin/python tests/web/bench_pages.py --events 100000 --repeats 20

Every 3 consecutive events form one event cluster (`--cluster-size`; 1: none stored), so the
pages count clusters as they do by default; `unit=mention` pages count every event.

Not a test (pytest does not collect it): the events are made by SQL in a second, with codes,
dates over three years and places drawn from small fixed lists, so any N is cheap to build.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from kittiwake.store import Store
from kittiwake.web import create_app

PAGES = (
    "/",
    "/events",
    "/events?actor=RUS&match=exact",
    "/events?sort=newest&offset=5000",
    "/events?source=RUS&target=UKR",
    "/map",
    "/map?quad_class=4",
    "/actors?side=either",
    "/dyads",
    "/dyads?source=RUS&target=UKR&match=exact&period=week",
    "/events/e-12345",
    "/index.json",
    "/events.json",
    "/?unit=mention",
    "/events?unit=mention",
    "/events?sort=reports",
    "/map?unit=mention",
    "/cluster?id=Ce-12345",
)
CODES = "['RUS','RUSGOV','RUSMIL','UKR','UKRGOV','UKRMIL','USA','USAGOV','CHN','','IRN','ISR']"
PLACES = (
    "[('Kharkiv','UKR',49.98,36.25),('Kyiv','UKR',50.45,30.52),('Moscow','RUS',55.75,37.62),"
    "('Beijing','CHN',39.9,116.4),('Tehran','IRN',35.7,51.4),(NULL,NULL,NULL,NULL)]"
)


def build(path: Path, events: int, *, cluster_size: int = 3) -> None:
    """A store of `events` generated events (one article each 10 events), each run of
    `cluster_size` events one cluster, its first event the representative."""
    with Store.open(path) as store:
        store.connection.execute(
            f"""
            INSERT INTO events (event_id, mention_id, doc_id, sentence, sentence_start,
              sentence_text, source_text, source_code, target_text, target_code, trigger_text,
              trigger_start, trigger_end, cameo, cameo_root, goldstein, quad_class, plover_type,
              plover_context, historical, effective_date, place_name, place_country,
              place_lat, place_lon, negated, rule, num_articles, num_sources)
            SELECT 'e-' || i, 'm-' || i, 'd-' || (i // 10), 0, 0,
              'Sentence ' || i || ' of a generated article.', 'someone',
              {CODES}[1 + i % 12], 'someone', {CODES}[1 + (i * 7) % 12], 'did', 0, 3,
              ['010','036','042','111','138','173','190','195'][1 + i % 8], '01',
              [-10.0, -2.0, 1.0, 3.4, 7.0][1 + i % 5], 1 + i % 4, 'CONSULT', [], false,
              DATE '2022-01-01' + CAST(i % 1095 AS INTEGER),
              {PLACES}[1 + i % 6][1], {PLACES}[1 + i % 6][2], {PLACES}[1 + i % 6][3],
              {PLACES}[1 + i % 6][4], i % 17 = 0, 'rule', 1 + i % 3, 1
            FROM range(?) AS numbers(i)
            """,
            [events],
        )
        if cluster_size < 2:
            return
        store.connection.execute(
            "INSERT INTO event_cluster_members SELECT 'e-' || i, 'Ce-' || (i - i % ?) "
            "FROM range(?) AS numbers(i)",
            [cluster_size, events],
        )
        store.connection.execute(
            "INSERT INTO event_clusters SELECT cluster_id, substr(cluster_id, 2), "
            "count(*), count(*), 1, min(effective_date), max(effective_date) "
            "FROM event_cluster_members JOIN events USING (event_id) GROUP BY cluster_id"
        )


def measure(client: TestClient, page: str, repeats: int) -> tuple[float, float]:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(page)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{page}: {response.status_code} {response.text[:200]}")
    timings.sort()
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--cluster-size", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        started = time.perf_counter()
        build(path, options.events, cluster_size=options.cluster_size)
        print(f"{options.events} events built in {time.perf_counter() - started:.1f} s")
        client = TestClient(create_app(path), base_url="http://localhost")
        started = time.perf_counter()
        client.get("/actors")  # the first request copies the store and loads the names
        print(
            f"first request (copy, its cluster columns, names) {time.perf_counter() - started:.1f} s"
        )
        for page in PAGES:
            p50, p95 = measure(client, page, options.repeats)
            print(f"{page:58} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


if __name__ == "__main__":
    main()
