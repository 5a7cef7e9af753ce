"""No word list in Python stage code: the words by which the stages read English are language
data (`kittiwake/data/lang/en/*.yaml`, see `kittiwake.lang`), which a user can change.

The scan reads every module of `src/kittiwake` and flags a module- or class-level constant
whose literal value (a set, list, tuple or dict, maybe wrapped in `frozenset(...)` or
`MappingProxyType(...)`, or a string's `.split()`) holds more than 10 strings. Constants of
the code itself (dependency labels, feature codes, column names) are allowed by name below,
each with the reason; modules that are no pipeline stage are allowed whole.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import kittiwake

PACKAGE = Path(kittiwake.__file__).parent
MAX_WORDS = 10
WRAPPERS = frozenset({"frozenset", "set", "tuple", "list", "dict", "MappingProxyType"})

# Modules and packages that are no pipeline stage: command line, dashboard, storage, the
# importers of other projects' formats, evaluation.
NOT_STAGES = (
    "cli/",
    "web/",
    "store/",
    "importers/",
    "evaluate.py",
    "evaluate_documents.py",
    "geo/evaluate.py",
    "cluster_eval.py",
    "coref_scores.py",
)
# Constants of the code itself: (module, name) -> why it is no word list.
CODE_CONSTANTS = {
    ("clean.py", "LINE_PATTERNS"): "regular expressions of boilerplate, each with its label",
    ("clean.py", "SCRIPT_LANGUAGES"): "Unicode script names and language codes",
    ("events/code.py", "FRAME_CHAIN"): "spaCy dependency labels",
    ("geo/regions.py", "REGION_FEATURES"): "GeoNames feature codes",
    ("geo/toponyms.py", "AREA_FEATURES"): "GeoNames feature codes",
    ("read/common.py", "SUFFIX_FORMATS"): "file name suffixes",
    ("read/common.py", "_TextCollector.BLOCKS"): "HTML element names",
}


def strings_in(node: ast.expr) -> int:
    """The strings of a literal collection, nested ones included; 0 for anything else."""
    if isinstance(node, ast.Constant):
        return int(isinstance(node.value, str))
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return sum(map(strings_in, node.elts))
    if isinstance(node, ast.Dict):
        return sum(strings_in(part) for part in (*node.keys, *node.values) if part is not None)
    if not isinstance(node, ast.Call):
        return 0
    function = node.func
    if isinstance(function, ast.Name) and function.id in WRAPPERS:
        return sum(map(strings_in, node.args))
    if isinstance(function, ast.Attribute) and function.attr == "split" and not node.args:
        text = function.value
        if isinstance(text, ast.Constant) and isinstance(text.value, str):
            return len(text.value.split())
    return 0


def constants(body: list[ast.stmt], prefix: str = "") -> Iterator[tuple[str, ast.expr]]:
    """(name, value) of each assignment at module or class level, classes as `Class.NAME`."""
    for statement in body:
        if isinstance(statement, ast.ClassDef):
            yield from constants(statement.body, f"{prefix}{statement.name}.")
        elif isinstance(statement, ast.Assign | ast.AnnAssign) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id != "__all__":
                    yield f"{prefix}{target.id}", statement.value


def word_lists(source: str) -> list[tuple[str, int]]:
    """(name, strings) of each constant of `source` that holds more than MAX_WORDS strings."""
    found = [(name, strings_in(value)) for name, value in constants(ast.parse(source).body)]
    return [(name, count) for name, count in found if count > MAX_WORDS]


def stage_word_lists() -> set[tuple[str, str]]:
    return {
        (module, name)
        for path in sorted(PACKAGE.rglob("*.py"))
        if not (module := path.relative_to(PACKAGE).as_posix()).startswith(NOT_STAGES)
        for name, _count in word_lists(path.read_text(encoding="utf-8"))
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("WORDS = frozenset({" + ", ".join(f"'w{i}'" for i in range(11)) + "})", [("WORDS", 11)]),
        ("WORDS = frozenset({" + ", ".join(f"'w{i}'" for i in range(10)) + "})", []),
        ("WORDS = " + repr(tuple((f"k{i}", f"v{i}") for i in range(6))), [("WORDS", 12)]),
        (
            "TABLE = MappingProxyType({" + ", ".join(f"'k{i}': {i}" for i in range(11)) + "})",
            [("TABLE", 11)],
        ),  # fmt: skip
        (
            "WORDS = frozenset('" + " ".join(f"w{i}" for i in range(12)) + "'.split())",
            [("WORDS", 12)],
        ),  # fmt: skip
        (
            "class C:\n    WORDS = [" + ", ".join(f"'w{i}'" for i in range(11)) + "]",
            [("C.WORDS", 11)],
        ),  # fmt: skip
        ("def f():\n    return {" + ", ".join(f"'w{i}'" for i in range(11)) + "}", []),  # fmt: skip
        ("__all__ = [" + ", ".join(f"'w{i}'" for i in range(11)) + "]", []),
        (
            "CUES = (" + ", ".join(f"Cue('w{i}', re.compile('x'))" for i in range(11)) + ")",
            [],
        ),  # fmt: skip
    ],
    ids=["set", "ten", "pairs", "table", "split", "class", "function", "all", "records"],
)
def test_the_scan_finds_literal_word_lists(source: str, expected: list[tuple[str, int]]) -> None:
    assert word_lists(source) == expected


def test_no_stage_module_holds_a_word_list_of_more_than_ten_words() -> None:
    found = stage_word_lists() - CODE_CONSTANTS.keys()
    assert not found, f"word lists in stage code, to move to kittiwake/data/lang: {sorted(found)}"


def test_the_code_constants_allowed_exist() -> None:
    found = stage_word_lists()
    assert CODE_CONSTANTS.keys() <= found, sorted(CODE_CONSTANTS.keys() - found)
