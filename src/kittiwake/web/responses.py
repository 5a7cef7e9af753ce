"""Per-request plumbing shared by the routes: the store for one request, page rendering,
JSON twins and error pages.

Each request reads the dashboard's own copy of the database (`web.reader`), never the file
an ingest writes, so the dashboard cannot make an ingest fail and an ingest cannot make a
page fail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from jinja2 import Environment
from starlette.background import BackgroundTask

from kittiwake.store import Store, StoreError
from kittiwake.web.labels import LazyCodeNames
from kittiwake.web.reader import CopyUnavailable, StoreCopies

JSON_SUFFIX = ".json"


class StoreUnavailable(Exception):
    """The store cannot be read now; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Served:
    """What an app serves, kept on `app.state` for the request handlers."""

    db: Path
    copies: StoreCopies
    templates: Environment
    names: LazyCodeNames


@contextmanager
def _as_http_errors() -> Iterator[None]:
    try:
        yield
    except CopyUnavailable as missing:
        raise StoreUnavailable(str(missing), status=503) from missing
    except StoreError as error:
        raise StoreUnavailable(str(error), status=500) from error


def request_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a store over the latest copy, open for one request."""
    served: Served = request.app.state.served
    with _as_http_errors(), served.copies.reading() as store:
        yield store


def streamed(
    request: Request, chunks: Callable[[Store], Iterator[str]], *, media_type: str, filename: str
) -> StreamingResponse:
    """A download written by `chunks(store)` while it is sent; the copy it reads is held
    until the last chunk is out or the client went away, whichever comes first."""
    served: Served = request.app.state.served
    holding = ExitStack()
    with _as_http_errors():
        store = holding.enter_context(served.copies.reading())

    def body() -> Iterator[str]:
        try:
            yield from chunks(store)
        finally:
            holding.close()

    return StreamingResponse(
        body(),
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
        background=BackgroundTask(holding.close),  # when the body never started
    )


def code_names(request: Request) -> LazyCodeNames:
    """FastAPI dependency: the names of actor codes (loaded at first use)."""
    served: Served = request.app.state.served
    return served.names


def json_twin(request: Request) -> str:
    """The address of a page's JSON twin: its path plus `.json` (`/index.json` for `/`)."""
    # The path as sent (still escaped): an id holding "/" or "../" stays one segment.
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if isinstance(raw, bytes) else request.url.path
    path = path.rstrip("/") or "/index"
    query = request.url.query
    return f"{path}{JSON_SUFFIX}" + (f"?{query}" if query else "")


def render(request: Request, template: str, data: dict[str, Any]) -> HTMLResponse:
    served: Served = request.app.state.served
    page = served.templates.get_template(template)
    html = page.render(**data, request=request, json_url=json_twin(request), db=served.db.name)
    return HTMLResponse(html)


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(JSON_SUFFIX)


def error_response(request: Request, *, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    served: Served = request.app.state.served
    html = served.templates.get_template("error.html").render(
        status=status, message=message, request=request, json_url=None, db=served.db.name
    )
    return HTMLResponse(html, status_code=status)


def page_link(request: Request, **params: Any) -> str:
    """This page's path and query with some parameters replaced (for paging links)."""
    url = request.url.include_query_params(**params)
    return f"{url.path}?{url.query}"


def _record_href(kind: str, record_id: str) -> str:
    """`/{kind}s/ID` with every character of the id escaped ("/" too, so "../" in an id
    stays inside it); `/{kind}?id=ID` for ids no path can carry: "." and ".." (browsers
    resolve them even escaped) and those ending ".json" (that path is the JSON twin)."""
    if record_id in (".", "..") or record_id.endswith(JSON_SUFFIX):
        return f"/{kind}?{urlencode({'id': record_id})}"
    return f"/{kind}s/{quote(record_id, safe='')}"


def event_href(event_id: str) -> str:
    return _record_href("event", event_id)


def article_href(doc_id: str) -> str:
    return _record_href("article", doc_id)


def cluster_href(cluster_id: str) -> str:
    """A cluster's page: by query, as cluster ids carry event ids (any character)."""
    return f"/cluster?{urlencode({'id': cluster_id})}"


def unit_link(request: Request, unit: str) -> str:
    """This page counting `unit` ("cluster" or "mention"), back to its first page."""
    url = request.url.remove_query_params("offset").include_query_params(unit=unit)
    return f"{url.path}?{url.query}"
