"""What each dashboard page shows, as JSON-ready dicts: the `.json` twin of a page is exactly
this, and the HTML template renders the same dict. All reads go through `store.queries`
(and `web.lookup` for single records), the functions behind the CLI.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kittiwake.store import Store, queries
from kittiwake.store.queries import EventFilter
from kittiwake.web import lookup
from kittiwake.web.params import ActorQuery, DyadQuery, EventQuery, RejectedQuery

OVERVIEW_TOP = 10


def _frame(result: Any) -> pd.DataFrame:
    assert isinstance(result, pd.DataFrame)  # the queries return DataFrames unless as_arrow
    return result


def overview(store: Store) -> dict[str, Any]:
    """Table counts, reported events per week, top actors, CAMEO roots and PLOVER types."""
    weekly = _frame(queries.timeline(store, by="week"))
    return {
        "counts": lookup.table_counts(store),
        "reported_events": lookup.count_filtered(store, EventFilter()),
        "weekly": lookup.frame_records(weekly[["period", "total"]]),
        "top_actors": lookup.frame_records(
            _frame(queries.top_actors(store, side="either", limit=OVERVIEW_TOP))
        ),
        "cameo_roots": lookup.counts_by(store, "cameo_root", limit=OVERVIEW_TOP),
        "plover_types": lookup.counts_by(store, "plover_type", limit=OVERVIEW_TOP),
    }


def event_list(store: Store, query: EventQuery) -> dict[str, Any]:
    """One page of the events matching the filters, in `queries.events` order."""
    filters = query.filters()
    event_filter = EventFilter(**filters)
    rows = lookup.event_page(store, event_filter, limit=query.limit, offset=query.offset)
    return {
        "filters": {name: lookup.plain(value) for name, value in filters.items()},
        "total": lookup.count_filtered(store, event_filter),
        "offset": query.offset,
        "limit": query.limit,
        "events": [lookup.event_record(row) for row in rows],
    }


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


def dyad_page(store: Store, query: DyadQuery) -> dict[str, Any]:
    """Top source-target pairs (per period), and the series of one pair when both are given."""
    by = None if query.period == "all" else query.period
    frame = _frame(queries.dyads(store, by=by, **_dyad_filters(query)))
    if query.source and query.target:
        frame = frame[frame["target_code"].str.startswith(query.target.upper())]
    series = None
    if query.source and query.target:
        series_frame = queries.dyad_series(
            store, source=query.source, target=query.target, by=by or "month"
        )
        series = lookup.frame_records(_frame(series_frame))
    return {
        "source": query.source,
        "target": query.target,
        "period": query.period,
        "dyads": lookup.frame_records(frame.head(query.limit)),
        "series": series,
    }


def actor_page(store: Store, query: ActorQuery) -> dict[str, Any]:
    frame = _frame(queries.top_actors(store, side=query.side, limit=query.limit))
    return {"side": query.side, "actors": lookup.frame_records(frame)}


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
