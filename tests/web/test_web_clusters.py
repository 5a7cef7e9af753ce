"""The dashboard counts event clusters (real-world events) by default and mentions on
request (`unit=`), shows each event's cluster counts, and lays a cluster's reports side by
side at /cluster?id=... with their evidence highlighted."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_factories import (
    HOSTILE_URL,
    build_clustered_store,
    hostile_article,
    local_client,
    shared_mention_article,
)

from kittiwake.store import Store, queries
from kittiwake.web import create_app

SHELLING = "Ckyiv-1-e0"  # kyiv-1's shelling, reported again by kyiv-2 and kyiv-3
HOSTILE_CLUSTER = "C../odd/x.json-e0"
JOINT = "Cjoint-1-e0"  # two events coded from one sentence (one mention)
# Reported (not negated) events: kyiv-1 e0 and e1, talks-2 e0, kyiv-2, kyiv-3, hostile, the
# two of joint-1; the three shelling reports are one event, and so are joint-1's two.
MENTIONS, CLUSTERS = 8, 5


@pytest.fixture(scope="module")
def clustered_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("clusters") / "clusters.duckdb"
    build_clustered_store(path, extra=[hostile_article(), shared_mention_article()])
    return path


@pytest.fixture(scope="module")
def clustered(clustered_db: Path) -> TestClient:
    return local_client(create_app(clustered_db))


def _json(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_events_count_clusters_by_default_and_mentions_on_request(clustered: TestClient) -> None:
    by_default = _json(clustered, "/events.json")
    assert (by_default["unit"], by_default["total"]) == ("cluster", CLUSTERS)
    assert by_default["filters"]["unit"] == "cluster"
    assert _json(clustered, "/events.json", unit="cluster")["total"] == CLUSTERS
    mentions = _json(clustered, "/events.json", unit="mention")
    assert (mentions["unit"], mentions["total"]) == ("mention", MENTIONS)
    shown = [event["event_id"] for event in by_default["events"]]
    assert "kyiv-1-e0" in shown and "kyiv-2-e0" not in shown  # the representative stands in


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"actor": "RUS"},
        {"actor": "UKR", "side": "target"},
        {"include_negated": True},
        {"cameo": "19"},
        {"start": "2024-03-05"},
    ],
)
@pytest.mark.parametrize("unit", ["cluster", "mention"])
def test_counts_agree_with_the_cli_query(
    clustered_db: Path, clustered: TestClient, params: dict[str, Any], unit: str
) -> None:
    """The pages read the unit from a column of their copy; the CLI from the cluster tables."""
    with Store.open(clustered_db, read_only=True) as store:
        expected = len(queries.events(store, unit=unit, **params))
    assert _json(clustered, "/events.json", unit=unit, **params)["total"] == expected


def test_unknown_unit_is_refused(clustered: TestClient) -> None:
    assert clustered.get("/events.json", params={"unit": "story"}).status_code == 422


def test_each_event_carries_its_cluster_counts(clustered: TestClient) -> None:
    events = _json(clustered, "/events.json", unit="mention", limit=50)["events"]
    clusters = {event["event_id"]: event["cluster"] for event in events}
    for member in ("kyiv-1-e0", "kyiv-2-e0", "kyiv-3-e0"):
        assert clusters[member] == {
            "id": SHELLING,
            "mentions": 3,
            "articles": 3,
            "sources": 3,
            "events": 3,
        }
    assert clusters["talks-2-e0"] == {
        "id": "Ctalks-2-e0",
        "mentions": 1,
        "articles": 1,
        "sources": 1,
        "events": 1,
    }


def test_event_table_links_the_cluster_with_its_counts(clustered: TestClient) -> None:
    page = clustered.get("/events").text
    assert f'<a class="cluster" href="/cluster?id={SHELLING}"' in page
    link = page.index(f'href="/cluster?id={SHELLING}"')
    assert '3 mentions</a><br><span class="muted">3 articles, 3 sources' in page[link:]
    assert f"1–{CLUSTERS} of {CLUSTERS} events" in page
    assert f"1–{MENTIONS} of {MENTIONS} mentions" in clustered.get("/events?unit=mention").text


def test_event_list_links_the_other_unit_from_its_first_page(clustered: TestClient) -> None:
    page = clustered.get("/events", params={"actor": "RUS", "offset": 1, "limit": 1}).text
    assert (
        '<a href="/events?actor=RUS&amp;limit=1&amp;unit=mention">count every mention</a>' in page
    )
    page = clustered.get("/events", params={"unit": "mention"}).text
    assert '<a href="/events?unit=cluster">count events (clusters)</a>' in page


def test_event_page_opens_its_cluster(clustered: TestClient) -> None:
    body = _json(clustered, "/events/kyiv-2-e0.json")
    assert body["event"]["cluster"]["id"] == SHELLING
    page = clustered.get("/events/kyiv-2-e0").text
    assert f'<a href="/cluster?id={SHELLING}">3 mentions in 3 articles from 3 sources</a>' in page


def test_cluster_json_lays_out_every_report_representative_first(clustered: TestClient) -> None:
    body = _json(clustered, "/cluster.json", id=SHELLING)
    cluster = body["cluster"]
    assert cluster["representative_id"] == "kyiv-1-e0"
    assert (cluster["num_mentions"], cluster["num_articles"], cluster["num_sources"]) == (3, 3, 3)
    reports = body["reports"]
    assert [r["event"]["event_id"] for r in reports][0] == "kyiv-1-e0"
    assert [r["representative"] for r in reports] == [True, False, False]
    assert sorted(r["article"]["source"] for r in reports) == [
        "Example Wire",
        "Other Daily",
        "Third Post",
    ]
    for report in reports:  # offsets, made relative to the sentence, name the words
        event = report["event"]
        base = event["sentence_start"]
        for role, words in (
            ("source", "Russian forces"),
            ("target", "Ukrainian troops"),
            ("trigger", "shelled"),
        ):
            part = event[role]
            assert event["text"][part["start"] - base : part["end"] - base] == words


def test_cluster_page_highlights_each_reports_evidence(clustered: TestClient) -> None:
    page = clustered.get("/cluster", params={"id": SHELLING}).text
    sections = re.findall(r'<section class="report[^"]*">(.*?)</section>', page, re.S)
    assert len(sections) == 3
    assert "representative" in sections[0] and "representative" not in "".join(sections[1:])
    for section in sections:
        assert '<mark class="source" title="source">Russian forces</mark>' in section
        assert '<mark class="target" title="target">Ukrainian troops</mark>' in section
        assert '<mark class="trigger" title="trigger">shelled</mark>' in section
    assert "On Monday <mark" in sections[1] + sections[2]  # each report its own sentence
    assert "3 coded events from 3 mentions of one real-world event in 3 articles" in page


def test_cluster_ids_with_any_character_open_and_stay_safe(clustered: TestClient) -> None:
    body = _json(clustered, "/cluster.json", id=HOSTILE_CLUSTER)
    assert body["reports"][0]["article"]["url"] == HOSTILE_URL
    page = clustered.get("/cluster", params={"id": HOSTILE_CLUSTER}).text
    assert 'href="javascript' not in page.lower()
    assert 'title="not an http(s) address, so not a link"' in page
    assert 'href="/cluster?id=C..%2Fodd%2Fx.json-e0"' in clustered.get("/events").text


@pytest.mark.parametrize("suffix", ["", ".json"])
def test_unknown_or_missing_cluster(clustered: TestClient, suffix: str) -> None:
    assert clustered.get(f"/cluster{suffix}", params={"id": "Cnothing"}).status_code == 404
    assert clustered.get(f"/cluster{suffix}").status_code == 422


def test_overview_counts_clusters_and_says_how_many_mentions(clustered: TestClient) -> None:
    clusters = _json(clustered, "/index.json")
    mentions = _json(clustered, "/index.json", unit="mention")
    assert (clusters["unit"], clusters["reported_events"]) == ("cluster", CLUSTERS)
    assert clusters["reported_mentions"] == MENTIONS
    assert mentions["reported_events"] == MENTIONS
    assert sum(row["total"] for row in clusters["timeline"]["rows"]) == CLUSTERS
    assert sum(row["total"] for row in mentions["timeline"]["rows"]) == MENTIONS
    assert sum(row["events"] for row in clusters["cameo_roots"]) == CLUSTERS
    assert sum(row["events"] for row in mentions["cameo_roots"]) == MENTIONS
    ranked = {row["code"]: row["events"] for row in clusters["top_actors"]["actors"]}
    assert ranked["RUSMIL"] == 1
    ranked = {row["code"]: row["events"] for row in mentions["top_actors"]["actors"]}
    assert ranked["RUSMIL"] == 3
    page = clustered.get("/").text
    assert f"<strong>{CLUSTERS}</strong> reported events</a>" in page
    assert f"clusters of {MENTIONS} reported mentions" in page


@pytest.mark.parametrize("unit", ["cluster", "mention"])
def test_each_ranked_actor_opens_as_many_as_it_counts_in_either_unit(
    clustered: TestClient, unit: str
) -> None:
    body = _json(clustered, "/actors.json", side="source", unit=unit)
    page = clustered.get("/actors", params={"side": "source", "unit": unit}).text
    suffix = "&amp;unit=mention" if unit == "mention" else ""
    for row in body["actors"]:
        params = {"actor": row["code"], "side": "source", "match": "exact", "unit": unit}
        assert _json(clustered, "/events.json", **params)["total"] == row["events"]
        href = f'href="/events?actor={row["code"]}&amp;side=source&amp;match=exact{suffix}"'
        assert href in page


@pytest.mark.parametrize(("unit", "count"), [("cluster", 1), ("mention", 3)])
def test_dyads_count_the_unit_asked(clustered: TestClient, unit: str, count: int) -> None:
    params = {"source": "RUSMIL", "target": "UKRMIL", "match": "exact", "unit": unit}
    body = _json(clustered, "/dyads.json", **params)
    assert [row["count"] for row in body["dyads"]] == [count]
    assert sum(row["count"] for row in body["series"]) == count
    assert _json(clustered, "/events.json", **params)["total"] == count


@pytest.mark.parametrize("unit", ["cluster", "mention"])
@pytest.mark.parametrize("period", ["all", "week", "month"])
def test_dyad_rows_agree_with_the_cli_query(
    clustered_db: Path, clustered: TestClient, unit: str, period: str
) -> None:
    by = None if period == "all" else period
    with Store.open(clustered_db, read_only=True) as store:
        expected = queries.dyads(store, by=by, unit=unit)
    rows = _json(clustered, "/dyads.json", unit=unit, period=period)["dyads"]
    assert rows
    columns = ["source_code", "target_code", "count", "articles"]
    if by:
        columns.append("period")
    expected["period"] = expected["period"].astype(str) if by else None
    assert [[row[c] for c in columns] for row in rows] == expected[columns].values.tolist()


@pytest.mark.parametrize("path", ["/", "/events", "/map", "/network", "/actors", "/dyads"])
def test_every_counting_form_has_the_unit_switch(clustered: TestClient, path: str) -> None:
    page = clustered.get(path, params={"unit": "mention"}).text
    assert '<select name="unit">' in page
    assert '<option value="mention" selected>' in page
    assert '<option value="cluster">' in page


def test_map_and_network_count_the_unit_asked(clustered: TestClient) -> None:
    def kharkiv(unit: str) -> int:
        places = _json(clustered, "/map.json", unit=unit)["places"]
        return sum(place["events"] for place in places if place["place_name"] == "Kharkiv")

    assert (kharkiv("cluster"), kharkiv("mention")) == (1, 3)
    edges = _json(clustered, "/network.json", unit="mention")["edges"]
    assert {(e["source_code"], e["events"]) for e in edges} >= {("RUSMIL", 3)}


def test_downloads_carry_the_unit_and_the_cluster_counts(clustered: TestClient) -> None:
    for unit, rows in (("cluster", CLUSTERS), ("mention", MENTIONS)):
        text = clustered.get("/events.csv", params={"unit": unit}).text
        found = list(csv.DictReader(io.StringIO(text)))
        assert len(found) == rows
    shelling = [row for row in found if row["cluster_id"] == SHELLING]
    assert len(shelling) == 3
    assert {
        (r["cluster_mentions"], r["cluster_articles"], r["cluster_sources"]) for r in shelling
    } == {("3", "3", "3")}


def test_most_reported_first_sorts_by_the_cluster(clustered: TestClient) -> None:
    events = _json(clustered, "/events.json", sort="reports")["events"]
    assert events[0]["event_id"] == "kyiv-1-e0"
    assert [e["cluster"]["articles"] for e in events] == sorted(
        (e["cluster"]["articles"] for e in events), reverse=True
    )


def test_unclustered_events_count_as_their_own_clusters(client: TestClient) -> None:
    """The session store has no clusters: both units count the same, no cluster links."""
    clusters = _json(client, "/events.json")
    assert clusters["total"] == _json(client, "/events.json", unit="mention")["total"]
    assert all(event["cluster"]["id"] is None for event in clusters["events"])
    assert all(event["cluster"]["mentions"] == 1 for event in clusters["events"])
    page = client.get("/events").text
    assert 'title="not clustered yet">1 mention</span>' in page
    assert "/cluster?id=" not in page


def test_cluster_page_links_its_twin_and_keeps_the_security_rules(clustered: TestClient) -> None:
    page = f"/cluster?id={SHELLING}"
    got = clustered.get(page)
    assert got.status_code == 200
    assert f'href="/cluster.json?id={SHELLING}"' in got.text
    assert "<script" not in got.text and "style=" not in got.text
    assert not re.search(r"\son[a-z]+=", got.text)
    assert "default-src 'none'" in got.headers["content-security-policy"]
    head = clustered.head(page)
    assert (head.status_code, head.content) == (200, b"")


def test_events_coded_from_one_sentence_are_one_mention_of_one_cluster(
    clustered: TestClient,
) -> None:
    events = _json(clustered, "/events.json", unit="mention", text="China condemned")["events"]
    assert {event["cluster"]["id"] for event in events} == {JOINT}
    assert events[0]["cluster"] | {"id": None} == {
        "id": None,
        "mentions": 1,
        "articles": 1,
        "sources": 1,
        "events": 2,
    }
    assert "1 article, 1 source, 2 coded events</span>" in clustered.get("/events").text
    page = clustered.get("/cluster", params={"id": JOINT}).text
    assert "2 coded events from 1 mention of one real-world event in 1 article" in page
