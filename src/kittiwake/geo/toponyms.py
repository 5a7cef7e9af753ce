"""Find place mentions in a parsed document and resolve them to gazetteer entries.

Mentions are spaCy GPE, LOC and FAC entities (and NORP ones that are the object of a
preposition: the small model tags some towns so), extended over a following administrative
word ("Idlib" + "province"), plus capitalised words before such a word that the model
did not tag ("Deir ez-Zor province"). A place named as the subject of a verb other than a
locative one ("Washington said", "Moscow accused") is a government acting, not a
location: `find_places` leaves those out unless `include_actors=True` (the actor stage
codes them as actors; as places they must not become an event's location).

Resolution scores each candidate entry of a mention and keeps the best:

- a population prior, log10(population);
- a feature prior: countries first, then first-level regions and capitals; a feature named
  by an administrative word ("province" -> region) is worth more than either;
- a qualifier: "Springfield, Illinois" or "Paris, Texas" keeps the candidates in the
  region or country named right after the comma;
- document context: the countries and first-level regions that the document's other
  names resolve to without context (their shares), and `context_countries`
  given by the caller (e.g. the countries of the actors found in the document). Each
  distinct name votes once, and a mention's own name does not vote for it;
- co-location: for a town or county name, the first-level regions where the document's
  other names also have candidates, each name weighted by how few regions it could be in
  (see SUPPORT_WEIGHT). Areas spanning countries (seas, the Middle East) cast no votes;
- a penalty for a town that bears the name only as an alternate name (ALTERNATE_NAME_PENALTY);
- no country context for a town overshadowed by a far larger namesake unless the document
  names a place in or near its region (OVERSHADOW_RATIO);
- the wording of the story: a choice among namesake towns favours the country whose press
  writes so (a sheriff, "7 p.m.", "£5"; see `kittiwake.geo.cues`), unless the document's
  other places lie abroad (WORDING_WEIGHT).

Candidates left out before scoring: a hamlet bearing a famous place's name (PROMINENCE_RATIO),
a town or county named after an ocean or a region the name also names ("Atlantic"), and a
country when a county or town word names the kind of place ("Guernsey County"). An adjective
whose only namesakes are hamlets ("English") also has the region it comes from as candidate.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from kittiwake.geo.cues import wording_countries
from kittiwake.geo.gazetteer import (
    ADMIN_WORDS,
    WHOLE_AREA_FEATURES,
    GazEntry,
    Gazetteer,
    feature_hint,
    normalise_name,
    without_admin_word,
)
from kittiwake.lang import PlaceWords, load_words
from kittiwake.records import Place
from kittiwake.tokens import TokenTable, doc_text

KM_PER_DEGREE = 111.2
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
FEATURE_PRIOR = {"PCLI": 6.0, "CONT": 6.0, "ADM1": -0.5, "PPLC": 1.5, "ADM2": -1.0, "PPL": 0.0}
REGION_PRIOR = 7.0  # seas, rivers, regions: few and well known, and they have no population
HINT_BONUS = 5.0
QUALIFIER_BONUS = 8.0
COUNTRY_CONTEXT_WEIGHT = 8.0
ADMIN1_CONTEXT_WEIGHT = 5.0
PROXIMITY_WEIGHT = 4.0
# Co-location: a candidate in a first-level region where the document's other names also
# have candidates (Paris, Henry County and Whitlock all exist in Tennessee) is likely the
# one meant. Each other name supports a region by 1 / (the number of regions it could be
# in), so an unambiguous name counts fully and a name found in every state barely at all.
SUPPORT_WEIGHT = 4.0
SUPPORT_FEATURES = frozenset({"ADM1", "ADM2", "PPL", "PPLC"})  # give support
SUPPORTED_FEATURES = frozenset({"ADM2", "PPL"})  # receive it: namesakes, not states
NEAR_KM = 150.0
GIVEN_COUNTRY_BONUS = 7.0
# A country the document names as a country favours its sizeable cities among namesakes
# ("London" in a story that names Canada); small towns, which bear famous names by the
# dozen, are not favoured so. Only a choice among towns takes it ("China" stays China).
NAMED_COUNTRY_BONUS = 2.0
NAMED_COUNTRY_MIN_POPULATION = 50_000
NAMESAKE_FEATURES = frozenset({"PPL", "PPLC", "ADM2"})
# Local news names its town alone ("Athens City Council"); the wording of the story
# (a sheriff, "7 p.m.", "£5"; see `kittiwake.geo.cues`) says which country's press it
# is, and so favours that country's namesake towns. Each kind of cue adds less.
WORDING_WEIGHT = 5.0
# A place thousands of times smaller than a namesake city or region ("England, Arkansas";
# "Atlanta, Illinois") is taken only when a qualifier names its region: the document's
# context alone is not evidence enough against the famous place.
PROMINENCE_RATIO = 3_000
PROMINENT_FEATURES = frozenset({"PPL", "PPLC", "ADM1"})
# A town hundreds of times smaller than a namesake ("London", Ohio) is not made the one
# meant by the document's country alone ("New York", "Washington" and London): only a
# place named in or near its region lets the country count for it.
OVERSHADOW_RATIO = 100
STRAY_MAX_POPULATION = 20_000
# An adjective that is also the name of a few hamlets ("English", Indiana) is read as the
# adjective too: the country or region it comes from joins the candidates.
ADJECTIVE_NAMESAKE_MAX_POPULATION = 20_000
# A town that bears a name only as an alternate name (a former name, a name in another
# language: Huntsville was "Twickenham", Aleppo is "Berea" in Greek) is less likely meant
# than a town whose own name it is.
ALTERNATE_NAME_PENALTY = 2.0
EXONYM_RATIO = 10
CONTEXT_ROUNDS = 3  # re-resolve with the previous round's answers as context
# Entries too large to say where in a country a document is, or whether a place is near.
BROAD_FEATURES = frozenset({"PCLI", "PCLH", "CONT", "ADM1", "RGN", "OCN", "SEA", "GULF", "MTS"})
# Areas (seas, rivers, multi-country regions) whose country is only the one nearest their
# centre point (see `kittiwake.geo.gazetteer`): they do not say which country a story is in.
AREA_FEATURES = frozenset(
    {"RGN", "OCN", "SEA", "GULF", "STRT", "CNL", "LK", "STM", "PEN", "MTS", "DSRT"}
)
# Words that put a building or landmark in a place: "X in Y", "X at Y", "X, Y".
LINKING_WORDS = frozenset({"in", "at", "near", "outside", ",", "of"})
# How a mention was placed: it names the entry; a place named inside it ("Dubai World
# Cup") or right after it ("the Palais des Nations in Geneva"); or, naming nothing the
# gazetteer knows, the document's focus.
METHODS = ("name", "part", "focus")
# The feature of a place the gazetteer lacks: "NEAR" where its own words say where it is
# ("a stadium in Lagos"), "FOCUS" where only the document's focus does.
LOCATED_FEATURES = {"part": "NEAR", "focus": "FOCUS"}


@dataclass(frozen=True, slots=True)
class Resolution:
    entry: GazEntry
    method: str  # one of METHODS


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention: its span, what it resolved to, and whether it names an actor."""

    start: int
    end: int
    text: str
    entry: GazEntry | None
    actor: bool = False
    method: str = "name"

    def to_place(self) -> Place | None:
        """The mention as a Place; one located only approximately (a building placed at
        its town) has feature "NEAR" ("FOCUS" when placed at the document's focus), the name
        of that town and no GeoNames id."""
        if self.entry is None:
            return None
        entry = self.entry
        exact = self.method == "name"
        return Place(
            name=entry.name,
            country=entry.country or None,
            lat=entry.lat,
            lon=entry.lon,
            geonameid=entry.geonameid if exact and entry.geonameid > 0 else None,
            feature=entry.feature if exact else LOCATED_FEATURES[self.method],
            admin1=entry.admin1,
            text=self.text,
            start=self.start,
            end=self.end,
        )


