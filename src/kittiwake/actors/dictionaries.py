"""Actor dictionaries: countries, agents (sectors), organisations and people.

The shipped dictionaries live in `kittiwake/data/actors/`: `countries.yaml`, `agents.yaml`,
`organisations.yaml` and every `*.yaml` under `people/`. Each shipped file is a plain YAML list
whose kind is given by its file name (or, for people, by its folder).

User files are YAML mappings with any of the top-level keys `countries:`, `agents:`,
`organisations:`, `people:` and `discards:`, each holding a list in the same format (a discard
is `{phrase: World Cup, scope: story}`: text with the phrase is not coded, the sentence or,
with scope `story`, the whole story; PETRARCH's discard list). A user entry overrides
the shipped entry of the same kind and `id`; later user files override earlier ones. Where user
files come from (the `KITTIWAKE_DICTIONARIES` environment variable, a config file) is the
config layer's business: it passes them to `load_dictionaries(extra_paths=...)`, and
`split_path_list` turns an `os.pathsep`-separated value into paths.

Every file is validated with pydantic on load (unknown fields are errors, codes are upper-case
A-Z in 3-letter chunks, dates are ISO `YYYY-MM-DD`, a role's start comes before its end, ids are
unique per kind within a file). Errors carry the file, the line of the offending node and the
field, e.g. `my_actors.yaml:12: roles[0].start: invalid date '2015-13-01'`. Files are read in
`kittiwake.yamlio`'s text mode: line numbers come from the YAML node tree, and plain scalars
are read as strings (and `null`/`~`/empty as None), never as YAML 1.1 booleans or dates, so
`No` (Norway), `ON` or `2015-13-01` reach validation as the text the user wrote.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from kittiwake.yamlio import (
    ResourceError,
    compose_file,
    node_line,
    to_plain,
    validation_errors,
    write_pickle,
)

__all__ = [
    "KINDS",
    "AgentEntry",
    "CountryEntry",
    "Dictionaries",
    "DiscardEntry",
    "EMPTY",
    "DictionaryError",
    "OrganisationEntry",
    "PersonEntry",
    "RoleSpan",
    "count_entries",
    "is_shipped",
    "load_dictionaries",
    "shipped_paths",
    "split_path_list",
    "validate_paths",
]

KINDS = ("countries", "agents", "organisations", "people", "discards")
_KIND_ALIASES = {"organizations": "organisations"}
_NULL_TAG = "tag:yaml.org,2002:null"  # an empty `people:` section is no section
_YAML_SUFFIXES = (".yaml", ".yml")
NO_CODE_MARK = "---"
NO_CODE = ""
SHIPPED_PREFIX = "kittiwake/data/"  # how `_display` names shipped files in sources


# ---------------------------------------------------------------------------------------------
# Typed entries handed to the rest of the pipeline


@dataclass(frozen=True, slots=True)
class CountryEntry:
    id: str  # ISO 3166 alpha-3 (or a CAMEO extra such as XKX)
    code: str  # the CAMEO country code, usually the same as id
    name: str
    names: tuple[str, ...]  # every name of the country, `name` first
    adjectives: tuple[str, ...]  # "Syrian" in "Syrian troops"
    demonyms: tuple[str, ...]  # "Syrians": the people, civilians when alone
    capital: str | None
    government: tuple[str, ...]  # metonyms meaning the government (GOV)
    military: tuple[str, ...]  # metonyms meaning the military (MIL)
    legislature: tuple[str, ...]  # metonyms meaning the legislature (LEG)
    region: str | None  # CAMEO region code, e.g. MEA
    source: str  # "file:line"


@dataclass(frozen=True, slots=True)
class AgentEntry:
    id: str
    code: str
    name: str
    words: tuple[str, ...]  # lower-case trigger words and phrases
    priority: int  # higher wins when two agent words describe one mention
    source: str
    prefix: bool = False  # the code goes before the actor's (PETRARCH "[NGO~]"): NGONOR


@dataclass(frozen=True, slots=True)
class OrganisationEntry:
    id: str
    code: str
    name: str
    names: tuple[str, ...]  # every name of the organisation, `name` first
    country: str | None  # ISO3 / CAMEO region, None for transnational
    sector: str | None  # primary sector code
    source: str
    also: tuple[str, ...] = ()  # further actors the name stands for (PETRARCH's [A/B/C])


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """One dated role of a person; the span is half-open, [start, end)."""

    code: str
    start: date | None
    end: date | None
    title: str | None

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[RoleSpan, ...]
    source: str
    surname: str | None = None  # how the news names them alone, where not the last word

    def role_on(self, day: date | None) -> RoleSpan | None:
        """The role held on `day`.

        - `day` None: the latest role (latest start; open starts count as earliest).
        - Several roles contain `day`: the one that started last (the more specific one).
        - No role contains `day`: fallback to the role that ended most recently before it
          (someone who left office is still best described by their last role), else None
          when `day` precedes every role.
        Ties go to the role listed later in the file.
        """
        indexed = list(enumerate(self.roles))
        if not indexed:
            return None
        if day is None:
            return max(indexed, key=_by_start)[1]
        containing = [pair for pair in indexed if pair[1].contains(day)]
        if containing:
            return max(containing, key=_by_start)[1]
        ended = [pair for pair in indexed if pair[1].end is not None and pair[1].end <= day]
        if ended:
            return max(ended, key=_by_end)[1]
        return None


def _by_start(pair: tuple[int, RoleSpan]) -> tuple[date, int]:
    return (pair[1].start or date.min, pair[0])


def _by_end(pair: tuple[int, RoleSpan]) -> tuple[date, int]:
    return (pair[1].end or date.max, pair[0])


@dataclass(frozen=True, slots=True)
class DiscardEntry:
    """A phrase that marks text not to code (PETRARCH's discard list): the sentence it is in,
    or with scope "story" the whole story ("World Cup" reports are not politics)."""

    phrase: str
    scope: Literal["sentence", "story"]
    source: str

    @property
    def id(self) -> str:
        return f"{self.scope}:{self.phrase.lower()}"


@dataclass(frozen=True, slots=True)
class Dictionaries:
    countries: tuple[CountryEntry, ...]
    agents: tuple[AgentEntry, ...]
    organisations: tuple[OrganisationEntry, ...]
    people: tuple[PersonEntry, ...]
    discards: tuple[DiscardEntry, ...] = ()


EMPTY = Dictionaries((), (), (), ())


def country_words(dictionaries: Dictionaries) -> dict[str, str]:
    """Each country adjective, in lower case, with its country ("english": "GBR"); an
    adjective two countries share ("Congolese") names neither."""
    owners: dict[str, set[str]] = {}
    for country in dictionaries.countries:
        for adjective in country.adjectives:
            owners.setdefault(adjective.lower(), set()).add(country.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


def is_shipped(source: str) -> bool:
    """Whether an entry's `file:line` source is one of kittiwake's own files."""
    return source.replace("\\", "/").startswith(SHIPPED_PREFIX)


class DictionaryError(ResourceError):
    """A problem in a dictionary file; `str()` reads `path:line: field: message`."""


# ---------------------------------------------------------------------------------------------
# Pydantic models: the edge where user YAML is checked

_CODE_RE = re.compile(r"(?:[A-Z]{3})+")
_ISO3_RE = re.compile(r"[A-Z]{3}")
_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _check_code(value: str) -> str:
    if not _CODE_RE.fullmatch(value):
        raise ValueError(f"invalid code {value!r}: use upper-case letters A-Z in groups of three")
    return value


def _check_role_code(value: str) -> str:
    return NO_CODE if value == NO_CODE_MARK else _check_code(value)


def _check_iso3(value: str) -> str:
    if not _ISO3_RE.fullmatch(value):
        raise ValueError(f"invalid code {value!r}: use three upper-case letters A-Z")
    return value


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError(f"invalid id {value!r}: use letters, digits, '_', '.' or '-'")
    return value


def _check_text(value: str) -> str:
    if not value:
        raise ValueError("empty text")
    return value


def _one_or_many(value: Any) -> Any:
    """Accept `aliases: Kerry` as a one-item list; drop repeats, keeping the first."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(
            dict.fromkeys(item.strip() if isinstance(item, str) else item for item in value)
        )
    return value


