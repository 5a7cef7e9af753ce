"""Ingest and recode: idempotent, deduplicating, rejecting bad inputs, same result on N workers."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kittiwake
import kittiwake.cli.ingest  # noqa: F401 - attaches `ingest` and `recode` to the CLI
import kittiwake.cli.store  # noqa: F401 - attaches `rejected`
from kittiwake.cli.groups import main
from kittiwake.config import Settings
from kittiwake.dedupe import StoryClusterer, normalize_for_comparison
from kittiwake.ingest import IngestReport, ingest_paths, recode
from kittiwake.pipeline import Pipeline
from kittiwake.store import Store

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "inputs" / "articles.jsonl"
BROKEN = DATA / "broken"


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def write_records(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def rows(db: Path, query: str) -> list[tuple[Any, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.connection.execute(query).fetchall()


def count(db: Path, query: str) -> int:
    return int(rows(db, query)[0][0])


def copies_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    """An exact copy, a syndicated re-post and a spun rewrite of `record`, from other sources."""
    text = record["text"]
    exact = {**record, "id": record["id"] + "-copy", "source": "Second Wire"}
    exact["text"] = "  " + text.replace(". ", ".\n\n")
    syndicated = {**record, "id": record["id"] + "-synd", "source": "Third Wire"}
    syndicated["text"] = (
        f"Share\nMOSCOW (Third Wire) - {text}\nAdvertisement\nRead more: other news"
    )
    spun = {**record, "id": record["id"] + "-spun", "source": "Second Wire"}
    spun["text"] = text.replace("Russia", "the Russian Federation").replace("said", "stated")
    return [exact, syndicated, spun]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The test articles followed by three copies of the first one."""
    records = read_records(ARTICLES)
    return write_records(tmp_path / "corpus.jsonl", records + copies_of(records[0]))


