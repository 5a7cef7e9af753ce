"""While another process holds the database: 503 with the store's message, or a snapshot."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_factories import build_store, local_client

from kittiwake.web import create_app

# Stands in for an ingest: holds the database open for writing until its stdin closes.
HOLDER = (
    "import sys, duckdb; connection = duckdb.connect(sys.argv[1]); "
    "print('ready', flush=True); sys.stdin.read()"
)


@pytest.fixture
def locked_db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "held.duckdb"
    build_store(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "ready"
        yield path
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.mark.parametrize("page", ["/", "/events", "/events/kyiv-1-e0"])
def test_locked_store_answers_503_with_what_to_do(locked_db: Path, page: str) -> None:
    client = local_client(create_app(locked_db))
    html = client.get(page)
    assert html.status_code == 503
    assert "locked by another process" in html.text
    assert "--snapshot" in html.text
    twin = client.get("/index.json" if page == "/" else f"{page}.json")
    assert twin.status_code == 503
    assert "--snapshot" in twin.json()["error"]


def test_snapshot_reads_a_copy_while_locked(locked_db: Path) -> None:
    copies_before = _snapshot_folders()
    client = local_client(create_app(locked_db, snapshot=True))
    response = client.get("/index.json")
    assert response.status_code == 200
    assert response.json()["counts"]["articles"] == 2
    assert _snapshot_folders() == copies_before  # each request removes its copy


def _snapshot_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("kittiwake-snapshot-*"))


def test_missing_store_is_503(tmp_path: Path) -> None:
    response = local_client(create_app(tmp_path / "absent.duckdb")).get("/runs.json")
    assert response.status_code == 503
    assert "no kittiwake database" in response.json()["error"]
