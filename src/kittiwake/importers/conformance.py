"""PETRARCH conformance: code PETRARCH's unit-test records with its validation dictionaries,
imported by kittiwake's importers, and compare with the events the records expect.

The records (`PETR.UnitTest.records.xml`) are read where they lie, never copied. Each
`<Sentence>` has an id, a category (DEMO, ACTOR, VERB, ...), a date, its text and expected
events (`<EventCoding sourcecode=.. targetcode=.. eventcode=..>`), or `noevents="True"`, or
`error=..` (a test of PETRARCH's input checks, not of coding).

An expected event is reproduced when kittiwake codes an event in that sentence's text with
the same CAMEO code, source code and target code. Events kittiwake cannot produce by
construction are left out of the count, each with its reason: a code outside kittiwake's
CAMEO codebook (the validation verbs are partly WEIS codes) and actor codes not made of
three-letter groups (kittiwake's code format).

Whole records are left out, with the reason, where PETRARCH itself does not meet them: the
records marked `sentence="false"` (their own comments say "currently not implemented" in
PETRARCH), and the records in `CONTRADICTED`, whose expected events contradict both another
record with the same text and date and the validation dictionaries, so that no coder,
PETRARCH included, passes both.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kittiwake.actors.dictionaries import Dictionaries
from kittiwake.importers.output import patterns_yaml, to_yaml
from kittiwake.importers.petrarch import (
    CAMEO_CODE,
    import_actors,
    import_agents,
    import_discards,
)
from kittiwake.importers.petrarch_verbs import import_verbs
from kittiwake.records import Event

VALIDATION_FILES = {
    "actors": "PETR.Validate.actors.txt",
    "agents": "PETR.Validate.agents.txt",
    "discards": "PETR.Validate.discards.txt",
    "verbs": "PETR.Validate.verbs.txt",
}
RECORDS = "PETR.UnitTest.records.xml"
NOT_CAMEO = "event code not in kittiwake's CAMEO codebook (the validation verbs use WEIS codes)"
NOT_GROUPS = "actor code not made of three-letter groups (kittiwake's code format)"
NOT_IMPLEMENTED = 'record marked sentence="false": "currently not implemented" in PETRARCH'
# Record id -> why its expectation cannot be met by any coder of these dictionaries.
CONTRADICTED = {
    record: (
        "expects CALLEG for 'The Calenardhon government' where AGENT-09, the same sentence "
        "on the same date, expects CALGOV, as the validation agents say (GOVERNMENT [~GOV])"
    )
    for record in ("AGENT-12", "AGENT-13")
}


@dataclass(frozen=True, slots=True)
class Expected:
    source: str
    target: str
    code: str

    def triple(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.code)


@dataclass(frozen=True, slots=True)
class UnitTest:
    id: str
    category: str
    date: dt.date
    text: str
    expected: tuple[Expected, ...]
    no_events: bool  # the record expects no event at all
    error: bool  # a test of PETRARCH's input checks
    implemented: bool = True  # sentence="false": PETRARCH does not implement what it tests


@dataclass(frozen=True, slots=True)
class Outcome:
    """One record coded: what was expected, found, and left out (with why)."""

    test: UnitTest
    found: frozenset[tuple[str, str, str]]
    counted: tuple[Expected, ...]
    excluded: tuple[tuple[Expected, str], ...]
    left_out: str | None = None  # why the whole record is left out

    @property
    def reproduced(self) -> tuple[Expected, ...]:
        return tuple(e for e in self.counted if e.triple() in self.found)

    @property
    def reproduced_at_root(self) -> tuple[Expected, ...]:
        """Reproduced at CAMEO root and both actors' first three letters (their countries),
        the looser measure issue 13 started from."""
        loose = {loosely(found) for found in self.found}
        return tuple(e for e in self.counted if loosely(e.triple()) in loose)

    @property
    def counts(self) -> bool:
        """False when the record or every expected event is left out: it tests nothing we
        can do."""
        return self.left_out is None and (self.test.no_events or bool(self.counted))

    @property
    def passed(self) -> bool:
        if self.test.no_events:
            return not self.found
        return len(self.reproduced) == len(self.counted)


@dataclass(frozen=True, slots=True)
class ValidationImport:
    """The validation dictionaries as kittiwake files, and how much of each was left out."""

    dictionaries: tuple[Path, ...]
    patterns: Path
    left_out: dict[str, int]


def loosely(triple: tuple[str, str, str]) -> tuple[str, str, str]:
    source, target, code = triple
    return (source[:3], target[:3], code[:2])


def read_unit_tests(path: Path) -> list[UnitTest]:
    """The records of PETRARCH's unit-test file."""
    root = ET.parse(path).getroot()
    return [unit_test(element) for element in root.iter("Sentence")]


