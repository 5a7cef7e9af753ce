"""The DuckDB event store: `Store` for writing, `queries` and `export` for reading."""

from __future__ import annotations

from kittiwake.store.db import Store, StoreError, StoreLockedError

__all__ = ["Store", "StoreError", "StoreLockedError"]
