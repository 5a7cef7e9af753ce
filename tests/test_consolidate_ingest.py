"""An ingest joins new events to clusters; recode rebuilds them (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from kittiwake.ingest import ingest_paths, recode
from kittiwake.pipeline import Pipeline
from kittiwake.store import Store

REPORTS = [
    ("wire-1", "Reuters", "Russian troops attacked Ukrainian soldiers near Kharkiv on Monday."),
    (
        "wire-2",
        "AP",
        "Fighting flared again in the east. Near Kharkiv on Monday, Russian forces attacked "
        "Ukrainian soldiers, a military spokesman told reporters in Kyiv.",
    ),
    ("wire-3", "AFP", "The Chinese foreign minister met the French president in Paris on Monday."),
]


def write(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    records = [
        {"id": doc, "source": outlet, "date": "2024-03-05", "text": text}
        for doc, outlet, text in rows
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def state(db: Path) -> tuple[int, dict[str, str]]:
    with Store.open(db, read_only=True) as store:
        events = store.connection.execute("SELECT count(*) FROM events").fetchone()
        members = store.connection.execute("SELECT event_id, cluster_id FROM event_cluster_members")
        return int(events[0]) if events else 0, dict(members.fetchall())


def test_ingest_clusters_reports_and_recode_rebuilds(tmp_path: Path, pipeline: Pipeline):
    db = tmp_path / "events.duckdb"
    ingest_paths([write(tmp_path / "a.jsonl", REPORTS[:1])], db=db, pipeline=pipeline)
    ingest_paths([write(tmp_path / "b.jsonl", REPORTS[1:])], db=db, pipeline=pipeline)
    events, members = state(db)
    assert len(members) == events >= 3  # every event clustered, the later ones incrementally
    with Store.open(db, read_only=True) as store:
        attacks = store.connection.execute(
            "SELECT DISTINCT cluster_id FROM event_cluster_members JOIN events USING (event_id) "
            "WHERE trigger_text = 'attacked'"
        ).fetchall()
    assert len(attacks) == 1  # two outlets, one attack
    recode(db, pipeline=pipeline)
    assert state(db) == (events, members)
