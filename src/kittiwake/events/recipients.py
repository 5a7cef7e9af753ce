"""Recipients from places: an act with no named recipient is done *to* the place it hit.

"Demonstrators blocked roads in Algiers", "the army imposed a curfew in Cizre", "Israel
threatened to ban voting in East Jerusalem", "Serbia eased emergency measures in Montenegro":
PLOVER codes the country of the place as the target of any act done there. Plain statements
(CAMEO 01) and meetings (a meeting is held *in* a place, with someone) never get one; visits
are made to the place visited. The stage runs after places are resolved, and only places that
follow a preposition count ("in Gaza", "to Afghanistan"): a place used as a modifier ("the
US-led war", "Greece's biggest trial") or as part of a name ("US President") is no recipient.
The target it adds says so in its reason. Which acts take one is the codebook's
`data/place_recipients.yaml`; the words before a place, `data/lang/en/places.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kittiwake.actors.resolve import FOREIGN_KIND, INTERNATIONAL_SECTORS
from kittiwake.events.code import VISIT_CODES
from kittiwake.lang import ActorWords, PlaceRecipients, PlaceWords, load_words
from kittiwake.records import (
    MATERIAL_CONFLICT,
    VERBAL_QUAD_CLASSES,
    Actor,
    Event,
    Mention,
    Place,
)


def place_as_target(events: Sequence[Event], *, scene: Place | None = None) -> list[Event]:
    placed = [
        with_taken_ground(with_place_target(with_struck_town(with_place_country(with_armed_doer(e)))))
        for e in events
    ]
    return [with_scene_target(e, scene) for e in placed] if scene is not None else placed


# Acts an outsider does to the country a story is about, when it names no one ("Britain
# called for free and fair elections", "the UN condemned the use of cluster bombs"): all
# but statements, meetings, protests and shows of force (CAMEO 01, 04, 14, 15), which may
# be done to no one, and acts of material conflict; visits (042) are made to someone.
UNDIRECTED_ROOTS = frozenset({"01", "04", "14", "15"})


def with_scene_target(event: Event, scene: Place) -> Event:
    """An outsider's act with no target, in a story set in one country, is done to that
    country: the source is of another country, or an international body."""
    source = event.source
    if event.target is not None or source is None or not source.actor.code:
        return event
    if event.cameo_root in UNDIRECTED_ROOTS and event.cameo not in VISIT_CODES:
        return event
    if event.quad_class == MATERIAL_CONFLICT:  # an attack needs a target the text names
        return event
    outsider = (
        source.actor.country not in (None, scene.country)
        or source.actor.sector in INTERNATIONAL_SECTORS
    )
    if not outsider or not scene.country:
        return event
    # what is said to a country is said to its government; an act done, to the country
    sector = "GOV" if event.quad_class in VERBAL_QUAD_CLASSES else None
    actor = Actor(
        code=scene.country + (sector or ""),
        country=scene.country,
        sector=sector,
        name=scene.name,
        reason=f"no named recipient: the story's scene country ({scene.name})",
        kind="sector" if sector else "place",
    )
    # named nowhere in the sentence
    return replace(event, target=recipient(event, actor, start=-1, end=-1, text=scene.name))


def with_struck_town(event: Event) -> Event:
    """ "Rebels shelled Kuito": violence against a town named as its target is done to
    the town's people (CVL), as CAMEO coders code it; any other act keeps its country."""
    target = event.target
    if target is None or target.actor.kind != "town" or target.actor.sector:
        return event
    violent = load_words(PlaceRecipients).violent_types
    if event.plover_type not in violent or not target.actor.country:
        return event
    actor = replace(
        target.actor,
        code=target.actor.country + "CVL",
        sector="CVL",
        reason=f"{target.actor.reason}; a town struck -> CVL",
    )
    return replace(event, target=replace(target, actor=actor))


def with_place_country(event: Event) -> Event:
    """ "13 people were killed in Gaza": civilians, police or protesters named without a
    country belong to the country of the place the event happened in."""
    place = event.place
    if place is None or not place.country:
        return event
    updates: dict[str, Mention] = {}
    if event.source is not None and is_unknown_attacker(event.source, event):
        updates["source"] = attacker_from_place(event.source, place)
    for side in ("source", "target"):
        mention = getattr(event, side)
        if side in updates:
            continue
        if mention is None or mention.actor.country or not mention.actor.sector:
            continue
        if mention.actor.kind == FOREIGN_KIND:  # "foreign journalists were expelled"
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
    if not updates:
        return event
    return replace(
        event,
        source=updates.get("source", event.source),
        target=updates.get("target", event.target),
    )


def with_armed_doer(event: Event) -> Event:
    """ "the men who seized two engineers": people the story cannot name who do
    violence are armed and unidentified (UAF), as CAMEO codes gunmen, not civilians."""
    source = event.source
    if (
        source is None
        or source.actor.sector != "CVL"
        or event.plover_type not in load_words(PlaceRecipients).violent_types
        or source.text.split()[-1].lower() not in load_words(ActorWords).unnamed_people
    ):
        return event
    country = source.actor.country or ""
    actor = replace(
        source.actor,
        code=country + "UAF",
        sector="UAF",
        reason=f"{source.actor.reason}; unnamed people doing violence -> UAF",
    )
    return replace(event, source=replace(source, actor=actor))


