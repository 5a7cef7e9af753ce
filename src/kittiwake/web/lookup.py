"""The few reads the dashboard needs that `kittiwake.store.queries` has no function for.

Single records by id (an event, an article), table counts and the runs table. Filters still
go through `EventFilter.where()`, so the dashboard filters exactly as the CLI does. These are
candidates to move into `store/queries.py` once another caller needs them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from kittiwake.store import Store
from kittiwake.store.queries import QUAD_CLASS_NAMES, UNITS, EventFilter, event_json
from kittiwake.web.params import ActorFilter, EventQuery, PairFilter
from kittiwake.web.reader import COUNTED

COUNTED_TABLES = ("articles", "events", "rejected", "duplicates", "runs")
ORDERS = {  # constants, never user input; event_id last so that every order is total
    "oldest": "effective_date, event_id",  # the order of `queries.event_rows`
    "newest": "effective_date DESC NULLS LAST, event_id",
    "conflict": "goldstein, event_id",
    "cooperation": "goldstein DESC, event_id",
    # the reports of the event's cluster (an event not clustered yet: its own)
    "reports": "cluster_articles DESC, cluster_sources DESC, cluster_mentions DESC, event_id",
}
SIDE_COLUMNS = {
    "source": ("source_code",),
    "target": ("target_code",),
    "either": ("source_code", "target_code"),
}
GROUPABLE_COLUMNS = ("cameo_root", "plover_type", "quad_class", "place_country")


def _rows(store: Store, query: str, params: list[Any]) -> list[dict[str, Any]]:
    result = store.connection.execute(query, params)
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def plain(value: Any) -> Any:
    """A value JSON can carry: ISO dates, None for NaN/NaT, Python scalars for numpy ones."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-ready dicts (see `plain`)."""
    return [
        {str(name): plain(value) for name, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def event_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """`event_json` of an `events` row plus what the dashboard shows beside it.

    `sentence_start` lets a reader turn the article offsets of source, target and trigger
    into offsets in `text`.
    """
    return {
        **event_json(row),
        "sentence_start": row["sentence_start"],
        "effective_date": plain(row["effective_date"]),
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "cluster": cluster_record(row),
    }


def cluster_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The cluster counts of an events row of a dashboard copy (`reader.prepare_copy`): id
    (None for an event not clustered yet), mentions, articles and sources."""
    return {
        "id": row.get("cluster_id"),
        "mentions": plain(row.get("cluster_mentions", 1)),
        "articles": plain(row.get("cluster_articles", row["num_articles"])),
        "sources": plain(row.get("cluster_sources", row["num_sources"])),
        "events": plain(row.get("cluster_events", 1)),
    }


def table_counts(store: Store) -> dict[str, int]:
    """Rows per table, for the overview."""
    counts = {}
    for table in COUNTED_TABLES:  # table names are constants, never user input
        row = store.connection.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


Where = tuple[str, list[Any]]  # a WHERE clause over `events` and its parameters


def reported(unit: str, **filters: Any) -> Where:
    """`EventFilter(unit=unit, **filters).where()`, the unit read from the copy's `COUNTED`
    column instead of subqueries over the cluster tables (the same rows, 100x faster)."""
    where, params = EventFilter(**filters).where()
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {unit!r}")
    return (f"({where}) AND {COUNTED}" if unit == "cluster" else where), params


def _code_test(column: str, *, match: str) -> str:
    return f"{column} = ?" if match == "exact" else f"starts_with({column}, ?)"


def actor_where(actors: PairFilter) -> Where:
    """The actor filters as SQL: codes upper-cased, compared as `actors.match` says."""
    clauses: list[str] = []
    params: list[Any] = []
    if isinstance(actors, ActorFilter) and actors.actor:
        columns = SIDE_COLUMNS[actors.side]
        clauses.append(" OR ".join(_code_test(c, match=actors.match) for c in columns))
        params.extend([actors.actor.upper()] * len(columns))
    for column, code in (("source_code", actors.source), ("target_code", actors.target)):
        if code:
            clauses.append(_code_test(column, match=actors.match))
            params.append(code.upper())
    return " AND ".join(f"({clause})" for clause in clauses) or "TRUE", params


ORIGIN_TESTS = {  # EventQuery.ORIGIN_FIELDS as SQL; constants, never user input
    "outlet": "doc_id IN (SELECT doc_id FROM articles WHERE lower(source) = lower(?))",
    "article": "doc_id = ?",
    "run_id": "run_id = ?",
}


def event_where(query: EventQuery) -> Where:
    """`EventFilter`'s clause for the query's other filters, the actor filters, and where
    the events came from (outlet, article, run)."""
    filters = query.event_filter()
    where, params = reported(filters.pop("unit"), **filters)
    actors, actor_params = actor_where(query)
    clauses, values = [f"({where})", actors], [*params, *actor_params]
    for name, test in ORIGIN_TESTS.items():
        value = getattr(query, name)
        if value is not None:
            clauses.append(test)
            values.append(value)
    return " AND ".join(clauses), values


def count_where(store: Store, where: Where) -> int:
    row = store.connection.execute(f"SELECT count(*) FROM events WHERE {where[0]}", where[1])
    found = row.fetchone()
    return int(found[0]) if found else 0


def event_page(
    store: Store, where: Where, *, sort: str, limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of the events matching `where`, in the `sort` order, from `offset`.

    `event_rows` has no offset, and skipping rows in Python took 2 s for the last page of
    100,000 events; DuckDB skips them in about as long as the first page takes.
    """
    # Sorting only the ids and then reading the page's rows is 10x faster on 1M events than
    # sorting whole rows; the order is total (event_id last), so both sorts agree.
    page = f"SELECT event_id FROM events WHERE {where[0]} ORDER BY {ORDERS[sort]} LIMIT ? OFFSET ?"
    query = f"SELECT * FROM events WHERE event_id IN ({page}) ORDER BY {ORDERS[sort]}"
    return _rows(store, query, [*where[1], int(limit), int(offset)])


def actor_counts(store: Store, *, side: str, limit: int, unit: str) -> dict[str, Any]:
    """Reported events (of `unit`) per exact actor code on `side`, most first, and apart from
    the ranking the events with no code there ("unresolved"), each event counted once."""
    where, params = reported(unit)
    first, *other = SIDE_COLUMNS[side]
    branches = [f"SELECT coalesce({first}, '') AS code, goldstein FROM events WHERE {where}"]
    # an event whose target is its source (USA -> USA) counts once for that code
    branches += [
        f"SELECT coalesce({column}, '') AS code, goldstein FROM events WHERE {where} "
        f"AND coalesce({column}, '') <> coalesce({first}, '')"
        for column in other
    ]
    query = (
        "WITH per_code AS MATERIALIZED (SELECT code, count(*) AS events, "
        f"avg(goldstein) AS goldstein_mean FROM ({' UNION ALL '.join(branches)}) GROUP BY code) "
        "SELECT * FROM (SELECT * FROM per_code WHERE code <> '' ORDER BY events DESC, code "
        "LIMIT ?) UNION ALL SELECT * FROM per_code WHERE code = ''"
    )
    rows = _rows(store, query, [*params * len(branches), int(limit)])
    ranked = sorted((row for row in rows if row["code"]), key=lambda r: (-r["events"], r["code"]))
    missing = [row["events"] for row in rows if not row["code"]]
    return {"actors": ranked, "unresolved": missing[0] if missing else 0}


def counts_by(store: Store, column: str, *, limit: int = 20, unit: str) -> list[dict[str, Any]]:
    """Events per value of one column (CAMEO root, PLOVER type...), most frequent first."""
    if column not in GROUPABLE_COLUMNS:
        raise ValueError(f"column must be one of {', '.join(GROUPABLE_COLUMNS)}, not {column!r}")
    where, params = reported(unit)
    query = (
        f"SELECT {column} AS value, count(*) AS events FROM events WHERE {where} "
        "GROUP BY value ORDER BY events DESC, value NULLS LAST LIMIT ?"
    )
    return _rows(store, query, [*params, int(limit)])


def timeline(store: Store, *, by: str, unit: str) -> list[dict[str, Any]]:
    """Per `by` period, the reported events (of `unit`): `queries.timeline`'s counts per quad
    class and total, and their mean Goldstein score, in one pass over the events."""
    where, params = reported(unit)
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {quad}) AS {name}"
        for quad, name in QUAD_CLASS_NAMES.items()  # constants, never user input
    )
    query = (
        f"SELECT CAST(date_trunc(?, effective_date) AS DATE) AS period, {quads}, "
        f"count(*) AS total, avg(goldstein) AS goldstein_mean FROM events WHERE {where} "
        "AND effective_date IS NOT NULL GROUP BY period ORDER BY period"
    )
    rows = _rows(store, query, [by, *params])
    return [{name: plain(value) for name, value in row.items()} for row in rows]


