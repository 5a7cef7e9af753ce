"""Hand-built events for tests that score or rewrite events without parsing text."""

from __future__ import annotations

import datetime as dt

from kittiwake.events.codebook import load_codebook
from kittiwake.records import Event, EventDate, Mention, Place, Span


def coded_event(
    cameo: str,
    source: Mention | None,
    target: Mention | None,
    *,
    trigger: Span | None = None,
    text: str = "",
    date: dt.date | None = None,
    place: Place | None = None,
) -> Event:
    """An event with the codebook's Goldstein score, quad class and PLOVER type for `cameo`."""
    code = load_codebook()[cameo]
    trigger = trigger or Span(0, 1, "x")
    return Event(
        event_id=f"{cameo}-{trigger.start}",
        mention_id=f"{cameo}-{trigger.start}",
        doc_id="doc",
        sentence=0,
        text=text,
        source=source,
        target=target,
        trigger=trigger,
        cameo=code.code,
        cameo_root=code.root,
        goldstein=code.goldstein,
        quad_class=code.quad_class,
        plover_type=code.plover_type,
        plover_mode=code.plover_mode,
        date=EventDate(date) if date else None,
        place=place,
    )
