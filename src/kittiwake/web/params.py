"""Query parameters of the dashboard's pages: pydantic at the HTTP edge, validated once.

An HTML form submits its empty fields as `name=`; those count as not given.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_PAGE = 500
MAX_OFFSET = 10**12  # far past any store, well inside DuckDB's BIGINT OFFSET
MAX_ID = 2000  # characters of an event or article id
ORIGIN_FIELDS = ("outlet", "article", "run_id")  # where events came from (`lookup.event_where`)
QuadClass = Annotated[int, Field(ge=1, le=4)]


class _Params(BaseModel):
    model_config = ConfigDict(frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _drop_empty(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: value for key, value in data.items() if value not in ("", [""])}
        return data


Side = Literal["either", "source", "target"]
# How an actor code given in a filter matches stored codes: "prefix" (RUS matches RUSGOV),
# or "exact", which is what a count per code (the actors page, a dyad) counted.
Match = Literal["prefix", "exact"]
# Event orders (`lookup.ORDERS`): "oldest" is the order of `queries.event_rows`.
Sort = Literal["oldest", "newest", "conflict", "cooperation", "reports"]
# What a count counts (`queries.UNITS`): a real-world event (an event cluster, one row for
# its representative; an event not clustered yet is its own cluster), or every coded mention.
Unit = Literal["cluster", "mention"]


class Counted(_Params):
    """Pages that count events count clusters unless asked for mentions."""

    unit: Unit = "cluster"


class PairFilter(Counted):
    """A dyad: source and/or target actor codes."""

    source: str | None = None
    target: str | None = None
    match: Match = "prefix"


class ActorFilter(PairFilter):
    """A dyad, and/or one actor on a side."""

    actor: str | None = None
    side: Side = "either"


class EventQuery(ActorFilter):
    """The filters of `kittiwake.store.queries.EventFilter` and `ActorFilter`, plus paging."""

    start: dt.date | None = None
    end: dt.date | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: list[QuadClass] = []
    place_country: str | None = None
    text: str | None = None
    include_negated: bool = False
    outlet: str | None = None  # the source of the article, e.g. "Example Wire"
    article: str | None = None  # a doc_id
    run_id: int | None = Field(None, ge=0, le=MAX_OFFSET)
    sort: Sort = "oldest"
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def filters(self) -> dict[str, Any]:
        """Every filter given, as the page shows them."""
        filters = self.model_dump(exclude={"limit", "offset"})
        filters["quad_class"] = filters["quad_class"] or None
        return filters

    def event_filter(self) -> dict[str, Any]:
        """Keyword arguments for `EventFilter`: the filters but the actor ones and the order."""
        ours = {*ActorFilter.model_fields, *ORIGIN_FIELDS, "sort"} - {"unit"}
        return {name: value for name, value in self.filters().items() if name not in ours}


class DyadQuery(PairFilter):
    period: Literal["all", "week", "month"] = "all"
    limit: int = Field(100, ge=1, le=MAX_PAGE)


class ActorQuery(Counted):
    side: Side = "source"
    q: str | None = Field(None, max_length=200)  # part of a code or of its name
    limit: int = Field(50, ge=1, le=MAX_PAGE)


class OverviewQuery(Counted):
    pass


class RejectedQuery(_Params):
    run_id: int | None = None
    limit: int = Field(100, ge=1, le=MAX_PAGE)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
