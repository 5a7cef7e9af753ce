"""Coding time per character of ONE long document, from 10k characters up (issue D9).

    python benchmarks/long_document.py                     # 10k, 30k, 100k (about a minute)
    python benchmarks/long_document.py --sizes 10000 100000 1000000   # the full check

One document of each size is built from the sample wire articles (repeated, paragraph by
paragraph) and coded by the shipped pipeline. Per size it prints seconds, microseconds per
character and the process's peak memory so far; then the ratio of the per-character time of
the largest size to the smallest. The per-article limits are off, so none of them cuts a
document short. Coding time that grows linearly with length gives a
ratio near 1; one that grows with its square gives about largest / smallest.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from kittiwake.config import Settings
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, CodedArticle

WIRE = Path(__file__).resolve().parents[1] / "examples" / "wire.jsonl"
DEFAULT_SIZES = (10_000, 30_000, 100_000)


def long_text(size: int) -> str:
    """`size` characters of news: the wire articles' paragraphs, repeated, cut at a paragraph."""
    paragraphs = [
        paragraph
        for line in WIRE.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for paragraph in json.loads(line)["text"].split("\n\n")
        if paragraph.strip()
    ]
    parts: list[str] = []
    length = 0
    while length < size:
        paragraph = paragraphs[len(parts) % len(paragraphs)]
        parts.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(parts)[:size]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def time_one(pipeline: Pipeline, size: int) -> float:
    """Seconds to code one document of `size` characters."""
    article = Article(doc_id=f"long-{size}", text=long_text(size))
    started = time.perf_counter()
    coded = pipeline(article)
    seconds = time.perf_counter() - started
    if not isinstance(coded, CodedArticle):
        sys.exit(f"{size} characters were not coded: {coded.reason}")
    print(
        f"{size:>9,} chars  {seconds:8.1f} s  {seconds / size * 1e6:7.1f} us/char  "
        f"{len(coded.events):6d} events  peak {peak_mb():6.0f} MB",
        flush=True,
    )
    return seconds / size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    sizes = sorted(parser.parse_args().sizes)
    # The per-article limits off: a time, sentence or token limit would cut a long document
    # short and mask how coding time grows with its length.
    pipeline = Pipeline(
        Settings(max_chars=0, max_sentences=0, max_sentence_tokens=0, max_parse_seconds=0)
    )
    pipeline(Article(doc_id="warm-up", text=long_text(2_000)))  # loads the model, builds caches
    per_char = [time_one(pipeline, size) for size in sizes]
    print(
        f"ratio of per-character time, {sizes[-1]:,} / {sizes[0]:,} characters: "
        f"{per_char[-1] / per_char[0]:.2f}"
    )


if __name__ == "__main__":
    main()
