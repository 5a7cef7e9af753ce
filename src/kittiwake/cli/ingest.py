"""`kittiwake ingest`: code documents into a DuckDB file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import date_option, pipeline_options, settings_from, warn
from kittiwake.ingest import ingest_paths


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="DuckDB file.")
@date_option()
@pipeline_options
def ingest(
    paths: tuple[str, ...],
    db: Path,
    date: dt.date | None,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
) -> None:
    """Code PATHS and store articles, actors and events in DB (re-running skips stored ones)."""
    report = ingest_paths(paths, db=db, settings=settings_from(model, dictionaries, patterns), default_date=date)
    for rejected in report.rejected:
        warn(f"rejected {rejected.origin}: {rejected.reason}")
    click.echo(
        f"run {report.run_id}: {report.articles} articles stored, {report.events} events, "
        f"{report.skipped} already stored, {report.duplicates} duplicates, "
        f"{len(report.rejected)} rejected -> {db}",
        err=True,
    )
