"""`Pipeline.code_all` parses articles in chunks with `nlp.pipe`: the same results, in the same
order, as coding each article alone, and one article that breaks the batch breaks only itself."""

from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path

import pytest

from kittiwake.collector import COLLECTOR_THRESHOLDS
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, CodedArticle, Rejected

pytestmark = pytest.mark.slow

DAY = dt.date(2015, 12, 16)
WIRE = Path(__file__).resolve().parents[1] / "examples" / "wire.jsonl"


def wire_articles() -> list[Article]:
    lines = WIRE.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    return [Article(doc_id=f"wire-{i}", text=r["text"], date=DAY) for i, r in enumerate(records)]


def summary(result: CodedArticle | Rejected) -> object:
    if isinstance(result, Rejected):
        return ("rejected", result.origin, result.reason)
    return (
        result.article.doc_id,
        [(e.event_id, e.cameo, e.rule, e.sentence, e.negated, e.modality) for e in result.events],
        [(m.start, m.end, m.actor.code) for m in result.mentions],
        [(p.name, p.start, p.end) for p in result.places],
        result.sentences,
    )


@pytest.mark.parametrize("chunk_size", [1, 3, 64])
def test_chunks_code_as_one_article_at_a_time(pipeline: Pipeline, chunk_size: int) -> None:
    items: list[Article | Rejected] = [*wire_articles(), Rejected("empty.txt", "empty")]
    items.insert(2, Article(doc_id="fr", text="Le gouvernement a annoncé mardi des réformes."))
    alone = [item if isinstance(item, Rejected) else pipeline.code_safely(item) for item in items]
    chunked = list(pipeline.code_all(items, chunk_size=chunk_size))
    assert len(alone) > chunk_size or chunk_size == 64
    assert [summary(r) for r in chunked] == [summary(r) for r in alone]
    assert any(isinstance(r, CodedArticle) and r.events for r in chunked)


def test_an_article_that_breaks_the_batch_is_set_aside_alone(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    short = Article(doc_id="short", text="Russia attacked Georgia.", date=DAY, origin="s.txt")
    long = Article(doc_id="long", text="Russia attacked Georgia. " * 20, date=DAY, origin="l.txt")
    monkeypatch.setattr(pipeline.parse.nlp, "max_length", 200)  # spaCy refuses longer texts
    first, second, third = pipeline.code_all([short, long, short], chunk_size=3)
    assert isinstance(first, CodedArticle) and first.events
    assert isinstance(second, Rejected) and second.origin == "l.txt"
    assert "ValueError" in second.reason
    assert isinstance(third, CodedArticle) and summary(third) == summary(first)


def test_a_chunk_is_coded_with_fewer_collections(pipeline: Pipeline) -> None:
    """The collector's thresholds are raised while a chunk is coded, and restored after."""
    seen: list[tuple[int, int, int]] = []
    prepare = pipeline.prepare

    def watched(article: Article) -> Article | Rejected:
        seen.append(gc.get_threshold())
        return prepare(article)

    pipeline.prepare = watched  # type: ignore[method-assign]
    before = gc.get_threshold()
    try:
        pipeline.code_chunk(wire_articles()[:1])
    finally:
        del pipeline.prepare
    assert seen == [COLLECTOR_THRESHOLDS]
    assert gc.get_threshold() == before