def test_ingest_twice_stores_every_article_once(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "events.duckdb"
    first = ingest_paths([ARTICLES], db=db, pipeline=pipeline)
    events = count(db, "SELECT count(*) FROM events")
    second = ingest_paths([ARTICLES], db=db, pipeline=pipeline)
    stored = len(read_records(ARTICLES))
    assert (first.articles, first.skipped) == (stored, 0)
    assert (second.articles, second.events, second.skipped) == (0, 0, stored)
    assert count(db, "SELECT count(*) FROM articles") == stored
    assert count(db, "SELECT count(*) FROM events") == events == first.events
    assert count(db, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL") == 2


def test_copies_are_recorded_as_duplicates_without_events(
    tmp_path: Path, pipeline: Pipeline, corpus: Path
) -> None:
    db = tmp_path / "events.duckdb"
    report = ingest_paths([corpus], db=db, pipeline=pipeline)
    original = read_records(ARTICLES)[0]["id"]
    assert (report.duplicates, report.near_duplicates) == (1, 2)
    assert rows(db, "SELECT doc_id, duplicate_of FROM duplicates ORDER BY doc_id") == [
        (f"{original}-{kind}", original) for kind in ("copy", "spun", "synd")
    ]
    assert count(db, f"SELECT count(*) FROM events WHERE doc_id LIKE '{original}-%'") == 0
    counts = rows(
        db, f"SELECT DISTINCT num_articles, num_sources FROM events WHERE doc_id = '{original}'"
    )
    assert counts == [(4, 3)]
    assert count(db, "SELECT count(*) FROM articles WHERE story_id IS DISTINCT FROM doc_id") == 0


def test_copy_of_a_stored_article_is_found_in_a_later_run(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    db = tmp_path / "events.duckdb"
    record = read_records(ARTICLES)[0]
    ingest_paths([write_records(tmp_path / "first.jsonl", [record])], db=db, pipeline=pipeline)
    later = ingest_paths(
        [write_records(tmp_path / "later.jsonl", copies_of(record))], db=db, pipeline=pipeline
    )
    assert (later.articles, later.duplicates, later.near_duplicates) == (0, 1, 2)
    counts = rows(db, f"SELECT DISTINCT num_articles FROM events WHERE doc_id = '{record['id']}'")
    assert counts == [(4,)]


def test_later_run_restores_the_story_index_without_reshingling(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "events.duckdb"
    record = read_records(ARTICLES)[0]
    ingest_paths([write_records(tmp_path / "first.jsonl", [record])], db=db, pipeline=pipeline)
    assert count(db, "SELECT count(*) FROM story_signatures") == 1
    shingled: list[str] = []
    original = StoryClusterer.minhash

    def counting_minhash(self: StoryClusterer, text: str) -> Any:
        shingled.append(text)
        return original(self, text)

    monkeypatch.setattr(StoryClusterer, "minhash", counting_minhash)
    later = ingest_paths(
        [write_records(tmp_path / "later.jsonl", copies_of(record))], db=db, pipeline=pipeline
    )
    assert (later.duplicates, later.near_duplicates) == (1, 2)
    # the stored article came back from its signature (minhash takes normalised texts)
    assert normalize_for_comparison(record["text"]) not in shingled
    assert len(shingled) == 2  # only the two near copies were shingled


def table_contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    queries = {
        "articles": "SELECT doc_id, story_id, content_hash FROM articles ORDER BY doc_id",
        "duplicates": "SELECT doc_id, duplicate_of, source FROM duplicates ORDER BY doc_id",
        "events": "SELECT event_id, doc_id, cameo, source_code, target_code, num_articles, "
        "num_sources FROM events ORDER BY event_id",
        "mentions": "SELECT doc_id, seq, code FROM mentions ORDER BY doc_id, seq",
    }
    return {table: rows(db, query) for table, query in queries.items()}


def test_two_workers_store_the_same_as_one(
    tmp_path: Path, pipeline: Pipeline, corpus: Path
) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    report_one = ingest_paths([corpus], db=one, pipeline=pipeline, workers=1)
    report_two = ingest_paths([corpus], db=two, workers=2)
    assert (report_two.articles, report_two.events) == (report_one.articles, report_one.events)
    assert table_contents(two) == table_contents(one)


def write_broken_inputs(folder: Path) -> dict[str, str]:
    """Bad inputs generated here (too big or too binary to commit), with words their reasons hold."""
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    compressed = gzip.compress(json.dumps({"id": "gz", "text": "A sentence. " * 2000}).encode())
    (folder / "truncated.jsonl.gz").write_bytes(compressed[: len(compressed) // 2])
    (folder / "invalid_utf8.txt").write_bytes(  # Latin-1, and bytes cp1252 lacks too
        "Caf\u00e9 news. ".encode("latin-1") * 50 + b"\x81\x8d\x8f\x90"
    )
    block = b"The council met again and argued about the budget for the harbour. " * 1000
    with (folder / "huge.txt").open("wb") as huge:
        for _ in range(50_000_000 // len(block) + 1):
            huge.write(block)
    return {
        "binary.txt": "binary",
        "truncated.jsonl.gz": "gzip",
        "invalid_utf8.txt": "not UTF-8",
        "huge.txt": "too large",
        "empty.txt": "empty",
        "french.txt": "not English",
        "malformed_feed.rss": "malformed feed",
        "malformed.warc": "malformed",
        "no_article.html": "no article",
        "good.jsonl:3": "invalid JSON",
        "good.jsonl:4": "text",
    }


@pytest.fixture
def broken_folder(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    folder = tmp_path / "broken"
    shutil.copytree(BROKEN, folder)
    yield folder, write_broken_inputs(folder)


def test_broken_inputs_are_rejected_with_reasons_and_good_ones_stored(
    tmp_path: Path, pipeline: Pipeline, broken_folder: tuple[Path, dict[str, str]]
) -> None:
    folder, expected = broken_folder
    db = tmp_path / "events.duckdb"
    ingest_paths([folder], db=db, pipeline=pipeline)
    stored = rows(db, "SELECT doc_id FROM articles ORDER BY doc_id")
    assert stored == [("broken-good-1",), ("broken-good-2",)]
    recorded = rows(db, "SELECT origin, reason FROM rejected")
    for name, reason in expected.items():
        matches = [why for origin, why in recorded if origin.startswith(str(folder / name))]
        assert matches, f"{name} not in rejected"
        assert any(reason in why for why in matches), f"{name}: {matches}"
    assert len(recorded) == len(expected)


def test_rerun_does_not_record_rejections_again(
    tmp_path: Path, pipeline: Pipeline, broken_folder: tuple[Path, dict[str, str]]
) -> None:
    folder, expected = broken_folder
    db = tmp_path / "events.duckdb"
    ingest_paths([folder], db=db, pipeline=pipeline)
    again = ingest_paths([folder], db=db, pipeline=pipeline)
    # french.txt, rejected at coding, is not coded again: skipped like a stored article.
    assert again.errors == len(expected) - 1
    assert count(db, "SELECT count(*) FROM rejected") == len(expected)


def test_progress_is_reported_for_every_input(
    tmp_path: Path, pipeline: Pipeline, corpus: Path
) -> None:
    seen: list[int] = []

    def record(report: IngestReport) -> None:
        seen.append(report.processed)

    report = ingest_paths(
        [corpus], db=tmp_path / "events.duckdb", pipeline=pipeline, on_progress=record
    )
    assert seen == list(range(1, len(read_records(corpus)) + 1))
    assert report.processed == seen[-1]


def test_standard_input_is_ingested(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "events.duckdb"
    report = ingest_paths(["-"], db=db, pipeline=pipeline, stdin=io.StringIO(ARTICLES.read_text()))
    assert report.articles == len(read_records(ARTICLES))


EXTRA_PERSON = """\
people:
  - id: zorblan_quist
    name: Zorblan Quist
    roles:
      - {code: FRAGOV, start: 2001-05-01, end: null, title: Minister}
"""
UNKNOWN_PERSON_ARTICLE = {
    "id": "zq-1",
    "date": "2024-03-04",
    "source": "Kittiwake Test Wire",
    "text": "Zorblan Quist criticised the government of Kenya on Monday. "
    "Police in Nairobi arrested ten protesters after the speech.",
}


def source_codes(db: Path, doc_id: str) -> list[str | None]:
    return [
        row[0]
        for row in rows(
            db, f"SELECT source_code FROM events WHERE doc_id = '{doc_id}' ORDER BY sentence"
        )
    ]


def test_recode_applies_a_new_dictionary_and_records_a_run(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    db = tmp_path / "events.duckdb"
    records = [*read_records(ARTICLES)[:3], UNKNOWN_PERSON_ARTICLE]
    ingest_paths([write_records(tmp_path / "in.jsonl", records)], db=db, pipeline=pipeline)
    others = rows(db, "SELECT event_id FROM events WHERE doc_id <> 'zq-1' ORDER BY event_id")
    assert "FRAGOV" not in source_codes(db, "zq-1")
    (tmp_path / "people.yaml").write_text(EXTRA_PERSON, encoding="utf-8")
    settings = Settings(dictionaries=(tmp_path / "people.yaml",))
    report = recode(db, settings=settings, doc_ids=["zq-1"], pipeline=Pipeline(settings))
    assert (report.articles, report.errors) == (1, 0)
    assert "FRAGOV" in source_codes(db, "zq-1")
    assert (
        rows(db, "SELECT event_id FROM events WHERE doc_id <> 'zq-1' ORDER BY event_id") == others
    )
    runs = rows(db, "SELECT command, articles FROM runs ORDER BY run_id")
    assert runs[-1] == ("recode --where-doc zq-1", 1)


def test_recode_all_restores_events_and_keeps_duplicate_counts(
    tmp_path: Path, pipeline: Pipeline, corpus: Path
) -> None:
    db = tmp_path / "events.duckdb"
    ingest_paths([corpus], db=db, pipeline=pipeline)
    before = table_contents(db)
    with Store.open(db) as store:
        store.connection.execute("DELETE FROM events")
    report = recode(db, pipeline=pipeline, doc_ids=None)
    assert report.articles == len(before["articles"])
    assert table_contents(db) == before


def test_recode_reports_unknown_documents(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "events.duckdb"
    ingest_paths([ARTICLES], db=db, pipeline=pipeline)
    report = recode(db, pipeline=pipeline, doc_ids=["no-such-doc"])
    assert report.articles == 0
    assert [(r.origin, r.reason) for r in report.rejected] == [("no-such-doc", "not in the store")]


def invoke(*arguments: str) -> Any:
    result = CliRunner().invoke(main, list(arguments), catch_exceptions=False)
    return result


def test_cli_ingest_rejected_and_recode(
    tmp_path: Path, broken_folder: tuple[Path, dict[str, str]]
) -> None:
    folder, expected = broken_folder
    db = str(tmp_path / "events.duckdb")
    ingested = invoke(
        "ingest", str(folder), str(ARTICLES), "--db", db, "--workers", "1", "--no-progress"
    )
    assert ingested.exit_code == 0, ingested.output
    assert f"{len(read_records(ARTICLES)) + 2} articles stored" in ingested.output
    listed = invoke("rejected", "--db", db, "--format", "jsonl")
    assert listed.exit_code == 0, listed.output
    origins = [json.loads(line)["origin"] for line in listed.stdout.splitlines() if line]
    assert len(origins) == len(expected)
    recoded = invoke("recode", "--db", db, "--where-doc", "broken-good-1", "--no-progress")
    assert recoded.exit_code == 0, recoded.output
    assert "1 articles re-coded" in recoded.output
