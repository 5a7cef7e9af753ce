"""A query while another process writes: a clear StoreLockedError, or a snapshot copy."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import kittiwake
from kittiwake.store import Store, StoreLockedError

# Stands in for an ingest: opens the store for writing, stores one article, then holds the
# file until its stdin closes.
WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from store_factories import make_coded, make_event
from kittiwake.store import Store

with Store.open(sys.argv[1]) as store:
    run_id = store.start_run(command="ingest", kittiwake_version="0", dictionaries="test")
    store.add(make_coded("held", (make_event("held", 1),)), run_id=run_id)
    print("ready", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def writer(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    env = dict(os.environ, PYTHONPATH=str(Path(kittiwake.__file__).parents[1]))
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(Path(__file__).parent)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def _release(writer: subprocess.Popen[str]) -> None:
    assert writer.stdin is not None
    writer.stdin.close()
    assert writer.wait(timeout=30) == 0


def test_reader_gets_a_clear_error_while_ingest_writes(
    db_path: Path, writer: subprocess.Popen[str]
) -> None:
    with pytest.raises(StoreLockedError, match="--snapshot") as caught:
        Store.open(db_path, read_only=True)
    assert "Wait for the ingest" in str(caught.value)
    _release(writer)
    with Store.open(db_path, read_only=True) as store:
        assert store.has_article("held")


@pytest.mark.slow  # waits out the writer's 2 s of retries
def test_second_writer_is_refused(db_path: Path, writer: subprocess.Popen[str]) -> None:
    with pytest.raises(StoreLockedError, match="one ingest at a time"):
        Store.open(db_path)


def test_snapshot_reads_committed_data_while_locked(
    db_path: Path, writer: subprocess.Popen[str]
) -> None:
    with Store.open(db_path, read_only=True, snapshot=True) as store:
        assert store.has_article("held")
        copy = Path(store.path)
        assert copy != db_path
    assert not copy.parent.exists()  # the temporary copy is removed on close
