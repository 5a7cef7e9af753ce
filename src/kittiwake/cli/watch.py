"""`kittiwake watch`: poll feeds and ingest their new items."""

from __future__ import annotations

from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.ingest import report_errors, stats_line, store_errors, workers_option
from kittiwake.cli.options import pipeline_options, settings_from
from kittiwake.ingest import IngestReport
from kittiwake.watch import parse_duration, watch


def parse_every(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    try:
        return parse_duration(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


def show_poll(report: IngestReport) -> None:
    report_errors(report)
    click.echo(f"run {report.run_id}: {stats_line(report)}", err=True)


@main.command(name="watch")
@click.argument("feeds", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="DuckDB file."
)
@click.option(
    "--every",
    "every_s",
    default="15m",
    show_default=True,
    callback=parse_every,
    help="Time between polls: 90s, 15m, 1h.",
)
@click.option("--once", is_flag=True, help="Poll once and stop (for cron and tests).")
@click.option("--fetch-links", is_flag=True, help="Fetch the pages feed items link to.")
@workers_option(1)
@pipeline_options
def watch_command(
    feeds: Path,
    db: Path,
    every_s: float,
    once: bool,
    fetch_links: bool,
    workers: int,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
) -> None:
    """Poll the feeds listed in FEEDS (URLs or feed files, one a line) and ingest new items."""
    settings = settings_from(model, dictionaries, patterns)
    with store_errors():
        watch(
            feeds,
            db=db,
            every_s=every_s,
            once=once,
            settings=settings,
            workers=workers,
            fetch_links=fetch_links,
            on_poll=show_poll,
        )
