"""Shared by the overhead benchmarks: the article set and timing of one pipeline stage.

Not a benchmark itself; `actor_overhead.py` and `geo_overhead.py` import it (run them as
`python benchmarks/<name>.py`, which puts this folder on the import path).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from kittiwake.pipeline import Pipeline
from kittiwake.read import iter_articles
from kittiwake.records import Article

ROOT = Path(__file__).resolve().parents[1]
WIRE = ROOT / "examples" / "wire.jsonl"
ECB = ROOT.parent / "shared" / "eval" / "ecb_plus" / "ecb_plus.gold.jsonl"


def load_articles(limit: int) -> list[Article]:
    """Our sample articles, then the first `limit` ECB+ texts when ../shared is present."""
    articles = [a for a in iter_articles([WIRE]) if isinstance(a, Article)]
    if ECB.exists():
        with ECB.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if number >= limit:
                    break
                record = json.loads(line)
                articles.append(Article(doc_id=record["id"], text=record["text"], origin=str(ECB)))
    return articles


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


def time_one(pipeline: Pipeline, article: Article) -> float:
    start = time.perf_counter()
    pipeline.code_safely(article)
    return time.perf_counter() - start
