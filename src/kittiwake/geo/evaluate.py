"""Score toponym resolution and event-place choice against gold JSONL files.

Two gold formats are read (one record a line):

- toponym sets: `{"id", "text", "toponyms": [{"start", "end", "lat", "lon", ...}]}` with
  optional `country` (a country name), `geonameid`, `offset_status` ("mismatch" spans are
  skipped). Each gold span with coordinates is resolved in its document, the document's
  other gold spans being its context, as geoparser evaluations with gold spans do. The
  gold country is the `country` field, else that of the gold GeoNames id in the
  gazetteer, else that of the populated place nearest the gold point. Spans the gazetteer
  cannot name are placed by the resolver's fallbacks (a place inside the name, else the
  document's focus) and scored like the rest; their number is reported.
- event-place sets: `{"id", "text", "verbs": [{"start", "end"}], "event_locations": [...]}`:
  one sentence and one event trigger a record; the place chosen for the trigger is right
  when it overlaps a gold location, or when there is none and none is chosen. A baseline
  (the sentence's first place) is scored in the same run. Records with a gold location
  whose offsets do not give its text (empty or shifted spans) are left out.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

from kittiwake.geo.gazetteer import GazEntry, Gazetteer
from kittiwake.geo.toponyms import find_places, resolve_mentions
from kittiwake.records import Place, Span
from kittiwake.where import event_place

EARTH_RADIUS_KM = 6371.0088
ACCURACY_KM = 161.0  # 100 miles, the usual geoparsing threshold


@dataclass(frozen=True, slots=True)
class ResolutionScores:
    n: int
    resolved: int  # placed at all
    by_fallback: int  # placed by a place inside the name or at the document's focus
    country_accuracy: float
    accuracy_161km: float
    accuracy_161km_or_id: float  # also right: the gold GeoNames id, whatever its centre point
    mean_error_km: float
    median_error_km: float
    errors: dict[str, int] = field(default_factory=dict)  # see `_error_kind`

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "toponym-resolution",
            "n": self.n,
            "resolved": self.resolved,
            "resolved_by_fallback": self.by_fallback,
            "country_accuracy": round(self.country_accuracy, 4),
            "accuracy_161km": round(self.accuracy_161km, 4),
            "accuracy_161km_or_geonameid": round(self.accuracy_161km_or_id, 4),
            "mean_error_km": round(self.mean_error_km, 1),
            "median_error_km": round(self.median_error_km, 1),
            "errors": dict(sorted(self.errors.items())),
        }


@dataclass(frozen=True, slots=True)
class PlaceChoiceScores:
    n: int
    accuracy: float
    precision: float
    recall: float
    baseline_accuracy: float
    gold_subset: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "task": "event-place",
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "baseline_first_place_accuracy": round(self.baseline_accuracy, 4),
            "adjudicated_subset": {k: round(v, 4) for k, v in self.gold_subset.items()},
        }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def read_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for count, line in enumerate(handle):
            if limit is not None and count >= limit:
                return
            if line.strip():
                yield json.loads(line)


def is_event_place_gold(record: dict[str, Any]) -> bool:
    return "verbs" in record


def evaluate_path(
    path: Path,
    *,
    load_nlp: Callable[[], Language],
    gazetteer: Gazetteer,
    limit: int | None = None,
) -> ResolutionScores | PlaceChoiceScores:
    """Score whichever kind of gold `path` holds (only event places need the parser)."""
    records = list(read_gold(path, limit=limit))
    if records and is_event_place_gold(records[0]):
        return evaluate_event_places(records, nlp=load_nlp(), gazetteer=gazetteer)
    return evaluate_resolution(records, gazetteer=gazetteer)


def evaluate_resolution(
    records: Sequence[dict[str, Any]], *, gazetteer: Gazetteer
) -> ResolutionScores:
    """Resolve every gold toponym with coordinates in its document and score it."""
    nearest = NearestPlace(gazetteer)
    errors: list[float] = []
    country_hits = 0
    id_or_distance_hits = 0
    by_fallback = 0
    kinds: Counter[str] = Counter()
    n = 0
    for record in records:
        gold = [
            t
            for t in record.get("toponyms", ())
            if t.get("lat") is not None and t.get("offset_status") != "mismatch"
        ]
        spans = [(t["start"], t["end"]) for t in gold]
        predicted = resolve_mentions(record["text"], spans, gazetteer=gazetteer)
        for toponym, resolution in zip(gold, predicted, strict=True):
            n += 1
            if resolution is None:
                kinds["unresolved"] += 1
                continue
            entry = resolution.entry
            by_fallback += resolution.method != "name"
            lat, lon = float(toponym["lat"]), float(toponym["lon"])
            errors.append(haversine_km(lat, lon, entry.lat, entry.lon))
            same_id = str(entry.geonameid) == str(toponym.get("geonameid") or "")
            id_or_distance_hits += same_id or errors[-1] <= ACCURACY_KM
            same_country = entry.country == gold_country(toponym, gazetteer, nearest)
            country_hits += same_country
            kinds[_error_kind(errors[-1], same_country=same_country, same_id=same_id)] += 1
    hits = sum(error <= ACCURACY_KM for error in errors)
    return ResolutionScores(
        n=n,
        resolved=len(errors),
        by_fallback=by_fallback,
        country_accuracy=country_hits / n if n else 0.0,
        accuracy_161km=hits / n if n else 0.0,
        accuracy_161km_or_id=id_or_distance_hits / n if n else 0.0,
        mean_error_km=float(np.mean(errors)) if errors else 0.0,
        median_error_km=float(np.median(errors)) if errors else 0.0,
        errors={kind: count for kind, count in kinds.items() if kind != "right"},
    )


def _error_kind(km: float, *, same_country: bool, same_id: bool) -> str:
    """right; wrong_country; far_same_entry (the gold GeoNames id, another centre point);
    far_in_country (a namesake, or a fallback, in the right country)."""
    if not same_country:
        return "wrong_country" if km > ACCURACY_KM else "near_other_country"
    if km <= ACCURACY_KM:
        return "right"
    return "far_same_entry" if same_id else "far_in_country"


class NearestPlace:
    """Reverse geocoding to the nearest populated place (for gold points without a country)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.entries = [e for e in gazetteer.entries() if e.feature.startswith("PPL")]
        self.lats = np.radians([e.lat for e in self.entries])
        self.lons = np.radians([e.lon for e in self.entries])

    def __call__(self, lat: float, lon: float) -> GazEntry:
        phi, lam = math.radians(lat), math.radians(lon)
        a = (
            np.sin((self.lats - phi) / 2) ** 2
            + np.cos(phi) * np.cos(self.lats) * np.sin((self.lons - lam) / 2) ** 2
        )
        return self.entries[int(np.argmin(a))]


