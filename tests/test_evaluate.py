"""Scoring against gold sentences: reading gold files, the arithmetic, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from event_factories import coded_event
from kittiwake.evaluate import (
    GoldActor,
    GoldSentence,
    Scores,
    f1_of,
    gold_actor,
    mention_over,
    read_gold,
    score_sentence,
)
from kittiwake.records import Actor, Event, Mention, Span

GOLD = Path(__file__).parent / "data" / "gold_tiny.jsonl"
METRICS = {
    "sentences",
    "sentences_with_gold_event",
    "type_accuracy",
    "event_recall",
    "event_precision",
    "cameo_root_accuracy",
    "source_country_accuracy",
    "source_sector_accuracy",
    "target_country_accuracy",
    "target_sector_accuracy",
    "triple_precision",
    "triple_recall",
    "triple_f1",
    "triple_f1_all_events",
    "gold_actors",
    "gold_actor_found",
    "gold_actor_country_accuracy",
    "gold_actor_country_sector_accuracy",
    "max_events_per_sentence",
    "confusion",
}


# --- reading gold ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[GoldSentence]:
    return read_gold(GOLD)


def test_read_gold_skips_blank_lines_and_keeps_order(gold: list[GoldSentence]) -> None:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) == len(lines) == 7
    assert [g.text for g in gold] == [json.loads(line)["text"] for line in lines]


def test_read_gold_maps_old_plover_names(gold: list[GoldSentence]) -> None:
    assert [g.event_type for g in gold] == [
        "REQUEST",
        "ASSAULT",
        "AGREE",
        "ACCUSE",
        "AID",
        "ACCUSE",
        None,
    ]


def test_read_gold_actors(gold: list[GoldSentence]) -> None:
    by_id = {g.id: g for g in gold}
    assert by_id["tiny-01"].sources == (GoldActor("Greek officials", "GRC", "GOV"),)
    assert by_id["tiny-01"].targets == (GoldActor("Turkey", "TUR", None),)
    assert by_id["tiny-04"].sources == (
        GoldActor("The Dutch government", "NLD", "GOV"),
    )  # code split
    assert by_id["tiny-04"].targets == (GoldActor("Hungary", "HUN", None),)  # "***" is no sector
    assert by_id["tiny-06"].sources[0].sector == "LEG"


def test_read_gold_src_tar_markup_makes_each_source_a_target(gold: list[GoldSentence]) -> None:
    (agree,) = [g for g in gold if g.id == "tiny-03"]
    assert [a.country for a in agree.sources] == ["CHL", "ARG"]
    assert agree.targets == agree.sources


def test_read_gold_old_cameo_country_codes_dates_and_ids(gold: list[GoldSentence]) -> None:
    japan = gold[4]
    assert japan.id == f"{GOLD.name}:6"  # no id: file and line (line 4 is blank)
    assert japan.sources[0].country == "JPN"  # CAMEO's JAP
    assert japan.cameo == "07"
    assert gold[0].date == dt.date(2020, 8, 24)
    assert gold[5].date is None  # no date given: resolved without one


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"text": "journalists", "code": "LBN", "sector": "JRN"}, ("LBN", "MED")),  # media
        ({"text": "doctors", "code": "CHE", "sector": "MED"}, ("CHE", "HLH")),  # medical
        ({"text": "residents", "code": "IRQ", "sector": "CIV"}, ("IRQ", "CVL")),
        ({"text": "troops", "code": "ISRMIL"}, ("ISR", "MIL")),
        ({"text": "Tokyo", "code": "JAP", "sector": "***"}, ("JPN", None)),
    ],
)
def test_gold_actor_codes_in_cameo_vocabulary(
    record: dict[str, str], expected: tuple[str, str | None]
) -> None:
    actor = gold_actor(record)
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    ("phrase", "found"),
    [("NATO  peacekeeping troops", True), ("NATO troops", False), ("peacekeeping..arrived", True)],
)
def test_gold_phrases_are_found_across_runs_of_spaces(phrase: str, found: bool) -> None:
    text = "NATO peacekeeping troops arrived."
    actor = Actor(code="IGOWSTNAT", country="IGO", sector="IGO", kind="organisation")
    nato = Mention("d", 0, 0, 24, text[:24], actor, head=0, token_start=0, token_end=3)
    assert (mention_over(text, phrase, [nato]) is nato) is found


def test_read_gold_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "events": []}\n{"text": oops}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not JSON"):
        read_gold(path)


# --- the arithmetic, on hand-built events ------------------------------------------------------


def mention(code: str, sector: str | None = None) -> Mention:
    actor = Actor(code=code + (sector or ""), country=code, sector=sector)
    return Mention("doc", 0, 0, 1, code, actor, head=0, token_start=0, token_end=1)


def event(cameo: str, source: Mention | None, target: Mention | None, *, at: int) -> Event:
    return coded_event(cameo, source, target, trigger=Span(at, at + 1, "x"))


def sentence(
    event_type: str | None, sources=(), targets=(), cameo: str | None = None
) -> GoldSentence:  # type: ignore[no-untyped-def]
    return GoldSentence("s", "", None, event_type, cameo, tuple(sources), tuple(targets))


GRC_GOV = GoldActor("Greece", "GRC", "GOV")
TUR = GoldActor("Turkey", "TUR", None)
ETH_MIL = GoldActor("troops", "ETH", "MIL")
ETH_REB = GoldActor("rebels", "ETH", "REB")


def test_primary_event_right_and_a_second_event_wrong() -> None:
    scores = Scores()
    demand = event("1056", mention("GRC", "GOV"), mention("TUR"), at=10)  # main verb, depth 0
    attack = event("190", mention("TUR"), mention("GRC"), at=40)  # deeper in the tree
    score_sentence(
        scores,
        sentence("REQUEST", [GRC_GOV], [TUR], "10"),
        [attack, demand],
        {10: 0, 40: 3},
        keep_misses=True,
    )
    assert (
        scores.sentences,
        scores.with_gold,
        scores.coded_events,
        scores.coded_events_matching_type,
    ) == (1, 1, 2, 1)
    assert (scores.type_correct, scores.type_recalled, scores.root_total, scores.root_correct) == (
        1,
        1,
        1,
        1,
    )
    assert (
        scores.source_country,
        scores.source_sector,
        scores.target_country,
        scores.target_sector,
    ) == (1, 1, 1, 1)
    assert (scores.primary_predicted, scores.primary_correct) == (1, 1)
    assert (scores.triple_predicted, scores.triple_true_positive, scores.triple_recalled) == (
        2,
        1,
        1,
    )
    assert scores.confusion == {("REQUEST", "REQUEST"): 1}
    assert scores.misses == []
    assert scores.max_events_per_sentence == 2


def test_wrong_primary_but_type_recalled_lower_in_the_tree() -> None:
    scores = Scores()
    accuse = event("111", mention("ETH", "GOV"), mention("ETH", "REB"), at=5)
    attack = event("190", mention("ETH", "MIL"), mention("ERI", "MIL"), at=30)
    score_sentence(
        scores,
        sentence("ASSAULT", [ETH_MIL], [ETH_REB], "19"),
        [accuse, attack],
        {5: 0, 30: 2},
        keep_misses=True,
    )
    assert (scores.type_correct, scores.type_recalled) == (0, 1)
    assert (scores.root_total, scores.root_correct) == (1, 0)  # the primary's root is 11
    # actors are scored on the first event of the gold type: ETHMIL -> ERIMIL
    assert (
        scores.source_country,
        scores.source_sector,
        scores.target_country,
        scores.target_sector,
    ) == (1, 1, 0, 0)
    assert (scores.primary_predicted, scores.primary_correct) == (
        1,
        0,
    )  # ACCUSE is not the gold type
    assert (scores.triple_predicted, scores.triple_true_positive, scores.triple_recalled) == (
        2,
        0,
        0,
    )
    assert scores.confusion == {("ASSAULT", "ACCUSE"): 1}
    (miss,) = scores.misses
    assert miss["gold"] == "ASSAULT" and len(miss["predicted"]) == 2  # type: ignore[arg-type]


def test_no_event_coded_for_a_gold_event() -> None:
    scores = Scores()
    score_sentence(scores, sentence("REQUEST", [GRC_GOV], [TUR]), [], {}, keep_misses=False)
    assert (
        scores.with_gold,
        scores.type_correct,
        scores.type_recalled,
        scores.primary_predicted,
    ) == (1, 0, 0, 0)
    assert (
        scores.actor_scored,
        scores.source_country,
        scores.target_scored,
        scores.target_country,
    ) == (1, 0, 1, 0)
    assert scores.confusion == {("REQUEST", "NONE"): 1}
    assert scores.misses == []  # not asked for


def test_events_in_a_sentence_without_gold_only_count_as_coded() -> None:
    scores = Scores()
    events = [event("040", mention("USA"), mention("RUS"), at=i) for i in range(3)]
    score_sentence(scores, sentence(None), events, {}, keep_misses=True)
    assert (
        scores.sentences,
        scores.with_gold,
        scores.coded_events,
        scores.coded_events_matching_type,
    ) == (1, 0, 3, 0)
    assert scores.max_events_per_sentence == 3
    assert scores.primary_predicted == scores.triple_predicted == 0


def test_symmetric_gold_accepts_either_direction() -> None:
    scores = Scores()
    chl, arg = GoldActor("Chile", "CHL", None), GoldActor("Argentina", "ARG", None)
    agreed = event("030", mention("ARG"), mention("CHL"), at=0)
    score_sentence(
        scores, sentence("AGREE", [chl, arg], [chl, arg]), [agreed], {0: 0}, keep_misses=False
    )
    assert (scores.primary_correct, scores.triple_true_positive) == (1, 1)


def test_ratios_and_f1_over_several_sentences() -> None:
    scores = Scores()
    right = event("1056", mention("GRC", "GOV"), mention("TUR"), at=0)
    wrong = event("111", mention("TUR"), mention("GRC"), at=0)
    score_sentence(
        scores, sentence("REQUEST", [GRC_GOV], [TUR]), [right], {0: 0}, keep_misses=False
    )
    score_sentence(
        scores, sentence("REQUEST", [GRC_GOV], [TUR]), [wrong], {0: 0}, keep_misses=False
    )
    score_sentence(scores, sentence("ASSAULT", [ETH_MIL], [ETH_REB]), [], {}, keep_misses=False)
    report = scores.to_json()
    assert set(report) == METRICS
    assert report["sentences_with_gold_event"] == 3
    assert report["type_accuracy"] == round(1 / 3, 4)
    assert report["event_recall"] == round(1 / 3, 4)
    assert report["event_precision"] == 0.5
    assert report["triple_precision"] == 0.5  # 1 of 2 primary events
    assert report["triple_recall"] == round(1 / 3, 4)
    assert report["triple_f1"] == f1_of(0.5, round(1 / 3, 4)) == 0.4
    assert report["cameo_root_accuracy"] is None  # no gold CAMEO code given
    assert report["confusion"] == {
        "REQUEST -> REQUEST": 1,
        "REQUEST -> ACCUSE": 1,
        "ASSAULT -> NONE": 1,
    }


@pytest.mark.parametrize(
    ("precision", "recall", "expected"),
    [(None, 0.5, 0.0), (0.5, None, 0.0), (0.0, 1.0, 0.0), (1.0, 1.0, 1.0), (0.5, 1.0, 0.6667)],
)
def test_f1_of(precision: float | None, recall: float | None, expected: float) -> None:
    assert f1_of(precision, recall) == expected


# --- the command -------------------------------------------------------------------------------


@pytest.mark.slow
def test_evaluate_cli_prints_the_metrics(tmp_path: Path) -> None:
    import kittiwake.cli  # noqa: F401 - attaches the commands to the groups
    from kittiwake.cli.groups import main

    misses = tmp_path / "misses.jsonl"
    result = CliRunner().invoke(
        main, ["evaluate", str(GOLD), "--misses", str(misses)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == METRICS
    assert (report["sentences"], report["sentences_with_gold_event"]) == (7, 6)
    for key in METRICS - {
        "sentences",
        "sentences_with_gold_event",
        "gold_actors",
        "max_events_per_sentence",
        "confusion",
    }:
        assert report[key] is None or 0.0 <= report[key] <= 1.0, key
    assert sum(report["confusion"].values()) == 6
    assert misses.exists()
    assert len(misses.read_text(encoding="utf-8").splitlines()) == 6 - round(
        report["type_accuracy"] * 6
    )

    limited = CliRunner().invoke(
        main, ["evaluate", str(GOLD), "--limit", "2"], catch_exceptions=False
    )
    assert json.loads(limited.stdout)["sentences"] == 2
