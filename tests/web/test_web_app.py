"""The dashboard's pages and their JSON twins, over the small store of `web_factories`."""

from __future__ import annotations

from itertools import islice
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from web_factories import ARTICLES, SCRIPT_SENTENCE

from kittiwake.store import Store, queries
from kittiwake.web.lookup import event_record, frame_records

PAGES = ["/", "/events", "/events/kyiv-1-e0", "/articles/kyiv-1", "/dyads", "/actors"]
PAGES += ["/rejected", "/runs", "/map", "/network"]


def _twin(page: str) -> str:
    return "/index.json" if page == "/" else f"{page}.json"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_links_its_json_twin(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert f'href="{_twin(page)}"' in response.text
    twin = client.get(_twin(page))
    assert twin.status_code == 200
    assert twin.headers["content-type"] == "application/json"


def _rows(store: Store, **filters: Any) -> list[dict[str, Any]]:
    return [event_record(row) for row in queries.event_rows(store, **filters)]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "RUS"},
        {"actor": "RUS", "side": "target"},
        {"cameo": "19"},
        {"plover": "consult"},
        {"quad_class": [3, 4]},
        {"place_country": "ukr"},
        {"text": "TALKS"},
        {"start": "2024-03-10", "end": "2024-04-09"},
        {"include_negated": "true"},
    ],
)
def test_event_filters_match_the_query_functions(
    client: TestClient, store: Store, params: dict[str, Any]
) -> None:
    filters = {**params}
    if "include_negated" in filters:
        filters["include_negated"] = True
    expected = _rows(store, **filters)
    body = client.get("/events.json", params=params).json()
    assert body["events"] == expected
    assert body["total"] == len(expected)
    page = client.get("/events", params=params).text
    shown = {event["event_id"] for event in expected}
    for event in _rows(store, include_negated=True):
        assert (f'href="/events/{event["event_id"]}"' in page) == (event["event_id"] in shown)


def test_filters_narrow_something(client: TestClient) -> None:
    everything = client.get("/events.json", params={"include_negated": "true"}).json()
    reported = client.get("/events.json").json()
    assert reported["total"] < everything["total"]
    assert all(not event["negated"] for event in reported["events"])
    russian = client.get("/events.json", params={"actor": "RUS"}).json()["events"]
    assert russian
    assert all(
        any((event[side] or {}).get("code", "").startswith("RUS") for side in ("source", "target"))
        for event in russian
    )


@pytest.mark.parametrize(("offset", "limit"), [(0, 1), (1, 1), (1, 2), (2, 5), (9, 5)])
def test_paging_walks_the_query_order(
    client: TestClient, store: Store, offset: int, limit: int
) -> None:
    expected = list(islice(_rows(store, include_negated=True), offset, offset + limit))
    params = {"include_negated": "true", "offset": offset, "limit": limit}
    body = client.get("/events.json", params=params).json()
    assert body["events"] == expected
    assert (body["offset"], body["limit"], body["total"]) == (offset, limit, 4)


def test_paging_links(client: TestClient) -> None:
    first = client.get("/events", params={"limit": 1, "actor": "RUS"}).text
    assert 'rel="next" href="/events?limit=1&amp;actor=RUS&amp;offset=1"' in first
    assert 'rel="prev"' not in first
    last = client.get("/events", params={"limit": 1, "actor": "RUS", "offset": 1}).text
    assert 'rel="next"' not in last
    assert 'rel="prev" href="/events?limit=1&amp;actor=RUS&amp;offset=0"' in last


def test_empty_form_fields_count_as_not_given(client: TestClient) -> None:
    empty = {"start": "", "end": "", "actor": "", "side": "", "quad_class": "", "limit": "50"}
    assert client.get("/events.json", params=empty).json() == client.get("/events.json").json()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"start": "March"}, "start"),
        ({"side": "both"}, "side"),
        ({"quad_class": 5}, "quad_class"),
    ],
)
def test_bad_parameters_are_named(client: TestClient, params: dict[str, Any], field: str) -> None:
    as_json = client.get("/events.json", params=params)
    assert as_json.status_code == 422
    assert as_json.json()["error"].startswith(field)
    as_html = client.get("/events", params=params)
    assert as_html.status_code == 422
    assert field in as_html.text


def test_sentence_html_is_escaped_and_highlighted(client: TestClient) -> None:
    for page in ("/events", "/events/kyiv-1-e1", "/articles/kyiv-1"):
        text = client.get(page).text
        assert "<script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    detail = client.get("/events/kyiv-1-e1").text
    for role, words in (("source", "Ukraine's president"), ("trigger", "condemned")):
        assert f'<mark class="{role}" title="{role}">{escape(words)}</mark>' in detail
    assert '<mark class="target" title="target">Russia</mark>' in detail
    article = client.get("/articles/kyiv-1").text
    assert '<mark class="excluded" title="excluded">Subscribe &lt;b&gt;now' in article


def test_event_twin_carries_its_evidence(client: TestClient, store: Store) -> None:
    body = client.get("/events/kyiv-1-e1.json").json()
    (row,) = [r for r in queries.event_rows(store) if r["event_id"] == "kyiv-1-e1"]
    assert body["event"] == event_record(row)
    assert body["event"]["text"] == SCRIPT_SENTENCE
    source = body["evidence"]["source"]
    assert (source["code"], source["entry_id"]) == ("UKRGOV", "entry-ukrgov")
    assert "Ukraine's president" in source["reason"]
    assert body["article"]["doc_id"] == "kyiv-1"
    assert "text" not in body["article"]
    page = client.get("/events/kyiv-1-e1").text
    assert 'href="/articles/kyiv-1"' in page
    assert "rule-111" in page


