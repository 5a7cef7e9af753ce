"""Checks on the project's own sample data: examples/wire.jsonl and the coverage sentences.

These files are hand-written, so the checks guard against typos that would silently weaken
the tests and demos built on them: a missing field, a date that does not parse, a PLOVER type
that disagrees with the codebook, a root left without sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

from kittiwake.events.codebook import load_codebook

REPO = Path(__file__).resolve().parents[1]
WIRE_PATH = REPO / "examples" / "wire.jsonl"
TXT_DIR = REPO / "examples" / "txt"
COVERAGE_PATH = REPO / "tests" / "data" / "coverage_sentences.yaml"

CAMEO_ROOTS = tuple(f"{number:02d}" for number in range(1, 21))
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MIN_PER_CATEGORY = 3
MIN_ARTICLES = 24
MIN_NEGATIVES = 15
WORDS_PER_ARTICLE = (120, 350)
PARAGRAPHS_PER_ARTICLE = (3, 8)
FIRST_DATE, LAST_DATE = dt.date(2003, 1, 1), dt.date(2025, 12, 31)

ARTICLE_FIELDS = {"id", "date", "title", "source", "url", "text"}
CODED_REQUIRED = {"text", "date", "cameo_root", "plover_type", "source", "target"}
CODED_ALLOWED = CODED_REQUIRED | {"cameo", "note"}
NEGATIVE_FIELDS = {"text", "date", "expect"}
# Actor codes are 3-letter chunks; the first chunk is a country or one of these CAMEO groups.
NON_STATE_PREFIXES = {"IGO", "IMG", "NGO", "MNC"}
ACTOR_CODE = re.compile(r"(?:[A-Z]{3})+")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _articles() -> list[dict[str, Any]]:
    lines = WIRE_PATH.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _coverage() -> list[dict[str, Any]]:
    entries = yaml.safe_load(COVERAGE_PATH.read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    return entries


def _coded() -> list[dict[str, Any]]:
    return [entry for entry in _coverage() if "expect" not in entry]


def _negatives() -> list[dict[str, Any]]:
    return [entry for entry in _coverage() if "expect" in entry]


def _entry_id(entry: dict[str, Any]) -> str:
    return " ".join(str(entry.get("text", "?")).split()[:6])


def _article_id(article: dict[str, Any]) -> str:
    return str(article.get("id", "?"))


def _as_date(value: object) -> dt.date:
    # PyYAML reads an unquoted YYYY-MM-DD as a date; a quoted one stays a string.
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# --- examples/wire.jsonl ---------------------------------------------------------------------


def test_wire_has_enough_articles_with_unique_ids() -> None:
    articles = _articles()
    assert len(articles) >= MIN_ARTICLES
    ids = [article["id"] for article in articles]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


@pytest.mark.parametrize("article", _articles(), ids=_article_id)
def test_wire_article_fields(article: dict[str, Any]) -> None:
    assert set(article) == ARTICLE_FIELDS
    assert all(isinstance(article[name], str) and article[name].strip() for name in ARTICLE_FIELDS)
    assert re.fullmatch(r"kw-\d{3}", article["id"])
    assert FIRST_DATE <= dt.date.fromisoformat(article["date"]) <= LAST_DATE
    assert article["url"].startswith("https://example.org/")
    words = len(article["text"].split())
    assert WORDS_PER_ARTICLE[0] <= words <= WORDS_PER_ARTICLE[1], words
    paragraphs = [part for part in article["text"].split("\n\n") if part.strip()]
    assert PARAGRAPHS_PER_ARTICLE[0] <= len(paragraphs) <= PARAGRAPHS_PER_ARTICLE[1]


def test_wire_reads_through_the_jsonl_reader() -> None:
    reader = pytest.importorskip("kittiwake.read.jsonl")
    from kittiwake.records import Article

    for line_number, article in enumerate(_articles(), start=1):
        read = reader.article_from_record(
            article, origin=f"{WIRE_PATH}:{line_number}", fallback_date=None
        )
        assert isinstance(read, Article), read
        assert read.doc_id == article["id"]
        assert read.date == dt.date.fromisoformat(article["date"])
        assert read.text == article["text"]


def test_txt_examples_match_their_jsonl_article() -> None:
    texts = {article["id"]: article["text"] for article in _articles()}
    paths = sorted(TXT_DIR.glob("*.txt"))
    assert len(paths) >= 3
    for path in paths:
        assert path.stem in texts, path.name
        assert path.read_text(encoding="utf-8").strip() == texts[path.stem].strip()


# --- tests/data/coverage_sentences.yaml ------------------------------------------------------


def test_coverage_has_every_root_and_plover_type() -> None:
    coded = _coded()
    roots = Counter(entry["cameo_root"] for entry in coded)
    types = Counter(entry["plover_type"] for entry in coded)
    thin_roots = {root: roots[root] for root in CAMEO_ROOTS if roots[root] < MIN_PER_CATEGORY}
    thin_types = {name: types[name] for name in PLOVER_TYPES if types[name] < MIN_PER_CATEGORY}
    assert not thin_roots
    assert not thin_types


def test_coverage_plover_types_are_the_codebooks() -> None:
    assert set(PLOVER_TYPES) <= set(load_codebook().plover_types())


def test_coverage_has_enough_negatives_and_no_duplicates() -> None:
    assert len(_negatives()) >= MIN_NEGATIVES
    texts = [entry["text"] for entry in _coverage()]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("entry", _coded(), ids=_entry_id)
def test_coded_entry_agrees_with_codebook(entry: dict[str, Any]) -> None:
    assert CODED_REQUIRED <= set(entry) <= CODED_ALLOWED, set(entry) ^ CODED_REQUIRED
    assert entry["cameo_root"] in CAMEO_ROOTS
    code = entry.get("cameo", entry["cameo_root"])
    assert isinstance(code, str) and code.startswith(entry["cameo_root"])
    codebook = load_codebook()
    assert code in codebook, code
    assert entry["plover_type"] == codebook[code].plover_type


@pytest.mark.parametrize("entry", _coded(), ids=_entry_id)
def test_coded_entry_actor_codes(entry: dict[str, Any]) -> None:
    assert entry["source"] is not None
    for code in (entry["source"], entry["target"]):
        if code is None:
            continue
        assert ACTOR_CODE.fullmatch(code), code
        prefix = code[:3]
        assert prefix in NON_STATE_PREFIXES or pycountry.countries.get(alpha_3=prefix), code


@pytest.mark.parametrize("entry", _coverage(), ids=_entry_id)
def test_entry_date_matches_named_weekday(entry: dict[str, Any]) -> None:
    date = _as_date(entry["date"])
    assert FIRST_DATE <= date <= LAST_DATE
    named = [day for day in WEEKDAYS if re.search(rf"\b{day}\b", entry["text"])]
    assert len(named) <= 1
    if named:
        assert WEEKDAYS[date.weekday()] == named[0]


@pytest.mark.parametrize("entry", _negatives(), ids=_entry_id)
def test_negative_entry_fields(entry: dict[str, Any]) -> None:
    assert set(entry) == NEGATIVE_FIELDS
    assert entry["expect"] == "none"
