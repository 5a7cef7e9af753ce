"""How the dashboard reads a database that an ingest may be writing: from its own copy.

DuckDB lets one process write a file and, while it does, no other process open it; and a
reader holding the file keeps a writer from opening it. So the dashboard never opens the
database: it copies the file (and its write-ahead log) into a private folder and answers
requests from that copy, through one read-only connection and a cursor per request.

The copy is refreshed when the file changes (size or modification time of file or log), at
most once per `min_age` seconds, so while an ingest runs pages lag it by about that and cost
nothing extra in between. A copy during which the file changed is thrown away (the writer
was mid-write); requests keep reading the previous copy, which is removed once its last
request is done. A copy taken while nothing was written is what a `kill -9` of the writer
would have left, which DuckDB's log makes consistent.

The copy being private, its events also carry what the pages would otherwise join per
request (`prepare_copy`): `COUNTED` marks the events that stand for an event cluster (its
representative, or an event not clustered yet), the rows `EventFilter(unit="cluster")` keeps,
and `CLUSTER_COLUMNS` give each event its cluster's id and counts. On 1M events the cluster
subqueries cost 0.3 s per count and the join 0.8 s per page sorted by reports; the columns
cost 1.1 s once per copy.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from kittiwake.store import Store, StoreError
from kittiwake.store.queries import CLUSTER_COLUMNS

FileState = tuple[int, int] | None  # (mtime_ns, size), None when absent
Signature = tuple[FileState, FileState]  # the database file and its write-ahead log
MIN_AGE_S = 1.0
COPY_ATTEMPTS = 20
RETRY_PAUSE_S = 0.05


COUNTED = "counted_as_cluster"  # columns of `events` in the copies only
CLUSTER_EVENTS = "cluster_events"  # coded events in the cluster (several may share a mention)


class CopyUnavailable(Exception):
    """No copy of the database can be read now (missing, or changing faster than copied)."""


def _state(path: Path) -> FileState:
    try:
        found = path.stat()
    except FileNotFoundError:
        return None
    return (found.st_mtime_ns, found.st_size)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def file_signature(db: Path) -> Signature:
    """What changes whenever a writer commits to `db` (the log grows) or checkpoints."""
    return (_state(db), _state(_wal(db)))


@dataclass(eq=False)
class _Copy:
    """One copy and the requests reading it; `retired` once a newer copy replaced it."""

    store: Store
    folder: Path
    signature: Signature
    taken: float
    readers: int = 0
    retired: bool = False

    def remove(self) -> None:
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def _copy_unchanged(db: Path, folder: Path) -> Signature | None:
    """Copy `db` and its log into `folder`; the signature, or None if they changed meanwhile."""
    before = file_signature(db)
    if before[0] is None:
        raise CopyUnavailable(f"no kittiwake database at {db}")
    try:
        shutil.copyfile(db, folder / db.name)
        if before[1] is not None:
            shutil.copyfile(_wal(db), _wal(folder / db.name))
    except FileNotFoundError:  # the log was checkpointed away mid-copy
        return None
    return before if file_signature(db) == before else None


def prepare_copy(path: Path) -> None:
    """Add `COUNTED`, `CLUSTER_COLUMNS` and `CLUSTER_EVENTS` to the events of the database at `path` (a private
    copy). An event not clustered yet counts: no cluster id, one mention, its own articles
    and sources; a cluster's other reports do not."""
    cluster_id, mentions, articles, sources = CLUSTER_COLUMNS
    con = duckdb.connect(str(path))
    try:
        tables = {
            name for (name,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
        for column, definition in (
            (COUNTED, "BOOLEAN DEFAULT true"),
            (cluster_id, "VARCHAR"),
            (mentions, "INTEGER DEFAULT 1"),
            (articles, "INTEGER"),
            (sources, "INTEGER"),
            (CLUSTER_EVENTS, "INTEGER DEFAULT 1"),
        ):
            con.execute(f"ALTER TABLE events ADD COLUMN {column} {definition}")
        con.execute(f"UPDATE events SET {articles} = num_articles, {sources} = num_sources")
        if {"event_clusters", "event_cluster_members"} <= tables:
            con.execute(
                f"UPDATE events SET {cluster_id} = c.cluster_id, {mentions} = c.num_mentions, "
                f"{articles} = c.num_articles, {sources} = c.num_sources, "
                f"{COUNTED} = (c.representative_id = events.event_id), {CLUSTER_EVENTS} = n.events "
                "FROM event_cluster_members AS m JOIN event_clusters AS c USING (cluster_id) "
                "JOIN (SELECT cluster_id, count(*) AS events FROM event_cluster_members "
                "GROUP BY cluster_id) AS n USING (cluster_id) WHERE m.event_id = events.event_id"
            )
        con.execute("CHECKPOINT")
    finally:
        con.close()


class StoreCopies:
    """The copies of one database the dashboard reads; see the module docstring."""

    def __init__(self, db: Path, *, min_age: float = MIN_AGE_S) -> None:
        self.db = db
        self.min_age = min_age
        self._root = tempfile.TemporaryDirectory(prefix="kittiwake-dashboard-")
        self._lock = threading.Lock()  # guards _current and the reader counts
        self._refreshing = threading.Lock()  # one copy taken at a time
        self._current: _Copy | None = None
        self._taken = 0

    @property
    def copies_taken(self) -> int:
        """How many copies were made (the cost of serving; tests check it stays put)."""
        return self._taken

    @property
    def folders(self) -> list[Path]:
        """The copies on disk now."""
        return sorted(Path(self._root.name).iterdir())

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A read-only store over a recent copy, for the length of one request."""
        copy = self._acquire()
        try:
            with self._lock:  # a cursor is a new connection to the copy's database
                cursor = copy.store.connection.cursor()
            schema = copy.store.schema_version
            with Store(cursor, path=self.db, read_only=True, schema_version=schema) as store:
                yield store
        finally:
            self._release(copy)

    def close(self) -> None:
        """Remove the copies (a request still reading keeps its copy until it is done)."""
        with self._lock:
            current, self._current = self._current, None
            if current is not None:
                current.retired = True
                if current.readers == 0:
                    current.remove()

    def _fresh(self, copy: _Copy | None, signature: Signature) -> bool:
        if copy is None:
            return False
        return copy.signature == signature or time.monotonic() - copy.taken < self.min_age

    def _acquire(self) -> _Copy:
        signature = file_signature(self.db)
        if signature[0] is None:
            raise CopyUnavailable(f"no kittiwake database at {self.db}")
        with self._lock:
            if self._current is not None and self._fresh(self._current, signature):
                return self._use(self._current)
            have_one = self._current is not None
        # Only one request copies; with a copy to read, the others do not wait for it.
        if not self._refreshing.acquire(blocking=not have_one):
            with self._lock:
                return self._use(self._current)
        try:
            with self._lock:
                if self._fresh(self._current, file_signature(self.db)):
                    return self._use(self._current)
            fresh = self._take()
        finally:
            self._refreshing.release()
        with self._lock:
            if fresh is not None:
                self._replace(fresh)
            if self._current is None:
                raise CopyUnavailable(
                    f"{self.db} changed during each of {COPY_ATTEMPTS} copies; try again"
                )
            return self._use(self._current)

    def _use(self, copy: _Copy | None) -> _Copy:
        assert copy is not None
        copy.readers += 1
        return copy

    def _replace(self, fresh: _Copy) -> None:
        old, self._current = self._current, fresh
        if old is not None:
            old.retired = True
            if old.readers == 0:
                old.remove()

    def _release(self, copy: _Copy) -> None:
        with self._lock:
            copy.readers -= 1
            if copy.retired and copy.readers == 0:
                copy.remove()

    def _take(self) -> _Copy | None:
        """A new copy, or None when the file kept changing while it was copied."""
        for _ in range(COPY_ATTEMPTS):
            self._taken += 1
            folder = Path(self._root.name) / str(self._taken)
            folder.mkdir()
            signature = _copy_unchanged(self.db, folder)
            if signature is None:
                shutil.rmtree(folder, ignore_errors=True)
                time.sleep(RETRY_PAUSE_S)
                continue
            try:
                prepare_copy(folder / self.db.name)
                store = Store.open(folder / self.db.name, read_only=True)
            except StoreError:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            return _Copy(store, folder, signature, taken=time.monotonic())
        return None
