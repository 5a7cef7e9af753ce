"""Coverage: every CAMEO root and PLOVER type is produced by sentences written for kittiwake
(tests/data/coverage_sentences.yaml), and the `expect: none` sentences produce nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from kittiwake.events.codebook import load_codebook
from kittiwake.pipeline import Pipeline, code_text, is_reportable
from kittiwake.records import Event, Mention

pytestmark = pytest.mark.slow

ENTRIES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "coverage_sentences.yaml").read_text(encoding="utf-8")
)
CODED = [e for e in ENTRIES if e.get("expect") != "none"]
NEGATIVE = [e for e in ENTRIES if e.get("expect") == "none"]

# Measured on this file when the test was written: source 73/73 = 1.00, target 62/73 = 0.85
# of the sentences whose event type was found. The margins absorb small shifts in actors.
SOURCE_HIT_RATE = 0.95
TARGET_HIT_RATE = 0.78

# Sentences the coder gets wrong today, with what it produced instead. Strict: when one is
# fixed the test says so, and its entry here should go.
KNOWN_MISSES = {
    "Israeli police questioned": "police questioning a suspect is 091 (investigate); coded 110 ACCUSE",
    "Mali's military government ordered the UN": "ordering a mission out is 166 (expel); coded 1041 REQUEST",
    "Iranian security forces opened fire on protesters": "repression of protesters is 175; coded 193/190 ASSAULT",
    "Al-Shabab militants killed at least 20": "a mass-casualty attack on civilians is root 18; coded 190",
    "North Korea has never agreed to give up": "'never agreed to give up' codes 122 REJECT (+refusal)",
    "If the ceasefire collapses, the army might": "a conditional 'might send troops' codes 138 THREATEN",
    "Brazil's national football team arrived": "sport: a team's arrival codes 042 CONSULT BRA -> QAT",
}


def known_miss(entry: dict[str, Any]) -> list[pytest.MarkDecorator]:
    reasons = [reason for start, reason in KNOWN_MISSES.items() if entry["text"].startswith(start)]
    return [pytest.mark.xfail(strict=True, reason=reasons[0])] if reasons else []


def params(entries: list[dict[str, Any]]) -> list[Any]:
    return [
        pytest.param(
            entry, id=f"{i:02d}-" + "-".join(entry["text"].split()[:4]), marks=known_miss(entry)
        )
        for i, entry in enumerate(entries)
    ]


@pytest.fixture(scope="module")
def coded_entries(pipeline: Pipeline) -> dict[str, list[Event]]:
    """Reportable events of every sentence of the file, complete or not (default output
    keeps the complete ones), coded once for the module."""
    return {
        entry["text"]: [
            e
            for e in code_text(
                entry["text"], date=as_date(entry["date"]), pipeline=pipeline, include_all=True
            )
            if is_reportable(e)
        ]
        for entry in ENTRIES
    }


def as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def matching(entry: dict[str, Any], events: list[Event]) -> list[Event]:
    return [
        e
        for e in events
        if e.cameo_root == entry["cameo_root"] and e.plover_type == entry["plover_type"]
    ]


def code_of(mention: Mention | None) -> str | None:
    return mention.actor.code if mention is not None and mention.actor.code else None


def actor_hit(got: str | None, expected: str | None) -> bool:
    """Exact, or the same three-letter country/IGO prefix ("FRA" for "FRAGOV")."""
    if expected is None:
        return got is None
    return got is not None and got[:3] == expected[:3]


def actor_hits(entry: dict[str, Any], event: Event) -> tuple[bool, bool]:
    return (
        actor_hit(code_of(event.source), entry["source"]),
        actor_hit(code_of(event.target), entry["target"]),
    )


def summary(events: list[Event]) -> list[tuple[object, ...]]:
    return [
        (e.cameo, e.plover_type, code_of(e.source), code_of(e.target), e.trigger.text, e.rule)
        for e in events
    ]


def test_the_file_is_well_formed() -> None:
    codebook = load_codebook()
    assert len(CODED) >= 60 and len(NEGATIVE) >= 10
    for entry in CODED:
        assert entry["cameo_root"] in codebook.roots(), entry["text"]
        if entry.get("cameo"):
            assert entry["cameo"] in codebook and entry["cameo"][:2] == entry["cameo_root"], entry[
                "text"
            ]
            assert codebook[entry["cameo"]].plover_type == entry["plover_type"], entry["text"]


@pytest.mark.parametrize("entry", params(CODED))
def test_sentence_produces_its_event_type(
    entry: dict[str, Any], coded_entries: dict[str, list[Event]]
) -> None:
    events = coded_entries[entry["text"]]
    assert matching(entry, events), (entry["cameo_root"], entry["plover_type"], summary(events))


@pytest.mark.parametrize("entry", params(NEGATIVE))
def test_negative_sentence_produces_no_event(
    entry: dict[str, Any], coded_entries: dict[str, list[Event]]
) -> None:
    events = coded_entries[entry["text"]]
    assert events == [], summary(events)


def test_all_roots_and_plover_types_are_produced_by_their_sentences(
    coded_entries: dict[str, list[Event]],
) -> None:
    """Counted only where a sentence produced the type it was written for."""
    codebook = load_codebook()
    roots: set[str] = set()
    types: set[str] = set()
    for entry in CODED:
        for event in matching(entry, coded_entries[entry["text"]]):
            roots.add(event.cameo_root)
            types.add(event.plover_type or "")
    assert sorted(set(codebook.roots()) - roots) == []
    assert sorted(set(codebook.plover_types()) - types) == []
    assert len(codebook.roots()) == 20 and len(codebook.plover_types()) == 16


def test_source_and_target_hit_rates(coded_entries: dict[str, list[Event]]) -> None:
    scored = sources = targets = 0
    for entry in CODED:
        found = matching(entry, coded_entries[entry["text"]])
        if not found:
            continue
        best = max(found, key=lambda event: sum(actor_hits(entry, event)))
        source_hit, target_hit = actor_hits(entry, best)
        scored += 1
        sources += source_hit
        targets += target_hit
    assert scored >= 0.8 * len(CODED)
    assert sources / scored >= SOURCE_HIT_RATE, (sources, scored)
    assert targets / scored >= TARGET_HIT_RATE, (targets, scored)
