"""The packaged CAMEO/PLOVER codebook and the validation of user-edited codebook files.

Expected values were checked against GDELT's CAMEO.goldsteinscale table, ICEWS's
cameo-codes table and the 2021 CAMEO2PLOVER conversion table.
"""

from __future__ import annotations

import pickle
import re
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kittiwake.events.codebook import (
    CameoCode,
    Codebook,
    CodebookError,
    load_codebook,
    quad_class,
)

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return load_codebook()


# --- the packaged codebook ---------------------------------------------------------------


def test_all_twenty_roots_are_present(codebook: Codebook) -> None:
    assert codebook.roots() == [f"{root:02d}" for root in range(1, 21)]


def test_codebook_has_the_full_code_list(codebook: Codebook) -> None:
    codes = codebook.codes()
    assert len(codes) >= 300
    assert len(set(codes)) == len(codes)
    assert sum(len(code) == 4 for code in codes) > 100


def test_every_code_sits_under_its_root(codebook: Codebook) -> None:
    for entry in codebook:
        assert entry.root == entry.code[:2]
        assert entry.root in codebook


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("163", -8.0),
        ("190", -10.0),
        ("040", 1.0),
        ("036", 4.0),
        ("1041", -5.0),
        ("145", -7.5),
        ("0211", 3.4),
        ("20", -10.0),
        ("011", -0.1),
    ],
)
def test_goldstein_follows_gdelt(codebook: Codebook, code: str, goldstein: float) -> None:
    assert codebook[code].goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "gdelt", "icews"),
    [("016", -2.0, -5.0), ("022", 3.2, 3.4), ("164", -7.0, -6.5), ("165", -6.5, -7.0)],
)
def test_icews_goldstein_kept_where_it_differs(
    codebook: Codebook, code: str, gdelt: float, icews: float
) -> None:
    assert (codebook[code].goldstein, codebook[code].goldstein_icews) == (gdelt, icews)


def test_icews_goldstein_only_on_the_four_differing_codes(codebook: Codebook) -> None:
    differing = [entry.code for entry in codebook if entry.goldstein_icews is not None]
    assert differing == ["016", "022", "164", "165"]


def test_leading_zeros_are_kept(codebook: Codebook) -> None:
    assert "010" in codebook
    assert "10" in codebook
    assert codebook["010"].name != codebook["10"].name
    assert 10 not in codebook


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("01", 1),
        ("057", 1),
        ("06", 2),
        ("0874", 2),
        ("094", 2),
        ("10", 3),
        ("1454", 3),
        ("15", 4),
        ("175", 4),
        ("2042", 4),
    ],
)
def test_quad_class_from_root(codebook: Codebook, code: str, quad: int) -> None:
    assert codebook[code].quad_class == quad
    assert quad_class(code) == quad


@pytest.mark.parametrize("code", ["00", "21", "99"])
def test_quad_class_rejects_unknown_roots(code: str) -> None:
    with pytest.raises(ValueError, match="between 01 and 20"):
        quad_class(code)


@pytest.mark.parametrize(
    ("code", "plover_type", "mode", "context"),
    [
        ("1041", "REQUEST", "change", ("executive",)),
        ("163", "COERCE", "restrict", ("diplomatic",)),  # the 2021 table puts sanctions here
        ("190", "ASSAULT", None, ("military",)),
        ("040", "CONSULT", None, ()),
        ("04", "CONSULT", None, ()),  # a root takes its x0 code's mapping
        ("042", "CONSULT", "visit", ()),
        ("0871", "RETREAT", "ceasefire", ("military",)),
        ("091", "ACCUSE", "investigate", ("crime", "corruption")),
        ("1712", "ASSAULT", "destroy", ("human_security",)),
        ("175", "ASSAULT", None, ("pro_autocracy", "military")),
        ("010", None, None, ()),  # statements have no PLOVER equivalent
        (
            "0211",
            "REQUEST",
            None,
            (),
        ),  # appeals are requests (our decision; the 2021 table has none)
    ],
)
def test_plover_mapping(
    codebook: Codebook,
    code: str,
    plover_type: str | None,
    mode: str | None,
    context: tuple[str, ...],
) -> None:
    entry = codebook[code]
    assert (entry.plover_type, entry.plover_mode, entry.plover_context) == (
        plover_type,
        mode,
        context,
    )


def test_plover_types_are_the_2021_sixteen(codebook: Codebook) -> None:
    assert set(codebook.plover_types()) == PLOVER_TYPES
    used = {entry.plover_type for entry in codebook if entry.plover_type}
    assert used == PLOVER_TYPES


def test_every_mapped_mode_is_allowed(codebook: Codebook) -> None:
    for entry in codebook:
        if entry.plover_type is not None:
            assert codebook.is_valid_mode(entry.plover_type, entry.plover_mode), entry.code


@pytest.mark.parametrize(
    ("plover_type", "mode", "valid"),
    [
        ("CONSULT", "visit", True),
        ("CONSULT", None, True),
        ("CONSULT", "riot", False),
        ("AGREE", None, True),
        ("AGREE", "visit", False),
        ("PROTEST", "riot", True),
        ("PARLEY", None, False),
    ],
)
def test_is_valid_mode(codebook: Codebook, plover_type: str, mode: str | None, valid: bool) -> None:
    assert codebook.is_valid_mode(plover_type, mode) is valid


def test_plover_type_has_definitions(codebook: Codebook) -> None:
    consult = codebook.plover("CONSULT")
    assert consult.definition
    assert "phone" in consult.modes
    assert consult.mode_definition("phone")
    with pytest.raises(KeyError):
        consult.mode_definition("riot")
    with pytest.raises(KeyError):
        codebook.plover("PARLEY")


