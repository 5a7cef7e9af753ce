"""`make reliability`: every kind of bad input (bad_inputs.py), ingested and checked.

    python tests/reliability/run.py            # all kinds (a few minutes on 2 cores)
    python tests/reliability/run.py --quick    # the kinds the default test suite runs
    python tests/reliability/run.py --kind 2 GB-expanding   # the kinds named so

Each kind is ingested twice into a new database next to three good articles (in this
process, with one pipeline built once) and checked: no crash, its reason in `rejected` (or
its articles stored), no good article lost, nothing added by the second run, at most
`MAX_SECONDS` and `MAX_GROWTH_MB` more memory. Prints one line per kind, then the counts;
exits 1 when any check failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bad_inputs import kinds
from outcomes import MAX_GROWTH_MB, MAX_SECONDS, Outcome, check_kind, resident_mb

from kittiwake.config import Settings
from kittiwake.pipeline import Pipeline


def line(outcome: Outcome) -> str:
    what = f"rejected: {outcome.reasons[0][:48]}" if outcome.reasons else f"stored {outcome.stored}"
    status = "ok  " if outcome.ok else "FAIL"
    return (
        f"{status} {outcome.kind[:38]:<38} {what:<58} {outcome.seconds:6.1f} s "
        f"{outcome.peak_mb:6.0f} MB (+{outcome.growth_mb:4.0f})"
        + ("" if outcome.ok else "\n     " + "; ".join(outcome.problems))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="Only the quick kinds.")
    parser.add_argument("--kind", nargs="+", default=[], help="Only kinds whose name has this.")
    args = parser.parse_args()
    named = " ".join(args.kind)
    chosen = [kind for kind in kinds() if (kind.quick or not args.quick) and named in kind.name]
    started = time.monotonic()
    pipeline = Pipeline(Settings())
    print(f"{len(chosen)} kinds of bad input; pipeline loaded, {resident_mb():.0f} MB", flush=True)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="kittiwake-reliability-") as tmp:
        for number, kind in enumerate(chosen):
            outcome = check_kind(kind, Path(tmp) / f"{number:02d}", pipeline=pipeline)
            outcomes.append(outcome)
            print(line(outcome), flush=True)
    failed = [outcome for outcome in outcomes if not outcome.ok]
    worst_time = max(outcomes, key=lambda outcome: outcome.seconds)
    worst_memory = max(outcomes, key=lambda outcome: outcome.growth_mb)
    print(
        f"\ninputs tried {len(outcomes)}  crashes {sum(o.crashed is not None for o in outcomes)}  "
        f"lost {sum(o.lost for o in outcomes)}  duplicated {sum(o.duplicated for o in outcomes)}  "
        f"failed checks {len(failed)}\n"
        f"peak memory {max(o.peak_mb for o in outcomes):.0f} MB (most added by one kind: "
        f"{worst_memory.growth_mb:.0f} MB, {worst_memory.kind}; limit +{MAX_GROWTH_MB:.0f})\n"
        f"worst time {worst_time.seconds:.1f} s ({worst_time.kind}, two ingests; "
        f"limit {MAX_SECONDS:.0f} s); all {time.monotonic() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
