"""`make reliability`, faults: kill -9 an ingest on two workers again and again, then finish it.

    python tests/reliability/kill.py                  # 1,000 articles, 5 kills
    python tests/reliability/kill.py --articles 200   # shorter

The corpus is generated (tests/test_ingest_kill.py's article generator). The ingest, with
`--workers 2`, is killed with SIGKILL at the moments of `SCHEDULE` (some during worker
start-up, before anything is stored; some after a number of articles are stored); after
each kill no process of it may be left after `ORPHAN_WAIT_S`. A last run finishes the job,
and its tables must equal, row for row, those of one clean run. Prints what happened;
exits 1 when a check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the generator

import kittiwake  # noqa: E402
from test_ingest_kill import (  # noqa: E402 - after the path it comes from
    article,
    contents,
    ingest_command,
    live_group_members,
    run_statuses,
    stored_count,
    wait_until_gone,
)

ORPHAN_WAIT_S = 10.0
# (what to wait for, how much): the worker processes' start (they exist, loading spaCy),
# seconds after the start, or a count of stored articles, as a share of the corpus.
SCHEDULE = (("workers", 0), ("stored", 0.1), ("seconds", 5.0), ("stored", 0.4), ("stored", 0.7))


def kill_at(
    command: list[str], db: Path, env: dict[str, str], *, when: str, amount: float, articles: int
) -> tuple[str, list[int]]:
    """Run `command`, SIGKILL it at the moment asked; (what happened, processes left)."""
    process = subprocess.Popen(
        command,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = time.monotonic()
    target = amount if when == "seconds" else int(amount * articles)
    try:
        while process.poll() is None and time.monotonic() - started < 600:
            waited = time.monotonic() - started
            if (
                (when == "seconds" and waited >= target)
                or (when == "stored" and stored_count(db) >= target)
                or (when == "workers" and len(live_group_members(process.pid)) > 1)
            ):
                break
            time.sleep(0.1)
        if process.poll() is not None:
            return f"ended by itself before {when} {target}", []
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        moment = f"killed after {time.monotonic() - started:5.1f} s, {stored_count(db):5d} stored"
        return moment, wait_until_gone(process.pid, timeout_s=ORPHAN_WAIT_S)
    finally:
        for pid in live_group_members(process.pid):
            os.kill(pid, signal.SIGKILL)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    count = parser.parse_args().articles
    env = dict(os.environ, PYTHONPATH=str(Path(kittiwake.__file__).parents[1]))
    problems = []
    with tempfile.TemporaryDirectory(prefix="kittiwake-kill-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text(
            "".join(json.dumps(article(number)) + "\n" for number in range(count)), encoding="utf-8"
        )
        killed, clean = Path(tmp) / "killed.duckdb", Path(tmp) / "clean.duckdb"
        command = ingest_command(corpus, killed, workers=2)
        started = time.monotonic()
        kills = 0
        for when, amount in SCHEDULE:
            moment, left = kill_at(command, killed, env, when=when, amount=amount, articles=count)
            # a run's row is written before its workers start: these kills left one open
            kills += moment.startswith("killed") and when in ("workers", "stored")
            print(f"{when} {amount:>4}: {moment}; processes left: {len(left)}", flush=True)
            if left:
                problems.append(
                    f"{len(left)} processes outlived the ingest killed at {when} {amount}"
                )
        finish = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if finish.returncode != 0:
            problems.append(f"the last run failed: {finish.stderr.strip()[-300:]}")
        print(f"finished after the kills in {time.monotonic() - started:.0f} s in all", flush=True)
        # D19: every killed run is marked aborted by the next one (a kill during start-up may
        # come before the run's row is written)
        statuses = run_statuses(killed)
        print(f"runs: {statuses.count('aborted')} aborted, {statuses.count('finished')} finished")
        aborted = statuses[:-1]
        if statuses[-1:] != ["finished"] or set(aborted) - {"aborted"} or len(aborted) < kills:
            problems.append(
                f"runs after {kills} kills of started runs, then one to the end: {statuses}"
            )
        started = time.monotonic()
        subprocess.run(
            ingest_command(corpus, clean, workers=2), env=env, capture_output=True, check=True
        )
        print(f"clean run: {time.monotonic() - started:.0f} s", flush=True)
        after_kills, single_run = contents(killed), contents(clean)
        for table, rows in single_run.items():
            same = after_kills[table] == rows
            print(
                f"{table:<10} clean {len(rows):6d} rows, after {len(SCHEDULE)} kills "
                f"{len(after_kills[table]):6d}: {'identical' if same else 'DIFFERENT'}"
            )
            if not same:
                problems.append(f"{table} differs from a clean run's")
    print("ok" if not problems else "FAILED: " + "; ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