def is_unknown_attacker(mention: Mention, event: Event) -> bool:
    """ "A roadside bomb near Samarra killed a soldier": violence whose doer is a thing in no
    dictionary (the coder's "unresolved" subject) is coded to the country where it happened."""
    return (
        not mention.actor.code
        and mention.actor.kind == "unresolved"
        and event.plover_type in load_words(PlaceRecipients).violent_types
    )


def attacker_from_place(mention: Mention, place: Place) -> Mention:
    actor = replace(
        mention.actor,
        code=place.country or "",
        country=place.country,
        reason=f"unknown attacker: the country of the place it struck ({place.name})",
    )
    return replace(mention, actor=actor)


def with_place_target(event: Event) -> Event:
    place, recipients = event.place, load_words(PlaceRecipients)
    if (
        event.target is not None
        or (
            event.plover_type not in recipients.plover_types
            and event.cameo not in recipients.cameo_codes
        )
        or (event.cameo_root in recipients.placeless_roots and not has_coded(event.source))
        or place is None
        or not place.country
        or place.start is None
        or place.end is None
        or not follows_preposition(event, place.start, place.end)
        or is_visit_home(event, place)
        or is_sea(place)
    ):
        return event
    reason = f"no named recipient: the country of the place it happened ({place.name})"
    sector = None
    if event.plover_type in recipients.violent_types and is_local_place(place):
        sector = "CVL"  # "shells fell on Jericho": violence against a town hits its people
        reason += "; a town or region struck -> CVL"
    actor = Actor(
        code=place.country + (sector or ""),
        country=place.country,
        sector=sector,
        name=place.name,
        reason=reason,
        kind="place",
    )
    text = place.text or place.name
    return replace(event, target=recipient(event, actor, start=place.start, end=place.end, text=text))


def is_sea(place: Place) -> bool:
    """ "A raid in the Gulf of Guinea", "ships seized in the Indian Ocean": a sea is no one's
    ground, and its people are none; the act is done to whom the text names, if anyone."""
    features = load_words(ActorWords).water_features
    name = place.text or place.name
    return any(word.lower() in features for word in name.split() if word[:1].isupper())


def has_coded(mention: Mention | None) -> bool:
    return mention is not None and bool(mention.actor.code)


def with_taken_ground(event: Event) -> Event:
    """ "Government troops captured most of the island", "took control of the area": ground
    taken with no holder named is taken from the country it lies in, where the act happened
    (named there, or the story's scene)."""
    place = event.place
    if (
        event.target is not None
        or event.cameo not in load_words(PlaceRecipients).ground_codes
        or place is None
        or not place.country
    ):
        return event
    actor = Actor(
        code=place.country,
        country=place.country,
        name=place.name,
        reason=f"ground taken, no holder named: the country it lies in ({place.name})",
        kind="place",
    )
    start = place.start if place.start is not None else -1  # -1: the scene, named nowhere
    end = place.end if place.end is not None else -1
    text = place.text or place.name
    return replace(event, target=recipient(event, actor, start=start, end=end, text=text))


def recipient(event: Event, actor: Actor, *, start: int, end: int, text: str) -> Mention:
    """A target found from a place, at `start:end` of the article (-1: named nowhere)."""
    return Mention(
        doc_id=event.doc_id,
        sentence=event.sentence,
        start=start,
        end=end,
        text=text,
        actor=actor,
        head=-1,
        token_start=-1,
        token_end=-1,
    )


def is_visit_home(event: Event, place: Place) -> bool:
    """ "The Colombian senator arrived in Colombia": a visit to the visitor's own country is
    made to no one (see `events.code.is_home`)."""
    source = event.source.actor.country if event.source is not None else None
    return event.cameo in VISIT_CODES and source is not None and source == place.country


def is_local_place(place: Place) -> bool:
    """A town, district or region, not a whole country or continent."""
    feature = place.feature or ""
    return bool(feature) and not feature.startswith("PCL") and feature != "CONT"


def follows_preposition(event: Event, start: int, end: int) -> bool:
    """ "in the Gaza Strip", "to Afghanistan": the place (article offsets `start:end`) follows
    a preposition, maybe across "the" and a direction, and modifies nothing after it."""
    begin, finish = start - event.sentence_start, end - event.sentence_start
    if not 0 <= begin < finish <= len(event.text):
        return False
    after = event.text[finish : finish + 2]
    if (
        after[:1] in ("-", "'", "\u2019") or after[1:2].isupper()
    ):  # "US-led", "Greece's", "US President"
        return False
    words = load_words(PlaceWords)
    following = event.text[finish:].split()[:1]
    if following and following[0].lower().strip(".,;:") in words.topic_place_nouns:
        return False  # "support on the Taiwan issue": a topic, not the ground of the act
    for word in reversed(event.text[:begin].split()[-3:]):
        word = word.lower()
        if word in words.recipient_prepositions:
            return True
        if word not in words.recipient_qualifiers:
            return False
    return False
