"""PETRARCH verb dictionaries -> kittiwake patterns: each construct of the syntax on a small
verb block written for these tests, the report of what cannot be said, and YAML that loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kittiwake.cli.dictionary  # noqa: F401 - attaches the dict commands
from kittiwake.cli.groups import main
from kittiwake.config import Settings
from kittiwake.events.codebook import load_codebook
from kittiwake.events.patterns import load_patterns, validate_pattern_paths
from kittiwake.importers.output import patterns_yaml
from kittiwake.importers.petrarch_verbs import (
    PETRARCH_TARGET_PREPS,
    import_verbs,
    is_verb_dictionary,
)
from kittiwake.pipeline import Pipeline, code_text

CODES = set(load_codebook().codes())
SYNSETS = """\
# A made-up verb dictionary. Licence: for tests only.
&FUNDS
+GRANT
+SUBSIDY
&MONEYWORDS
+&FUNDS
+LOAN
&NEARBY
+ON
+AT
"""


def block(*patterns: str, header: str = "---  HAND   [070]  ---", verbs: str = "HAND") -> str:
    return SYNSETS + f"{header}\n{verbs}\n" + "".join(f"- {p}\n" for p in patterns)


def only_pattern(line: str) -> dict[str, Any]:
    """The fields of the one pattern a pattern line gives (the block default aside); target
    prepositions only where a `+` slot names them (else PETRARCH's: any phrase)."""
    result = import_verbs(block(line), codes=CODES, source="t.txt")
    (pattern,) = [p for p in result.patterns if ".line_" in p.id]
    found = {
        key: getattr(pattern, key)
        for key in (
            "cameo",
            "verbs",
            "object",
            "prep",
            "complement",
            "subject",
            "target_preps",
            "source_preps",
            "symmetric",
            "modality",
            "reverse",
        )  # fmt: skip
        if getattr(pattern, key)
    }
    if found["target_preps"] == PETRARCH_TARGET_PREPS:
        del found["target_preps"]
    return found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("* AID  [070]", {"object": ("aid",)}),
        ("* {ARMS SHIPMENT}  [072]", {"object": ("arms shipment",)}),
        ("* THE BIG FOOD CONVOY  [073]", {"object": ("food convoy",)}),
        ("* THEIR ^ ABOUT +  [070]", {"target_preps": ("about",), "prep": ("about",)}),
        ("* &MONEYWORDS  [071]", {"object": ("grant", "subsidy", "loan")}),
        ("* TO RECONSIDER  [102]", {"complement": ("reconsider",)}),
        ("* OVER  [070]", {"verbs": ("hand over",)}),
        ("* (TO +)  [070]", {"target_preps": ("to",), "prep": ("to",)}),
        (
            "* AID (FROM $)  [070]",
            {"object": ("aid",), "source_preps": ("from",), "prep": ("from",)},
        ),
        ("* (WITH)  [060]", {"prep": ("with",)}),
        ("* (AGAINST PROTESTERS)  [070]", {"prep": ("against",), "object": ("protesters",)}),
        ("* FOR &FUNDS  [071]", {"prep": ("for",), "object": ("grant", "subsidy")}),
        ("* &NEARBY RESOLUTION  [070]", {"prep": ("on", "at"), "object": ("resolution",)}),
        ("$ * (WITH %)  [060]", {"target_preps": ("with",), "prep": ("with",), "symmetric": True}),
        ("% *  [060]", {"symmetric": True}),
        ("% HAVE *  [060]", {"symmetric": True}),
        ("WILL *  [070]", {"modality": ("future",)}),
        ("SHOULD HAVE *  [070]", {"modality": ("obligation",)}),
        ("MAY * AID  [070]", {"modality": ("hypothetical",), "object": ("aid",)}),
        ("POLICE *  [070]", {"subject": ("police",)}),
        ("&FUNDS *  [070]", {"subject": ("grant", "subsidy")}),
        ("* AID  [070:071]", {"object": ("aid",), "reverse": "071"}),
    ],
)
def test_pattern_constructs(line: str, expected: dict[str, Any]) -> None:
    found = only_pattern(line)
    found.pop("cameo")
    found.setdefault("verbs", ("hand",))
    assert found == {"verbs": ("hand",), **expected}


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("* AID  [---]", "no-event"),
        ("* AID  [999]", "not in kittiwake's CAMEO codebook"),
        ("* $ (TO +)  [070]", "source as the object"),
        ("SAID WOULD *  [070]", "words before the verb"),
        ("RECENTLY *  [070]", "words before the verb"),
        ("NOT *  [070]", "words before the verb"),
        ("HAS *  [070]", "tells it from the verb's default"),
        ("IN *  [070]", "words before the verb"),
        ("DESPITE *  [070]", "words before the verb"),
        ("NO *  [070]", "words before the verb"),
        ("&NEARBY *  [070]", "words before the verb"),
        ("$ * +  [070]", "tells it from the verb's default"),
        ("WILL WOULD * AID  [070]", "two modals"),
        ("+ *  [070]", "target before the verb"),
        ("* (IN TOWN)  [070]", "after 'in'"),
        ("* (TO TOWN) (WITH FRIENDS)  [070]", "two prepositional phrases"),
        ("* &NOSUCHSET  [070]", "unknown synset"),
        ("AID ONLY  [070]", "no verb slot"),
    ],
)
def test_unexpressible_lines_are_reported_with_their_line(line: str, why: str) -> None:
    text = block(line)
    result = import_verbs(text, codes=CODES, source="t.txt")
    line_number = text.splitlines().index(f"- {line}") + 1
    assert [p.line for p in result.problems if why in p.message] == [line_number]
    assert not [p for p in result.patterns if p.id.endswith(f"line_{line_number}")]


