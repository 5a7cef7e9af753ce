"""Scoring coded events against gold sentences (PLOVER gold-standard records and the like).

Gold format: JSON Lines, one sentence per line: `text`, optional `date`, and `events`, each
with `event_type` (PLOVER; older names are mapped), optional `cameo`, and `source`/`target`
lists of `{text, code, sector}`. A sentence's *primary* coded event is the one whose trigger
is highest in the dependency tree (the main verb); accuracy compares it with the gold type.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kittiwake.events.code import tree_depth
from kittiwake.pipeline import Pipeline, is_reportable
from kittiwake.records import Article, Event, Mention

# PLOVER 0.5b1 names used by the gold-standard records -> current PLOVER names.
OLD_PLOVER_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
# CAMEO's old country codes where they differ from ISO 3166 alpha-3.
CAMEO_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "GMY": "DEU", "UK": "GBR"}
# The PLOVER gold's sector vocabulary where it differs from CAMEO's, which kittiwake codes
# in: it writes JRN for the media (CAMEO MED), MED for medical workers (CAMEO HLH), and
# CIV, now and then, for civilians (CVL).
GOLD_SECTOR_CODES = {"JRN": "MED", "MED": "HLH", "CIV": "CVL"}


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    date: dt.date | None  # None: the record has no date; people resolve by title, not by date
    event_type: str | None
    cameo: str | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


@dataclass
class Scores:
    """Counts behind every figure `kittiwake evaluate` prints."""

    sentences: int = 0
    with_gold: int = 0
    type_correct: int = 0
    type_recalled: int = 0
    root_total: int = 0
    root_correct: int = 0
    coded_events: int = 0
    coded_events_matching_type: int = 0
    source_country: int = 0
    source_sector: int = 0
    target_country: int = 0
    target_sector: int = 0
    actor_scored: int = 0
    target_scored: int = 0
    triple_predicted: int = 0
    triple_true_positive: int = 0
    triple_recalled: int = 0
    primary_predicted: int = 0
    primary_correct: int = 0
    gold_actors: int = 0
    gold_actor_country: int = 0
    gold_actor_country_sector: int = 0
    gold_actor_found: int = 0
    max_events_per_sentence: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, object]] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        precision = ratio(self.primary_correct, self.primary_predicted)
        recall = ratio(self.primary_correct, self.with_gold)
        all_precision = ratio(self.triple_true_positive, self.triple_predicted)
        all_recall = ratio(self.triple_recalled, self.with_gold)
        return {
            "sentences": self.sentences,
            "sentences_with_gold_event": self.with_gold,
            "type_accuracy": ratio(self.type_correct, self.with_gold),
            "event_recall": ratio(self.type_recalled, self.with_gold),
            "event_precision": ratio(self.coded_events_matching_type, self.coded_events),
            "cameo_root_accuracy": ratio(self.root_correct, self.root_total),
            "source_country_accuracy": ratio(self.source_country, self.actor_scored),
            "source_sector_accuracy": ratio(self.source_sector, self.actor_scored),
            "target_country_accuracy": ratio(self.target_country, self.target_scored),
            "target_sector_accuracy": ratio(self.target_sector, self.target_scored),
            "triple_precision": precision,
            "triple_recall": recall,
            "triple_f1": f1_of(precision, recall),
            "triple_f1_all_events": f1_of(all_precision, all_recall),
            "gold_actors": self.gold_actors,
            "gold_actor_found": ratio(self.gold_actor_found, self.gold_actors),
            "gold_actor_country_accuracy": ratio(self.gold_actor_country, self.gold_actors),
            "gold_actor_country_sector_accuracy": ratio(
                self.gold_actor_country_sector, self.gold_actors
            ),
            "max_events_per_sentence": self.max_events_per_sentence,
            "confusion": {f"{g} -> {p}": n for (g, p), n in self.confusion.most_common()},
        }


def f1_of(precision: float | None, recall: float | None) -> float:
    if not precision or not recall:
        return 0.0
    return round(2 * precision * recall / (precision + recall), 4)


def read_gold(path: Path) -> list[GoldSentence]:
    sentences = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{number}: not JSON: {error.msg}") from error
        sentences.append(gold_sentence(record, fallback_id=f"{path.name}:{number}"))
    return sentences


def gold_sentence(record: dict, *, fallback_id: str) -> GoldSentence:  # type: ignore[type-arg]
    events = record.get("events") or []
    first = events[0] if events else {}
    raw_type = first.get("event_type")
    date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    sources = tuple(gold_actor(a) for a in first.get("source") or [])
    targets = tuple(gold_actor(a) for a in first.get("target") or [])
    if not targets and len(sources) > 1 and "SRC/TAR" in str(record.get("markup", "")):
        targets = sources  # "(SRC/TAR: Hungarian) and (SRC/TAR: Romanian)": each acts on the other
    return GoldSentence(
        id=str(record.get("id", fallback_id)),
        text=record["text"],
        date=date,
        event_type=OLD_PLOVER_NAMES.get(raw_type, raw_type) if raw_type else None,
        cameo=first.get("cameo"),
        sources=sources,
        targets=targets,
    )


def gold_actor(actor: dict) -> GoldActor:  # type: ignore[type-arg]
    code = (actor.get("code") or "").upper() or None
    sector = (actor.get("sector") or "")[:3].upper() or None
    if code and len(code) > 3 and sector is None:
        code, sector = code[:3], code[3:6]
    return GoldActor(
        text=actor.get("text", ""),
        country=CAMEO_COUNTRY_CODES.get(code, code) if code else None,
        sector=None if sector in (None, "***") else GOLD_SECTOR_CODES.get(sector, sector),
    )


def primary_event(events: Sequence[Event], depths: dict[int, int]) -> Event | None:
    """The event whose trigger is highest in the parse (smallest depth), then the earliest."""
    if not events:
        return None
    ranked = [(depths.get(e.trigger.start, 99), e.trigger.start, i) for i, e in enumerate(events)]
    return events[min(ranked)[2]]


def actor_country(event_actor) -> str | None:  # type: ignore[no-untyped-def]
    if event_actor is None:
        return None
    actor = event_actor.actor
    return actor.country or (actor.code[:3] if actor.code else None)


def evaluate(
    gold: Iterable[GoldSentence], *, pipeline: Pipeline | None = None, keep_misses: bool = False
) -> Scores:
    pipeline = pipeline or Pipeline()
    scores = Scores()
    for sentence in gold:
        article = Article(
            doc_id=sentence.id, text=sentence.text, date=sentence.date, origin=sentence.id
        )
        coded = pipeline.code_safely(article)
        events = [e for e in getattr(coded, "events", ()) if is_reportable(e)]
        participants = [m for e in events for m in (e.source, e.target) if m is not None]
        # an event participant over the same words wins: it is the coding the events carry
        score_gold_actors(scores, sentence, [*participants, *getattr(coded, "mentions", ())])
        doc = pipeline.parse.nlp(sentence.text)
        depths = {t.idx: tree_depth(t) for t in doc}
        score_sentence(scores, sentence, events, depths, keep_misses=keep_misses)
    return scores


def score_sentence(
    scores: Scores,
    sentence: GoldSentence,
    events: list[Event],
    depths: dict[int, int],
    *,
    keep_misses: bool,
) -> None:
    scores.sentences += 1
    scores.max_events_per_sentence = max(scores.max_events_per_sentence, len(events))
    scores.coded_events += len(events)
    scores.coded_events_matching_type += sum(e.plover_type == sentence.event_type for e in events)
    if sentence.event_type is None:
        return
    scores.with_gold += 1
    primary = primary_event(events, depths)
    predicted_type = primary.plover_type if primary and primary.plover_type else "NONE"
    scores.confusion[(sentence.event_type, predicted_type)] += 1
    scores.type_correct += predicted_type == sentence.event_type
    matching = [e for e in events if e.plover_type == sentence.event_type]
    scores.type_recalled += bool(matching)
    if sentence.cameo and primary is not None:
        scores.root_total += 1
        scores.root_correct += primary.cameo_root == sentence.cameo[:2]
    best = matching[0] if matching else primary
    score_actors(scores, sentence, best)
    score_triples(scores, sentence, events, primary)
    if keep_misses and predicted_type != sentence.event_type:
        scores.misses.append(
            {
                "id": sentence.id,
                "text": sentence.text,
                "gold": sentence.event_type,
                "predicted": [
                    f"{e.plover_type}:{e.cameo}:{e.trigger.text}:{e.rule}" for e in events
                ],
            }
        )


def score_gold_actors(scores: Scores, sentence: GoldSentence, mentions: Sequence[Mention]) -> None:
    """Actor resolution on its own: for every gold actor with a country code, the mention
    kittiwake found over the same words (largest overlap) and its country and sector."""
    seen: set[tuple[str, str | None]] = set()
    for gold in (*sentence.sources, *sentence.targets):
        key = (gold.text, gold.country)
        if not gold.country or key in seen:
            continue
        seen.add(key)
        scores.gold_actors += 1
        mention = mention_over(sentence.text, gold.text, mentions)
        if mention is None:
            continue
        scores.gold_actor_found += 1
        country = mention.actor.country or (mention.actor.code[:3] or None)
        if country == gold.country:
            scores.gold_actor_country += 1
            # "IGO"/"NGO" codes carry their sector; the gold leaves the sector empty for them
            implied = gold.sector is None and gold.country in ("IGO", "NGO", "IMG")
            scores.gold_actor_country_sector += implied or mention.actor.sector == gold.sector


def mention_over(text: str, phrase: str, mentions: Sequence[Mention]) -> Mention | None:
    """The mention that overlaps most with the first occurrence of `phrase` in `text`."""
    first_part = phrase.split("..")[0].split()
    if not first_part:
        return None
    # the gold markup leaves runs of spaces where tags were ("NATO  peacekeeping troops")
    found = re.search(r"\s+".join(re.escape(word) for word in first_part), text)
    if found is None:
        return None
    start, end = found.span()
    best: tuple[int, Mention] | None = None
    for mention in mentions:
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap > 0 and mention.actor.code and (best is None or overlap > best[0]):
            best = (overlap, mention)
    return best[1] if best else None


def score_actors(scores: Scores, sentence: GoldSentence, event: Event | None) -> None:
    if sentence.sources:
        scores.actor_scored += 1
        source = event.source if event else None
        scores.source_country += any(actor_country(source) == g.country for g in sentence.sources)
        scores.source_sector += any(
            (source.actor.sector if source else None) == g.sector for g in sentence.sources
        )
    if sentence.targets:
        scores.target_scored += 1
        target = event.target if event else None
        scores.target_country += any(actor_country(target) == g.country for g in sentence.targets)
        scores.target_sector += any(
            (target.actor.sector if target else None) == g.sector for g in sentence.targets
        )


def score_triples(
    scores: Scores, sentence: GoldSentence, events: list[Event], primary: Event | None
) -> None:
    """Triples (type, source country, target country). The headline F1 scores each sentence's
    primary event, as the gold codes one event per sentence; the "all events" variant counts
    every coded event as a prediction, so other real events in a sentence count against it."""
    gold = {
        (sentence.event_type, s.country, t.country)
        for s in sentence.sources or (GoldActor("", None, None),)
        for t in sentence.targets or (GoldActor("", None, None),)
        if s is not t
    }
    predicted = {(e.plover_type, actor_country(e.source), actor_country(e.target)) for e in events}
    if primary is not None:
        scores.primary_predicted += 1
        triple = (primary.plover_type, actor_country(primary.source), actor_country(primary.target))
        scores.primary_correct += triple in gold
    scores.triple_predicted += len(predicted)
    hits = predicted & gold
    scores.triple_true_positive += len(hits)
    scores.triple_recalled += bool(hits)
