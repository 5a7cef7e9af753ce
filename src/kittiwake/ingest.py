"""Ingest: read -> skip what is stored -> dedupe -> code (on N processes) -> store.

The parent process reads the inputs, decides what each one is (already stored, a copy of a
story it has seen, a rejection, or a new article to code), sends new articles to the worker
processes in small chunks, and writes the results itself, in input order: it is the only
DuckDB writer, and every article is written in one transaction. So

- killing an ingest at any moment (kill -9) loses at most the articles in flight, never
  leaves half an article, and running it again picks up where it stopped;
- re-running an ingest skips what is stored (by doc_id): twice is the same as once;
- the result does not depend on the number of workers: deduplication happens in the parent
  before anything is sent out, and results are written in input order;
- memory stays bounded: at most `CHUNKS_IN_FLIGHT_PER_WORKER * workers` chunks are out.

Duplicate stories (see `kittiwake.dedupe`): an exact copy (same normalised text) or a near
copy (syndicated re-post, light or spun rewrite: MinHash Jaccard estimate of 3-word shingles
>= `NEAR_DUPLICATE_THRESHOLD`) is recorded in `duplicates` as a copy of its story's first
article; it creates no events, and the store raises that article's events' article and
source counts. The threshold is dedupe's default, 0.5: spun rewrites measured at J >= 0.62,
while different articles on the same event stay well below 0.5 (benchmarks/dedupe.py).
The story index is restored at the start of each ingest from the MinHash signatures stored
with the articles (`story_signatures`); articles stored without one are re-shingled.

Bad inputs become rows of `rejected` (file, record, reason); a rejection already recorded
with the same file, record and reason is not recorded again, so re-runs do not pile them up.
A document rejected at coding is recorded with its content hash, and later ingests skip it
like a stored one instead of coding it again (delete its `rejected` row to have it retried).

Identity is the doc_id and the content (`identify`): another document under a stored id is
kept as `id#<content hash>`, never dropped as already stored.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import functools
import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol, TextIO

from kittiwake import __version__
from kittiwake.actors.dictionaries import load_dictionaries
from kittiwake.config import Settings
from kittiwake.dedupe import (
    DEFAULT_THRESHOLD,
    StoryAssignment,
    StoryClusterer,
    hash_of,
    normalize_for_comparison,
)
from kittiwake.ingest_worker import PARENT_CHECK_S as PARENT_CHECK_S  # re-exported
from kittiwake.ingest_worker import code_chunk, start_worker
from kittiwake.ingest_worker import exit_when_orphaned as exit_when_orphaned  # re-exported
from kittiwake.ingest_worker import worker_pipeline as worker_pipeline  # re-exported
from kittiwake.pipeline import Pipeline
from kittiwake.read import iter_articles
from kittiwake.read.common import doc_id_for
from kittiwake.records import Article, CodedArticle, Rejected
from kittiwake.store import Store
from kittiwake.store.clusters import extend_clusters, rebuild_clusters

NEAR_DUPLICATE_THRESHOLD = DEFAULT_THRESHOLD
# Articles per task sent to a worker, parsed with one nlp.pipe: small, so results come back
# steadily. One process ingesting 200 ECB+ articles chunked by 4 ran 1.10x as fast as one
# article at a time, and by 16 only 1.01x faster again.
CHUNK_SIZE = 4
CHUNKS_IN_FLIGHT_PER_WORKER = 4
# Chunks queued per worker process: enough that it never waits while the ingest process
# codes a chunk of its own or writes results.
POOL_CHUNKS_PER_WORKER = 2
MAX_KILLERS_IN_A_ROW = 3  # lone articles whose worker died, in a row: the workers are broken
RECOVERY_POLL_S = 0.2  # how often a wait for a chunk looks for dead workers' chunks to retry
MAX_ITEMS_PER_BATCH = 256  # skips/duplicates/rejections held before a batch is sent anyway

Action = Literal["code", "duplicate", "reject", "skip"]
ProgressCallback = Callable[["IngestReport"], None]
CodingResults = list[CodedArticle | Rejected]


@dataclass
class IngestReport:
    """What one ingest (or recode) did so far; the library updates it, the CLI shows it."""

    run_id: int = 0
    articles: int = 0
    events: int = 0
    skipped: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    renamed: int = 0  # stored under `id#hash`: their id was taken by another document
    rejected: list[Rejected] = field(default_factory=list)
    notes: list[Rejected] = field(default_factory=list)  # stored, but with something unread
    started: float = field(default_factory=time.monotonic)

    @property
    def errors(self) -> int:
        return len(self.rejected)

    @property
    def processed(self) -> int:
        """Inputs dealt with: stored, skipped, recorded as duplicates or rejected."""
        return self.articles + self.skipped + self.duplicates + self.near_duplicates + self.errors

    def rate(self, *, now: float | None = None) -> float:
        """Inputs dealt with per second since the run started."""
        elapsed = (time.monotonic() if now is None else now) - self.started
        return self.processed / elapsed if elapsed > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Planned:
    """What the parent decided to do with one input, in input order."""

    action: Action
    article: Article | None = None
    rejected: Rejected | None = None
    content_hash: str | None = None
    story: StoryAssignment | None = None
    renamed_from: str | None = None  # the input's own id, when it was taken by other content


# -- coding, in this process or on a pool of worker processes -------------------------------


class Coder(Protocol):
    workers: int

    def submit(self, articles: list[Article]) -> Future[list[CodedArticle | Rejected]]: ...


class InProcessCoder:
    """Codes chunks right away in this process (`--workers 1`, tests)."""

    workers = 1

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline

    def submit(self, articles: list[Article]) -> Future[list[CodedArticle | Rejected]]:
        future: Future[list[CodedArticle | Rejected]] = Future()
        future.set_result(self.pipeline.code_chunk(articles))
        return future


class WorkerCrashError(RuntimeError):
    """Worker processes die whatever they are given: coding on them cannot go on."""


@dataclass
class SplitChunk:
    """A chunk whose worker died, being coded again one article at a time."""

    target: Future[CodingResults]
    results: list[CodedArticle | Rejected | None]
    left: int

    def settle(self, index: int, result: CodedArticle | Rejected) -> None:
        self.results[index] = result
        self.left -= 1
        if self.left == 0:
            self.target.set_result([r for r in self.results if r is not None])


class PoolCoder:
    """Codes chunks on `workers` processes: `workers - 1` worker processes and this one.

    Chunks go to the worker processes (each builds one Pipeline once) as long as each has
    fewer than `POOL_CHUNKS_PER_WORKER` waiting; the rest wait here. When the ingest asks for
    a result that is not ready, it codes waiting chunks itself (oldest first) instead of
    idling, with its own pipeline (`pipeline`, else built on first use). So the ingest
    process, which also reads, deduplicates and writes, takes a share of the coding that
    shrinks as its own work grows, and no core is left to an idle process or shared by
    three busy ones.

    A worker that dies (out of memory, a crash in native code) breaks the whole pool and
    every chunk in it (issue 15, D5). The pool is then started again and those chunks'
    articles are sent to it one at a time, each alone in the pool: an article whose worker
    dies while it is alone killed it, and becomes a `Rejected` saying so, so re-runs get
    past it; the others are coded as usual. Meanwhile this process codes the waiting chunks.
    Workers that die on `MAX_KILLERS_IN_A_ROW` lone articles in a row are taken to die on
    anything (a broken install): `WorkerCrashError`.

    `spawn`, not `fork`: a forked child would inherit the parent's DuckDB connection and
    threads; a spawned one starts clean and rebuilds the pipeline from the settings (and its
    parent is the ingest, which `exit_when_orphaned` relies on; a fork server's children
    outlive a killed ingest). The pool starts on the first chunk, so a re-run with nothing
    new costs no worker start-up; the worker functions live in the light module
    `kittiwake.ingest_worker` (`task` and `start` replace them, for tests).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        workers: int,
        pipeline: Pipeline | None = None,
        task: Callable[[Settings, list[Article]], CodingResults] = code_chunk,
        start: Callable[[Settings, int], None] = start_worker,
    ) -> None:
        self.settings = settings
        self.workers = workers
        self.pipeline = pipeline
        self.task, self.start = task, start
        self.pool: ProcessPoolExecutor | None = None  # started on the first chunk
        self.waiting: collections.deque[tuple[list[Article], Future[CodingResults]]]
        self.waiting = collections.deque()
        # Chunks given to the pool whose callbacks have not run yet: a future is done before
        # its callback has run, and only the callback says whether the pool died.
        self.in_pool = 0
        self.lock = threading.Lock()
        # Filled by pool callbacks (another thread); emptied by this one in `recover`.
        self.broken: collections.deque[tuple[list[Article], Future[CodingResults]]]
        self.broken = collections.deque()
        self.suspects: collections.deque[tuple[Article, SplitChunk, int]] = collections.deque()
        self.pool_died = False
        self.killers_in_a_row = 0

    def submit(self, articles: list[Article]) -> Future[CodingResults]:
        future = StealingFuture(self)
        self.waiting.append((articles, future))
        self.dispatch()
        return future

    def dispatch(self) -> None:
        """Hand waiting chunks to the pool until each worker process has enough queued;
        while articles of a broken chunk are being retried, only those, one at a time."""
        self.recover()
        if self.suspects:
            if self.in_pool == 0:
                article, split, index = self.suspects[0]
                callback = functools.partial(
                    self.suspect_done, article=article, split=split, index=index
                )
                if self.send([article], callback):
                    self.suspects.popleft()
            return
        capacity = POOL_CHUNKS_PER_WORKER * (self.workers - 1)
        while self.waiting and self.in_pool < capacity and not self.pool_died:
            articles, future = self.waiting[0]
            callback = functools.partial(self.chunk_done, articles=articles, target=future)
            if self.send(articles, callback):
                self.waiting.popleft()

    def send(
        self, articles: list[Article], callback: Callable[[Future[CodingResults]], None]
    ) -> bool:
        """Give a chunk to the pool; False when the pool turns out to be dead already."""
        try:
            pool_future = self.start_pool().submit(self.task, self.settings, articles)
        except BrokenProcessPool:
            self.pool_died = True
            return False
        with self.lock:
            self.in_pool += 1
        pool_future.add_done_callback(functools.partial(self.settled, callback=callback))
        return True

    def settled(
        self,
        source: Future[CodingResults],
        *,
        callback: Callable[[Future[CodingResults]], None],
    ) -> None:
        try:
            callback(source)
        finally:
            with self.lock:
                self.in_pool -= 1

    def chunk_done(
        self,
        source: Future[CodingResults],
        *,
        articles: list[Article],
        target: Future[CodingResults],
    ) -> None:
        """Pass a pool future's outcome on to the chunk's own future; a dead worker's chunk
        is kept to be coded again (`recover`)."""
        error = source.exception()
        if isinstance(error, BrokenProcessPool):
            self.pool_died = True
            self.broken.append((articles, target))
        elif error is not None:
            target.set_exception(error)
        else:
            target.set_result(source.result())

    def suspect_done(
        self, source: Future[CodingResults], *, article: Article, split: SplitChunk, index: int
    ) -> None:
        error = source.exception()
        if not isinstance(error, BrokenProcessPool):
            self.killers_in_a_row = 0
            result = source.result() if error is None else [failed(article, error)]
            split.settle(index, result[0])
            return
        self.pool_died = True
        self.killers_in_a_row += 1
        if self.killers_in_a_row >= MAX_KILLERS_IN_A_ROW:
            split.target.set_exception(
                WorkerCrashError(
                    f"worker processes died on {self.killers_in_a_row} articles in a row, "
                    f"the last {article.origin or article.doc_id}: they cannot code; try "
                    "--workers 1 to see why"
                )
            )
            return
        reason = "coding killed its worker process (out of memory or a crash): set aside"
        split.settle(index, Rejected(article.origin or article.doc_id, reason, article.doc_id))

    def recover(self) -> None:
        """After a worker died: a fresh pool, and the broken chunks' articles as suspects."""
        if not self.pool_died:
            return
        self.pool_died = False
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        while self.broken:
            articles, target = self.broken.popleft()
            split = SplitChunk(target, [None] * len(articles), len(articles))
            self.suspects.extend((article, split, i) for i, article in enumerate(articles))

    def work_until_done(self, target: Future[CodingResults]) -> None:
        """Code waiting chunks in this process until `target` is done or none are left."""
        while not target.done() and self.waiting:
            articles, future = self.waiting.popleft()
            if self.pipeline is None:
                self.pipeline = Pipeline(self.settings)
            future.set_result(self.pipeline.code_chunk(articles))
            self.dispatch()

    def start_pool(self) -> ProcessPoolExecutor:
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                max_workers=self.workers - 1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=self.start,
                initargs=(self.settings, os.getpid()),
            )
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def failed(article: Article, error: BaseException) -> Rejected:
    origin = article.origin or article.doc_id
    return Rejected(origin, f"coding failed: {type(error).__name__}: {error}", article.doc_id)