@pytest.mark.parametrize(
    ("code", "reverse", "warnings"),
    [("070:071", "071", []), ("070:999", None, ["reverse code '999' is not in the codebook"])],
)
def test_paired_codes_give_a_reverse_event(
    code: str, reverse: str | None, warnings: list[str]
) -> None:
    result = import_verbs(block(f"* AID  [{code}]"), codes=CODES)
    (pattern,) = [p for p in result.patterns if ".line_" in p.id]
    assert pattern.reverse == reverse
    assert [w.message for w in result.warnings] == warnings


def coded(text: str, *, line: str, tmp_path: Path) -> set[tuple[str, str, str]]:
    """(source, target, code) of `text` coded with a GALLIVANT block of `line`."""
    path = tmp_path / "verbs.yaml"
    result = import_verbs(block(line, verbs="GALLIVANT"), codes=CODES)
    path.write_text(patterns_yaml(result, header="t"), encoding="utf-8")
    events = code_text(text, pipeline=Pipeline(Settings(patterns=(path,))))
    return {
        (e.source.actor.code, e.target.actor.code, e.cameo) for e in events if e.source and e.target
    }


@pytest.mark.slow
def test_reverse_event_is_coded_with_source_and_target_swapped(tmp_path: Path) -> None:
    found = coded(
        "France gallivanted to Germany on Monday.", line="* (TO +)  [042:043]", tmp_path=tmp_path
    )
    assert {("FRA", "DEU", "042"), ("DEU", "FRA", "043")} <= found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France gallivanted in Germany on Monday.", ("FRA", "DEU", "070")),  # the default
        ("France gallivanted near Germany on Monday.", ("FRA", "DEU", "070")),
        ("France gallivanted to Germany on Monday.", ("FRA", "DEU", "043")),  # the (TO +) line
    ],
)
def test_target_is_the_first_actor_after_the_verb_as_in_petrarch(
    text: str, expected: tuple[str, str, str], tmp_path: Path
) -> None:
    assert expected in coded(text, line="* (TO +)  [043]", tmp_path=tmp_path)


