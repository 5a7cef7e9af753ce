"""Paths -> files: folders walked and globs expanded lazily, in sorted order, safely.

A walk follows directory links (a corpus may be assembled from links) but enters no
directory twice, so a link loop ends instead of recursing until memory runs out. Globs are
matched while walking their fixed leading folder, not expanded into a list first. Anything
that cannot be listed or looked at (no permission, a name too long, a broken link) becomes
a `Rejected` naming it, and the walk goes on with the rest.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from kittiwake.read.common import format_of_suffix
from kittiwake.records import Rejected

GLOB_CHARS = frozenset("*?[")


def expand_paths(paths: Sequence[str | Path]) -> Iterator[Path | Rejected]:
    """Files named by `paths`: folders walked recursively and globs expanded, sorted.

    Inside folders and globs only files with a known suffix are taken (hidden files and
    folders are left out); a file named explicitly is read whatever its suffix. A path that
    matches nothing, or cannot be looked at, is Rejected.
    """
    for raw in paths:
        yield from expand_path(str(raw))


def expand_path(raw: str) -> Iterator[Path | Rejected]:
    try:
        mode = os.stat(raw).st_mode
    except FileNotFoundError:
        mode = None
    except (OSError, ValueError) as error:
        yield Rejected(raw, f"cannot read: {reason_of(error)}")
        return
    if mode is not None and stat.S_ISDIR(mode):
        yield from walk_folder(Path(raw))
    elif mode is not None and stat.S_ISREG(mode):
        yield Path(raw)
    elif mode is not None:  # a pipe or a device could block the read, or never end
        yield Rejected(raw, "not a regular file")
    elif GLOB_CHARS & set(raw):
        yield from expand_glob(raw)
    else:
        yield Rejected(raw, "no such file or folder")


def reason_of(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def walk_folder(root: Path, *, max_depth: int | None = None) -> Iterator[Path | Rejected]:
    """Files with a known suffix under `root`, depth first in name order (= sorted paths).

    An explicit stack instead of recursion: a deep tree cannot exhaust Python's stack.
    `max_depth` (1 = `root`'s own entries) stops the walk early for globs without `**`.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[tuple[os.DirEntry[str] | None, Path]]] = [iter([(None, root)])]
    while stack:
        entry, path = next(stack[-1], (None, None))
        if path is None:
            stack.pop()
            continue
        kind = entry_kind(entry, path, seen=seen)
        if isinstance(kind, Rejected):
            yield kind
        elif kind in ("file", "special") and format_of_suffix(path):
            yield path if kind == "file" else Rejected(str(path), "not a regular file")
        elif kind == "folder" and (max_depth is None or len(stack) <= max_depth):
            listed = list_folder(path)
            if isinstance(listed, Rejected):
                yield listed
            else:
                stack.append(iter(listed))


def entry_kind(
    entry: os.DirEntry[str] | None, path: Path, *, seen: set[tuple[int, int]]
) -> str | Rejected:
    """ "file", "folder" (not entered before), "" (anything else) or why it cannot be read."""
    try:
        info = entry.stat() if entry is not None else path.stat()
    except FileNotFoundError:
        return ""  # a dangling link, or removed meanwhile: nothing to read
    except OSError as error:
        return Rejected(str(path), f"cannot read: {reason_of(error)}")
    if stat.S_ISREG(info.st_mode):
        return "file"
    if not stat.S_ISDIR(info.st_mode):
        return "special"
    if (info.st_dev, info.st_ino) in seen:
        return ""
    seen.add((info.st_dev, info.st_ino))
    return "folder"


def list_folder(path: Path) -> list[tuple[os.DirEntry[str] | None, Path]] | Rejected:
    """The visible entries of a folder in name order, or why it cannot be listed."""
    try:
        with os.scandir(path) as entries:
            found = [(entry, path / entry.name) for entry in entries]
    except OSError as error:
        return Rejected(str(path), f"cannot read folder: {reason_of(error)}")
    visible = [item for item in found if not item[1].name.startswith(".")]
    return sorted(visible, key=lambda item: item[1].name)


def expand_glob(pattern: str) -> Iterator[Path | Rejected]:
    """Files matching `pattern` (`*`, `?`, `[...]`, `**` for any depth), found lazily."""
    base, rest = split_glob(pattern)
    matcher = glob_regex(rest)
    depth = None if "**" in rest else len(Path(rest).parts)
    matched = False
    for found in walk_folder(base, max_depth=depth):
        if isinstance(found, Rejected):
            yield found
        elif matcher.fullmatch(found.relative_to(base).as_posix()):
            matched = True
            yield found
    if not matched:
        yield Rejected(pattern, "no files match this pattern")


def split_glob(pattern: str) -> tuple[Path, str]:
    """(the folder before the first part with a wildcard, the rest of the pattern)."""
    parts = Path(pattern).parts
    fixed = next(index for index, part in enumerate(parts) if GLOB_CHARS & set(part))
    base = Path(*parts[:fixed]) if fixed else Path(".")
    return base, Path(*parts[fixed:]).as_posix()


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A regex for a relative glob pattern, as `glob.glob(recursive=True)` reads it."""
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:[^/]+/)*")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        elif pattern[index] == "[" and (close := pattern.find("]", index + 2)) > 0:
            body = pattern[index + 1 : close].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            index = close + 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out))
