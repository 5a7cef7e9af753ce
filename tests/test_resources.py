"""`kittiwake dict validate` tells dictionaries, patterns and language files apart and reports
each problem as `file:line: field: message`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kittiwake.cli.groups import main
from kittiwake.lang import shipped_language_dir
from kittiwake.resources import resource_kind, validate_resources

DICTIONARY = "countries:\n- {id: VLM, name: Velmora}\n"
PATTERNS = "- id: accuse.mine\n  cameo: '112'\n  verbs: [slander]\n"
CLAUSES = (shipped_language_dir() / "clauses.yaml").read_text(encoding="utf-8")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def validate(*args: str) -> Result:
    return CliRunner().invoke(main, ["dict", "validate", *args])


@pytest.mark.parametrize(
    ("text", "kind"),
    [(DICTIONARY, "dictionary"), (PATTERNS, "patterns"), (CLAUSES, "clauses")],
)
def test_the_kind_is_read_from_the_content(tmp_path: Path, text: str, kind: str) -> None:
    assert resource_kind(write(tmp_path, "file.yaml", text)) == kind


def test_shipped_resources_of_every_kind_are_valid() -> None:
    result = validate()
    assert result.exit_code == 0, result.output
    assert "countries" in result.output and "patterns" in result.output
    assert "1 clauses files" in result.output


def test_a_folder_mixing_kinds_is_counted_by_kind(tmp_path: Path) -> None:
    for name, text in (("a.yaml", DICTIONARY), ("b.yaml", PATTERNS), ("c.yaml", CLAUSES)):
        write(tmp_path, name, text)
    result = validate(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "1 countries" in result.output and "1 patterns" in result.output
    assert "1 clauses files" in result.output


def test_a_language_file_error_names_file_line_and_field(tmp_path: Path) -> None:
    bad = CLAUSES.replace("effort_verbs: [work,", "effort_verbs: [Work,")
    assert bad != CLAUSES
    path = write(tmp_path, "clauses.yaml", bad)
    line = bad.splitlines().index(next(x for x in bad.splitlines() if "[Work," in x)) + 1
    result = validate(str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:{line}: effort_verbs: 'Work': words are written in lower case"
    ]


def test_a_missing_list_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "clauses.yaml", CLAUSES.replace("denial_verbs:", "denail_verbs:"))
    [error] = validate_resources([path]).errors
    assert (error.path, error.field) == (str(path), "denial_verbs")


def test_kind_option_reads_a_file_its_content_does_not_reveal(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.yaml", "uncertain_verbs: [fear]\n")
    assert resource_kind(path) == "dictionary"
    result = validate("--kind", "clauses", str(path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:1: ")
    assert "uncertainty_verbs: required field is missing" in result.stdout


@pytest.mark.parametrize(
    ("name", "old", "new", "kind", "field"),
    [
        ("cameo.yaml", "goldstein: 0.0", "goldstein: 99", "cameo", "goldstein"),
        ("plover.yaml", "types:", "typs:", "dictionary", None),  # no longer a codebook's shape
        ("plover.yaml", "  - name: AGREE", "  - name: ''", "plover", "name"),
    ],
)
def test_a_codebook_file_is_checked_with_the_shipped_other_half(
    tmp_path: Path, name: str, old: str, new: str, kind: str, field: str | None
) -> None:
    shipped = (shipped_language_dir().parent.parent / name).read_text(encoding="utf-8")
    assert old in shipped
    text = shipped.replace(old, new, 1)
    path = write(tmp_path, name, text)
    assert resource_kind(path) == kind
    errors = validate_resources([path]).errors
    assert errors
    if field is not None:
        line = next(n for n, x in enumerate(text.splitlines(), 1) if new in x)
        assert (errors[0].path, errors[0].line, errors[0].field) == (str(path), line, field)
