"""Typed records that flow between pipeline stages.

Every record is a frozen dataclass so stages cannot mutate each other's output and records
pickle cheaply to worker processes. All character offsets refer to the article text exactly
as it was read: clean-up marks boilerplate as excluded spans instead of deleting characters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text, `text == article.text[start:end]`."""

    start: int
    end: int
    text: str
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """One news document as read from its source."""

    doc_id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # file path, path:line or archive record the article came from
    excluded: tuple[Span, ...] = ()  # boilerplate found by clean-up, offsets into `text`
    language: str | None = None
    notes: tuple[str, ...] = ()  # what reading could not use, e.g. a date it could not read


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be coded, kept with its reason so the batch goes on."""

    origin: str
    reason: str
    record: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """What a mention resolves to: a CAMEO-style code and why."""

    code: str  # e.g. "USAGOV", "IMGMUSISI", "IGOUNO"
    country: str | None = None  # ISO 3166 alpha-3 (or CAMEO region code)
    sector: str | None = None  # primary sector/agent code: GOV, MIL, REB, ...
    entry_id: str | None = None  # the dictionary entry that matched
    name: str | None = None  # canonical name of that entry
    reason: str = ""  # human-readable explanation of the resolution
    kind: str = ""  # person, organisation, country, sector, foreign (a sector of a country
    # not named), unknown person, unknown organisation


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor, with its resolution.

    `head` and `token_start`/`token_end` index tokens of the parsed document, so that the
    event coder can walk the dependency tree from a mention.
    """

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    actor: Actor
    head: int
    token_start: int
    token_end: int
    coref_of: str | None = None  # text of the antecedent when resolved by coreference

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.actor.code,
            "country": self.actor.country,
            "sector": self.actor.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry, optionally tied to the text span that named it."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str | None = None  # e.g. "PCLI" country, "ADM1" region, "PPL" populated place
    admin1: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class EventDate:
    value: dt.date
    raw: str | None = None  # the expression in the sentence, None when the article date was used
    precision: str = "day"  # day, week, month, season, year
    historical: bool = False


# Modalities of events stated as facts, or as promises, threats, demands and refusals (see
# events/modality.py), or as attempts (CAMEO codes an attempted act as the act); the others
# ("hypothetical", "requested", ...) are kept but not reported.
REPORTABLE_MODALITIES: frozenset[str | None] = frozenset(
    {None, "future", "promise", "threat", "demand", "refusal", "attempted"}
)


# CAMEO's quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict (coercion, assault, fighting).
VERBAL_QUAD_CLASSES = (1, 3)
MATERIAL_QUAD_CLASSES = (2, 4)
MATERIAL_CONFLICT = 4

# CAMEO acts complete without a target (statements, appeals and intents made to no one in
# particular: "called for calm", "pledged to cut tariffs"; dissent, force posture) and
# acts reported on an identified target with the doer unnamed (coercion, assault, fighting,
# and the release of people held: "the journalists were released from custody").
SELF_CONTAINED_ROOTS = frozenset({"01", "02", "03", "14", "15"})
DOERLESS_ROOTS = frozenset({"17", "18", "19", "20"})
DOERLESS_CODES = frozenset({"0841"})
# Criticism and accusation (CAMEO 11) are news from either side alone: who criticized
# ("France condemned the raids", the raiders unnamed) and who stands accused ("the minister
# was charged with fraud", by a prosecutor the story does not name).
ONE_SIDED_ROOTS = frozenset({"11"})
# An investigation is news of whom it is into though the investigator goes unnamed ("the
# minister is under investigation", "the probe focused on army officers"); an investigator
# with no one named as investigated is not ("police are investigating").
INVESTIGATED_ROOTS = frozenset({"09"})
SOURCE_ALONE_ROOTS = SELF_CONTAINED_ROOTS | ONE_SIDED_ROOTS
TARGET_ALONE_ROOTS = DOERLESS_ROOTS | ONE_SIDED_ROOTS | INVESTIGATED_ROOTS


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: one source-target pair of one event mention."""

    event_id: str
    mention_id: str
    doc_id: str
    sentence: int
    text: str
    source: Mention | None
    target: Mention | None
    trigger: Span
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...] = ()
    date: EventDate | None = None
    place: Place | None = None
    negated: bool = False
    modality: str | None = (
        None  # None for a reported completed act; else e.g. "future", "hypothetical"
    )
    rule: str = ""
    sentence_start: int = 0  # offset of the sentence in the article text

    @property
    def has_actor(self) -> bool:
        """At least one side names a coded actor."""
        return any(m is not None and m.actor.code for m in (self.source, self.target))

    @property
    def is_complete(self) -> bool:
        """Who did what to whom, as far as CAMEO asks: both actors coded; a statement,
        appeal, intent, protest or show of force (roots 01-03, 14, 15) by a coded source
        alone; an attack or coercion of a coded target whose doer the story does not name
        (roots 17-20), or the release of a coded target (0841); an investigation of a coded
        target (root 09); a criticism or accusation (root 11) with either side coded."""
        source = self.source is not None and bool(self.source.actor.code)
        target = self.target is not None and bool(self.target.actor.code)
        if source and target:
            return True
        if source:
            return self.cameo_root in SOURCE_ALONE_ROOTS
        return target and (self.cameo_root in TARGET_ALONE_ROOTS or self.cameo in DOERLESS_CODES)

    @property
    def monadic(self) -> bool:
        """A statement, appeal, intent, protest or show of force (roots 01-03, 14, 15) by a
        coded source with no target: an act CAMEO codes with one actor."""
        source = self.source is not None and bool(self.source.actor.code)
        return source and self.target is None and self.cameo_root in SELF_CONTAINED_ROOTS

    @property
    def dyadic(self) -> bool:
        """Both sides name coded actors: the event builds a dyad."""
        return all(m is not None and m.actor.code for m in (self.source, self.target))

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "mention_id": self.mention_id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "text": self.text,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "trigger": self.trigger.to_json(),
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": {
                "type": self.plover_type,
                "mode": self.plover_mode,
                "context": list(self.plover_context),
            },
            "date": self.date.value.isoformat() if self.date else None,
            "date_raw": self.date.raw if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "historical": self.date.historical if self.date else False,
            "place": self.place.to_json() if self.place else None,
            "negated": self.negated,
            "modality": self.modality,
            "dyadic": self.dyadic,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class CodedArticle:
    """Everything the pipeline learned about one article; what sinks write."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()


def as_dict(record: Any) -> dict[str, Any]:
    """A plain-dict view of any record, for debugging and tests."""
    return asdict(record)