def _parse_date(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if not _DATE_RE.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"invalid date {text!r}: use YYYY-MM-DD") from None


Code = Annotated[str, AfterValidator(_check_code)]
# "---" (PETRARCH's "no code"): for that span the person is known but coded as nobody
RoleCode = Annotated[str, AfterValidator(_check_role_code)]
Iso3 = Annotated[str, AfterValidator(_check_iso3)]
EntryId = Annotated[str, AfterValidator(_check_id)]
Text = Annotated[str, AfterValidator(_check_text)]
TextList = Annotated[tuple[Text, ...], BeforeValidator(_one_or_many)]
IsoDate = Annotated[date | None, BeforeValidator(_parse_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CountryModel(_Strict):
    id: Iso3
    code: Code | None = None
    name: Text
    names: TextList = ()
    adjectives: TextList = ()
    demonyms: TextList = ()
    capital: Text | None = None
    government: TextList = ()
    military: TextList = ()
    legislature: TextList = ()
    region: Iso3 | None = None


class AgentModel(_Strict):
    id: EntryId  # usually the code; "NGO.prefix" where one code is both prefix and suffix
    code: Code | None = None
    name: Text
    words: TextList = ()
    priority: int = 0
    prefix: bool = False

    @model_validator(mode="after")
    def _has_code(self) -> AgentModel:
        if self.code is None and not _CODE_RE.fullmatch(self.id):
            raise ValueError(f"id {self.id!r} is not a code, so the agent needs `code`")
        return self

    @field_validator("words")
    @classmethod
    def _lower_case(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        upper = [word for word in words if word != word.lower()]
        if upper:
            raise ValueError(f"agent words must be lower case: {', '.join(upper)}")
        return words


class OrganisationModel(_Strict):
    id: EntryId
    code: Code
    name: Text | None = None
    names: TextList = ()
    country: Iso3 | None = None
    sector: Code | None = None
    also: tuple[Code, ...] = ()  # the name stands for these actors too ("The Shire": 3 codes)

    @model_validator(mode="after")
    def _named(self) -> OrganisationModel:
        if not self.name and not self.names:
            raise ValueError("an organisation needs a name or at least one entry in names")
        return self


class RoleModel(_Strict):
    code: RoleCode
    start: IsoDate = None
    end: IsoDate = None
    title: Text | None = None

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if end is not None and start is not None and end <= start:
            raise ValueError(f"end {end.isoformat()} is not after start {start.isoformat()}")
        return end


class PersonModel(_Strict):
    id: EntryId
    name: Text
    aliases: TextList = ()
    roles: tuple[RoleModel, ...] = ()
    surname: Text | None = None  # "Hun" for Hun Sen: the name the news uses alone


class DiscardModel(_Strict):
    phrase: Text
    scope: Literal["sentence", "story"] = "sentence"


_MODELS: dict[str, type[_Strict]] = {
    "countries": CountryModel,
    "agents": AgentModel,
    "organisations": OrganisationModel,
    "people": PersonModel,
    "discards": DiscardModel,
}

Entry = CountryEntry | AgentEntry | OrganisationEntry | PersonEntry | DiscardEntry


def _with_name_first(name: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return names if name in names else (name, *names)


def _country_entry(model: CountryModel, source: str) -> CountryEntry:
    return CountryEntry(
        id=model.id,
        code=model.code or model.id,
        name=model.name,
        names=_with_name_first(model.name, model.names),
        adjectives=model.adjectives,
        demonyms=model.demonyms,
        capital=model.capital,
        government=model.government,
        military=model.military,
        legislature=model.legislature,
        region=model.region,
        source=source,
    )


def _agent_entry(model: AgentModel, source: str) -> AgentEntry:
    return AgentEntry(
        id=model.id,
        code=model.code or model.id,
        name=model.name,
        words=model.words,
        priority=model.priority,
        source=source,
        prefix=model.prefix,
    )


def _organisation_entry(model: OrganisationModel, source: str) -> OrganisationEntry:
    name = model.name or model.names[0]
    return OrganisationEntry(
        id=model.id,
        code=model.code,
        name=name,
        names=_with_name_first(name, model.names),
        country=model.country,
        sector=model.sector,
        source=source,
        also=model.also,
    )


def _person_entry(model: PersonModel, source: str) -> PersonEntry:
    roles = tuple(RoleSpan(r.code, r.start, r.end, r.title) for r in model.roles)
    return PersonEntry(
        id=model.id,
        name=model.name,
        aliases=model.aliases,
        roles=roles,
        source=source,
        surname=model.surname,
    )


def _to_entry(kind: str, model: BaseModel, source: str) -> Entry:
    if isinstance(model, CountryModel):
        return _country_entry(model, source)
    if isinstance(model, AgentModel):
        return _agent_entry(model, source)
    if isinstance(model, OrganisationModel):
        return _organisation_entry(model, source)
    if isinstance(model, PersonModel):
        return _person_entry(model, source)
    if isinstance(model, DiscardModel):
        return DiscardEntry(model.phrase, model.scope, source)
    raise TypeError(f"no entry type for {kind}")  # pragma: no cover - _MODELS is closed


# ---------------------------------------------------------------------------------------------
# Reading files


@dataclass(frozen=True, slots=True)
class _FileResult:
    entries: dict[str, tuple[Entry, ...]]
    errors: tuple[DictionaryError, ...]


def _dictionary_error(error: ResourceError) -> DictionaryError:
    return DictionaryError(error.path, error.line, error.field, error.message)


def _kind_from_name(path: Path) -> str | None:
    for candidate in (path.stem.lower(), path.parent.name.lower()):
        candidate = _KIND_ALIASES.get(candidate, candidate)
        if candidate in KINDS:
            return candidate
    return None


def _sections(root: yaml.Node, path: Path, display: str) -> list[tuple[str, yaml.Node]]:
    """The (kind, list node) pairs of a file: a mapping by top-level key, or a named list."""
    if isinstance(root, yaml.SequenceNode):
        kind = _kind_from_name(path)
        if kind is None:
            raise DictionaryError(
                display,
                node_line(root),
                "document",
                "a plain list needs a file name saying its kind (countries.yaml, agents.yaml, "
                "organisations.yaml, people/*.yaml); otherwise use top-level keys "
                + ", ".join(f"{k}:" for k in KINDS),
            )
        return [(kind, root)]
    if not isinstance(root, yaml.MappingNode):
        raise DictionaryError(
            display, node_line(root), "document", "expected a mapping with top-level keys or a list"
        )
    sections = []
    for key_node, value_node in root.value:
        key = str(key_node.value)
        kind = _KIND_ALIASES.get(key, key)
        if kind not in KINDS:
            raise DictionaryError(
                display, node_line(key_node), key, f"unknown section; use one of {', '.join(KINDS)}"
            )
        sections.append((kind, value_node))
    return sections


def _read_section(
    kind: str, node: yaml.Node, display: str
) -> tuple[list[Entry], list[DictionaryError]]:
    if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [DictionaryError(display, node_line(node), kind, "expected a list of entries")]
    model_type = _MODELS[kind]
    entries: list[Entry] = []
    errors: list[DictionaryError] = []
    first_line: dict[str, int] = {}
    for item in node.value:
        line = node_line(item)
        if not isinstance(item, yaml.MappingNode):
            errors.append(DictionaryError(display, line, kind, "each entry must be a mapping"))
            continue
        plain = to_plain(item, typed=False)
        try:
            model = model_type.model_validate(plain.data)
        except ValidationError as error:
            found = validation_errors(error, path=display, lines=plain.lines, fallback=line)
            errors.extend(_dictionary_error(problem) for problem in found)
            continue
        entry = _to_entry(kind, model, f"{display}:{line}")
        if entry.id in first_line:
            message = f"duplicate id {entry.id!r} (first at line {first_line[entry.id]})"
            id_line = plain.line(("id",), fallback=line)
            errors.append(DictionaryError(display, id_line, "id", message))
            continue
        first_line[entry.id] = line
        entries.append(entry)
    return entries, errors


def _read_file(path: Path, display: str) -> _FileResult:
    try:
        root = compose_file(path, display=display, typed=False)
        sections = [] if root is None else _sections(root, path, display)
    except DictionaryError as error:
        return _FileResult({}, (error,))
    except ResourceError as error:  # unreadable file or broken YAML
        return _FileResult({}, (_dictionary_error(error),))
    entries: dict[str, list[Entry]] = {}
    errors: list[DictionaryError] = []
    for kind, node in sections:
        found, problems = _read_section(kind, node, display)
        entries.setdefault(kind, []).extend(found)
        errors.extend(problems)
    return _FileResult({kind: tuple(items) for kind, items in entries.items()}, tuple(errors))


# A large user file (an imported PETRARCH dictionary: tens of thousands of entries) takes
# seconds to parse and validate; its valid result is kept, keyed by the file's path, size and
# modification time, so that later runs read it back in a fraction of a second. The shipped
# files of 10-50 kB (agents, organisations, some people) are kept too: together they took
# 30 ms of every start (issue 11).
CACHE_MIN_BYTES = 10_000
CACHE_FORMAT = 2  # bump when the entry dataclasses change


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Build many small objects at once without the cyclic collector: tens of thousands of
    entries read back from a cache trigger collections that cost as much as the reading."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cache_folder() -> Path:
    from kittiwake.geo.gazetteer import default_cache_dir  # noqa: PLC0415 - one shared setting

    return default_cache_dir() / "dictionaries"


def _cache_path(path: Path, display: str) -> Path | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    if stat.st_size < CACHE_MIN_BYTES:
        return None
    key = f"{CACHE_FORMAT}|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{display}"
    return cache_folder() / f"{hashlib.sha1(key.encode()).hexdigest()[:20]}.pkl"


def _read_cached(path: Path, display: str) -> _FileResult:
    cached = _cache_path(path, display)
    if cached is not None and cached.exists():
        try:
            with cached.open("rb") as handle, paused_gc():
                loaded = pickle.load(handle)
            if isinstance(loaded, _FileResult):
                return loaded
        except (OSError, pickle.UnpicklingError, AttributeError, TypeError, EOFError):
            pass  # an unreadable or outdated cache entry is rebuilt below
    result = _read_file(path, display)
    if cached is not None and not result.errors:
        write_pickle(cached, result)
    return result


# ---------------------------------------------------------------------------------------------
# Public API


def _package_root() -> Path:
    return Path(__file__).resolve().parent.parent


def shipped_paths() -> tuple[Path, ...]:
    """The dictionary files shipped with kittiwake, in load order."""
    actors = _package_root() / "data" / "actors"
    fixed = [actors / f"{kind}.yaml" for kind in ("countries", "agents", "organisations")]
    people_dir = actors / "people"
    people = sorted(people_dir.glob("*.yaml")) + sorted(people_dir.glob("*.yml"))
    return tuple(path for path in fixed if path.exists()) + tuple(people)


def _display(path: Path) -> str:
    """Shipped files read `kittiwake/data/...` so sources do not depend on the install dir."""
    root = _package_root()
    try:
        return str(Path(root.name) / path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def _expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders expand to their YAML files, recursively and sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in _YAML_SUFFIXES))
        else:
            files.append(path)
    return files


def _merge(results: Iterable[_FileResult]) -> Dictionaries:
    """Entries by kind; a later entry with the same id replaces an earlier one in place."""
    by_kind: dict[str, dict[str, Entry]] = {kind: {} for kind in KINDS}
    for result in results:
        for kind, entries in result.entries.items():
            by_kind[kind].update((entry.id, entry) for entry in entries)
    return Dictionaries(
        countries=tuple(by_kind["countries"].values()),  # type: ignore[arg-type]
        agents=tuple(by_kind["agents"].values()),  # type: ignore[arg-type]
        organisations=tuple(by_kind["organisations"].values()),  # type: ignore[arg-type]
        people=tuple(by_kind["people"].values()),  # type: ignore[arg-type]
        discards=tuple(by_kind["discards"].values()),  # type: ignore[arg-type]
    )


def _read_all(paths: Sequence[Path]) -> tuple[list[_FileResult], list[DictionaryError]]:
    results = [_read_cached(path, _display(path)) for path in _expand(paths)]
    errors = [error for result in results for error in result.errors]
    return results, errors


@functools.lru_cache(maxsize=1)
def _load_shipped() -> tuple[_FileResult, ...]:
    results, errors = _read_all(shipped_paths())
    if errors:
        raise errors[0]
    return tuple(results)


def load_dictionaries(*, extra_paths: Sequence[Path] = (), shipped: bool = True) -> Dictionaries:
    """Shipped dictionaries, overridden by user files in order (same kind and id); with
    `shipped=False` the user files alone (to code as another coder would with its own).

    Raises the first DictionaryError found; `validate_paths` lists them all. The shipped part
    is parsed once per process.
    """
    results, errors = _read_all([Path(p) for p in extra_paths])
    if errors:
        raise errors[0]
    return _merge((*(_load_shipped() if shipped else ()), *results))


def validate_paths(paths: Sequence[Path]) -> list[DictionaryError]:
    """Every problem in `paths` (files or folders); no paths checks the shipped files.

    Among the shipped files an id defined in two files of one kind is an error too (user files
    may override each other on purpose; shipped files should not).
    """
    if paths:
        return _read_all([Path(p) for p in paths])[1]
    results, errors = _read_all(shipped_paths())
    return errors + list(_repeated_ids(results))


def _repeated_ids(results: Iterable[_FileResult]) -> Iterator[DictionaryError]:
    first: dict[tuple[str, str], str] = {}
    for result in results:
        for kind, entries in result.entries.items():
            for entry in entries:
                earlier = first.setdefault((kind, entry.id), entry.source)
                if earlier != entry.source:
                    path, line = entry.source.rsplit(":", 1)
                    message = f"duplicate id {entry.id!r} (first at {earlier})"
                    yield DictionaryError(path, int(line), "id", message)


def count_entries(paths: Sequence[Path]) -> dict[str, int]:
    """Valid entries per kind in `paths` (the shipped files when empty), after overrides."""
    results, _ = _read_all([Path(p) for p in paths] or shipped_paths())
    merged = _merge(results)
    return {kind: len(getattr(merged, kind)) for kind in KINDS}


def split_path_list(value: str | None) -> tuple[Path, ...]:
    """Paths from an `os.pathsep`-separated list such as `$KITTIWAKE_DICTIONARIES`."""
    if not value:
        return ()
    return tuple(Path(part) for part in value.split(os.pathsep) if part.strip())
