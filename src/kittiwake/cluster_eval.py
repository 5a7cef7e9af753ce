"""Evaluating event clusters against ECB+ gold cross-document event coreference.

ECB+ (Cybulska & Vossen 2014) annotates event mentions (ACTION_* and NEG_ACTION_* spans) in
982 news documents and links those that refer to one real-world event across documents. Here
kittiwake codes each document, every coded event whose trigger overlaps a gold event mention
(same character offsets) stands for that mention, all coded events are consolidated (no gold
topic or document grouping is used), and the clusters of the aligned mentions are scored
against the gold clusters with MUC, B-cubed and CEAF-e, for consolidation and for the
same-root + same-dyad + same-day baseline.

ECB+ documents carry no dates, so every document is coded as published on one fixed day
(`PUBLISHED`): relative dates ('on Tuesday') then resolve the same way on every run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kittiwake.consolidate import Settings, StoredEvent, baseline, consolidate, from_event
from kittiwake.coref_scores import Score, Scores, groups, score_all
from kittiwake.records import Article, CodedArticle, Event, Rejected

PUBLISHED = dt.date(2010, 1, 1)
_EVENT_TYPES = ("ACTION_", "NEG_ACTION_")


@dataclass(frozen=True, slots=True)
class GoldMention:
    mention_id: str  # doc id and ECB+ markable id: unique over the corpus
    start: int
    end: int
    cluster: str  # gold event cluster; a mention in no chain is its own cluster


@dataclass(frozen=True, slots=True)
class GoldDocument:
    doc_id: str
    text: str
    mentions: tuple[GoldMention, ...]


@dataclass(frozen=True, slots=True)
class ClusterEvaluation:
    documents: int
    coded_events: int
    aligned_mentions: int
    gold_clusters: int
    clusters: int
    scores: Scores
    baseline: Scores

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "documents": self.documents,
            "coded_events": self.coded_events,
            "aligned_mentions": self.aligned_mentions,
            "gold_clusters": self.gold_clusters,
            "clusters": self.clusters,
        }
        for prefix, scores in (("", self.scores), ("baseline_", self.baseline)):
            for name, score in (("muc", scores.muc), ("b3", scores.b3), ("ceafe", scores.ceafe)):
                result.update(_score_json(f"{prefix}{name}", score))
            result[f"{prefix}conll_f1"] = round(100 * scores.conll_f1, 2)
        return result


def _score_json(name: str, score: Score) -> dict[str, float]:
    return {
        f"{name}_recall": round(100 * score.recall, 2),
        f"{name}_precision": round(100 * score.precision, 2),
        f"{name}_f1": round(100 * score.f1, 2),
    }


def load_gold(path: Path, *, limit: int | None = None) -> tuple[GoldDocument, ...]:
    """The first `limit` documents (all by default) of an ECB+ JSONL file, with event mentions.

    Raises ValueError naming the line of a record that is not ECB+ gold.
    """
    documents: list[GoldDocument] = []
    with path.open(encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            if limit is not None and len(documents) >= limit:
                break
            if not line.strip():
                continue
            try:
                documents.append(gold_document(json.loads(line)))
            except (KeyError, TypeError, ValueError) as error:
                raise ValueError(
                    f"{path}:{number}: not an ECB+ gold record ({type(error).__name__}: {error})"
                ) from error
    return tuple(documents)


def gold_document(row: Mapping[str, Any]) -> GoldDocument:
    doc_id = str(row["id"])
    mentions = []
    for mention in row["mentions"]:
        if not str(mention["type"]).startswith(_EVENT_TYPES):
            continue
        mention_id = f"{doc_id}:{mention['m_id']}"
        chain = mention.get("coref_cluster")
        if chain and mention.get("coref_kind") == "INTRA_DOC_COREF":
            chain = f"{doc_id}:{chain}"  # a within-document chain: keep it in its document
        cluster = str(chain) if chain else mention_id
        mentions.append(
            GoldMention(mention_id, int(mention["start"]), int(mention["end"]), cluster)
        )
    return GoldDocument(doc_id=doc_id, text=str(row["text"]), mentions=tuple(mentions))


def code_documents(
    documents: Iterable[GoldDocument], *, code: Callable[[Article], CodedArticle | Rejected]
) -> dict[str, tuple[Event, ...]]:
    """Every event `code` finds in each document (all of them, as the store keeps them)."""
    coded = {}
    for document in documents:
        article = Article(
            doc_id=document.doc_id, text=document.text, date=PUBLISHED, origin=document.doc_id
        )
        result = code(article)
        coded[document.doc_id] = result.events if isinstance(result, CodedArticle) else ()
    return coded


def align(events: Sequence[Event], document: GoldDocument) -> dict[str, Event]:
    """Gold mention id -> the first event whose trigger overlaps it."""
    aligned: dict[str, Event] = {}
    for event in events:
        for mention in document.mentions:
            overlaps = mention.start < event.trigger.end and event.trigger.start < mention.end
            if overlaps and mention.mention_id not in aligned:
                aligned[mention.mention_id] = event
                break
    return aligned


def evaluate_clusters(
    documents: Sequence[GoldDocument],
    coded: Mapping[str, Sequence[Event]],
    *,
    settings: Settings | None = None,
) -> ClusterEvaluation:
    """Consolidate every coded event; score the clusters of those aligned with gold mentions."""
    stored: list[StoredEvent] = []
    key: dict[str, str] = {}
    event_of: dict[str, str] = {}  # gold mention id -> aligned event id
    for document in documents:
        events = coded.get(document.doc_id, ())
        stored.extend(from_event(event, outlet=None) for event in events)
        cluster_of = {mention.mention_id: mention.cluster for mention in document.mentions}
        for mention_id, event in align(events, document).items():
            key[mention_id] = cluster_of[mention_id]
            event_of[mention_id] = event.event_id
    assignments = consolidate(stored, settings=settings).assignments
    simple = baseline(stored)
    response = {m: assignments[e] for m, e in event_of.items()}
    return ClusterEvaluation(
        documents=len(documents),
        coded_events=len(stored),
        aligned_mentions=len(key),
        gold_clusters=len(groups(key)),
        clusters=len(groups(response)),
        scores=score_all(key, response),
        baseline=score_all(key, {m: simple[e] for m, e in event_of.items()}),
    )
