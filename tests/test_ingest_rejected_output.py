"""`kittiwake rejected` piped or redirected: every file name and reason whole, not cut short."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import kittiwake.cli.store  # noqa: F401 - attaches `rejected`
from kittiwake.cli.groups import main
from kittiwake.records import Rejected
from kittiwake.store import Store

LONG_ORIGIN = (
    "/data/" + "/".join(f"folder-{index:02d}" for index in range(30)) + "/a [draft].jsonl:7"
)
LONG_REASON = "invalid JSON: " + "Expecting ',' delimiter: line 1 column 5 (char 4) " * 6


@pytest.mark.parametrize("output_format", ["table", "csv", "jsonl"])
def test_rejected_output_is_complete_when_not_a_terminal(
    tmp_path: Path, output_format: str
) -> None:
    db = tmp_path / "events.duckdb"
    with Store.open(db) as store:
        run_id = store.start_run(command="ingest", kittiwake_version="0", dictionaries="shipped")
        store.add_rejected(Rejected(LONG_ORIGIN, LONG_REASON.strip()), run_id=run_id)
    result = CliRunner().invoke(
        main, ["rejected", "--db", str(db), "--format", output_format], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert LONG_ORIGIN in result.output
    assert LONG_REASON.strip() in result.output
