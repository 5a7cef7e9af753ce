"""Start-up cost of an ingest on a large store: restoring the story index.

Each ingest first needs the story index (MinHash LSH) of every stored article, so that a copy
of an article stored last month is still recognised. This benchmark fills a store with N
generated articles (sentences of the repository's sample articles, drawn with a fixed seed,
so that articles are distinct but share vocabulary as news does) and times
`kittiwake.ingest.refresh_stories`

- from the stored MinHash signatures (`story_signatures`, what an ingest does now), against
- the baseline measured in the same run: the same store without signatures, where every
  stored text is normalised, shingled and hashed again.

It checks that both indexes give every stored article the same story and place the same
probe copies in the same stories.

    python benchmarks/story_index.py [--articles 5000] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from pathlib import Path

from kittiwake.dedupe import StoryClusterer, content_hash
from kittiwake.ingest import refresh_stories
from kittiwake.store import Store

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sample_sentences() -> list[str]:
    texts = [
        json.loads(line)["text"]
        for line in (ROOT / "examples" / "wire.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return sorted({s.strip() for text in texts for s in SENTENCE_END.split(text) if s.strip()})


def generated_texts(count: int, *, seed: int) -> list[str]:
    sentences = sample_sentences()
    chooser = random.Random(seed)
    return [" ".join(chooser.sample(sentences, 12)) + f" Report {n}." for n in range(count)]


def fill_store(store: Store, texts: list[str]) -> StoryClusterer:
    """Store the texts as articles with their story and signature, as an ingest would."""
    clusterer = StoryClusterer()
    con = store.connection
    for number, text in enumerate(texts):
        doc_id = f"doc{number:06d}"
        story = clusterer.assign(doc_id, text)
        con.execute(
            "INSERT INTO articles (doc_id, origin, content_hash, story_id, text) "
            "VALUES (?, 'benchmark', ?, ?, ?)",
            [doc_id, content_hash(text), story.story_id, text],
        )
        signature = clusterer.signature_bytes(doc_id)
        if signature is not None:
            con.execute(
                "INSERT INTO story_signatures VALUES (?, ?, ?)",
                [doc_id, clusterer.params, signature],
            )
    return clusterer


def timed_refresh(store: Store) -> tuple[float, StoryClusterer]:
    started = time.perf_counter()
    clusterer = refresh_stories(store, StoryClusterer())
    return time.perf_counter() - started, clusterer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    texts = generated_texts(options.articles, seed=options.seed)
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "s.duckdb") as store:
        original = fill_store(store, texts)
        restored_s, restored = timed_refresh(store)
        store.connection.execute("DELETE FROM story_signatures")
        shingled_s, shingled = timed_refresh(store)
    stories = {doc_id: a.story_id for doc_id, a in original.assignments.items()}
    same_stories = all(restored.assignments[d].story_id == s for d, s in stories.items()) and all(
        shingled.assignments[d].story_id == s for d, s in stories.items()
    )
    probes = [
        text.replace(" the ", " a ", 3) + " Updated." for text in texts[:: max(1, len(texts) // 50)]
    ]
    same_probes = all(
        restored.assign(f"p{i}", p).story_id == shingled.assign(f"p{i}", p).story_id
        for i, p in enumerate(probes)
    )
    count = len(texts)
    print(f"stored articles: {count} ({len(set(stories.values()))} stories)")
    print(
        f"from stored signatures: {restored_s:.2f} s ({1000 * restored_s / count:.2f} ms/article)"
    )
    print(
        f"baseline, re-shingling texts: {shingled_s:.2f} s ({1000 * shingled_s / count:.2f} ms/article)"
    )
    print(f"speed-up: {shingled_s / restored_s:.1f}x")
    print(
        f"same stories for stored articles: {same_stories}; same stories for {len(probes)} probe copies: {same_probes}"
    )


if __name__ == "__main__":
    main()