def test_lookups(codebook: Codebook) -> None:
    assert codebook.get("999") is None
    assert isinstance(codebook.get("042"), CameoCode)
    with pytest.raises(KeyError):
        codebook["999"]


def test_codebook_pickles_for_worker_processes(codebook: Codebook) -> None:
    copy = pickle.loads(pickle.dumps(codebook))
    assert copy.codes() == codebook.codes()
    assert copy["163"] == codebook["163"]


def test_default_load_is_cached() -> None:
    assert load_codebook() is load_codebook()


# --- validating user-edited files ---------------------------------------------------------

# Line 1 "codes:", line 2 code 01, line 3 code 04, lines 4-9 code 042 in block style.
VALID_CAMEO = """\
codes:
  - {code: "01", name: statement, goldstein: 0.0, plover_type: null, plover_mode: null, plover_context: []}
  - {code: "04", name: consult, goldstein: 1.0, plover_type: CONSULT, plover_mode: null, plover_context: []}
  - code: "042"
    name: visit
    goldstein: 1.9
    plover_type: CONSULT
    plover_mode: visit
    plover_context: [diplomatic]
"""


def write(tmp_path: Path, text: str, name: str = "cameo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_small_valid_file_loads(tmp_path: Path) -> None:
    codebook = load_codebook(cameo_path=write(tmp_path, VALID_CAMEO))
    assert codebook.codes() == ["01", "04", "042"]
    assert codebook["042"].plover_context == ("diplomatic",)
    assert codebook["042"].quad_class == 1


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "problem"),
    [
        ("goldstein: 1.0", "goldstein: 11.0", 3, "goldstein", "less than or equal to 10"),
        ("goldstein: 1.9", "goldstein: strong", 6, "goldstein", "valid number"),
        ("    goldstein: 1.9\n", "", 4, "goldstein", "Field required"),
        ('code: "04"', "code: 4", 3, "code", "valid string"),
        ('code: "04"', 'code: "4x"', 3, "code", "pattern"),
        ('code: "042"', 'code: "04"', 4, "code", "duplicate code '04'"),
        ('code: "042"', 'code: "052"', 4, "code", "root '05'"),
        ('code: "042"', 'code: "212"', 4, "code", "between 01 and 20"),
        ("plover_mode: visit", "plover_mode: riot", 8, "plover_mode", "CONSULT has no mode"),
        ("plover_type: CONSULT, ", "plover_type: PARLEY, ", 3, "plover_type", "unknown"),
        ("[diplomatic]", "[diplomacy]", 9, "plover_context", "unknown PLOVER context"),
        ("name: visit\n", "name: visit\n    colour: red\n", 6, "colour", "Extra inputs"),
        ("name: consult,", "name: [consult,", 3, "yaml", ""),
    ],
)
def test_broken_file_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, field: str, problem: str
) -> None:
    assert old in VALID_CAMEO
    path = write(tmp_path, VALID_CAMEO.replace(old, new, 1))
    with pytest.raises(CodebookError) as caught:
        load_codebook(cameo_path=path)
    first = str(caught.value).splitlines()[0]
    assert first.startswith(f"{path}:{line}: {field}: "), first
    assert problem in first


def problem_lines(error: CodebookError) -> list[tuple[str, str]]:
    """(line, field) of each reported problem."""
    located = []
    for problem in error.problems:
        where, field, _ = problem.split(": ", 2)
        located.append((where.rsplit(":", 1)[1], field))
    return located


def test_all_schema_errors_are_reported(tmp_path: Path) -> None:
    text = VALID_CAMEO.replace("goldstein: 1.0", "goldstein: 12.0").replace(
        "name: visit", "name: 7"
    )
    with pytest.raises(CodebookError) as caught:
        load_codebook(cameo_path=write(tmp_path, text))
    assert problem_lines(caught.value) == [("3", "goldstein"), ("5", "name")]


def test_all_cross_check_errors_are_reported(tmp_path: Path) -> None:
    text = VALID_CAMEO.replace('code: "042"', 'code: "04"').replace(
        "plover_mode: visit", "plover_mode: riot"
    )
    with pytest.raises(CodebookError) as caught:
        load_codebook(cameo_path=write(tmp_path, text))
    assert problem_lines(caught.value) == [("4", "code"), ("8", "plover_mode")]


def test_missing_file_is_a_codebook_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="cannot read"):
        load_codebook(cameo_path=tmp_path / "absent.yaml")


def test_broken_plover_file_names_its_line(tmp_path: Path) -> None:
    plover = """\
types:
  - name: CONSULT
    definition: meetings
    modes:
      - {name: visit, definition: a visit}
      - {name: visit, definition: again}
contexts: [diplomatic]
"""
    path = write(tmp_path, plover, "plover.yaml")
    with pytest.raises(CodebookError, match=re.escape(f"{path}:6: modes.name: duplicate mode")):
        load_codebook(cameo_path=write(tmp_path, VALID_CAMEO), plover_path=path)


@settings(derandomize=True)
@given(goldstein=st.floats(min_value=-20.0, max_value=20.0, allow_nan=False))
def test_goldstein_round_trips_or_is_rejected(goldstein: float) -> None:
    # yaml's own float spelling, since YAML 1.1 reads "1e-05" (no dot) as a string.
    spelled = yaml.safe_dump(goldstein).splitlines()[0]
    text = VALID_CAMEO.replace("goldstein: 1.9", f"goldstein: {spelled}")
    # Hypothesis reruns the body many times; a function-scoped tmp_path would be shared.
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), text)
        if -10.0 <= goldstein <= 10.0:
            assert load_codebook(cameo_path=path)["042"].goldstein == goldstein
        else:
            with pytest.raises(CodebookError, match=r":6: goldstein: "):
                load_codebook(cameo_path=path)
