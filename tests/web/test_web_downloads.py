"""Downloads hold exactly the rows of the filtered view, all of them, in its order; sorting
orders the view; the map draws the places of the same rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from web_factories import build_store, count_articles, local_client

from kittiwake.web import create_app
from kittiwake.web.downloads import COLUMNS, csv_chunks

FILTERS = [
    {},
    {"outlet": "other daily", "include_negated": "true"},
    {"article": "kyiv-1"},
    {"run_id": 1, "sort": "reports"},
    {"include_negated": "true"},
    {"actor": "USA", "match": "exact"},
    {"source": "RUS", "target": "UKR"},
    {"quad_class": 4, "sort": "newest"},
    {"sort": "conflict", "include_negated": "true"},
]


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("downloads") / "events.duckdb"
    build_store(path, extra=count_articles())
    return local_client(create_app(path))


def _view(client: TestClient, params: dict[str, Any]) -> list[dict[str, Any]]:
    body = client.get("/events.json", params={**params, "limit": 500}).json()
    assert body["total"] == len(body["events"])
    events: list[dict[str, Any]] = body["events"]
    return events


@pytest.mark.parametrize("params", FILTERS)
def test_csv_holds_the_rows_of_the_view(counted: TestClient, params: dict[str, Any]) -> None:
    response = counted.get("/events.csv", params={**params, "limit": 1, "offset": 1})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    view = _view(counted, params)
    assert [row["event_id"] for row in rows] == [event["event_id"] for event in view]
    assert list(rows[0]) == list(COLUMNS)


@pytest.mark.parametrize("params", FILTERS)
def test_geojson_holds_the_placed_rows_of_the_view(
    counted: TestClient, params: dict[str, Any]
) -> None:
    response = counted.get("/events.geojson", params=params)
    assert response.headers["content-type"] == "application/geo+json"
    collection = json.loads(response.text)
    placed = [event for event in _view(counted, params) if event["place"]]
    assert [f["properties"]["event_id"] for f in collection["features"]] == [
        event["event_id"] for event in placed
    ]
    for feature, event in zip(collection["features"], placed, strict=True):
        assert feature["geometry"]["coordinates"] == [event["place"]["lon"], event["place"]["lat"]]


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("oldest", lambda e: (e["effective_date"], e["event_id"])),
        ("conflict", lambda e: (e["goldstein"], e["event_id"])),
        ("cooperation", lambda e: (-e["goldstein"], e["event_id"])),
        ("reports", lambda e: (-e["num_articles"], -e["num_sources"], e["event_id"])),
    ],
)
def test_sort_orders_the_view(counted: TestClient, sort: str, key: Any) -> None:
    events = _view(counted, {"sort": sort, "include_negated": "true"})
    assert len(events) == 6
    assert events == sorted(events, key=key)


def test_newest_first(counted: TestClient) -> None:
    dates = [e["effective_date"] for e in _view(counted, {"sort": "newest"})]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == "2024-04-09"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("Kyiv", "Kyiv"),
        (-10.0, "-10.0"),
    ],
)
def test_csv_cells_never_run_as_formulas(value: Any, cell: str) -> None:
    row = (value,) * len(COLUMNS)
    text = "".join(csv_chunks([[row]]))
    assert next(csv.reader(io.StringIO(text.splitlines()[1]))) == [cell] * len(COLUMNS)


def test_the_events_page_links_its_downloads(counted: TestClient) -> None:
    page = counted.get("/events", params={"actor": "USA"}).text
    assert 'href="/events.csv?actor=USA" download' in page
    assert 'href="/events.geojson?actor=USA" download' in page


def test_a_download_of_a_missing_database_is_503(tmp_path: Path) -> None:
    client = local_client(create_app(tmp_path / "absent.duckdb"))
    assert client.get("/events.csv").status_code == 503


@pytest.mark.parametrize("params", FILTERS)
def test_the_map_draws_the_places_of_the_view(counted: TestClient, params: dict[str, Any]) -> None:
    body = counted.get("/map.json", params=params).json()
    placed = [event for event in _view(counted, params) if event["place"]]
    assert body["placed"] == len(placed) == sum(place["events"] for place in body["places"])
    assert body["total"] == len(_view(counted, params))


def test_a_place_sits_at_its_coordinates(counted: TestClient) -> None:
    (kharkiv,) = counted.get("/map.json").json()["places"]
    assert (kharkiv["place_name"], kharkiv["events"]) == ("Kharkiv", 1)
    assert (kharkiv["x"], kharkiv["y"]) == (36.25 + 180, 90 - 49.98)
    page = counted.get("/map").text
    assert '<image href="/static/world-110m.svg"' in page
    assert '<circle class="conflict" cx="216.25" cy="40.02" r="6.0">' in page
    assert "<title>Kharkiv UKR: 1 events, Goldstein mean -10.0</title>" in page


def test_the_world_outline_is_shipped(counted: TestClient) -> None:
    response = counted.get("/static/world-110m.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert '<path fill="#e4e8ec"' in response.text
    assert len(response.content) < 100_000


@pytest.mark.parametrize("params", FILTERS)
def test_parquet_holds_the_rows_of_the_view(
    counted: TestClient, params: dict[str, Any], tmp_path: Path
) -> None:
    response = counted.get("/events.parquet", params=params)
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="events.parquet"'
    (tmp_path / "got.parquet").write_bytes(response.content)
    table = pq.read_table(tmp_path / "got.parquet")
    assert table.column_names == list(COLUMNS)
    view = _view(counted, params)
    assert table.column("event_id").to_pylist() == [event["event_id"] for event in view]


@pytest.mark.parametrize(
    ("params", "documents"),
    [
        ({"outlet": "Other Daily", "include_negated": "true"}, {"talks-2"}),
        ({"outlet": "example wire"}, {"kyiv-1", "counts-1"}),
        ({"article": "counts-1"}, {"counts-1"}),
        ({"run_id": 1}, {"kyiv-1", "talks-2", "counts-1"}),
        ({"run_id": 2}, set()),
    ],
)
def test_events_filter_by_where_they_came_from(
    counted: TestClient, params: dict[str, Any], documents: set[str]
) -> None:
    assert {event["doc_id"] for event in _view(counted, params)} == documents


def test_runs_link_their_events(counted: TestClient) -> None:
    page = counted.get("/runs").text
    assert 'href="/events?run_id=1&amp;include_negated=true">4</a>' in page  # as recorded
