"""Case tables for the resolver's rules on namesakes, adjectives, abbreviations and links."""

from __future__ import annotations

import pytest
from geo_spans import spans_of

from kittiwake.geo.gazetteer import GazEntry, Gazetteer
from kittiwake.geo.toponyms import resolve_mentions

ENTRIES = (
    GazEntry("United States", 1, "PCLI", "USA", None, 39.8, -98.6, 330_000_000),
    GazEntry("New Jersey", 2, "ADM1", "USA", "New Jersey", 40.1, -74.7, 9_000_000),
    GazEntry("Atlantic County", 3, "ADM2", "USA", "New Jersey", 39.47, -74.63, 270_000),
    GazEntry("Atlantic Ocean", -1, "OCN", "CPV", None, 10.0, -25.0, 0),
    GazEntry("England", 4, "ADM1", "GBR", "England", 52.5, -1.5, 56_000_000),
    GazEntry("English", 5, "PPL", "USA", "Indiana", 38.33, -86.46, 630),
    GazEntry("Guernsey", 6, "PCLI", "GGY", None, 49.45, -2.58, 65_000),
    GazEntry("Guernsey County", 7, "ADM2", "USA", "Ohio", 40.05, -81.49, 39_000),
    GazEntry("Ohio", 8, "ADM1", "USA", "Ohio", 40.4, -82.7, 11_800_000),
    GazEntry("India", 9, "PCLI", "IND", None, 22.0, 79.0, 1_350_000_000),
    GazEntry("Indiana", 10, "ADM1", "USA", "Indiana", 40.0, -86.1, 6_700_000),
    GazEntry("Huntsville", 11, "PPL", "USA", "Alabama", 34.73, -86.59, 215_000),
    GazEntry("Twickenham", 12, "PPL", "GBR", "England", 51.45, -0.33, 62_000),
    GazEntry("Köln", 13, "PPL", "DEU", "Nordrhein-Westfalen", 50.93, 6.95, 1_024_000),
    GazEntry("Cologne", 14, "PPL", "ITA", "Lombardia", 45.58, 9.94, 7_000),
    GazEntry("Geneva", 15, "PPL", "CHE", "Geneva", 46.2, 6.14, 184_000),
    GazEntry("Alabama", 16, "ADM1", "USA", "Alabama", 32.75, -86.75, 4_900_000),
    GazEntry("Germany", 17, "PCLI", "DEU", None, 51.5, 10.5, 83_000_000),
    GazEntry("Québec", 18, "PPL", "CAN", "Quebec", 46.81, -71.21, 530_000),
    GazEntry("New Britain", 19, "PPL", "USA", "Connecticut", 41.66, -72.78, 73_000),
    GazEntry("Connecticut", 20, "ADM1", "USA", "Connecticut", 41.6, -72.7, 3_600_000),
)
NAMES = (
    *((entry.name, row) for row, entry in enumerate(ENTRIES)),
    ("Atlantic", 3),
    ("Atlantic", 4),
    ("IND", 9),
    ("Ind.", 10),
    ("Twickenham", 11),  # Huntsville's former name
    ("Cologne", 13),  # the English name of Köln
    ("Guernsey", 7),
    ("Quebec City", 19),  # an old name of a part of New Britain
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ENTRIES, NAMES)


def _resolve(text: str, names: list[str], gazetteer: Gazetteer) -> list[str | None]:
    spans = spans_of(text, names)
    resolved = resolve_mentions(text, spans, gazetteer=gazetteer)
    return [None if r is None else r.entry.name for r in resolved]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # an ocean is not the county named after it, even in a story in New Jersey
        ("Storms in New Jersey and the Atlantic.", ["New Jersey", "Atlantic"], "Atlantic Ocean"),
        # ... unless the county word says so
        (
            "Storms in New Jersey and Atlantic County.",
            ["New Jersey", "Atlantic County"],
            "Atlantic County",
        ),
        # an adjective whose namesakes are hamlets names the region it comes from
        ("The English city of Salisbury.", ["English"], "England"),
        # a county word rules out the country of the same name
        ("Courts in Guernsey County, Ohio.", ["Guernsey County", "Ohio"], "Guernsey County"),
        ("Ferries to Guernsey.", ["Guernsey"], "Guernsey"),
        # a written abbreviation is the state it abbreviates, not the code it spells
        ("JEFFERSONVILLE, Ind. (AP)", ["Ind."], "Indiana"),
        ("Exports to IND.", ["IND"], "India"),
        # a town bearing a name only as a former name loses to the town whose name it is
        ("Rugby at Twickenham.", ["Twickenham"], "Twickenham"),
        # ... but not an exonym of a far larger city
        ("The cathedral of Cologne.", ["Cologne"], "Köln"),
        # a smaller town bearing a name only as an alternate name is no candidate at all
        (
            "From Connecticut to Quebec City.",
            ["Connecticut", "Quebec City"],
            "Québec",
        ),
    ],
)
def test_namesake_rules(gazetteer: Gazetteer, text: str, names: list[str], expected: str) -> None:
    assert expected in _resolve(text, names, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "A briefing at the Palais des Nations in Geneva.",
        "A briefing at the Palais des Nations, Geneva.",
        "A briefing at the Palais des Nations at Geneva.",
    ],
)
def test_an_unknown_building_is_placed_at_the_place_named_after_it(
    gazetteer: Gazetteer, text: str
) -> None:
    names = ["Palais des Nations", "Geneva"]
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    first, _ = resolve_mentions(text, spans, gazetteer=gazetteer)
    assert first is not None and (first.entry.name, first.method) == ("Geneva", "part")


def test_a_building_not_linked_to_the_next_place_goes_to_the_focus(gazetteer: Gazetteer) -> None:
    text = "Talks at the Palais des Nations. Later, Germany and Geneva."
    names = ["Palais des Nations", "Germany", "Geneva"]
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    first = resolve_mentions(text, spans, gazetteer=gazetteer)[0]
    assert first is not None and first.method == "focus"
