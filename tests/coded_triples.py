"""Helpers for case tables that check what a sentence codes: every reportable event, and
each as (PLOVER type, source country, target country)."""

from __future__ import annotations

from kittiwake.pipeline import Pipeline, code_text, is_reportable
from kittiwake.records import Event, Mention

Triple = tuple[str | None, str | None, str | None]


def reportable_events(pipeline: Pipeline, text: str, *, date: str) -> list[Event]:
    """Every reportable event, complete or not (default output keeps the complete ones)."""
    events = code_text(text, date=date, pipeline=pipeline, include_all=True)
    return [e for e in events if is_reportable(e)]


def country(mention: Mention | None) -> str | None:
    if mention is None:
        return None
    return mention.actor.country or (mention.actor.code[:3] or None)


def triples(events: list[Event]) -> set[Triple]:
    return {(e.plover_type, country(e.source), country(e.target)) for e in events}
