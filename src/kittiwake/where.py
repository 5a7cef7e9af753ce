"""Where: the place each event happened at.

An event's place is, in order of preference:

1. a place in the trigger's own phrase: reached from the place up the dependency tree to
   the trigger through a locative preposition ("killed 16 civilians at a market in Idlib
   province": Idlib -> in -> market -> at -> killed), the nearest such place first;
2. otherwise a place elsewhere in the event's sentence that follows a locative preposition
   ("In the West Bank city of Nablus, a man was shot"), the one closest to the trigger,
   unless it belongs to a clause that governs the trigger's ("Officials in Ankara said
   soldiers captured the town");
3. otherwise none: a place that only names an actor ("Moscow accused ...") or the event's
   source or target is never used, and no place is guessed from other sentences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from kittiwake.actors.resolve import PLACE_KINDS
from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.geo.toponyms import find_places
from kittiwake.records import Event, Mention, Place, Span

LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "on", "outside", "inside", "across", "around", "throughout", "through",
     "into", "within", "along", "off", "over", "from", "to", "towards", "toward", "between"}
)  # fmt: skip
# Dependencies that open a clause of its own below the verb that heads it.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "csubj", "pcomp"})
# Prepositions that put a place in a trigger's phrase but, outside it, rarely mark where.
_WEAK_PREPOSITIONS = frozenset({"from", "to", "towards", "toward", "into", "over", "between"})


class PlaceFinder:
    """Pipeline stage: the resolved place mentions of a parsed document.

    The countries of the document's actor mentions are context for resolution ("Georgia"
    next to Georgian officials is the country). Places named as acting subjects ("Moscow
    accused ...") are left out; see `kittiwake.geo.toponyms`.
    """

    def __init__(
        self, *, gazetteer: Gazetteer | None = None, country_words: Mapping[str, str] | None = None
    ) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
        # country adjectives ("English": GBR) for "the English city of Salisbury"
        self.country_words = dict(country_words or {})

    def __call__(self, doc: Doc, mentions: Sequence[Mention] = ()) -> list[Place]:
        countries = sorted(
            {m.actor.country for m in mentions if m.actor.country and len(m.actor.country) == 3}
        )
        return find_places(
            doc,
            gazetteer=self.gazetteer,
            context_countries=countries,
            country_words=self.country_words,
        )


class PlaceResolver:
    """Pipeline stage: set `Event.place` from the places found in the document.

    With a gazetteer, places are looked up in the document when none are passed.
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer

    def __call__(self, events: Sequence[Event], doc: Doc, places: Sequence[Place]) -> list[Event]:
        if not places and self.gazetteer is not None:
            places = find_places(doc, gazetteer=self.gazetteer)
        sentences = list(doc.sents)
        located = []
        for event in events:
            if not 0 <= event.sentence < len(sentences):
                located.append(event)
                continue
            sentence = sentences[event.sentence]
            # a place may be where it happened ("arrived in Brazil", "occupied Gori"), but an
            # actor named by its place ("Moscow accused ...") is no location
            excluded = [
                m
                for m in (event.source, event.target)
                if m is not None and not (m is event.target and m.actor.kind in PLACE_KINDS)
            ]
            candidates = [
                place
                for place in places
                if _inside(place, sentence.start_char, sentence.end_char)
                and not any(_overlaps(place, m.start, m.end) for m in excluded)
            ]
            place = event_place(doc, trigger=event.trigger, places=candidates)
            located.append(replace(event, place=place) if place is not None else event)
        return located


def event_place(doc: Doc, *, trigger: Span, places: Sequence[Place]) -> Place | None:
    """The place among `places` (all in the trigger's sentence) where the event happened."""
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if trigger_span is None or not places:
        return None
    head = trigger_span.root
    attached: list[tuple[int, Place]] = []
    loose: list[tuple[int, Place]] = []
    for place in places:
        span = doc.char_span(place.start or 0, place.end or 0, alignment_mode="expand")
        if span is None:
            continue
        steps = _steps_to(span.root, head)
        if steps is not None:
            attached.append((steps, place))
        elif _after_preposition(span.root) and not _in_governing_clause(span.root, head):
            loose.append((abs(span.root.i - head.i), place))
    for ranked in (attached, loose):
        if ranked:
            return min(ranked, key=_rank)[1]
    return None


def _rank(item: tuple[int, Place]) -> int:
    return item[0]


def _steps_to(token: Token, trigger: Token) -> int | None:
    """Steps from a place up to the trigger through a locative preposition, or None."""
    steps, through_preposition = 0, False
    current = token
    while current.i != trigger.i:
        if current.dep_ == "prep" and current.lower_ in LOCATIVE_PREPOSITIONS:
            through_preposition = True
        if current.head.i == current.i or current.dep_ in ("ccomp", "conj", "advcl", "relcl"):
            return None  # reached the root or left the trigger's clause
        current = current.head
        steps += 1
    return steps if through_preposition else None


def _in_governing_clause(token: Token, trigger: Token) -> bool:
    """True for a place in a clause that governs the trigger's ("Officials in Ankara said
    soldiers captured the town": Ankara is where the saying happened), but not for one in
    the clause that holds a nominal trigger ("She is in China for talks")."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == trigger.i or verb not in trigger.ancestors:
        return False
    current = trigger
    while current.i != verb.i:
        if current.dep_ in _CLAUSE_DEPS:
            return True
        current = current.head
    return False


def _after_preposition(token: Token) -> bool:
    """True for a place in a locative prepositional phrase ("in Nablus", "in the city of X")."""
    current = token
    for _ in range(4):
        if current.dep_ == "prep":
            return current.lower_ in LOCATIVE_PREPOSITIONS - _WEAK_PREPOSITIONS
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _inside(place: Place, start: int, end: int) -> bool:
    return place.start is not None and place.end is not None and start <= place.start < end


def _overlaps(place: Place, start: int, end: int) -> bool:
    return (
        place.start is not None
        and place.end is not None
        and place.start < end
        and start < place.end
    )
