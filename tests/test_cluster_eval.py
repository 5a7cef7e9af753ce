"""Scoring event clusters against ECB+-style gold: reading, aligning, scoring, the command."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.event_factories import coded_event

from kittiwake.cli import main
from kittiwake.cluster_eval import GoldMention, align, evaluate_clusters, gold_document, load_gold
from kittiwake.records import Actor, Event, Mention, Span


def gold_row(doc_id: str, text: str, mentions: list[tuple[str, str, str | None]]) -> dict:
    """mentions: (type, trigger word, gold chain or None)."""
    rows = []
    for i, (kind, word, chain) in enumerate(mentions):
        start = text.index(word)
        rows.append(
            {
                "m_id": str(i),
                "type": kind,
                "start": start,
                "end": start + len(word),
                "text": word,
                "sentence": 0,
                "coref_cluster": chain,
                "coref_kind": "CROSS_DOC_COREF" if chain else None,
            }
        )
    return {"id": doc_id, "topic": 1, "subtopic": "ecb", "text": text, "mentions": rows}


def event_in(doc_id: str, text: str, word: str, *, source: str, cameo: str = "190") -> Event:
    start = text.index(word)
    actor = Mention(doc_id, 0, 0, 1, source, Actor(source, country=source[:3]), 0, 0, 1)
    event = coded_event(cameo, actor, None, trigger=Span(start, start + len(word), word), text=text)
    return dataclasses.replace(
        event, doc_id=doc_id, event_id=f"{doc_id}-{start}", mention_id=f"{doc_id}-{start}"
    )


def test_gold_document_keeps_event_mentions_and_makes_unchained_ones_singletons():
    row = gold_row(
        "1_1ecb",
        "Police shot a man in Paris",
        [("ACTION_OCCURRENCE", "shot", "ACT1"), ("HUMAN_PART_PER", "man", "HUM1")],
    )
    row["mentions"].append({**row["mentions"][0], "m_id": "9", "coref_cluster": None})
    document = gold_document(row)
    assert document.mentions == (
        GoldMention("1_1ecb:0", 7, 11, "ACT1"),
        GoldMention("1_1ecb:9", 7, 11, "1_1ecb:9"),
    )


def test_align_takes_the_first_event_overlapping_each_mention():
    text = "Police shot a man and arrested two in Paris"
    document = gold_document(
        gold_row("d", text, [("ACTION_OCCURRENCE", "shot", "A"), ("ACTION_OCCURRENCE", "two", "B")])
    )
    first = event_in("d", text, "shot", source="FRACOP")
    second = dataclasses.replace(first, event_id="other")
    elsewhere = event_in("d", text, "arrested", source="FRACOP", cameo="173")
    assert align([first, second, elsewhere], document) == {"d:0": first}


def test_clusters_beat_the_baseline_when_actors_differ_across_reports():
    # two reports of one shooting name the shooter differently (FRA police / FRA government):
    # the baseline (same dyad) splits them, consolidation (same country, same trigger) joins
    texts = {"a": "French police shot a gunman in Paris", "b": "France shot a gunman in Paris"}
    rows = [
        gold_row(doc, text, [("ACTION_OCCURRENCE", "shot", "SHOOTING")])
        for doc, text in texts.items()
    ]
    documents = [gold_document(row) for row in rows]
    coded = {
        "a": [event_in("a", texts["a"], "shot", source="FRACOP")],
        "b": [event_in("b", texts["b"], "shot", source="FRAGOV")],
    }
    result = evaluate_clusters(documents, coded).to_json()
    assert (result["aligned_mentions"], result["gold_clusters"], result["clusters"]) == (2, 1, 1)
    assert result["conll_f1"] == 100.0
    assert result["baseline_muc_f1"] == 0.0
    assert result["baseline_conll_f1"] < result["conll_f1"]


def test_load_gold_names_the_line_of_a_bad_record(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    good = gold_row("d", "Police shot a man", [("ACTION_OCCURRENCE", "shot", "A")])
    path.write_text(json.dumps(good) + "\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    assert len(load_gold(path, limit=1)) == 1
    with pytest.raises(ValueError, match=r"gold.jsonl:2: not an ECB\+ gold record"):
        load_gold(path)
    result = CliRunner().invoke(main, ["evaluate-clusters", str(path)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "gold.jsonl:2" in result.output


@pytest.mark.slow  # codes the documents with the model
def test_command_prints_scores_and_baseline(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    rows = [
        gold_row(f"1_{i}ecb", text, [("ACTION_OCCURRENCE", "attacked", "ATTACK")])
        for i, text in enumerate(
            ["Russian troops attacked Ukrainian soldiers.", "Russian troops attacked Ukraine."]
        )
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate-clusters", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    # the coder gives RUSMIL -> UKRMIL and RUSMIL -> UKR: one attack, two dyads
    assert (scores["documents"], scores["aligned_mentions"], scores["clusters"]) == (2, 2, 1)
    assert scores["conll_f1"] == 100.0 > scores["baseline_conll_f1"]
    for name in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1", "baseline_conll_f1"):
        assert 0.0 <= scores[name] <= 100.0
