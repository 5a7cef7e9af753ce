"""The dashboard reads its own copy of the database: pages work while another process holds
the file, show what that process commits, and take no new copy while nothing changes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_factories import ARTICLES, EventSpec, build_store, coded_article, local_client

from kittiwake.store import Store
from kittiwake.web import create_app
from kittiwake.web.reader import CopyUnavailable, StoreCopies

# Stands in for an ingest: holds the database open for writing until its stdin closes.
HOLDER = (
    "import sys, duckdb; connection = duckdb.connect(sys.argv[1]); "
    "print('ready', flush=True); sys.stdin.read()"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "held.duckdb"
    build_store(path)
    return path


@pytest.fixture
def locked_db(db: Path) -> Iterator[Path]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        yield db
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.mark.parametrize("page", ["/", "/events", "/events/kyiv-1-e0"])
def test_pages_work_while_a_writer_holds_the_file(locked_db: Path, page: str) -> None:
    client = local_client(create_app(locked_db))
    assert client.get(page).status_code == 200
    twin = client.get("/index.json" if page == "/" else f"{page}.json")
    assert twin.status_code == 200


def _add_article(db: Path, doc_id: str) -> None:
    spec = EventSpec(("Chile", "CHL"), ("Peru", "PER"), "praised", "051", 1, 3.4, "COOPERATE")
    coded = coded_article(doc_id, [("Chile praised Peru.", [spec])], published=dt.date(2024, 6, 1))
    with Store.open(db) as store:
        store.add(
            coded, run_id=store.start_run(command="t", kittiwake_version="0", dictionaries="")
        )


def _article_count(copies: StoreCopies) -> int:
    with copies.reading() as store:
        row = store.connection.execute("SELECT count(*) FROM articles").fetchone()
    assert row is not None
    return int(row[0])


def test_a_copy_is_taken_only_when_the_file_changed(db: Path) -> None:
    copies = StoreCopies(db, min_age=0)
    assert [_article_count(copies) for _ in range(5)] == [len(ARTICLES)] * 5
    assert copies.copies_taken == 1
    _add_article(db, "later-1")
    assert _article_count(copies) == len(ARTICLES) + 1
    assert copies.copies_taken == 2
    assert len(copies.folders) == 1  # the replaced copy was removed
    copies.close()
    assert copies.folders == []


def test_a_recent_copy_is_reused_until_min_age(db: Path) -> None:
    copies = StoreCopies(db, min_age=3600)
    assert _article_count(copies) == len(ARTICLES)
    _add_article(db, "later-2")
    assert _article_count(copies) == len(ARTICLES)  # at most one copy per min_age
    assert copies.copies_taken == 1
    copies.close()


def test_a_copy_in_use_outlives_its_replacement(db: Path) -> None:
    copies = StoreCopies(db, min_age=0)
    with copies.reading() as old:
        _add_article(db, "later-3")
        assert _article_count(copies) == len(ARTICLES) + 1
        assert len(copies.folders) == 2  # the old copy is still being read
        assert old.connection.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert len(copies.folders) == 1
    copies.close()


def test_missing_store_is_503(tmp_path: Path) -> None:
    response = local_client(create_app(tmp_path / "absent.duckdb")).get("/runs.json")
    assert response.status_code == 503
    assert "no kittiwake database" in response.json()["error"]
    with pytest.raises(CopyUnavailable), StoreCopies(tmp_path / "absent.duckdb").reading():
        pass
