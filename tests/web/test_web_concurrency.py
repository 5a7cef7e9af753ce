"""The dashboard and an ingest share one DuckDB file: neither may make the other fail."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_factories import build_store

from kittiwake.store import Store, StoreLockedError
from kittiwake.store import db as store_db

# Stands in for a reader in another process (a CLI query): holds the file read-only for
# argv[2] seconds, or until its stdin closes when that is 0.
READER = (
    "import sys, time, duckdb; connection = duckdb.connect(sys.argv[1], read_only=True); "
    "print('ready', flush=True); seconds = float(sys.argv[2]); "
    "time.sleep(seconds) if seconds else sys.stdin.read(); connection.close()"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    build_store(path)
    return path


def _reader(db: Path, seconds: float) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


@pytest.fixture
def brief_reader(db: Path) -> Iterator[subprocess.Popen[str]]:
    process = _reader(db, 0.3)
    yield process
    process.wait(timeout=30)


@pytest.fixture
def stuck_reader(db: Path) -> Iterator[subprocess.Popen[str]]:
    process = _reader(db, 0)
    yield process
    assert process.stdin is not None
    process.stdin.close()
    process.wait(timeout=30)


def test_a_writer_waits_out_a_brief_reader(db: Path, brief_reader: subprocess.Popen[str]) -> None:
    assert brief_reader.poll() is None  # the reader still holds the file
    with Store.open(db) as store:
        assert not store.read_only  # the writer got in once the reader let go
    # (not `poll()` here: the reader closes the file before its interpreter has exited)
    assert brief_reader.wait(timeout=30) == 0


def test_a_writer_gives_up_after_a_bounded_wait(
    db: Path, stuck_reader: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "WRITE_LOCK_WAIT_S", 0.3)
    started = time.monotonic()
    with pytest.raises(StoreLockedError, match="still locked after 0.3 s of retries"):
        Store.open(db)
    assert 0.25 <= time.monotonic() - started < 5
