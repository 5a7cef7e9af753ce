"""Scoring whole coded articles against exhaustively annotated gold articles.

Gold format (JSON Lines, one article per line, as in `real_news_dev`): `id`, `date`, `text`,
`sentences` (`index, start, end`), `events` (each with its `sentence`, `trigger`, `source` and
`target` as `{text, code}` or null, `cameo`, `cameo_root`, `plover`, `date`,
`date_precision`, `place` as `{name, country}` or null, and optional `alt_cameo`,
`alt_source`, `alt_target`) and `non_events` (traps: a `sentence`, a `trigger`, a `reason`).

A predicted event matches a gold event of the same sentence when its type agrees (PLOVER
type, or CAMEO root, alternatives included) and so do its source and target countries;
CONSULT, AGREE and COOPERATE are symmetric, so their roles may be swapped. Each gold event is
matched at most once (one-to-one within a sentence). Errors are grouped by kind so that an
accuracy change can be aimed at a category, never at a sentence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kittiwake.pipeline import Pipeline, is_default_output, is_reportable
from kittiwake.records import Article, CodedArticle, Event, Mention

# CAMEO's symmetric acts: "X met Y" and "Y met X" are one event, coded in either direction.
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# CAMEO's old country codes where they differ from ISO 3166 alpha-3.
CAMEO_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "GMY": "DEU", "UK": "GBR"}


@dataclass(frozen=True, slots=True)
class GoldActorCodes:
    """The acceptable codes for one role: the gold code and its alternatives (None: no code)."""

    codes: tuple[str | None, ...]

    @property
    def countries(self) -> frozenset[str | None]:
        return frozenset(country_of_code(code) for code in self.codes)

    @property
    def full_codes(self) -> frozenset[str | None]:
        return frozenset(normal_code(code) for code in self.codes)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    sentence: int
    trigger: str
    source: GoldActorCodes
    target: GoldActorCodes
    plover: str | None
    cameo_roots: frozenset[str]
    date: dt.date | None
    date_precision: str
    place_country: str | None
    trigger_span: tuple[int, int] | None = None  # where `trigger` stands in the article


@dataclass(frozen=True, slots=True)
class GoldTrap:
    sentence: int
    trigger: str
    reason: str
    would_be_root: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    date: dt.date | None
    text: str
    sentence_spans: tuple[tuple[int, int], ...]
    events: tuple[GoldEvent, ...]
    traps: tuple[GoldTrap, ...]

    def sentence_of(self, offset: int) -> int | None:
        for index, (start, end) in enumerate(self.sentence_spans):
            if start <= offset < end:
                return index
        return None


@dataclass(frozen=True, slots=True)
class Prediction:
    """One default-output event as the scorer sees it."""

    event: Event
    sentence: int | None

    @property
    def source_country(self) -> str | None:
        return mention_country(self.event.source)

    @property
    def target_country(self) -> str | None:
        return mention_country(self.event.target)


@dataclass
class DocumentScores:
    """Counts behind every figure printed for a document-level evaluation."""

    articles: int = 0
    gold_events: int = 0
    predicted: int = 0
    triple_matched: int = 0
    sector_matched: int = 0
    type_matched: int = 0
    both_actors: int = 0
    dyadic_or_monadic: int = 0
    complete: int = 0
    dated: int = 0
    date_right: int = 0
    placed: int = 0
    place_right: int = 0
    trap_hits: int = 0
    duplicate_records: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    error_records: list[dict[str, object]] = field(default_factory=list)
    # the same counts for every reportable event with an actor, complete or not (`--all`
    # less negated and hypothetical acts): what the default output trades for precision
    with_incomplete: DocumentScores | None = None

    def to_json(self) -> dict[str, object]:
        triple = precision_recall(self.triple_matched, self.predicted, self.gold_events)
        sector = precision_recall(self.sector_matched, self.predicted, self.gold_events)
        kind = precision_recall(self.type_matched, self.predicted, self.gold_events)
        broad = self.with_incomplete
        return {
            "articles": self.articles,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted,
            "triple_precision": triple[0],
            "triple_recall": triple[1],
            "triple_f1": triple[2],
            "triple_with_sector_precision": sector[0],
            "triple_with_sector_recall": sector[1],
            "triple_with_sector_f1": sector[2],
            "type_precision": kind[0],
            "type_recall": kind[1],
            "type_f1": kind[2],
            "both_actors_share": ratio(self.both_actors, self.predicted),
            # both actors coded, or a one-actor act by CAMEO's definition (issue 12's measure)
            "dyadic_or_monadic_share": ratio(self.dyadic_or_monadic, self.predicted),
            "complete_share": ratio(self.complete, self.predicted),
            "date_accuracy": ratio(self.date_right, self.dated),
            "place_country_accuracy": ratio(self.place_right, self.placed),
            "matched_with_gold_place": self.placed,
            "trap_hits": self.trap_hits,
            "duplicate_records": self.duplicate_records,
            "errors": dict(self.errors.most_common()),
            "with_incomplete_events": broad.headline() if broad is not None else None,
        }

    def headline(self) -> dict[str, object]:
        triple = precision_recall(self.triple_matched, self.predicted, self.gold_events)
        kind = precision_recall(self.type_matched, self.predicted, self.gold_events)
        return {
            "predicted_events": self.predicted,
            "triple_precision": triple[0],
            "triple_recall": triple[1],
            "triple_f1": triple[2],
            "type_precision": kind[0],
            "type_recall": kind[1],
            "type_f1": kind[2],
        }


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def precision_recall(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def country_of_code(code: str | None) -> str | None:
    if not code:
        return None
    return CAMEO_COUNTRY_CODES.get(code[:3], code[:3])


def normal_code(code: str | None) -> str | None:
    """Country plus primary sector (six letters at most), the level the gold is sure of."""
    if not code:
        return None
    return (country_of_code(code) or "") + code[3:6]


def mention_country(mention: Mention | None) -> str | None:
    if mention is None or not mention.actor.code:
        return None
    return CAMEO_COUNTRY_CODES.get(mention.actor.country or "", mention.actor.country) or (
        country_of_code(mention.actor.code)
    )


def mention_code(mention: Mention | None) -> str | None:
    if mention is None or not mention.actor.code:
        return None
    return (mention_country(mention) or "") + (mention.actor.sector or "")


def full_code(mention: Mention | None) -> str | None:
    return mention.actor.code if mention is not None else None


def is_document_gold(path: Path) -> bool:
    """True when the first record of `path` is a whole annotated article."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                return isinstance(record.get("sentences"), list) and "non_events" in record
    return False


