"""`kittiwake code`: code documents and print events as JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import (
    date_option,
    kept_for_good,
    limit_option,
    no_collection_at_exit,
    pipeline_options,
    settings_from,
    warn,
)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@date_option()
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Include negated and hypothetical events, and events with no coded actor.",
)
@pipeline_options
@limit_option
def code(
    paths: tuple[str, ...],
    date: dt.date | None,
    include_all: bool,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
    limits: dict[str, str],
) -> None:
    """Code PATHS (.txt, .jsonl, .html, feeds, WARC, folders, or - for stdin); print events."""
    with kept_for_good():
        # Imported here, not above: `kittiwake code --help` should not wait for spaCy.
        from kittiwake.pipeline import Pipeline, is_default_output
        from kittiwake.read import iter_articles
        from kittiwake.records import Rejected

        pipeline = Pipeline(settings_from(model, dictionaries, patterns, limits))
    no_collection_at_exit()  # it holds the model, no connection or file
    for result in pipeline.code_all(iter_articles(paths, default_date=date)):
        if isinstance(result, Rejected):
            warn(f"skipped {result.origin}: {result.reason}")
            continue
        for event in result.events:
            if include_all or is_default_output(event):
                click.echo(json.dumps(event.to_json(), ensure_ascii=False))
