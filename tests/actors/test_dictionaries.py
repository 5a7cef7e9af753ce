"""Actor dictionaries: shipped data, user overrides, validation errors with file:line, CLI."""

from __future__ import annotations

import pickle
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import kittiwake.actors.dictionaries as dictionaries_module
import kittiwake.cli.dictionary  # noqa: F401  (attaches `dict validate`)
from kittiwake.actors.dictionaries import (
    KINDS,
    Dictionaries,
    DictionaryError,
    PersonEntry,
    RoleSpan,
    count_entries,
    load_dictionaries,
    split_path_list,
    validate_paths,
)
from kittiwake.cli.groups import main

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "dictionaries"


def _line_of(path: Path, text: str) -> int:
    """1-based line of the first line of `path` containing `text`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.fixture(scope="module")
def shipped() -> Dictionaries:
    return load_dictionaries()


# --- shipped dictionaries ---------------------------------------------------------------------


def test_shipped_files_are_valid() -> None:
    assert [str(error) for error in validate_paths([])] == []


def test_shipped_counts_are_sane(shipped: Dictionaries) -> None:
    assert len(shipped.countries) >= 240
    assert len(shipped.agents) >= 20
    assert len(shipped.organisations) >= 60


def test_every_iso_country_is_present(shipped: Dictionaries) -> None:
    ids = {country.id for country in shipped.countries}
    assert {country.alpha_3 for country in pycountry.countries} <= ids
    assert {"XKX", "PSE"} <= ids


def _country(shipped: Dictionaries, iso3: str):  # noqa: ANN202 - test helper
    return next(country for country in shipped.countries if country.id == iso3)


def _organisation(shipped: Dictionaries, entry_id: str):  # noqa: ANN202 - test helper
    return next(org for org in shipped.organisations if org.id == entry_id)


@pytest.mark.parametrize(
    ("iso3", "field", "value"),
    [
        ("RUS", "government", "Kremlin"),
        ("RUS", "names", "Russian Federation"),
        ("GBR", "names", "Britain"),
        ("GBR", "names", "UK"),
        ("GBR", "government", "Downing Street"),
        ("USA", "military", "Pentagon"),
        ("USA", "adjectives", "American"),
        ("PRK", "names", "DPRK"),
        ("ARE", "adjectives", "Emirati"),
        ("SYR", "demonyms", "Syrians"),
        ("ISR", "legislature", "Knesset"),
        ("UKR", "government", "Kiev"),
    ],
)
def test_country_facts(shipped: Dictionaries, iso3: str, field: str, value: str) -> None:
    assert value in getattr(_country(shipped, iso3), field)


@pytest.mark.parametrize(
    ("entry_id", "code", "name"),
    [
        ("islamic_state", "IMGMUSISI", "Daesh"),
        ("islamic_state", "IMGMUSISI", "ISIL"),
        ("al_qaeda", "IMGMUSALQ", "al-Qaeda"),
        ("nato", "IGOWSTNAT", "NATO"),
        ("hamas", "PSEREBHMS", "Hamas"),
        ("taliban", "AFGINSTAL", "Taliban"),
    ],
)
def test_organisation_facts(shipped: Dictionaries, entry_id: str, code: str, name: str) -> None:
    organisation = _organisation(shipped, entry_id)
    assert organisation.code == code
    assert name in organisation.names


def test_organisation_sectors_and_countries_are_known(shipped: Dictionaries) -> None:
    agent_ids = {agent.id for agent in shipped.agents}
    country_ids = {country.id for country in shipped.countries}
    for organisation in shipped.organisations:
        assert organisation.sector in agent_ids, organisation.id
        assert organisation.country is None or organisation.country in country_ids
        assert organisation.names[0] == organisation.name


def test_no_surface_form_names_two_countries(shipped: Dictionaries) -> None:
    owner: dict[str, str] = {}
    for country in shipped.countries:
        forms = {*country.names, *country.adjectives, *country.government, *country.military}
        for form in forms:
            assert owner.setdefault(form.lower(), country.id) == country.id, form


def test_no_agent_word_in_two_agents(shipped: Dictionaries) -> None:
    owner: dict[str, str] = {}
    for agent in shipped.agents:
        for word in agent.words:
            assert owner.setdefault(word, agent.id) == agent.id, word


def test_sources_point_at_package_files(shipped: Dictionaries) -> None:
    path, line = shipped.countries[0].source.rsplit(":", 1)
    assert path.endswith("countries.yaml") and path.startswith("kittiwake")
    assert int(line) >= 1


# --- people and dated roles -------------------------------------------------------------------

KERRY = PersonEntry(
    id="john_kerry",
    name="John Kerry",
    aliases=("Kerry",),
    roles=(
        RoleSpan("USALEG", date(1985, 1, 3), date(2013, 2, 1), "Senator"),
        RoleSpan("USAGOV", date(2013, 2, 1), date(2017, 1, 20), "Secretary of State"),
        RoleSpan("USAELI", date(2017, 1, 20), None, "former official"),
    ),
    source="test:1",
)
GAPPED = PersonEntry(
    id="gapped",
    name="Gapped",
    aliases=(),
    roles=(
        RoleSpan("FRAGOV", date(2000, 1, 1), date(2002, 1, 1), None),
        RoleSpan("FRALEG", date(2005, 1, 1), date(2007, 1, 1), None),
    ),
    source="test:2",
)


@pytest.mark.parametrize(
    ("person", "day", "code"),
    [
        (KERRY, date(1990, 6, 1), "USALEG"),
        (KERRY, date(2013, 1, 31), "USALEG"),
        (KERRY, date(2013, 2, 1), "USAGOV"),  # start is inclusive, end exclusive
        (KERRY, date(2017, 1, 19), "USAGOV"),
        (KERRY, date(2017, 1, 20), "USAELI"),
        (KERRY, date(2030, 1, 1), "USAELI"),
        (KERRY, None, "USAELI"),
        (KERRY, date(1980, 1, 1), None),  # before every role
        (GAPPED, date(2003, 6, 1), "FRAGOV"),  # in a gap: the role that ended last
        (GAPPED, date(2010, 1, 1), "FRALEG"),
        (GAPPED, None, "FRALEG"),
    ],
)
def test_role_on(person: PersonEntry, day: date | None, code: str | None) -> None:
    role = person.role_on(day)
    assert (role.code if role else None) == code


def test_role_on_prefers_the_role_that_started_last() -> None:
    person = PersonEntry(
        id="p",
        name="P",
        aliases=(),
        roles=(
            RoleSpan("DEUPTY", date(1990, 1, 1), None, "party member"),
            RoleSpan("DEUGOV", date(2005, 11, 22), date(2021, 12, 8), "Chancellor"),
        ),
        source="t:1",
    )
    assert person.role_on(date(2010, 1, 1)).code == "DEUGOV"  # type: ignore[union-attr]
    assert person.role_on(date(2022, 1, 1)).code == "DEUPTY"  # type: ignore[union-attr]


def test_person_without_roles_has_no_role() -> None:
    assert PersonEntry("x", "X", (), (), "t:1").role_on(date(2020, 1, 1)) is None


_days = st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 1, 1))


@st.composite
def _role_spans(draw: st.DrawFn) -> RoleSpan:
    start = draw(st.none() | _days)
    length = draw(st.none() | st.integers(min_value=1, max_value=5000))
    end = None if start is None or length is None else start + timedelta(days=length)
    return RoleSpan(draw(st.sampled_from(["USAGOV", "USALEG", "IGOUNO"])), start, end, None)


@given(roles=st.lists(_role_spans(), max_size=5), day=_days)
def test_role_on_returns_a_containing_role_when_one_exists(
    roles: list[RoleSpan], day: date
) -> None:
    person = PersonEntry("p", "P", (), tuple(roles), "t:1")
    role = person.role_on(day)
    if any(r.contains(day) for r in roles):
        assert role is not None and role.contains(day)
    elif role is not None:
        assert role.end is not None and role.end <= day


_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ'-.", min_size=1)
_clean_names = _names.map(str.strip).filter(bool)


@given(
    name=_clean_names,
    aliases=st.lists(_clean_names, max_size=3, unique=True),
    roles=st.lists(_role_spans(), max_size=4),
)
def test_people_round_trip_through_yaml(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    aliases: list[str],
    roles: list[RoleSpan],
) -> None:
    document = {
        "people": [
            {
                "id": "someone",
                "name": name,
                "aliases": aliases,
                "roles": [
                    {"code": r.code, "start": r.start, "end": r.end, "title": r.title}
                    for r in roles
                ],
            }
        ]
    }
    path = tmp_path_factory.mktemp("people") / "user.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    person = next(p for p in load_dictionaries(extra_paths=[path]).people if p.id == "someone")
    assert (person.name, person.aliases, person.roles) == (name, tuple(aliases), tuple(roles))


# --- user files -------------------------------------------------------------------------------


def test_user_file_overrides_and_adds(shipped: Dictionaries) -> None:
    path = FIXTURES / "user_valid.yaml"
    merged = load_dictionaries(extra_paths=[path])
    usa = _country(merged, "USA")
    assert usa.name == "United States of America"
    assert usa.names == ("United States of America", "USA", "the US")
    assert usa.adjectives == ("American",)  # a single string is a one-item list
    assert usa.source == f"{path}:{_line_of(path, 'id: USA')}"
    assert len(merged.countries) == len(shipped.countries)
    assert next(a for a in merged.agents if a.id == "GOV").priority == 25
    assert _organisation(merged, "kittiwake_watchers").sector == "NGO"
    assert len(merged.organisations) == len(shipped.organisations) + 1
    ada = next(p for p in merged.people if p.id == "ada_example")
    assert ada.role_on(date(2005, 1, 1)).code == "GBRLEG"  # type: ignore[union-attr]
    assert _country(load_dictionaries(), "USA").name == "United States"  # cache untouched


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    first.write_text("organisations:\n  - {id: club, code: NGO, names: [First Club]}\n")
    second.write_text("organisations:\n  - {id: club, code: BUS, names: [Second Club]}\n")
    merged = load_dictionaries(extra_paths=[first, second])
    assert _organisation(merged, "club").code == "BUS"


def test_plain_scalars_stay_text(tmp_path: Path) -> None:
    """YAML 1.1 would read No/ON as booleans and 2015-01-01 as a date; names stay as written."""
    path = tmp_path / "norway.yaml"
    path.write_text("countries:\n  - {id: NOR, name: Norway, names: [No, ON, 2015-01-01, '1']}\n")
    assert _country(load_dictionaries(extra_paths=[path]), "NOR").names[1:] == (
        "No",
        "ON",
        "2015-01-01",
        "1",
    )


def test_plain_list_takes_its_kind_from_the_file_name(tmp_path: Path) -> None:
    agents = tmp_path / "agents.yaml"
    agents.write_text("- {id: XYZ, name: Example, words: [example word]}\n")
    assert count_entries([agents])["agents"] == 1
    unnamed = tmp_path / "mine.yaml"
    unnamed.write_text(agents.read_text())
    [error] = validate_paths([unnamed])
    assert (error.line, error.field) == (1, "document")


def test_empty_user_file_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing yet\n")
    assert validate_paths([path]) == []
    assert count_entries([path]) == dict.fromkeys(KINDS, 0)


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "marker", "field", "message"),
    [
        ("bad_date.yaml", "2015-13-01", "roles[0].start", "invalid date '2015-13-01'"),
        ("end_before_start.yaml", "end: 2015", "roles[0].end", "is not after start"),
        ("unknown_field.yaml", "colour", "colour", "unknown field"),
        ("missing_id.yaml", "- name: Nowhere", "id", "required field is missing"),
        ("duplicate_id.yaml", "# the repeat", "id", "duplicate id 'twin'"),
        ("syntax_error.yaml", "- id: MIL", "yaml", "expected ',' or ']'"),
        ("bad_code.yaml", "ngoHRI", "code", "invalid code 'ngoHRI'"),
        ("unknown_section.yaml", "gazetteer", "gazetteer", "unknown section"),
        ("upper_case_word.yaml", "Shouting", "words", "must be lower case"),
    ],
)
def test_errors_name_file_line_and_field(
    fixture: str, marker: str, field: str, message: str
) -> None:
    path = FIXTURES / fixture
    errors = validate_paths([path])
    assert len(errors) == 1, [str(e) for e in errors]
    [error] = errors
    line = _line_of(path, marker)
    assert (error.path, error.line, error.field) == (str(path), line, field)
    assert message in error.message
    assert str(error) == f"{path}:{line}: {field}: {error.message}"


def test_load_raises_the_first_error() -> None:
    with pytest.raises(DictionaryError, match=r"bad_date\.yaml:\d+: roles\[0\]\.start"):
        load_dictionaries(extra_paths=[FIXTURES / "bad_date.yaml"])


def test_good_entries_of_a_broken_file_are_still_counted() -> None:
    assert count_entries([FIXTURES / "bad_date.yaml"])["people"] == 1


def test_dictionary_error_pickles() -> None:
    error = DictionaryError("a.yaml", 3, "roles[0].end", "bad")
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.line, copy.field) == ("a.yaml:3: roles[0].end: bad", 3, "roles[0].end")


def test_split_path_list() -> None:
    import os

    value = f"a.yaml{os.pathsep}{os.pathsep}dir/b.yaml"
    assert split_path_list(value) == (Path("a.yaml"), Path("dir/b.yaml"))
    assert split_path_list(None) == ()


# --- CLI --------------------------------------------------------------------------------------


def test_cli_validate_shipped() -> None:
    result = CliRunner().invoke(main, ["dict", "validate"])
    assert result.exit_code == 0, result.output
    assert "countries" in result.output and "valid" in result.output


def test_cli_validate_reports_each_error() -> None:
    paths = [str(FIXTURES / "bad_date.yaml"), str(FIXTURES / "unknown_field.yaml")]
    result = CliRunner().invoke(main, ["dict", "validate", *paths])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any(line.startswith(f"{paths[0]}:") and "roles[0].start" in line for line in lines)
    assert any(line.startswith(f"{paths[1]}:") and ": colour: " in line for line in lines)


def test_cli_validate_user_file_counts() -> None:
    result = CliRunner().invoke(main, ["dict", "validate", str(FIXTURES / "user_valid.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 countries" in result.output and "1 people" in result.output


def test_shipped_people_files_do_not_repeat_ids(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    people = tmp_path / "people"
    people.mkdir()
    for name in ("a.yaml", "b.yaml"):
        (people / name).write_text("- {id: same_person, name: Same Person}\n")
    paths = (people / "a.yaml", people / "b.yaml")
    monkeypatch.setattr(dictionaries_module, "shipped_paths", lambda: paths)
    [error] = validate_paths([])
    assert (error.path, error.line, error.field) == (str(paths[1]), 1, "id")
    assert "same_person" in error.message


def test_user_files_alone_without_the_shipped_dictionaries(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("countries:\n- {id: VLM, name: Velmora}\n", encoding="utf-8")
    alone = load_dictionaries(extra_paths=[path], shipped=False)
    assert [c.id for c in alone.countries] == ["VLM"] and alone.agents == ()
    assert len(load_dictionaries(extra_paths=[path]).countries) > 1


@pytest.mark.parametrize(
    ("name", "code", "surname", "expected"),
    [
        ("Kwame Mensah", "GHAGOV", None, ("Mensah",)),
        ("Bashar al-Assad", "SYRGOV", None, ("al-Assad", "Assad")),
        ("Wang Daming", "CHNGOV", None, ("Wang",)),  # family name first
        ("Park Ji-hoon", "KORGOV", None, ("Park",)),
        ("Sok Vanna", "KHMGOV", "Sok", ("Sok",)),  # the entry's own surname wins
    ],
)
def test_person_surnames(
    name: str, code: str, surname: str | None, expected: tuple[str, ...]
) -> None:
    from kittiwake.actors.dictionaries import PersonEntry, RoleSpan
    from kittiwake.actors.lexicon import person_surnames

    person = PersonEntry(
        "p", name, (), (RoleSpan(code, None, None, None),), "test", surname=surname
    )
    assert person_surnames(person, family_first={"CHN", "KOR"}) == expected
