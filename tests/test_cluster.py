"""Coding on a Dask cluster gives the same store as coding in this process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kittiwake.cli.ingest  # noqa: F401 - attaches `ingest` and `recode` to the CLI
from kittiwake.cli.groups import main
from kittiwake.config import Settings
from kittiwake.ingest import ingest_paths, recode
from kittiwake.pipeline import Pipeline
from kittiwake.store import Store

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")
pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).parent / "data" / "inputs" / "articles.jsonl"
TABLES = {
    "articles": "SELECT doc_id, story_id, content_hash FROM articles ORDER BY doc_id",
    "events": "SELECT event_id, doc_id, cameo, source_code, target_code, place_country "
    "FROM events ORDER BY event_id",
    "mentions": "SELECT doc_id, seq, code FROM mentions ORDER BY doc_id, seq",
}


def contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Store.open(db, read_only=True) as store:
        return {name: store.connection.execute(q).fetchall() for name, q in TABLES.items()}


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    # Threads in this process: the test measures the plumbing, not process start-up.
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_dask_ingest_and_recode_store_the_same_as_one_process(tmp_path: Path, client: Any) -> None:
    settings = Settings()
    alone = tmp_path / "alone.duckdb"
    ingest_paths([ARTICLES], db=alone, settings=settings, pipeline=Pipeline(settings))
    on_dask = tmp_path / "dask.duckdb"
    report = ingest_paths([ARTICLES], db=on_dask, settings=settings, dask=client)
    assert report.articles > 0 and not report.errors
    assert contents(on_dask) == contents(alone)
    again = recode(on_dask, settings=settings, dask=client)
    assert again.articles == report.articles
    assert contents(on_dask) == contents(alone)


def test_cli_ingest_on_a_local_dask_cluster(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    args = ["ingest", str(ARTICLES), "--db", str(db), "--dask", "local", "--workers", "1"]
    result = CliRunner().invoke(main, [*args, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "articles stored" in result.output
    assert contents(db)["events"]


def test_cli_reports_an_unreachable_scheduler(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    args = ["ingest", str(ARTICLES), "--db", str(db), "--dask", "tcp://127.0.0.1:9"]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(main, [*args, "--no-progress"])
    assert result.exit_code == 2  # a user error: the address or the cluster is wrong
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output