def test_block_defaults_follow_each_verbs_own_code() -> None:
    text = block(header="---  PAY   [070]  ---", verbs="PAY {PAID PAYS}\n+PAY_OFF [0841]\nFUND")
    defaults = {p.cameo: p.verbs for p in import_verbs(text, codes=CODES).patterns}
    assert defaults == {"070": ("pay", "paid", "pays", "fund"), "0841": ("pay off",)}


def test_no_event_default_gives_no_default_pattern_and_transformations_are_reported() -> None:
    text = block("* AID  [070]", header="---  HAND   [---]  ---") + "~ a (a b X) SAY = a b 015\n"
    result = import_verbs(text, codes=CODES)
    assert [p.id for p in result.patterns] == [
        f"petrarch.hand.line_{len(SYNSETS.splitlines()) + 3}"
    ]
    assert any("transformations" in p.message for p in result.problems)


def test_misplaced_header_dashes_still_start_a_block() -> None:
    text = block("* AID  [070]") + "--  DELAY   [120]---  ---\nDELAY\n"
    result = import_verbs(text, codes=CODES)
    assert {p.cameo: p.verbs for p in result.patterns if "default" in p.id}["120"] == ("delay",)


def test_output_loads_as_patterns_with_the_source_licence(tmp_path: Path) -> None:
    result = import_verbs(block("* AID  [070]", "* (TO +)  [070]"), codes=CODES, source="t.txt")
    path = tmp_path / "verbs.yaml"
    path.write_text(patterns_yaml(result, header="converted"), encoding="utf-8")
    assert validate_pattern_paths([path]) == []
    assert "# A made-up verb dictionary. Licence: for tests only.\n" in path.read_text("utf-8")
    loaded = load_patterns(extra_paths=[path])
    assert any(p.id == "petrarch.hand.default_070" for p in loaded.for_verb("hand"))


def test_kind_of_dictionary() -> None:
    assert is_verb_dictionary(block()) and not is_verb_dictionary("RUSSIA [RUS]\n")


def test_cli_imports_verbs_and_reports_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "verbs.txt"
    source.write_text(block("* AID  [---]"), encoding="utf-8")
    out = tmp_path / "verbs.yaml"
    result = CliRunner().invoke(main, ["dict", "import-petrarch", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "left out: verbs.txt:13: [---]: no-event patterns cannot be expressed" in result.output
    assert validate_pattern_paths([out]) == []


def test_skip_verbs_leaves_covered_verbs_to_kittiwake() -> None:
    text = block("* AID  [070]", verbs="HAND\nPROFFER")
    result = import_verbs(text, codes=CODES, skip_verbs={"hand"})
    assert {p.verbs for p in result.patterns} == {("proffer",)}
    only_covered = import_verbs(block("* AID  [070]"), codes=CODES, skip_verbs={"hand"})
    assert only_covered.patterns == () and only_covered.problems == ()


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        (block("* AID  [070]"), 0, "2 patterns: valid"),
        ("- {id: a.b, cameo: '999', verbs: [go]}\n", 1, "verbs.yaml:1: cameo: unknown CAMEO code"),
    ],
)
def test_dict_validate_checks_pattern_files(
    tmp_path: Path, text: str, code: int, expected: str
) -> None:
    path = tmp_path / "verbs.yaml"
    if text.startswith("-"):
        path.write_text(text, encoding="utf-8")
    else:
        result = import_verbs(text, codes=CODES)
        path.write_text(patterns_yaml(result, header="t"), encoding="utf-8")
    outcome = CliRunner().invoke(main, ["dict", "validate", str(path)])
    assert outcome.exit_code == code
    assert expected in outcome.output


def test_without_defaults_keeps_only_constrained_patterns() -> None:
    text = block("* AID  [070]", verbs="HAND\nPROFFER [071]")
    result = import_verbs(text, codes=CODES, defaults=False)
    assert [(p.cameo, p.object) for p in result.patterns] == [("070", ("aid",))]
