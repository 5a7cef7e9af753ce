from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd
import pytest
from store_factories import make_event

from kittiwake.store import Store, StoreError, queries


@pytest.fixture
def filled(store: Store, add_article: Callable[..., Any]) -> Store:
    add_article(
        "d1",
        make_event(
            "d1", 1, source="RUSGOV", target="UKRMIL", cameo="190", date=dt.date(2024, 3, 4)
        ),
        make_event(
            "d1",
            2,
            source="USAGOV",
            target="RUSGOV",
            cameo="042",
            goldstein=1.9,
            date=dt.date(2024, 3, 20),
            place_country=None,
            plover_type="CONSULT",
        ),
    )
    add_article(
        "d2",
        make_event(
            "d2",
            1,
            source="UKRGOV",
            target="RUSGOV",
            cameo="111",
            goldstein=-2.0,
            date=dt.date(2024, 4, 10),
            negated=True,
            plover_type="ACCUSE",
        ),
        make_event(
            "d2",
            2,
            source="CHN",
            target="USA",
            cameo="057",
            goldstein=8.0,
            date=None,
            text="China signed a TRADE agreement with the United States.",
            plover_type="AGREE",
            place_country="CHN",
        ),
        published=dt.date(2024, 5, 1),
    )
    add_article(
        "d3",
        make_event(
            "d3",
            1,
            source=None,
            target="RUSMIL",
            cameo="180",
            goldstein=-9.0,
            date=dt.date(2024, 4, 2),
            plover_type="ASSAULT",
        ),
    )
    return store


CASES = [
    ({}, ["d1-e1", "d1-e2", "d3-e1", "d2-e2"]),
    ({"include_negated": True}, ["d1-e1", "d1-e2", "d3-e1", "d2-e1", "d2-e2"]),
    ({"actor": "RUS"}, ["d1-e1", "d1-e2", "d3-e1"]),
    ({"actor": "RUS", "side": "source"}, ["d1-e1"]),
    ({"actor": "rusgov", "side": "target"}, ["d1-e2"]),
    ({"actor": "RUSGOV", "side": "target", "include_negated": True}, ["d1-e2", "d2-e1"]),
    ({"cameo": "19"}, ["d1-e1"]),
    ({"cameo": "0"}, ["d1-e2", "d2-e2"]),
    ({"plover": "agree"}, ["d2-e2"]),
    ({"quad_class": 4}, ["d1-e1", "d3-e1"]),
    ({"quad_class": [1, 2]}, ["d1-e2", "d2-e2"]),
    ({"place_country": "ukr"}, ["d1-e1", "d3-e1"]),
    ({"text": "trade"}, ["d2-e2"]),
    ({"start": "2024-04-01"}, ["d3-e1", "d2-e2"]),
    ({"end": dt.date(2024, 3, 31)}, ["d1-e1", "d1-e2"]),
    ({"start": "2024-03-04", "end": "2024-03-04"}, ["d1-e1"]),
    ({"start": "2024-05-01"}, ["d2-e2"]),  # no event date: the publication date counts
    ({"limit": 2}, ["d1-e1", "d1-e2"]),
    ({"actor": "XXX"}, []),
]


@pytest.mark.parametrize(("filters", "expected"), CASES)
def test_event_filters(filled: Store, filters: dict[str, Any], expected: list[str]) -> None:
    frame = queries.events(filled, **filters)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["event_id"]) == expected
    rows = list(queries.event_rows(filled, **filters))
    assert [row["event_id"] for row in rows] == expected


def test_events_as_arrow(filled: Store) -> None:
    table = queries.events(filled, actor="RUS", as_arrow=True)
    assert table.num_rows == 3
    assert table.schema.field("plover_context").type.value_type == "string"


def test_bad_side_is_refused(filled: Store) -> None:
    with pytest.raises(ValueError, match="side"):
        queries.events(filled, side="both")


def test_dyads_weekly(filled: Store, add_article: Callable[..., Any]) -> None:
    add_article("d4", make_event("d4", 1, cameo="193", goldstein=-6.0, date=dt.date(2024, 3, 6)))
    frame = queries.dyads(filled, by="week")
    assert isinstance(frame, pd.DataFrame)
    first = frame.iloc[0]
    assert (first["source_code"], first["target_code"]) == ("RUSGOV", "UKRMIL")
    assert first["period"] == pd.Timestamp("2024-03-04")
    assert (first["count"], first["goldstein_sum"], first["goldstein_mean"]) == (2, -16.0, -8.0)
    # d3-e1 has no source, d2-e1 is negated: neither is a dyad
    assert len(frame) == 3


