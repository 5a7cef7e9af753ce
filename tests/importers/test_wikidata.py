"""Wikidata SPARQL results and entity dumps -> dated person entries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kittiwake.cli.dictionary  # noqa: F401 - attaches the dict commands
from kittiwake.actors.dictionaries import load_dictionaries, validate_paths
from kittiwake.cli.groups import main
from kittiwake.importers.output import to_yaml
from kittiwake.importers.wikidata import import_wikidata, parse_positions, parse_time, sector_of

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
SPARQL = (DATA / "positions.sparql.json").read_text(encoding="utf-8")
DUMP = (DATA / "entities.wikidata.json").read_text(encoding="utf-8")


def codes_on(person, day: dt.date) -> str:  # type: ignore[no-untyped-def]
    return person.role_on(day).code


def test_sparql_rows_become_dated_roles_with_a_former_role_after() -> None:
    result = import_wikidata(SPARQL)
    people = {p.name: p for p in result.people}
    kerry = people["John Kerry"]
    assert kerry.aliases == ("John Forbes Kerry", "Kerry")
    assert codes_on(kerry, dt.date(2010, 1, 1)) == "USALEG"  # "senator" -> LEG
    assert codes_on(kerry, dt.date(2015, 12, 15)) == "USAGOV"  # "Secretary of State" -> GOV
    assert codes_on(kerry, dt.date(2018, 1, 1)) == "USAELI"
    putin = people["Vladimir Putin"]  # an explicit code; still in office: no former role
    assert [r.code for r in putin.roles] == ["RUSGOV"]
    assert "Someone Unclear" not in people
    assert any("chief gardener" in str(p) for p in result.problems)


def test_dump_positions_come_from_their_entities_or_the_positions_given() -> None:
    without = import_wikidata(DUMP)
    kerry = without.people[0]
    assert [r.code for r in kerry.roles] == ["USAGOV", "USAELI"]
    assert any("Q4416090" in str(p) for p in without.problems)
    given = import_wikidata(DUMP, positions=parse_positions(["Q4416090=USALEG"]))
    kerry = given.people[0]
    assert [r.code for r in kerry.roles] == ["USALEG", "USAGOV", "USAELI"]
    assert kerry.roles[1].title == "United States Secretary of State"


def test_json_lines_dumps_are_read_too() -> None:
    lines = "\n".join(json.dumps(e) for e in json.loads(DUMP))
    assert import_wikidata(lines).people[0].name == "John Kerry"


def test_output_loads_as_a_user_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "people.yaml"
    path.write_text(to_yaml(import_wikidata(SPARQL), header="test"), encoding="utf-8")
    assert validate_paths([path]) == []
    loaded = load_dictionaries(extra_paths=[path])
    imported = [p for p in loaded.people if "people.yaml" in p.source]
    assert {p.name for p in imported} == {"John Kerry", "Vladimir Putin"}


@pytest.mark.parametrize(
    ("title", "sector"),
    [
        ("Minister of Defence of Japan", "GOV"),
        ("President of France", "GOV"),
        ("member of the Bundestag", "LEG"),
        ("Chief of the General Staff", "MIL"),
        ("judge of the Supreme Court", "JUD"),
        ("chief gardener", None),
    ],
)
def test_sectors_from_titles(title: str, sector: str | None) -> None:
    assert sector_of(title) == sector


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("+2013-02-01T00:00:00Z", dt.date(2013, 2, 1)),
        ("+1990-00-00T00:00:00Z", dt.date(1990, 1, 1)),
        ("", None),
    ],
)
def test_times(value: str, expected: dt.date | None) -> None:
    assert parse_time(value) == expected


def test_cli_rejects_a_bad_position_option_and_a_bad_file(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(
        main,
        ["dict", "import-wikidata", str(DATA / "entities.wikidata.json"), "--position", "Q1=US"],
    )
    assert bad.exit_code == 1 and "QID=CODE" in bad.output
    broken = tmp_path / "broken.json"
    broken.write_text("[\n{not json\n]\n", encoding="utf-8")
    result = runner.invoke(main, ["dict", "import-wikidata", str(broken)])
    assert result.exit_code == 1 and "line 2" in result.output
