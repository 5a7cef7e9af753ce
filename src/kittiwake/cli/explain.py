"""`kittiwake explain`: show why a sentence was or was not coded."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import date_option, pipeline_options, settings_from
from kittiwake.explain import explain_text, render_text
from kittiwake.pipeline import Pipeline


@main.command()
@click.argument("text")
@date_option("Publication date (YYYY-MM-DD) of the text; default today.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@pipeline_options
def explain(
    text: str,
    date: dt.date | None,
    output_format: str,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
) -> None:
    """Show the parse, actor resolutions, patterns that fired or nearly fired, and events for TEXT (- reads stdin)."""
    pipeline = Pipeline(settings_from(model, dictionaries, patterns))
    explanation = explain_text(
        sys.stdin.read() if text == "-" else text, date=date, pipeline=pipeline
    )
    if output_format == "json":
        click.echo(json.dumps(explanation.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(explanation), nl=False)
