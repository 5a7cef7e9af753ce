"""PETRARCH/TABARI dictionaries -> kittiwake entries and YAML that kittiwake loads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import kittiwake.cli.dictionary  # noqa: F401 - attaches the dict commands
from kittiwake.actors.dictionaries import AgentEntry, load_dictionaries, validate_paths
from kittiwake.cli.groups import main
from kittiwake.importers.output import to_yaml
from kittiwake.importers.petrarch import (
    display_name,
    import_actors,
    import_agents,
    is_agent_dictionary,
    parse_date,
    strip_comments,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
ACTORS = (DATA / "actors.petrarch.txt").read_text(encoding="utf-8")
AGENTS = (DATA / "agents.petrarch.txt").read_text(encoding="utf-8")


def test_people_get_dated_roles_and_the_undated_code_for_other_times() -> None:
    people = {p.name: p for p in import_actors(ACTORS).people}
    kerry = people["John Kerry"]
    assert kerry.aliases == ("Secretary Kerry",)
    assert kerry.role_on(dt.date(2015, 12, 15)).code == "USAGOV"  # type: ignore[union-attr]
    assert kerry.role_on(dt.date(2010, 6, 1)).code == "USALEG"  # type: ignore[union-attr]
    assert kerry.role_on(dt.date(2018, 1, 1)).code == "USAELI"  # type: ignore[union-attr]
    annan = people["Kofi Annan"]  # "[ELI]" after "[IGOUNO ...]" takes the IGO prefix
    assert [r.code for r in annan.roles] == ["IGOUNO", "IGOELI", "IGOELI"]  # before, after
    assert people["Vladimir Putin"].roles[0].start == dt.date(1999, 12, 31)
    assert people["Old King"].roles[0].end == dt.date(1965, 1, 1)


def test_single_codes_become_countries_or_organisations_and_names_wait_for_a_code() -> None:
    result = import_actors(ACTORS)
    organisations = {o.name: o for o in result.organisations}
    assert [(c.id, c.names) for c in result.countries] == [("NOR", ("Nordland", "Norwegian"))]
    assert organisations["Oslo Government"].code == "NORGOV"
    assert organisations["Oslo Government"].sector == "GOV"
    world = organisations["U.N."]  # "U.N._" and "WORLD_BODY" share the code after them
    assert world.names == ("U.N.", "World Body") and world.country is None
    assert world.sector == "IGO"
    assert "Armed Resistance Front" not in organisations  # [---]: no code
    uncoded = next(p for p in result.people if p.name == "Armed Resistance Front")
    assert [r.code for r in uncoded.roles] == [""]


def test_what_cannot_be_converted_is_reported_with_its_line() -> None:
    problems = [str(p) for p in import_actors(ACTORS).problems]
    assert any("2004017" in p and p.startswith("line 25:") for p in problems)
    assert any("end is not after start" in p for p in problems)
    assert any("[G77]" in p for p in problems)
    assert any("'Broken Dates' has no code" in p for p in problems)  # none of its codes was usable


def test_agents_are_grouped_by_code_with_macros_and_plurals() -> None:
    shipped = (AgentEntry("GOV", "GOV", "Government", ("government",), 10, "shipped"),)
    result = import_agents(AGENTS, shipped=shipped)
    agents = {a.id: a for a in result.agents}
    assert agents["GOV"].words[0] == "government"  # the shipped words stay
    assert agents["GOV"].priority == 10
    assert {"foreign minister", "foreign ministers", "foreign ministry"} <= set(agents["GOV"].words)
    assert set(agents["LEG"].words) == {
        "congressman",
        "congressmen",
        "congresswoman",
        "congresswomen",
    }
    assert set(agents["JUD"].words) == {"attorney general", "attorneys general"}
    assert agents["IGO.prefix"].words == ("peacekeeping troops",)  # [IGO~]: a prefix
    assert agents["IGO.prefix"].prefix and agents["IGO.prefix"].code == "IGO"
    assert {"herder", "herders"} == set(agents["AGR"].words)
    assert [p.line for p in result.problems] == [10, 11]


@pytest.mark.parametrize(("keep", "has_shipped_word"), [(True, True), (False, False)])
def test_agents_alone_hold_the_files_words_only(keep: bool, has_shipped_word: bool) -> None:
    shipped = (AgentEntry("GOV", "GOV", "Government", ("mayor",), 10, "shipped"),)
    result = import_agents(AGENTS, shipped=shipped, keep_shipped_words=keep)
    government = {a.id: a for a in result.agents}["GOV"]
    assert ("mayor" in government.words) is has_shipped_word
    assert "foreign minister" in government.words
    assert government.priority == 10  # the shipped id, name and priority stay either way


def test_kind_of_dictionary_is_told_from_its_codes() -> None:
    assert is_agent_dictionary(AGENTS) and not is_agent_dictionary(ACTORS)


def test_comments_and_comment_blocks_are_dropped() -> None:
    lines = dict(strip_comments("A [X] # note\n<!-- one\ntwo -->B\n<!-- x --> C\n"))
    assert lines == {1: "A [X]", 3: "B", 4: " C"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("KOFI_ANNAN_", "Kofi Annan"),
        ("UN_", "UN"),
        ("U.N._SECRETARY_GENERAL", "U.N. Secretary General"),
        ("BAN_KI-MOON", "Ban Ki-Moon"),
        ("SECRETARY_GENERAL_OF_THE_UNITED_NATIONS_", "Secretary General of the United Nations"),
    ],
)
def test_display_names(raw: str, expected: str) -> None:
    assert display_name(raw) == expected


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("991231", dt.date(1999, 12, 31)),
        ("130201", dt.date(2013, 2, 1)),
        ("20130201", dt.date(2013, 2, 1)),
    ],
)
def test_dates(digits: str, expected: dt.date) -> None:
    assert parse_date(digits) == expected


@given(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2029, 12, 31)))
def test_six_and_eight_digit_dates_round_trip(day: dt.date) -> None:
    assert parse_date(day.strftime("%Y%m%d")) == day
    assert parse_date(day.strftime("%y%m%d")) == day


def test_yaml_output_loads_and_resolves_as_a_user_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "imported.yaml"
    actors, agents = (
        import_actors(ACTORS),
        import_agents(AGENTS, shipped=load_dictionaries().agents),
    )
    path.write_text(to_yaml(actors, header="test"), encoding="utf-8")
    (tmp_path / "agents.yaml").write_text(to_yaml(agents, header="test"), encoding="utf-8")
    assert validate_paths([path, tmp_path / "agents.yaml"]) == []
    loaded = load_dictionaries(extra_paths=[path, tmp_path / "agents.yaml"])
    kerry = next(p for p in loaded.people if p.name == "John Kerry")
    assert kerry.role_on(dt.date(2014, 1, 1)).code == "USAGOV"  # type: ignore[union-attr]
    government = next(a for a in loaded.agents if a.id == "GOV")
    assert "government" in government.words and "foreign ministry" in government.words


def test_cli_import_petrarch_writes_yaml_and_reports_problems(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(
        main, ["dict", "import-petrarch", str(DATA / "actors.petrarch.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "left out: actors.petrarch.txt:24: 'Broken Dates' has no code" in result.output
    assert "people" in result.output and "organisations" in result.output
    assert validate_paths([out]) == []
