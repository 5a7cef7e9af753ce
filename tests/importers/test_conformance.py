"""The PETRARCH conformance scoring on a synthetic record file (our own sentences)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kittiwake.importers.conformance import (
    CONTRADICTED,
    NOT_CAMEO,
    NOT_GROUPS,
    NOT_IMPLEMENTED,
    Expected,
    Outcome,
    UnitTest,
    exclusion,
    outcome,
    read_unit_tests,
)

RECORDS = """<Validation>
<!-- a comment -->
<Sentences>
<Sentence date = "20010203" id ="T-1" category="VERB"  sentence="true">
<EventCoding sourcecode="VLM" targetcode='"KAR"' eventcode="042"></EventCoding>
<Text>
Velmora visited
  Karovia.
</Text>
</Sentence>
<Sentence date="20010203" id="T-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20010203" id="T-3" category="ERROR" sentence="true">
<EventCoding error="bad"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence date="20010203" id="T-4" category="AGENT" sentence="false">
<EventCoding sourcecode="VLM" targetcode="KAR" eventcode="042"></EventCoding>
<Text>Velmora visited Karovia.</Text>
</Sentence>
<Sentence date="20010203" id="AGENT-12" category="AGENT" sentence="true">
<EventCoding sourcecode="VLM" targetcode="KAR" eventcode="042"></EventCoding>
<Text>Velmora visited Karovia.</Text>
</Sentence>
</Sentences>
</Validation>
"""
CODES = {"042", "043"}


@pytest.fixture
def tests(tmp_path: Path) -> list[UnitTest]:
    path = tmp_path / "records.xml"
    path.write_text(RECORDS, encoding="utf-8")
    return read_unit_tests(path)


def test_records_are_read_with_their_expectations(tests: list[UnitTest]) -> None:
    first, nothing, error, *_ = tests
    assert (first.id, first.category, first.date) == ("T-1", "VERB", dt.date(2001, 2, 3))
    assert first.text == "Velmora visited Karovia."
    assert first.expected == (Expected("VLM", "KAR", "042"),)
    assert nothing.no_events and not nothing.expected and error.error


@pytest.mark.parametrize(
    ("expected", "why"),
    [
        (Expected("VLM", "KAR", "042"), None),
        (Expected("VLM", "KAR", "345"), NOT_CAMEO),
        (Expected("ITHTV", "KAR", "042"), NOT_GROUPS),
    ],
)
def test_exclusions(expected: Expected, why: str | None) -> None:
    assert exclusion(expected, codes=CODES) == why


def test_no_events_record_passes_only_when_nothing_is_coded(tests: list[UnitTest]) -> None:
    nothing = tests[1]
    assert outcome(nothing, [], codes=CODES).passed
    first = outcome(tests[0], [], codes=CODES)
    assert first.counts and not first.passed and first.reproduced == ()


def test_loose_measure_compares_roots_and_countries(tests: list[UnitTest]) -> None:
    scored = outcome(tests[0], [], codes=CODES)
    found = frozenset({("VLMGOV", "KAR", "043")})
    loose = Outcome(scored.test, found, scored.counted, ())
    assert loose.reproduced == () and loose.reproduced_at_root == scored.counted


@pytest.mark.parametrize(
    ("index", "why"), [(0, None), (3, NOT_IMPLEMENTED), (4, CONTRADICTED["AGENT-12"])]
)
def test_records_petrarch_does_not_meet_are_left_out_whole(
    tests: list[UnitTest], index: int, why: str | None
) -> None:
    scored = outcome(tests[index], [], codes=CODES)
    assert scored.left_out == why
    assert scored.counts is (why is None)
    assert [reason for _, reason in scored.excluded] == ([] if why is None else [why])
