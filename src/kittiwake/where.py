"""Where: the place each event happened at.

An event's place is, in order of preference:

1. a place in the trigger's own phrase: reached from the place up the dependency tree to
   the trigger through a locative preposition ("killed 16 civilians at a market in Idlib
   province": Idlib -> in -> market -> at -> killed), the nearest such place first;
2. otherwise a place elsewhere in the event's sentence that follows a locative preposition
   ("In the West Bank city of Nablus, a man was shot"), the one closest to the trigger,
   unless it belongs to a clause that governs the trigger's ("Officials in Ankara said
   soldiers captured the town");
3. otherwise, when the story has a scene country (most of its places lie there) and the event
   is done by people from there, or is an act done to people from there, that country
   (feature "SCENE": a country-level place, not a located one);
4. otherwise none: a place that only names an actor ("Moscow accused ...") or the event's
   source or target is never used.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kittiwake.actors.resolve import PLACE_KINDS
from kittiwake.datelines import filing_place_name
from kittiwake.geo.gazetteer import GazEntry, Gazetteer
from kittiwake.geo.toponyms import LOCATED_FEATURES, find_places
from kittiwake.lang import PlaceWords, load_words
from kittiwake.nlp import clause_verb, is_verb
from kittiwake.records import (
    MATERIAL_CONFLICT,
    MATERIAL_QUAD_CLASSES,
    Article,
    Event,
    Mention,
    Place,
    Span,
)

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


class FilingPlace:
    """Pipeline stage: where a story was filed, from the dateline that opens it ("KABUL, May 3
    (AFP) -": Kabul). A dateline names a capital or a large city: of the gazetteer's entries
    for the name, a country first, then a capital, then the most populous place."""

    def __init__(self, *, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, article: Article) -> Place | None:
        found = filing_place_name(article.text)
        if found is None:
            return None
        name, start, end = found
        entries = [
            e
            for e in self.gazetteer.candidates(name)
            if e.country and (e.feature == "PCLI" or e.feature.startswith("PPL"))
        ]
        if not entries:
            return None
        entry = max(entries, key=_filing_rank)
        place = entry_place(entry, feature=entry.feature)
        return replace(place, admin1=entry.admin1, text=name, start=start, end=end)


def filing_country(filed_from: Place | None) -> str | None:
    """The country whose people a story filed from `filed_from` quotes unnamed ("officials
    said" under an ISLAMABAD dateline); none for a city where international bodies sit."""
    if filed_from is None:
        return None
    hubs = load_words(PlaceWords).hub_cities
    names = {filed_from.name.lower(), (filed_from.text or "").lower()}
    return None if names & hubs else filed_from.country


def _filing_rank(entry: GazEntry) -> tuple[bool, bool, int]:
    return (entry.feature == "PCLI", entry.feature == "PPLC", entry.population)


class PlaceResolver:
    """Pipeline stage: set `Event.place` from the places found in the document.

    With a gazetteer, places are looked up in the document when none are passed.
    """

    def __init__(
        self, *, gazetteer: Gazetteer | None = None, countries: Gazetteer | None = None
    ) -> None:
        self.gazetteer = gazetteer
        # names and locates the countries of inferred places (the scene, a visit's host)
        self.countries = countries if countries is not None else gazetteer
        self.scene = SceneCountry(countries=self.countries)

    def __call__(
        self,
        events: Sequence[Event],
        doc: Doc,
        places: Sequence[Place],
        *,
        filed_from: Place | None = None,
    ) -> list[Event]:
        """`filed_from`: where the story was filed (`FilingPlace`), the place of what is done
        "here" and of what its country's own people say with no place of their own."""
        if not places and self.gazetteer is not None:
            places = find_places(doc, gazetteer=self.gazetteer)
        sentences = list(doc.sents)
        in_sentence = places_by_sentence(places, sentences)
        scene = self.scene(places)
        located = []
        for event in events:
            if not 0 <= event.sentence < len(sentences):
                located.append(event)
                continue
            # a place may be where it happened ("arrived in Brazil", "occupied Gori"), but an
            # actor named by its place ("Moscow accused ...") is no location
            excluded = [
                m
                for m in (event.source, event.target)
                if m is not None and not (m is event.target and m.actor.kind in PLACE_KINDS)
            ]
            candidates = [
                place
                for place in in_sentence.get(event.sentence, [])
                if not any(_names_mention(place, m, doc) for m in excluded)
                and not is_guess_against_speaker(place, event)
            ]
            place = event_place(
                doc, trigger=event.trigger, places=candidates, material=takes_object_place(event)
            )
            if place is None and filed_from is not None and is_filed_there(event, doc, filed_from):
                place = filed_from
            if place is None and event.cameo in VISIT_CODES:
                place = self.visited_country(event)
            if place is None and scene is not None and happens_at_home(event, scene):
                place = scene
            located.append(replace(event, place=place) if place is not None else event)
        return located

    def visited_country(self, event: Event) -> Place | None:
        """Where a visit with no place of its own happened: the host's country."""
        host = event.target if event.cameo == VISIT_CODES[0] else event.source
        country = host.actor.country if host is not None else None
        if not country or len(country) != 3:
            return None
        return country_place(self.countries, country, feature="PCLI")


class SceneCountry:
    """Pipeline stage: the country where a story happens, from its places: the country of
    most of them (at least two, and half of them), as a country-level place."""

    def __init__(self, *, countries: Gazetteer | None) -> None:
        self.countries = countries

    def __call__(self, places: Sequence[Place]) -> Place | None:
        counts = Counter(p.country for p in places if p.country)
        if not counts:
            return None
        country, count = counts.most_common(1)[0]
        if count < SCENE_MIN_PLACES or count * 2 < sum(counts.values()):
            return None
        return country_place(self.countries, country, feature="SCENE")


def country_place(countries: Gazetteer | None, country: str, *, feature: str) -> Place | None:
    """A country as a place with no span in the text: inferred, not named."""
    entry = countries.country(country) if countries is not None else None
    return entry_place(entry, feature=feature) if entry is not None else None


def entry_place(entry: GazEntry, *, feature: str) -> Place:
    """A gazetteer entry as a place with no span in the text."""
    return Place(
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid if entry.geonameid > 0 else None,
        feature=feature,
    )


FOCUS_FEATURE = LOCATED_FEATURES["focus"]
# Who speaks where a story was filed: a state itself or its officials.
FILED_SECTORS = frozenset({None, "GOV", "MIL", "COP", "JUD", "LEG"})
SCENE_MIN_PLACES = 2
# CAMEO's "make a visit" and "host a visit": the visit happens at the host's.
VISIT_CODES = ("042", "043")


def takes_object_place(event: Event) -> bool:
    """Acts done (CAMEO quad classes 2 and 4) and visits happen at their object ("occupied
    Gori", "visited Sana'a"); statements and demands do not."""
    return event.quad_class in MATERIAL_QUAD_CLASSES or event.cameo in VISIT_CODES


def is_guess_against_speaker(place: Place, event: Event) -> bool:
    """ "ISLAMABAD - Pakistan accused India of massing troops along the Line of Control": a
    name the gazetteer lacks, placed only at the story's focus (New Delhi), does not say
    where someone of another country made a statement."""
    source = event.source.actor.country if event.source else None
    return (
        place.feature == FOCUS_FEATURE
        and not takes_object_place(event)
        and source is not None
        and source != place.country
    )


def is_filed_there(event: Event, doc: Doc, filed_from: Place) -> bool:
    """ "BEIJING, March 3 -- Zhu met X here Tuesday": "here" is where the story was filed; and
    what that state or its officials said, with no place of their own, they said there
    ("ISLAMABAD -- Pakistan on Wednesday accused India ..."). Not an act done: troops act
    elsewhere."""
    if says_here(doc, event.trigger):
        return True
    source = event.source.actor if event.source else None
    return (
        event.quad_class not in MATERIAL_QUAD_CLASSES
        and source is not None
        and source.country == filed_from.country
        # a state speaks from its capital; rebels and rights groups speak from elsewhere
        and source.sector in FILED_SECTORS
    )


def says_here(doc: Doc, trigger: Span) -> bool:
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = clause_verb(span.root)
    here = load_words(PlaceWords).here_words
    return any(
        t.lower_ in here and t.dep_ == "advmod" and clause_verb(t.head) == verb
        for t in span.root.sent
    )


def happens_at_home(event: Event, scene: Place) -> bool:
    """An event with no place of its own happens in the story's scene country when its doer
    is from there ("police detained protesters"), or, for an act done (not said), when it
    is done to people from there ("troops occupied Georgian villages"), or when it is violence
    or coercion by no one named ("two aid workers were abducted"). A statement about the scene
    country by an outsider is not placed there: it was made elsewhere."""
    source = event.source.actor.country if event.source else None
    target = event.target.actor.country if event.target else None
    if source == scene.country:
        return True
    if event.quad_class == MATERIAL_CONFLICT and event.source is None:
        return True  # "two aid workers were abducted": by no one named, where the story is
    return event.quad_class in MATERIAL_QUAD_CLASSES and target == scene.country


def places_by_sentence(
    places: Sequence[Place], sentences: Sequence[SpacySpan]
) -> dict[int, list[Place]]:
    """The places that start inside each sentence, by sentence index, in their order. Found
    once by bisection: scanning every place for every event made placing grow with the
    square of a document's length (issue 15, D9)."""
    starts = [sentence.start_char for sentence in sentences]
    found: dict[int, list[Place]] = {}
    for place in places:
        if place.start is None:
            continue
        index = bisect_right(starts, place.start) - 1  # the one sentence it can start in
        sentence = sentences[index] if index >= 0 else None
        if sentence is not None and _inside(place, sentence.start_char, sentence.end_char):
            found.setdefault(index, []).append(place)
    return found


def event_place(
    doc: Doc, *, trigger: Span, places: Sequence[Place], material: bool | None = None
) -> Place | None:
    """The place among `places` (all in the trigger's sentence) where the event happened.

    `material` (an act done, CAMEO quad classes 2 and 4) also takes a place that is the act's
    object ("occupied the towns of Gori and Senaki"); a verbal act (False: a statement,
    demand, meeting) only takes a locative phrase of its own, not one inside what it is
    about ("called in Bucharest for the withdrawal of troops from Iraq": Bucharest).
    None (unknown) keeps the general rule."""
    trigger_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if trigger_span is None or not places:
        return None
    head = trigger_span.root
    attached: list[tuple[int, Place]] = []
    loose: list[tuple[int, Place]] = []
    for place in places:
        span = doc.char_span(place.start or 0, place.end or 0, alignment_mode="expand")
        if span is None or _names_a_doer(span) or _names_an_owner(span, place):
            continue
        steps = _steps_to(span.root, head, own_phrase_only=material is False)
        if steps is None and material and _is_object_place(span.root, head):
            steps = 1
        if steps is not None:
            attached.append((steps, place))
        elif (
            _after_preposition(span.root)
            and not _in_governing_clause(span.root, head)
            and not _in_conjoined_clause(span.root, head)
        ):
            loose.append((abs(span.root.i - head.i), place))
    for ranked in (attached, loose):
        if ranked:
            return min(ranked, key=_rank)[1]
    return None


# How a country's name modifies a noun it owns: "the US embassy" (not "Somalia's coast").
_OWNER_DEPS = frozenset({"compound", "amod", "nmod"})


def _names_an_owner(span: SpacySpan, place: Place) -> bool:
    """ "arrested three men suspected of bombing the US embassy in Nairobi": a country named
    as what a noun belongs to says whose it is, not where anything happened."""
    root = span.root
    return (
        place.feature == "PCLI"
        and root.dep_ in _OWNER_DEPS
        and root.head.pos_ == "NOUN"
        and root.head.i != root.i
    )


def _names_a_doer(span: SpacySpan) -> bool:
    """ "the US-run camp in Cuba", "Saudi-led strikes on Sanaa": a place joined to a
    participle of doing names who does it, not where it is done."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end + 1].lower_ in load_words(PlaceWords).doer_participles
    )


def _rank(item: tuple[int, Place]) -> int:
    return item[0]


def _steps_to(token: Token, trigger: Token, *, own_phrase_only: bool = False) -> int | None:
    """Steps from a place up to the trigger through a locative preposition, or None. With
    `own_phrase_only`, the preposition must hang from the trigger itself."""
    steps, through_preposition = 0, False
    current, locative = token, load_words(PlaceWords).locative_prepositions
    while current.i != trigger.i:
        if current.dep_ == "prep" and current.lower_ in locative:
            through_preposition = not own_phrase_only or current.head.i == trigger.i
        if current.head.i == current.i or current.dep_ in ("ccomp", "conj", "advcl", "relcl"):
            return None  # reached the root or left the trigger's clause
        current = current.head
        steps += 1
    return steps if through_preposition else None


def _is_object_place(token: Token, trigger: Token) -> bool:
    """True for a place that is what a material act was done to: its object ("occupied
    Gori"), a conjunct of it, or the "of" of its object ("the towns of Gori")."""
    current = token
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    if current.dep_ == "pobj" and current.head.lower_ == "of":
        current = current.head.head
    return current.dep_ in ("dobj", "nsubjpass") and current.head.i == trigger.i


def _in_governing_clause(token: Token, trigger: Token) -> bool:
    """True for a place in a clause that governs the trigger's ("Officials in Ankara said
    soldiers captured the town": Ankara is where the saying happened), but not for one in
    the clause that holds a nominal trigger ("She is in China for talks")."""
    verb = _verb_above(token)
    if verb is None or verb.i == trigger.i or verb not in trigger.ancestors:
        return False
    current = trigger
    while current.i != verb.i:
        if current.dep_ in _CLAUSE_DEPS:
            return True
        current = current.head
    return False


def _verb_above(token: Token) -> Token | None:
    return next((a for a in token.ancestors if is_verb(a)), None)


def _in_conjoined_clause(token: Token, trigger: Token) -> bool:
    """True for a place in a clause conjoined to the trigger's with a subject of its own
    ("Washington urged restraint, and Albright invited them to talks in Paris": Paris is
    where the talks would be, not where the urging was)."""
    verb = _verb_above(token)
    own = trigger if is_verb(trigger) else _verb_above(trigger)
    if verb is None or own is None or verb.i == own.i:
        return False
    conjoined = (verb.dep_ == "conj" and verb.head.i == own.i) or (
        own.dep_ == "conj" and own.head.i == verb.i
    )
    return conjoined and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _after_preposition(token: Token) -> bool:
    """True for a place in a locative prepositional phrase ("in Nablus", "in the city of X")."""
    current = token
    for _ in range(4):
        if current.dep_ == "prep":
            locative = load_words(PlaceWords).locative_prepositions
            return current.lower_ in locative - _WEAK_PREPOSITIONS
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _names_mention(place: Place, mention: Mention, doc: Doc) -> bool:
    """True for a place inside an actor's mention ("Moscow accused", "the US and Chinese
    governments"), unless a preposition inside the mention puts it there ("a police post in
    northern Somalia": Somalia is where)."""
    if not _overlaps(place, mention.start, mention.end):
        return False
    span = doc.char_span(place.start or 0, place.end or 0, alignment_mode="expand")
    if span is None:
        return True
    if _after_preposition(span.root) and span.root.dep_ == "pobj":
        return False  # "in Hebron, hundreds protested": its people acted there
    for token in span.root.ancestors:
        if not mention.start <= token.idx < mention.end:
            return True
        if token.dep_ == "prep":
            return False
    return True


def _inside(place: Place, start: int, end: int) -> bool:
    return place.start is not None and place.end is not None and start <= place.start < end


def _overlaps(place: Place, start: int, end: int) -> bool:
    return (
        place.start is not None
        and place.end is not None
        and place.start < end
        and start < place.end
    )
