from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from store_factories import make_coded, make_event

from kittiwake.records import Rejected
from kittiwake.store import Store, StoreError
from kittiwake.store.migrations import MIGRATIONS


def _count(store: Store, table: str, doc_id: str | None = None) -> int:
    if doc_id is None:
        row = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
    else:
        row = store.connection.execute(
            f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id]
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_migrations_are_applied_once_and_recorded(db_path: Path) -> None:
    for _ in range(3):
        with Store.open(db_path) as store:
            assert store.schema_version == MIGRATIONS[-1].version
            versions = store.connection.execute(
                "SELECT version FROM schema_version ORDER BY version"
            ).fetchall()
            assert [v for (v,) in versions] == [m.version for m in MIGRATIONS]


def test_migrations_are_numbered_in_order() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert all(m.name.startswith(f"{m.version:04d}_") for m in MIGRATIONS)


def test_newer_schema_is_refused(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.connection.execute("INSERT INTO schema_version VALUES (999, '0999_future', now())")
    with pytest.raises(StoreError, match="newer"):
        Store.open(db_path)


def test_read_only_open_of_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_add_twice_stores_once(store: Store, run_id: int) -> None:
    coded = make_coded("doc1", (make_event("doc1", 1), make_event("doc1", 2)))
    assert store.add(coded, run_id=run_id, content_hash="abc", story_id="story-1")
    assert not store.add(coded, run_id=run_id)
    assert _count(store, "articles") == 1
    assert _count(store, "events") == 2
    assert _count(store, "sentences") == 1
    assert _count(store, "mentions") == 4
    assert _count(store, "places") == 2
    assert store.has_article("doc1")
    assert not store.has_article("doc2")
    assert store.article_id_for_hash("abc") == "doc1"
    assert store.article_id_for_hash("nope") is None


def test_failed_add_writes_nothing(store: Store, run_id: int) -> None:
    store.add(make_coded("doc1", (make_event("doc1", 1),)), run_id=run_id)
    clash = make_coded("doc2", (make_event("doc1", 1),))  # same event_id as doc1's event
    with pytest.raises(Exception, match="(?i)constraint|duplicate"):
        store.add(clash, run_id=run_id)
    assert not store.has_article("doc2")
    assert _count(store, "sentences", "doc2") == 0
    assert _count(store, "mentions", "doc2") == 0


def test_effective_date_falls_back_to_publication(store: Store, run_id: int) -> None:
    event = make_event("doc1", 1, date=None)
    store.add(make_coded("doc1", (event,), published=dt.date(2024, 2, 1)), run_id=run_id)
    row = store.connection.execute("SELECT event_date, effective_date FROM events").fetchone()
    assert row == (None, dt.date(2024, 2, 1))


def test_replace_events_rewrites_one_article(
    store: Store, run_id: int, add_article: Callable[..., object]
) -> None:
    add_article("doc1", make_event("doc1", 1), make_event("doc1", 2))
    add_article("doc2", make_event("doc2", 1))
    recoded = make_coded("doc1", (make_event("doc1", 1, cameo="042", goldstein=1.9),))
    store.replace_events("doc1", recoded, run_id=run_id)
    rows = store.connection.execute(
        "SELECT event_id, cameo FROM events WHERE doc_id = 'doc1'"
    ).fetchall()
    assert rows == [("doc1-e1", "042")]
    assert _count(store, "mentions", "doc1") == 2
    assert _count(store, "events", "doc2") == 1
    with pytest.raises(KeyError):
        store.replace_events("nope", recoded, run_id=run_id)


def test_rejected_are_recorded(store: Store, run_id: int) -> None:
    store.add_rejected(
        Rejected(origin="feed.jsonl:3", reason="no text", record="{}"), run_id=run_id
    )
    rows = store.connection.execute(
        "SELECT origin, reason, record, run_id FROM rejected"
    ).fetchall()
    assert rows == [("feed.jsonl:3", "no text", "{}", run_id)]


def test_duplicates_count_articles_and_sources(
    store: Store, run_id: int, add_article: Callable[..., object]
) -> None:
    add_article("orig", make_event("orig", 1), source="Wire A")
    store.add_duplicate("dup1", duplicate_of="orig", source="Wire A", run_id=run_id)
    store.add_duplicate("dup2", duplicate_of="dup1", source="Wire B", run_id=run_id)
    store.add_duplicate("dup2", duplicate_of="orig", source="Wire B", run_id=run_id)  # again
    counts = store.connection.execute("SELECT num_articles, num_sources FROM events").fetchone()
    assert counts == (3, 2)
    assert store.has_article("dup2")
    assert store.connection.execute(
        "SELECT duplicate_of FROM duplicates WHERE doc_id = 'dup2'"
    ).fetchone() == ("orig",)
    store.replace_events("orig", make_coded("orig", (make_event("orig", 5),)), run_id=run_id)
    assert store.connection.execute("SELECT num_articles FROM events").fetchone() == (3,)


def test_runs_are_recorded(store: Store) -> None:
    first = store.start_run(
        command="ingest", kittiwake_version="0.1", dictionaries="d", config={"a": 1}
    )
    second = store.start_run(command="recode", kittiwake_version="0.1", dictionaries="d")
    assert second > first
    store.finish_run(first, articles=3, events=5, rejected=1)
    row = store.connection.execute(
        "SELECT command, config, articles, events, rejected, finished_at IS NOT NULL "
        "FROM runs WHERE run_id = ?",
        [first],
    ).fetchone()
    assert row == ("ingest", '{"a": 1}', 3, 5, 1, True)


def test_snapshot_needs_read_only(db_path: Path) -> None:
    with pytest.raises(ValueError):
        Store.open(db_path, snapshot=True)


def test_a_run_left_open_is_marked_aborted_by_the_next(db_path: Path) -> None:
    with Store.open(db_path) as store:
        killed = store.start_run(command="ingest", kittiwake_version="0", dictionaries="x")
    with Store.open(db_path) as store:  # as after a kill -9: the first run never finished
        finished = store.start_run(command="ingest", kittiwake_version="0", dictionaries="x")
        store.finish_run(finished, articles=0, events=0, rejected=0)
        statuses = store.connection.execute(
            "SELECT run_id, status FROM runs ORDER BY run_id"
        ).fetchall()
    assert statuses == [(killed, "aborted"), (finished, "finished")]


def test_stored_identities_include_documents_rejected_at_coding(store: Store, run_id: int) -> None:
    store.add_rejected(
        Rejected("a.jsonl:1", "coding failed: X", "d1"), run_id=run_id, content_hash="h1"
    )
    store.add_rejected(Rejected("a.jsonl:2", "invalid JSON"), run_id=run_id)
    store.add(make_coded("d2", ()), run_id=run_id, content_hash="h2")
    assert store.stored_identities() == {"d1": "h1", "d2": "h2"}


def _filled(path: Path) -> Path:
    with Store.open(path) as store:
        run_id = store.start_run(command="test", kittiwake_version="0", dictionaries="test")
        for number in range(3000):
            store.add_rejected(Rejected(f"file{number}.txt", "reason " * 30), run_id=run_id)
        store.connection.execute("CHECKPOINT")
    return path


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif how == "sqlite":
        path.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    elif how == "garbage":  # the size of a whole file, but not one
        path.write_bytes(bytes(range(256)) * (len(data) // 256))


@pytest.mark.slow  # fills a database of 3,000 rows first
@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ("truncated", "not a whole DuckDB file"),
        ("sqlite", "an SQLite database, not a kittiwake"),
        ("garbage", "not a valid DuckDB database file"),
    ],
)
def test_a_damaged_database_is_a_clear_error_naming_it(
    db_path: Path, how: str, reason: str
) -> None:
    _damage(_filled(db_path), how)
    with pytest.raises(StoreError, match=reason) as raised:
        Store.open(db_path, read_only=True)
    assert str(raised.value).startswith(f"cannot open {db_path}: ")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("setting", ["autoinstall_known_extensions", "autoload_known_extensions"])
def test_duckdb_never_fetches_or_loads_extensions_by_itself(store: Store, setting: str) -> None:
    row = store.connection.execute(
        "SELECT value FROM duckdb_settings() WHERE name = ?", [setting]
    ).fetchone()
    assert row is not None and row[0] == "false"
