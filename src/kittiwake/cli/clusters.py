"""`kittiwake cluster`: one cluster's reports side by side; `kittiwake evaluate-clusters`: score
event clusters against ECB+ cross-document coreference."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import pipeline_options, settings_from
from kittiwake.cli.store import _emit, _open, db_options, format_option
from kittiwake.cluster_eval import code_documents, evaluate_clusters, load_gold
from kittiwake.pipeline import Pipeline
from kittiwake.store.clusters import cluster_reports


@main.command(name="cluster")
@db_options
@click.argument("cluster_id")
@format_option("table")
def cluster_command(db: Path, snapshot: bool, cluster_id: str, output_format: str) -> None:
    """Show the reports of CLUSTER_ID (an event cluster) side by side, representative first."""
    with _open(db, snapshot) as store:
        try:
            frame = cluster_reports(store, cluster_id)
        except KeyError as error:
            raise click.ClickException(str(error.args[0])) from error
    _emit(frame, output_format)


@main.command(name="evaluate-clusters")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--format", "output_format", type=click.Choice(["json", "table"]), default="json")
@pipeline_options
def evaluate_clusters_command(
    gold: Path,
    limit: int | None,
    output_format: str,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
) -> None:
    """Code GOLD (ECB+ JSONL), cluster the events, and print MUC, B-cubed, CEAF-e and CoNLL F1
    of the clusters and of the same-root + same-dyad + same-day baseline."""
    try:
        documents = load_gold(gold, limit=limit)
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    pipeline = Pipeline(settings_from(model, dictionaries, patterns))
    coded = code_documents(documents, code=pipeline.code_safely)
    result = evaluate_clusters(documents, coded).to_json()
    if output_format == "json":
        click.echo(json.dumps(result))
    else:
        click.echo("\n".join(f"{name:24} {value}" for name, value in result.items()))
