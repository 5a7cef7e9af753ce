"""Article extraction: kittiwake's HTML reader + clean-up vs plain trafilatura.extract.

Data: ../shared/eval/article_extraction (181 gzipped news/blog pages with their true
article body). Metric: token-level F1 (bag of lowercase word tokens) per page, averaged
over pages; a page with no extraction scores 0. Both systems run in the same process on
the same pages.

    python benchmarks/extraction.py [--limit N]

Skips (exit 0) when the shared data set is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import trafilatura

from kittiwake.clean import clean_article, masked_text
from kittiwake.read.common import decode_html
from kittiwake.read.html import article_from_html
from kittiwake.records import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "article_extraction"
GOLD = DATA / "article_extraction_benchmark.gold.jsonl"
TOKEN = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(token.lower() for token in TOKEN.findall(text))


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the predicted token bag against the gold one."""
    predicted_tokens, gold_tokens = tokens(predicted), tokens(gold)
    overlap = sum((predicted_tokens & gold_tokens).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(predicted_tokens.values())
    recall = overlap / sum(gold_tokens.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def page_html(html_path: str) -> str:
    data = gzip.decompress((DATA / html_path).read_bytes())
    html = decode_html(data, origin=html_path)
    return html if isinstance(html, str) else ""


def kittiwake_text(html: str, url: str) -> str:
    article = article_from_html(html, origin=url, url=url)
    if not isinstance(article, Article):
        return ""
    return masked_text(clean_article(article))


def trafilatura_text(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


SYSTEMS: dict[str, Callable[[str, str], str]] = {
    "kittiwake (reader + clean-up)": kittiwake_text,
    "trafilatura.extract (defaults)": trafilatura_text,
}


def score_page(record: dict[str, str]) -> dict[str, tuple[float, float, float]]:
    html = page_html(record["html_path"])
    return {
        name: token_prf(extract(html, record["url"]), record["gold_text"])
        for name, extract in SYSTEMS.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    if not GOLD.exists():
        print(f"skipped: {GOLD} not found")
        return 0
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    records = records[: options.limit] if options.limit else records
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        scores = list(pool.map(score_page, records, chunksize=4))
    print(f"article extraction, {len(records)} pages, token-level mean P/R/F1")
    for name in SYSTEMS:
        precision, recall, f1 = (
            statistics.fmean(page[name][index] for page in scores) for index in range(3)
        )
        print(f"  {name:34s} P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
