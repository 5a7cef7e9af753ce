"""Places as recipients: an act with no named target is done to the country it happened in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from event_factories import coded_event
from kittiwake.events.codebook import load_codebook
from kittiwake.events.recipients import place_as_target
from kittiwake.lang import PlaceRecipients, load_words
from kittiwake.records import Actor, Event, Mention, Place, Span

TEXT = "Soldiers shelled targets in Jericho on Monday."
JERICHO = Place(
    name="Jericho",
    country="PSE",
    lat=31.87,
    lon=35.44,
    feature="PPL",
    text="Jericho",
    start=28,
    end=35,
)


def mention(text: str, code: str, start: int) -> Mention:
    actor = Actor(code=code, country=code[:3], sector=code[3:] or None, kind="country")
    return Mention(
        "doc", 0, start, start + len(text), text, actor, head=0, token_start=0, token_end=1
    )


SOLDIERS = mention("Soldiers", "ISRMIL", 0)


def event_for(cameo: str, *, target: Mention | None = None, place: Place | None = JERICHO) -> Event:
    return coded_event(
        cameo, SOLDIERS, target, trigger=Span(9, 16, "shelled"), text=TEXT, place=place
    )


RECIPIENTS = load_words(PlaceRecipients)
PLACE_RECIPIENT_TYPES, PLACE_RECIPIENT_CODES = RECIPIENTS.plover_types, RECIPIENTS.cameo_codes
VIOLENT_TYPES = RECIPIENTS.violent_types
RECIPIENT_CODES = sorted(
    {c.code for c in load_codebook() if c.plover_type in PLACE_RECIPIENT_TYPES}
    | PLACE_RECIPIENT_CODES
)
OTHER_CODES = sorted({c.code for c in load_codebook()} - set(RECIPIENT_CODES))


def test_the_tables_name_real_types_and_codes() -> None:
    codebook = load_codebook()
    assert set(codebook.plover_types()) >= PLACE_RECIPIENT_TYPES
    assert all(code in codebook for code in PLACE_RECIPIENT_CODES)


@pytest.mark.parametrize("cameo", RECIPIENT_CODES)
def test_listed_acts_without_target_get_the_places_country(cameo: str) -> None:
    event = event_for(cameo)
    (coded,) = place_as_target([event])
    assert coded.target is not None
    # violence against a town hits its people; any other act is done to the country
    violent = event.plover_type in VIOLENT_TYPES
    assert coded.target.actor.code == ("PSECVL" if violent else "PSE")
    assert coded.target.actor.country == "PSE"
    assert coded.target.actor.kind == "place"
    assert "Jericho" in coded.target.actor.reason
    assert (coded.target.start, coded.target.end, coded.target.text) == (28, 35, "Jericho")
    assert TEXT[coded.target.start : coded.target.end] == coded.target.text
    assert replace(coded, target=None) == event  # nothing else changes


@pytest.mark.parametrize("cameo", OTHER_CODES)
def test_other_acts_are_unchanged(cameo: str) -> None:
    event = event_for(cameo)
    assert place_as_target([event]) == [event]


@pytest.mark.parametrize(
    ("cameo", "target", "place"),
    [
        ("190", mention("Hamas", "PSEREB", 20), JERICHO),  # a named target is kept
        ("190", None, None),  # no place
        ("190", None, replace(JERICHO, country=None)),  # a place of unknown country
        ("190", None, replace(JERICHO, country="")),
        ("190", None, replace(JERICHO, start=None, end=None)),  # a place not named in the text
        ("042", mention("Abbas", "PSEGOV", 20), JERICHO),
    ],
    ids=[
        "named-target",
        "no-place",
        "no-country",
        "empty-country",
        "no-span",
        "visit-with-target",
    ],
)
def test_events_that_cannot_or_need_not_get_a_place_target(
    cameo: str, target: Mention | None, place: Place | None
) -> None:
    event = event_for(cameo, target=target, place=place)
    assert place_as_target([event]) == [event]


@pytest.mark.parametrize("cameo", ["090", "091"])
def test_an_investigation_in_a_town_by_no_one_named_is_not_of_the_town(cameo: str) -> None:
    event = replace(event_for(cameo), source=None)
    assert place_as_target([event]) == [event]


def test_order_and_count_are_kept() -> None:
    events = [event_for("190"), event_for("010"), event_for("042"), event_for("145", place=None)]
    coded = place_as_target(events)
    assert [e.event_id for e in coded] == [e.event_id for e in events]
    assert [e.target is not None for e in coded] == [True, False, True, False]
    assert place_as_target([]) == []


def event_in(
    text: str, place_text: str, *, cameo: str = "190", source: Mention = SOLDIERS
) -> Event:
    """An event of `text`, a sentence starting at offset 100 of its article, at `place_text`."""
    start = 100 + text.index(place_text)
    place = replace(JERICHO, text=place_text, start=start, end=start + len(place_text))
    return replace(event_for(cameo, place=place), text=text, sentence_start=100, source=source)


@pytest.mark.parametrize(
    ("text", "place_text"),
    [
        ("Soldiers shelled targets in Jericho.", "Jericho"),
        ("Soldiers shelled targets in the north of Jericho.", "Jericho"),
        ("Soldiers shelled targets in central Jericho.", "Jericho"),
        ("Soldiers shelled roads leading into the town of Jericho.", "Jericho"),
        ("Soldiers shelled targets in the capital Jericho.", "Jericho"),
    ],
)
def test_a_place_after_a_preposition_is_the_recipient(text: str, place_text: str) -> None:
    (coded,) = place_as_target([event_in(text, place_text)])
    assert coded.target is not None and coded.target.text == place_text


@pytest.mark.parametrize(
    ("text", "place_text"),
    [
        ("Soldiers fought in the Jericho-led offensive.", "Jericho"),  # a modifier
        ("Soldiers shelled a market in Jericho's centre.", "Jericho"),  # a possessor
        ("Soldiers shelled offices of the Jericho Council.", "Jericho"),  # part of a name
        ("Jericho soldiers shelled the market.", "Jericho"),  # no preposition
        ("Soldiers shelled boats in the Gulf of Jericho.", "Gulf of Jericho"),  # a sea
        ("Soldiers shelled boats out in the Jericho Sea.", "Jericho Sea"),  # a sea
        ("Soldiers backed the mayor on the Jericho issue.", "Jericho"),  # a topic
        ("Soldiers demanded a say in the Jericho dispute.", "Jericho"),  # a topic
    ],
    ids=[
        "modifier",
        "possessor",
        "part-of-name",
        "no-preposition",
        "gulf-of",
        "named-sea",
        "topic-issue",
        "topic-dispute",
    ],
)
def test_a_place_used_as_a_modifier_or_name_is_no_recipient(text: str, place_text: str) -> None:
    event = event_in(text, place_text)
    assert place_as_target([event]) == [event]


def test_meetings_and_statements_take_no_place_recipient() -> None:
    for cameo in ("040", "010"):  # talks held in a place are not held with it
        event = event_in("Ministers met in Jericho.", "Jericho", cameo=cameo)
        assert place_as_target([event]) == [event]


def unresolved_subject(text: str) -> Mention:
    actor = Actor(code="", name=text, reason="subject in no dictionary", kind="unresolved")
    return Mention("doc", 0, 100, 100 + len(text), text, actor, head=0, token_start=0, token_end=1)


@pytest.mark.parametrize(
    ("cameo", "coded_to_place"), [("190", True), ("173", True), ("040", False)]
)
def test_an_unnamed_attacker_takes_the_country_of_the_place(
    cameo: str, coded_to_place: bool
) -> None:
    bomb = unresolved_subject("A roadside bomb")
    event = event_in(
        "A roadside bomb killed two men in Jericho.", "Jericho", cameo=cameo, source=bomb
    )
    (coded,) = place_as_target([event])
    assert coded.source is not None
    assert coded.source.text == "A roadside bomb"
    assert (coded.source.actor.code == "PSE") is coded_to_place
    assert ("unknown attacker" in coded.source.actor.reason) is coded_to_place


def test_a_person_in_no_dictionary_is_not_an_unknown_attacker() -> None:
    person = replace(unresolved_subject("Mr Smith"), actor=Actor(code="", kind="unknown person"))
    event = event_in("Mr Smith attacked a man in Jericho.", "Jericho", source=person)
    (coded,) = place_as_target([event])
    assert coded.source == person


@pytest.mark.parametrize(
    ("feature", "code"),
    [("PPL", "PSECVL"), ("PPLA", "PSECVL"), ("ADM1", "PSECVL"), ("PCLI", "PSE"), (None, "PSE")],
)
def test_violence_against_a_town_or_region_targets_its_people(
    feature: str | None, code: str
) -> None:
    event = event_for("190", place=replace(JERICHO, feature=feature))
    (coded,) = place_as_target([event])
    assert coded.target is not None
    assert coded.target.actor.code == code


def town(text: str, country: str, start: int) -> Mention:
    actor = Actor(code=country, country=country, kind="town", reason="place: capital")
    return Mention(
        "doc", 0, start, start + len(text), text, actor, head=0, token_start=0, token_end=1
    )


@pytest.mark.parametrize(
    ("cameo", "code"),
    [("190", "PSECVL"), ("195", "PSECVL"), ("1721", "PSECVL"), ("042", "PSE"), ("030", "PSE")],
)
def test_a_town_named_as_target_is_its_people_only_when_struck(cameo: str, code: str) -> None:
    event = event_for(cameo, target=town("Jericho", "PSE", 28), place=None)
    (coded,) = place_as_target([event])
    assert coded.target is not None
    assert coded.target.actor.code == code
    assert coded.target.actor.kind == "town"


KENYA = Place(name="Kenya", country="KEN", lat=0.5, lon=37.9, feature="SCENE")
BRITAIN = mention("Britain", "GBRGOV", 0)
UN = Mention(
    "doc", 0, 0, 2, "UN", Actor(code="IGOUNO", country=None, sector="IGO", kind="organisation"),
    head=0, token_start=0, token_end=1,
)  # fmt: skip
KENYANS = mention("Kenyan police", "KENCOP", 0)


@pytest.mark.parametrize(
    ("cameo", "source", "target"),
    [
        ("020", BRITAIN, "KENGOV"),  # "Britain called for free elections": to the government
        ("111", UN, "KENGOV"),  # an international body is an outsider everywhere
        ("070", BRITAIN, "KEN"),  # an act done, to the country
        ("042", BRITAIN, "KENGOV"),  # a visit is made to someone
        ("190", BRITAIN, None),  # an attack needs a target the text names
        ("010", BRITAIN, None),  # a statement may be made to no one
        ("141", BRITAIN, None),  # so may a protest
        ("020", KENYANS, None),  # the country's own people do not act on their own country
    ],
    ids=["appeal", "igo-criticism", "aid", "visit", "attack", "statement", "protest", "insider"],
)
def test_an_outsiders_act_with_no_target_is_done_to_the_scene_country(
    cameo: str, source: Mention, target: str | None
) -> None:
    event = coded_event(cameo, source, None, trigger=Span(9, 16, "x"), text=TEXT)
    (placed,) = place_as_target([event], scene=KENYA)
    assert (placed.target.actor.code if placed.target else None) == target
    if placed.target is not None:
        assert "scene country" in placed.target.actor.reason
        assert placed.target.start == -1  # named nowhere: no span to mark as evidence


def test_without_a_scene_country_nothing_is_added() -> None:
    event = coded_event("020", BRITAIN, None, trigger=Span(9, 16, "x"), text=TEXT)
    assert place_as_target([event]) == [event]


@pytest.mark.parametrize(
    ("doer", "cameo", "code"),
    [
        ("the men", "181", "KENUAF"),  # unnamed people doing violence are armed
        ("people", "190", "KENUAF"),
        ("people", "141", "KENCVL"),  # protesting is no violence: still civilians
        ("villagers", "190", "KENCVL"),  # a people noun with a kind of its own stays
    ],
)
def test_unnamed_people_doing_violence_are_armed_and_unidentified(
    doer: str, cameo: str, code: str
) -> None:
    source = mention(doer, "KENCVL", 0)
    event = coded_event(cameo, source, mention("aid workers", "NGO", 20), text=TEXT)
    (coded,) = place_as_target([event])
    assert coded.source is not None and coded.source.actor.code == code


def test_ground_taken_with_no_holder_named_is_taken_from_its_country() -> None:
    scene = Place(name="Comoros", country="COM", lat=-12.2, lon=44.3, feature="SCENE")
    (coded,) = place_as_target([event_for("192", place=scene)])  # "captured most of the island"
    assert coded.target is not None
    assert (coded.target.actor.code, coded.target.start, coded.target.text) == ("COM", -1, "Comoros")
    # any other act needs the place named in the sentence
    assert place_as_target([event_for("190", place=scene)])[0].target is None