class StealingFuture(Future[CodingResults]):
    """The result of a chunk; waiting for it puts the ingest process to work (`PoolCoder`)."""

    def __init__(self, coder: PoolCoder) -> None:
        super().__init__()
        self.coder = coder

    def result(self, timeout: float | None = None) -> CodingResults:
        while not self.done():
            self.coder.work_until_done(self)
            if not self.done():
                # Wake now and then: a dead worker's chunk is retried from this thread.
                self.coder.dispatch()
                wait([self], timeout=RECOVERY_POLL_S)
        return super().result(timeout)


@contextlib.contextmanager
def open_coder(
    *,
    settings: Settings,
    workers: int | None,
    pipeline: Pipeline | None = None,
    dask: object | None = None,
) -> Iterator[Coder]:
    """In-process coding for one worker, else a process pool helped by this process, or the
    workers of a Dask cluster when `dask` is given (see `kittiwake.cluster`).

    This process codes with `pipeline` when given (else its own, built when needed).
    """
    if dask is not None:
        from kittiwake.cluster import open_dask_coder  # dask is optional: imported on demand

        with open_dask_coder(dask, settings=settings, local_workers=workers) as dask_coder:
            yield dask_coder
        return
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1:
        yield InProcessCoder(pipeline or Pipeline(settings))
        return
    pool = PoolCoder(settings, workers=count, pipeline=pipeline)
    try:
        yield pool
    finally:
        pool.close()