def read_gold_articles(path: Path) -> list[GoldArticle]:
    articles = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            articles.append(gold_article(json.loads(line)))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{path}:{number}: not a gold article: {error}") from error
    return articles


def gold_article(record: dict) -> GoldArticle:  # type: ignore[type-arg]
    spans = tuple((s["start"], s["end"]) for s in sorted(record["sentences"], key=index_of))
    return GoldArticle(
        id=str(record["id"]),
        date=dt.date.fromisoformat(record["date"]) if record.get("date") else None,
        text=record["text"],
        sentence_spans=spans,
        events=tuple(gold_event(e, text=record["text"]) for e in record.get("events") or ()),
        traps=tuple(gold_trap(t) for t in record.get("non_events") or ()),
    )


def trigger_span(record: dict, text: str) -> tuple[int, int] | None:  # type: ignore[type-arg]
    """The article offsets of a gold event's trigger phrase: its first occurrence in its
    sentence, where the sentence gives offsets."""
    sentence, trigger = record["sentence"], record.get("trigger") or ""
    start, end = sentence.get("start"), sentence.get("end")
    if not trigger or start is None or end is None:
        return None
    at = text.find(trigger, start, end)
    return (at, at + len(trigger)) if at >= 0 else None


def index_of(sentence: dict) -> int:  # type: ignore[type-arg]
    return int(sentence["index"])


def gold_event(record: dict, *, text: str = "") -> GoldEvent:  # type: ignore[type-arg]
    cameo_codes = [record.get("cameo") or "", *(record.get("alt_cameo") or ())]
    place = record.get("place") or {}
    return GoldEvent(
        trigger_span=trigger_span(record, text),
        id=str(record.get("id", "")),
        sentence=int(record["sentence"]["index"]),
        trigger=record.get("trigger", ""),
        source=role_codes(record.get("source"), record.get("alt_source")),
        target=role_codes(record.get("target"), record.get("alt_target")),
        plover=record.get("plover"),
        cameo_roots=frozenset(code[:2] for code in cameo_codes if code),
        date=dt.date.fromisoformat(record["date"]) if record.get("date") else None,
        date_precision=record.get("date_precision") or "day",
        place_country=place.get("country"),
    )


def role_codes(actor: dict | None, alternatives: Sequence[str] | None) -> GoldActorCodes:  # type: ignore[type-arg]
    code = (actor or {}).get("code")
    return GoldActorCodes(codes=(code, *(alternatives or ())))


def gold_trap(record: dict) -> GoldTrap:  # type: ignore[type-arg]
    would_be = record.get("would_be_cameo")
    return GoldTrap(
        sentence=int(record["sentence"]["index"]),
        trigger=record.get("trigger", ""),
        reason=record.get("reason", ""),
        would_be_root=would_be[:2] if would_be else None,
    )


