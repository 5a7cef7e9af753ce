"""kill -9 an ingest part-way, run it again: every article stored once, every event once.

The corpus is generated here from sentence parts written for this test: 200 distinct short
articles plus exact copies of some of them under other ids. The killed ingest runs on two
worker processes; the re-run codes in-process, and the result must equal a clean run's.
DuckDB replays its write-ahead log when the killed database is opened again.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import kittiwake
from kittiwake.ingest import ingest_paths
from kittiwake.store import Store

pytestmark = pytest.mark.slow

COUNTRIES = (
    "Russia", "Ukraine", "China", "Japan", "India", "Pakistan", "Iran", "Israel", "Egypt",
    "Turkey", "Greece", "France", "Germany", "Poland", "Brazil", "Argentina", "Mexico", "Canada",
    "Kenya", "Ethiopia", "Nigeria", "Ghana", "Vietnam", "Indonesia", "Australia", "Chile", "Peru",
)  # fmt: skip
ACTS = (
    "accused {b} of violating the ceasefire",
    "criticised {b} for its handling of the border dispute",
    "signed a trade agreement with {b}",
    "threatened to impose sanctions on {b}",
    "expelled two diplomats from the embassy of {b}",
    "praised {b} for its help after the floods",
    "met the ambassador of {b}",
    "demanded an apology from {b}",
    "offered humanitarian aid to {b}",
    "rejected a proposal from {b}",
)
TOPICS = (
    "fishing quotas", "a disputed dam", "grain exports", "gas prices", "a detained journalist",
    "military exercises", "refugee camps", "a pipeline project", "election observers",
    "debt relief", "airspace violations",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
LINKS = (
    "in a dispute over",
    "as tempers rose over",
    "after weeks of argument about",
    "citing concerns about",
)
FOLLOW_UPS = (
    "Officials said talks would resume within {n} days.",
    "A spokesman declined to give further details about the {n} people involved.",
    "Local media reported that {n} protesters gathered outside the ministry.",
    "The statement came {n} hours after an emergency cabinet meeting.",
    "Analysts expect the row to dominate a summit scheduled in {n} weeks.",
)
CLOSINGS = (
    "{c} urged both governments to settle the question of {topic} peacefully.",
    "Diplomats from {c} warned that {topic} could soon become a wider problem.",
    "The row follows months of tension, and {c} has offered to mediate on {topic}.",
    "Newspapers in {c} described the move as the sharpest in years, citing {topic}.",
    "Earlier this year {c} hosted inconclusive negotiations on {topic}.",
    "Opposition politicians in {c} called for a parliamentary debate about {topic}.",
    "Markets in {c} barely reacted, although traders watch {topic} closely.",
)
ARTICLES = 200
COPY_EVERY = 20  # every 30th article is also sent again under another id
KILL_AFTER = 20  # articles stored before the ingest is killed
CLI = "from kittiwake.cli import main; main()"


def article(number: int) -> dict[str, Any]:
    """Article `number`: the parts vary with different strides, so no two are near copies."""
    actor = COUNTRIES[number % len(COUNTRIES)]
    other = COUNTRIES[(number * 7 + 3) % len(COUNTRIES)]
    if other == actor:
        other = COUNTRIES[(number + 1) % len(COUNTRIES)]
    third = COUNTRIES[(number * 11 + 5) % len(COUNTRIES)]
    act = ACTS[(number // 3) % len(ACTS)].format(b=other)
    link = LINKS[(number // 5) % len(LINKS)]
    topic = TOPICS[(number * 5) % len(TOPICS)]
    closing = CLOSINGS[(number // 2) % len(CLOSINGS)].format(
        c=third, topic=TOPICS[(number * 3 + 1) % len(TOPICS)]
    )
    follow_up = FOLLOW_UPS[number % len(FOLLOW_UPS)].format(n=number + 2)
    return {
        "id": f"kill-{number:04d}",
        "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
        "source": f"Wire {number % 5}",
        "text": f"{actor} {act} on {DAYS[number % 7]}, {link} {topic}. {follow_up} {closing}",
    }


def corpus_records() -> list[dict[str, Any]]:
    records = [article(number) for number in range(ARTICLES)]
    copies = [
        {
            **record,
            "id": record["id"] + "-copy",
            "source": "Copy Wire",
            "text": record["text"] + "\n",
        }
        for record in records[::COPY_EVERY]
    ]
    return records + copies


def stored_count(db: Path) -> int:
    """Articles committed so far, read from a copy (the ingest holds the file)."""
    try:
        with Store.open(db, read_only=True, snapshot=True) as store:
            row = store.connection.execute("SELECT count(*) FROM articles").fetchone()
    except Exception:  # noqa: BLE001 - not created yet, or copied mid-write: try again
        return 0
    return int(row[0]) if row else 0


def ingest_command(corpus: Path, db: Path, *, workers: int) -> list[str]:
    return [
        sys.executable,
        "-c",
        CLI,
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        str(workers),
        "--no-progress",
    ]


def live_group_members(group: int) -> list[int]:
    """Processes (not zombies) in a process group, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def wait_until_gone(group: int, *, timeout_s: float) -> list[int]:
    deadline = time.monotonic() + timeout_s
    while (left := live_group_members(group)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def kill_part_way(corpus: Path, db: Path, env: dict[str, str]) -> int:
    """Start an ingest, SIGKILL it once some articles are stored; return how many were."""
    process = subprocess.Popen(
        ingest_command(corpus, db, workers=2), env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while (stored := stored_count(db)) < KILL_AFTER and time.monotonic() < deadline:
            assert process.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.1)
        assert process.poll() is None, "the ingest ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        # the workers notice that their ingest is gone and exit on their own
        left = wait_until_gone(process.pid, timeout_s=10) if Path("/proc").is_dir() else []
        assert left == [], f"workers still running after the ingest was killed: {left}"
    finally:
        if process.poll() is None:
            process.kill()
        for pid in live_group_members(process.pid) if Path("/proc").is_dir() else []:
            os.kill(pid, signal.SIGKILL)
    return stored


def contents(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    queries = {
        "ids": "SELECT doc_id, count(*) FROM (SELECT doc_id FROM articles "
        "UNION ALL SELECT doc_id FROM duplicates) GROUP BY doc_id ORDER BY doc_id",
        "events": "SELECT event_id, doc_id, cameo, num_articles, num_sources FROM events ORDER BY event_id",
        "mentions": "SELECT doc_id, seq, code FROM mentions ORDER BY doc_id, seq",
        "sentences": "SELECT doc_id, sentence FROM sentences ORDER BY doc_id, sentence",
    }
    with Store.open(db, read_only=True) as store:
        return {name: store.connection.execute(query).fetchall() for name, query in queries.items()}


def test_kill_9_and_rerun_stores_every_article_and_event_once(tmp_path: Path) -> None:
    records = corpus_records()
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(kittiwake.__file__).parents[1]))
    killed = tmp_path / "killed.duckdb"

    stored_when_killed = kill_part_way(corpus, killed, env)
    assert KILL_AFTER <= stored_when_killed < ARTICLES
    assert killed.with_name(killed.name + ".wal").exists()  # so the re-run replays the log
    rerun = subprocess.run(
        ingest_command(corpus, killed, workers=1),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rerun.returncode == 0, rerun.stderr

    clean = tmp_path / "clean.duckdb"
    report = ingest_paths([corpus], db=clean, workers=1)
    assert report.articles == ARTICLES  # the generated articles are all distinct
    after_kill, single_run = contents(killed), contents(clean)
    assert after_kill["ids"] == [
        (record["id"], 1) for record in sorted(records, key=lambda r: r["id"])
    ]
    assert after_kill == single_run
    assert len(single_run["events"]) > ARTICLES  # most articles have events; the check has teeth
    # D19: the run that was killed is marked aborted by the re-run, which finished
    assert run_statuses(killed) == ["aborted", "finished"]


def run_statuses(db: Path) -> list[str | None]:
    with Store.open(db, read_only=True) as store:
        rows = store.connection.execute("SELECT status FROM runs ORDER BY run_id").fetchall()
    return [row[0] for row in rows]
