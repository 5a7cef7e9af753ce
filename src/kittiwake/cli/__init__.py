"""The `kittiwake` command: thin click commands over library functions.

Each module below attaches its commands to the groups in `groups.py` when imported.
"""

from __future__ import annotations

from kittiwake.cli import (  # noqa: F401
    actors,
    clusters,
    code,
    dictionary,
    evaluate,
    explain,
    geo,
    ingest,
    serve,
    store,
    watch,
)
from kittiwake.cli.groups import main

__all__ = ["main"]