# -- matching -----------------------------------------------------------------------------


def same_type(prediction: Prediction, gold: GoldEvent) -> bool:
    event = prediction.event
    if gold.plover is not None and event.plover_type == gold.plover:
        return True
    return event.cameo_root in gold.cameo_roots


def roles_agree(
    prediction: Prediction, gold: GoldEvent, *, with_sector: bool = False, swapped: bool = False
) -> bool:
    event = prediction.event
    if with_sector:
        source, target = mention_code(event.source), mention_code(event.target)
        gold_source, gold_target = gold.source.full_codes, gold.target.full_codes
    else:
        source, target = prediction.source_country, prediction.target_country
        gold_source, gold_target = gold.source.countries, gold.target.countries
    if swapped:
        source, target = target, source
    return source in gold_source and target in gold_target


def triple_match(prediction: Prediction, gold: GoldEvent, *, with_sector: bool = False) -> bool:
    if not same_type(prediction, gold):
        return False
    if roles_agree(prediction, gold, with_sector=with_sector):
        return True
    symmetric = gold.plover in SYMMETRIC_TYPES
    return symmetric and roles_agree(prediction, gold, with_sector=with_sector, swapped=True)


def match_pairs(
    predictions: Sequence[Prediction],
    golds: Sequence[GoldEvent],
    agree: Callable[[Prediction, GoldEvent], bool],
) -> list[tuple[Prediction, GoldEvent]]:
    """Greedy one-to-one matching in text order; each side is used at most once. Of the
    gold events a prediction agrees with, the one whose trigger phrase holds the predicted
    trigger comes first ("X was arrested on Monday, and Y was arrested on Tuesday": each
    arrest with its own)."""
    used: set[int] = set()
    pairs = []
    for prediction in predictions:
        agreeing = [i for i, g in enumerate(golds) if i not in used and agree(prediction, g)]
        if not agreeing:
            continue
        at = prediction.event.trigger.start
        index = next((i for i in agreeing if holds(golds[i].trigger_span, at)), agreeing[0])
        used.add(index)
        pairs.append((prediction, golds[index]))
    return pairs


def holds(span: tuple[int, int] | None, offset: int) -> bool:
    return span is not None and span[0] <= offset < span[1]


def date_right(prediction: Prediction, gold: GoldEvent) -> bool:
    if prediction.event.date is None or gold.date is None:
        return prediction.event.date is None and gold.date is None
    predicted = prediction.event.date.value
    if gold.date_precision == "year":
        return predicted.year == gold.date.year
    if gold.date_precision == "month":
        return (predicted.year, predicted.month) == (gold.date.year, gold.date.month)
    return predicted == gold.date


# -- scoring ------------------------------------------------------------------------------


def evaluate_documents(
    articles: Iterable[GoldArticle],
    *,
    pipeline: Pipeline | None = None,
    keep_errors: bool = False,
) -> DocumentScores:
    pipeline = pipeline or Pipeline()
    broad = DocumentScores()
    scores = DocumentScores(with_incomplete=broad)
    for gold in articles:
        article = Article(doc_id=gold.id, text=gold.text, date=gold.date, origin=gold.id)
        coded = pipeline.code_safely(article)
        events = coded.events if isinstance(coded, CodedArticle) else ()
        predictions = [
            Prediction(event=e, sentence=gold.sentence_of(e.trigger.start))
            for e in events
            if is_reportable(e) and e.has_actor
        ]
        complete = [p for p in predictions if is_default_output(p.event)]
        score_article(scores, gold, complete, keep_errors=keep_errors)
        score_article(broad, gold, predictions, keep_errors=False)
    return scores


def score_article(
    scores: DocumentScores,
    gold: GoldArticle,
    predictions: Sequence[Prediction],
    *,
    keep_errors: bool,
) -> None:
    scores.articles += 1
    scores.gold_events += len(gold.events)
    scores.predicted += len(predictions)
    scores.duplicate_records += duplicate_count(predictions)
    for prediction in predictions:
        has_both = prediction.event.source is not None and prediction.event.target is not None
        scores.both_actors += has_both
        scores.dyadic_or_monadic += prediction.event.dyadic or prediction.event.monadic
        scores.complete += prediction.event.is_complete
    for index in range(len(gold.sentence_spans)):
        in_sentence = [p for p in predictions if p.sentence == index]
        golds = [g for g in gold.events if g.sentence == index]
        traps = [t for t in gold.traps if t.sentence == index]
        errors = score_sentence(scores, in_sentence, golds, traps)
        if keep_errors:
            start, end = gold.sentence_spans[index]
            for error in errors:
                error.update(article=gold.id, sentence=index, text=gold.text[start:end])
                scores.error_records.append(error)


