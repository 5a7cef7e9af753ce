"""What an ingest worker process runs: build one pipeline, code chunks of articles.

Kept apart from `kittiwake.ingest` so that a spawned worker imports only the pipeline and
what it needs (not the store, the readers or the duplicate detector, nor the CLI): start-up
time is paid once per worker on every ingest.
"""

from __future__ import annotations

import functools
import os
import threading
import time

from kittiwake.config import Settings
from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, CodedArticle, Rejected

PARENT_CHECK_S = 1.0  # how often a worker checks that the ingest that started it still runs


@functools.lru_cache(maxsize=1)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The one pipeline of a worker process, built on first use."""
    return Pipeline(settings)


def start_worker(settings: Settings) -> None:
    """Pool initializer: load the pipeline, and exit if the ingest that started us dies."""
    watcher = threading.Thread(target=exit_when_orphaned, args=(os.getppid(),), daemon=True)
    watcher.start()
    worker_pipeline(settings)


def exit_when_orphaned(parent_pid: int) -> None:
    # After a kill -9 of the ingest its workers would wait for tasks forever; their parent
    # pid changes when the ingest dies (they are re-parented).
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def code_chunk(settings: Settings, articles: list[Article]) -> list[CodedArticle | Rejected]:
    pipeline = worker_pipeline(settings)
    return [pipeline.code_safely(article) for article in articles]
