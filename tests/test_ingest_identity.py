"""Document identity on ingest: an id and its content, so no other document is lost (D1)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kittiwake.ingest import ingest_paths
from kittiwake.pipeline import Pipeline
from kittiwake.store import Store

FIRST_DAY = [
    {"id": 1, "date": "2024-03-01", "text": "Russia criticised Ukraine on Friday."},
    {"id": 2, "date": "2024-03-01", "text": "France praised Germany on Friday."},
]
SECOND_DAY = [
    {"id": 1, "date": "2024-03-02", "text": "Japan met China in Beijing on Saturday."},
    {"id": "2", "date": "2024-03-02", "text": "Brazil condemned Argentina on Saturday."},
]


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def stored_texts(db: Path) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        rows = store.connection.execute("SELECT doc_id, text FROM articles").fetchall()
    return {doc_id: text for doc_id, text in rows}


@pytest.mark.parametrize("same_run", [True, False], ids=["one run", "two runs"])
def test_other_content_under_a_taken_id_is_kept(
    tmp_path: Path, pipeline: Pipeline, same_run: bool
) -> None:
    db = tmp_path / "events.duckdb"
    first, second = write(tmp_path / "a.jsonl", FIRST_DAY), write(tmp_path / "b.jsonl", SECOND_DAY)
    if same_run:
        reports = [ingest_paths([first, second], db=db, pipeline=pipeline)]
    else:
        reports = [ingest_paths([path], db=db, pipeline=pipeline) for path in (first, second)]
    texts = stored_texts(db)
    assert sorted(texts.values()) == sorted(r["text"] for r in FIRST_DAY + SECOND_DAY)
    assert texts["1"] == FIRST_DAY[0]["text"] and texts["2"] == FIRST_DAY[1]["text"]
    assert {doc_id.split("#")[0] for doc_id in texts} == {"1", "2"}
    assert sum(report.renamed for report in reports) == 2


def test_rerun_with_taken_ids_stores_nothing_twice(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "events.duckdb"
    paths = [write(tmp_path / "a.jsonl", FIRST_DAY), write(tmp_path / "b.jsonl", SECOND_DAY)]
    ingest_paths(paths, db=db, pipeline=pipeline)
    again = ingest_paths(paths, db=db, pipeline=pipeline)
    assert (again.articles, again.skipped, again.renamed, again.errors) == (0, 4, 0, 0)
    assert len(stored_texts(db)) == 4


def test_same_id_and_same_content_is_already_stored(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "events.duckdb"
    record = FIRST_DAY[0]
    as_string = {**record, "id": "1", "text": "  " + str(record["text"]) + "\n"}
    report = ingest_paths(
        [write(tmp_path / "a.jsonl", [record]), write(tmp_path / "b.jsonl", [as_string])],
        db=db,
        pipeline=pipeline,
    )
    assert (report.articles, report.skipped, report.renamed) == (1, 1, 0)


def test_exact_copy_under_a_taken_id_is_recorded_with_hash_and_origin(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    db = tmp_path / "events.duckdb"
    copy = {"id": 2, "text": FIRST_DAY[0]["text"]}
    path = write(tmp_path / "a.jsonl", [*FIRST_DAY, copy])
    report = ingest_paths([path], db=db, pipeline=pipeline)
    assert (report.articles, report.duplicates, report.renamed) == (2, 1, 1)
    with Store.open(db, read_only=True) as store:
        row = store.connection.execute(
            "SELECT doc_id, duplicate_of, content_hash IS NOT NULL, origin FROM duplicates"
        ).fetchone()
    assert row is not None
    assert row[0].startswith("2#") and row[1] == "1" and row[2] and row[3] == f"{path}:3"


def test_unreadable_date_is_stored_undated_and_reported(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "events.duckdb"
    records = [{"id": "t", "date": "7:58 AM ET", "text": "France praised Germany."}]
    path = write(tmp_path / "a.jsonl", records)
    report = ingest_paths([path], db=db, pipeline=pipeline)
    assert report.articles == 1
    assert [(note.origin, note.reason) for note in report.notes] == [
        (f"{path}:1", "date '7:58 AM ET' not understood: stored undated")
    ]
    with Store.open(db, read_only=True) as store:
        assert store.connection.execute("SELECT published FROM articles").fetchall() == [(None,)]


def duplicate_rows(db: Path) -> list[tuple[str, str, str]]:
    with Store.open(db, read_only=True) as store:
        rows = store.connection.execute(
            "SELECT doc_id, duplicate_of, origin FROM duplicates ORDER BY origin"
        ).fetchall()
    return [(str(doc_id), str(of), str(origin)) for doc_id, of, origin in rows]


@pytest.mark.parametrize("runs", [1, 2], ids=["one run", "copy in a later run"])
def test_byte_identical_files_are_counted_as_copies_with_their_origin(
    tmp_path: Path, pipeline: Pipeline, runs: int
) -> None:
    """D18: a copied file has the same content-derived id as the stored one; it was taken
    for a re-run and dropped uncounted. A re-run of both still adds nothing."""
    db = tmp_path / "events.duckdb"
    text = "Russia criticised Ukraine on Friday.\n"
    first, copy = tmp_path / "a.txt", tmp_path / "sub" / "copy.txt"
    copy.parent.mkdir()
    for path in (first, copy):
        path.write_text(text, encoding="utf-8")
    batches = [[first, copy]] if runs == 1 else [[first], [copy]]
    reports = [ingest_paths(paths, db=db, pipeline=pipeline) for paths in batches]
    assert sum(report.duplicates for report in reports) == 1
    stored = stored_texts(db)
    assert list(stored.values()) == [text]
    (original,) = stored
    [(doc_id, duplicate_of, origin)] = duplicate_rows(db)
    assert (doc_id.split("@")[0], duplicate_of, origin) == (original, original, str(copy))
    again = ingest_paths([first, copy], db=db, pipeline=pipeline)
    assert (again.articles, again.duplicates, again.skipped) == (0, 0, 2)
    assert len(duplicate_rows(db)) == 1
