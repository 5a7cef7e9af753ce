"""The shared YAML reader: scalar typing, a line for every node, located errors."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, ValidationError

from kittiwake.yamlio import (
    Location,
    ResourceError,
    compose_file,
    field_name,
    line_at,
    load_file,
    load_text,
    read_items,
    to_plain,
    validate_item,
    validation_errors,
)


@pytest.mark.parametrize(
    ("scalar", "typed", "text"),
    [
        ("No", "No", "No"),
        ("ON", "ON", "ON"),
        ("yes", "yes", "yes"),
        ("true", True, "true"),
        ("False", False, "False"),
        ("-10.0", -10.0, "-10.0"),
        ("42", 42, "42"),
        ("~", None, None),
        ("null", None, None),
        ("", None, None),
        ('"null"', "null", "null"),
        ("2015-01-31", date(2015, 1, 31), "2015-01-31"),
        ("'007'", "007", "007"),
    ],
)
def test_scalar_typing(scalar: str, typed: Any, text: Any) -> None:
    document = f"value: {scalar}\n"
    assert load_text(document, display="t.yaml").data == {"value": typed}
    assert load_text(document, display="t.yaml", typed=False).data == {"value": text}


def test_impossible_dates_are_text_or_located_errors() -> None:
    document = "a: 1\nb: [2015-12-01, 2015-13-01]\n"
    assert load_text(document, display="t.yaml", typed=False).data["b"][1] == "2015-13-01"
    with pytest.raises(ResourceError) as caught:
        load_text(document, display="t.yaml")
    assert (caught.value.line, caught.value.field) == (2, "yaml")
    assert "invalid value" in caught.value.message


def test_every_node_has_its_line() -> None:
    document = "people:\n  - id: a\n    roles:\n      - code: X\n        start: 2015\n"
    lines = load_text(document, display="t.yaml").lines
    assert lines[()] == 1
    assert lines[("people",)] == 2
    assert lines[("people", 0)] == 2
    assert lines[("people", 0, "roles")] == 4
    assert lines[("people", 0, "roles", 0, "start")] == 5


@pytest.mark.parametrize(
    ("location", "line"),
    [
        (("a", 0, "b"), 3),
        (("a", 0, "missing"), 2),  # a missing field sits on its parent
        (("a", 5), 1),
        ((), 1),
    ],
)
def test_line_at_takes_the_deepest_node(location: Location, line: int) -> None:
    lines: dict[Location, int] = {(): 1, ("a",): 1, ("a", 0): 2, ("a", 0, "b"): 3}
    assert line_at(location, lines, fallback=99) == line


def test_line_at_falls_back_without_nodes() -> None:
    assert line_at(("a",), {}, fallback=0) == 0


@pytest.mark.parametrize(
    ("location", "name"),
    [
        (("roles", 0, "start"), "roles[0].start"),
        (("aliases", 2), "aliases[2]"),
        (("id",), "id"),
        ((), "entry"),
    ],
)
def test_field_names_show_nesting(location: Location, name: str) -> None:
    assert field_name(location) == name


class _Role(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    start: int | None = None


class _Person(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    roles: list[_Role] = []


def _errors(document: str) -> list[tuple[int, str, str]]:
    plain = load_text(document, display="p.yaml")
    with pytest.raises(ValidationError) as caught:
        _Person.model_validate(plain.data)
    found = validation_errors(caught.value, path="p.yaml", lines=plain.lines, fallback=1)
    return [(error.line, error.field, error.message) for error in found]


def test_validation_errors_are_located_nested_and_friendly() -> None:
    document = "id: a\nroles:\n  - code: X\n    start: soon\n  - colour: red\n"
    assert _errors(document) == [
        (4, "roles[0].start", "input should be a valid integer, unable to parse string as an "
         "integer (got 'soon')"),
        (5, "roles[1].code", "required field is missing"),
        (5, "roles[1].colour", "unknown field"),
    ]  # fmt: skip


def test_syntax_errors_name_the_line_and_where_the_construct_began(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("a:\n  - [x,\n  y\n", encoding="utf-8")
    with pytest.raises(ResourceError) as caught:
        compose_file(path)
    error = caught.value
    assert (error.path, error.field) == (str(path), "yaml")
    assert error.line == 4
    assert "started at line 2" in error.message


def test_unknown_tag_is_a_located_error() -> None:
    with pytest.raises(ResourceError) as caught:
        load_text("a: 1\nb: !nope 2\n", display="t.yaml")
    assert (caught.value.line, caught.value.field) == (2, "yaml")


@pytest.mark.parametrize("content", [None, b"\xff\xfe not utf-8"], ids=["missing", "encoding"])
def test_unreadable_files_are_resource_errors(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "file.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ResourceError) as caught:
        load_file(path, display="shown.yaml")
    assert (caught.value.path, caught.value.line, caught.value.field) == ("shown.yaml", 1, "file")
    assert caught.value.message.startswith("cannot read: ")


def test_empty_document_is_none_without_lines() -> None:
    plain = load_text("# nothing\n", display="t.yaml")
    assert (plain.data, plain.lines) == (None, {})
    assert to_plain(None).data is None


def test_typed_reading_follows_anchors_and_merges() -> None:
    document = "base: &b {x: 1, y: on}\nderived:\n  <<: *b\n  x: 2\n"
    assert load_text(document, display="t.yaml").data["derived"] == {"x": 2, "y": "on"}


class _ResourceErrorChild(ResourceError):
    pass


@pytest.mark.parametrize("kind", [ResourceError, _ResourceErrorChild])
def test_resource_errors_pickle(kind: type[ResourceError]) -> None:
    error = kind("a.yaml", 3, "roles[0].end", "bad")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is kind
    assert (str(copy), copy.path, copy.line, copy.field, copy.message) == (
        "a.yaml:3: roles[0].end: bad", "a.yaml", 3, "roles[0].end", "bad"
    )  # fmt: skip


def test_items_report_the_line_of_the_top_level_key(tmp_path: Path) -> None:
    path = tmp_path / "items.yaml"
    path.write_text("entries:\n  - id: a\n    roles:\n      - {code: 7}\n", encoding="utf-8")
    (item,) = read_items(path, key="entries")
    assert (item.data, item.line, item.field_lines) == (
        {"id": "a", "roles": [{"code": 7}]}, 2, {"id": 2, "roles": 3}
    )  # fmt: skip
    with pytest.raises(ResourceError) as caught:
        validate_item(_Person, item, path=path)
    assert (caught.value.line, caught.value.field) == (3, "roles.0.code")


# --- round trips ---------------------------------------------------------------------------

_keys = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=8)
_texts = st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=12)
_typed_scalars = st.none() | st.booleans() | st.integers() | _texts | st.floats(allow_nan=False)


def _trees(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_keys, inner, max_size=3),
        max_leaves=12,
    )


def _follow(data: Any, location: Location) -> Any:
    for part in location:
        data = data[part]
    return data


@given(tree=st.dictionaries(_keys, _trees(_texts), max_size=4))
def test_text_mode_reads_back_dumped_strings(tree: dict[str, Any]) -> None:
    plain = load_text(yaml.safe_dump(tree), display="t.yaml", typed=False)
    assert plain.data == tree
    for location in plain.lines:
        _follow(plain.data, location)  # every recorded location exists in the data


@given(tree=st.dictionaries(_keys, _trees(_typed_scalars), max_size=4))
def test_typed_mode_reads_back_dumped_data(tree: dict[str, Any]) -> None:
    assert load_text(yaml.safe_dump(tree), display="t.yaml").data == tree


# -- parsed resources kept on disk -------------------------------------------------------------

LONG_LIST = "".join(
    f"- id: item{i}\n  words: [on, against]\n  when: 2015-12-16\n" for i in range(120)
)


@pytest.fixture
def long_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KITTIWAKE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "long.yaml"
    path.write_text(LONG_LIST, encoding="utf-8")
    return path


def test_a_long_file_is_read_back_from_the_cache_as_parsed(
    long_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = long_file
    first_items, first_plain = list(read_items(path)), load_file(path)
    assert len(list((tmp_path / "cache" / "yaml").iterdir())) == 2
    monkeypatch.setattr(yaml, "compose", lambda *_a, **_k: pytest.fail("parsed again"))
    assert list(read_items(path)) == first_items
    assert load_file(path) == first_plain
    assert first_items[1].data["when"] == date(2015, 12, 16)


def test_an_edited_or_broken_file_is_parsed_anew_and_a_broken_one_not_kept(
    long_file: Path, tmp_path: Path
) -> None:
    path = long_file
    list(read_items(path))
    path.write_text(LONG_LIST.replace("item7\n", "item7 changed\n"), encoding="utf-8")
    assert [item.data["id"] for item in read_items(path)][7] == "item7 changed"
    path.write_text(LONG_LIST + "- when: 2015-13-01\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        list(read_items(path))
    assert len(list((tmp_path / "cache" / "yaml").iterdir())) == 2  # the two good texts
