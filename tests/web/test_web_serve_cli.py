"""`kittiwake serve` hands uvicorn the app for the database it was given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_factories import local_client

from kittiwake.cli.serve import serve


def test_serve_runs_the_app_over_the_database(
    web_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []

    def fake_run(app: Any, **options: Any) -> None:
        calls.append((app, options))

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = CliRunner().invoke(serve, [str(web_db), "--port", "9000"])
    assert result.exit_code == 0, result.output
    ((app, options),) = calls
    assert options == {"host": "127.0.0.1", "port": 9000}
    assert isinstance(app, FastAPI)
    assert local_client(app).get("/runs.json").json()["runs"]


@pytest.mark.parametrize(
    ("options", "host", "status"),
    [
        ([], "localhost", 200),
        ([], "rebind.attacker.example", 400),
        (["--host", "dash.example"], "dash.example", 200),
        (["--host", "0.0.0.0", "--allow-host", "proxy.example"], "proxy.example", 200),
        (["--host", "0.0.0.0", "--allow-host", "proxy.example"], "evil.example", 400),
    ],
)
def test_served_host_names_follow_the_options(
    web_db: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], host: str, status: int
) -> None:
    apps: list[FastAPI] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: apps.append(app))
    result = CliRunner().invoke(serve, [str(web_db), *options])
    assert result.exit_code == 0, result.output
    response = TestClient(apps[0], base_url=f"http://{host}").get("/runs.json")
    assert response.status_code == status


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve, [str(tmp_path / "absent.duckdb")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
