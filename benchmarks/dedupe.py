"""Duplicate detection: StoryClusterer vs exact content hashing, on a generated corpus.

The corpus starts from the repository's own sample articles (examples/*.jsonl and the
test fixture tests/data/inputs/articles.jsonl) and adds, for each article, with a fixed
random seed:

- an exact copy (whitespace and line breaks changed),
- a syndicated re-post (byline, share/advert lines, a read-more link and a trailing
  headline of another story added; a dateline added to the first sentence),
- a spun rewrite (country names swapped for variants, sentences reordered, a few words
  replaced by synonyms).

The originals are unrelated to each other. All documents are fed in a shuffled order;
pairwise precision and recall compare the predicted stories with the true ones.

    python benchmarks/dedupe.py [--seed N]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

from kittiwake.dedupe import StoryClusterer, content_hash

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (*sorted((ROOT / "examples").glob("*.jsonl")), ROOT / "tests/data/inputs/articles.jsonl")

# Spins a rewriter might use; the keys must appear as whole words to be swapped.
COUNTRY_SPINS = {
    "Russia": "the Russian Federation",
    "United States": "U.S.",
    "US": "USA",
    "Britain": "the United Kingdom",
    "British": "UK",
    "Iran": "the Islamic Republic of Iran",
    "Syria": "the Syrian Arab Republic",
    "North Korea": "the DPRK",
    "South Korea": "the Republic of Korea",
    "Turkey": "T\u00fcrkiye",
    "Myanmar": "Burma",
    "Netherlands": "Holland",
    "China": "the People's Republic of China",
    "Ivory Coast": "C\u00f4te d'Ivoire",
    "Czech Republic": "Czechia",
}
SYNONYMS = {
    "said": "stated",
    "agreed": "consented",
    "talks": "negotiations",
    "announced": "declared",
    "killed": "left dead",
    "people": "persons",
    "government": "administration",
    "officials": "authorities",
    "began": "started",
    "called": "described",
    "warned": "cautioned",
    "forces": "troops",
    "meeting": "session",
    "country": "nation",
}
WORDS_CHANGED = 4
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_articles() -> list[tuple[str, str]]:
    articles = []
    for path in SOURCES:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                articles.append((f"{path.stem}:{record['id']}", record["text"]))
    return articles


def exact_copy(text: str, _: random.Random) -> str:
    return "\n\n".join(SENTENCE.split(text.replace("\n\n", "\n"))) + "\n"


def syndicated(text: str, rng: random.Random) -> str:
    byline = rng.choice(["By Ana Costa", "By Staff Reporters, Kittiwake Wire", "By Omar Said"])
    dateline = rng.choice(["GENEVA (KW) - ", "LONDON - ", ""])
    paragraphs = [paragraph for paragraph in text.split("\n") if paragraph.strip()]
    paragraphs[0] = dateline + paragraphs[0]
    middle = len(paragraphs) // 2
    body = [*paragraphs[:middle], "Advertisement", *paragraphs[middle:]]
    return "\n".join(
        [
            byline,
            "Share this article",
            *body,
            "Read more: Markets rally on trade hopes",
            "Floods close roads across the north",
        ]
    )


def spun(text: str, rng: random.Random) -> str:
    for name, variant in COUNTRY_SPINS.items():
        text = re.sub(rf"\b{re.escape(name)}\b", variant, text)
    sentences = [
        sentence
        for paragraph in text.split("\n")
        for sentence in SENTENCE.split(paragraph)
        if sentence.strip()
    ]
    rng.shuffle(sentences)
    words = " ".join(sentences).split(" ")
    candidates = [index for index, word in enumerate(words) if word.lower() in SYNONYMS]
    for index in rng.sample(candidates, min(WORDS_CHANGED, len(candidates))):
        words[index] = SYNONYMS[words[index].lower()]
    return " ".join(words)


VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "exact": exact_copy,
    "syndicated": syndicated,
    "spun": spun,
}


def build_corpus(seed: int) -> list[tuple[str, str, str, str]]:
    """(doc_id, true story, kind, text) for originals and their variants, shuffled."""
    rng = random.Random(seed)
    corpus = []
    for story, text in load_articles():
        corpus.append((story, story, "original", text))
        for kind, make in VARIANTS.items():
            corpus.append((f"{story}/{kind}", story, kind, make(text, rng)))
    rng.shuffle(corpus)
    return corpus


def pairwise(truth: dict[str, str], predicted: dict[str, str]) -> tuple[float, float]:
    """Precision and recall over document pairs put in the same story."""
    same_true = same_predicted = both = 0
    for first, second in itertools.combinations(sorted(truth), 2):
        really = truth[first] == truth[second]
        guessed = predicted[first] == predicted[second]
        same_true += really
        same_predicted += guessed
        both += really and guessed
    return (both / same_predicted if same_predicted else 1.0), both / same_true


def exact_hash_stories(corpus: list[tuple[str, str, str, str]]) -> dict[str, str]:
    first_by_hash: dict[str, str] = {}
    return {
        doc_id: first_by_hash.setdefault(content_hash(text), doc_id)
        for doc_id, _, _, text in corpus
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    options = parser.parse_args()
    corpus = build_corpus(options.seed)
    if not corpus:
        print("skipped: no sample articles found")
        return 0
    truth = {doc_id: story for doc_id, story, _, _ in corpus}
    clusterer = StoryClusterer()
    assignments = {doc_id: clusterer.assign(doc_id, text) for doc_id, _, _, text in corpus}
    predicted = {doc_id: assignment.story_id for doc_id, assignment in assignments.items()}
    stories = len(set(truth.values()))
    print(
        f"duplicate detection, {len(corpus)} documents, {stories} true stories (seed {options.seed})"
    )
    for name, stories_by_doc in (
        ("StoryClusterer (hash + MinHash LSH)", predicted),
        ("exact content hash only", exact_hash_stories(corpus)),
    ):
        precision, recall = pairwise(truth, stories_by_doc)
        print(f"  {name:36s} pairwise precision={precision:.3f} recall={recall:.3f}")
    for kind in ("exact", "syndicated", "spun"):
        docs = [doc_id for doc_id, _, variant, _ in corpus if variant == kind]
        found = sum(predicted[doc_id] == predicted[truth[doc_id]] for doc_id in docs)
        print(f"  {kind:11s} copies joined to their story: {found}/{len(docs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
