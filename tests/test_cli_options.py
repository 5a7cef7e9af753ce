"""Options and helpers shared by the CLI's commands (`kittiwake.cli.options`)."""

from __future__ import annotations

import subprocess
import sys

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