def code_in_order(
    planned: Iterable[Planned], *, coder: Coder, chunk_size: int = CHUNK_SIZE
) -> Iterator[tuple[Planned, CodedArticle | Rejected | None]]:
    """Each planned input with its coding result (None when it needs no coding), in order.

    Articles go to the coder in chunks; at most `CHUNKS_IN_FLIGHT_PER_WORKER * workers`
    chunks are out at once, and results are handed back as soon as the oldest chunk is done.
    """
    max_in_flight = CHUNKS_IN_FLIGHT_PER_WORKER * coder.workers
    pending: collections.deque[tuple[list[Planned], Future[list[CodedArticle | Rejected]]]]
    pending = collections.deque()
    batch: list[Planned] = []
    to_code = 0
    for entry in planned:
        batch.append(entry)
        to_code += entry.action == "code"
        if to_code >= chunk_size or len(batch) >= MAX_ITEMS_PER_BATCH:
            pending.append(submit_batch(batch, coder))
            batch, to_code = [], 0
            while pending and (len(pending) >= max_in_flight or pending[0][1].done()):
                yield from batch_results(*pending.popleft())
    if batch:
        pending.append(submit_batch(batch, coder))
    while pending:
        yield from batch_results(*pending.popleft())


def submit_batch(
    batch: list[Planned], coder: Coder
) -> tuple[list[Planned], Future[list[CodedArticle | Rejected]]]:
    articles = [entry.article for entry in batch if entry.action == "code" and entry.article]
    if articles:
        return batch, coder.submit(articles)
    done: Future[list[CodedArticle | Rejected]] = Future()
    done.set_result([])
    return batch, done


