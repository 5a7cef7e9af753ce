"""`kittiwake evaluate`: score event coding against gold sentences."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import pipeline_options, settings_from
from kittiwake.evaluate import evaluate, read_gold
from kittiwake.pipeline import Pipeline


@main.command(name="evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--misses",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write wrongly typed sentences here (JSONL).",
)
@click.option("--limit", type=int, default=None, help="Score only the first N sentences.")
@pipeline_options
def evaluate_command(
    gold: Path,
    misses: Path | None,
    limit: int | None,
    model: str | None,
    dictionaries: tuple[Path, ...],
    patterns: tuple[Path, ...],
) -> None:
    """Score event type, CAMEO root, source/target and (type, source, target) triples on GOLD."""
    sentences = read_gold(gold)[:limit]
    scores = evaluate(
        sentences,
        pipeline=Pipeline(settings_from(model, dictionaries, patterns)),
        keep_misses=bool(misses),
    )
    if misses:
        misses.write_text(
            "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in scores.misses),
            encoding="utf-8",
        )
    click.echo(json.dumps(scores.to_json(), indent=2))
