"""The DuckDB store: one file holding articles, sentences, actor mentions, events and runs.

DuckDB lets exactly one process open a database file for writing, and while it does, no other
process can open the file at all (not even read-only). So an ingest owns the file while it
runs; a query started meanwhile gets `StoreLockedError`, whose message says what to do: wait,
or open a snapshot (`Store.open(path, read_only=True, snapshot=True)`, CLI `--snapshot`), which
copies the file and its write-ahead log to a temporary folder and reads the copy.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from kittiwake.errors import KittiwakeError
from kittiwake.records import Article, CodedArticle, Event, Mention, Place, Rejected, Sentence
from kittiwake.store.migrations import MIGRATIONS

if TYPE_CHECKING:
    from kittiwake.store.clusters import ClusterUpdate

MEMORY = ":memory:"
# Never fetch or load DuckDB extensions on our own: opening a file that is not a DuckDB
# database (an SQLite one) made DuckDB try to download its SQLite extension.
CONNECT_CONFIG: dict[str, str | bool | int | float | list[str]] = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
}
WRITE_LOCK_WAIT_S = 2.0  # how long a writer retries a file a reader holds (see `_connect`)
_log = logging.getLogger(__name__)
# (doc_id, content hash, story id, MinHash values, text): see `Store.story_rows`
StoryRow = tuple[str, str | None, str | None, bytes | None, str | None]
_ROWS_PER_INSERT = 200  # rows per multi-row INSERT: keeps the parameter list moderate

EVENT_COLUMNS: tuple[str, ...] = (
    "event_id",
    "mention_id",
    "doc_id",
    "sentence",
    "sentence_start",
    "sentence_text",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "source_start",
    "source_end",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "target_start",
    "target_end",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "plover_context",
    "event_date",
    "date_raw",
    "date_precision",
    "historical",
    "effective_date",
    "place_name",
    "place_country",
    "place_lat",
    "place_lon",
    "place_geonameid",
    "place_feature",
    "place_admin1",
    "negated",
    "modality",
    "rule",
    "run_id",
)
_ARTICLE_COLUMNS = (
    "doc_id",
    "title",
    "url",
    "source",
    "published",
    "origin",
    "content_hash",
    "story_id",
    "language",
    "text",
    "excluded",
    "ingested_at",
    "run_id",
    "cuts",
)
_SENTENCE_COLUMNS = ("doc_id", "sentence", "start_offset", "end_offset", "text")
_MENTION_COLUMNS = (
    "doc_id",
    "seq",
    "sentence",
    "start_offset",
    "end_offset",
    "text",
    "code",
    "country",
    "sector",
    "entry_id",
    "name",
    "reason",
    "head",
    "token_start",
    "token_end",
    "coref_of",
    "run_id",
)
_PLACE_COLUMNS = (
    "doc_id",
    "seq",
    "name",
    "country",
    "lat",
    "lon",
    "geonameid",
    "feature",
    "admin1",
    "text",
    "start_offset",
    "end_offset",
    "run_id",
)


class StoreError(KittiwakeError):
    """A database that cannot be used as asked."""


class StoreLockedError(StoreError):
    """Another process (usually an ingest) holds the database file."""


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _mention_fields(mention: Mention | None) -> tuple[Any, ...]:
    if mention is None:
        return (None,) * 7
    actor = mention.actor
    return (
        mention.text,
        actor.code,
        actor.country,
        actor.sector,
        actor.name,
        mention.start,
        mention.end,
    )


def _place_fields(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None,) * 7
    return (
        place.name,
        place.country,
        place.lat,
        place.lon,
        place.geonameid,
        place.feature,
        place.admin1,
    )


def event_row(event: Event, *, published: dt.date | None, run_id: int | None) -> tuple[Any, ...]:
    """The `events` row of one event, in `EVENT_COLUMNS` order.

    `effective_date` is the event's own date, else the article's publication date: the date
    that filters and period aggregates use.
    """
    date = event.date
    event_date = date.value if date else None
    return (
        event.event_id,
        event.mention_id,
        event.doc_id,
        event.sentence,
        event.sentence_start,
        event.text,
        *_mention_fields(event.source),
        *_mention_fields(event.target),
        event.trigger.text,
        event.trigger.start,
        event.trigger.end,
        event.cameo,
        event.cameo_root,
        event.goldstein,
        event.quad_class,
        event.plover_type,
        event.plover_mode,
        list(event.plover_context),
        event_date,
        date.raw if date else None,
        date.precision if date else None,
        date.historical if date else False,
        event_date or published,
        *_place_fields(event.place),
        event.negated,
        event.modality,
        event.rule,
        run_id,
    )


def _sentence_row(sentence: Sentence) -> tuple[Any, ...]:
    return (sentence.doc_id, sentence.index, sentence.start, sentence.end, sentence.text)


def _mention_row(doc_id: str, seq: int, mention: Mention, run_id: int) -> tuple[Any, ...]:
    actor = mention.actor
    return (
        doc_id,
        seq,
        mention.sentence,
        mention.start,
        mention.end,
        mention.text,
        actor.code,
        actor.country,
        actor.sector,
        actor.entry_id,
        actor.name,
        actor.reason,
        mention.head,
        mention.token_start,
        mention.token_end,
        mention.coref_of,
        run_id,
    )


def _place_row(doc_id: str, seq: int, place: Place, run_id: int) -> tuple[Any, ...]:
    return (
        doc_id,
        seq,
        place.name,
        place.country,
        place.lat,
        place.lon,
        place.geonameid,
        place.feature,
        place.admin1,
        place.text,
        place.start,
        place.end,
        run_id,
    )


def _insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[tuple[Any, ...]],
) -> None:
    """Insert rows with one statement that reads them from an Arrow table.

    Binding a parameter per value is what made a multi-row INSERT slow (mentions alone were
    about 3 ms per article): DuckDB reads an Arrow table column by column instead. Rows whose
    values Arrow cannot put in one column type go through parameters as before.
    """
    batch = list(rows)
    if not batch:
        return
    try:
        arrow_rows = _arrow_table(columns, batch)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        _insert_parameters(con, table, columns, batch)
        return
    # DuckDB finds `arrow_rows` among this function's locals (a replacement scan); unlike
    # `register`, that costs no extra statement per table.
    con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM arrow_rows")
    del arrow_rows


def _arrow_table(columns: Sequence[str], rows: list[tuple[Any, ...]]) -> pa.Table:
    """The rows as an Arrow table (types inferred per column; DuckDB casts on insert)."""
    return pa.Table.from_arrays(
        [pa.array(values) for values in zip(*rows, strict=True)], names=list(columns)
    )


def _insert_parameters(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    batch: list[tuple[Any, ...]],
) -> None:
    """Insert rows with one multi-row parameterised INSERT per chunk (executemany is slow)."""
    placeholder = "(" + ", ".join("?" * len(columns)) + ")"
    column_list = ", ".join(columns)
    for first in range(0, len(batch), _ROWS_PER_INSERT):
        chunk = batch[first : first + _ROWS_PER_INSERT]
        values = ", ".join([placeholder] * len(chunk))
        params = [value for row in chunk for value in row]
        con.execute(f"INSERT INTO {table} ({column_list}) VALUES {values}", params)


def _is_lock_error(error: duckdb.Error) -> bool:
    return "lock" in str(error).lower()


def _locked_message(path: Path, *, read_only: bool) -> str:
    held = (
        f"{path} is locked by another process (probably a running `kittiwake ingest`); "
        "DuckDB lets only one process open a database while it is written. "
    )
    if not read_only:
        return held + (
            f"It was still locked after {WRITE_LOCK_WAIT_S:g} s of retries. "
            "Run one ingest at a time per database: wait for the other to finish."
        )
    return held + (
        "Wait for the ingest to finish, or query a copy: `--snapshot` on the command line, "
        "Store.open(path, read_only=True, snapshot=True) in Python."
    )


def _copy_snapshot(path: Path) -> Path:
    """Copy the database and its write-ahead log into a fresh temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="kittiwake-snapshot-"))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))
    return copy