@dataclass(frozen=True, slots=True)
class _Context:
    countries: Counter[str]
    admin1: Counter[tuple[str, str]]
    total: int
    given: frozenset[str]
    points: tuple[tuple[float, float], ...] = ()  # specific places named, as (lat, lon)
    support: Counter[tuple[str, str]] = field(default_factory=Counter)  # see SUPPORT_WEIGHT
    named: frozenset[str] = frozenset()  # countries the document names as countries
    worded: dict[str, float] = field(default_factory=dict)  # see WORDING_WEIGHT
    # `share_near` by (lat, lon): a context serves every mention of one name (issue 15, D9)
    near: dict[tuple[float, float], float] = field(default_factory=dict, compare=False)

    @classmethod
    def empty(cls, *, given: Sequence[str]) -> _Context:
        return cls(Counter(), Counter(), 0, frozenset(given))

    @classmethod
    def of(
        cls,
        entries: Sequence[GazEntry | None],
        *,
        given: Sequence[str],
        support: Counter[tuple[str, str]] | None = None,
        among_towns: bool = False,
        worded: Counter[str] | None = None,
    ) -> _Context:
        # an area spanning countries carries only a nominal country: it casts no vote
        resolved = [
            entry for entry in entries if entry is not None and entry.feature not in AREA_FEATURES
        ]
        countries = Counter(entry.country for entry in resolved)
        admin1 = Counter((entry.country, entry.admin1) for entry in resolved if entry.admin1)
        points = tuple(
            (entry.lat, entry.lon) for entry in resolved if entry.feature not in BROAD_FEATURES
        )
        named = frozenset(
            entry.country for entry in resolved if among_towns and entry.feature == "PCLI"
        )
        return cls(
            countries,
            admin1,
            len(resolved),
            frozenset(given),
            points,
            support or Counter(),
            named,
            _home_press(worded, countries=countries) if among_towns and worded else {},
        )

    def share_near(self, entry: GazEntry) -> float:
        """The share of the document's specific places within NEAR_KM of `entry`."""
        where = (entry.lat, entry.lon)
        if where not in self.near:
            self.near[where] = self._share_near(entry)
        return self.near[where]

    def _share_near(self, entry: GazEntry) -> float:
        cos_lat = math.cos(math.radians(entry.lat))
        near = 0
        for lat, lon in self.points:
            # an equirectangular distance is accurate enough at this range
            dx = (lon - entry.lon) * cos_lat
            if 0.0 < math.hypot(dx, lat - entry.lat) * KM_PER_DEGREE <= NEAR_KM:
                near += 1
        return near / len(self.points)


