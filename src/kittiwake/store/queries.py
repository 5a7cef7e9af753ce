"""Read-side queries over a kittiwake store, returning pandas DataFrames (or Arrow tables).

All user values reach DuckDB as parameters; the only SQL assembled from strings is built from
constants in this module (column names, the period units in `PERIODS`).

Dates: filters and periods use `effective_date`, the event's own date when the coder found
one, else the article's publication date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from kittiwake.records import (
    DOERLESS_CODES,
    REPORTABLE_MODALITIES,
    SOURCE_ALONE_ROOTS,
    TARGET_ALONE_ROOTS,
)
from kittiwake.store.db import Store, StoreError

SIDES = ("either", "source", "target")
UNITS = ("mention", "cluster")  # what a row counts: a coded event, or a real-world event
PERIODS: Mapping[str, str] = MappingProxyType(
    {"day": "day", "week": "week", "month": "month", "year": "year"}
)
QUAD_CLASS_NAMES: Mapping[int, str] = MappingProxyType(
    {
        1: "verbal_cooperation",
        2: "material_cooperation",
        3: "verbal_conflict",
        4: "material_conflict",
    }
)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters every query accepts; `where()` turns them into a WHERE clause."""

    start: dt.date | str | None = None
    end: dt.date | str | None = None
    actor: str | None = None  # CAMEO actor code prefix: "RUS" matches RUS, RUSGOV, RUSMIL...
    side: str = "either"
    cameo: str | None = None  # event code or prefix: "04" matches 040, 042, 0421...
    plover: str | None = None
    quad_class: int | Sequence[int] | None = None
    place_country: str | None = None
    text: str | None = None  # case-insensitive substring of the sentence
    include_negated: bool = False
    # "cluster": one row per event cluster (its representative; an event not clustered yet
    # is its own cluster), so a cluster counts where its representative matches the filters
    unit: str = "mention"
    one_a_day: bool = False  # ICEWS: one event per source, target, CAMEO code and day

    def where(self) -> tuple[str, list[Any]]:
        if self.side not in SIDES:
            raise ValueError(f"side must be one of {', '.join(SIDES)}, not {self.side!r}")
        clauses, params = self._filter_clauses()
        clauses.extend(_unit_clauses(unit=self.unit, one_a_day=self.one_a_day))
        return (" AND ".join(clauses) or "TRUE"), params

    def _filter_clauses(self) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        start, end = _as_date(self.start), _as_date(self.end)
        if start is not None:
            add("effective_date >= ?", start)
        if end is not None:
            add("effective_date <= ?", end)
        if self.actor:
            actor = self.actor.upper()
            if self.side == "source":
                add("starts_with(source_code, ?)", actor)
            elif self.side == "target":
                add("starts_with(target_code, ?)", actor)
            else:
                add("(starts_with(source_code, ?) OR starts_with(target_code, ?))", actor, actor)
        if self.cameo:
            add("starts_with(cameo, ?)", self.cameo)
        if self.plover:
            add("upper(plover_type) = upper(?)", self.plover)
        if self.quad_class is not None:
            quads = [self.quad_class] if isinstance(self.quad_class, int) else self.quad_class
            add("list_contains(?, quad_class)", [int(quad) for quad in quads])
        if self.place_country:
            add("upper(place_country) = upper(?)", self.place_country)
        if self.text:
            add("contains(lower(sentence_text), lower(?))", self.text)
        if not self.include_negated:  # negated and hypothetical events stay out by default
            modalities = sorted(m for m in REPORTABLE_MODALITIES if m is not None)
            add("NOT negated AND (modality IS NULL OR list_contains(?, modality))", modalities)
            clauses.append(COMPLETE_EVENT_SQL)  # as `Event.is_complete`: who did what to whom
        return clauses, params


CLUSTER_COLUMNS = ("cluster_id", "cluster_mentions", "cluster_articles", "cluster_sources")


def _events_of(unit: str) -> str:
    """What event listings read: for clusters, each event with its cluster's id and counts."""
    if unit != "cluster":
        return "events"
    return (
        "(SELECT events.*, c.cluster_id, c.num_mentions AS cluster_mentions, "
        "c.num_articles AS cluster_articles, c.num_sources AS cluster_sources FROM events "
        "LEFT JOIN event_cluster_members AS m USING (event_id) "
        "LEFT JOIN event_clusters AS c ON c.cluster_id = m.cluster_id) AS events"
    )


