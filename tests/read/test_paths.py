"""Paths -> files: lazy globs, link loops, unreadable folders and names, odd stdin (D3, D7, D8)."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.read import iter_articles
from kittiwake.read.paths import expand_paths, glob_regex
from kittiwake.records import Article, Rejected

TEXT = "The minister met the ambassador on Monday."


def make_tree(root: Path, names: list[str]) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{TEXT} ({name})", encoding="utf-8")


def found(paths: list[str | Path]) -> list[str]:
    return [
        str(item) if isinstance(item, Path) else f"!{item.origin}" for item in expand_paths(paths)
    ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["c.txt"]),
        ("**/*.txt", ["a/1.txt", "a/deep/3.txt", "b/2.txt", "c.txt"]),
        ("*/*.txt", ["a/1.txt", "b/2.txt"]),
        ("a/**/*.txt", ["a/1.txt", "a/deep/3.txt"]),
        ("[ab]/?.txt", ["a/1.txt", "b/2.txt"]),
        ("[!a]/*.txt", ["b/2.txt"]),
    ],
)
def test_glob_matches_like_glob_module(tmp_path: Path, pattern: str, expected: list[str]) -> None:
    make_tree(tmp_path, ["a/1.txt", "a/deep/3.txt", "b/2.txt", "c.txt", "c.png", ".h/4.txt"])
    assert found([tmp_path / pattern]) == [str(tmp_path / name) for name in expected]


@pytest.mark.parametrize("as_glob", [False, True], ids=["folder", "glob"])
def test_link_loops_end_and_each_file_comes_once(tmp_path: Path, as_glob: bool) -> None:
    make_tree(tmp_path, ["d/a.txt", "d/sub/b.txt"])
    (tmp_path / "d" / "sub" / "up").symlink_to(tmp_path / "d")
    (tmp_path / "d" / "self").symlink_to(".")
    (tmp_path / "d" / "dangling").symlink_to(tmp_path / "nowhere")
    target = tmp_path / "d" / "**" / "*.txt" if as_glob else tmp_path / "d"
    assert found([target]) == [str(tmp_path / "d" / name) for name in ("a.txt", "sub/b.txt")]


def test_unlistable_subfolder_is_recorded_and_the_rest_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path, ["a/1.txt", "locked/2.txt", "z.txt"])
    real_scandir = os.scandir

    def scandir(path: str | Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert found([tmp_path]) == [
        str(tmp_path / "a/1.txt"),
        f"!{tmp_path / 'locked'}",
        str(tmp_path / "z.txt"),
    ]


def test_unreadable_and_overlong_paths_are_rejected_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path, ["good.txt", "secret/x.txt"])
    real_stat = os.stat

    def stat(path: str | Path, *args: object, **kwargs: object) -> os.stat_result:
        if "secret" in str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    overlong = str(tmp_path / ("n" * 300 + ".txt"))
    items = list(iter_articles([tmp_path / "secret" / "x.txt", overlong, tmp_path / "good.txt"]))
    assert [type(item) for item in items] == [Rejected, Rejected, Article]
    assert [item.reason for item in items[:2]] == [  # type: ignore[union-attr]
        "cannot read: Permission denied",
        "cannot read: File name too long",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"caf\xe9 talks \x81\x8d\x90 ended today", "binary: not UTF-8"),
        (b"", "empty"),
        (b"\x00\x01binary", "binary: contains NUL"),
        ("Caf\u00e9 talks ended today".encode(), Article),
    ],
)
def test_stdin_bytes_follow_the_file_rules(data: bytes, expected: object) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
    (item,) = iter_articles(["-"], stdin=stream)
    if expected is Article:
        assert isinstance(item, Article) and item.text == data.decode()
    else:
        assert isinstance(item, Rejected) and item.reason.startswith(str(expected))


@given(st.text(alphabet="ab/.", max_size=12))
def test_glob_regex_without_wildcards_matches_only_itself(name: str) -> None:
    assert glob_regex(name).fullmatch(name)
    assert not glob_regex(name).fullmatch(name + "x")


def test_a_pipe_is_rejected_not_read(tmp_path: Path) -> None:
    """Reading a named pipe would wait for a writer for ever."""
    make_tree(tmp_path, ["a.txt"])
    os.mkfifo(tmp_path / "pipe.txt")
    assert found([tmp_path, tmp_path / "pipe.txt"]) == [
        str(tmp_path / "a.txt"),
        f"!{tmp_path / 'pipe.txt'}",
        f"!{tmp_path / 'pipe.txt'}",
    ]
