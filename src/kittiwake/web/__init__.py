"""The web dashboard and JSON API over a kittiwake store (`kittiwake serve`)."""

from __future__ import annotations

from kittiwake.web.app import create_app

__all__ = ["create_app"]
