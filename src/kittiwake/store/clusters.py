"""Event clusters in the store: rebuild them all (`recode`), or join new events (`ingest`).

The clustering itself is `kittiwake.consolidate`; this module reads what it needs from the
`events` and `articles` tables and writes `event_clusters` and `event_cluster_members`
(migration 5). Events with no row in `event_cluster_members` are the ones not clustered yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa

from kittiwake.consolidate import (
    PRECISION_DAYS,
    Cluster,
    Settings,
    StoredEvent,
    argument_words,
    consolidate,
    extend,
    summarize,
    trigger_lemma,
)
from kittiwake.store.db import Store

_SELECT = (
    "SELECT e.event_id, e.doc_id, e.mention_id, a.source, e.cameo_root, e.plover_type, "
    "e.source_code, e.source_country, e.target_code, e.target_country, e.effective_date, "
    "coalesce(e.date_precision, 'day'), e.place_country, e.place_name, e.trigger_text, "
    "e.sentence_text FROM events AS e LEFT JOIN articles AS a USING (doc_id) "
)
_UNCLUSTERED = "e.event_id NOT IN (SELECT event_id FROM event_cluster_members)"
# the date window of each stored event, in SQL, from `PRECISION_DAYS`
_WINDOW = (
    "CASE coalesce(e.date_precision, 'day') "
    + " ".join(f"WHEN '{name}' THEN {days}" for name, days in PRECISION_DAYS.items())
    + " ELSE 1 END"
)


@dataclass(frozen=True, slots=True)
class ClusterUpdate:
    """What a rebuild or an extension wrote."""

    events: int  # events (re)assigned
    clusters: int  # clusters written (all of them for a rebuild, those touched otherwise)


def _stored_event(row: Sequence[Any]) -> StoredEvent:
    trigger = trigger_lemma(row[14])
    return StoredEvent(
        event_id=row[0],
        doc_id=row[1],
        mention_id=row[2],
        outlet=row[3],
        cameo_root=row[4],
        plover_type=row[5],
        source_code=row[6] or None,
        source_country=row[7],
        target_code=row[8] or None,
        target_country=row[9],
        date=row[10],
        precision=row[11],
        place_country=row[12],
        place_name=row[13],
        trigger=trigger,
        words=argument_words(row[15], exclude=(trigger,)),
    )


def read_events(store: Store, where: str = "TRUE", params: Sequence[Any] = ()) -> list[StoredEvent]:
    """Stored events as consolidation reads them; `where` is a clause over `events AS e`."""
    rows = store.connection.execute(_SELECT + f"WHERE {where}", list(params)).fetchall()
    return [_stored_event(row) for row in rows]


def rebuild_clusters(store: Store, *, settings: Settings | None = None) -> ClusterUpdate:
    """Cluster every stored event from scratch, replacing the stored clusters."""
    result = consolidate(read_events(store), settings=settings)
    con = store.connection
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_cluster_members")
        con.execute("DELETE FROM event_clusters")
        _write(store, result.assignments, result.clusters)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return ClusterUpdate(events=len(result.assignments), clusters=len(result.clusters))


def extend_clusters(store: Store, *, settings: Settings | None = None) -> ClusterUpdate:
    """Join the events not clustered yet to stored clusters (or found new ones).

    Only stored events whose dates could reach the new ones are read, and stored memberships
    are kept as they are: the cost follows the new events, not the size of the store.
    """
    new = read_events(store, _UNCLUSTERED)
    if not new:
        return ClusterUpdate(events=0, clusters=0)
    stored = read_events(store, *_reachable(new))
    memberships = _memberships(store, [e.event_id for e in stored])
    added = extend(new, stored=stored, assignments=memberships, settings=settings)
    touched = sorted(set(added.values()))
    members = read_events(
        store,
        "e.event_id IN (SELECT event_id FROM event_cluster_members "
        "WHERE list_contains(?, cluster_id))",
        [touched],
    )
    assignments = {**_memberships(store, [e.event_id for e in members]), **added}
    clusters = summarize([*members, *new], assignments)
    con = store.connection
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM event_clusters WHERE list_contains(?, cluster_id)", [touched])
        _write(store, added, clusters)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return ClusterUpdate(events=len(added), clusters=len(clusters))


def _reachable(new: Iterable[StoredEvent]) -> tuple[str, list[Any]]:
    """A WHERE clause for clustered events whose date windows meet those of `new` events."""
    dated = [e for e in new if e.date is not None]
    clause = f"NOT ({_UNCLUSTERED}) AND "
    if not dated:
        return clause + "e.effective_date IS NULL", []
    reach = max(PRECISION_DAYS.get(e.precision, 1) for e in dated)
    first = min(e.date for e in dated if e.date) - dt.timedelta(days=reach)
    last = max(e.date for e in dated if e.date) + dt.timedelta(days=reach)
    return clause + (
        f"(e.effective_date IS NULL OR (e.effective_date + {_WINDOW} >= ? "
        f"AND e.effective_date - {_WINDOW} <= ?))"
    ), [first, last]


def _memberships(store: Store, event_ids: list[str]) -> dict[str, str]:
    rows = store.connection.execute(
        "SELECT event_id, cluster_id FROM event_cluster_members WHERE list_contains(?, event_id)",
        [event_ids],
    ).fetchall()
    return {str(event_id): str(cluster_id) for event_id, cluster_id in rows}


def _write(store: Store, assignments: Mapping[str, str], clusters: Sequence[Cluster]) -> None:
    member_rows = pa.table(
        {
            "event_id": pa.array(list(assignments), pa.string()),
            "cluster_id": pa.array(list(assignments.values()), pa.string()),
        }
    )
    cluster_rows = pa.table(
        {
            "cluster_id": pa.array([c.cluster_id for c in clusters], pa.string()),
            "representative_id": pa.array([c.representative_id for c in clusters], pa.string()),
            "num_mentions": pa.array([c.mentions for c in clusters], pa.int32()),
            "num_articles": pa.array([c.articles for c in clusters], pa.int32()),
            "num_sources": pa.array([c.sources for c in clusters], pa.int32()),
            "first_date": pa.array([c.first_date for c in clusters], pa.date32()),
            "last_date": pa.array([c.last_date for c in clusters], pa.date32()),
        }
    )
    # Arrow columns in table order: one columnar insert each, not a parameter per value
    store.connection.from_arrow(member_rows).insert_into("event_cluster_members")
    store.connection.from_arrow(cluster_rows).insert_into("event_clusters")


def cluster_reports(store: Store, cluster_id: str) -> pd.DataFrame:
    """The reports of one cluster side by side: one row per member, the representative first.

    Raises KeyError for an id that names no stored cluster.
    """
    frame = store.connection.execute(
        "SELECT e.event_id = c.representative_id AS representative, e.doc_id, a.source AS outlet, "
        "e.effective_date, e.source_code, e.target_code, e.cameo, e.trigger_text, "
        "e.place_name, e.sentence_text FROM event_cluster_members AS m "
        "JOIN event_clusters AS c ON c.cluster_id = m.cluster_id "
        "JOIN events AS e ON e.event_id = m.event_id LEFT JOIN articles AS a USING (doc_id) "
        "WHERE m.cluster_id = ? ORDER BY representative DESC, e.effective_date, e.event_id",
        [cluster_id],
    ).df()
    if frame.empty:
        raise KeyError(f"no event cluster {cluster_id!r} in the store")
    return frame