def test_dyads_without_period(filled: Store) -> None:
    frame = queries.dyads(filled, by=None, actor="USA")
    assert set(zip(frame["source_code"], frame["target_code"], strict=True)) == {
        ("USAGOV", "RUSGOV"),
        ("CHN", "USA"),
    }
    assert "period" not in frame.columns


def test_dyads_bad_period(filled: Store) -> None:
    with pytest.raises(ValueError, match="by must be"):
        queries.dyads(filled, by="fortnight")


def test_timeline_counts_quad_classes(filled: Store) -> None:
    frame = queries.timeline(filled, by="month")
    assert list(frame["period"]) == [
        pd.Timestamp(d) for d in ("2024-03-01", "2024-04-01", "2024-05-01")
    ]
    assert list(frame["material_conflict"]) == [1, 1, 0]
    assert list(frame["verbal_cooperation"]) == [1, 0, 1]
    assert list(frame["total"]) == [2, 1, 1]
    only_rus = queries.timeline(filled, actor="RUS", by="month")
    assert list(only_rus["total"]) == [2, 1]


@pytest.mark.parametrize(
    ("side", "expected"),
    [
        ("source", ["CHN", "RUSGOV", "USAGOV"]),
        ("target", ["RUSGOV", "RUSMIL", "UKRMIL", "USA"]),
        ("either", ["RUSGOV", "CHN", "RUSMIL", "UKRMIL", "USA", "USAGOV"]),
    ],
)
def test_top_actors(filled: Store, side: str, expected: list[str]) -> None:
    frame = queries.top_actors(filled, side=side, limit=10)
    assert list(frame["code"]) == expected


def test_top_actors_limit(filled: Store) -> None:
    frame = queries.top_actors(filled, side="either", limit=1)
    assert list(frame["code"]) == ["RUSGOV"]
    assert frame["events"].iloc[0] == 2


@pytest.fixture
def read_only(filled: Store) -> Iterator[Store]:
    filled.close()
    with Store.open(filled.path, read_only=True) as opened:
        yield opened


def test_sql_select(read_only: Store) -> None:
    query = "WITH c AS (SELECT cameo_root FROM events) SELECT count(*) AS n FROM c"
    assert queries.sql(read_only, query)["n"].iloc[0] == 5
    assert queries.sql(read_only, query, as_arrow=True).column("n").to_pylist() == [5]


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM events",
        "DROP TABLE events",
        "INSERT INTO rejected (origin, reason) VALUES ('x', 'y')",
        "UPDATE events SET goldstein = 0",
        "SELECT 1; DELETE FROM events",
        "COPY events TO 'x.csv'",
        "ATTACH 'other.duckdb'",
        "not sql at all",
        "SELECT nextval('run_ids')",
        "SELECT * FROM no_such_table",
    ],
)
def test_sql_refuses_writes(read_only: Store, statement: str) -> None:
    with pytest.raises(StoreError):
        queries.sql(read_only, statement)
    assert read_only.connection.execute("SELECT count(*) FROM events").fetchone() == (5,)


def test_sql_refuses_a_writable_store(filled: Store) -> None:
    with pytest.raises(StoreError, match="read_only"):
        queries.sql(filled, "SELECT 1")


def test_rejected_listing(store: Store, run_id: int) -> None:
    from kittiwake.records import Rejected

    store.add_rejected(Rejected(origin="a", reason="empty"), run_id=run_id)
    store.add_rejected(Rejected(origin="b", reason="not English"), run_id=run_id + 1)
    assert list(queries.rejected(store)["origin"]) == ["a", "b"]
    assert list(queries.rejected(store, run_id=run_id)["origin"]) == ["a"]


def test_dyad_series_follows_one_pair(filled: Store, add_article: Callable[..., Any]) -> None:
    add_article("d4", make_event("d4", 1, cameo="193", goldstein=-6.0, date=dt.date(2024, 3, 6)))
    add_article("d5", make_event("d5", 1, cameo="042", goldstein=2.0, date=dt.date(2024, 3, 12)))
    frame = queries.dyad_series(filled, source="rus", target="UKR", by="week")
    assert list(frame["period"]) == [pd.Timestamp("2024-03-04"), pd.Timestamp("2024-03-11")]
    assert list(frame["count"]) == [2, 1]
    assert list(frame["goldstein_mean"]) == [-8.0, 2.0]