def unit_test(element: ET.Element) -> UnitTest:
    codings = element.findall("EventCoding")
    expected = tuple(
        Expected(*(clean_code(c.get(k, "")) for k in ("sourcecode", "targetcode", "eventcode")))
        for c in codings
        if c.get("eventcode") is not None
    )
    return UnitTest(
        id=element.get("id", "").strip(),
        category=element.get("category", "").strip(),
        date=dt.datetime.strptime(element.get("date", "").strip(), "%Y%m%d").date(),
        text=" ".join((element.findtext("Text") or "").split()),
        expected=expected,
        no_events=any(c.get("noevents", "").strip() == "True" for c in codings),
        error=any(c.get("error") is not None for c in codings),
        implemented=element.get("sentence", "true").strip().lower() != "false",
    )


def clean_code(raw: str) -> str:
    return raw.strip().strip('"').strip()


def exclusion(expected: Expected, *, codes: Collection[str]) -> str | None:
    """Why kittiwake cannot produce an expected event by construction, or None."""
    if expected.code not in codes:
        return NOT_CAMEO
    if not all(CAMEO_CODE.fullmatch(actor) for actor in (expected.source, expected.target)):
        return NOT_GROUPS
    return None


def import_validation(
    folder: Path,
    *,
    out: Path,
    shipped: Dictionaries,
    codes: Collection[str],
    alone: bool = False,
) -> ValidationImport:
    """Convert the validation dictionaries in `folder` to kittiwake files under `out`; `alone`:
    for use without the shipped dictionaries, the agents hold PETRARCH's words only."""
    read = {
        kind: (folder / name).read_text(encoding="utf-8", errors="replace")
        for kind, name in VALIDATION_FILES.items()
    }
    # alone, a country is PETRARCH's entry only, without the shipped capital and adjectives
    # ("Pyongyang" is PRK, not PRKGOV); the shipped agents still tell sector codes (MED)
    base = replace(shipped, countries=()) if alone else shipped
    results = {
        "actors": import_actors(read["actors"], shipped=base, source=VALIDATION_FILES["actors"]),
        "agents": import_agents(
            read["agents"],
            shipped=shipped.agents,
            source=VALIDATION_FILES["agents"],
            keep_shipped_words=not alone,
        ),
        "discards": import_discards(read["discards"], source=VALIDATION_FILES["discards"]),
    }
    paths = []
    for kind, result in results.items():
        path = out / f"{kind}.yaml"
        path.write_text(to_yaml(result, header=f"conformance: {kind}"), encoding="utf-8")
        paths.append(path)
    verbs = import_verbs(read["verbs"], codes=codes, source=VALIDATION_FILES["verbs"])
    patterns = out / "verbs.yaml"
    patterns.write_text(patterns_yaml(verbs, header="conformance: verbs"), encoding="utf-8")
    left_out = {kind: len(result.problems) for kind, result in results.items()}
    left_out["verbs"] = len(verbs.problems)
    return ValidationImport(tuple(paths), patterns, left_out)


def triples(events: Iterable[Event]) -> frozenset[tuple[str, str, str]]:
    return frozenset(
        (
            e.source.actor.code if e.source else "",
            e.target.actor.code if e.target else "",
            e.cameo,
        )
        for e in events
    )


def record_exclusion(test: UnitTest) -> str | None:
    """Why a whole record is left out (PETRARCH does not meet it either), or None."""
    if not test.implemented:
        return NOT_IMPLEMENTED
    return CONTRADICTED.get(test.id)


def outcome(test: UnitTest, events: Sequence[Event], *, codes: Collection[str]) -> Outcome:
    left_out = record_exclusion(test)
    counted, excluded = [], []
    for expected in test.expected:
        why = left_out or exclusion(expected, codes=codes)
        if why is None:
            counted.append(expected)
        else:
            excluded.append((expected, why))
    return Outcome(test, triples(events), tuple(counted), tuple(excluded), left_out)