def _unit_clauses(*, unit: str, one_a_day: bool) -> list[str]:
    """Clauses that keep one row per cluster, or per ICEWS (source, target, code, day)."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    clauses = []
    if unit == "cluster":
        clauses.append(
            "(event_id IN (SELECT representative_id FROM event_clusters) "
            "OR event_id NOT IN (SELECT event_id FROM event_cluster_members))"
        )
    if one_a_day:
        clauses.append(
            "event_id IN (SELECT min(event_id) FROM events "
            "GROUP BY source_code, target_code, cameo, effective_date)"
        )
    return clauses


# `Event.is_complete` in SQL: both actors; a coded source of an act complete without a
# target; or a coded target of an act whose doer may go unnamed.
COMPLETE_EVENT_SQL = (
    "((coalesce(source_code, '') <> '' AND coalesce(target_code, '') <> '')"
    " OR (coalesce(source_code, '') <> '' AND list_contains("
    + repr(sorted(SOURCE_ALONE_ROOTS))
    + ", cameo_root))"
    " OR (coalesce(target_code, '') <> '' AND (list_contains("
    + repr(sorted(TARGET_ALONE_ROOTS))
    + ", cameo_root) OR list_contains("
    + repr(sorted(DOERLESS_CODES))
    + ", cameo))))"
)


def _period_sql(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    return f"CAST(date_trunc('{PERIODS[by]}', effective_date) AS DATE)"


def _run(
    store: Store, query: str, params: Sequence[Any], *, as_arrow: bool
) -> pd.DataFrame | pa.Table:
    if as_arrow:
        return fetch_arrow(store, query, params)
    return store.connection.execute(query, list(params)).df()


def fetch_arrow(store: Store, query: str, params: Sequence[Any]) -> pa.Table:
    """The result of a query as an Arrow table."""
    relation = store.connection.sql(query, params=list(params))
    to_table = getattr(relation, "to_arrow_table", None)  # duckdb >= 1.4; older: arrow()
    table = to_table() if to_table else relation.arrow()
    assert isinstance(table, pa.Table)
    return table


def events(
    store: Store,
    *,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    actor: str | None = None,
    side: str = "either",
    cameo: str | None = None,
    plover: str | None = None,
    quad_class: int | Sequence[int] | None = None,
    place_country: str | None = None,
    text: str | None = None,
    include_negated: bool = False,
    unit: str = "mention",
    one_a_day: bool = False,
    limit: int | None = None,
    as_arrow: bool = False,
) -> pd.DataFrame | pa.Table:
    """Events matching the filters, one row per event (or per cluster), by date then id."""
    where, params = EventFilter(
        start=start,
        end=end,
        actor=actor,
        side=side,
        cameo=cameo,
        plover=plover,
        quad_class=quad_class,
        place_country=place_country,
        text=text,
        include_negated=include_negated,
        unit=unit,
        one_a_day=one_a_day,
    ).where()
    query = f"SELECT * FROM {_events_of(unit)} WHERE {where} ORDER BY effective_date, event_id"
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    return _run(store, query, params, as_arrow=as_arrow)


def event_rows(
    store: Store, *, limit: int | None = None, **filters: Any
) -> Iterator[dict[str, Any]]:
    """Events matching the filters as plain Python dicts (dates as `datetime.date`)."""
    where, params = EventFilter(**filters).where()
    source = _events_of(filters.get("unit", "mention"))
    query = f"SELECT * FROM {source} WHERE {where} ORDER BY effective_date, event_id"
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    result = store.connection.execute(query, params)
    names = [column[0] for column in result.description]
    while batch := result.fetchmany(1000):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def _mention_json(row: Mapping[str, Any], side: str) -> dict[str, Any] | None:
    if row[f"{side}_code"] is None:
        return None
    return {
        "text": row[f"{side}_text"],
        "code": row[f"{side}_code"],
        "country": row[f"{side}_country"],
        "sector": row[f"{side}_sector"],
        "start": row[f"{side}_start"],
        "end": row[f"{side}_end"],
    }


def event_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """An `events` row back in the shape of `Event.to_json()` (what `kittiwake code` prints)."""
    event_date = row["event_date"]
    place = None
    if row["place_name"] is not None:
        place = {
            "name": row["place_name"],
            "country": row["place_country"],
            "lat": row["place_lat"],
            "lon": row["place_lon"],
        }
    return {
        "event_id": row["event_id"],
        "mention_id": row["mention_id"],
        "doc_id": row["doc_id"],
        "sentence": row["sentence"],
        "text": row["sentence_text"],
        "source": _mention_json(row, "source"),
        "target": _mention_json(row, "target"),
        "trigger": {
            "text": row["trigger_text"],
            "start": row["trigger_start"],
            "end": row["trigger_end"],
        },
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover": {
            "type": row["plover_type"],
            "mode": row["plover_mode"],
            "context": list(row["plover_context"] or []),
        },
        "date": event_date.isoformat() if event_date is not None else None,
        "date_raw": row["date_raw"],
        "date_precision": row["date_precision"],
        "historical": bool(row["historical"]),
        "place": place,
        "negated": bool(row["negated"]),
        "modality": row["modality"],
        "dyadic": bool(row["source_code"]) and bool(row["target_code"]),
        "rule": row["rule"],
    }


def dyads(
    store: Store, *, by: str | None = "week", as_arrow: bool = False, **filters: Any
) -> pd.DataFrame | pa.Table:
    """Event counts and Goldstein sums/means per source-target pair (and period).

    kittiwake computes no tone; `goldstein_mean` stands in where GDELT users read AvgTone:
    it is the mean Goldstein score of the pair's events, not a sentiment measure.
    """
    where, params = EventFilter(**filters).where()
    period = f"{_period_sql(by)} AS period, " if by else ""
    order = "period, " if by else ""
    query = (
        f"SELECT source_code, target_code, {period}count(*) AS count, "
        "CAST(sum(num_articles) AS BIGINT) AS articles, sum(goldstein) AS goldstein_sum, "
        "avg(goldstein) AS goldstein_mean FROM events "
        f"WHERE {where} AND coalesce(source_code, '') <> '' AND coalesce(target_code, '') <> '' "
        f"GROUP BY ALL ORDER BY {order}count DESC, source_code, target_code"
    )
    return _run(store, query, params, as_arrow=as_arrow)


def timeline(
    store: Store,
    *,
    actor: str | None = None,
    by: str = "week",
    as_arrow: bool = False,
    **filters: Any,
) -> pd.DataFrame | pa.Table:
    """Event counts per quad class per period (one column per quad class, plus `total`)."""
    where, params = EventFilter(actor=actor, **filters).where()
    counts = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {quad}) AS {name}"
        for quad, name in QUAD_CLASS_NAMES.items()
    )
    query = (
        f"SELECT {_period_sql(by)} AS period, {counts}, count(*) AS total FROM events "
        f"WHERE {where} AND effective_date IS NOT NULL GROUP BY period ORDER BY period"
    )
    return _run(store, query, params, as_arrow=as_arrow)


def top_actors(
    store: Store,
    *,
    side: str = "source",
    limit: int = 20,
    as_arrow: bool = False,
    **filters: Any,
) -> pd.DataFrame | pa.Table:
    """The actor codes in most events on `side` ("source", "target" or "either")."""
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(SIDES)}, not {side!r}")
    where, params = EventFilter(**filters).where()
    sides = ("source", "target") if side == "either" else (side,)
    union = " UNION ALL ".join(
        f"SELECT {name}_code AS code, {name}_name AS name, goldstein FROM events WHERE {where}"
        for name in sides
    )
    query = (
        f"SELECT code, mode(name) AS name, count(*) AS events, avg(goldstein) AS goldstein_mean "
        f"FROM ({union}) WHERE code IS NOT NULL GROUP BY code "
        "ORDER BY events DESC, code LIMIT ?"
    )
    return _run(store, query, [*params * len(sides), int(limit)], as_arrow=as_arrow)


def rejected(
    store: Store, *, run_id: int | None = None, limit: int | None = None, as_arrow: bool = False
) -> pd.DataFrame | pa.Table:
    """Inputs that could not be coded, with their reasons, oldest first."""
    query = "SELECT * FROM rejected WHERE (? IS NULL OR run_id = ?) ORDER BY rejected_id"
    params: list[Any] = [run_id, run_id]
    if limit is not None:
        query += " LIMIT ?"
        params.append(int(limit))
    return _run(store, query, params, as_arrow=as_arrow)


def sql(store: Store, query: str, *, as_arrow: bool = False) -> pd.DataFrame | pa.Table:
    """Run one user SELECT (or WITH ... SELECT) statement on a store opened read-only.

    Two guards: anything but a single SELECT is refused before it runs, and the connection
    itself is read-only (a SELECT can still call `nextval` or similar; DuckDB refuses that on
    a read-only database). A store opened for writing is refused.
    """
    if not store.read_only:
        raise StoreError("sql() needs a store opened with read_only=True")
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as error:
        raise StoreError(f"cannot parse SQL: {error}") from error
    if len(statements) != 1:
        raise StoreError(f"give exactly one statement, not {len(statements)}")
    if statements[0].type != duckdb.StatementType.SELECT:
        raise StoreError(f"only SELECT / WITH queries are allowed, not {statements[0].type.name}")
    try:
        return _run(store, query, [], as_arrow=as_arrow)
    except duckdb.Error as error:
        raise StoreError(str(error)) from error


def dyad_series(
    store: Store,
    *,
    source: str,
    target: str,
    by: str = "week",
    as_arrow: bool = False,
    **filters: Any,
) -> pd.DataFrame | pa.Table:
    """Per period: events from `source` to `target` (code prefixes), their Goldstein sum/mean."""
    where, params = EventFilter(**filters).where()
    query = (
        f"SELECT {_period_sql(by)} AS period, count(*) AS count, "
        "sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean FROM events "
        f"WHERE {where} AND starts_with(source_code, ?) AND starts_with(target_code, ?) "
        "AND effective_date IS NOT NULL GROUP BY period ORDER BY period"
    )
    return _run(store, query, [*params, source.upper(), target.upper()], as_arrow=as_arrow)
