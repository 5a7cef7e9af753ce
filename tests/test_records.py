"""What an event says about its actors: dyadic, complete (who did what to whom)."""

from __future__ import annotations

import pytest

from event_factories import coded_event
from kittiwake.records import Actor, Mention


def actor(code: str) -> Mention:
    return Mention(
        "doc", 0, 0, 1, code or "x", Actor(code=code), head=0, token_start=0, token_end=1
    )


@pytest.mark.parametrize(
    ("cameo", "source", "target", "dyadic", "complete"),
    [
        ("111", "FRA", "RUS", True, True),  # France condemned Russia
        ("111", "FRA", None, False, True),  # France condemned the raids, raiders unnamed
        ("112", None, "KENGOV", False, True),  # the minister was charged, by a prosecutor
        ("111", None, None, False, False),
        ("071", "FRA", "", False, False),  # an uncoded target is no target
        ("141", "EGYCVL", None, False, True),  # a protest needs no target
        ("013", "USAGOV", None, False, True),  # a statement
        ("154", "RUSMIL", None, False, True),  # a show of force
        ("020", "IGOUNO", None, False, True),  # an appeal for calm, to no one in particular
        ("036", "KENGOV", None, False, True),  # a pledge to meet, no one named
        ("042", "KENGOV", None, False, False),  # a visit to no one
        ("190", None, "SOMCVL", False, True),  # an attack by an unnamed attacker
        ("173", None, "IRNMED", False, True),  # arrested, by whom the story does not say
        ("0841", None, "EGYMED", False, True),  # released from custody, by its holder
        ("091", None, "PERELI", False, True),  # under investigation, investigator unnamed
        ("090", "CHLCOP", None, False, False),  # police investigating, no one named
        ("0874", None, "GEO", False, False),  # a withdrawal by nobody
        ("042", None, "KEN", False, False),  # a visit by nobody
        ("190", None, None, False, False),
    ],
)
def test_complete_and_dyadic(
    cameo: str, source: str | None, target: str | None, dyadic: bool, complete: bool
) -> None:
    event = coded_event(
        cameo,
        actor(source) if source is not None else None,
        actor(target) if target is not None else None,
    )
    assert (event.dyadic, event.is_complete) == (dyadic, complete)