def batch_results(
    batch: list[Planned], future: Future[list[CodedArticle | Rejected]]
) -> Iterator[tuple[Planned, CodedArticle | Rejected | None]]:
    results = iter(future.result())
    for entry in batch:
        yield entry, next(results) if entry.action == "code" else None


# -- deciding what each input is ---------------------------------------------------------


def refresh_stories(store: Store, clusterer: StoryClusterer) -> StoryClusterer:
    """Add the stored articles the clusterer does not know, oldest first: from their stored
    MinHash signature where there is one, else by shingling the stored text."""
    for doc_id, digest, story_id, hashvalues, text in store.story_rows(clusterer.params):
        if doc_id in clusterer.assignments:
            continue
        if hashvalues is not None and digest and story_id:
            clusterer.restore(doc_id, content_hash=digest, story_id=story_id, hashvalues=hashvalues)
        else:
            clusterer.assign(doc_id, text or "")
    return clusterer


def identify(
    article: Article, *, digest: str, identities: dict[str, str | None]
) -> Article | Rejected | None:
    """`article` under an id of its own, or None when this very document is stored already.

    Identity is the id *and* the content: the same id with the same content hash (or an
    unknown one, for duplicates recorded before hashes were kept) is already stored; the
    same id with other content is another document reusing the id (two daily exports that
    both number their records from 1), so it is kept as `id#<hash>`, which a re-run finds.
    """
    renamed = f"{article.doc_id}#{digest[:12]}"
    for doc_id in (article.doc_id, renamed):
        if doc_id not in identities:
            return article if doc_id == article.doc_id else replace(article, doc_id=doc_id)
        known = identities[doc_id]
        if known is None or known == digest:
            return None
    origin = article.origin or article.doc_id
    return Rejected(origin, f"id {article.doc_id!r} and {renamed!r} hold other content")


