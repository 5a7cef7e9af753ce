"""What each dashboard page shows, as JSON-ready dicts: the `.json` twin of a page is exactly
this, and the HTML template renders the same dict. All reads go through `store.queries`
(and `web.lookup` for single records), the functions behind the CLI.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from kittiwake.store import Store, queries
from kittiwake.web import lookup
from kittiwake.web.charts import Node, edge_line, every_period, ring_layout
from kittiwake.web.labels import LazyCodeNames
from kittiwake.web.params import ActorQuery, DyadQuery, EventQuery, OverviewQuery, RejectedQuery

OVERVIEW_TOP = 10
SEARCHED_CODES = 100_000  # a name search looks at this many codes, most frequent first
NETWORK_EDGES = 80  # the most frequent pairs drawn
NETWORK_NODES = 30  # of their actors, those in most events
MAP_PLACES = 2000  # circles drawn at most; the rest are the smallest anyway
MAX_RADIUS = 6.0  # degrees
MAX_BARS = 260
TIMELINE_PERIODS = ("week", "month", "year")


def _frame(result: Any) -> pd.DataFrame:
    assert isinstance(result, pd.DataFrame)  # the queries return DataFrames unless as_arrow
    return result


def _labelled(rows: list[dict[str, Any]], names: LazyCodeNames, key: str = "code") -> list[Any]:
    return [{**row, "label": names.label(row[key])} for row in rows]


def actor_ranking(
    store: Store, *, side: str, limit: int, unit: str, names: LazyCodeNames
) -> dict[str, Any]:
    """Events (of `unit`) per exact actor code, named from the dictionaries; unresolved apart."""
    counts = lookup.actor_counts(store, side=side, limit=limit, unit=unit)
    return {"actors": _labelled(counts["actors"], names), "unresolved": counts["unresolved"]}


def whole_timeline(store: Store, *, unit: str) -> dict[str, Any]:
    """Reported events (of `unit`) per period and quad class, and their mean Goldstein score,
    over the whole range of dates: per week, or per month (year) past MAX_BARS bars."""
    for by in TIMELINE_PERIODS:
        rows = lookup.timeline(store, by=by, unit=unit)
        if len(every_period(rows, by=by)) <= MAX_BARS:
            break
    return {"by": by, "rows": rows}


def overview(store: Store, query: OverviewQuery, names: LazyCodeNames) -> dict[str, Any]:
    """Table counts, reported events over time, top actors, CAMEO roots and PLOVER types,
    counting event clusters or mentions as `query.unit` says."""
    unit = query.unit
    return {
        "unit": unit,
        "counts": lookup.table_counts(store),
        "reported_events": lookup.count_where(store, lookup.reported(unit)),
        "reported_mentions": lookup.count_where(store, lookup.reported("mention")),
        "timeline": whole_timeline(store, unit=unit),
        "top_actors": actor_ranking(
            store, side="either", limit=OVERVIEW_TOP, unit=unit, names=names
        ),
        "cameo_roots": lookup.counts_by(store, "cameo_root", limit=OVERVIEW_TOP, unit=unit),
        "plover_types": lookup.counts_by(store, "plover_type", limit=OVERVIEW_TOP, unit=unit),
    }


def event_list(store: Store, query: EventQuery) -> dict[str, Any]:
    """One page of the events matching the filters, in `queries.events` order."""
    where = lookup.event_where(query)
    rows = lookup.event_page(store, where, sort=query.sort, limit=query.limit, offset=query.offset)
    return {
        "filters": {name: lookup.plain(value) for name, value in query.filters().items()},
        "unit": query.unit,
        "total": lookup.count_where(store, where),
        "offset": query.offset,
        "limit": query.limit,
        "events": [lookup.event_record(row) for row in rows],
    }


def _on_the_map(place: dict[str, Any], *, peak: int) -> dict[str, Any]:
    """A place with its circle in the 360 x 180 equirectangular frame of the world outline:
    area in proportion to its events, the largest MAX_RADIUS."""
    radius = MAX_RADIUS * math.sqrt(place["events"] / peak)
    x, y = place["lon"] + 180, 90 - place["lat"]
    return {**place, "x": round(x, 2), "y": round(y, 2), "r": round(max(radius, 0.6), 2)}


def map_page(store: Store, query: EventQuery) -> dict[str, Any]:
    """Where the events matching the filters happened: one circle per place."""
    where = lookup.event_where(query)
    found = lookup.places(store, where, limit=MAP_PLACES)
    placed_where = (f"{where[0]} AND place_lat IS NOT NULL AND place_lon IS NOT NULL", where[1])
    peak = max((place["events"] for place in found), default=1)
    return {
        "filters": {name: lookup.plain(value) for name, value in query.filters().items()},
        "total": lookup.count_where(store, where),
        "placed": lookup.count_where(store, placed_where),
        "place_count": lookup.count_places(store, where),
        "places": [_on_the_map(place, peak=peak) for place in found],
    }


def network_page(store: Store, query: EventQuery, names: LazyCodeNames) -> dict[str, Any]:
    """The actors of the most frequent pairs round a ring, an arrow per pair from source to
    target: width by events, colour by mean Goldstein (conflict or cooperation)."""
    edges = lookup.pairs(store, lookup.event_where(query), limit=NETWORK_EDGES)
    weight: dict[str, int] = {}
    for edge in edges:
        for code in (edge["source_code"], edge["target_code"]):
            weight[code] = weight.get(code, 0) + edge["events"]
    codes = sorted(weight, key=lambda code: (-weight[code], code))[:NETWORK_NODES]
    nodes = {node.code: node for node in ring_layout(codes)}
    shown = [e for e in edges if e["source_code"] in nodes and e["target_code"] in nodes]
    peak = max((edge["events"] for edge in shown), default=1)
    return {
        "filters": {name: lookup.plain(value) for name, value in query.filters().items()},
        "nodes": [
            {
                "code": code,
                "label": names.label(code),
                "events": weight[code],
                "x": nodes[code].x,
                "y": nodes[code].y,
            }
            for code in codes
        ],
        "edges": [_drawn(edge, nodes, peak=peak) for edge in shown],
    }


def _drawn(edge: dict[str, Any], nodes: dict[str, Node], *, peak: int) -> dict[str, Any]:
    width = round(0.5 + 5.5 * edge["events"] / peak, 2)
    start, end = nodes[edge["source_code"]], nodes[edge["target_code"]]
    x1, y1, x2, y2 = edge_line(start, end, shift=width / 2 + 1)  # B -> A runs beside A -> B
    return {**edge, "width": width, "x1": x1, "y1": y1, "x2": x2, "y2": y2}


def _article_summary(article: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in article.items() if key not in ("text", "excluded")}


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its evidence: sentence, offsets, rule, actor resolutions, article."""
    row = lookup.event_by_id(store, event_id)
    if row is None:
        return None
    evidence = {
        side: lookup.mention_evidence(
            store,
            doc_id=row["doc_id"],
            code=row[f"{side}_code"],
            start=row[f"{side}_start"],
            end=row[f"{side}_end"],
        )
        for side in ("source", "target")
    }
    article = lookup.article_by_id(store, row["doc_id"])
    return {
        "event": lookup.event_record(row),
        "evidence": evidence,
        "article": _article_summary(article) if article else None,
    }


