"""`kittiwake actors resolve`: the actors in a text (or in each query of a file) as JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from kittiwake.actors.query import ActorQuery, read_queries
from kittiwake.cli.groups import actors
from kittiwake.cli.options import date_option
from kittiwake.config import Settings


@actors.command(name="resolve")
@click.argument("text", required=False)
@click.option("--file", "queries_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help='JSON Lines of {"id", "text", "date", "context"}; prints one result per line.')  # fmt: skip
@date_option(
    "Date (YYYY-MM-DD) the text was written; for --file, the default for lines without one."
)
@click.option("--context", default=None, help="Text that precedes TEXT (a sentence or an article).")
@click.option("--dictionary", "dictionaries", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actor dictionary YAML (repeatable); overrides shipped entries by id.")  # fmt: skip
@click.option("--model", default=None, help="spaCy pipeline to parse with.")
def resolve(
    text: str | None,
    queries_path: Path | None,
    date: dt.date | None,
    context: str | None,
    dictionaries: tuple[Path, ...],
    model: str | None,
) -> None:
    """Resolve the actors named in TEXT, or in every query of --file, and print them as JSON."""
    if (text is None) == (queries_path is None):
        raise click.UsageError("give either TEXT or --file QUERIES.jsonl")
    query = ActorQuery.from_settings(
        Settings.from_env(model=model, dictionaries=dictionaries or None)
    )
    if text is not None:
        found = query(text, date=date, context=context)
        click.echo(json.dumps([a.to_json() for a in found], ensure_ascii=False, indent=2))
        return
    assert queries_path is not None
    queries = read_queries(queries_path, default_date=date, default_context=context)
    for result in query.resolve_all(queries):
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