def duplicate_count(predictions: Sequence[Prediction]) -> int:
    """Records that share sentence, trigger and the full codes of both actors: two bodies of
    one kind (the EU and the AU, both IGO with no country) are two records, not one twice."""
    keys = Counter(
        (
            p.sentence,
            p.event.trigger.start,
            full_code(p.event.source),
            full_code(p.event.target),
        )
        for p in predictions
    )
    return sum(n - 1 for n in keys.values())


def score_sentence(
    scores: DocumentScores,
    predictions: Sequence[Prediction],
    golds: Sequence[GoldEvent],
    traps: Sequence[GoldTrap],
) -> list[dict[str, object]]:
    """Count matches in one sentence; return its errors, each with its kind."""
    scores.type_matched += len(match_pairs(predictions, golds, same_type))
    scores.sector_matched += len(
        match_pairs(predictions, golds, lambda p, g: triple_match(p, g, with_sector=True))
    )
    matched = match_pairs(predictions, golds, triple_match)
    scores.triple_matched += len(matched)
    errors = []
    for prediction, gold in matched:
        if gold.date is not None:
            scores.dated += 1
            if date_right(prediction, gold):
                scores.date_right += 1
            else:
                errors.append(error_record("wrong date", prediction, gold))
        if gold.place_country is not None:
            scores.placed += 1
            place = prediction.event.place
            if place is not None and place.country == gold.place_country:
                scores.place_right += 1
            else:
                errors.append(error_record("wrong place", prediction, gold))
    matched_predictions = {id(p) for p, _ in matched}
    matched_golds = {id(g) for _, g in matched}
    left_predictions = [p for p in predictions if id(p) not in matched_predictions]
    left_golds = [g for g in golds if id(g) not in matched_golds]
    errors.extend(unmatched_errors(scores, left_predictions, left_golds, traps))
    for error in errors:
        scores.errors[str(error["kind"])] += 1
    return errors


def unmatched_errors(
    scores: DocumentScores,
    predictions: Sequence[Prediction],
    golds: Sequence[GoldEvent],
    traps: Sequence[GoldTrap],
) -> list[dict[str, object]]:
    """Pair what is left by type to say what went wrong; the rest is missed or spurious."""
    errors = []
    remaining = list(golds)
    for prediction in predictions:
        gold = next((g for g in remaining if same_type(prediction, g)), None)
        if gold is None:
            gold = next((g for g in remaining if roles_agree(prediction, g)), None)
            if gold is not None:
                remaining.remove(gold)
                errors.append(error_record("wrong type", prediction, gold))
                continue
            kind = "trap" if traps else "spurious"
            scores.trap_hits += bool(traps)
            errors.append(error_record(kind, prediction, None, traps=traps))
            continue
        remaining.remove(gold)
        errors.append(error_record(role_error(prediction, gold), prediction, gold))
    errors.extend(error_record("missed", None, gold) for gold in remaining)
    return errors


def role_error(prediction: Prediction, gold: GoldEvent) -> str:
    if roles_agree(prediction, gold, swapped=True):
        return "roles swapped"
    source_right = prediction.source_country in gold.source.countries
    target_right = prediction.target_country in gold.target.countries
    if source_right:
        return "wrong target"
    if target_right:
        return "wrong source"
    return "wrong source and target"


def error_record(
    kind: str,
    prediction: Prediction | None,
    gold: GoldEvent | None,
    *,
    traps: Sequence[GoldTrap] = (),
) -> dict[str, object]:
    record: dict[str, object] = {"kind": kind}
    if gold is not None:
        record["gold"] = {
            "id": gold.id,
            "trigger": gold.trigger,
            "type": gold.plover or "/".join(sorted(gold.cameo_roots)),
            "source": list(gold.source.codes),
            "target": list(gold.target.codes),
            "date": gold.date.isoformat() if gold.date else None,
            "place": gold.place_country,
        }
    if prediction is not None:
        event = prediction.event
        record["predicted"] = {
            "trigger": event.trigger.text,
            "type": event.plover_type,
            "cameo": event.cameo,
            "source": f"{event.source.text}={event.source.actor.code}" if event.source else None,
            "target": f"{event.target.text}={event.target.actor.code}" if event.target else None,
            "date": event.date.value.isoformat() if event.date else None,
            "place": event.place.country if event.place else None,
            "rule": event.rule,
        }
    if traps:
        record["traps"] = [f"{t.trigger}: {t.reason}" for t in traps]
    return record
