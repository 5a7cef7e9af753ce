"""Every kind of YAML resource a user can edit, told apart and validated with `file:line` errors
(what `kittiwake dict validate` reports).

Kinds: actor dictionaries, event patterns, and language files (`data/lang/en/*.yaml`). A
file's kind is read from its content, so a folder may mix kinds: a list whose first entry
names a CAMEO code holds patterns; a mapping with a key of a language file's shape is that
language file; anything else is a dictionary (whose own errors then say what is wrong).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from kittiwake.actors.dictionaries import count_entries, validate_paths
from kittiwake.events.patterns import (
    count_patterns,
    is_pattern_file,
    shipped_pattern_files,
    validate_pattern_paths,
)
from kittiwake.lang import ClauseWords, read_clause_words, shipped_language_dir
from kittiwake.yamlio import ResourceError, load_file

DICTIONARY, PATTERNS = "dictionary", "patterns"
# Language files by kind: the reader that validates one, and the keys that mark the kind.
LANGUAGE_FILES: Mapping[str, tuple[Callable[[Path], object], frozenset[str]]] = {
    "clauses": (read_clause_words, frozenset(f.name for f in dataclasses.fields(ClauseWords))),
}
KINDS = (DICTIONARY, PATTERNS, *LANGUAGE_FILES)
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
    if isinstance(data, dict):
        for kind, (_read, keys) in LANGUAGE_FILES.items():
            if keys & set(data):
                return kind
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
    return _validate_language(kind, files)


def _validate_language(kind: str, files: Sequence[Path]) -> Validation:
    read, _keys = LANGUAGE_FILES[kind]
    errors = []
    for path in files:
        try:
            read(path)
        except ResourceError as error:  # the reader stops at a file's first problem
            errors.append(error)
    return Validation(tuple(errors), {} if errors else {f"{kind} files": len(files)})


def _validate_shipped() -> Validation:
    """The shipped dictionaries (ids repeated across files too), patterns and language files."""
    dictionaries = validate_paths([])
    shipped = Validation(tuple(dictionaries), {} if dictionaries else count_entries([]))
    language: dict[str, list[Path]] = {}
    for path in yaml_files([shipped_language_dir()]):
        language.setdefault(resource_kind(path), []).append(path)
    return _combine(
        [
            shipped,
            _validate_kind(PATTERNS, shipped_pattern_files()),
            *(_validate_kind(kind, files) for kind, files in language.items()),
        ]
    )


def _combine(results: Iterable[Validation]) -> Validation:
    errors: list[ResourceError] = []
    counts: dict[str, int] = {}
    for result in results:
        errors.extend(result.errors)
        counts.update(result.counts)
    return Validation(tuple(errors), counts if not errors else {})