def copy_found_elsewhere(
    article: Article, *, identities: dict[str, str | None], origins: dict[str, str]
) -> Article | None:
    """A stored document found again under another origin (a copied file, the same page
    saved twice), as `id@<origin hash>` to be recorded as a duplicate; None for a re-run.

    Only documents whose id is their content hash (text, HTML, feed items without an id)
    count: a record that carries its own id is the same record wherever it is found (an
    export that overlaps the previous one), as `identify` says.
    """
    stored_origin = origins.get(article.doc_id)
    if stored_origin is None or article.doc_id != doc_id_for(article.text):
        return None
    if os.path.abspath(stored_origin) == os.path.abspath(article.origin):
        return None
    where = hashlib.sha1(os.path.abspath(article.origin).encode("utf-8")).hexdigest()[:12]
    copy_id = f"{article.doc_id}@{where}"
    return None if copy_id in identities else replace(article, doc_id=copy_id)


def plan(
    items: Iterable[Article | Rejected], *, store: Store, clusterer: StoryClusterer
) -> Iterator[Planned]:
    """Decide, in input order, what to do with each input.

    Whether a document is stored is answered from memory (the ids, content hashes and
    origins of stored articles and duplicates are loaded once): no query per input.
    """
    identities, origins = store.stored_identities(), store.stored_origins()
    for item in items:
        if isinstance(item, Rejected):
            yield Planned("reject", rejected=item)
            continue
        normalized = normalize_for_comparison(item.text)  # once: hash and story both need it
        digest = hash_of(normalized)
        article = identify(item, digest=digest, identities=identities)
        renamed = isinstance(article, Article) and article.doc_id != item.doc_id
        if article is None:
            article = copy_found_elsewhere(item, identities=identities, origins=origins)
        if article is None:
            yield Planned("skip", article=item)
            continue
        if isinstance(article, Rejected):
            yield Planned("reject", rejected=article)
            continue
        identities[article.doc_id] = digest
        origins.setdefault(article.doc_id, article.origin)
        renamed_from = item.doc_id if renamed else None
        story = clusterer.assign(article.doc_id, article.text, normalized=normalized)
        action: Action = "code" if story.kind == "new" else "duplicate"
        yield Planned(
            action, article=article, content_hash=digest, story=story, renamed_from=renamed_from
        )


# -- writing results -----------------------------------------------------------------------


