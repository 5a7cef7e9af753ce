"""Recipients from places: an act with no named recipient is done *to* the place it hit.

"Demonstrators blocked roads in Algiers", "the army imposed a curfew in Cizre", "tanks
shelled targets in Jericho": PLOVER codes the country of the place as the target of such
protests, coercion, assaults and deployments. The stage runs after places are resolved; the
target it adds says so in its reason, and acts that are talk (statements, appeals, accusations)
never get one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kittiwake.actors.resolve import INTERNATIONAL_SECTORS
from kittiwake.records import Actor, Event, Mention

PLACE_RECIPIENT_TYPES = frozenset({"PROTEST", "COERCE", "ASSAULT", "MOBILIZE"})
# Visits are made to the place visited ("arrived in Amman on a visit").
PLACE_RECIPIENT_CODES = frozenset({"042"})


def place_as_target(events: Sequence[Event]) -> list[Event]:
    return [with_place_target(with_place_country(e)) for e in events]


def with_place_country(event: Event) -> Event:
    """ "13 people were killed in Gaza": civilians, police or protesters named without a
    country belong to the country of the place the event happened in."""
    place = event.place
    if place is None or not place.country:
        return event
    updates = {}
    for side in ("source", "target"):
        mention = getattr(event, side)
        if mention is None or mention.actor.country or not mention.actor.sector:
            continue
        if (
            mention.actor.code != mention.actor.sector
            or mention.actor.sector in INTERNATIONAL_SECTORS
        ):
            continue
        actor = replace(
            mention.actor,
            code=place.country + mention.actor.sector,
            country=place.country,
            reason=f"{mention.actor.reason}; country {place.country} from the event's place ({place.name})",
        )
        updates[side] = replace(mention, actor=actor)
    return replace(event, **updates) if updates else event


def with_place_target(event: Event) -> Event:
    place = event.place
    if (
        event.target is not None
        or (
            event.plover_type not in PLACE_RECIPIENT_TYPES
            and event.cameo not in PLACE_RECIPIENT_CODES
        )
        or place is None
        or not place.country
        or place.start is None
        or place.end is None
    ):
        return event
    actor = Actor(
        code=place.country,
        country=place.country,
        name=place.name,
        reason=f"no named recipient: the country of the place it happened ({place.name})",
        kind="place",
    )
    target = Mention(
        doc_id=event.doc_id,
        sentence=event.sentence,
        start=place.start,
        end=place.end,
        text=place.text or place.name,
        actor=actor,
        head=-1,
        token_start=-1,
        token_end=-1,
    )
    return replace(event, target=target)
