"""Consolidation: events from different articles that report one real-world event form a cluster.

Ten outlets reporting one air strike give ten coded events; a cluster groups them so that
counts follow what happened rather than how often it was reported. Every member keeps its own
evidence; a cluster adds a stable id, a representative (the best-evidenced member) and counts of
mentions, articles and sources.

The method is single-pass, greedy and deterministic (see README, "Event clusters"):

1. Events are taken in order of date, then document, then id.
2. Blocking: an event is compared only with clusters of the same event family (PLOVER type,
   else CAMEO root) whose dates lie within the coarser of the two date precisions (a day-precise
   event looks one day either side; a month-precise one 31 days). This keeps the work per event
   small and independent of the size of the store.
3. Hard constraints: actors compatible on each side (same code, or same country, or one side
   unknown); places compatible (same country, or one unknown).
4. Soft score: shared trigger lemma, overlap of argument words (content words of the sentence)
   and actors that agree exactly. The event joins the best-scoring cluster at or above the
   threshold, else founds a new one whose id derives from its own event id.

Events of one mention (one trigger, several source-target pairs) always share a cluster.
Incremental assignment replays stored memberships into an index and assigns new events with
the same rules, so adding an article never re-clusters the store; a rebuild re-runs step 1-4.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from kittiwake.lang import StopWords, load_words
from kittiwake.records import Event

# How far apart two dates may be and still name the same day, by the coarser precision.
PRECISION_DAYS: Mapping[str, int] = MappingProxyType(
    {"day": 1, "week": 7, "month": 31, "season": 92, "year": 366}
)
_FINEST = {"day": 4, "week": 3, "month": 2, "season": 1, "year": 0}
_WORD = re.compile(r"[a-z][a-z'\-]+")


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """What consolidation reads of one stored event."""

    event_id: str
    doc_id: str
    mention_id: str = ""
    outlet: str | None = None  # the article's source; None counts the article as its own outlet
    cameo_root: str = ""
    plover_type: str | None = None
    source_code: str | None = None
    source_country: str | None = None
    target_code: str | None = None
    target_country: str | None = None
    date: dt.date | None = None
    precision: str = "day"
    place_country: str | None = None
    place_name: str | None = None
    trigger: str = ""  # trigger lemma (`lemma`)
    words: frozenset[str] = frozenset()  # argument words (`argument_words`)

    @property
    def family(self) -> str:
        """The blocking key: PLOVER type where there is one, else the CAMEO root."""
        return f"P:{self.plover_type}" if self.plover_type else f"C:{self.cameo_root}"


@dataclass(frozen=True, slots=True)
class Settings:
    """Weights of the soft score and the score an event needs to join a cluster."""

    # chosen on ECB+ (README, "Event clusters"); the same on both halves of its topics
    threshold: float = 0.9
    trigger_weight: float = 0.8
    words_weight: float = 0.5
    actor_weight: float = 0.15


@dataclass(frozen=True, slots=True)
class Cluster:
    """One real-world event as reported: its members, representative and counts."""

    cluster_id: str
    representative_id: str
    members: tuple[str, ...]
    mentions: int
    articles: int
    sources: int
    first_date: dt.date | None
    last_date: dt.date | None


@dataclass(frozen=True, slots=True)
class Consolidation:
    """Event id -> cluster id for every event, and the clusters."""

    assignments: Mapping[str, str]
    clusters: tuple[Cluster, ...] = field(default=())


def lemma(word: str) -> str:
    """A light stem: 'killed', 'killing' and 'kills' all give 'kill' (no parser needed)."""
    word = word.lower().strip("'-")
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return stem + "y"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                return stem[:-1]  # 'stopped' -> 'stop'
            return stem
    return word


def trigger_lemma(text: str) -> str:
    """The lemma of a trigger's last content word ('has been arrested' -> 'arrest')."""
    stopwords = load_words(StopWords).all_words
    words = [w for w in _WORD.findall(text.lower()) if w not in stopwords]
    return lemma(words[-1]) if words else text.lower().strip()


def argument_words(text: str, *, exclude: Iterable[str] = ()) -> frozenset[str]:
    """Content-word lemmas of `text` (a sentence), without stopwords and `exclude` lemmas."""
    excluded = set(exclude)
    stopwords = load_words(StopWords).all_words
    words = {lemma(w) for w in _WORD.findall(text.lower()) if w not in stopwords}
    return frozenset(w for w in words if w not in excluded and len(w) > 2)