def gold_country(
    toponym: dict[str, Any], gazetteer: Gazetteer, nearest: Callable[[float, float], GazEntry]
) -> str:
    name = toponym.get("country")
    if name:
        countries = [e for e in gazetteer.candidates(name) if e.feature == "PCLI"]
        if countries:
            return countries[0].country
    if toponym.get("geonameid"):
        entry = gazetteer.by_geonameid(int(toponym["geonameid"]))
        if entry is not None:
            return entry.country
    return nearest(float(toponym["lat"]), float(toponym["lon"])).country


def evaluate_event_places(
    records: Sequence[dict[str, Any]], *, nlp: Language, gazetteer: Gazetteer
) -> PlaceChoiceScores:
    """Score the place chosen for each record's trigger, and a first-place baseline."""
    records = [r for r in records if len(r.get("verbs", ())) == 1 and _spans_match(r)]
    outcomes: list[tuple[bool, bool, bool, bool, bool]] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        verb = record["verbs"][0]
        trigger = Span(verb["start"], verb["end"], verb.get("text", ""))
        places = [p for p in find_places(doc, gazetteer=gazetteer) if _in_sentence(doc, p, trigger)]
        gold = [(loc["start"], loc["end"]) for loc in record.get("event_locations", ())]
        chosen = event_place(doc, trigger=trigger, places=places)
        baseline = places[0] if places else None
        outcomes.append(
            (
                _right(chosen, gold),
                _right(baseline, gold),
                chosen is not None,
                bool(gold),
                chosen is not None and bool(gold) and _right(chosen, gold),
            )
        )
    gold_flags = [bool(r.get("is_gold_relabel")) for r in records]
    subset = [o for o, flag in zip(outcomes, gold_flags, strict=True) if flag]
    return PlaceChoiceScores(
        n=len(outcomes),
        accuracy=_share(o[0] for o in outcomes),
        precision=_ratio(outcomes, 4, 2),
        recall=_ratio(outcomes, 4, 3),
        baseline_accuracy=_share(o[1] for o in outcomes),
        gold_subset={
            "n": float(len(subset)),
            "accuracy": _share(o[0] for o in subset),
            "baseline_accuracy": _share(o[1] for o in subset),
        },
    )


def _spans_match(record: dict[str, Any]) -> bool:
    """False for records whose gold location offsets do not give their text (left out)."""
    return all(
        loc.get("text", "").strip() and record["text"][loc["start"] : loc["end"]] == loc["text"]
        for loc in record.get("event_locations", ())
    )


def _in_sentence(doc: Any, place: Place, trigger: Span) -> bool:
    token = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if token is None:
        return False
    sentence = token.sent
    return place.start is not None and sentence.start_char <= place.start < sentence.end_char


def _right(place: Place | None, gold: Sequence[tuple[int, int]]) -> bool:
    if place is None or place.start is None or place.end is None:
        return not gold
    return any(place.start < end and start < place.end for start, end in gold)


def _share(flags: Any) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def _ratio(outcomes: Sequence[tuple[bool, ...]], numerator: int, denominator: int) -> float:
    total = sum(o[denominator] for o in outcomes)
    return sum(o[numerator] for o in outcomes) / total if total else 0.0
