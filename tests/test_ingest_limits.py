"""Per-article limits (issue 15): set in Settings, enforced by the pipeline, and what they cut
recorded (a reason in `rejected`, or the article's `cuts`)."""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import kittiwake.cli.code  # noqa: F401 - attaches `code` to the CLI
import kittiwake.cli.ingest  # noqa: F401 - attaches `ingest` to the CLI
from kittiwake.cli.groups import main
from kittiwake.config import Settings, SettingsError
from kittiwake.ingest import ingest_paths, recode
from kittiwake.limits import Limits
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, CodedArticle, Rejected
from kittiwake.store import Store

OFF = Limits()  # every limit off


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        ("KITTIWAKE_MAX_CHARS", "5000", "max_chars", 5000),
        ("KITTIWAKE_MAX_SENTENCES", "20", "max_sentences", 20),
        ("KITTIWAKE_MAX_SENTENCE_TOKENS", "80", "max_sentence_tokens", 80),
        ("KITTIWAKE_MAX_EVENTS_PER_SENTENCE", "2", "max_events_per_sentence", 2),
        ("KITTIWAKE_MAX_PARSE_SECONDS", "2.5", "max_parse_seconds", 2.5),
    ],
)
def test_limits_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, field: str, expected: float
) -> None:
    monkeypatch.setenv(variable, value)
    settings = Settings.from_env()
    assert getattr(settings.limits, field) == expected
    assert getattr(Settings().limits, field) != expected  # the default differs
    assert settings.model_dump(mode="json")[field] == expected  # recorded with the run


@pytest.mark.parametrize("value", ["many", "-1"])
def test_a_bad_limit_names_its_variable(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KITTIWAKE_MAX_SENTENCES", value)
    with pytest.raises(SettingsError, match=f"KITTIWAKE_MAX_SENTENCES: '{value}' is not valid"):
        Settings.from_env()


@pytest.fixture
def limited(pipeline: Pipeline) -> Iterator[Pipeline]:
    """The session pipeline with its limits set by the test (`pipeline.limits = ...`)."""
    limits = pipeline.limits
    yield pipeline
    pipeline.limits = limits


def coded(pipeline: Pipeline, text: str) -> CodedArticle:
    result = pipeline.code_safely(Article(doc_id="a", text=text, origin="a.txt"))
    assert isinstance(result, CodedArticle), result
    return result


def codes(result: CodedArticle) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
        for e in result.events
    ]


LONG_LIST = "Russia criticised Ukraine, Poland, Italy, Spain, Japan, Chile and Peru."
SHORT = "France praised Germany."
THREE = f"{SHORT}\n\nIran praised Iraq.\n\nChile praised Peru."
PAIRS = "France and Germany criticised Russia and Iran."  # 4 events


@pytest.mark.parametrize(
    ("limits", "text", "expected", "cut"),
    [
        (OFF, f"{LONG_LIST}\n\n{SHORT}", 8, ""),  # every conjunct, with no cap
        (Limits(max_sentence_tokens=12), f"{LONG_LIST}\n\n{SHORT}", 1, "max_sentence_tokens"),
        (OFF, THREE, 3, ""),
        (Limits(max_sentences=2), THREE, 2, "max_sentences"),
        (OFF, PAIRS, 4, ""),
        (Limits(max_events_per_sentence=3), PAIRS, 3, "max_events_per_sentence"),
    ],
)
def test_sentence_limits_cut_what_is_coded_and_say_so(
    limited: Pipeline, limits: Limits, text: str, expected: int, cut: str
) -> None:
    limited.limits = limits
    result = coded(limited, text)
    assert len(result.events) == expected
    assert bool(result.article.notes) == (limits != OFF)
    assert all(cut in note for note in result.article.notes)
    if cut.startswith("max_s"):  # the text cut is masked and not parsed
        masked = [span for span in result.article.excluded if span.reason.startswith("limit")]
        assert masked and all(span.text not in SHORT for span in masked)


def test_the_long_sentence_is_cut_and_the_rest_coded_as_before(limited: Pipeline) -> None:
    limited.limits = Limits(max_sentence_tokens=12)
    assert codes(coded(limited, f"{LONG_LIST}\n\n{SHORT}")) == [("FRA", "DEU")]


def test_too_long_article_is_rejected_before_parsing(limited: Pipeline) -> None:
    limited.limits = Limits(max_chars=40)
    result = limited.code_safely(Article(doc_id="a", text=LONG_LIST, origin="a.txt"))
    assert isinstance(result, Rejected)
    assert f"{len(LONG_LIST)} characters, more than max_chars (40" in result.reason


