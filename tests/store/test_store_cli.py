from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from store_factories import make_event

import kittiwake.cli.store  # noqa: F401  (attaches the commands)
from kittiwake.cli.groups import main
from kittiwake.store import Store


@pytest.fixture
def db(db_path: Path, store: Store, add_article: Callable[..., Any]) -> Path:
    add_article(
        "d1",
        make_event("d1", 1, date=dt.date(2024, 3, 4)),
        make_event(
            "d1",
            2,
            source="USAGOV",
            target="RUSGOV",
            cameo="042",
            goldstein=1.9,
            date=dt.date(2024, 3, 20),
        ),
        make_event("d1", 3, negated=True),
    )
    store.close()
    return db_path


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_events_jsonl_has_the_code_output_shape(db: Path) -> None:
    result = _run("events", "--db", str(db), "--actor", "USA")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["event_id"] for r in records] == ["d1-e2"]
    assert records[0]["source"]["code"] == "USAGOV"
    assert records[0]["plover"] == {"type": "ASSAULT", "mode": None, "context": ["military"]}
    assert records[0]["num_articles"] == 1


@pytest.mark.parametrize(
    ("args", "expected_ids"),
    [
        ((), {"d1-e1", "d1-e2"}),
        (("--include-negated",), {"d1-e1", "d1-e2", "d1-e3"}),
        (("--quad", "1"), {"d1-e2"}),
        (("--cameo", "19", "--side", "source", "--actor", "RUS"), {"d1-e1"}),
    ],
)
def test_events_filters_and_csv(db: Path, args: tuple[str, ...], expected_ids: set[str]) -> None:
    result = _run("events", "--db", str(db), "--format", "csv", *args)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("event_id,")
    assert {line.split(",")[0] for line in lines[1:]} == expected_ids


@pytest.mark.parametrize(
    "args",
    [
        ("dyads", "--by", "month"),
        ("timeline", "--actor", "RUS"),
        ("actors", "top", "--side", "either"),
        ("sql", "SELECT cameo, count(*) AS n FROM events GROUP BY cameo"),
        ("rejected",),
        ("events", "--format", "table"),
    ],
)
def test_aggregate_commands_print_tables(db: Path, args: tuple[str, ...]) -> None:
    command, *rest = args
    if command == "actors":
        result = _run("actors", rest[0], "--db", str(db), *rest[1:])
    else:
        result = _run(command, "--db", str(db), *rest)
    assert result.exit_code == 0, result.output
    assert result.output.strip()


def test_sql_refuses_writes(db: Path) -> None:
    result = _run("sql", "--db", str(db), "DELETE FROM events")
    assert result.exit_code == 2  # a user error
    assert "only SELECT" in result.output


def test_export_and_plot(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    result = _run("export", "--db", str(db), "--format", "gdelt", "--out", str(out))
    assert result.exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    png = tmp_path / "timeline.png"
    assert _run("plot", "timeline", "--db", str(db), "--out", str(png)).exit_code == 0
    assert png.stat().st_size > 0
    dyad = _run(
        "plot", "dyad", "--db", str(db), "--source", "CHN", "--target", "USA", "--out", str(png)
    )
    assert dyad.exit_code == 1
    assert "no events" in dyad.output


def test_locked_database_exits_with_2(db: Path) -> None:
    import subprocess
    import sys

    import kittiwake

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(Path(kittiwake.__file__).parents[1]), "PATH": ""},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        result = _run("events", "--db", str(db))
        assert result.exit_code == 2
        assert "--snapshot" in result.output
        assert _run("events", "--db", str(db), "--snapshot").exit_code == 0
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_missing_database(tmp_path: Path) -> None:
    result = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1
    assert "no kittiwake database" in result.output


def test_dates_are_validated(db: Path) -> None:
    bad = _run("events", "--db", str(db), "--start", "March")
    assert bad.exit_code == 2
    good = _run("events", "--db", str(db), "--start", "2024-03-04", "--end", "2024-03-04")
    assert [json.loads(line)["event_id"] for line in good.output.splitlines()] == ["d1-e1"]
