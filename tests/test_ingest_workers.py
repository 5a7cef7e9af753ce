"""Worker processes that die: the ingest goes on, the article that kills them is set aside
(issue 15, D5), and workers of a killed ingest do not outlive it (D6)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from kittiwake.config import Settings
from kittiwake.ingest import IngestReport, PoolCoder, WorkerCrashError, ingest_items
from kittiwake.ingest_worker import watch_parent
from kittiwake.records import Article, CodedArticle, Rejected
from kittiwake.store import Store

pytestmark = pytest.mark.slow

KILLER = "KILL-THE-WORKER"


def light_start(settings: Settings, parent_pid: int) -> None:
    """The workers' start without loading a pipeline, so the test starts pools quickly."""
    watch_parent(parent_pid)


def dies_on_killer(settings: Settings, articles: list[Article]) -> list[CodedArticle | Rejected]:
    """Codes nothing, but dies like an out-of-memory kill when a killer is in the chunk."""
    if any(KILLER in article.text for article in articles):
        os._exit(9)
    return [CodedArticle(article) for article in articles]


def always_dies(settings: Settings, articles: list[Article]) -> list[CodedArticle | Rejected]:
    os._exit(9)


def chunk(*texts: str) -> list[Article]:
    return [Article(doc_id=text, text=text, origin=f"in.jsonl:{text}") for text in texts]


def results(futures: list[Future[list[CodedArticle | Rejected]]]) -> list[str]:
    out = []
    for future in futures:
        for item in future.result(timeout=120):
            if isinstance(item, Rejected):
                out.append(f"rejected {item.record}: {item.reason.split(':')[0]}")
            else:
                out.append(item.article.doc_id)
    return out


def test_a_dead_worker_sets_aside_its_killer_and_the_rest_is_coded() -> None:
    coder = PoolCoder(Settings(), workers=3, task=dies_on_killer, start=light_start)
    set_aside = "coding killed its worker process (out of memory or a crash)"
    try:
        # As many chunks as the pool takes at once (2 per worker), so none is coded here.
        chunks = [chunk("a", "b"), chunk("c", f"{KILLER}-1", "d"), chunk("e"), chunk("f", "g")]
        futures = [coder.submit(articles) for articles in chunks]
        assert results(futures) == [
            *["a", "b", "c", f"rejected {KILLER}-1: {set_aside}"],
            *["d", "e", "f", "g"],
        ]
        # The pool started again works as before, and sets a second killer aside too.
        again = coder.submit(chunk("h", f"{KILLER}-2"))
        assert results([again]) == ["h", f"rejected {KILLER}-2: {set_aside}"]
    finally:
        coder.close()


def test_workers_that_die_on_everything_stop_the_coding_with_a_clear_error() -> None:
    coder = PoolCoder(Settings(), workers=2, task=always_dies, start=light_start)
    try:
        future = coder.submit(chunk("a", "b", "c", "d"))
        with pytest.raises(WorkerCrashError, match="died on 3 articles in a row"):
            future.result(timeout=120)
    finally:
        coder.close()


def test_a_worker_whose_ingest_died_during_its_start_up_exits(tmp_path: Path) -> None:
    """The worker is told the pid of an ingest that is already gone: it must not wait."""
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    code = (
        "from kittiwake.ingest_worker import watch_parent\n"
        f"watch_parent({int(gone.stdout)})\n"
        "import time; time.sleep(60)\n"
    )
    started = time.monotonic()
    worker = subprocess.run([sys.executable, "-c", code], timeout=30, check=False)
    assert worker.returncode == 1 and time.monotonic() - started < 20


def test_ingest_records_the_killer_in_rejected_and_stores_the_rest(tmp_path: Path) -> None:
    texts = [f"Article number {n} about the talks." for n in range(6)]
    texts[3] = f"{KILLER}: an article that kills whatever codes it."
    articles = [
        Article(doc_id=f"d{n}", text=text, origin=f"in.jsonl:{n}") for n, text in enumerate(texts)
    ]
    coder = PoolCoder(Settings(), workers=3, task=dies_on_killer, start=light_start)
    with Store.open(tmp_path / "events.duckdb") as store:
        try:
            report = ingest_items(articles, store=store, coder=coder, report=IngestReport())
        finally:
            coder.close()
        stored = store.connection.execute("SELECT doc_id FROM articles ORDER BY 1").fetchall()
        rejected = store.connection.execute(
            "SELECT origin, record, reason FROM rejected"
        ).fetchall()
    assert [doc_id for (doc_id,) in stored] == ["d0", "d1", "d2", "d4", "d5"]
    assert rejected == [
        (
            "in.jsonl:3",
            "d3",
            "coding killed its worker process (out of memory or a crash): set aside",
        )
    ]
    assert report.articles == 5 and report.errors == 1


def test_a_rerun_does_not_code_the_killer_again(tmp_path: Path) -> None:
    articles = [
        Article(doc_id="ok", text="An ordinary article.", origin="in.jsonl:1"),
        Article(doc_id="bad", text=f"{KILLER} again.", origin="in.jsonl:2"),
    ]
    db = tmp_path / "events.duckdb"
    for expected in ((1, 0, 1), (0, 2, 0)):
        coder = PoolCoder(Settings(), workers=2, task=dies_on_killer, start=light_start)
        with Store.open(db) as store:
            try:
                report = ingest_items(articles, store=store, coder=coder, report=IngestReport())
            finally:
                coder.close()
        assert (report.articles, report.skipped, report.errors) == expected
    assert coder.pool is None  # the re-run had nothing to code: no worker started


def test_a_worker_leaves_ctrl_c_to_its_ingest() -> None:
    code = (
        "import os, signal, time\n"
        "from kittiwake.ingest_worker import ignore_interrupts\n"
        "ignore_interrupts()\n"
        "os.kill(os.getpid(), signal.SIGINT)\n"
        "time.sleep(0.2)\n"
        "print('still running')\n"
    )
    worker = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30
    )
    assert (worker.returncode, worker.stdout.strip(), worker.stderr) == (0, "still running", "")
