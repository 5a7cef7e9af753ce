"""A wheel holds only the package data pyproject.toml names: every file the package reads
(dictionaries, patterns, language files, the dashboard's templates) must be named there."""

from __future__ import annotations

import tomllib
from pathlib import Path

import kittiwake

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(kittiwake.__file__).parent


def test_package_data_names_every_file_that_is_not_code() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["kittiwake"]
    named = {path for glob in globs for path in PACKAGE.glob(glob) if path.is_file()}
    needed = {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert needed, "the package has data files"
    assert sorted(needed - named) == []
