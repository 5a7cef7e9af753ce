"""The one base class of errors a user can fix.

A `KittiwakeError` means the input or the environment is wrong, not the code: a bad pattern
or dictionary file, a spaCy model that is not installed, a database another process holds.
Its message is complete on its own (it names the file, line or setting to fix), so the CLI
prints it as one line and exits with 2; any other exception is a bug and keeps its traceback.
"""

from __future__ import annotations


class KittiwakeError(Exception):
    """An error the user can fix; `str(error)` says what to change."""
