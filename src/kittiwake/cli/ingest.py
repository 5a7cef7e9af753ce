"""`kittiwake ingest` and `kittiwake recode`: code documents into (or again inside) a DuckDB file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import duckdb
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from kittiwake.cli.groups import main
from kittiwake.cli.options import (
    date_option,
    limit_option,
    pipeline_options,
    settings_from,
    warn,
)
from kittiwake.cluster import DaskUnavailableError
from kittiwake.ingest import IngestReport, WorkerCrashError, ingest_paths, recode
from kittiwake.store import StoreError, StoreLockedError


def workers_option(default: int | None) -> Callable[..., Any]:
    shown = "number of cores" if default is None else str(default)
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=default,
        help=f"Processes coding articles (default: {shown}); 1 codes in this process.",
    )


def dask_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--dask",
        "dask_cluster",
        metavar="ADDRESS",
        help="Code on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
        "(a local cluster of --workers processes). Needs kittiwake[dask].",
    )(command)


def progress_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--no-progress", is_flag=True, help="Do not show the progress bar.")(
        command
    )


def stats_line(report: IngestReport) -> str:
    return (
        f"{report.processed} inputs  {report.rate():.1f}/s  {report.articles} stored  "
        f"{report.events} events  {report.duplicates + report.near_duplicates} duplicates  "
        f"{report.errors} errors"
    )


@contextmanager
def progress_bar(label: str, *, hidden: bool) -> Iterator[Callable[[IngestReport], None]]:
    """An `on_progress` callback drawing a live line on stderr (nothing when hidden or when
    stderr is not a terminal, so logs and pipes get only the summary)."""
    console = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.fields[stats]}"),
        TimeElapsedColumn(),
        console=console,
        disable=hidden or not console.is_terminal,
        transient=True,
    )
    task = progress.add_task(label, total=None, stats="starting")

    def show(report: IngestReport) -> None:
        progress.update(task, stats=stats_line(report))

    with progress:
        yield show


def report_errors(report: IngestReport) -> None:
    for rejected in report.rejected:
        where = f"{rejected.origin} [{rejected.record}]" if rejected.record else rejected.origin
        warn(f"rejected {where}: {rejected.reason}")


@contextmanager
def store_errors(db: Path | None = None) -> Iterator[None]:
    """Errors a user can act on as one line: a locked, damaged or full database."""
    try:
        yield
    except (StoreLockedError, StoreError, DaskUnavailableError, WorkerCrashError) as error:
        raise click.ClickException(str(error)) from error
    except KeyboardInterrupt:
        raise click.ClickException(
            "interrupted: what was committed is kept; run the same command again to go on"
        ) from None
    except (duckdb.Error, OSError) as error:  # a full disk, a damaged file
        message = " ".join(str(error).split())
        where = f"{db}: " if db is not None else ""
        raise click.ClickException(f"{where}{message} (what was committed is kept)") from error


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--db", required=True, type=click.Path(dir_okay=False, path_type=Path), help="DuckDB file."
)
@date_option()
@workers_option(None)
@click.option("--fetch-links", is_flag=True, help="Fetch the pages feed items link to.")
@dask_option
@progress_option
@pipeline_options
@limit_option
def ingest(
    paths: tuple[str, ...],
    db: Path,
    date: dt.date | None,
    workers: int | None,
    fetch_links: bool,
    dask_cluster: str | None,
    no_progress: bool,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
    limits: dict[str, str],
) -> None:
    """Code PATHS (files, folders, globs, - for stdin) into DB; re-running skips stored ones."""
    settings = settings_from(model, dictionaries, patterns, limits)
    with store_errors(db), progress_bar("ingest", hidden=no_progress) as show:
        report = ingest_paths(
            paths,
            db=db,
            settings=settings,
            default_date=date,
            workers=workers,
            fetch_links=fetch_links,
            on_progress=show,
            dask=dask_cluster,
        )
    report_errors(report)
    for noted in report.notes:
        warn(f"{noted.origin}: {noted.reason}")
    if report.renamed:
        warn(
            f"{report.renamed} inputs reuse an id already taken by other content: "
            "kept under id#<content hash>"
        )
    click.echo(
        f"run {report.run_id}: {report.articles} articles stored, {report.events} events, "
        f"{report.skipped} already stored, {report.duplicates} exact and "
        f"{report.near_duplicates} near duplicates, {report.errors} rejected -> {db}",
        err=True,
    )


@main.command(name="recode")
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--where-doc", "doc_ids", multiple=True, help="Only this doc_id (repeatable).")
@workers_option(1)
@dask_option
@progress_option
@pipeline_options
@limit_option
def recode_command(
    db: Path,
    doc_ids: tuple[str, ...],
    workers: int,
    dask_cluster: str | None,
    no_progress: bool,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
    limits: dict[str, str],
) -> None:
    """Re-code stored articles with the current dictionaries and patterns, replacing their events."""
    settings = settings_from(model, dictionaries, patterns, limits)
    with store_errors(db), progress_bar("recode", hidden=no_progress) as show:
        report = recode(
            db,
            settings=settings,
            doc_ids=doc_ids or None,
            workers=workers,
            on_progress=show,
            dask=dask_cluster,
        )
    report_errors(report)
    click.echo(
        f"run {report.run_id}: {report.articles} articles re-coded, {report.events} events, "
        f"{report.errors} not re-coded -> {db}",
        err=True,
    )