def from_event(event: Event, *, outlet: str | None) -> StoredEvent:
    """What consolidation reads of a coded event (before it is stored)."""
    source, target, date, place = event.source, event.target, event.date, event.place
    trigger = trigger_lemma(event.trigger.text)
    return StoredEvent(
        event_id=event.event_id,
        doc_id=event.doc_id,
        mention_id=event.mention_id,
        outlet=outlet,
        cameo_root=event.cameo_root,
        plover_type=event.plover_type,
        source_code=source.actor.code or None if source else None,
        source_country=source.actor.country if source else None,
        target_code=target.actor.code or None if target else None,
        target_country=target.actor.country if target else None,
        date=date.value if date else None,
        precision=date.precision if date else "day",
        place_country=place.country if place else None,
        place_name=place.name if place else None,
        trigger=trigger,
        words=argument_words(event.text, exclude=(trigger,)),
    )


def evidence(event: StoredEvent) -> tuple[int, int, int, int]:
    """How well an event is evidenced: coded actors, known countries, a place, date precision."""
    actors = sum(code is not None and code != "" for code in (event.source_code, event.target_code))
    countries = sum(c is not None for c in (event.source_country, event.target_country))
    return actors, countries, int(event.place_name is not None), _FINEST.get(event.precision, 0)


def order_key(event: StoredEvent) -> tuple[dt.date, str, str]:
    return event.date or dt.date.min, event.doc_id, event.event_id


def cluster_id_for(founder: StoredEvent) -> str:
    """A cluster's id: stable as long as its first member (in `order_key` order) is stored."""
    return f"C{founder.event_id}"


class _Profile:
    """What a cluster looks like so far (internal to `ClusterIndex`)."""

    __slots__ = (
        "cluster_id",
        "first",
        "last",
        "window",
        "sources",
        "targets",
        "places",
        "triggers",
        "words",
    )

    def __init__(self, cluster_id: str) -> None:
        self.cluster_id = cluster_id
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.window = 0
        self.sources: set[str] = set()  # codes and countries, prefixed to keep them apart
        self.targets: set[str] = set()
        self.places: set[str] = set()
        self.triggers: Counter[str] = Counter()
        self.words: Counter[str] = Counter()

    def add(self, event: StoredEvent) -> None:
        if event.date is not None:
            self.first = min(self.first or event.date, event.date)
            self.last = max(self.last or event.date, event.date)
        self.window = max(self.window, PRECISION_DAYS.get(event.precision, 1))
        self.sources.update(_side(event.source_code, event.source_country))
        self.targets.update(_side(event.target_code, event.target_country))
        if event.place_country:
            self.places.add(event.place_country)
        self.triggers[event.trigger] += 1
        self.words.update(event.words)


def _side(code: str | None, country: str | None) -> set[str]:
    values = set()
    if code:
        values.add(f"c:{code}")
    if country:
        values.add(f"n:{country}")
    return values


def _side_compatible(values: set[str], known: set[str]) -> bool:
    return not values or not known or bool(values & known)


def compatible(event: StoredEvent, profile: _Profile) -> bool:
    """Hard constraints: dates within precision, actors on each side and places agree."""
    if event.date is not None and profile.first is not None and profile.last is not None:
        window = max(profile.window, PRECISION_DAYS.get(event.precision, 1))
        if (profile.first - event.date).days > window or (event.date - profile.last).days > window:
            return False
    if event.place_country and profile.places and event.place_country not in profile.places:
        return False
    return _side_compatible(
        _side(event.source_code, event.source_country), profile.sources
    ) and _side_compatible(_side(event.target_code, event.target_country), profile.targets)


def score(event: StoredEvent, profile: _Profile, *, settings: Settings) -> float:
    """The soft score of `event` joining `profile`: trigger, argument words, exact actors."""
    value = settings.trigger_weight * (event.trigger in profile.triggers)
    if event.words:
        shared = sum(1 for word in event.words if word in profile.words)
        value += settings.words_weight * shared / min(len(event.words), max(len(profile.words), 1))
    exact = bool(event.source_code and f"c:{event.source_code}" in profile.sources) + bool(
        event.target_code and f"c:{event.target_code}" in profile.targets
    )
    return value + settings.actor_weight * exact


