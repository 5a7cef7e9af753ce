"""Counts that agree: a number on one page is the number of rows its link opens; an empty
actor code is "unresolved", never ranked; actor names come from the dictionaries."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_factories import build_store, count_articles, local_client

from kittiwake.web import create_app
from kittiwake.web.labels import CodeNames

NAMES = CodeNames(
    organisations={"IGOUNO": "United Nations", "USAGOV": "State Department"},
    countries={"USA": "United States", "RUS": "Russia"},
    roles={"GOV": "Government", "MIL": "Military", "IGO": "Intergovernmental"},
)


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("counts") / "counts.duckdb"
    build_store(path, extra=count_articles())
    return local_client(create_app(path))


def _total(client: TestClient, params: dict[str, Any]) -> int:
    total = client.get("/events.json", params=params).json()["total"]
    assert isinstance(total, int)
    return total


@pytest.mark.parametrize("side", ["source", "target", "either"])
def test_each_ranked_actor_opens_as_many_events_as_it_counts(
    counted: TestClient, side: str
) -> None:
    body = counted.get("/actors.json", params={"side": side}).json()
    assert body["actors"]
    page = counted.get("/actors", params={"side": side}).text
    for row in body["actors"]:
        params = {"actor": row["code"], "side": side, "match": "exact"}
        assert _total(counted, params) == row["events"], row["code"]
        assert f'href="/events?actor={row["code"]}&amp;side={side}&amp;match=exact"' in page


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"actor": "USA", "match": "exact"}, 2),  # USA twice as target, not the USAGOV source
        ({"actor": "USA"}, 3),  # a prefix also takes USAGOV
        ({"actor": "usa", "side": "source", "match": "exact"}, 0),
        ({"source": "USAGOV", "target": "CHN", "match": "exact"}, 1),
        ({"source": "USA", "target": "CHN"}, 1),
        ({"source": "USA", "target": "CHN", "match": "exact"}, 0),
        ({"source": "CHN", "target": "USA"}, 1),
    ],
)
def test_exact_and_prefix_matching(counted: TestClient, params: dict[str, str], total: int) -> None:
    assert _total(counted, params) == total


@pytest.mark.parametrize("side", ["source", "either"])
def test_unresolved_actors_are_counted_apart(counted: TestClient, side: str) -> None:
    body = counted.get("/actors.json", params={"side": side}).json()
    assert "" not in [row["code"] for row in body["actors"]]
    assert body["unresolved"] == 1  # "Gunmen" matched no dictionary entry
    assert (
        "Unresolved (no actor code on this side, not ranked): 1 events"
        in counted.get("/actors", params={"side": side}).text
    )


def test_overview_ranks_exact_codes_only(counted: TestClient) -> None:
    top = counted.get("/index.json").json()["top_actors"]
    codes = {row["code"]: row["events"] for row in top["actors"]}
    assert codes["USA"] == 2
    assert codes["USAGOV"] == 1
    assert "" not in codes
    assert top["unresolved"] == 1


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("USAGOV", "United States · Government"),
        ("RUSMIL", "Russia · Military"),
        ("IGOUNO", "United Nations"),
        ("USA", "United States"),
        ("IGOXYZ", "Intergovernmental · XYZ"),
        ("ZZZ", None),
        ("", "unresolved"),
        (None, "unresolved"),
    ],
)
def test_code_names_come_from_the_dictionaries(code: str | None, label: str | None) -> None:
    assert NAMES.label(code) == label


def test_pages_name_codes_from_the_shipped_dictionaries(counted: TestClient) -> None:
    actors = counted.get("/actors.json", params={"side": "either"}).json()["actors"]
    labels = {row["code"]: row["label"] for row in actors}
    assert labels["USAGOV"] == "United States · Government"  # not the mention "The White House"
    assert labels["RUSMIL"] == "Russia · Military"


def test_a_dyad_row_opens_its_own_events(counted: TestClient) -> None:
    dyads = counted.get("/dyads.json").json()["dyads"]
    for row in dyads:
        pair = {"source": row["source_code"], "target": row["target_code"], "match": "exact"}
        assert _total(counted, pair) == row["count"]
        series = counted.get("/dyads.json", params=pair).json()["series"]
        assert sum(point["count"] for point in series) == row["count"]
    page = counted.get("/dyads").text
    assert 'href="/dyads?source=USAGOV&amp;target=CHN&amp;match=exact&amp;period=all"' in page


def test_overview_chart_covers_every_date_with_axes(counted: TestClient) -> None:
    timeline = counted.get("/index.json").json()["timeline"]
    assert timeline["by"] == "week"
    assert timeline["rows"][0]["period"] == "2022-01-03"  # not only the last 104 weeks
    page = counted.get("/").text
    chart = page.split('<svg class="chart"', 1)[1].split("</svg>", 1)[0]
    assert '<text class="x"' in chart and ">2022-01-03</text>" in chart
    assert '<text class="y" x="-5" y="0.0">1</text>' in chart  # the top of the y axis
    assert chart.count("<title>") == 119  # 2022-01-03 to 2024-04-08, every week
    assert "verbal cooperation" in page  # the legend
    goldstein = {row["period"]: row["goldstein_mean"] for row in timeline["rows"]}
    assert goldstein["2022-01-03"] == -10.0
    assert goldstein["2024-03-18"] == 3.4
    assert "<title>2022-01-03: -10 mean Goldstein</title>" in page


def test_dyad_series_has_dated_bars_with_gaps(counted: TestClient) -> None:
    params = {"source": "USA", "target": "CHN", "period": "month"}
    body = counted.get("/dyads.json", params=params).json()
    assert [row["period"] for row in body["series"]] == ["2024-03-01"]
    page = counted.get("/dyads", params={"source": "RUS", "target": "UKR", "period": "week"}).text
    assert ">2024-03-04</text>" in page


@pytest.mark.parametrize(
    ("q", "codes"),
    [
        ("russia", ["RUS", "RUSMIL"]),  # by name: "Russia", "Russia · Military"
        ("united states", ["USA", "USAGOV"]),
        ("gov", ["UKRGOV", "USAGOV"]),  # by code
        ("military", ["RUSMIL", "UKRMIL"]),
        ("zelensky", ["UKRGOV"]),  # a person who held the code
        ("nowhere", []),
    ],
)
def test_actors_are_found_by_name(counted: TestClient, q: str, codes: list[str]) -> None:
    body = counted.get("/actors.json", params={"side": "either", "q": q}).json()
    assert sorted(row["code"] for row in body["actors"]) == codes


def test_a_search_by_person_names_them(counted: TestClient) -> None:
    (row,) = counted.get("/actors.json", params={"side": "either", "q": "zelensk"}).json()["actors"]
    assert row["code"] == "UKRGOV"
    assert any("Zelensk" in name for name in row["people"])


@pytest.mark.parametrize(
    ("code", "query", "found"),
    [
        ("RUSGOV", "putin", ["Vladimir Putin"]),
        ("RUSGOV", "rus", []),
        ("RUSGOV", "government", []),
        ("RUSMIL", "putin", None),
    ],
)
def test_found_by(code: str, query: str, found: list[str] | None) -> None:
    names = CodeNames(
        organisations={},
        countries={"RUS": "Russia"},
        roles={"GOV": "Government", "MIL": "Military"},
        people={"RUSGOV": ("Vladimir Putin", "Dmitry Medvedev")},
    )
    assert names.found_by(code, query) == found


@pytest.mark.parametrize(
    ("page", "field", "datalist", "option"),
    [
        ("/events", "actor", "actor-codes", '<option value="RUS">Russia</option>'),
        ("/events", "cameo", "cameo-codes", '<option value="190">'),
        ("/events", "plover", "plover-types", '<option value="ASSAULT">'),
        ("/map", "source", "actor-codes", '<option value="UKR">Ukraine</option>'),
        ("/dyads", "target", "actor-codes", '<option value="CHN">China</option>'),
    ],
)
def test_code_fields_suggest_codes_with_names(
    counted: TestClient, page: str, field: str, datalist: str, option: str
) -> None:
    text = counted.get(page).text
    assert f'name="{field}"' in text
    assert f'list="{datalist}"' in text
    body = text.split(f'<datalist id="{datalist}">', 1)[1].split("</datalist>", 1)[0]
    assert option in body


def test_network_edges_open_their_events(counted: TestClient) -> None:
    body = counted.get("/network.json").json()
    pairs = {(e["source_code"], e["target_code"]): e["events"] for e in body["edges"]}
    assert pairs == {
        ("RUSMIL", "UKRMIL"): 1,
        ("UKRGOV", "RUS"): 1,
        ("CHN", "USA"): 1,
        ("USAGOV", "CHN"): 1,
    }  # no unresolved side, no negated event
    for (source, target), events in pairs.items():
        params = {"source": source, "target": target, "match": "exact"}
        assert _total(counted, params) == events
    assert body["nodes"][0]["code"] == "CHN"  # in two pairs: first, at the top of the ring
    for node in body["nodes"]:
        assert round(((node["x"] - 300) ** 2 + (node["y"] - 300) ** 2) ** 0.5) == 240
    page = counted.get("/network").text
    assert '<line class="conflict" x1=' in page
    assert 'href="/events?source=RUSMIL&amp;target=UKRMIL&amp;match=exact"' in page


def test_network_follows_the_filters(counted: TestClient) -> None:
    body = counted.get("/network.json", params={"quad_class": 1}).json()
    assert [(e["source_code"], e["target_code"]) for e in body["edges"]] == [
        ("CHN", "USA"),
        ("USAGOV", "CHN"),
    ]


@pytest.mark.parametrize("page", ["/events?actor=USA", "/events/counts-1-e1"])
def test_an_unresolved_actor_reads_unresolved(counted: TestClient, page: str) -> None:
    text = counted.get(page).text
    assert '<span class="unresolved">unresolved</span>' in text
    assert "<code></code>" not in text