def dyad_series(store: Store, actors: PairFilter, *, by: str) -> list[dict[str, Any]]:
    """Per `by` period: the reported events (of `actors.unit`) of the pair `actors` gives,
    Goldstein sum/mean."""
    where, params = reported(actors.unit)
    pair, pair_params = actor_where(actors)
    query = (
        f"SELECT CAST(date_trunc(?, effective_date) AS DATE) AS period, count(*) AS count, "
        "sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean FROM events "
        f"WHERE {where} AND {pair} AND effective_date IS NOT NULL GROUP BY period ORDER BY period"
    )
    rows = _rows(store, query, [by, *params, *pair_params])
    return [{name: plain(value) for name, value in row.items()} for row in rows]


def dyads(store: Store, where: Where, *, by: str | None) -> pd.DataFrame:
    """`queries.dyads` over the events matching `where`: events, articles and Goldstein
    sum/mean per source-target pair of resolved codes (and `by` period), most events first."""
    period = "CAST(date_trunc(?, effective_date) AS DATE) AS period, " if by else ""
    query = (
        f"SELECT source_code, target_code, {period}count(*) AS count, "
        "CAST(sum(num_articles) AS BIGINT) AS articles, sum(goldstein) AS goldstein_sum, "
        f"avg(goldstein) AS goldstein_mean FROM events WHERE {where[0]} "
        "AND coalesce(source_code, '') <> '' AND coalesce(target_code, '') <> '' "
        f"GROUP BY ALL ORDER BY {'period, ' if by else ''}count DESC, source_code, target_code"
    )
    return store.connection.execute(query, [*([by] if by else []), *where[1]]).df()


