"""The CAMEO event codebook and its PLOVER equivalents, loaded from YAML.

The codebook is data (`kittiwake/data/cameo.yaml`, `kittiwake/data/plover.yaml`) so users can
correct or extend it; this module validates those files once at load and turns them into
frozen records. Every problem is reported as `file:line: field: problem`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from kittiwake.yamlio import Plain, ResourceError, load_file, load_text

__all__ = [
    "CameoCode",
    "Codebook",
    "CodebookError",
    "PloverType",
    "load_codebook",
    "quad_class",
]

# GDELT's quad classes by CAMEO root: (first root, last root, class).
_QUAD_RANGES = ((1, 5, 1), (6, 9, 2), (10, 14, 3), (15, 20, 4))
_MAX_REPORTED = 20  # a badly broken file should not produce a wall of errors


class CodebookError(ValueError):
    """A codebook file is malformed; the message has one `file:line: field: problem` per line."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        shown = list(self.problems[:_MAX_REPORTED])
        if len(self.problems) > _MAX_REPORTED:
            shown.append(f"... and {len(self.problems) - _MAX_REPORTED} more")
        super().__init__("\n".join(shown))


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its Goldstein weight and PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]
    goldstein_icews: float | None = None


@dataclass(frozen=True, slots=True)
class PloverType:
    """A PLOVER event type and the modes it allows (empty when it takes none)."""

    name: str
    definition: str
    modes: tuple[str, ...]
    mode_definitions: tuple[tuple[str, str], ...] = ()

    def mode_definition(self, mode: str) -> str:
        for name, definition in self.mode_definitions:
            if name == mode:
                return definition
        raise KeyError(f"{self.name} has no mode {mode!r}")


def quad_class(code: str) -> int:
    """GDELT quad class of a CAMEO code: 1 verbal coop, 2 material coop, 3 verbal, 4 material conflict."""
    root = int(code[:2])
    for first, last, quad in _QUAD_RANGES:
        if first <= root <= last:
            return quad
    raise ValueError(f"CAMEO code {code!r} has no root between 01 and 20")


class Codebook:
    """Lookup over CAMEO codes and PLOVER types; build it with `load_codebook`."""

    def __init__(
        self,
        *,
        codes: Iterable[CameoCode],
        plover_types: Iterable[PloverType],
        contexts: Iterable[str],
    ) -> None:
        self._codes = {entry.code: entry for entry in codes}
        self._plover = {entry.name: entry for entry in plover_types}
        self._contexts = tuple(contexts)

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(code)

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def codes(self) -> list[str]:
        """All codes in file order (CAMEO order for the packaged codebook)."""
        return list(self._codes)

    def roots(self) -> list[str]:
        return [code for code in self._codes if len(code) == 2]

    def plover_types(self) -> list[str]:
        return list(self._plover)

    def plover(self, name: str) -> PloverType:
        return self._plover[name]

    def contexts(self) -> list[str]:
        return list(self._contexts)

    def is_valid_mode(self, plover_type: str, mode: str | None) -> bool:
        """True when `plover_type` exists and allows `mode` (None, no mode, is always allowed)."""
        entry = self._plover.get(plover_type)
        if entry is None:
            return False
        return mode is None or mode in entry.modes


def load_codebook(*, cameo_path: Path | None = None, plover_path: Path | None = None) -> Codebook:
    """Load and validate the codebook; either file defaults to the packaged one."""
    if cameo_path is None and plover_path is None:
        return _default_codebook()
    cameo = _read(cameo_path) if cameo_path is not None else _packaged("cameo.yaml")
    plover = _read(plover_path) if plover_path is not None else _packaged("plover.yaml")
    return _build(cameo=cameo, plover=plover)


@functools.lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    return _build(cameo=_packaged("cameo.yaml"), plover=_packaged("plover.yaml"))


# --- reading YAML with line numbers (kittiwake.yamlio) ------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    """A YAML file's name and typed data, with the line of each node for error messages."""

    name: str
    plain: Plain

    @property
    def data(self) -> Any:
        return self.plain.data


def _packaged(filename: str) -> _Source:
    resource = resources.files("kittiwake").joinpath("data", filename)
    name = str(resource)
    try:
        return _Source(name, load_text(resource.read_text(encoding="utf-8"), display=name))
    except ResourceError as error:
        raise CodebookError([str(error)]) from error


def _read(path: Path) -> _Source:
    try:
        return _Source(str(path), load_file(Path(path)))
    except ResourceError as error:  # unreadable file or broken YAML
        raise CodebookError([str(error)]) from error


def _problem(source: _Source, loc: Sequence[int | str], message: str) -> str:
    line = source.plain.line(loc, fallback=0)  # the deepest node along `loc`; 0: empty file
    # Name the field inside the list item ("goldstein", "modes.name"), not the top-level list.
    fields = [part for part in loc if isinstance(part, str)]
    field = ".".join(fields[1:] or fields) or "document"
    return f"{source.name}:{line}: {field}: {message}"


# --- schema (pydantic at the file edge) ----------------------------------------------------

_Model = TypeVar("_Model", bound=BaseModel)
_Goldstein = Annotated[float, Field(ge=-10.0, le=10.0)]