def _home_press(worded: Counter[str], *, countries: Counter[str]) -> dict[str, float]:
    """How strongly the wording favours each country's towns: more for more kinds of cue,
    and less as the document's other places lie in other countries (a story from abroad
    in an American paper means Athens, Greece)."""
    total = sum(countries.values())
    abroad = sum(n for country, n in countries.items() if country not in worded)
    home = 1.0 - abroad / total if total else 1.0
    return {country: home * (1.0 - math.exp(-kinds)) for country, kinds in worded.items()}


def find_places(
    doc: Doc,
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    include_actors: bool = False,
    country_words: Mapping[str, str] | None = None,
) -> list[Place]:
    """Resolved place mentions of `doc`, in text order (offsets into `doc.text`).

    `country_words` maps country adjectives to ISO codes ("english": "GBR"), so that "the
    English city of Salisbury" is looked for in that country (see `_named_country_qualifiers`).
    """
    toponyms = find_toponyms(
        doc,
        gazetteer=gazetteer,
        context_countries=context_countries,
        country_words=country_words,
    )
    places = [t.to_place() for t in toponyms if include_actors or not t.actor]
    return [place for place in places if place is not None]


def place_records(doc: Doc, *, doc_id: str, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """The JSON objects `kittiwake places` prints: one per place mention of `doc`."""
    return [
        {
            "doc_id": doc_id,
            "text": place.text,
            "start": place.start,
            "end": place.end,
            "name": place.name,
            "geonameid": place.geonameid,
            "feature": place.feature,
            "country": place.country,
            "admin1": place.admin1,
            "lat": place.lat,
            "lon": place.lon,
        }
        for place in find_places(doc, gazetteer=gazetteer)
    ]


def find_toponyms(
    doc: Doc,
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    locate_unresolved: bool = True,
    country_words: Mapping[str, str] | None = None,
) -> list[Toponym]:
    """Every place mention with its resolution (None when the gazetteer has no match)."""
    spans = mention_spans(doc)
    resolutions = resolve_mentions(
        doc_text(doc),
        [(span.start_char, span.end_char) for span in spans],
        gazetteer=gazetteer,
        context_countries=context_countries,
        locate_unresolved=locate_unresolved,
        country_words=country_words,
    )
    return [
        Toponym(
            span.start_char, span.end_char, span.text, found.entry, names_actor(span), found.method
        )
        for span, found in zip(spans, resolutions, strict=True)
        if found is not None
    ]


# Administrative words that make a place name of the capitalised words before them
# ("Idlib Province") when no entity covers them.
TRAILING_ADMIN_WORDS = ADMIN_WORDS - {"city", "town", "village", "state"}


def mention_spans(doc: Doc) -> list[Span]:
    """Candidate place spans: place entities, extended over an administrative word."""
    spans: list[Span] = []
    taken: set[int] = set()
    for ent in doc.ents:
        # the small model tags some towns NORP ("the city of Aleppo"); a demonym is never
        # the object of a preposition, so such a NORP is taken as a place
        if ent.label_ not in PLACE_LABELS and not (
            (ent.label_ == "NORP" and ent.root.dep_ == "pobj") or is_located_name(ent)
        ):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
        end = ent.end
        if end < len(doc) and doc[end].lower_ in ADMIN_WORDS:
            end += 1
        spans.append(doc[start:end])
        taken.update(range(start, end))
    for i in TokenTable.of(doc).where(("lower", TRAILING_ADMIN_WORDS)):
        if i in taken:
            continue
        token = doc[i]
        start = token.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].i not in taken:
            start -= 1
        if start < token.i:
            spans.append(doc[start : token.i + 1])
            taken.update(range(start, token.i + 1))
    return sorted(spans, key=lambda span: span.start)


