"""The pages and their JSON twins. Each pair shares one function of `web.pages`: the
`.json` route returns its dict, the HTML route renders it. JSON routes come first so that
`/events/ID.json` is not read as the event `ID.json`.
"""

from __future__ import annotations

import shutil
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, StreamingResponse
from starlette.background import BackgroundTask

from kittiwake.store import Store
from kittiwake.web import downloads, lookup, pages
from kittiwake.web.labels import LazyCodeNames
from kittiwake.web.params import (
    MAX_ID,
    ActorQuery,
    DyadQuery,
    EventQuery,
    OverviewQuery,
    RejectedQuery,
)
from kittiwake.web.responses import code_names, render, request_store, streamed

router = APIRouter()
StoreDep = Annotated[Store, Depends(request_store)]
Names = Annotated[LazyCodeNames, Depends(code_names)]
Events = Annotated[EventQuery, Query()]
Dyads = Annotated[DyadQuery, Query()]
Actors = Annotated[ActorQuery, Query()]
Rejections = Annotated[RejectedQuery, Query()]
Overview = Annotated[OverviewQuery, Query()]
RecordId = Annotated[str, Query(alias="id", min_length=1, max_length=MAX_ID)]


def _found(data: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if data is None:
        raise HTTPException(status_code=404, detail=f"no {what} in this store")
    return data


@router.get("/index.json")
def overview_json(store: StoreDep, query: Overview, names: Names) -> dict[str, Any]:
    return pages.overview(store, query, names)


@router.get("/", response_class=HTMLResponse)
def overview_html(request: Request, store: StoreDep, query: Overview, names: Names) -> HTMLResponse:
    return render(request, "index.html", pages.overview(store, query, names))


@router.get("/events.json")
def events_json(store: StoreDep, query: Events) -> dict[str, Any]:
    return pages.event_list(store, query)


# Downloads of every event the view matches (no paging), in its order.
@router.get("/events.csv")
def events_csv(request: Request, query: Events) -> StreamingResponse:
    where = lookup.event_where(query)
    return streamed(
        request,
        lambda store: downloads.csv_chunks(downloads.event_batches(store, where, sort=query.sort)),
        media_type="text/csv; charset=utf-8",
        filename="events.csv",
    )


@router.get("/events.geojson")
def events_geojson(request: Request, query: Events) -> StreamingResponse:
    where = lookup.event_where(query)
    return streamed(
        request,
        lambda store: downloads.geojson_chunks(
            downloads.event_batches(store, where, sort=query.sort)
        ),
        media_type="application/geo+json",
        filename="events.geojson",
    )


@router.get("/events.parquet")
def events_parquet(store: StoreDep, query: Events) -> FileResponse:
    path = downloads.parquet_file(store, lookup.event_where(query), sort=query.sort)
    return FileResponse(
        path,
        media_type="application/vnd.apache.parquet",
        filename=path.name,
        background=BackgroundTask(shutil.rmtree, path.parent, ignore_errors=True),
    )


@router.get("/events", response_class=HTMLResponse)
def events_html(request: Request, store: StoreDep, query: Events) -> HTMLResponse:
    return render(request, "events.html", pages.event_list(store, query))


# An event or article is at /events/ID (readable links) and at /event?id=ID, which carries
# any id: one ending ".json", or "." and ".." that browsers resolve out of a path.
@router.get("/events/{event_id:path}.json")
def event_json(store: StoreDep, event_id: str) -> dict[str, Any]:
    return _found(pages.event_detail(store, event_id), f"event {event_id!r}")


@router.get("/events/{event_id:path}", response_class=HTMLResponse)
def event_html(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    return render(request, "event.html", event_json(store, event_id))


@router.get("/event.json")
def event_by_query_json(store: StoreDep, event_id: RecordId) -> dict[str, Any]:
    return event_json(store, event_id)


@router.get("/event", response_class=HTMLResponse)
def event_by_query_html(request: Request, store: StoreDep, event_id: RecordId) -> HTMLResponse:
    return render(request, "event.html", event_json(store, event_id))


@router.get("/articles/{doc_id:path}.json")
def article_json(store: StoreDep, doc_id: str) -> dict[str, Any]:
    return _found(pages.article_detail(store, doc_id), f"article {doc_id!r}")


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article_html(request: Request, store: StoreDep, doc_id: str) -> HTMLResponse:
    return render(request, "article.html", article_json(store, doc_id))


@router.get("/article.json")
def article_by_query_json(store: StoreDep, doc_id: RecordId) -> dict[str, Any]:
    return article_json(store, doc_id)


@router.get("/article", response_class=HTMLResponse)
def article_by_query_html(request: Request, store: StoreDep, doc_id: RecordId) -> HTMLResponse:
    return render(request, "article.html", article_json(store, doc_id))


# An event cluster's reports side by side (cluster ids carry event ids, so any character).
@router.get("/cluster.json")
def cluster_json(store: StoreDep, cluster_id: RecordId) -> dict[str, Any]:
    return _found(pages.cluster_detail(store, cluster_id), f"event cluster {cluster_id!r}")


@router.get("/cluster", response_class=HTMLResponse)
def cluster_html(request: Request, store: StoreDep, cluster_id: RecordId) -> HTMLResponse:
    return render(request, "cluster.html", cluster_json(store, cluster_id))


@router.get("/map.json")
def map_json(store: StoreDep, query: Events) -> dict[str, Any]:
    return pages.map_page(store, query)


@router.get("/map", response_class=HTMLResponse)
def map_html(request: Request, store: StoreDep, query: Events) -> HTMLResponse:
    return render(request, "map.html", pages.map_page(store, query))


@router.get("/network.json")
def network_json(store: StoreDep, query: Events, names: Names) -> dict[str, Any]:
    return pages.network_page(store, query, names)


@router.get("/network", response_class=HTMLResponse)
def network_html(request: Request, store: StoreDep, query: Events, names: Names) -> HTMLResponse:
    return render(request, "network.html", pages.network_page(store, query, names))


@router.get("/dyads.json")
def dyads_json(store: StoreDep, query: Dyads, names: Names) -> dict[str, Any]:
    return pages.dyad_page(store, query, names)


@router.get("/dyads", response_class=HTMLResponse)
def dyads_html(request: Request, store: StoreDep, query: Dyads, names: Names) -> HTMLResponse:
    return render(request, "dyads.html", pages.dyad_page(store, query, names))


@router.get("/actors.json")
def actors_json(store: StoreDep, query: Actors, names: Names) -> dict[str, Any]:
    return pages.actor_page(store, query, names)


@router.get("/actors", response_class=HTMLResponse)
def actors_html(request: Request, store: StoreDep, query: Actors, names: Names) -> HTMLResponse:
    return render(request, "actors.html", pages.actor_page(store, query, names))


@router.get("/rejected.json")
def rejected_json(store: StoreDep, query: Rejections) -> dict[str, Any]:
    return pages.rejected_page(store, query)


@router.get("/rejected", response_class=HTMLResponse)
def rejected_html(request: Request, store: StoreDep, query: Rejections) -> HTMLResponse:
    return render(request, "rejected.html", pages.rejected_page(store, query))


@router.get("/runs.json")
def runs_json(store: StoreDep) -> dict[str, Any]:
    return pages.runs_page(store)


@router.get("/runs", response_class=HTMLResponse)
def runs_html(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "runs.html", pages.runs_page(store))