@dataclass
class Writer:
    """Writes planned inputs and their results to the store, one transaction each."""

    store: Store
    report: IngestReport
    clusterer: StoryClusterer
    rejected_stories: set[str] = field(default_factory=set)

    def write(self, entry: Planned, result: CodedArticle | Rejected | None) -> None:
        if entry.renamed_from is not None and entry.action != "skip":
            self.report.renamed += 1
        if entry.article is not None and entry.action != "skip":
            origin = entry.article.origin or entry.article.doc_id
            self.report.notes.extend(Rejected(origin, note) for note in entry.article.notes)
        if entry.action == "skip":
            self.report.skipped += 1
        elif entry.action == "reject" and entry.rejected is not None:
            self.reject(entry.rejected)
        elif entry.action == "duplicate":
            self.duplicate(entry)
        elif isinstance(result, Rejected):
            if result.record is None and entry.article is not None:
                result = replace(result, record=entry.article.doc_id)  # its identity
            self.reject(result, content_hash=entry.content_hash)
            if entry.story is not None:
                self.rejected_stories.add(entry.story.story_id)
        elif isinstance(result, CodedArticle):
            self.article(entry, result)

    def article(self, entry: Planned, coded: CodedArticle) -> None:
        story_id = entry.story.story_id if entry.story else None
        signature = self.clusterer.signature_bytes(coded.article.doc_id)
        cuts = cuts_made(coded, read=entry.article)
        stored = self.store.add(
            coded,
            run_id=self.report.run_id,
            content_hash=entry.content_hash,
            story_id=story_id,
            story_signature=None if signature is None else (self.clusterer.params, signature),
            cuts=cuts,
        )
        if stored:
            origin = coded.article.origin or coded.article.doc_id
            self.report.notes.extend(Rejected(origin, cut) for cut in cuts)
            self.report.articles += 1
            self.report.events += len(coded.events)
        else:
            self.report.skipped += 1

    def duplicate(self, entry: Planned) -> None:
        article, story = entry.article, entry.story
        assert article is not None and story is not None
        if story.story_id in self.rejected_stories:
            origin = article.origin or article.doc_id
            reason = f"copy of {story.story_id}, which was rejected"
            self.reject(Rejected(origin, reason, article.doc_id))
            return
        self.store.add_duplicate(
            article.doc_id,
            duplicate_of=story.story_id,
            source=article.source,
            run_id=self.report.run_id,
            content_hash=entry.content_hash,
            origin=article.origin or None,
        )
        if story.kind == "exact":
            self.report.duplicates += 1
        else:
            self.report.near_duplicates += 1

    def reject(self, rejected: Rejected, *, content_hash: str | None = None) -> None:
        self.report.rejected.append(rejected)
        if not self.store.has_rejected(rejected):
            self.store.add_rejected(rejected, run_id=self.report.run_id, content_hash=content_hash)


def cuts_made(coded: CodedArticle, *, read: Article | None) -> tuple[str, ...]:
    """What the per-article limits cut (`kittiwake.limits`): the notes that coding added to
    the article as it was read (the pipeline only appends to them)."""
    return coded.article.notes[len(read.notes) if read else 0 :]


# -- entry points ----------------------------------------------------------------------------


def dictionary_fingerprint(settings: Settings) -> str:
    dictionaries = load_dictionaries(extra_paths=settings.dictionaries)
    user = ",".join(str(p) for p in settings.dictionaries) or "shipped"
    return (
        f"{user}: {len(dictionaries.countries)} countries, {len(dictionaries.organisations)} "
        f"organisations, {len(dictionaries.people)} people"
    )


def start_run(store: Store, *, command: str, settings: Settings) -> IngestReport:
    run_id = store.start_run(
        command=command,
        kittiwake_version=__version__,
        dictionaries=dictionary_fingerprint(settings),
        config=settings.model_dump(mode="json"),
    )
    return IngestReport(run_id=run_id)


def finish_run(store: Store, report: IngestReport) -> None:
    store.finish_run(
        report.run_id, articles=report.articles, events=report.events, rejected=report.errors
    )


