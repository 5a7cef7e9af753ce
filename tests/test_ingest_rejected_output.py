"""CLI output: `kittiwake rejected` piped or redirected shows every file name and reason whole;
a damaged or full database is one line naming it, not a traceback (issue 15, D10, D11)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

import kittiwake.cli.ingest
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


@pytest.mark.slow  # fills a database of 3,000 rows first
def test_a_damaged_database_gives_one_line_naming_it(tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    with Store.open(db) as store:
        run_id = store.start_run(command="ingest", kittiwake_version="0", dictionaries="shipped")
        for number in range(3000):
            store.add_rejected(Rejected(f"f{number}.txt", "reason " * 30), run_id=run_id)
        store.connection.execute("CHECKPOINT")
    data = bytearray(db.read_bytes())
    for block in range(3 * 4096, len(data), 256 * 1024):  # every block's checksum now fails
        data[block + 64 : block + 64 + 4096] = bytes(range(256)) * 16
    db.write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["rejected", "--db", str(db), "--format", "csv"])
    assert result.exit_code == 1
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert str(db) in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "error",
    [
        duckdb.IOException('Could not write file "events.duckdb": No space left on device'),
        OSError(28, "No space left on device"),
        duckdb.Error("Corrupt database file: computed checksum 1 does not match"),
    ],
)
def test_ingest_turns_a_full_disk_or_damaged_file_into_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def fails(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(kittiwake.cli.ingest, "ingest_paths", fails)
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db), "--no-progress"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: {db}: ") and "what was committed is kept" in line


def test_ctrl_c_during_ingest_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(kittiwake.cli.ingest, "ingest_paths", interrupted)
    db = tmp_path / "events.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db), "--no-progress"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: interrupted: what was committed is kept; run the same command again to go on"
    )
