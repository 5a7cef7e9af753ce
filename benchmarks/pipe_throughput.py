"""End-to-end coding throughput against spaCy's own `nlp.pipe` on the same articles.

Data (from ../shared, skipped cleanly without it): the articles of
../shared/eval/real_news_dev/articles.gold.jsonl, then ECB+ texts of
../shared/eval/ecb_plus/ecb_plus.gold.jsonl up to --articles in all. One Pipeline is built;
each round times, in turn (the order rotating from round to round, so that drift and other
load on the machine fall on all three alike):

- `nlp.pipe`: spaCy alone parsing the article texts, batch size --chunk (the baseline);
- `code_all`: kittiwake coding the articles end to end, parsing --chunk at a time;
- one at a time: kittiwake coding each article alone (`code_safely`, as before chunking).

The best round of each is kept; ratios are articles per second over the baseline's.
`--stages` then codes the articles once more with every stage of the pipeline timed, and
prints each stage's seconds beside `nlp.pipe`'s: what end-to-end coding adds to the parse.

    python benchmarks/pipe_throughput.py [--articles 200] [--rounds 3] [--chunk 32] [--stages]

Target (issue 11): `code_all` >= 0.92 of `nlp.pipe`'s throughput on 150+ articles.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kittiwake.config import Settings
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
REAL_NEWS = SHARED / "real_news_dev" / "articles.gold.jsonl"
ECB = SHARED / "ecb_plus" / "ecb_plus.gold.jsonl"


def read_articles(path: Path, *, limit: int) -> list[Article]:
    articles: list[Article] = []
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if len(articles) >= limit:
                    break
                record = json.loads(line)
                articles.append(Article(doc_id=record["id"], text=record["text"], origin=str(path)))
    return articles


def load_articles(count: int) -> list[Article]:
    articles = read_articles(REAL_NEWS, limit=count)
    return articles + read_articles(ECB, limit=count - len(articles))


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


# The pipeline's stages, as attributes of `Pipeline` (the parse is `parse.pipe`).
STAGES: tuple[str, ...] = ("prepare", "within_limits", "actors", "events", "discards")
STAGES += ("dates", "find_places", "places")


def timed_stages(pipeline: Pipeline) -> dict[str, float]:
    """Wrap the stages of `pipeline` (this instance only) so that each adds up its time."""
    spent: dict[str, float] = collections.defaultdict(float)

    def timing(name: str, stage: Callable[..., object]) -> Callable[..., object]:
        def run(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return stage(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    for name in STAGES:
        setattr(pipeline, name, timing(name, getattr(pipeline, name)))
    pipeline.parse.pipe = timing("parse (nlp.pipe)", pipeline.parse.pipe)  # type: ignore[method-assign]
    return spent


def print_stages(pipeline: Pipeline, articles: list[Article], *, chunk: int) -> None:
    spent = timed_stages(pipeline)
    start = time.perf_counter()
    list(pipeline.code_all(articles, chunk_size=chunk))
    total = time.perf_counter() - start
    print(f"\nstages of one code_all run ({total:.2f} s):")
    for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"  {name:18} {seconds:6.2f} s  {seconds / total:5.1%}")
    rest = total - sum(spent.values())
    print(f"  {'the rest':18} {rest:6.2f} s  {rest / total:5.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=32)
    parser.add_argument("--stages", action="store_true", help="Time each stage afterwards.")
    args = parser.parse_args()
    articles = load_articles(args.articles)
    if not articles:
        print(f"skipped: no articles under {SHARED} (needs ../shared)")
        return
    pipeline = Pipeline(Settings())
    nlp, texts = pipeline.parse.nlp, [article.text for article in articles]
    runs: dict[str, Callable[[], object]] = {
        "nlp.pipe": lambda: list(nlp.pipe(texts, batch_size=args.chunk)),
        "code_all": lambda: list(pipeline.code_all(articles, chunk_size=args.chunk)),
        "one at a time": lambda: [pipeline.code_safely(article) for article in articles],
    }
    list(pipeline.code_all(articles[:8]))  # warm-up: lazy tables, caches
    best = dict.fromkeys(runs, float("inf"))
    names = list(runs)
    for round_number in range(args.rounds):
        turn = names[round_number % len(names) :] + names[: round_number % len(names)]
        for name in turn:
            best[name] = min(best[name], timed(runs[name]))
    words = sum(len(text.split()) for text in texts)
    print(f"{len(articles)} articles, {words:,} words; best of {args.rounds} rounds")
    base = len(articles) / best["nlp.pipe"]
    for name, seconds in best.items():
        rate = len(articles) / seconds
        print(f"{name:14} {seconds:7.2f} s {rate:7.1f} articles/s  {rate / base:5.3f} of nlp.pipe")
    if args.stages:
        print_stages(pipeline, articles, chunk=args.chunk)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
