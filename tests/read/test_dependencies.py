"""What the HTML readers import is declared by kittiwake itself, not left to extras."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def declared() -> dict[str, str]:
    """Declared dependency name (normalised) -> its version specifier."""
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    found = {}
    for requirement in project["dependencies"]:
        match = re.match(r"([A-Za-z0-9_.-]+)\s*(?:\[[^\]]*\])?\s*(.*)", requirement)
        assert match, requirement
        found[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return found


@pytest.mark.parametrize("package", ["trafilatura", "lxml-html-clean"])
def test_html_reading_dependencies_are_declared_with_a_lower_bound(package: str) -> None:
    assert ">=" in declared().get(package, "")


def test_html_cleaner_imports() -> None:
    import lxml_html_clean  # noqa: F401 - what trafilatura and justext need at import time