def test_article_twin_has_text_events_and_duplicates(client: TestClient) -> None:
    body = client.get("/articles/talks-2.json").json()
    (coded,) = [coded for coded in ARTICLES if coded.article.doc_id == "talks-2"]
    assert body["article"]["text"] == coded.article.text
    assert [event["event_id"] for event in body["events"]] == [e.event_id for e in coded.events]
    assert any(event["negated"] for event in body["events"])  # an article shows all its events
    kyiv = client.get("/articles/kyiv-1.json").json()
    assert [dup["doc_id"] for dup in kyiv["duplicates"]] == ["kyiv-1-copy"]


@pytest.mark.parametrize(
    "page", ["/events/no-such-event", "/articles/no-such-article", "/events/no-such.json"]
)
def test_unknown_ids_are_404(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 404
    assert "no-such" in (response.json()["error"] if page.endswith(".json") else response.text)


def _frame(result: object) -> pd.DataFrame:
    assert isinstance(result, pd.DataFrame)
    return result


def test_overview_twin_matches_the_queries(client: TestClient, store: Store) -> None:
    body = client.get("/index.json").json()
    assert body["counts"] == {
        "articles": len(ARTICLES),
        "events": sum(len(coded.events) for coded in ARTICLES),
        "rejected": 3,
        "duplicates": 1,
        "runs": 2,
    }
    timeline = _frame(queries.timeline(store, by="week"))
    assert body["timeline"]["by"] == "week"
    rows = body["timeline"]["rows"]
    assert [{k: v for k, v in row.items() if k != "goldstein_mean"} for row in rows] == (
        frame_records(timeline)
    )
    assert [row["goldstein_mean"] for row in rows] == [-10.0, -2.0, 4.0]
    ranked = frame_records(_frame(queries.top_actors(store, side="either", limit=10)))
    assert [(row["code"], row["events"]) for row in body["top_actors"]["actors"]] == [
        (row["code"], row["events"]) for row in ranked
    ]
    roots = {row["value"]: row["events"] for row in body["cameo_roots"]}
    assert roots == {"19": 1, "11": 1, "03": 1}  # the negated 190 is not reported


@pytest.mark.parametrize(
    ("params", "by"),
    [({}, None), ({"period": "week"}, "week"), ({"period": "month", "source": "UKR"}, "month")],
)
def test_dyads_twin_matches_the_query(
    client: TestClient, store: Store, params: dict[str, str], by: str | None
) -> None:
    filters = {"actor": params["source"], "side": "source"} if "source" in params else {}
    expected = frame_records(_frame(queries.dyads(store, by=by, **filters)))
    body = client.get("/dyads.json", params=params).json()
    assert [_without_labels(row) for row in body["dyads"]] == expected
    assert body["series"] is None


def test_dyad_pair_has_a_series(client: TestClient, store: Store) -> None:
    body = client.get("/dyads.json", params={"source": "rus", "target": "ukr"}).json()
    series = _frame(queries.dyad_series(store, source="rus", target="ukr", by="month"))
    assert body["series"] == frame_records(series)
    assert [(row["source_code"], row["target_code"]) for row in body["dyads"]] == [
        ("RUSMIL", "UKRMIL")
    ]
    assert "<svg" in client.get("/dyads", params={"source": "RUS", "target": "UKR"}).text


def _without_labels(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if not key.endswith("label")}


@pytest.mark.parametrize("side", ["source", "target", "either"])
def test_actors_twin_matches_the_query(client: TestClient, store: Store, side: str) -> None:
    body = client.get("/actors.json", params={"side": side, "limit": 2}).json()
    expected = frame_records(_frame(queries.top_actors(store, side=side, limit=2)))
    for row in expected:
        del row["name"]  # the store's name is the most frequent mention; pages name codes
    assert [_without_labels(row) for row in body["actors"]] == expected


@pytest.mark.parametrize(
    ("params", "origins", "more"),
    [
        ({}, ["bad.jsonl:3", "more.jsonl:1", "more.jsonl:2"], False),
        ({"limit": 2}, ["bad.jsonl:3", "more.jsonl:1"], True),
        ({"limit": 2, "offset": 2}, ["more.jsonl:2"], False),
        ({"run_id": 2}, ["more.jsonl:1", "more.jsonl:2"], False),
    ],
)
def test_rejected_pages(
    client: TestClient, params: dict[str, int], origins: list[str], more: bool
) -> None:
    body = client.get("/rejected.json", params=params).json()
    assert [row["origin"] for row in body["rejected"]] == origins
    assert body["more"] is more
    page = client.get("/rejected", params=params).text
    assert "not English &lt;i&gt;" in page
    assert "<i>" not in page


def test_runs_twin_lists_runs_newest_first(client: TestClient, store: Store) -> None:
    body = client.get("/runs.json").json()
    assert [run["command"] for run in body["runs"]] == ["ingest b", "ingest a"]
    assert body["runs"][1]["articles"] == len(ARTICLES)


def test_static_stylesheet_is_served(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert "mark.trigger" in response.text
