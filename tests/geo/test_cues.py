"""The wording cues that say which country's press a story comes from, and their use."""

from __future__ import annotations

import pytest
from geo_spans import spans_of

from kittiwake.geo.cues import CUES, wording_countries
from kittiwake.geo.gazetteer import GazEntry, Gazetteer
from kittiwake.geo.toponyms import resolve_mentions

WORDING_EXAMPLES = [
    ("The sheriff's office said the man was held.", {"USA": 1}),
    ("Trustees of Clay Township met on Monday.", {"USA": 1}),
    ("The Palestine Independent School District said", {"USA": 1}),
    ("Berea Police Department spokesman Capt. Ken Clark", {"USA": 1}),
    ("Students at Lincoln Middle School", {"USA": 1}),
    ("Sen. Smith voted against the bill.", {"USA": 1}),
    ("A crash on Route 31 South closed the road.", {"USA": 1}),
    ("He lived at 2517 Memphis St., the police said.", {"USA": 1, "CAN": 1}),
    ("Call 952-873-6325 for details.", {"USA": 1, "CAN": 1}),
    ("Doors open at 6 p.m. on Saturday.", {"USA": 1, "CAN": 1}),
    ("Shops in downtown Paris stayed shut.", {"USA": 1, "CAN": 1}),
    ("The charge is £30 a year.", {"GBR": 1}),
    ("Councillors voted to close the library.", {"GBR": 1, "IRL": 1}),
    ("The men appeared at Kingston Crown Court.", {"GBR": 1}),
    # kinds of cue count, not words: two clock times are one cue, a phone number another
    ("From 4 p.m. to 6 p.m.; call 986-8456.", {"USA": 2, "CAN": 2}),
    # British usage, a state abbreviation after a town and a year are no cues
    ("The blast occurred at 12.45 a.m. local time.", {}),
    ("NEWARK, N.J. (AP) - United Airlines apologised.", {}),
    ("In 1996 the council met 2008 times.", {}),
]


@pytest.mark.parametrize(("text", "expected"), WORDING_EXAMPLES)
def test_wording_countries(text: str, expected: dict[str, int]) -> None:
    assert dict(wording_countries(text)) == expected


def test_every_match_holds_its_cue_literal() -> None:
    """A cue's literals only spare searching stories it cannot match in."""
    examples = " ".join(str(example[0]) for example in WORDING_EXAMPLES)
    for cue in CUES:
        matches = [match.group() for match in cue.pattern.finditer(examples)]
        assert matches, cue.name
        assert all(any(word in match for word in cue.literals) for match in matches), cue.name


ENTRIES = (
    GazEntry("Athens", 1, "PPLC", "GRC", "Attica", 37.98, 23.73, 664_000),
    GazEntry("Athens", 2, "PPL", "USA", "Texas", 32.2, -95.86, 12_700),
    GazEntry("Greece", 3, "PCLI", "GRC", None, 39.0, 22.0, 10_700_000),
    GazEntry("Richmond", 4, "PPL", "USA", "Virginia", 37.55, -77.46, 226_000),
    GazEntry("Richmond", 5, "PPL", "GBR", "England", 51.46, -0.3, 21_000),
    GazEntry("Mexico", 6, "PCLI", "MEX", None, 23.0, -102.0, 126_000_000),
    GazEntry("Mexico", 7, "PPL", "USA", "Missouri", 39.17, -91.88, 11_500),
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(ENTRIES, [(entry.name, row) for row, entry in enumerate(ENTRIES)])


def _countries(text: str, names: list[str], gazetteer: Gazetteer) -> list[str | None]:
    spans = spans_of(text, names)
    resolved = resolve_mentions(text, spans, gazetteer=gazetteer)
    return [None if r is None else r.entry.country for r in resolved]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # without cues the famous city wins
        ("The Athens City Council met on Wednesday.", ["Athens"], ["GRC"]),
        # American local-news wording makes it the American namesake
        ("The Athens City Council met at 7 p.m.; the sheriff spoke.", ["Athens"], ["USA"]),
        # ... but not when the story's other places are abroad
        (
            "Protests in Athens, Greece, began at 7 p.m.; Greece mourned. Athens was calm.",
            ["Athens", "Greece", "Greece", "Athens"],
            ["GRC", "GRC", "GRC", "GRC"],
        ),
        # British wording favours the British namesake
        ("Richmond councillors set a £30 charge.", ["Richmond"], ["GBR"]),
        ("Richmond officials set a charge.", ["Richmond"], ["USA"]),
        # a country is no namesake town: the wording does not make Mexico a Missouri town
        ("Exports to Mexico rose, the sheriff said at 7 p.m.", ["Mexico"], ["MEX"]),
    ],
)
def test_wording_favours_the_home_namesake(
    gazetteer: Gazetteer, text: str, names: list[str], expected: list[str]
) -> None:
    assert _countries(text, names, gazetteer) == expected
