"""Ingest one kind of bad input next to good articles and check what came of it."""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bad_inputs import GOOD, Kind, write_good

from kittiwake.ingest import IngestReport, ingest_paths
from kittiwake.pipeline import Pipeline
from kittiwake.store import Store

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")
MAX_SECONDS = 300.0  # per kind, both runs: no single input may stall a batch
MAX_GROWTH_MB = 500.0  # memory above what the process held before the kind


@dataclass(frozen=True)
class Outcome:
    """What ingesting one kind (twice) gave, and what was wrong with it."""

    kind: str
    reasons: tuple[str, ...]  # the rejection reasons recorded for it
    stored: int  # articles stored from it
    lost: int  # good articles, or expected ones, not stored
    duplicated: int  # rows a second run of the same ingest added
    crashed: str | None
    seconds: float
    peak_mb: float
    growth_mb: float
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def resident_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * PAGE_BYTES / 1e6


@contextmanager
def peak_memory() -> Iterator[list[float]]:
    """[peak] resident MB of this process while the block runs, sampled every 10 ms."""
    peak = [resident_mb()]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.01):
            peak[0] = max(peak[0], resident_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()
        peak[0] = max(peak[0], resident_mb())


def ingest(paths: list[str], kind: Kind, *, db: Path, pipeline: Pipeline) -> IngestReport:
    stdin = None
    if kind.stdin is not None:
        stdin = io.TextIOWrapper(io.BytesIO(kind.stdin), encoding="utf-8", errors="surrogateescape")
    return ingest_paths(paths, db=db, pipeline=pipeline, workers=1, stdin=stdin)


def table_counts(db: Path) -> tuple[int, int, int, int]:
    with Store.open(db, read_only=True) as store:
        row = store.connection.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM rejected), (SELECT count(*) FROM duplicates)"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def check_kind(kind: Kind, folder: Path, *, pipeline: Pipeline) -> Outcome:
    """Ingest `kind` with the good articles into a new database, twice, and check it."""
    folder.mkdir(parents=True)
    good = write_good(folder)
    inputs = folder / "inputs"
    inputs.mkdir()
    paths = [good, *kind.make(inputs)]
    db = folder / "events.duckdb"
    crashed = None
    started = time.monotonic()
    before = resident_mb()
    with peak_memory() as peak:
        try:
            ingest(paths, kind, db=db, pipeline=pipeline)
            first = table_counts(db)
            ingest(paths, kind, db=db, pipeline=pipeline)
            second = table_counts(db)
        except Exception as error:  # noqa: BLE001 - a crash is what this looks for
            crashed = f"{type(error).__name__}: {error}"
    seconds = time.monotonic() - started
    if crashed is not None:
        return Outcome(
            kind.name, (), 0, 0, 0, crashed, seconds, peak[0], peak[0] - before, (crashed,)
        )
    with Store.open(db, read_only=True) as store:
        con = store.connection
        articles = con.execute("SELECT doc_id, origin, text FROM articles").fetchall()
        rejected = con.execute("SELECT origin, reason FROM rejected").fetchall()
        # A copy recorded as a duplicate is kept too (with its origin), not lost.
        copies = con.execute("SELECT origin FROM duplicates").fetchall()
    good_ids = {str(record["id"]) for record in GOOD}
    good_stored = {doc_id for doc_id, origin, _ in articles if origin.startswith(f"{good}:")}
    origins = [origin for _, origin, _ in articles] + [origin or "" for (origin,) in copies]
    stored = sum(1 for origin in origins if not origin.startswith(f"{good}:"))
    reasons = tuple(sorted({reason for origin, reason in rejected if not origin.startswith(good)}))
    problems = []
    lost = len(good_ids - good_stored) + max(0, kind.stored - stored)
    if lost:
        problems.append(f"lost {lost} articles")
    if stored > kind.stored:
        problems.append(f"stored {stored} articles, expected {kind.stored}")
    if kind.reason is None and reasons:
        problems.append(f"rejected: {reasons}")
    if kind.reason is not None and not any(kind.reason in reason for reason in reasons):
        problems.append(f"no rejection saying {kind.reason!r}: {reasons}")
    duplicated = sum(after - before for before, after in zip(first, second, strict=True))
    if duplicated:
        problems.append(f"a second run added {duplicated} rows")
    if any("root:" in text or "lollol" in text for _, _, text in articles):
        problems.append("an external entity was expanded")
    if seconds > MAX_SECONDS:
        problems.append(f"took {seconds:.0f} s")
    if peak[0] - before > MAX_GROWTH_MB:
        problems.append(f"needed {peak[0] - before:.0f} MB more memory")
    return Outcome(
        kind.name,
        reasons,
        stored,
        lost,
        duplicated,
        None,
        seconds,
        peak[0],
        peak[0] - before,
        tuple(problems),
    )
