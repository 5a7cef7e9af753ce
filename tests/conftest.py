"""Fixtures shared by the whole suite, and the rule that keeps `make test-fast` fast: a test
that loads the spaCy model is marked slow."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import spacy.util

import kittiwake.nlp
from kittiwake.config import Settings
from kittiwake.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline with the shipped settings (not the environment's), built once: loading
    the model, dictionaries and gazetteer is the slow part of the tests that code text."""
    return Pipeline(Settings())


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the session pipeline is slow, marked or not."""
    for item in items:
        if "pipeline" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def model_only_in_slow_tests(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """A test not marked slow that loads an installed model fails, saying to mark it.

    (Loading a name that is not installed still fails as it would: tests of that error are
    fast.) A model loaded earlier in the session is cached, so this catches a missing mark
    when only the fast tests run, as `make test-fast` does.
    """
    if request.node.get_closest_marker("slow") is None:
        load = spacy.load

        def refuse(name: Any, *args: Any, **kwargs: Any) -> Any:
            if spacy.util.is_package(str(name)):
                raise AssertionError(f"this test loads the spaCy model {name}: mark it slow")
            return load(name, *args, **kwargs)

        monkeypatch.setattr(kittiwake.nlp.spacy, "load", refuse)
    yield
