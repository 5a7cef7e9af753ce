"""`explain` shows the coder's own decisions: every event `code` produces is listed under
the trigger that coded it, and no trigger claims an event that was not coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kittiwake.explain import CODED, explain_text
from kittiwake.pipeline import Pipeline

pytestmark = pytest.mark.slow

DATA = Path(__file__).parent / "data"
EVAL = Path(__file__).parents[2] / "shared" / "eval"
SHARED = EVAL / "real_news_dev" / "articles.gold.jsonl"
PLOVER_GOLD = EVAL / "plover_gsr" / "plover_gsr_cameo.gold.jsonl"
OWN_SENTENCES = [e["text"] for e in yaml.safe_load((DATA / "coverage_sentences.yaml").read_text())]


def assert_same_events(pipeline: Pipeline, text: str) -> None:
    explanation = explain_text(text, pipeline=pipeline)
    coded = {e.event_id for e in explanation.events}
    claimed = [i for t in explanation.triggers for i in t.event_ids]
    assert set(claimed) == coded, (text, sorted(coded - set(claimed)))
    assert len(claimed) == len(set(claimed))  # each event under one trigger
    for trigger in explanation.triggers:
        assert bool(trigger.event_ids) == trigger.outcome.startswith(CODED), trigger


@pytest.mark.parametrize("text", OWN_SENTENCES)
def test_explain_lists_the_coders_events_for_our_sentences(pipeline: Pipeline, text: str) -> None:
    assert_same_events(pipeline, text)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/eval/real_news_dev is not present")
def test_explain_lists_the_coders_events_on_real_articles(pipeline: Pipeline) -> None:
    for line in SHARED.read_text(encoding="utf-8").splitlines():
        assert_same_events(pipeline, json.loads(line)["text"])


@pytest.mark.skipif(not PLOVER_GOLD.exists(), reason="../shared/eval/plover_gsr is not present")
def test_explain_lists_the_coders_events_on_the_plover_gold(pipeline: Pipeline) -> None:
    for line in PLOVER_GOLD.read_text(encoding="utf-8").splitlines():
        assert_same_events(pipeline, json.loads(line)["text"])
