"""Reading user-editable YAML with line numbers, so validation errors can name `file:line`.

Every resource is read the same way: compose the YAML node tree (libyaml when installed),
turn it into plain Python data while recording the 1-based line of each node under its
location (the tuple of keys and list indices that pydantic reports as `loc`), validate with
pydantic, and place each error on the deepest node along its location. Unreadable files and
YAML syntax errors become `ResourceError`s located the same way.

Two scalar typings:

- typed (the default): YAML 1.1 ints, floats, nulls and dates, but YAML 1.2 booleans
  (only true/false), so `symmetric: true` and `goldstein: -10.0` are typed while the
  preposition list `[on, against]` stays text;
- text (`typed=False`): every plain scalar is a string and only `null`, `~` and empty are
  None, so `No` (Norway), `ON` or `2015-13-01` reach validation as the text the user wrote.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.constructor import SafeConstructor

from kittiwake.errors import KittiwakeError

try:  # the C parser composes the node tree several times faster
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = [
    "Item",
    "Loader",
    "Location",
    "Plain",
    "ResourceError",
    "TextLoader",
    "compose_file",
    "compose_text",
    "field_name",
    "friendly_message",
    "line_at",
    "load_file",
    "load_text",
    "node_line",
    "read_items",
    "to_plain",
    "validate_item",
    "validation_errors",
    "write_pickle",
]

_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"


class Loader(SafeLoader):
    """YAML 1.2 booleans: only true/false. In YAML 1.1 `on`, `no`, `yes` are booleans, which
    turns the preposition list `[on, against]` into `[True, against]`."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class TextLoader(SafeLoader):
    """Resolves only nulls: text mode reads every other scalar as its text, and checking one
    pattern per scalar instead of eight keeps the large shipped dictionaries fast."""


TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == _NULL_TAG]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
    if any(tag == _NULL_TAG for tag, _ in resolvers)
}

M = TypeVar("M", bound=BaseModel)
Location = tuple[str | int, ...]