def test_parse_time_limit_sets_a_slow_article_aside_quickly(limited: Pipeline) -> None:
    """A whole chunk (nlp.pipe) over its time is parsed again article by article, each with
    its own time; the slow one is set aside, the quick one coded."""
    limited.limits = Limits(max_parse_seconds=0.3)
    slow = Article(doc_id="slow", text=f"{SHORT} {LONG_LIST}\n" * 3000, origin="slow.txt")
    quick = Article(doc_id="quick", text=SHORT, origin="quick.txt")
    started = time.monotonic()
    results = limited.code_chunk([slow, quick])
    assert time.monotonic() - started < 5  # coding `slow` whole takes about a minute
    assert isinstance(results[0], Rejected) and "max_parse_seconds (0.3 s" in results[0].reason
    assert isinstance(results[1], CodedArticle)


def stored(db: Path, sql: str) -> list[tuple[object, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.connection.execute(sql).fetchall()


def test_ingest_records_what_limits_cut(limited: Pipeline, tmp_path: Path) -> None:
    limited.limits = Limits(max_chars=60, max_sentences=1)
    (tmp_path / "long.txt").write_text(LONG_LIST, encoding="utf-8")
    (tmp_path / "two.txt").write_text(f"{SHORT}\n\nIran praised Iraq.", encoding="utf-8")
    db = tmp_path / "events.duckdb"
    report = ingest_paths([tmp_path], db=db, pipeline=limited)
    assert (report.articles, report.errors) == (1, 1)
    assert [note.origin for note in report.notes] == [str(tmp_path / "two.txt")]
    [(reason,)] = stored(db, "SELECT reason FROM rejected")
    assert "max_chars" in str(reason)
    [(cuts,)] = stored(db, "SELECT cuts FROM articles")
    assert cuts == ["sentences after the first 1 of 2 not coded (max_sentences)"]
    assert stored(db, "SELECT count(*) FROM events") == [(1,)]
    # recode with the limit off codes the whole article again, and clears its cuts
    limited.limits = dataclasses.replace(limited.limits, max_sentences=0)
    recode(db, pipeline=limited)
    assert stored(db, "SELECT cuts FROM articles") == [([],)]
    assert stored(db, "SELECT count(*) FROM events") == [(2,)]


def test_ingest_parses_each_chunk_with_one_pipe(
    pipeline: Pipeline, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11: ingest codes chunks as `code_all` does (one `nlp.pipe` per chunk), not one
    article at a time; the pool's workers and the ingest process share `code_chunk`."""
    chunks: list[int] = []
    pipe = pipeline.parse.pipe

    def counting(articles: list[Article], *, batch_size: int = 16) -> list[object]:
        chunks.append(len(articles))
        return list(pipe(articles, batch_size=batch_size))

    monkeypatch.setattr(pipeline.parse, "pipe", counting)
    texts = [SHORT, "Iran praised Iraq.", "Chile praised Peru.", "Cuba praised Haiti.", PAIRS]
    for number, text in enumerate(texts):
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    report = ingest_paths([tmp_path], db=tmp_path / "events.duckdb", pipeline=pipeline)
    assert report.articles == 5
    assert chunks == [4, 1]  # ingest's CHUNK_SIZE


@pytest.mark.slow
def test_ingest_takes_limits_as_options(tmp_path: Path) -> None:
    (tmp_path / "three.txt").write_text(THREE, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    args = ["ingest", str(tmp_path / "three.txt"), "--db", str(db), "--workers", "1"]
    result = CliRunner().invoke(main, [*args, "--no-progress", "--limit", "max_sentences=1"])
    assert result.exit_code == 0, result.output
    assert "not coded (max_sentences)" in result.output  # reported as a warning
    assert stored(db, "SELECT count(*) FROM sentences") == [(1,)]
    [(config,)] = stored(db, "SELECT config FROM runs")
    assert json.loads(str(config))["max_sentences"] == 1  # recorded with the run


@pytest.mark.parametrize("given", ["max_words=3", "max_chars", "max_chars=many", "max_chars=-1"])
def test_a_bad_limit_option_is_a_usage_error(given: str, tmp_path: Path) -> None:
    args = ["code", str(tmp_path / "none.txt"), "--limit", given]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "--limit" in result.output and repr(given) in result.output
