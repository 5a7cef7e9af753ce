"""Fixtures shared by the whole suite."""

from __future__ import annotations

import pytest

from kittiwake.config import Settings
from kittiwake.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline with the shipped settings (not the environment's), built once: loading
    the model, dictionaries and gazetteer is the slow part of the tests that code text."""
    return Pipeline(Settings())