# Prepositions that put a name where something happened ("protests in Suez"), and nouns of
# settlements whose "of" names one ("the towns of Gori and Senaki").
WHERE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "throughout"})  # not "at Google"
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "province", "district"})


def is_located_name(ent: Span) -> bool:
    """True for a name the small model tags ORG or PERSON where only a place fits: the object
    of a locative preposition ("protests in Suez") or of a settlement noun's "of" ("the
    towns of Gori and Senaki"), or a conjunct of one. The gazetteer must still know it."""
    if ent.label_ not in ("ORG", "PERSON") or not all(t.pos_ == "PROPN" for t in ent):
        return False
    root = ent.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.lower_ in WHERE_PREPOSITIONS:
        return preposition.head.pos_ != "PROPN"  # not "the Bank of England in London"
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in SETTLEMENT_NOUNS


def names_actor(span: Span) -> bool:
    """True for a place named as the acting subject of a verb ("Moscow accused")."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    head = root.head
    locative = load_words(PlaceWords).locative_verbs
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in locative


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    locate_unresolved: bool = True,
) -> list[GazEntry | None]:
    """Resolve each (start, end) span of `text`, using the others as context.

    With `locate_unresolved`, a span the gazetteer cannot name is placed by the place
    named inside it or, failing that, at the document's focus (see `resolve_mentions`).
    """
    resolutions = resolve_mentions(
        text,
        spans,
        gazetteer=gazetteer,
        context_countries=context_countries,
        locate_unresolved=locate_unresolved,
    )
    return [None if r is None else r.entry for r in resolutions]


def resolve_mentions(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
    locate_unresolved: bool = True,
    country_words: Mapping[str, str] | None = None,
) -> list[Resolution | None]:
    """Resolve each span; see the module documentation for the scores and fallbacks."""
    names = [text[start:end] for start, end in spans]
    candidates = [name_candidates(name, gazetteer=gazetteer) for name in names]
    hints = [feature_hint(name) for name in names]
    candidates = [
        _fitting_hint(cands, hint=hint) for cands, hint in zip(candidates, hints, strict=True)
    ]
    qualifiers = _qualifiers(text, spans, candidates)
    if country_words:  # the story's own words win: "the English city of Salisbury"
        named = _named_country_qualifiers(text, spans, gazetteer, country_words)
        candidates = [
            [c for c in cands if c.country == said[0].country] or cands if said else cands
            for cands, said in zip(candidates, named, strict=True)
        ]
        qualifiers = [own or extra for own, extra in zip(qualifiers, named, strict=True)]
    candidates = [
        _without_smaller_alternates(name, cands)
        for name, cands in zip(names, candidates, strict=True)
    ]
    primaries = [_by_own_name(name, cands) for name, cands in zip(names, candidates, strict=True)]
    worded = wording_countries(text)
    no_context = _Context.empty(given=context_countries)
    first = [
        _best(cands, hint=hint, qualifier=qual, context=no_context, primary=primary)
        for cands, hint, qual, primary in zip(candidates, hints, qualifiers, primaries, strict=True)
    ]
    keys = [normalise_name(name) for name in names]
    # one vote per distinct name, so that a name repeated ten times cannot outvote the rest
    votes = dict(zip(keys, first, strict=True))
    region_weights = _region_weights(keys, candidates, first)
    total_support: Counter[tuple[str, str]] = Counter()
    for weights in region_weights.values():
        total_support.update(weights)
    entries = first
    for _ in range(CONTEXT_ROUNDS):
        entries = []
        # the context of a mention is that of every mention of its name that fits the same
        # way: built once per name, not once per mention (issue 15, D9)
        contexts: dict[tuple[str, bool, bool], _Context] = {}
        for cands, hint, qual, key, alone, primary in zip(
            candidates, hints, qualifiers, keys, first, primaries, strict=True
        ):
            supported = alone is not None and alone.feature in SUPPORTED_FEATURES
            among_towns = alone is not None and alone.feature in NAMESAKE_FEATURES
            context = contexts.get((key, supported, among_towns))
            if context is None:
                others = [entry for other, entry in votes.items() if other != key]
                support: Counter[tuple[str, str]] = Counter()
                if supported:
                    support.update(total_support)
                    support.subtract(region_weights[key])
                context = _Context.of(
                    others,
                    given=context_countries,
                    support=support,
                    among_towns=among_towns,
                    worded=worded,
                )
                contexts[(key, supported, among_towns)] = context
            entries.append(
                _best(cands, hint=hint, qualifier=qual, context=context, primary=primary)
            )
        votes = dict(zip(keys, entries, strict=True))
    final = _Context.of(list(votes.values()), given=context_countries)  # one vote a name
    resolved = [
        None if entry is None or _stray(entry, final) else Resolution(entry, "name")
        for entry in entries
    ]
    if locate_unresolved and None in resolved:
        _locate_unresolved(
            text, spans, resolved, gazetteer=gazetteer, context_countries=context_countries
        )
    return resolved


def name_candidates(name: str, *, gazetteer: Gazetteer) -> list[GazEntry]:
    """The entries a mention can name: those of its name, else those it is an adjective or
    demonym of ("Ohioans"); both when its namesakes are only small towns ("English")."""
    exact = gazetteer.candidates(name)
    if any(
        entry.feature not in NAMESAKE_FEATURES
        or entry.population >= ADJECTIVE_NAMESAKE_MAX_POPULATION
        for entry in exact
    ):
        return exact
    return exact + gazetteer.loose_candidates(name)


def _own_named(name: str, towns: Sequence[GazEntry]) -> list[GazEntry]:
    key = normalise_name(name)
    keys = {key, without_admin_word(key) or key}
    return [entry for entry in towns if normalise_name(entry.name) in keys]


def _without_smaller_alternates(name: str, candidates: list[GazEntry]) -> list[GazEntry]:
    """Without the towns that bear the name only as an alternate name and are smaller than
    a town whose own name it is: neither name nor size speaks for them ("Quebec City" is
    an old name of a part of New Britain, Connecticut). Counties stay: "Douglas" is as
    often Douglas County as a town."""
    own = _own_named(name, [entry for entry in candidates if entry.feature.startswith("PPL")])
    if not own:
        return candidates
    largest = max(entry.population for entry in own)
    return [
        entry
        for entry in candidates
        if not entry.feature.startswith("PPL") or entry in own or entry.population >= largest
    ]


def _by_own_name(name: str, candidates: Sequence[GazEntry]) -> frozenset[int]:
    """The GeoNames ids of the towns and counties among `candidates` not penalised as
    bearing the name only as an alternate name: those whose own name it is, and those far
    larger than all of these (an exonym: "Cologne" is Köln, not Cologne, Lombardy).
    Empty when no candidate bears it as its own name."""
    towns = [entry for entry in candidates if entry.feature in NAMESAKE_FEATURES]
    own = _own_named(name, towns)
    if not own:
        return frozenset()
    largest = max(entry.population for entry in own)
    return frozenset(
        entry.geonameid
        for entry in towns
        if entry in own or entry.population > EXONYM_RATIO * largest
    )


def _fitting_hint(candidates: list[GazEntry], *, hint: str | None) -> list[GazEntry]:
    """Without the countries, when a county or town word names what the mention is and an
    entry of that kind exists: "Guernsey County" is not Guernsey, "Kuwait City" not Kuwait.
    (A region word keeps them: "State of Palestine" is the country.)"""
    if hint not in ("ADM2", "PPL") or not any(e.feature.startswith(hint) for e in candidates):
        return candidates
    return [entry for entry in candidates if entry.feature not in WHOLE_AREA_FEATURES]


def _region_weights(
    keys: Sequence[str],
    candidates: Sequence[Sequence[GazEntry]],
    first: Sequence[GazEntry | None],
) -> dict[str, Counter[tuple[str, str]]]:
    """For each distinct name, the first-level regions its candidates lie in, each weighted
    1 / (the number of such regions). Names that are, out of context, a country or a large
    area ("China") give none: their namesake towns (China, Texas) are not meant."""
    weights: dict[str, Counter[tuple[str, str]]] = {}
    for key, cands, best in zip(keys, candidates, first, strict=True):
        if key in weights:
            continue
        if best is None or best.feature not in SUPPORT_FEATURES:
            weights[key] = Counter()
            continue
        regions = {
            (entry.country, entry.admin1)
            for entry in cands
            if entry.admin1 and entry.feature in SUPPORT_FEATURES
        }
        weights[key] = Counter(dict.fromkeys(regions, 1.0 / len(regions))) if regions else Counter()
    return weights


def _locate_unresolved(
    text: str,
    spans: Sequence[tuple[int, int]],
    resolved: list[Resolution | None],
    *,
    gazetteer: Gazetteer,
    context_countries: Sequence[str],
) -> None:
    """Fill the gaps of `resolved`: the place named right after the mention ("the Palais
    des Nations in Geneva"); else a place named inside it that lies in one of the
    document's countries ("Dubai World Cup"); else the document's focus."""
    found = [r.entry for r in resolved if r is not None]
    context = _Context.of(found, given=context_countries)
    focus = document_focus(found)
    for i, (start, end) in enumerate(spans):
        if resolved[i] is not None:
            continue
        name = text[start:end]
        after = resolved[i + 1] if i + 1 < len(spans) else None
        if after is not None and _links(text[end : spans[i + 1][0]]):
            resolved[i] = Resolution(after.entry, "part")
            continue
        inner = _best(gazetteer.inner_candidates(name), hint=None, qualifier=(), context=context)
        if inner is not None and (
            inner.feature in WHOLE_AREA_FEATURES
            or inner.country in context.countries
            or inner.country in context.given
        ):
            resolved[i] = Resolution(inner, "part")
        elif focus is not None:
            resolved[i] = Resolution(focus, "focus")


def _links(between: str) -> bool:
    """True for the words between a building or landmark and the place it is in: "in",
    "at", "near", a comma."""
    words = between.replace(",", " , ").split()
    if words and words[-1] == "the":
        words = words[:-1]
    if len(words) == 2 and words[1] == "of":  # "a village outside of Manama"
        words = words[:1]
    return len(words) == 1 and words[0] in LINKING_WORDS


def _stray(entry: GazEntry, context: _Context) -> bool:
    """True for a small town alone in its country among the document's places (Heathrow,
    Florida in a story about London airports): a namesake more likely than the place."""
    return (
        entry.feature.startswith("PPL")
        and entry.population < STRAY_MAX_POPULATION
        and context.countries[entry.country] <= 1 < context.total
        and entry.country not in context.given
    )


def document_focus(entries: Sequence[GazEntry]) -> GazEntry | None:
    """Where a document is: the most named entry in its most named country.

    A specific place is preferred to the country itself, so that a street or building in
    a local story is placed in the story's town.
    """
    countries = Counter(entry.country for entry in entries if entry.country)
    if not countries:
        return None
    country = countries.most_common(1)[0][0]
    in_country = [entry for entry in entries if entry.country == country]
    specific = [entry for entry in in_country if entry.feature not in BROAD_FEATURES]
    ranked = Counter(entry.geonameid for entry in (specific or in_country))
    best = ranked.most_common(1)[0][0]
    return next(entry for entry in in_country if entry.geonameid == best)


def _qualifiers(
    text: str, spans: Sequence[tuple[int, int]], candidates: Sequence[list[GazEntry]]
) -> list[list[GazEntry]]:
    """For "X, Y": the region and country entries of Y that qualify X."""
    qualifiers: list[list[GazEntry]] = [[] for _ in spans]
    for i in range(len(spans) - 1):
        between = text[spans[i][1] : spans[i + 1][0]]
        if between.strip() == ",":
            qualifiers[i] = [
                entry for entry in candidates[i + 1] if entry.feature in ("PCLI", "ADM1")
            ]
    return qualifiers


# "the English city of Salisbury", "the Syrian town of Kobani": the adjective names the
# country the place is in, whatever namesake is bigger.
_NAMED_COUNTRY_FRAME = re.compile(
    r"\b(?P<adjective>[A-Z][\w'-]+)\s+(?:city|town|village|capital|port|region|province|"
    r"state|district|county|island|border\s+town|city\s+centre)\s+of\s+$"
)


def _named_country_qualifiers(
    text: str,
    spans: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    country_words: Mapping[str, str],
) -> list[list[GazEntry]]:
    qualifiers: list[list[GazEntry]] = []
    for start, _ in spans:
        found = _NAMED_COUNTRY_FRAME.search(text[max(0, start - 60) : start])
        iso3 = country_words.get(found["adjective"].lower()) if found else None
        entry = gazetteer.country(iso3) if iso3 else None
        qualifiers.append([entry] if entry is not None else [])
    return qualifiers


def _best(
    candidates: Sequence[GazEntry],
    *,
    hint: str | None,
    qualifier: Sequence[GazEntry],
    context: _Context,
    primary: frozenset[int] = frozenset(),
) -> GazEntry | None:
    """The best-scoring candidate; `primary`: the towns bearing the name as their own."""
    best, best_score = None, -math.inf
    prominent = max(
        (entry.population for entry in candidates if entry.feature in PROMINENT_FEATURES),
        default=0,
    )
    area = any(entry.feature in AREA_FEATURES for entry in candidates)
    for entry in candidates:
        if entry.feature in NAMESAKE_FEATURES and not any(
            _within(entry, region) for region in qualifier
        ):
            if 0 < entry.population * PROMINENCE_RATIO < prominent:
                continue  # context does not make a hamlet of a famous city's name that city
            if area and not (hint and entry.feature.startswith(hint)):
                continue  # nor a town or county named after an ocean or a region that area
        overshadowed = (
            entry.feature in NAMESAKE_FEATURES and entry.population * OVERSHADOW_RATIO < prominent
        )
        score = _score(
            entry, hint=hint, qualifier=qualifier, context=context, overshadowed=overshadowed
        )
        if primary and entry.feature in NAMESAKE_FEATURES and entry.geonameid not in primary:
            score -= ALTERNATE_NAME_PENALTY
        if score > best_score:
            best, best_score = entry, score
    return best


def _score(
    entry: GazEntry,
    *,
    hint: str | None,
    qualifier: Sequence[GazEntry],
    context: _Context,
    overshadowed: bool = False,
) -> float:
    score = math.log10(entry.population + 10) + FEATURE_PRIOR.get(entry.feature, REGION_PRIOR)
    if hint and entry.feature.startswith(hint):
        score += HINT_BONUS
    if any(_within(entry, region) for region in qualifier):
        score += QUALIFIER_BONUS
    regional = _regional_score(entry, context=context)
    score += regional
    if context.total > 0 and (regional > 0 or not overshadowed):
        score += COUNTRY_CONTEXT_WEIGHT * context.countries[entry.country] / context.total
    if entry.country in context.given:
        score += GIVEN_COUNTRY_BONUS
    if entry.country in context.named and entry.population >= NAMED_COUNTRY_MIN_POPULATION:
        score += NAMED_COUNTRY_BONUS
    if entry.feature in NAMESAKE_FEATURES:
        score += WORDING_WEIGHT * context.worded.get(entry.country, 0.0)
    return score


def _regional_score(entry: GazEntry, *, context: _Context) -> float:
    """What the document's places in `entry`'s first-level region, or near it, add."""
    score = 0.0
    if context.total > 0:
        if entry.admin1:
            share = context.admin1[(entry.country, entry.admin1)] / context.total
            score += ADMIN1_CONTEXT_WEIGHT * share
        if context.points and entry.feature not in BROAD_FEATURES:
            score += PROXIMITY_WEIGHT * context.share_near(entry)
    if entry.admin1 and entry.feature in SUPPORTED_FEATURES:
        support = context.support[(entry.country, entry.admin1)]
        score += SUPPORT_WEIGHT * (1.0 - math.exp(-support))
    return score


def _within(entry: GazEntry, region: GazEntry) -> bool:
    if entry.country != region.country or entry.geonameid == region.geonameid:
        return False
    return region.feature == "PCLI" or entry.admin1 == region.name
