"""A town far smaller than a namesake needs regional evidence, not the country alone."""

from __future__ import annotations

import pytest
from geo_spans import spans_of

from kittiwake.geo.gazetteer import GazEntry, Gazetteer
from kittiwake.geo.toponyms import resolve_mentions

ENTRIES = (
    GazEntry("London", 1, "PPLC", "GBR", "England", 51.51, -0.13, 8_960_000),
    GazEntry("London", 2, "PPL", "USA", "Ohio", 39.89, -83.45, 10_000),
    GazEntry("New York", 3, "PPL", "USA", "New York", 40.71, -74.01, 8_800_000),
    GazEntry("Washington", 4, "PPLC", "USA", "District of Columbia", 38.9, -77.04, 690_000),
    GazEntry("Ohio", 5, "ADM1", "USA", "Ohio", 40.4, -82.7, 11_800_000),
    GazEntry("Columbus", 6, "PPL", "USA", "Ohio", 39.96, -83.0, 900_000),
    GazEntry("Athens", 7, "PPLC", "GRC", "Attica", 37.98, 23.73, 664_000),
    GazEntry("Athens", 8, "PPL", "USA", "Georgia", 33.96, -83.38, 115_000),
    GazEntry("Atlanta", 9, "PPL", "USA", "Georgia", 33.75, -84.39, 500_000),
    GazEntry("United States", 10, "PCLI", "USA", None, 39.8, -98.6, 330_000_000),
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ENTRIES, [(entry.name, row) for row, entry in enumerate(ENTRIES)])


def _regions(text: str, names: list[str], gazetteer: Gazetteer) -> list[str | None]:
    spans = spans_of(text, names)
    resolved = resolve_mentions(text, spans, gazetteer=gazetteer)
    return [None if r is None else r.entry.admin1 for r in resolved]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # American places elsewhere in the country do not make London a town in Ohio
        (
            "Firms in New York, Washington and London.",
            ["New York", "Washington", "London"],
            ["New York", "District of Columbia", "England"],
        ),
        # a place in its state does
        (
            "From Columbus, Ohio to London.",
            ["Columbus", "Ohio", "London"],
            ["Ohio", "Ohio", "Ohio"],
        ),
        # a namesake less than a hundred times smaller keeps the country's weight
        (
            "Flights from the United States to Atlanta and Athens.",
            ["United States", "Atlanta", "Athens"],
            [None, "Georgia", "Georgia"],
        ),
    ],
)
def test_an_overshadowed_town_needs_its_region(
    gazetteer: Gazetteer, text: str, names: list[str], expected: list[str | None]
) -> None:
    assert _regions(text, names, gazetteer) == expected
