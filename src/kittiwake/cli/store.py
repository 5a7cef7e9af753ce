"""Query, export and plot commands over a kittiwake database (all read-only)."""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click
import duckdb
import pandas as pd
import pyarrow as pa

from kittiwake.cli.groups import actors, main, plot
from kittiwake.store import Store, StoreError, StoreLockedError, plots, queries
from kittiwake.store import export as store_export

F = TypeVar("F", bound=Callable[..., Any])
FILTER_NAMES = (
    "start",
    "end",
    "actor",
    "side",
    "cameo",
    "plover",
    "quad_class",
    "place_country",
    "text",
    "include_negated",
    "unit",
    "one_a_day",
)

TABLE_COLUMNS = [  # what fits a terminal; csv and jsonl carry every column
    "effective_date",
    "source_code",
    "cameo",
    "target_code",
    "goldstein",
    "plover_type",
    "place_name",
    "sentence_text",
]


class StoreLocked(click.ClickException):
    exit_code = 2


# DuckDB errors that mean the file itself is bad, not the query.
DAMAGE_ERRORS = (duckdb.IOException, duckdb.InternalException, duckdb.SerializationException)


@contextlib.contextmanager
def _open(db: Path, snapshot: bool) -> Iterator[Store]:
    """The store at `db`, read-only; a file that cannot be opened or read is a one-line
    error naming it, not a traceback."""
    try:
        store = Store.open(db, read_only=True, snapshot=snapshot)
    except StoreLockedError as error:
        raise StoreLocked(str(error)) from error
    except (StoreError, FileNotFoundError) as error:
        raise click.ClickException(str(error)) from error
    except duckdb.Error as error:  # a damaged file fails on its first query: the migrations'
        raise click.ClickException(f"cannot open {db} (damaged?): {one_line(error)}") from error
    with store:
        try:
            yield store
        except DAMAGE_ERRORS as error:
            raise click.ClickException(f"cannot read {db} (damaged?): {one_line(error)}") from error
        except duckdb.Error as error:
            raise click.ClickException(f"{db}: {one_line(error)}") from error


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def db_options(command: F) -> F:
    command = click.option(
        "--snapshot",
        is_flag=True,
        help="Query a temporary copy, so it works while an ingest holds the database.",
    )(command)
    return click.option(
        "--db", type=click.Path(path_type=Path), required=True, help="The kittiwake database."
    )(command)


_FILTER_OPTIONS = (
    click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="First date, inclusive."),
    click.option("--end", type=click.DateTime(["%Y-%m-%d"]), help="Last date, inclusive."),
    click.option("--actor", help="Actor code prefix, e.g. RUS or RUSGOV."),
    click.option("--side", type=click.Choice(queries.SIDES), default="either", show_default=True),
    click.option("--cameo", help="CAMEO event code or prefix, e.g. 19 or 042."),
    click.option("--plover", help="PLOVER event type, e.g. ASSAULT."),
    click.option(
        "--quad", "quad_class", type=click.IntRange(1, 4), multiple=True, help="Quad class 1-4."
    ),
    click.option("--place-country", help="Country code of the event's place."),
    click.option("--text", help="Case-insensitive text in the sentence."),
    click.option("--include-negated", is_flag=True, help="Keep negated and hypothetical events."),
    click.option(
        "--unit",
        type=click.Choice(queries.UNITS),
        default="cluster",
        show_default=True,
        help="Count real-world events (clusters of reports) or every coded mention.",
    ),
    click.option(
        "--one-a-day", is_flag=True, help="ICEWS filter: one event per source, target, code, day."
    ),
)


def filter_options(command: F) -> F:
    for option in reversed(_FILTER_OPTIONS):
        command = option(command)
    return command


def _filters(options: dict[str, Any]) -> dict[str, Any]:
    filters = {name: options.pop(name) for name in FILTER_NAMES}
    filters["quad_class"] = list(filters["quad_class"]) or None
    return filters


def format_option(default: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["jsonl", "csv", "table"]),
        default=default,
        show_default=True,
    )


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as YYYY-MM-DD text, so JSON and tables don't show midnight timestamps."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    return frame


def _emit(result: pd.DataFrame | pa.Table, output_format: str) -> None:
    frame = _plain(result.to_pandas() if isinstance(result, pa.Table) else result)
    if output_format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif output_format == "jsonl":
        for record in frame.to_dict(orient="records"):
            click.echo(json.dumps(record, default=str, ensure_ascii=False))
    else:
        _print_table(frame)


