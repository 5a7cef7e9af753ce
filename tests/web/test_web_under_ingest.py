"""The dashboard under load while `kittiwake ingest` writes the same file: the ingest must
store every article and exit 0, and every page request must succeed."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from web_factories import ARTICLES, build_store, serving

from kittiwake.store import Store
from kittiwake.web import create_app
from kittiwake.web.reader import MIN_AGE_S, file_signature

pytestmark = pytest.mark.slow

ARTICLE_COUNT = 300
CLIENTS = 8
REQUESTS = 200
PAGES = ("/", "/events", "/events.json", "/actors", "/dyads", "/runs", "/index.json")
PAGES += ("/events/kyiv-1-e0", "/articles/kyiv-1.json", "/rejected")
COUNTRIES = ("Russia", "Ukraine", "China", "France", "Germany", "Iran", "Israel", "Japan")
VERBS = ("condemned", "praised", "accused", "met", "threatened", "criticized")
TOPICS = [
    "harbor",
    "grain",
    "border",
    "pipeline",
    "election",
    "summit",
    "sanctions",
    "drones",
    "tariffs",
    "refugees",
    "treaty",
    "missile",
    "ceasefire",
    "embassy",
    "fishing",
    "oil",
    "gas",
    "wheat",
    "river",
    "island",
    "bridge",
    "port",
    "railway",
    "cable",
]
INGEST = "import sys; from kittiwake.cli import main; sys.exit(main())"


def _write_news(path: Path) -> None:
    """Short articles, each with its own words so that none is a near duplicate of another."""
    rng = random.Random(14)
    with path.open("w", encoding="utf-8") as out:
        for number in range(ARTICLE_COUNT):
            source, target = rng.sample(COUNTRIES, 2)
            topics = " ".join(rng.sample(TOPICS, 8))
            text = (
                f"{source} {rng.choice(VERBS)} {target} on Monday. "
                f"Officials discussed {topics} in meeting {number}."
            )
            record = {"id": f"load-{number}", "text": text, "date": "2024-05-06"}
            out.write(json.dumps(record) + "\n")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real server over a small store; yields its base URL and the database."""
    db = tmp_path / "events.duckdb"
    build_store(db)
    with serving(create_app(db)) as base:
        yield base, db


def _client(base: str, first: int, ingest: subprocess.Popen[str]) -> list[tuple[int, bool]]:
    """Status of each request this client made, and whether the ingest was still running."""
    results = []
    with httpx.Client(base_url=base, timeout=30) as client:
        for number in range(first, REQUESTS, CLIENTS):
            response = client.get(PAGES[number % len(PAGES)])
            results.append((response.status_code, ingest.poll() is None))
    return results


def test_pages_and_an_ingest_share_the_file(served: tuple[str, Path], tmp_path: Path) -> None:
    base, db = served
    news = tmp_path / "news.jsonl"
    _write_news(news)
    assert httpx.get(f"{base}/index.json").status_code == 200  # the dashboard holds a copy
    before = file_signature(db)
    command = ["ingest", str(news), "--db", str(db), "--workers", "1", "--no-progress"]
    ingest = subprocess.Popen([sys.executable, "-c", INGEST, *command], text=True)
    while file_signature(db) == before and ingest.poll() is None:
        time.sleep(0.02)  # start the load once the ingest holds the file and writes
    with ThreadPoolExecutor(CLIENTS) as pool:
        done = [pool.submit(_client, base, first, ingest) for first in range(CLIENTS)]
        results = [result for future in done for result in future.result()]
    assert ingest.wait(timeout=300) == 0
    assert len(results) == REQUESTS
    assert [status for status, _ in results] == [200] * REQUESTS
    assert any(running for _, running in results)  # the load overlapped the writes
    with Store.open(db, read_only=True) as store:
        stored = store.connection.execute("SELECT count(*) FROM articles").fetchone()
    assert stored == (len(ARTICLES) + ARTICLE_COUNT,)
    time.sleep(MIN_AGE_S)  # the next request takes a fresh copy: it sees every article
    overview = httpx.get(f"{base}/index.json").json()
    assert overview["counts"]["articles"] == len(ARTICLES) + ARTICLE_COUNT