def places(store: Store, where: Where, *, limit: int) -> list[dict[str, Any]]:
    """The places of the events matching `where`, most events first, with their count and
    mean Goldstein score."""
    query = (
        "SELECT place_name, place_country, place_lat AS lat, place_lon AS lon, "
        "count(*) AS events, avg(goldstein) AS goldstein_mean FROM events "
        f"WHERE {where[0]} AND place_lat IS NOT NULL AND place_lon IS NOT NULL "
        "GROUP BY ALL ORDER BY events DESC, place_name LIMIT ?"
    )
    return _rows(store, query, [*where[1], int(limit)])


def pairs(store: Store, where: Where, *, limit: int) -> list[dict[str, Any]]:
    """The most frequent (source, target) pairs of distinct resolved codes among the events
    matching `where`, with their mean Goldstein score."""
    query = (
        "SELECT source_code, target_code, count(*) AS events, avg(goldstein) AS goldstein_mean "
        f"FROM events WHERE {where[0]} AND coalesce(source_code, '') <> '' "
        "AND coalesce(target_code, '') <> '' AND source_code <> target_code "
        "GROUP BY ALL ORDER BY events DESC, source_code, target_code LIMIT ?"
    )
    return _rows(store, query, [*where[1], int(limit)])


def count_places(store: Store, where: Where) -> int:
    query = (
        "SELECT count(*) FROM (SELECT DISTINCT place_name, place_country, place_lat, place_lon "
        f"FROM events WHERE {where[0]} AND place_lat IS NOT NULL AND place_lon IS NOT NULL)"
    )
    found = store.connection.execute(query, where[1]).fetchone()
    return int(found[0]) if found else 0


def event_by_id(store: Store, event_id: str) -> dict[str, Any] | None:
    """The `events` row with this id, or None."""
    found = _rows(store, "SELECT * FROM events WHERE event_id = ?", [event_id])
    return found[0] if found else None


def events_of_article(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Every event row of an article, negated and hypothetical ones included."""
    return _rows(
        store, "SELECT * FROM events WHERE doc_id = ? ORDER BY sentence, event_id", [doc_id]
    )


def cluster_by_id(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """The stored event cluster with this id (its counts, dates, representative), or None."""
    found = _rows(store, "SELECT * FROM event_clusters WHERE cluster_id = ?", [cluster_id])
    return {name: plain(value) for name, value in found[0].items()} if found else None


def cluster_members(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """The events rows of a cluster's events, the representative first, then by date,
    each with its article's outlet, title, url and publication date (`article_*`)."""
    return _rows(
        store,
        "SELECT e.*, a.source AS article_source, a.title AS article_title, "
        "a.url AS article_url, a.published AS article_published, "
        "e.event_id = c.representative_id AS representative FROM events AS e "
        "JOIN event_clusters AS c ON c.cluster_id = e.cluster_id "
        "LEFT JOIN articles AS a USING (doc_id) WHERE e.cluster_id = ? "
        "ORDER BY representative DESC, e.effective_date, e.event_id",
        [cluster_id],
    )


def mention_evidence(
    store: Store, *, doc_id: str, code: str | None, start: int | None, end: int | None
) -> dict[str, Any] | None:
    """How the stored mention at these offsets was resolved: entry, name, reason, coreference."""
    if code is None or start is None or end is None:
        return None
    found = _rows(
        store,
        "SELECT text, code, entry_id, name, reason, coref_of FROM mentions "
        "WHERE doc_id = ? AND start_offset = ? AND end_offset = ? ORDER BY code = ? DESC, seq "
        "LIMIT 1",
        [doc_id, start, end, code],
    )
    return found[0] if found else None


def article_by_id(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The stored article (text and metadata) with its excluded spans decoded, or None."""
    found = _rows(
        store,
        "SELECT doc_id, title, url, source, published, origin, story_id, language, text, "
        "excluded, ingested_at, run_id FROM articles WHERE doc_id = ?",
        [doc_id],
    )
    if not found:
        return None
    article = {name: plain(value) for name, value in found[0].items()}
    article["excluded"] = json.loads(article["excluded"]) if article["excluded"] else []
    return article


def duplicates_of(store: Store, doc_id: str) -> list[dict[str, Any]]:
    rows = _rows(
        store,
        "SELECT doc_id, source, run_id FROM duplicates WHERE duplicate_of = ? ORDER BY doc_id",
        [doc_id],
    )
    return [{name: plain(value) for name, value in row.items()} for row in rows]


def runs(store: Store) -> list[dict[str, Any]]:
    """The runs table, newest first."""
    rows = _rows(store, "SELECT * FROM runs ORDER BY run_id DESC", [])
    return [{name: plain(value) for name, value in row.items()} for row in rows]
