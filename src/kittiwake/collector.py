"""How often Python's cyclic garbage collector runs while kittiwake works.

Start-up builds some 150,000 objects that live as long as the process (spaCy and its model,
the dictionaries, the gazetteer), and coding a news article makes tens of thousands of
short-lived ones. At Python's default first threshold (700 new objects) the collector makes
a full pass over all of them every hundred articles or so: 0.23 s of the 1.5 s that coding
200 articles added to their parse (benchmarks/pipe_throughput.py, issue 11), and 0.14 s of
CPU of `kittiwake code` on one sentence before the first article is read
(benchmarks/cli_startup.py). Collecting after every 10,000 new objects instead frees the
same garbage, later; the memory it holds meanwhile is a few MB at most.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

COLLECTOR_THRESHOLDS = (10_000, 10, 10)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """The block runs with the collector's thresholds raised, restored after it. The
    thresholds are the process's: a command sets them for its whole run, and coding a
    chunk of articles for the chunk (so does an ingest worker, which runs no command)."""
    previous = gc.get_threshold()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