def ingest_items(
    items: Iterable[Article | Rejected],
    *,
    store: Store,
    coder: Coder,
    report: IngestReport,
    clusterer: StoryClusterer | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Dedupe, code and store `items` into an open store, updating `report` as it goes."""
    clusterer = refresh_stories(
        store, clusterer or StoryClusterer(threshold=NEAR_DUPLICATE_THRESHOLD)
    )
    writer = Writer(store, report, clusterer)
    planned = plan(items, store=store, clusterer=clusterer)
    for entry, result in code_in_order(planned, coder=coder):
        writer.write(entry, result)
        if on_progress is not None:
            on_progress(report)
    extend_clusters(store)  # new events join stored clusters (issue 16)
    return report


def ingest_paths(
    paths: Sequence[str | Path],
    *,
    db: str | Path,
    settings: Settings | None = None,
    default_date: dt.date | None = None,
    workers: int | None = 1,
    fetch_links: bool = False,
    pipeline: Pipeline | None = None,
    stdin: TextIO | None = None,
    on_progress: ProgressCallback | None = None,
    dask: object | None = None,
) -> IngestReport:
    """Code every new article under `paths` and store it in the DuckDB file `db`.

    `workers=None` uses one process per core; 1 codes in this process (with `pipeline`
    when given). `dask` ("local", a scheduler address or a `distributed.Client`) codes on a
    Dask cluster instead (`workers` is then the size of a local cluster). Raises
    `StoreLockedError` when another process holds `db`.
    """
    settings = settings or Settings.from_env()
    items = iter_articles(paths, default_date=default_date, stdin=stdin, fetch_links=fetch_links)
    with (
        Store.open(db) as store,
        open_coder(settings=settings, workers=workers, pipeline=pipeline, dask=dask) as coder,
    ):
        command = "ingest " + " ".join(str(p) for p in paths)
        report = start_run(store, command=command, settings=settings)
        ingest_items(items, store=store, coder=coder, report=report, on_progress=on_progress)
        finish_run(store, report)
    return report


# -- recode ----------------------------------------------------------------------------------


def recode_plan(store: Store, doc_ids: Sequence[str] | None) -> Iterator[Planned]:
    """Stored articles to re-code (ids first, then each text when its turn comes)."""
    for doc_id in store.article_ids() if doc_ids is None else doc_ids:
        article = store.article(doc_id)
        if article is None:
            yield Planned("reject", rejected=Rejected(doc_id, "not in the store", doc_id))
        else:
            yield Planned("code", article=article)


def recode(
    db: str | Path,
    *,
    settings: Settings | None = None,
    doc_ids: Sequence[str] | None = None,
    workers: int | None = 1,
    pipeline: Pipeline | None = None,
    on_progress: ProgressCallback | None = None,
    dask: object | None = None,
) -> IngestReport:
    """Re-code stored articles (all, or `doc_ids`) with the current dictionaries and patterns.

    Each article's sentences, mentions, events and places are replaced in one transaction,
    under a new run. An article whose re-coding fails keeps its old events and is reported
    (not recorded in `rejected`: it was accepted before). An unknown doc_id is reported too.
    """
    settings = settings or Settings.from_env()
    with (
        Store.open(db) as store,
        open_coder(settings=settings, workers=workers, pipeline=pipeline, dask=dask) as coder,
    ):
        command = "recode" + "".join(f" --where-doc {doc_id}" for doc_id in doc_ids or ())
        report = start_run(store, command=command, settings=settings)
        for entry, result in code_in_order(recode_plan(store, doc_ids), coder=coder):
            if entry.rejected is not None:
                report.rejected.append(entry.rejected)
            elif isinstance(result, Rejected):
                report.rejected.append(result)
            elif isinstance(result, CodedArticle):
                cuts = cuts_made(result, read=entry.article)
                store.replace_events(result.article.doc_id, result, run_id=report.run_id, cuts=cuts)
                report.articles += 1
                report.events += len(result.events)
            if on_progress is not None:
                on_progress(report)
        rebuild_clusters(store)  # re-coded events are new events: cluster them all again
        finish_run(store, report)
    return report
