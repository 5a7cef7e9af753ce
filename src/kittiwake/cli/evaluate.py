"""`kittiwake evaluate`: score event coding against gold sentences."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import pipeline_options, settings_from
from kittiwake.evaluate import evaluate, read_gold
from kittiwake.evaluate_documents import evaluate_documents, is_document_gold, read_gold_articles
from kittiwake.pipeline import Pipeline


@main.command(name="evaluate")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--misses",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write wrongly typed sentences here (JSONL); for whole articles, every error by kind.",
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
    """Score event type, CAMEO root, source/target and (type, source, target) triples on GOLD.

    GOLD is either gold sentences (one sentence per line) or whole annotated articles (one
    article per line, every event and trap listed, as in real_news_dev); the format is read
    from the first record.
    """
    pipeline = Pipeline(settings_from(model, dictionaries, patterns))
    if is_document_gold(gold):
        articles = read_gold_articles(gold)[:limit]
        document_scores = evaluate_documents(articles, pipeline=pipeline, keep_errors=bool(misses))
        summary, records = document_scores.to_json(), document_scores.error_records
    else:
        scores = evaluate(read_gold(gold)[:limit], pipeline=pipeline, keep_misses=bool(misses))
        summary, records = scores.to_json(), scores.misses
    if misses:
        misses.write_text(
            "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in records), encoding="utf-8"
        )
    click.echo(json.dumps(summary, indent=2))
