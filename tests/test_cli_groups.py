"""The lazy command groups: `kittiwake --help` imports no command module, and the table of
commands in `cli/groups.py` matches the commands the modules define."""

from __future__ import annotations

import gc
import importlib
import json
import subprocess
import sys

import click
import pytest

from kittiwake.cli.groups import COMMANDS, main
from kittiwake.collector import COLLECTOR_THRESHOLDS, fewer_collections

HEAVY = ("spacy", "duckdb", "pandas", "pydantic", "kittiwake.pipeline")


def groups() -> dict[str, click.Group]:
    subgroups = {name: c for name, c in main.commands.items() if isinstance(c, click.Group)}
    return {"kittiwake": main, **subgroups}


@pytest.mark.parametrize(
    ("group_name", "name"),
    [(group, name) for group, table in COMMANDS.items() for name in table],
)
def test_each_listed_command_is_defined_by_its_module_with_its_summary(
    group_name: str, name: str
) -> None:
    lazy = COMMANDS[group_name][name]
    importlib.import_module(lazy.module)
    command = groups()[group_name].commands[name]
    assert command.get_short_help_str(10_000) == lazy.summary


def test_every_command_the_modules_define_is_listed() -> None:
    for module in {lazy.module for table in COMMANDS.values() for lazy in table.values()}:
        importlib.import_module(module)
    for group_name, group in groups().items():
        defined = {name for name, c in group.commands.items() if not isinstance(c, click.Group)}
        assert defined == set(COMMANDS.get(group_name, {})), group_name


@pytest.mark.parametrize("argument", ["--help", "--version"])
def test_help_and_version_import_no_command_module(argument: str) -> None:
    script = (
        "import json, sys\n"
        "from kittiwake.cli import main\n"
        f"try: main([{argument!r}])\n"
        "except SystemExit: pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    modules = json.loads(done.stderr.splitlines()[-1])
    assert not [m for m in modules if m.startswith(HEAVY)]
    assert [m for m in modules if m.startswith("kittiwake.cli.")] == ["kittiwake.cli.groups"]
    if argument == "--help":
        listed = [line.split()[0] for line in done.stdout.split("Commands:")[1].splitlines()[1:]]
        assert listed == sorted({*COMMANDS["kittiwake"], "actors", "dict", "plot"})


def test_commands_run_with_fewer_collections_and_restore_the_thresholds() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == COLLECTOR_THRESHOLDS
    assert gc.get_threshold() == before
