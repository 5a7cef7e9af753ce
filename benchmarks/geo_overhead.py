"""Geolocation overhead: the full pipeline vs the same pipeline without its place stages.

Data: examples/wire.jsonl and, when present, the ECB+ texts of
../shared/eval/ecb_plus/ecb_plus.gold.jsonl (the first --limit documents). One Pipeline is
built; the baseline swaps its `find_places` and `places` stages for no-ops, the full run
keeps them. Each article is coded both ways in turn (which goes first alternates), and
each article's fastest of --repeats times per side is kept, so that warm-up, drift and
other load on the machine do not favour one side. The place stages' own time inside the
full runs is printed too.

    python benchmarks/geo_overhead.py [--limit 200] [--repeats 3]

Target (issue 5): geolocation adds under 15% to the time of coding an article.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from stage_timing import ECB, Timed, load_articles, time_one

from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, Event, Place


def no_places(doc: Any, mentions: Sequence[Any] = ()) -> list[Place]:
    return []


def events_as_they_are(events: Sequence[Event], doc: Any, places: Sequence[Place]) -> list[Event]:
    return list(events)


def compare(
    pipeline: Pipeline, articles: Sequence[Article], *, repeats: int
) -> tuple[float, float, float]:
    """Seconds without and with the place stages, and inside them, summed over articles."""
    finder, resolver = Timed(pipeline.find_places), Timed(pipeline.places)
    baseline = full = stages = 0.0
    for number, article in enumerate(articles):
        best = {"baseline": float("inf"), "full": float("inf"), "stages": float("inf")}
        for repeat in range(repeats):
            for side in ("baseline", "full") if (number + repeat) % 2 else ("full", "baseline"):
                if side == "baseline":
                    pipeline.find_places, pipeline.places = no_places, events_as_they_are  # type: ignore[assignment]
                else:
                    pipeline.find_places, pipeline.places = finder, resolver  # type: ignore[assignment]
                    finder.seconds = resolver.seconds = 0.0
                best[side] = min(best[side], time_one(pipeline, article))
                if side == "full":
                    best["stages"] = min(best["stages"], finder.seconds + resolver.seconds)
        baseline, full, stages = (
            baseline + best["baseline"],
            full + best["full"],
            stages + best["stages"],
        )
    pipeline.find_places, pipeline.places = finder.stage, resolver.stage
    return baseline, full, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="ECB+ documents to add")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()

    articles = load_articles(options.limit)
    pipeline = Pipeline()
    for article in articles[:5]:  # warm up caches and lazy loads
        pipeline.code_safely(article)
    baseline, full, stages = compare(pipeline, articles, repeats=options.repeats)
    characters = sum(len(a.text) for a in articles)
    print(f"articles: {len(articles)} ({characters:,} characters; ECB+ present: {ECB.exists()})")
    print(
        f"baseline (no place stages): {baseline:.2f} s, {1000 * baseline / len(articles):.1f} ms/article"
    )
    print(f"full pipeline:              {full:.2f} s, {1000 * full / len(articles):.1f} ms/article")
    print(f"place stages inside full:   {stages:.2f} s")
    print(
        f"overhead: {100 * (full / baseline - 1):+.1f}% (stage share {100 * stages / baseline:.1f}% of baseline; target < 15%)"
    )


if __name__ == "__main__":
    main()
