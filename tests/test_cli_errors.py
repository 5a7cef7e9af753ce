"""User errors end in one line on stderr and exit code 2; bugs keep their traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import kittiwake
from kittiwake.cli.groups import USER_ERROR_EXIT, main
from kittiwake.errors import KittiwakeError
from kittiwake.nlp import ModelNotFoundError
from kittiwake.store import StoreLockedError
from kittiwake.yamlio import ResourceError

BAD_PATTERNS = "- id: accuse.x\n  cameo: '112'\n  verbs: [accuse\n"
BAD_DICTIONARY = "countries:\n  - id: FRA\n    names: [France\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("France accused Iran of lying.\n", encoding="utf-8")
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_user_error(result: Result, *, says: str) -> None:
    assert result.exit_code == USER_ERROR_EXIT, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert says in lines[0]
    assert "Traceback" not in result.output


def test_user_error_classes_share_one_base() -> None:
    for error in (ResourceError, ModelNotFoundError, StoreLockedError):
        assert issubclass(error, KittiwakeError)


def test_a_bad_patterns_file_is_one_line_naming_file_and_line(story: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad_patterns.yaml"
    bad.write_text(BAD_PATTERNS, encoding="utf-8")
    assert_user_error(run("code", str(story), "--patterns", str(bad)), says="bad_patterns.yaml:")


def test_a_bad_dictionary_file_is_one_line_naming_file_and_line(
    story: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad_dictionary.yaml"
    bad.write_text(BAD_DICTIONARY, encoding="utf-8")
    result = run("code", str(story), "--dictionary", str(bad))
    assert_user_error(result, says="bad_dictionary.yaml:")


def test_bad_files_fail_before_ingest_starts_workers(story: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad_patterns.yaml"
    bad.write_text(BAD_PATTERNS, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    args = ["ingest", str(story), "--db", str(db), "--workers", "2", "--no-progress"]
    assert_user_error(run(*args, "--patterns", str(bad)), says="bad_patterns.yaml:")


def test_a_missing_model_option_is_one_line(story: Path) -> None:
    result = run("code", str(story), "--model", "no_such_pipeline_sm")
    assert_user_error(result, says="'no_such_pipeline_sm' is not installed")


def test_a_missing_model_in_the_environment_is_one_line(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITTIWAKE_MODEL", "no_such_pipeline_env")
    assert_user_error(run("code", str(story)), says="'no_such_pipeline_env' is not installed")


HOLDER = """
import sys, duckdb
connection = duckdb.connect(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def locked_db(tmp_path: Path) -> Iterator[Path]:
    """A database another process holds open for writing, as a running ingest does."""
    db = tmp_path / "events.duckdb"
    env = dict(os.environ, PYTHONPATH=str(Path(kittiwake.__file__).parents[1]))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield db
    finally:
        holder.kill()
        holder.wait()


def test_a_locked_database_is_one_line_for_queries_and_ingests(
    locked_db: Path, story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kittiwake.store.db.WRITE_LOCK_WAIT_S", 0.2)
    assert_user_error(run("events", "--db", str(locked_db)), says="is locked")
    ingest = run("ingest", str(story), "--db", str(locked_db), "--workers", "1", "--no-progress")
    assert_user_error(ingest, says="is locked")


def test_a_bug_keeps_its_traceback(story: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kittiwake.pipeline

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(kittiwake.pipeline, "Pipeline", broken)
    result = run("code", str(story))
    assert isinstance(result.exception, ZeroDivisionError)
    assert result.exit_code == 1


def test_a_missing_patterns_file_in_the_environment_is_one_line(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITTIWAKE_PATTERNS", str(tmp_path / "gone.yaml"))
    assert_user_error(run("code", str(story)), says="gone.yaml:1: ")
