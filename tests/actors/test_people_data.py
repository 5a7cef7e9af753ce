"""Checks on the dated people lists in src/kittiwake/data/actors/people/*.yaml.

Uses only PyYAML and the standard library so the data can be checked independently of the
loader that turns these files into actor dictionaries.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

PEOPLE_DIR = (
    Path(__file__).resolve().parents[2] / "src" / "kittiwake" / "data" / "actors" / "people"
)
PERSON_FIELDS = {"id", "name", "aliases", "roles", "surname"}
ROLE_FIELDS = {"code", "start", "end", "title"}
CODE_PATTERN = re.compile(r"^[A-Z]{3,}$")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2027, 12, 31)

Person = dict[str, Any]


@functools.cache  # 2,000 people parsed once, not once per test (tests only read them)
def _load_file(path: Path) -> list[Person]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    assert isinstance(data, list), f"{path.name}: top level must be a list of people"
    return data


def _files() -> list[Path]:
    return sorted(PEOPLE_DIR.glob("*.yaml"))


def _all_people() -> list[Person]:
    return [person for path in _files() for person in _load_file(path)]


def _person(person_id: str) -> Person:
    matches = [person for person in _all_people() if person["id"] == person_id]
    assert len(matches) == 1, f"expected exactly one person with id {person_id}"
    return matches[0]


def _holds(person: Person, *, code: str, day: dt.date) -> bool:
    """True when the person has a role with this code covering the day (end exclusive)."""
    for role in person["roles"]:
        end = role["end"] if role["end"] is not None else dt.date.max
        if role["code"] == code and role["start"] <= day < end:
            return True
    return False


def test_people_files_exist() -> None:
    names = {path.name for path in _files()}
    assert {"north_america.yaml", "europe.yaml", "international.yaml"} <= names


@pytest.mark.parametrize("path", _files(), ids=lambda path: path.name)
def test_file_parses_with_known_fields(path: Path) -> None:
    for person in _load_file(path):
        assert isinstance(person, dict)
        assert set(person) <= PERSON_FIELDS, f"{path.name}: {person.get('id')}: unknown field"
        assert {"id", "name", "roles"} <= set(person), f"{path.name}: missing field"
        assert ID_PATTERN.match(person["id"]), person["id"]
        assert isinstance(person["name"], str) and person["name"].strip()
        aliases = person.get("aliases", [])
        assert isinstance(aliases, list) and all(isinstance(a, str) and a for a in aliases)
        assert person["roles"], f"{person['id']}: no roles"
        for role in person["roles"]:
            assert set(role) == ROLE_FIELDS, f"{person['id']}: role fields {sorted(role)}"


def test_ids_unique_across_files() -> None:
    counts = Counter(person["id"] for person in _all_people())
    duplicates = sorted(person_id for person_id, count in counts.items() if count > 1)
    assert duplicates == []


def test_aliases_differ_from_name_and_each_other() -> None:
    problems = []
    for person in _all_people():
        aliases = person.get("aliases", [])
        if person["name"] in aliases or len(set(aliases)) != len(aliases):
            problems.append(person["id"])
    assert problems == []


def test_roles_are_well_formed() -> None:
    problems = []
    for person in _all_people():
        for role in person["roles"]:
            start, end = role["start"], role["end"]
            ok = (
                CODE_PATTERN.match(str(role["code"])) is not None
                and isinstance(role["title"], str)
                and role["title"].strip() != ""
                and isinstance(start, dt.date)
                and EARLIEST <= start <= LATEST
                and (end is None or (isinstance(end, dt.date) and start < end <= LATEST))
            )
            if not ok:
                problems.append((person["id"], role))
    assert problems == []


def test_at_most_one_open_role_per_person() -> None:
    many_open = [
        person["id"]
        for person in _all_people()
        if sum(role["end"] is None for role in person["roles"]) > 1
    ]
    assert many_open == []


def test_total_role_count() -> None:
    total = sum(len(person["roles"]) for person in _all_people())
    assert total >= 1500


@pytest.mark.parametrize(
    ("person_id", "code", "day"),
    [
        ("john_kerry", "USAGOV", dt.date(2015, 12, 16)),
        ("john_kerry", "USALEG", dt.date(2010, 1, 1)),
        ("vladimir_putin", "RUSGOV", dt.date(2010, 1, 1)),
        ("vladimir_putin", "RUSGOV", dt.date(2020, 1, 1)),
        ("barack_obama", "USAGOV", dt.date(2015, 12, 16)),
        ("bashar_al_assad", "SYRGOV", dt.date(2015, 12, 16)),
        ("sergey_lavrov", "RUSGOV", dt.date(2015, 6, 1)),
        ("abu_bakr_al_baghdadi", "IMGMUSISI", dt.date(2015, 6, 1)),
        ("osama_bin_laden", "IMGMUSALQ", dt.date(2005, 1, 1)),
        ("hassan_nasrallah", "LBNREB", dt.date(2006, 7, 12)),
        ("angela_merkel", "DEUGOV", dt.date(2015, 9, 1)),
        ("ban_ki_moon", "IGOUNO", dt.date(2012, 1, 1)),
        ("recep_tayyip_erdogan", "TURGOV", dt.date(2016, 7, 15)),
        ("volodymyr_zelensky", "UKRGOV", dt.date(2022, 2, 24)),
        ("xi_jinping", "CHNGOV", dt.date(2020, 1, 1)),
    ],
)
def test_known_role_on_date(person_id: str, code: str, day: dt.date) -> None:
    assert _holds(_person(person_id), code=code, day=day)


@pytest.mark.parametrize(
    ("person_id", "code", "day"),
    [
        ("john_kerry", "USAGOV", dt.date(2010, 1, 1)),
        ("barack_obama", "USAGOV", dt.date(2018, 1, 1)),
        ("bashar_al_assad", "SYRGOV", dt.date(2025, 1, 1)),
        ("donald_trump", "USAGOV", dt.date(2022, 1, 1)),
    ],
)
def test_no_role_on_date(person_id: str, code: str, day: dt.date) -> None:
    assert not _holds(_person(person_id), code=code, day=day)