def cluster_detail(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """An event cluster and its reports side by side: each member event with its evidence
    (sentence, offsets of source, target and trigger) and the article that reported it."""
    cluster = lookup.cluster_by_id(store, cluster_id)
    if cluster is None:
        return None
    reports = [
        {
            "representative": bool(row["representative"]),
            "event": lookup.event_record(row),
            "article": {
                "doc_id": row["doc_id"],
                "source": row["article_source"],
                "title": row["article_title"],
                "url": row["article_url"],
                "published": lookup.plain(row["article_published"]),
            },
        }
        for row in lookup.cluster_members(store, cluster_id)
    ]
    return {"cluster": cluster, "reports": reports}


def article_detail(store: Store, doc_id: str) -> dict[str, Any] | None:
    """An article's text and metadata, all its events, and the duplicates that point at it."""
    article = lookup.article_by_id(store, doc_id)
    if article is None:
        return None
    return {
        "article": article,
        "events": [lookup.event_record(row) for row in lookup.events_of_article(store, doc_id)],
        "duplicates": lookup.duplicates_of(store, doc_id),
    }


def _dyad_filters(query: DyadQuery) -> dict[str, Any]:
    if query.source:
        return {"actor": query.source, "side": "source"}
    if query.target:
        return {"actor": query.target, "side": "target"}
    return {}


def _matching(frame: pd.DataFrame, query: DyadQuery) -> pd.DataFrame:
    """The pairs whose codes match the query's, exactly or by prefix as it says."""
    for column, code in (("source_code", query.source), ("target_code", query.target)):
        if code:
            codes = frame[column].str
            frame = frame[
                codes.fullmatch(code.upper())
                if query.match == "exact"
                else codes.startswith(code.upper())
            ]
    return frame


def dyad_page(store: Store, query: DyadQuery, names: LazyCodeNames) -> dict[str, Any]:
    """Top source-target pairs (per period), and the series of one pair when both are given.

    Each pair counts its exact codes, so its links ask for `match=exact`: the series and the
    event list then count the same events.
    """
    by = None if query.period == "all" else query.period
    found = lookup.dyads(store, lookup.reported(query.unit, **_dyad_filters(query)), by=by)
    frame = _matching(found, query)
    series = None
    if query.source and query.target:
        series = lookup.dyad_series(store, query, by=by or "month")
    dyads = lookup.frame_records(frame.head(query.limit))
    return {
        "source": query.source,
        "target": query.target,
        "match": query.match,
        "unit": query.unit,
        "period": query.period,
        "series_by": by or "month",
        "dyads": [
            {
                **row,
                "source_label": names.label(row["source_code"]),
                "target_label": names.label(row["target_code"]),
            }
            for row in dyads
        ],
        "series": series,
    }


def actor_page(store: Store, query: ActorQuery, names: LazyCodeNames) -> dict[str, Any]:
    """The actor ranking; with `q`, only the codes whose code or name contains it."""
    limit = SEARCHED_CODES if query.q else query.limit
    ranking = actor_ranking(store, side=query.side, limit=limit, unit=query.unit, names=names)
    if not query.q:
        return {"side": query.side, "unit": query.unit, "q": None, **ranking}
    found = []
    for row in ranking["actors"]:
        people = names.found_by(row["code"], query.q)
        if people is not None:
            found.append({**row, "people": people})
    return {
        **ranking,
        "side": query.side,
        "unit": query.unit,
        "q": query.q,
        "actors": found[: query.limit],
    }


def rejected_page(store: Store, query: RejectedQuery) -> dict[str, Any]:
    """One page of rejected inputs; `more` says whether another page follows."""
    wanted = query.offset + query.limit
    frame = _frame(queries.rejected(store, run_id=query.run_id, limit=wanted + 1))
    return {
        "run_id": query.run_id,
        "offset": query.offset,
        "limit": query.limit,
        "more": len(frame) > wanted,
        "rejected": lookup.frame_records(frame.iloc[query.offset : wanted]),
    }


def runs_page(store: Store) -> dict[str, Any]:
    return {"runs": lookup.runs(store)}
