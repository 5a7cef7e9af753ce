"""Event clusters in the store: extended by ingests, rebuilt by recode, counted by queries."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable

import pandas as pd
import pytest
from click.testing import CliRunner
from store_factories import make_event

from kittiwake.cli import main
from kittiwake.store import Store, queries
from kittiwake.store.clusters import ClusterUpdate, extend_clusters, rebuild_clusters
from kittiwake.store.export import GDELT_COLUMNS, export, gdelt_event_id

MEETING = "Russian officials met Ukrainian envoys in Istanbul."


def clusters(store: Store) -> list[tuple[str, str, int, int, int]]:
    return store.connection.execute(
        "SELECT cluster_id, representative_id, num_mentions, num_articles, num_sources "
        "FROM event_clusters ORDER BY cluster_id"
    ).fetchall()


def members(store: Store) -> dict[str, str]:
    rows = store.connection.execute("SELECT event_id, cluster_id FROM event_cluster_members")
    return dict(rows.fetchall())


def add_reports(add_article: Callable[..., object]) -> None:
    add_article("a", make_event("a", 1), source="Wire A")
    add_article("b", make_event("b", 1, target="UKR"), source="Wire B")
    add_article("c", make_event("c", 1, cameo="040", plover_type="CONSULT", text=MEETING))


def test_extend_clusters_new_events_and_counts_reports(store, add_article):
    add_reports(add_article)
    assert extend_clusters(store) == ClusterUpdate(events=3, clusters=2)
    assert members(store) == {"a-e1": "Ca-e1", "b-e1": "Ca-e1", "c-e1": "Cc-e1"}
    assert clusters(store) == [("Ca-e1", "a-e1", 2, 2, 2), ("Cc-e1", "c-e1", 1, 1, 1)]
    assert extend_clusters(store) == ClusterUpdate(events=0, clusters=0)


def test_a_later_article_joins_without_reclustering(store, add_article):
    add_reports(add_article)
    extend_clusters(store)
    add_article("d", make_event("d", 1, date=dt.date(2024, 3, 5)), source="Wire A")
    add_article("e", make_event("e", 1, date=dt.date(2024, 6, 1)), source="Wire A")
    assert extend_clusters(store) == ClusterUpdate(events=2, clusters=2)
    assert members(store)["d-e1"] == "Ca-e1"
    assert members(store)["e-e1"] == "Ce-e1"  # three months later: another attack
    assert clusters(store)[0] == ("Ca-e1", "a-e1", 3, 3, 2)


def test_rebuild_gives_what_increments_gave(store, add_article):
    add_reports(add_article)
    extend_clusters(store)
    add_article("d", make_event("d", 1), source="Wire C")
    extend_clusters(store)
    before = (members(store), clusters(store))
    assert rebuild_clusters(store) == ClusterUpdate(events=4, clusters=2)
    assert (members(store), clusters(store)) == before


@pytest.mark.parametrize(
    ("options", "count"),
    [
        ({}, 3),  # every coded mention
        ({"unit": "cluster"}, 2),  # a and b report one attack
        ({"one_a_day": True}, 3),  # ICEWS: a and b differ in their target (UKRMIL / UKR)
        ({"unit": "cluster", "cameo": "04"}, 1),
    ],
)
def test_queries_count_clusters_or_mentions(store, add_article, options, count):
    add_reports(add_article)
    extend_clusters(store)
    assert len(queries.events(store, **options)) == count
    assert queries.timeline(store, by="year", **options)["total"].sum() == count
    assert queries.dyads(store, by=None, **options)["count"].sum() == count


def test_one_a_day_keeps_one_event_per_dyad_code_and_day(store, add_article):
    add_article("a", make_event("a", 1), make_event("a", 2, cameo="190"))
    add_article("b", make_event("b", 1, date=dt.date(2024, 3, 6)))
    assert len(queries.events(store)) == 3
    assert list(queries.events(store, one_a_day=True)["event_id"]) == ["a-e1", "b-e1"]


def test_gdelt_export_counts_the_reports_of_the_cluster(store, add_article, tmp_path):
    add_reports(add_article)
    extend_clusters(store)
    out = tmp_path / "events.tsv"
    assert export(store, format="gdelt", out=out, unit="cluster") == 2
    frame = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str)
    counts = frame.set_index("GLOBALEVENTID")[["NumMentions", "NumSources", "NumArticles"]]
    assert counts.loc[str(gdelt_event_id("a-e1"))].tolist() == ["2", "2", "2"]
    assert counts.loc[str(gdelt_event_id("c-e1"))].tolist() == ["1", "1", "1"]


def test_cli_shows_a_cluster_side_by_side_and_counts_clusters(db_path, store, add_article):
    add_reports(add_article)
    extend_clusters(store)
    store.close()
    runner = CliRunner()
    shown = runner.invoke(main, ["cluster", "Ca-e1", "--db", str(db_path), "--format", "csv"])
    assert shown.exit_code == 0, shown.output
    rows = list(csv.DictReader(io.StringIO(shown.output)))
    assert [(r["doc_id"], r["outlet"], r["representative"]) for r in rows] == [
        ("a", "Wire A", "True"),
        ("b", "Wire B", "False"),
    ]
    missing = runner.invoke(main, ["cluster", "nope", "--db", str(db_path)])
    assert missing.exit_code == 1 and "no event cluster 'nope'" in missing.output
    table = runner.invoke(main, ["events", "--db", str(db_path), "--format", "table"])
    assert "cluster_mentions" in table.output
    for unit, lines in (("cluster", 2), ("mention", 3)):
        listed = runner.invoke(main, ["events", "--db", str(db_path), "--unit", unit])
        assert listed.exit_code == 0 and len(listed.output.splitlines()) == lines


def test_cluster_listing_carries_the_cluster_and_its_counts(db_path, store, add_article):
    add_reports(add_article)
    extend_clusters(store)
    frame = queries.events(store, unit="cluster")
    assert list(frame["cluster_id"]) == ["Ca-e1", "Cc-e1"]
    assert list(frame["cluster_articles"]) == [2, 1]
    assert "cluster_id" not in queries.events(store).columns  # mentions: the events table as is
    store.close()
    listed = CliRunner().invoke(main, ["events", "--db", str(db_path)])
    first = json.loads(listed.output.splitlines()[0])
    assert (first["cluster_id"], first["cluster_mentions"], first["cluster_sources"]) == (
        "Ca-e1",
        2,
        2,
    )


def test_store_methods_extend_and_rebuild(store, add_article):
    add_reports(add_article)
    assert store.extend_clusters() == ClusterUpdate(events=3, clusters=2)
    assert store.rebuild_clusters() == ClusterUpdate(events=3, clusters=2)
    assert members(store)["b-e1"] == "Ca-e1"