class ResourceError(KittiwakeError, ValueError):
    """A problem in a YAML resource, located as `path:line: field: message`."""

    def __init__(self, path: Path | str, line: int, field: str, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(f"{self.path}:{line}: {field}: {message}")

    def __reduce__(self) -> tuple[type[ResourceError], tuple[str, int, str, str]]:
        # The default would call __init__ with the formatted message alone.
        return (type(self), (self.path, self.line, self.field, self.message))


# ---------------------------------------------------------------------------------------------
# Text -> node tree


def compose_file(path: Path, *, display: str | None = None, typed: bool = True) -> yaml.Node | None:
    """The node tree of `path` (None when empty); errors name `display` (default: the path)."""
    shown = str(path) if display is None else display
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError(shown, 1, "file", f"cannot read: {error}") from None
    return compose_text(text, display=shown, typed=typed)


def compose_text(text: str, *, display: str, typed: bool = True) -> yaml.Node | None:
    return _compose(text, display=display, loader=Loader if typed else TextLoader, field="yaml")


def _compose(text: str, *, display: str, loader: type[SafeLoader], field: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        raise _syntax_error(error, display=display, field=field) from None


def _syntax_error(error: yaml.YAMLError, *, display: str, field: str) -> ResourceError:
    """Report where the parser stopped, and where the construct it was reading began."""
    if not isinstance(error, yaml.MarkedYAMLError):
        return ResourceError(display, 1, field, str(error))
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    message = str(error.problem or "syntax error")
    if error.context:
        message += f" {error.context}"
        if error.context_mark is not None and error.context_mark.line + 1 != line:
            message += f" started at line {error.context_mark.line + 1}"
    return ResourceError(display, line, field, message)


def node_line(node: yaml.Node) -> int:
    """The 1-based line where `node` starts."""
    return int(node.start_mark.line) + 1


# ---------------------------------------------------------------------------------------------
# Node tree -> plain data with a line for every node


@dataclass(frozen=True, slots=True)
class Plain:
    """Plain Python data of a YAML node and the line of each node under its location."""

    data: Any
    lines: dict[Location, int]

    def line(self, location: Sequence[str | int], *, fallback: int) -> int:
        return line_at(location, self.lines, fallback=fallback)


def to_plain(node: yaml.Node | None, *, typed: bool = True) -> Plain:
    """`node` as plain data (None for no node); typed nodes must come from a typed compose.

    Raises yaml.MarkedYAMLError for a typed scalar that cannot be built (an unknown `!tag`,
    an impossible date such as 2015-13-01).
    """
    if node is None:
        return Plain(None, {})
    lines: dict[Location, int] = {}
    text = _text_data(node, (), lines)
    if not typed:
        return Plain(text, lines)
    return Plain(_construct(node), lines)


def _construct(node: yaml.Node) -> Any:
    """Typed data by YAML's own rules (anchors, `<<` merges, tags)."""
    try:
        return SafeConstructor().construct_document(node)
    except ValueError as error:  # the timestamp constructor raises it bare, without a mark
        bad = _first_unbuildable(node) or node
        problem = f"invalid value: {error}"
        raise yaml.MarkedYAMLError(problem=problem, problem_mark=bad.start_mark) from error


def _first_unbuildable(node: yaml.Node) -> yaml.Node | None:
    """The first scalar under `node` that cannot be built (only called after a failure)."""
    if isinstance(node, yaml.ScalarNode):
        try:
            SafeConstructor().construct_object(node)
        except ValueError:
            return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else chain(*node.value)
    return next(filter(None, map(_first_unbuildable, children)), None)


def _text_data(node: yaml.Node, here: Location, lines: dict[Location, int]) -> Any:
    """Scalars as text (nulls as None); records each node's line under its location."""
    lines.setdefault(here, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        return None if node.tag == _NULL_TAG else node.value
    if isinstance(node, yaml.SequenceNode):
        return [_text_data(item, (*here, index), lines) for index, item in enumerate(node.value)]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
        mapping[key] = _text_data(value_node, (*here, key), lines)
    return mapping


def load_file(path: Path, *, display: str | None = None, typed: bool = True) -> Plain:
    """A whole file as plain data with lines; unreadable or broken YAML is a ResourceError."""
    shown = str(path) if display is None else display
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ResourceError(shown, 1, "file", f"cannot read: {error}") from None
    return load_text(text, display=shown, typed=typed)


def load_text(text: str, *, display: str, typed: bool = True) -> Plain:
    cached = _cache_path("plain", text, typed=typed)
    found = _read_cache(cached, Plain)
    if isinstance(found, Plain):
        return found
    root = compose_text(text, display=display, typed=typed)
    plain = _plain_or_error(root, display, typed)
    _write_cache(cached, plain)
    return plain


def _plain_or_error(root: yaml.Node | None, display: str, typed: bool) -> Plain:
    try:
        return to_plain(root, typed=typed)
    except yaml.YAMLError as error:
        raise _syntax_error(error, display=display, field="yaml") from None


# ---------------------------------------------------------------------------------------------
# Parsed resources kept on disk

# The codebook and the event patterns (60 kB of YAML) are read at every start: composing and
# constructing them took 50 ms of `kittiwake code` on one sentence (issue 11), reading back
# what they gave takes 2. So are the language files (12 files of 0.9-7 kB): composed, each
# took 0.3-2.5 ms, 10 ms in all; read back, 0.2-0.3 ms. An entry is keyed by the text
# itself, so an edited file is parsed anew, and is written only for a text read without
# errors; files under 800 characters are parsed each time (as fast as reading an entry).
CACHE_MIN_CHARS = 800
CACHE_FORMAT = 1  # bump when Plain or Item change


def _cache_path(kind: str, text: str, *, typed: bool) -> Path | None:
    if len(text) < CACHE_MIN_CHARS:
        return None
    from kittiwake.geo.gazetteer import default_cache_dir  # noqa: PLC0415 - one shared setting

    digest = hashlib.sha1(f"{CACHE_FORMAT}|{kind}|{typed}\n{text}".encode()).hexdigest()
    return default_cache_dir() / "yaml" / f"{digest[:24]}.pkl"


def _read_cache(cached: Path | None, kind: type) -> object | None:
    if cached is None:
        return None
    try:
        with cached.open("rb") as handle:
            found = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None  # missing, unreadable or outdated: parsed again and written anew
    return found if isinstance(found, kind) else None


def _write_cache(cached: Path | None, value: object) -> None:
    if cached is not None:
        write_pickle(cached, value)


def write_pickle(path: Path, value: object) -> None:
    """Write a cache file whole or not at all (a partial file, then renamed); a read-only
    cache folder only costs time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------
# Pydantic errors -> located messages


def line_at(location: Sequence[str | int], lines: dict[Location, int], *, fallback: int) -> int:
    """The line of the deepest node along `location` (a missing field: its parent's line)."""
    path = tuple(location)
    for cut in range(len(path), -1, -1):
        line = lines.get(path[:cut])
        if line is not None:
            return line
    return fallback


def field_name(location: Sequence[str | int], *, empty: str = "entry") -> str:
    """`roles[0].start` for ("roles", 0, "start"); `empty` for the whole item."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or empty


def friendly_message(detail: ErrorDetails) -> str:
    """A pydantic error in the user's terms, showing the offending value where it helps."""
    kind = detail["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    message = str(detail["msg"])
    shown = repr(detail.get("input"))
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"{message[:1].lower()}{message[1:]} (got {shown})"


def validation_errors(
    error: ValidationError, *, path: Path | str, lines: dict[Location, int], fallback: int
) -> Iterator[ResourceError]:
    """Every error of `error`, with nested field names and friendly messages."""
    for detail in error.errors():
        location = tuple(detail["loc"])
        line = line_at(location, lines, fallback=fallback)
        yield ResourceError(path, line, field_name(location), friendly_message(detail))


# ---------------------------------------------------------------------------------------------
# Lists of items, each validated on its own (event patterns, regions)


@dataclass(frozen=True, slots=True)
class Item:
    """One list item of a YAML file: its data, its line, and the line of each field."""

    data: Any
    line: int
    field_lines: dict[str, int]


def read_items(path: Path, *, key: str | None = None) -> Iterator[Item]:
    """The typed items of a YAML list (the whole file, or the list under top-level `key`).

    An unreadable file raises its OSError; broken YAML is a ResourceError on field `(yaml)`.
    """
    text = path.read_text(encoding="utf-8")
    cached = _cache_path(f"items {key}", text, typed=True)
    found = _read_cache(cached, list)
    if isinstance(found, list):
        yield from found
        return
    items = []
    for item in _read_items(text, path=path, key=key):
        items.append(item)
        yield item
    _write_cache(cached, items)  # only once every item was read without an error


def _read_items(text: str, *, path: Path, key: str | None) -> Iterator[Item]:
    root = _compose(text, display=str(path), loader=Loader, field="(yaml)")
    node = root if root is None or key is None else _mapping_value(root, key)
    if node is None:
        return
    if not isinstance(node, yaml.SequenceNode):
        raise ResourceError(path, node_line(node), key or "(file)", "expected a list")
    for child in node.value:
        try:
            data = _construct(child)
        except yaml.YAMLError as error:
            raise _syntax_error(error, display=str(path), field="(yaml)") from None
        field_lines: dict[str, int] = {}
        if isinstance(child, yaml.MappingNode):
            for key_node, _ in child.value:
                field_lines[str(key_node.value)] = node_line(key_node)
        yield Item(data=data, line=node_line(child), field_lines=field_lines)


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


def validate_item(model: type[M], item: Item, *, path: Path) -> M:
    """Validate one item, turning pydantic's first error into a located ResourceError.

    The field is pydantic's dotted location (`modality.0`, `(item)` for the whole item) and
    the line is that of the top-level key, as event pattern files have always reported.
    """
    try:
        return model.model_validate(item.data)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "(item)"
        top = str(first["loc"][0]) if first["loc"] else ""
        line = item.field_lines.get(top, item.line)
        raise ResourceError(path, line, location, first["msg"]) from error
