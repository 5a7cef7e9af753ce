"""Ingest: read -> skip what is stored -> dedupe -> code -> store, one transaction per article.

Idempotent: an article whose id (or exact content) is already stored is skipped, so running
the same ingest twice, or again after it was killed, stores every article once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kittiwake import __version__
from kittiwake.actors.dictionaries import load_dictionaries
from kittiwake.config import Settings
from kittiwake.dedupe import content_hash
from kittiwake.pipeline import Pipeline
from kittiwake.read import iter_articles
from kittiwake.records import Article, CodedArticle, Rejected
from kittiwake.store import Store


@dataclass
class IngestReport:
    """What one ingest did; the CLI prints it, the library returns it."""

    run_id: int = 0
    articles: int = 0
    events: int = 0
    skipped: int = 0
    duplicates: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def dictionary_fingerprint(settings: Settings) -> str:
    dictionaries = load_dictionaries(extra_paths=settings.dictionaries)
    user = ",".join(str(p) for p in settings.dictionaries) or "shipped"
    return (
        f"{user}: {len(dictionaries.countries)} countries, {len(dictionaries.organisations)} "
        f"organisations, {len(dictionaries.people)} people"
    )


def ingest_paths(
    paths: Sequence[str | Path],
    *,
    db: str | Path,
    settings: Settings | None = None,
    default_date: dt.date | None = None,
    pipeline: Pipeline | None = None,
    on_article: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Code every new article under `paths` and store it in the DuckDB file `db`."""
    settings = settings or Settings.from_env()
    with Store.open(db) as store:
        report = IngestReport()
        report.run_id = store.start_run(
            command="ingest " + " ".join(str(p) for p in paths),
            kittiwake_version=__version__,
            dictionaries=dictionary_fingerprint(settings),
            config=settings.model_dump(mode="json"),
        )
        pipeline = pipeline or Pipeline(settings)
        for item in new_articles(iter_articles(paths, default_date=default_date), store, report):
            result = pipeline.code_safely(item[0]) if isinstance(item, tuple) else item
            store_result(store, result, report, content=item[1] if isinstance(item, tuple) else None)
            if on_article is not None:
                on_article(report)
        store.finish_run(
            report.run_id,
            articles=report.articles,
            events=report.events,
            rejected=len(report.rejected),
        )
    return report


def new_articles(
    items: Iterable[Article | Rejected], store: Store, report: IngestReport
) -> Iterable[tuple[Article, str] | Rejected]:
    """Articles not stored yet (with their content hash); exact copies are recorded, not coded."""
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        if store.has_article(item.doc_id):
            report.skipped += 1
            continue
        digest = content_hash(item.text)
        original = store.article_id_for_hash(digest)
        if original is not None:
            store.add_duplicate(item.doc_id, duplicate_of=original, source=item.source, run_id=report.run_id)
            report.duplicates += 1
            continue
        yield item, digest


def store_result(
    store: Store, result: CodedArticle | Rejected, report: IngestReport, *, content: str | None
) -> None:
    if isinstance(result, Rejected):
        store.add_rejected(result, run_id=report.run_id)
        report.rejected.append(result)
        return
    if store.add(result, run_id=report.run_id, content_hash=content):
        report.articles += 1
        report.events += len(result.events)