class _CodeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: Annotated[StrictStr, Field(pattern=r"^\d{2,4}$")]
    name: Annotated[StrictStr, Field(min_length=1)]
    goldstein: _Goldstein
    goldstein_icews: _Goldstein | None = None
    plover_type: StrictStr | None = None
    plover_mode: StrictStr | None = None
    plover_context: list[StrictStr] = Field(default_factory=list)


class _CameoFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    codes: list[_CodeEntry]


class _ModeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[StrictStr, Field(min_length=1)]
    definition: Annotated[StrictStr, Field(min_length=1)]


class _TypeEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[StrictStr, Field(min_length=1)]
    definition: Annotated[StrictStr, Field(min_length=1)]
    modes: list[_ModeEntry] = Field(default_factory=list)


class _PloverFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    types: list[_TypeEntry]
    contexts: list[StrictStr] = Field(default_factory=list)


def _validate(model: type[_Model], source: _Source) -> _Model:
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        problems = [_problem(source, err["loc"], err["msg"]) for err in exc.errors()]
        raise CodebookError(problems) from exc


# --- cross-file checks ---------------------------------------------------------------------


def _build(*, cameo: _Source, plover: _Source) -> Codebook:
    plover_file = _validate(_PloverFile, plover)
    cameo_file = _validate(_CameoFile, cameo)
    problems = _check_plover(plover_file, plover)
    types = {entry.name: entry for entry in plover_file.types}
    problems += _check_codes(cameo_file, cameo, types=types, contexts=set(plover_file.contexts))
    if problems:
        raise CodebookError(problems)
    return Codebook(
        codes=[_cameo_record(entry) for entry in cameo_file.codes],
        plover_types=[_plover_record(entry) for entry in plover_file.types],
        contexts=plover_file.contexts,
    )


def _check_plover(parsed: _PloverFile, source: _Source) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for index, entry in enumerate(parsed.types):
        if entry.name in seen:
            problems.append(
                _problem(source, ("types", index, "name"), f"duplicate type {entry.name!r}")
            )
        seen.add(entry.name)
        modes = [mode.name for mode in entry.modes]
        for mode_index, mode in enumerate(modes):
            if mode in modes[:mode_index]:
                loc = ("types", index, "modes", mode_index, "name")
                problems.append(_problem(source, loc, f"duplicate mode {mode!r}"))
    return problems


def _check_codes(
    parsed: _CameoFile, source: _Source, *, types: dict[str, _TypeEntry], contexts: set[str]
) -> list[str]:
    problems: list[str] = []
    all_codes = {entry.code for entry in parsed.codes}
    seen: set[str] = set()
    for index, entry in enumerate(parsed.codes):
        for field, message in _code_problems(entry, seen=seen, all_codes=all_codes):
            problems.append(_problem(source, ("codes", index, field), message))
        for field, message in _plover_problems(entry, types=types, contexts=contexts):
            problems.append(_problem(source, ("codes", index, field), message))
        seen.add(entry.code)
    return problems


def _code_problems(
    entry: _CodeEntry, *, seen: set[str], all_codes: set[str]
) -> Iterator[tuple[str, str]]:
    if entry.code in seen:
        yield "code", f"duplicate code {entry.code!r}"
    if not 1 <= int(entry.code[:2]) <= 20:
        yield "code", f"root {entry.code[:2]!r} of {entry.code!r} is not between 01 and 20"
    elif entry.code[:2] not in all_codes:
        yield "code", f"root {entry.code[:2]!r} of {entry.code!r} is not in the codebook"


def _plover_problems(
    entry: _CodeEntry, *, types: dict[str, _TypeEntry], contexts: set[str]
) -> Iterator[tuple[str, str]]:
    for context in entry.plover_context:
        if context not in contexts:
            yield "plover_context", f"unknown PLOVER context {context!r}"
    if entry.plover_type is None:
        if entry.plover_mode is not None:
            yield "plover_mode", "a mode needs a plover_type"
        return
    plover_type = types.get(entry.plover_type)
    if plover_type is None:
        yield "plover_type", f"unknown PLOVER type {entry.plover_type!r}"
        return
    allowed = [mode.name for mode in plover_type.modes]
    if entry.plover_mode is not None and entry.plover_mode not in allowed:
        yield (
            "plover_mode",
            f"{entry.plover_type} has no mode {entry.plover_mode!r} (allowed: {', '.join(allowed) or 'none'})",
        )


def _cameo_record(entry: _CodeEntry) -> CameoCode:
    return CameoCode(
        code=entry.code,
        name=entry.name,
        goldstein=entry.goldstein,
        root=entry.code[:2],
        quad_class=quad_class(entry.code),
        plover_type=entry.plover_type,
        plover_mode=entry.plover_mode,
        plover_context=tuple(entry.plover_context),
        goldstein_icews=entry.goldstein_icews,
    )


def _plover_record(entry: _TypeEntry) -> PloverType:
    return PloverType(
        name=entry.name,
        definition=entry.definition,
        modes=tuple(mode.name for mode in entry.modes),
        mode_definitions=tuple((mode.name, mode.definition) for mode in entry.modes),
    )
