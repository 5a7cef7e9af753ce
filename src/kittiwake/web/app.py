"""The dashboard and its JSON API: `create_app(db)` returns a FastAPI app over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException

from kittiwake.events.codebook import load_codebook
from kittiwake.store.queries import QUAD_CLASS_NAMES
from kittiwake.web import highlight
from kittiwake.web.charts import period_chart, period_mean_chart
from kittiwake.web.labels import LazyCodeNames
from kittiwake.web.reader import StoreCopies
from kittiwake.web.responses import (
    Served,
    StoreUnavailable,
    article_href,
    cluster_href,
    error_response,
    event_href,
    page_link,
    unit_link,
)
from kittiwake.web.routes import router
from kittiwake.web.security import LOOPBACK, Hardened, show_bidi, web_url

STATIC = Path(__file__).parent / "static"


async def _unavailable(request: Request, error: Exception) -> Response:
    assert isinstance(error, StoreUnavailable)
    return error_response(request, status=error.status, message=str(error))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return error_response(request, status=error.status_code, message=str(error.detail))


async def _invalid(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        f"{'.'.join(str(part) for part in problem['loc'][1:])}: {problem['msg']}"
        for problem in error.errors()
    ]
    return error_response(request, status=422, message="; ".join(problems))


def _templates(names: LazyCodeNames) -> Environment:
    environment = Environment(
        loader=PackageLoader("kittiwake.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=show_bidi,
    )
    codebook = load_codebook()
    environment.globals.update(
        cameo_names={entry.code: entry.name for entry in codebook},
        quad_names=dict(QUAD_CLASS_NAMES),
        plover_types=sorted({entry.plover_type for entry in codebook if entry.plover_type}),
        period_chart=period_chart,
        period_mean_chart=period_mean_chart,
        quad_parts=tuple(QUAD_CLASS_NAMES.values()),
        actor_suggestions=names.suggestions,
        page_link=page_link,
        event_href=event_href,
        article_href=article_href,
        cluster_href=cluster_href,
        unit_link=unit_link,
    )
    environment.filters.update(
        highlight_event=highlight.highlight_event,
        highlight_article=highlight.highlight_article,
        web_url=web_url,
    )
    return environment


def create_app(
    db: Path, *, hosts: Iterable[str] = LOOPBACK, names: LazyCodeNames | None = None
) -> FastAPI:
    """The dashboard over the store at `db`; every page `/x` has its JSON twin `/x.json`.

    Pages read a copy of `db` refreshed when it changes (`web.reader`), so an ingest may
    write `db` meanwhile. `hosts`: the Host header values answered (`security.allowed_hosts`);
    `names`: actor code names (default: from the actor dictionaries).
    """
    copies = StoreCopies(Path(db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        copies.close()

    app = FastAPI(
        lifespan=lifespan,
        title="kittiwake",
        summary="Political event data from a kittiwake store",
        docs_url=None,  # the interactive docs load JavaScript from a CDN; we run offline
        redoc_url=None,
    )
    names = names or LazyCodeNames()
    app.state.served = Served(db=Path(db), copies=copies, templates=_templates(names), names=names)
    app.add_exception_handler(StoreUnavailable, _unavailable)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(router)
    app.add_middleware(Hardened, hosts=frozenset(hosts))
    return app
