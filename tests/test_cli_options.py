"""Options and helpers shared by the CLI's commands (`kittiwake.cli.options`)."""

from __future__ import annotations

import gc
import subprocess
import sys

from kittiwake.cli.options import kept_for_good

# A process that asks twice, then writes more than a pipe's buffer without flushing; the
# handler it registered first runs last, after the command's, and reports what it sees.
ENDING = """
import atexit, gc, sys
atexit.register(lambda: sys.stderr.write(f"frozen at exit: {gc.get_freeze_count() > 0}"))
from kittiwake.cli.options import no_collection_at_exit
no_collection_at_exit()
no_collection_at_exit()
sys.stdout.write("x" * 200_000)
"""


def test_no_collection_at_exit_freezes_the_heap_at_exit_and_output_is_still_written() -> None:
    ended = subprocess.run(
        [sys.executable, "-c", ENDING], capture_output=True, text=True, check=True, timeout=60
    )
    assert ended.stdout == "x" * 200_000
    assert ended.stderr == "frozen at exit: True"


def test_what_is_built_for_good_is_frozen_and_no_collection_runs_meanwhile() -> None:
    thresholds = gc.get_threshold()
    try:
        with kept_for_good():
            inside = gc.get_threshold()[0]
            gc.enable()  # as spaCy's msgpack reader does: it must not start collections
            built = [[index] for index in range(1_000)]
        assert inside == 0
        assert gc.get_freeze_count() >= len(built)
        assert gc.get_threshold() == thresholds
    finally:
        gc.unfreeze()
