"""The `kittiwake` command: thin click commands over library functions.

Each command module attaches its commands to the groups in `groups.py`; the groups import a
module only when one of its commands is used, so `kittiwake --help` stays fast.
"""

from __future__ import annotations

from kittiwake.cli.groups import main

__all__ = ["main"]
