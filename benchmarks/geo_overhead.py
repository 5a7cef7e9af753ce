"""Geolocation overhead: the full pipeline vs the same pipeline without its place stages.

Data: examples/wire.jsonl and, when present, the ECB+ texts of
../shared/eval/ecb_plus/ecb_plus.gold.jsonl (the first --limit documents). One Pipeline is
built; the baseline run swaps its `find_places` and `places` stages for no-ops, the
measured run keeps them. Runs alternate (baseline, full, baseline, full, ...) and the
fastest of the --repeats runs of each is kept, so that warm-up and noise do not favour one
side. The place stages' own time inside the full runs is printed too.

    python benchmarks/geo_overhead.py [--limit 200] [--repeats 3]

Target (issue 5): geolocation adds under 15% to the time of coding an article.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kittiwake.pipeline import Pipeline
from kittiwake.read import iter_articles
from kittiwake.records import Article, Event, Place

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "examples" / "wire.jsonl"
ECB = ROOT.parent / "shared" / "eval" / "ecb_plus" / "ecb_plus.gold.jsonl"


def load_articles(limit: int) -> list[Article]:
    articles = [a for a in iter_articles([WIRE]) if isinstance(a, Article)]
    if ECB.exists():
        with ECB.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number >= limit:
                    break
                record = json.loads(line)
                articles.append(Article(doc_id=record["id"], text=record["text"], origin=str(ECB)))
    return articles


def no_places(doc: Any, mentions: Sequence[Any] = ()) -> list[Place]:
    return []


def events_as_they_are(events: Sequence[Event], doc: Any, places: Sequence[Place]) -> list[Event]:
    return list(events)


class Timed:
    """Wraps a stage and adds up the seconds spent in it."""

    def __init__(self, stage: Any) -> None:
        self.stage = stage
        self.seconds = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.stage(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start


def run(pipeline: Pipeline, articles: Sequence[Article]) -> float:
    start = time.perf_counter()
    for article in articles:
        pipeline.code_safely(article)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="ECB+ documents to add")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()

    articles = load_articles(options.limit)
    pipeline = Pipeline()
    finder, resolver = Timed(pipeline.find_places), Timed(pipeline.places)
    run(pipeline, articles[:5])  # warm up caches and lazy loads on both sides
    baseline_times, full_times, stage_times = [], [], []
    for _ in range(options.repeats):
        pipeline.find_places, pipeline.places = no_places, events_as_they_are  # type: ignore[assignment]
        baseline_times.append(run(pipeline, articles))
        finder.seconds = resolver.seconds = 0.0
        pipeline.find_places, pipeline.places = finder, resolver  # type: ignore[assignment]
        full_times.append(run(pipeline, articles))
        stage_times.append(finder.seconds + resolver.seconds)
    baseline, full = min(baseline_times), min(full_times)
    stages = min(stage_times)
    characters = sum(len(a.text) for a in articles)
    print(f"articles: {len(articles)} ({characters:,} characters; ECB+ present: {ECB.exists()})")
    print(f"baseline (no place stages): {baseline:.2f} s, {1000 * baseline / len(articles):.1f} ms/article")
    print(f"full pipeline:              {full:.2f} s, {1000 * full / len(articles):.1f} ms/article")
    print(f"place stages inside full:   {stages:.2f} s")
    print(f"overhead: {100 * (full / baseline - 1):+.1f}% (stage share {100 * stages / baseline:.1f}% of baseline; target < 15%)")


if __name__ == "__main__":
    main()