class ClusterIndex:
    """Clusters so far, blocked by (event family, day), to which events are assigned."""

    def __init__(self, *, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._blocks: dict[tuple[str, int], list[_Profile]] = {}
        self._undated: dict[str, list[_Profile]] = {}
        self._profiles: dict[str, _Profile] = {}
        self._by_mention: dict[str, str] = {}
        self._reach: dict[str, int] = {}  # the widest date window of any cluster per family

    @classmethod
    def replay(
        cls,
        events: Iterable[StoredEvent],
        assignments: Mapping[str, str],
        *,
        settings: Settings | None = None,
    ) -> ClusterIndex:
        """An index holding stored clusters as they are (their events and memberships)."""
        index = cls(settings=settings)
        for event in sorted(events, key=order_key):
            cluster_id = assignments.get(event.event_id)
            if cluster_id is not None:
                index._join(event, cluster_id)
        return index

    def assign(self, events: Iterable[StoredEvent]) -> dict[str, str]:
        """Assign events (in `order_key` order) to clusters; event id -> cluster id."""
        result: dict[str, str] = {}
        for event in sorted(events, key=order_key):
            cluster_id = self._by_mention.get(event.mention_id) if event.mention_id else None
            if cluster_id is None:
                cluster_id = self._best(event) or cluster_id_for(event)
            self._join(event, cluster_id)
            result[event.event_id] = cluster_id
        return result

    def _best(self, event: StoredEvent) -> str | None:
        best, best_score = None, self.settings.threshold
        for profile in self._candidates(event):
            if not compatible(event, profile):
                continue
            value = score(event, profile, settings=self.settings)
            if value >= best_score and (best is None or value > best_score):
                best, best_score = profile.cluster_id, value
        return best

    def _candidates(self, event: StoredEvent) -> Iterable[_Profile]:
        family = event.family
        if event.date is None:
            return list(self._undated.get(family, ()))
        # a coarse cluster sits in the block of its first day, so look as far back as the
        # coarsest window while `compatible` applies the exact one
        reach = max(PRECISION_DAYS.get(event.precision, 1), self._reach.get(family, 1))
        day = event.date.toordinal()
        seen: dict[str, _Profile] = {}
        for offset in range(-reach, reach + 1):
            for profile in self._blocks.get((family, day + offset), ()):
                seen.setdefault(profile.cluster_id, profile)
        seen.update((p.cluster_id, p) for p in self._undated.get(family, ()))
        return seen.values()

    def _join(self, event: StoredEvent, cluster_id: str) -> None:
        profile = self._profiles.get(cluster_id)
        if profile is None:
            profile = self._profiles[cluster_id] = _Profile(cluster_id)
        family = event.family
        if event.date is None:
            if profile.first is None and profile not in self._undated.get(family, []):
                self._undated.setdefault(family, []).append(profile)
        else:
            block = self._blocks.setdefault((family, event.date.toordinal()), [])
            if profile not in block:
                block.append(profile)
        profile.add(event)
        self._reach[family] = max(self._reach.get(family, 1), profile.window)
        if event.mention_id:
            self._by_mention.setdefault(event.mention_id, cluster_id)


def consolidate(
    events: Sequence[StoredEvent], *, settings: Settings | None = None
) -> Consolidation:
    """Cluster every event from scratch (the rebuild that `recode` runs)."""
    assignments = ClusterIndex(settings=settings).assign(events)
    return Consolidation(assignments, summarize(events, assignments))


def extend(
    new: Sequence[StoredEvent],
    *,
    stored: Sequence[StoredEvent],
    assignments: Mapping[str, str],
    settings: Settings | None = None,
) -> dict[str, str]:
    """Assign `new` events to the clusters of `stored` events, founding clusters as needed.

    `stored` need only hold the events whose dates could reach the new ones; their clusters
    are replayed, never re-clustered.
    """
    index = ClusterIndex.replay(stored, assignments, settings=settings)
    return index.assign(new)


def summarize(events: Iterable[StoredEvent], assignments: Mapping[str, str]) -> tuple[Cluster, ...]:
    """The clusters of `events`: members, representative and counts, ordered by id."""
    groups: dict[str, list[StoredEvent]] = {}
    for event in events:
        groups.setdefault(assignments.get(event.event_id, cluster_id_for(event)), []).append(event)
    return tuple(_cluster(cluster_id, groups[cluster_id]) for cluster_id in sorted(groups))


def _cluster(cluster_id: str, members: list[StoredEvent]) -> Cluster:
    members.sort(key=order_key)
    # the best-evidenced member; among equals the earliest
    best = min(members, key=lambda e: (tuple(-v for v in evidence(e)), order_key(e)))
    dates = [e.date for e in members if e.date is not None]
    return Cluster(
        cluster_id=cluster_id,
        representative_id=best.event_id,
        members=tuple(e.event_id for e in members),
        mentions=len({e.mention_id or e.event_id for e in members}),
        articles=len({e.doc_id for e in members}),
        sources=len({e.outlet or f"doc:{e.doc_id}" for e in members}),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
    )


def baseline(events: Iterable[StoredEvent]) -> dict[str, str]:
    """The comparison clustering: same CAMEO root, same dyad, same day."""
    return {e.event_id: f"{e.cameo_root}|{e.source_code}|{e.target_code}|{e.date}" for e in events}
