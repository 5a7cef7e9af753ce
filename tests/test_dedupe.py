"""Duplicate detection: exact copies, near copies (re-posts, spun rewrites), unrelated."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from kittiwake.dedupe import (
    StoryClusterer,
    content_hash,
    normalize_countries,
    shingles,
)

ARTICLES = Path(__file__).resolve().parent / "data" / "inputs" / "articles.jsonl"


def sample_texts() -> dict[str, str]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return {record["id"]: record["text"] for record in map(json.loads, lines)}


def test_content_hash_ignores_case_quotes_whitespace_and_boilerplate() -> None:
    text = sample_texts()["a01"]
    variant = "Share this article\n" + text.upper().replace(". ", ".\n\n  ") + "\nAdvertisement"
    assert content_hash(variant) == content_hash(text)
    assert content_hash("He said \u201cno\u201d.") == content_hash('He said "no".')
    assert content_hash(text) != content_hash(text.replace("ten", "twelve"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian Federation said", "the russia said"),
        ("talks with the U.S. and Britain", "talks with the united states and united kingdom"),
        ("Burma and Myanmar", "myanmar and myanmar"),
        ("Korea, Democratic People's Republic of", "north korea"),
        ("Russians and Americans", "russians and americans"),  # demonyms stay
    ],
)
def test_normalize_countries(text: str, expected: str) -> None:
    assert normalize_countries(text) == expected


def test_shingles_do_not_cross_sentences() -> None:
    forward = shingles("One two three four five. Six seven eight nine ten.")
    backward = shingles("Six seven eight nine ten. One two three four five.")
    assert forward == backward and forward


def test_exact_near_and_unrelated() -> None:
    texts = sample_texts()
    clusterer = StoryClusterer()
    first = clusterer.assign("a01", texts["a01"])
    assert (first.kind, first.story_id, first.duplicate_of) == ("new", "a01", None)

    copy = clusterer.assign("copy", "By Jane Doe\n" + texts["a01"] + "\nRead more")
    assert (copy.kind, copy.story_id, copy.duplicate_of) == ("exact", "a01", "a01")

    spun = (
        texts["a01"]
        .replace("Russia", "The Russian Federation")
        .replace("United States", "U.S.")
        .replace("expel", "throw out")
    )
    near = clusterer.assign("spun", spun)
    assert (near.kind, near.story_id) == ("near", "a01")
    assert near.duplicate_of in {"a01", "copy"}
    assert 0.5 <= near.similarity < 1.0

    other = clusterer.assign("a02", texts["a02"])
    assert (other.kind, other.story_id, other.duplicate_of) == ("new", "a02", None)


def test_unrelated_sample_articles_are_all_new() -> None:
    clusterer = StoryClusterer()
    kinds = [clusterer.assign(doc_id, text).kind for doc_id, text in sample_texts().items()]
    assert kinds == ["new"] * len(kinds)


def test_reassigning_a_doc_id_returns_the_same_assignment() -> None:
    clusterer = StoryClusterer()
    text = sample_texts()["a03"]
    assert clusterer.assign("x", text) == clusterer.assign("x", text + " Changed.")
    assert len(clusterer) == 1


def test_state_pickles_and_rebuilds() -> None:
    texts = sample_texts()
    clusterer = StoryClusterer.from_texts(list(texts.items())[:5])
    restored = pickle.loads(pickle.dumps(clusterer))
    probe = texts["a04"].replace("Japan", "Nippon")
    assert restored.assign("probe", probe) == clusterer.assign("probe", probe)
    assert restored.assign("probe", probe).story_id == "a04"


def test_restored_signatures_cluster_like_shingled_texts() -> None:
    texts = sample_texts()
    shingled = StoryClusterer.from_texts(list(texts.items())[:5])
    restored = StoryClusterer()
    for doc_id in list(texts)[:5]:
        stored = shingled.signature_bytes(doc_id)
        assert stored is not None and len(stored) == 8 * shingled.num_perm
        restored.restore(
            doc_id,
            content_hash=content_hash(texts[doc_id]),
            story_id=shingled.assignments[doc_id].story_id,
            hashvalues=stored,
        )
    probe = texts["a04"].replace("Japan", "Nippon")
    assert restored.assign("probe", probe) == shingled.assign("probe", probe)
    exact = restored.assign("exact", texts["a02"] + "\n")
    assert (exact.kind, exact.story_id) == ("exact", "a02")


def test_restoring_a_signature_of_other_settings_fails_loudly() -> None:
    clusterer = StoryClusterer(num_perm=64)
    with pytest.raises(ValueError, match="64"):
        clusterer.restore("x", content_hash="h", story_id="x", hashvalues=bytes(8 * 128))
    assert StoryClusterer(num_perm=64).params != StoryClusterer().params