def _connect(path: Path | str, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open `path`; a writer finding it locked retries for up to WRITE_LOCK_WAIT_S.

    Readers (a query, a dashboard request) hold the file for a moment, and a writer that
    started in that moment should wait it out, not fail; an ingest holds it for minutes, so
    the wait is short and the error then says the file is still locked.
    """
    delays = _write_retry_delays() if not read_only else iter(())
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=CONNECT_CONFIG)
        except duckdb.IOException as error:
            if not _is_lock_error(error):
                raise StoreError(_open_error(path, error)) from error
            delay = next(delays, None)
            if delay is None:
                message = _locked_message(Path(path), read_only=read_only)
                raise StoreLockedError(message) from error
            _log.info("%s is locked; retrying in %.2f s", path, delay)
            time.sleep(delay)


# A DuckDB file is a 12 KB header and then whole 256 KB blocks; another size means a file
# cut short (a full disk, a copy stopped part-way), which DuckDB would read as far as it goes
# without a word, answering queries from whatever is left.
_HEADER_BYTES = 3 * 4096
_BLOCK_BYTES = 256 * 1024


def _check_whole(path: Path) -> None:
    """Raise StoreError when the file at `path` is not a whole DuckDB file."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # missing: created on open (or reported by it)
    if size > _HEADER_BYTES and (size - _HEADER_BYTES) % _BLOCK_BYTES:
        raise StoreError(
            f"cannot open {path}: {size:,} bytes is not a whole DuckDB file "
            "(truncated or damaged); restore it from a copy or re-run the ingest into a new file"
        )


def _open_error(path: Path | str, error: duckdb.Error) -> str:
    """One line naming the file and what is wrong with it."""
    try:
        with Path(path).open("rb") as file:
            head = file.read(16)
    except OSError:
        head = b""
    if head.startswith(b"SQLite format 3"):
        return f"cannot open {path}: it is an SQLite database, not a kittiwake (DuckDB) one"
    return f"cannot open {path}: {' '.join(str(error).split())}"


def _write_retry_delays() -> Iterator[float]:
    """Doubling pauses from 20 ms, at most 0.5 s each, WRITE_LOCK_WAIT_S in all."""
    delay, waited = 0.02, 0.0
    while waited < WRITE_LOCK_WAIT_S:
        pause = min(delay, WRITE_LOCK_WAIT_S - waited)
        yield pause
        waited += pause
        delay = min(delay * 2, 0.5)


def _applied_version(con: duckdb.DuckDBPyConnection) -> int:
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _migrate(con: duckdb.DuckDBPyConnection, *, read_only: bool, path: Path | str) -> int:
    """Apply pending migrations, each in its own transaction; return the schema version."""
    version = _applied_version(con)
    latest = MIGRATIONS[-1].version
    if version > latest:
        raise StoreError(
            f"{path} has schema version {version}, newer than this kittiwake knows ({latest}); "
            "upgrade kittiwake"
        )
    pending = [migration for migration in MIGRATIONS if migration.version > version]
    if pending and read_only:
        raise StoreError(
            f"{path} has schema version {version}, this kittiwake needs {latest}; open it once "
            "for writing (e.g. run an ingest) to migrate it"
        )
    if pending:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
    for migration in pending:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [migration.version, migration.name, _utcnow()],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        version = migration.version
    return version


class Store:
    """A kittiwake database. Open it with `Store.open`; use it as a context manager."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        *,
        path: Path | str,
        read_only: bool,
        schema_version: int,
        snapshot_dir: Path | None = None,
    ) -> None:
        self._con = connection
        self.path = path
        self.read_only = read_only
        self.schema_version = schema_version
        self._snapshot_dir = snapshot_dir

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, snapshot: bool = False) -> Store:
        """Open (and for writing, create and migrate) the database at `path`.

        `snapshot=True` (read-only only) reads a temporary copy, so it works while an ingest
        holds the file; the copy shows what was committed when it was taken.
        Raises `StoreLockedError` when another process holds the file.
        """
        if snapshot and not read_only:
            raise ValueError("snapshot=True needs read_only=True: a copy cannot be written back")
        if str(path) == MEMORY:
            return cls._connect_and_migrate(MEMORY, read_only=False, snapshot_dir=None)
        file = Path(path)
        if read_only and not file.exists():
            raise FileNotFoundError(f"no kittiwake database at {file}")
        _check_whole(file)
        if not snapshot:
            return cls._connect_and_migrate(file, read_only=read_only, snapshot_dir=None)
        copy = _copy_snapshot(file)
        try:
            return cls._connect_and_migrate(copy, read_only=True, snapshot_dir=copy.parent)
        except BaseException:
            shutil.rmtree(copy.parent, ignore_errors=True)
            raise

    @classmethod
    def _connect_and_migrate(
        cls, path: Path | str, *, read_only: bool, snapshot_dir: Path | None
    ) -> Store:
        con = _connect(path, read_only=read_only)
        try:
            version = _migrate(con, read_only=read_only, path=path)
        except BaseException:
            con.close()
            raise
        return cls(
            con,
            path=path,
            read_only=read_only,
            schema_version=version,
            snapshot_dir=snapshot_dir,
        )

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying DuckDB connection (for queries in `kittiwake.store.queries`)."""
        return self._con

    def close(self) -> None:
        self._con.close()
        if self._snapshot_dir is not None:
            shutil.rmtree(self._snapshot_dir, ignore_errors=True)
            self._snapshot_dir = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- runs -------------------------------------------------------------------------------

    def start_run(
        self,
        *,
        command: str,
        kittiwake_version: str,
        dictionaries: str,
        config: dict[str, Any] | None = None,
    ) -> int:
        config_json = (
            json.dumps(config, default=str, sort_keys=True) if config is not None else None
        )
        # Only one process writes at a time, so a run still open now was killed.
        self._con.execute("UPDATE runs SET status = 'aborted' WHERE finished_at IS NULL")
        row = self._con.execute(
            "INSERT INTO runs (command, kittiwake_version, dictionaries, config, started_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING run_id",
            [command, kittiwake_version, dictionaries, config_json, _utcnow()],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(self, run_id: int, *, articles: int, events: int, rejected: int) -> None:
        self._con.execute(
            "UPDATE runs SET finished_at = ?, articles = ?, events = ?, rejected = ?, "
            "status = 'finished' WHERE run_id = ?",
            [_utcnow(), articles, events, rejected, run_id],
        )

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, doc_id: str) -> bool:
        """Whether `doc_id` was already ingested, as an article or as a recorded duplicate."""
        row = self._con.execute(
            "SELECT EXISTS (SELECT 1 FROM articles WHERE doc_id = ?) "
            "OR EXISTS (SELECT 1 FROM duplicates WHERE doc_id = ?)",
            [doc_id, doc_id],
        ).fetchone()
        return bool(row and row[0])

    def stored_identities(self) -> dict[str, str | None]:
        """doc_id -> content hash of every stored article, recorded duplicate and document
        rejected at coding (so that it is not coded again on every re-run).

        None where the hash is unknown (duplicates recorded before schema version 3).
        """
        rows = self._con.execute(
            "SELECT record, content_hash FROM rejected "
            "WHERE content_hash IS NOT NULL AND record IS NOT NULL "
            "UNION ALL SELECT doc_id, content_hash FROM duplicates "
            "UNION ALL SELECT doc_id, content_hash FROM articles"
        ).fetchall()
        return {str(doc_id): digest for doc_id, digest in rows}  # the article wins: last

    def stored_origins(self) -> dict[str, str]:
        """doc_id -> origin of every stored article and recorded duplicate: `ingest` tells a
        re-run (same origin) from a copied file (same content found elsewhere)."""
        rows = self._con.execute(
            "SELECT doc_id, origin FROM duplicates WHERE origin IS NOT NULL "
            "UNION ALL SELECT doc_id, origin FROM articles WHERE origin IS NOT NULL"
        ).fetchall()
        return {str(doc_id): str(origin) for doc_id, origin in rows}

    def story_rows(self, params: str) -> Iterator[StoryRow]:
        """Every stored article, oldest first, as (doc_id, content hash, story id, MinHash
        values stored with `params` or None, text only where those are None), fetched a
        thousand at a time: what restores the story index (`kittiwake.ingest`)."""
        cursor = self._con.execute(
            "SELECT a.doc_id, a.content_hash, a.story_id, s.hashvalues, "
            "CASE WHEN s.hashvalues IS NULL THEN a.text END "  # texts only where needed
            "FROM articles a LEFT JOIN story_signatures s ON s.doc_id = a.doc_id "
            "AND s.params = ? ORDER BY a.ingested_at, a.doc_id",
            [params],
        )
        while rows := cursor.fetchmany(1000):
            yield from rows

    def article(self, doc_id: str) -> Article | None:
        """A stored article as it was read (`recode` codes it again)."""
        row = self._con.execute(
            "SELECT doc_id, text, published, title, url, source, origin "
            "FROM articles WHERE doc_id = ?",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        doc, text, published, title, url, source, origin = row
        return Article(
            doc_id=doc,
            text=text,
            date=published,
            title=title,
            url=url,
            source=source,
            origin=origin or "",
        )

    def article_ids(self) -> list[str]:
        rows = self._con.execute("SELECT doc_id FROM articles ORDER BY doc_id").fetchall()
        return [str(row[0]) for row in rows]

    def article_id_for_hash(self, content_hash: str) -> str | None:
        row = self._con.execute(
            "SELECT doc_id FROM articles WHERE content_hash = ? ORDER BY ingested_at LIMIT 1",
            [content_hash],
        ).fetchone()
        return str(row[0]) if row else None

    def add(
        self,
        coded: CodedArticle,
        *,
        run_id: int,
        content_hash: str | None = None,
        story_id: str | None = None,
        story_signature: tuple[str, bytes] | None = None,
        cuts: Sequence[str] = (),
    ) -> bool:
        """Store one coded article in one transaction; False (nothing written) if already stored.

        `story_signature` is (params, hash values) of the article's MinHash, kept so the next
        ingest restores its story index without re-reading texts (`kittiwake.dedupe`); `cuts`
        says what the per-article limits left uncoded (`kittiwake.limits`).
        """
        article = coded.article
        with self._transaction():
            if self.has_article(article.doc_id):
                return False
            excluded = json.dumps([span.to_json() for span in article.excluded])
            article_row = (
                article.doc_id,
                article.title,
                article.url,
                article.source,
                article.date,
                article.origin,
                content_hash,
                story_id,
                article.language,
                article.text,
                excluded,
                _utcnow(),
                run_id,
                list(cuts),
            )
            _insert_rows(self._con, "articles", _ARTICLE_COLUMNS, [article_row])
            if story_signature is not None:
                self._con.execute(
                    "INSERT INTO story_signatures VALUES (?, ?, ?)",
                    [article.doc_id, *story_signature],
                )
            self._write_coding(coded, run_id=run_id, published=article.date)
        return True

    def replace_events(
        self, doc_id: str, coded: CodedArticle, *, run_id: int, cuts: Sequence[str] = ()
    ) -> None:
        """Rewrite the sentences, mentions, events, places and cuts of a stored article
        (`recode`)."""
        with self._transaction():
            row = self._con.execute(
                "SELECT published FROM articles WHERE doc_id = ?", [doc_id]
            ).fetchone()
            if row is None:
                raise KeyError(f"article {doc_id!r} is not in the store")
            for table in ("sentences", "mentions", "events", "places"):
                self._con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
            self._con.execute("UPDATE articles SET cuts = ? WHERE doc_id = ?", [list(cuts), doc_id])
            self._write_coding(coded, run_id=run_id, published=coded.article.date or row[0])
            self._refresh_counts(doc_id)

    def _write_coding(self, coded: CodedArticle, *, run_id: int, published: dt.date | None) -> None:
        doc_id = coded.article.doc_id
        _insert_rows(self._con, "sentences", _SENTENCE_COLUMNS, map(_sentence_row, coded.sentences))
        mention_rows = (
            _mention_row(doc_id, seq, mention, run_id) for seq, mention in enumerate(coded.mentions)
        )
        _insert_rows(self._con, "mentions", _MENTION_COLUMNS, mention_rows)
        place_rows = (
            _place_row(doc_id, seq, place, run_id) for seq, place in enumerate(coded.places)
        )
        _insert_rows(self._con, "places", _PLACE_COLUMNS, place_rows)
        event_rows = (
            event_row(event, published=published, run_id=run_id) for event in coded.events
        )
        _insert_rows(self._con, "events", EVENT_COLUMNS, event_rows)

    # -- rejected inputs and duplicates -----------------------------------------------------

    def add_rejected(
        self, rejected: Rejected, *, run_id: int, content_hash: str | None = None
    ) -> None:
        """Record a rejected input; `content_hash` (of a document rejected at coding) makes
        later ingests skip it (`stored_identities`)."""
        self._con.execute(
            "INSERT INTO rejected (origin, record, reason, run_id, recorded_at, content_hash) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [rejected.origin, rejected.record, rejected.reason, run_id, _utcnow(), content_hash],
        )

    def has_rejected(self, rejected: Rejected) -> bool:
        """Whether this rejection (origin, record, reason) is recorded already."""
        row = self._con.execute(
            "SELECT EXISTS (SELECT 1 FROM rejected WHERE origin = ? AND reason = ? "
            "AND record IS NOT DISTINCT FROM ?)",
            [rejected.origin, rejected.reason, rejected.record],
        ).fetchone()
        return bool(row and row[0])

    def add_duplicate(
        self,
        doc_id: str,
        *,
        duplicate_of: str,
        source: str | None,
        run_id: int,
        content_hash: str | None = None,
        origin: str | None = None,
    ) -> None:
        """Record a duplicate article and recount NumArticles / NumSources of the original.

        A duplicate of a duplicate counts for the first article. Recording the same duplicate
        twice changes nothing. `content_hash` lets a later ingest tell this document from
        another one that reuses its id (`stored_identities`).
        """
        with self._transaction():
            if self.has_article(doc_id):
                return
            row = self._con.execute(
                "SELECT duplicate_of FROM duplicates WHERE doc_id = ?", [duplicate_of]
            ).fetchone()
            original = str(row[0]) if row else duplicate_of
            self._con.execute(
                "INSERT INTO duplicates (doc_id, duplicate_of, source, run_id, recorded_at, "
                "content_hash, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [doc_id, original, source, run_id, _utcnow(), content_hash, origin],
            )
            self._refresh_counts(original)

    def _refresh_counts(self, doc_id: str) -> None:
        """Set num_articles / num_sources of an article's events from its duplicates."""
        row = self._con.execute(
            "SELECT 1 + (SELECT count(*) FROM duplicates WHERE duplicate_of = $doc), "
            "(SELECT count(DISTINCT source) FROM ("
            "  SELECT source FROM articles WHERE doc_id = $doc"
            "  UNION ALL SELECT source FROM duplicates WHERE duplicate_of = $doc))",
            {"doc": doc_id},
        ).fetchone()
        assert row is not None
        articles, sources = int(row[0]), max(1, int(row[1]))
        self._con.execute(
            "UPDATE events SET num_articles = ?, num_sources = ? WHERE doc_id = ?",
            [articles, sources, doc_id],
        )

    # -- event clusters (kittiwake.store.clusters, which imports this module) ---------------

    def rebuild_clusters(self) -> ClusterUpdate:
        """Cluster every stored event again, replacing the stored clusters (`recode`)."""
        from kittiwake.store.clusters import rebuild_clusters

        return rebuild_clusters(self)

    def extend_clusters(self) -> ClusterUpdate:
        """Join the events not clustered yet to the stored clusters (`ingest`)."""
        from kittiwake.store.clusters import extend_clusters

        return extend_clusters(self)

    def _transaction(self) -> _Transaction:
        return _Transaction(self._con)


class _Transaction:
    """BEGIN on enter; COMMIT on success, ROLLBACK on any exception."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def __enter__(self) -> None:
        self._con.execute("BEGIN TRANSACTION")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._con.execute("ROLLBACK" if exc_type else "COMMIT")
