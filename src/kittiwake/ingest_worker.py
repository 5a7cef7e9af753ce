"""What an ingest worker process runs: build one pipeline, code chunks of articles.

Kept apart from `kittiwake.ingest` so that a spawned worker imports only what it needs (not
the store, the readers or the duplicate detector, nor the CLI), and light at import: the
pipeline (spaCy) is imported when the worker builds it, after the orphan watcher runs, so
an ingest killed while its workers start leaves none behind (issue 15, D6).
"""

from __future__ import annotations

import functools
import os
import signal
import threading
import time
from typing import TYPE_CHECKING

from kittiwake.config import Settings
from kittiwake.records import Article, CodedArticle, Rejected

if TYPE_CHECKING:
    from kittiwake.pipeline import Pipeline

PARENT_CHECK_S = 1.0  # how often a worker checks that the ingest that started it still runs


@functools.lru_cache(maxsize=1)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The one pipeline of a worker process, built on first use."""
    from kittiwake.pipeline import Pipeline  # spaCy: seconds to import, so only here

    return Pipeline(settings)


def watch_parent(parent_pid: int) -> None:
    """Exit now if the ingest `parent_pid` is gone, else as soon as it goes.

    The ingest passes its own pid: a worker that asked for its parent's pid itself would,
    once the ingest died during its start-up, get the pid it was re-parented to, and wait
    on that process for good.
    """
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=exit_when_orphaned, args=(parent_pid,), daemon=True).start()


def start_worker(settings: Settings, parent_pid: int | None = None) -> None:
    """Pool initializer: watch the ingest that started us, then load the pipeline."""
    ignore_interrupts()
    watch_parent(os.getppid() if parent_pid is None else parent_pid)
    worker_pipeline(settings)


def ignore_interrupts() -> None:
    """Leave Ctrl-C to the ingest, which stops its workers: the terminal sends it to every
    process of the group, and a worker's own KeyboardInterrupt only printed a traceback
    (or, inside spaCy's loading, a wrong "model not installed")."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def exit_when_orphaned(parent_pid: int) -> None:
    # After a kill -9 of the ingest its workers would wait for tasks forever; their parent
    # pid changes when the ingest dies (they are re-parented).
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def code_chunk(settings: Settings, articles: list[Article]) -> list[CodedArticle | Rejected]:
    """Code one chunk, parsed with one `nlp.pipe` (`Pipeline.code_chunk`)."""
    return worker_pipeline(settings).code_chunk(articles)
