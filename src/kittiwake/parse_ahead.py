"""Parse the next batch of articles while this one is coded (`Pipeline.code_all`).

spaCy's parser spends most of its time outside Python's global lock (in numpy and its own
compiled loops), so a second thread can parse batch k+1 on the machine's other core while
the main thread codes batch k: `code_all` on 200 news articles took 11.9-12.3 s instead of
13.7-13.9 s (benchmarks/pipe_throughput.py, issue 11). Only the parse runs in that thread;
clean-up and every stage that reads the parse run in the calling thread, in order, as before.

Time limits are signals, which reach only the main thread: a batch whose parse takes longer
than its time is left to finish in its thread, which is given no more work, and is handed
back unparsed (its articles are then parsed one by one, each within its own time); the
batches after it are parsed in the calling thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import Generic, TypeVar

Batch = TypeVar("Batch", bound=Sequence[object])
Parsed = TypeVar("Parsed")


class _Parser(Generic[Batch, Parsed]):
    """One daemon thread that parses the batches it is given, in order (a daemon, so that a
    parse left running never holds up the end of the process)."""

    def __init__(self, parse: Callable[[Batch], Parsed]) -> None:
        self._parse = parse
        self._jobs: queue.Queue[Batch | None] = queue.Queue()
        self._results: queue.Queue[Parsed] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="kittiwake-parse", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (batch := self._jobs.get()) is not None:
            self._results.put(self._parse(batch))

    def submit(self, batch: Batch) -> None:
        self._jobs.put(batch)

    def result(self, *, seconds: float) -> Parsed:
        """The next parse, waiting at most `seconds` (0: as long as it takes); raises
        `queue.Empty` when the time runs out."""
        return self._results.get(timeout=seconds or None)

    def close(self) -> None:
        self._jobs.put(None)


def parsed_ahead(
    batches: Iterator[Batch],
    *,
    parse: Callable[[Batch], Parsed],
    seconds: Callable[[Batch], float],
    timed_out: Callable[[Batch], Parsed],
) -> Iterator[tuple[Batch, Parsed]]:
    """Each batch with `parse(batch)`, in order, the next batch parsed in a second thread
    while the caller works on this one. `parse` must not raise (it reports a failed parse in
    its result); `seconds(batch)` is how long its parse may take (0: no limit), and
    `timed_out(batch)` what a batch over its time gets instead."""
    parser: _Parser[Batch, Parsed] = _Parser(parse)
    try:
        pending = next(batches, None)
        if pending is not None:
            parser.submit(pending)
        while pending is not None:
            following = next(batches, None)
            try:
                parsed = parser.result(seconds=seconds(pending))
            except queue.Empty:
                yield pending, timed_out(pending)
                rest = batches if following is None else chain([following], batches)
                yield from ((batch, parse(batch)) for batch in rest)
                return
            if following is not None:
                parser.submit(following)  # parsed while the caller codes `pending`
            yield pending, parsed
            pending = following
    finally:
        parser.close()
