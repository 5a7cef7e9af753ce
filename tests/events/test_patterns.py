"""Event pattern files: the shipped ones validate, broken user files are located precisely."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kittiwake.events.codebook import load_codebook
from kittiwake.events.patterns import (
    WILDCARD,
    load_patterns,
    read_pattern_file,
    shipped_pattern_files,
    validate_pattern_paths,
)
from kittiwake.yamlio import ResourceError, read_items

SHIPPED = shipped_pattern_files()


def test_there_are_shipped_pattern_files() -> None:
    assert len(SHIPPED) >= 5


@pytest.mark.parametrize("path", SHIPPED, ids=[p.name for p in SHIPPED])
def test_each_shipped_file_loads_and_validates(path: Path) -> None:
    patterns = read_pattern_file(path, codebook=load_codebook())
    assert patterns, f"{path.name} holds no patterns"
    assert validate_pattern_paths([path]) == []


def test_every_shipped_cameo_code_is_in_the_codebook() -> None:
    codebook = load_codebook()
    unknown = [(p.id, p.cameo) for p in load_patterns().patterns if p.cameo not in codebook]
    assert unknown == []


def test_shipped_ids_are_unique_across_files() -> None:
    """A repeated id in another shipped file would silently replace the first pattern."""
    ids = Counter(item.data["id"] for path in SHIPPED for item in read_items(path))
    assert [pattern_id for pattern_id, n in ids.items() if n > 1] == []


def test_every_pattern_names_its_file_and_line() -> None:
    names = {p.name for p in SHIPPED}
    for pattern in load_patterns().patterns:
        file_name, line = pattern.source.rsplit(":", 1)
        assert file_name in names
        assert int(line) >= 1


def test_wildcards_are_kept_out_of_the_verb_index() -> None:
    patterns = load_patterns()
    assert all(p.is_wildcard and p.modality for p in patterns.wildcards)
    assert patterns.for_verb(WILDCARD) == ()


# --- broken user files ---------------------------------------------------------------------


def write(tmp_path: Path, text: str, name: str = "user_patterns.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BROKEN = [
    # (file body, line of the error, field named in the error, words in the message)
    (
        '- id: user.ok\n  cameo: "040"\n  verbs: [confer]\n'
        '- id: user.bad\n  cameo: "040"\n  verbs: [meet]\n  colour: blue\n',
        7,
        "colour",
        "extra",
    ),
    ('- id: user.bad\n  verbs: [meet]\n  cameo: "999"\n', 3, "cameo", "unknown CAMEO code"),
    ('- id: user.bad\n  cameo: "4a"\n  verbs: [meet]\n', 2, "cameo", "pattern"),
    ('- id: user.bad\n  cameo: "040"\n  verbs: [Meet]\n', 3, "verbs", "lower-case"),
    (
        '- id: user.bad\n  cameo: "163"\n  verbs: [impose]\n  object: [Sanction]\n',
        4,
        "object",
        "lower-case",
    ),
    ('\n- id: user.bad\n  cameo: "100"\n  verbs: ["*"]\n', 2, "(item)", "modality"),
    (
        '- id: user.bad\n  cameo: "100"\n  verbs: ["*", demand]\n  modality: [obligation]\n',
        1,
        "(item)",
        "stand alone",
    ),
    (
        '- id: user.bad\n  cameo: "100"\n  verbs: [demand]\n  modality: [someday]\n',
        4,
        "modality.0",
        "",
    ),
    ('- id: user.bad\n  cameo: "040"\n', 1, "(item)", "verbs"),
    ('- id: User Bad\n  cameo: "040"\n  verbs: [meet]\n', 1, "id", ""),
    (
        '- id: user.twice\n  cameo: "040"\n  verbs: [meet]\n- id: user.twice\n  cameo: "042"\n  verbs: [visit]\n',
        4,
        "id",
        "duplicate",
    ),
    ('- id: user.bad\n  cameo: "040"\n  verbs: [meet\n', 4, "(yaml)", ""),
    (
        '- id: user.bad\n  cameo: "0831"\n  verbs: [quit]\n  plover_type: LEAVE\n',
        4,
        "plover_type",
        "not in the codebook",
    ),
    (
        '- id: user.bad\n  cameo: "0831"\n  verbs: [quit]\n  plover_type: RETREAT\n  mode: retire\n',
        4,
        "plover_type",
        "not in the codebook",
    ),
    ('- id: user.bad\n  cameo: "040"\n  verbs: [meet]\n  mode: retire\n', 4, "mode", "mode"),
    ('- id: user.bad\n  cameo: "111"\n  adjectives: [rude]\n', 1, "(item)", "evaluative"),
    ('- id: user.bad\n  cameo: "111"\n  nouns: [attack]\n  modifier: [Verbal]\n', 4, "modifier", "lower"),
    ('- id: user.bad\n  cameo: "111"\n  nouns: [promise]\n  denied: true\n', 1, "(item)", "verbs"),
]


BROKEN_IDS = [
    "unknown-field", "unknown-cameo", "malformed-cameo", "upper-case-verb", "upper-case-object",
    "wildcard-without-modality", "wildcard-not-alone", "unknown-modality", "no-trigger",
    "bad-id", "duplicate-id", "yaml-syntax", "unknown-plover-type", "mode-not-of-type",
    "mode-not-of-codes-type", "adjectives-not-evaluative", "upper-case-modifier",
    "denied-without-verbs",
]  # fmt: skip


@pytest.mark.parametrize(("body", "line", "field", "words"), BROKEN, ids=BROKEN_IDS)
def test_broken_user_file_names_file_line_and_field(
    tmp_path: Path, body: str, line: int, field: str, words: str
) -> None:
    path = write(tmp_path, body)
    with pytest.raises(ResourceError) as caught:
        load_patterns(extra_paths=[path])
    error = caught.value
    assert (Path(error.path).name, error.line, error.field) == (path.name, line, field)
    assert str(error).startswith(f"{path}:{line}: {field}")
    assert words.lower() in error.message.lower()


def test_validate_pattern_paths_reports_instead_of_raising(tmp_path: Path) -> None:
    good = write(tmp_path, '- id: user.ok\n  cameo: "040"\n  verbs: [confer]\n', "good.yaml")
    bad = write(tmp_path, '- id: user.bad\n  cameo: "999"\n  verbs: [meet]\n', "bad.yaml")
    errors = validate_pattern_paths([good, bad])
    assert [(Path(e.path).name, e.field) for e in errors] == [("bad.yaml", "cameo")]


def test_yaml_on_and_no_stay_strings(tmp_path: Path) -> None:
    """YAML 1.1 would read `on` and `no` as booleans and break these preposition lists."""
    path = write(
        tmp_path,
        '- id: user.sanction\n  cameo: "163"\n  verbs: [slap]\n  object: [no, off]\n'
        "  target_preps: [on, against, yes]\n  prep: [on]\n",
    )
    (pattern,) = read_pattern_file(path, codebook=load_codebook())
    assert pattern.target_preps == ("on", "against", "yes")
    assert pattern.prep == frozenset({"on"})
    assert pattern.object == frozenset({"no", "off"})


def test_user_pattern_overrides_shipped_id(tmp_path: Path) -> None:
    shipped = {p.id: p for p in load_patterns().patterns}
    target = next(iter(sorted(shipped)))
    other_code = "040" if shipped[target].cameo != "040" else "042"
    path = write(tmp_path, f'- id: {target}\n  cameo: "{other_code}"\n  verbs: [confabulate]\n')
    patterns = load_patterns(extra_paths=[path])
    replaced = [p for p in patterns.patterns if p.id == target]
    assert len(replaced) == 1
    assert replaced[0].cameo == other_code
    assert replaced[0].source == f"{path.name}:1"
    assert len(patterns) == len(shipped)
    assert replaced[0] in patterns.for_verb("confabulate")
    assert all(
        p.id != target for verb in shipped[target].verbs for p in patterns.for_verb(verb.split()[0])
    )


def test_user_pattern_with_new_id_is_added(tmp_path: Path) -> None:
    before = len(load_patterns())
    path = write(
        tmp_path, '- id: user.confer\n  cameo: "040"\n  verbs: [confabulate, "hash out"]\n'
    )
    patterns = load_patterns(extra_paths=[path])
    assert len(patterns) == before + 1
    assert [p.id for p in patterns.for_verb("hash")] == ["user.confer"]


def test_a_modifier_is_a_constraint_that_makes_a_pattern_more_specific(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '- id: user.word_fight\n  cameo: "111"\n  nouns: [brawl]\n  modifier: [verbal]\n'
        '- id: user.fight\n  cameo: "190"\n  nouns: [brawl]\n',
    )
    patterns = {p.id: p for p in load_patterns(extra_paths=[path]).for_noun("brawl")}
    assert patterns["user.word_fight"].modifier == frozenset({"verbal"})
    assert patterns["user.word_fight"].specificity > patterns["user.fight"].specificity


def test_valid_wildcard_pattern_loads(tmp_path: Path) -> None:
    path = write(
        tmp_path, '- id: user.any_must\n  cameo: "100"\n  verbs: ["*"]\n  modality: [obligation]\n'
    )
    patterns = load_patterns(extra_paths=[path])
    assert "user.any_must" in {p.id for p in patterns.wildcards}


def test_a_pattern_can_name_the_plover_type_of_the_act_done(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '- id: user.quit\n  cameo: "0831"\n  verbs: [quit]\n  plover_type: RETREAT\n'
        "  mode: resign\n",
    )
    (pattern,) = [p for p in load_patterns(extra_paths=[path]).patterns if p.id == "user.quit"]
    assert (pattern.cameo, pattern.plover_type, pattern.mode) == ("0831", "RETREAT", "resign")
    assert load_codebook()["0831"].plover_type != "RETREAT"  # the override is the pattern's


LITERAL = (
    '- id: user.left\n  cameo: "033"\n  verbs: [left]\n  literal: true\n'
    '- id: user.contribute\n  cameo: "071"\n  verbs: [contribute]\n  literal: true\n'
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # a form a literal pattern lists is read before the lemma's patterns ("leave" is 012)
        ("Chile left Peru a large sum of money.", "033"),
        # a literal pattern's future act is that act, not a promise of it (033)
        ("Chile will contribute money to Peru.", "071"),
    ],
    ids=["form-before-lemma", "future-as-stated"],
)
def test_literal_patterns_read_words_as_petrarch_does(
    pipeline, tmp_path: Path, text: str, cameo: str
) -> None:  # type: ignore[no-untyped-def]
    import copy

    from kittiwake.events.code import EventCoder
    from kittiwake.pipeline import code_text

    literal = copy.copy(pipeline)
    patterns = load_patterns(extra_paths=[write(tmp_path, LITERAL)])
    literal.events = EventCoder(patterns=patterns, codebook=load_codebook())
    found = {
        e.cameo for e in code_text(text, date="2015-12-16", pipeline=literal, include_all=True)
    }
    assert cameo in found, found
