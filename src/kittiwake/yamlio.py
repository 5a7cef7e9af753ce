"""Reading user-editable YAML with line numbers, so validation errors can name `file:line`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import re

import yaml
from pydantic import BaseModel, ValidationError

try:  # the C loader is several times faster on the large shipped dictionaries
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader  # type: ignore[assignment]


class Loader(SafeLoader):
    """YAML 1.2 booleans: only true/false. In YAML 1.1 `on`, `no`, `yes` are booleans, which
    turns the preposition list `[on, against]` into `[True, against]`."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


M = TypeVar("M", bound=BaseModel)


class ResourceError(ValueError):
    """A problem in a YAML resource, located as `path:line: field: message`."""

    def __init__(self, path: Path | str, line: int, field: str, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.field = field
        self.message = message
        super().__init__(f"{self.path}:{line}: {field}: {message}")


@dataclass(frozen=True, slots=True)
class Item:
    """One list item of a YAML file: its data, its line, and the line of each field."""

    data: Any
    line: int
    field_lines: dict[str, int]


def read_items(path: Path, *, key: str | None = None) -> Iterator[Item]:
    """The items of a YAML list (the whole file, or the list under top-level `key`)."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ResourceError(path, line, "(yaml)", str(error).splitlines()[0]) from error
    if root is None:
        return
    node = root
    if key is not None:
        node = _mapping_value(root, key)
        if node is None:
            return
    if not isinstance(node, yaml.SequenceNode):
        raise ResourceError(path, node.start_mark.line + 1, key or "(file)", "expected a list")
    for child in node.value:
        data = yaml.load(yaml.serialize(child), Loader=Loader)  # noqa: S506 - SafeLoader
        field_lines: dict[str, int] = {}
        if isinstance(child, yaml.MappingNode):
            for key_node, _ in child.value:
                field_lines[str(key_node.value)] = key_node.start_mark.line + 1
        yield Item(data=data, line=child.start_mark.line + 1, field_lines=field_lines)


def _mapping_value(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node
    return None


def validate_item(model: type[M], item: Item, *, path: Path) -> M:
    """Validate one item, turning pydantic's first error into a located ResourceError."""
    try:
        return model.model_validate(item.data)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "(item)"
        top = str(first["loc"][0]) if first["loc"] else ""
        line = item.field_lines.get(top, item.line)
        raise ResourceError(path, line, location, first["msg"]) from error
