"""Fixtures for the store tests: a fresh database, a run, and a way to add coded articles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from store_factories import make_coded

from kittiwake.records import CodedArticle, Event
from kittiwake.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def run_id(store: Store) -> int:
    return store.start_run(command="test", kittiwake_version="0", dictionaries="test")


@pytest.fixture
def add_article(store: Store, run_id: int) -> Callable[..., CodedArticle]:
    """Store a coded article built by `make_coded` and return it."""

    def add(doc_id: str, *events: Event, **article: object) -> CodedArticle:
        coded = make_coded(doc_id, events, **article)  # type: ignore[arg-type]
        assert store.add(coded, run_id=run_id)
        return coded

    return add
