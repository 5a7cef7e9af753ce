"""Fixtures for the web tests: one small store per session, a client over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_factories import build_store, local_client

from kittiwake.store import Store
from kittiwake.web import create_app


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def client(web_db: Path) -> TestClient:
    return local_client(create_app(web_db))


@pytest.fixture
def store(web_db: Path) -> Iterator[Store]:
    with Store.open(web_db, read_only=True) as opened:
        yield opened
