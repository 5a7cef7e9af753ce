"""Actor-resolution cost: the full pipeline vs the same pipeline whose actor stage finds nothing.

Data: examples/wire.jsonl and, when present, the ECB+ texts of
../shared/eval/ecb_plus/ecb_plus.gold.jsonl (the first --limit documents). One Pipeline is
built; the baseline swaps its `actors` stage for `NoActors` (no mentions, so no events either:
the difference is what resolution costs an article, downstream work included), the full run
keeps the real ActorResolver. Each article is coded both ways in turn (which side goes first
alternates), and each article's fastest of --repeats times per side is kept, so that warm-up,
drift and other load on the machine do not favour one side. The actor stage's own time inside
the full runs is printed too.

It also times, cold, loading every shipped dictionary (the parsed-once cache is cleared before
each try) and building an ActorResolver (lexicon and matchers) over the loaded dictionaries.

    python benchmarks/actor_overhead.py [--limit 200] [--repeats 3]

Targets (issue 3): dictionaries load in under 2 s; resolution adds under 10% to coding an article.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable, Sequence
from typing import Any

from stage_timing import ECB, Timed, load_articles, time_one

from kittiwake.actors import dictionaries as dictionary_module
from kittiwake.actors.resolve import ActorResolver
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, Mention


class NoActors:
    """The actor stage's signature, finding no actor: the baseline."""

    def __call__(self, doc: Any, *, doc_id: str, date: dt.date | None) -> list[Mention]:
        return []


def compare(
    pipeline: Pipeline, articles: Sequence[Article], *, repeats: int
) -> tuple[float, float, float, int]:
    """Seconds without and with actor resolution and inside the actor stage, summed over
    articles, and the number of mentions found."""
    resolver = Timed(pipeline.actors)
    baseline = full = stage = 0.0
    for number, article in enumerate(articles):
        best = {"baseline": float("inf"), "full": float("inf"), "stage": float("inf")}
        for repeat in range(repeats):
            for side in ("baseline", "full") if (number + repeat) % 2 else ("full", "baseline"):
                if side == "baseline":
                    pipeline.actors = NoActors()  # type: ignore[assignment]
                else:
                    pipeline.actors = resolver  # type: ignore[assignment]
                    resolver.seconds = 0.0
                best[side] = min(best[side], time_one(pipeline, article))
                if side == "full":
                    best["stage"] = min(best["stage"], resolver.seconds)
        baseline += best["baseline"]
        full += best["full"]
        stage += best["stage"]
    pipeline.actors = resolver.stage
    mentions = sum(len(getattr(pipeline.code_safely(a), "mentions", ())) for a in articles)
    return baseline, full, stage, mentions


def first_and_fastest(
    action: Callable[[], object], *, repeats: int, before: Callable[[], object]
) -> tuple[float, float]:
    """Seconds of the first try and of the fastest of `repeats` tries."""
    times = []
    for _ in range(repeats):
        before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times[0], min(times)


def clear_dictionary_cache() -> None:
    cached = getattr(dictionary_module, "_load_shipped", None)
    if cached is not None and hasattr(cached, "cache_clear"):
        cached.cache_clear()


def nothing() -> None:
    return None


def setup_costs(pipeline: Pipeline, *, repeats: int) -> dict[str, float]:
    """Seconds to load every shipped dictionary cold (first try and fastest) and to build an
    ActorResolver over them (fastest), and the number of person entries (a size check)."""
    load_first, load_best = first_and_fastest(
        dictionary_module.load_dictionaries, repeats=repeats, before=clear_dictionary_cache
    )
    dictionaries = dictionary_module.load_dictionaries()
    nlp = pipeline.parse.nlp

    def build() -> ActorResolver:
        return ActorResolver(dictionaries=dictionaries, nlp=nlp)

    _, build_best = first_and_fastest(build, repeats=repeats, before=nothing)
    return {
        "load_first": load_first,
        "load_best": load_best,
        "build": build_best,
        "people": len(dictionaries.people),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=200, help="ECB+ documents to add")
    parser.add_argument("--repeats", type=int, default=3)
    options = parser.parse_args()

    pipeline = Pipeline()
    setup = setup_costs(pipeline, repeats=options.repeats)
    articles = load_articles(options.limit)
    for article in articles[:5]:  # warm up caches and lazy loads
        pipeline.code_safely(article)
    baseline, full, stage, mentions = compare(pipeline, articles, repeats=options.repeats)
    characters = sum(len(a.text) for a in articles)
    count = len(articles)
    print(f"articles: {count} ({characters:,} characters; ECB+ present: {ECB.exists()})")
    print(
        f"load all dictionaries, cold: first {setup['load_first']:.3f} s, fastest of "
        f"{options.repeats} {setup['load_best']:.3f} s ({setup['people']:.0f} people; target < 2 s)"
    )
    print(f"build ActorResolver (lexicon + matchers): {setup['build']:.3f} s")
    print(f"baseline (no actors): {baseline:.2f} s, {1000 * baseline / count:.1f} ms/article")
    print(
        f"full pipeline:        {full:.2f} s, {1000 * full / count:.1f} ms/article "
        f"({mentions} mentions)"
    )
    print(f"actor stage in full:  {stage:.2f} s, {1000 * stage / count:.1f} ms/article")
    print(
        f"overhead: {100 * (full / baseline - 1):+.1f}% (ratio {full / baseline:.3f}; "
        f"actor stage alone {100 * stage / baseline:.1f}% of baseline; target < 10%)"
    )


if __name__ == "__main__":
    main()
