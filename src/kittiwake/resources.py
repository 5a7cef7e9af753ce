"""Every kind of YAML resource a user can edit, told apart and validated with `file:line` errors
(what `kittiwake dict validate` reports).

Kinds: actor dictionaries, event patterns, the codebook (`cameo.yaml`, `plover.yaml`, each
checked against the shipped other half), and word files (`kittiwake.lang.WORD_FILES`: the
language files `data/lang/**/*.yaml` and the codebook's speech-act and place-recipient
tables). A file's kind is read from its content, so a folder may mix kinds: a list whose
first entry names a CAMEO code holds patterns; a mapping with `codes` is a CAMEO codebook,
with `types` a PLOVER one; a mapping whose keys are mostly those of a word file is that file;
anything else is a dictionary (whose own errors then say what is wrong).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from kittiwake.actors.dictionaries import count_entries, validate_paths
from kittiwake.events.codebook import CodebookError, load_codebook
from kittiwake.events.patterns import (
    count_patterns,
    is_pattern_file,
    shipped_pattern_files,
    validate_pattern_paths,
)
from kittiwake.lang import WORD_FILES, data_path, read_word_file, shipped_data_dir
from kittiwake.yamlio import ResourceError, load_file

DICTIONARY, PATTERNS, CAMEO, PLOVER = "dictionary", "patterns", "cameo", "plover"
KINDS = (DICTIONARY, PATTERNS, CAMEO, PLOVER, *WORD_FILES)
# A codebook problem as CodebookError words it: `file:line: field: message`.
_CODEBOOK_PROBLEM = re.compile(r"(?P<path>.*):(?P<line>\d+): (?P<field>[^:]*): (?P<message>.*)")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclasses.dataclass(frozen=True)
class Validation:
    errors: tuple[ResourceError, ...]
    counts: dict[str, int]  # valid entries per kind, e.g. {"countries": 250, "patterns": 900}


def resource_kind(path: Path) -> str:
    """The kind of the YAML file at `path`, from its content (see the module's docstring)."""
    if is_pattern_file(path):
        return PATTERNS
    try:
        data = load_file(path).data
    except ResourceError:  # broken YAML: the dictionary reader reports it, located
        return DICTIONARY
    if isinstance(data, dict) and "codes" in data:
        return CAMEO
    if isinstance(data, dict) and "types" in data:
        return PLOVER
    if isinstance(data, dict):
        shared = {kind: len(model.model_fields.keys() & data) for kind, model in WORD_FILES.items()}
        best = max(shared, key=shared.__getitem__)
        if shared[best]:
            return best
    return DICTIONARY


def validate_resources(paths: Sequence[Path], *, kind: str | None = None) -> Validation:
    """Every problem in `paths` (files, or folders of YAML files), each read as `kind` or as
    its content says; no paths checks every shipped resource."""
    if not paths:
        return _validate_shipped()
    by_kind: dict[str, list[Path]] = {}
    for path in yaml_files(paths):
        by_kind.setdefault(kind or resource_kind(path), []).append(path)
    return _combine(_validate_kind(name, files) for name, files in by_kind.items())


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders expand to their YAML files, recursively and sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES))
        else:
            files.append(path)
    return files


def _validate_kind(kind: str, files: list[Path]) -> Validation:
    if kind == PATTERNS:
        errors = validate_pattern_paths(files)
        return Validation(tuple(errors), {} if errors else {PATTERNS: count_patterns(files)})
    if kind == DICTIONARY:
        found = validate_paths(files)
        return Validation(tuple(found), {} if found else count_entries(files))
    if kind in (CAMEO, PLOVER):
        return _validate_codebook(kind, files)
    return _validate_word_files(kind, files)


def _validate_codebook(kind: str, files: Sequence[Path]) -> Validation:
    """Each file read with the shipped other half of the codebook."""
    errors: list[ResourceError] = []
    for path in files:
        try:
            if kind == CAMEO:
                load_codebook(cameo_path=path)
            else:
                load_codebook(plover_path=path)
        except CodebookError as error:
            errors.extend(map(_located, error.problems))
    return Validation(tuple(errors), {} if errors else {f"{kind} files": len(files)})


def _located(problem: str) -> ResourceError:
    found = _CODEBOOK_PROBLEM.fullmatch(problem)
    if found is None:  # "... and N more": no place of its own
        return ResourceError("codebook", 0, "document", problem)
    return ResourceError(found["path"], int(found["line"]), found["field"], found["message"])


def _validate_word_files(kind: str, files: Sequence[Path]) -> Validation:
    errors = []
    for path in files:
        try:
            read_word_file(path, WORD_FILES[kind])
        except ResourceError as error:  # the reader stops at a file's first problem
            errors.append(error)
    return Validation(tuple(errors), {} if errors else {f"{kind} files": len(files)})


def _validate_shipped() -> Validation:
    """The shipped dictionaries (ids repeated across files too), patterns and word files (with
    the user's language files where `KITTIWAKE_LANG_DIR` names some)."""
    dictionaries = validate_paths([])
    shipped = Validation(tuple(dictionaries), {} if dictionaries else count_entries([]))
    return _combine(
        [
            shipped,
            _validate_kind(PATTERNS, shipped_pattern_files()),
            _validate_kind(CAMEO, [shipped_data_dir() / "cameo.yaml"]),
            _validate_kind(PLOVER, [shipped_data_dir() / "plover.yaml"]),
            *(_validate_kind(kind, [data_path(model)]) for kind, model in WORD_FILES.items()),
        ]
    )


def _combine(results: Iterable[Validation]) -> Validation:
    errors: list[ResourceError] = []
    counts: dict[str, int] = {}
    for result in results:
        errors.extend(result.errors)
        counts.update(result.counts)
    return Validation(tuple(errors), counts if not errors else {})
