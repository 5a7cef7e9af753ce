"""kittiwake: who did what to whom, when and where, from English news."""

from __future__ import annotations

__version__ = "0.1.0"