def _print_table(frame: pd.DataFrame) -> None:
    """A table on stdout: fitted to a terminal, whole (nothing cut short) anywhere else."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    cells = [
        [("" if pd.isna(value) else str(value)) for value in row]
        for row in frame.itertuples(index=False)
    ]
    table = Table()
    for position, column in enumerate(frame.columns):
        table.add_column(str(column), no_wrap=position < len(frame.columns) - 1)
    for row in cells:
        table.add_row(*(Text(value) for value in row))  # Text: "[x]" in a name is not markup
    if sys.stdout.isatty():
        # A narrow terminal cuts long cells; tables of events need 140 columns to stay readable.
        width = max(140, shutil.get_terminal_size((140, 24)).columns)
    else:
        # Piped or redirected output is read by programs and people later: every character.
        widths = [
            max([len(str(column)), *(len(line) for row in cells for line in row[i].splitlines())])
            for i, column in enumerate(frame.columns)
        ]
        width = sum(widths) + 3 * len(widths) + 1
    Console(width=width).print(table)


@main.command()
@db_options
@filter_options
@click.option("--limit", type=int, help="At most this many events.")
@format_option("jsonl")
def events(db: Path, snapshot: bool, limit: int | None, output_format: str, **options: Any) -> None:
    """Print stored events (JSON Lines like `kittiwake code`, CSV or a table)."""
    filters = _filters(options)
    with _open(db, snapshot) as store:
        if output_format != "jsonl":
            frame = queries.events(store, limit=limit, **filters)
            assert isinstance(frame, pd.DataFrame)
            shown = [*TABLE_COLUMNS, *(c for c in ("cluster_mentions",) if c in frame.columns)]
            columns = shown if output_format == "table" else list(frame.columns)
            _emit(frame[columns], output_format)
            return
        for row in queries.event_rows(store, limit=limit, **filters):
            names = ("num_articles", "num_sources", *queries.CLUSTER_COLUMNS)
            extra = {key: row[key] for key in names if key in row}
            click.echo(json.dumps({**queries.event_json(row), **extra}, ensure_ascii=False))


@main.command()
@db_options
@filter_options
@click.option("--by", type=click.Choice([*queries.PERIODS, "all"]), default="week")
@format_option("table")
def dyads(db: Path, snapshot: bool, by: str, output_format: str, **options: Any) -> None:
    """Events per source-target pair and period; goldstein_mean stands in for GDELT's tone."""
    with _open(db, snapshot) as store:
        frame = queries.dyads(store, by=None if by == "all" else by, **_filters(options))
        _emit(frame, output_format)


@main.command()
@db_options
@filter_options
@click.option("--by", type=click.Choice(list(queries.PERIODS)), default="week")
@format_option("table")
def timeline(db: Path, snapshot: bool, by: str, output_format: str, **options: Any) -> None:
    """Events per quad class per period."""
    with _open(db, snapshot) as store:
        _emit(queries.timeline(store, by=by, **_filters(options)), output_format)


@actors.command("top")
@db_options
@click.option("--side", type=click.Choice(queries.SIDES), default="source", show_default=True)
@click.option("--limit", type=int, default=20, show_default=True)
@format_option("table")
def actors_top(db: Path, snapshot: bool, side: str, limit: int, output_format: str) -> None:
    """The actors in most stored events."""
    with _open(db, snapshot) as store:
        _emit(queries.top_actors(store, side=side, limit=limit), output_format)


@main.command()
@db_options
@click.argument("query")
@format_option("table")
def sql(db: Path, snapshot: bool, query: str, output_format: str) -> None:
    """Run one read-only SELECT query against the database."""
    with _open(db, snapshot) as store:
        try:
            frame = queries.sql(store, query)
        except StoreError as error:
            raise click.ClickException(str(error)) from error
        _emit(frame, output_format)


@main.command()
@db_options
@click.option("--run", "run_id", type=int, help="Only this run.")
@click.option("--limit", type=int)
@format_option("table")
def rejected(
    db: Path, snapshot: bool, run_id: int | None, limit: int | None, output_format: str
) -> None:
    """Inputs that could not be coded, and why."""
    with _open(db, snapshot) as store:
        _emit(queries.rejected(store, run_id=run_id, limit=limit), output_format)


@main.command(name="export")
@db_options
@filter_options
@click.option("--format", "output_format", type=click.Choice(store_export.FORMATS), required=True)
@click.option("--out", type=click.Path(path_type=Path), required=True)
def export_events(db: Path, snapshot: bool, output_format: str, out: Path, **options: Any) -> None:
    """Export events as GDELT 2.0 rows, PLOVER JSON Lines, monthly Parquet or CSV."""
    with _open(db, snapshot) as store:
        count = store_export.export(store, format=output_format, out=out, **_filters(options))
    click.echo(f"wrote {count} events to {out}", err=True)


def _draw(draw: Callable[..., Path], db: Path, snapshot: bool, **arguments: Any) -> None:
    with _open(db, snapshot) as store:
        try:
            path = draw(store, **arguments)
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"wrote {path}", err=True)


@plot.command("timeline")
@db_options
@filter_options
@click.option("--by", type=click.Choice(list(queries.PERIODS)), default="week")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.png or .svg")
def plot_timeline(db: Path, snapshot: bool, by: str, out: Path, **options: Any) -> None:
    """Quad-class event counts over time."""
    _draw(plots.plot_timeline, db, snapshot, out=out, by=by, **_filters(options))


@plot.command("dyad")
@db_options
@click.option("--source", required=True, help="Source actor code prefix.")
@click.option("--target", required=True, help="Target actor code prefix.")
@click.option("--by", type=click.Choice(list(queries.PERIODS)), default="week")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.png or .svg")
def plot_dyad(db: Path, snapshot: bool, source: str, target: str, by: str, out: Path) -> None:
    """Goldstein score over time for one source-target pair."""
    _draw(plots.plot_dyad, db, snapshot, source=source, target=target, by=by, out=out)


@plot.command("network")
@db_options
@filter_options
@click.option("--limit", type=int, default=20, show_default=True, help="Number of actors.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="FILE.png or .svg")
def plot_network(db: Path, snapshot: bool, limit: int, out: Path, **options: Any) -> None:
    """Actors on a circle, arrows coloured by cooperation (green) or conflict (red)."""
    _draw(plots.plot_network, db, snapshot, out=out, limit=limit, **_filters(options))
