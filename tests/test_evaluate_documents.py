"""Scoring whole articles: reading gold articles, matching, error kinds and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from event_factories import coded_event
from kittiwake.evaluate_documents import (
    DocumentScores,
    GoldActorCodes,
    GoldArticle,
    GoldEvent,
    GoldTrap,
    Prediction,
    is_document_gold,
    read_gold_articles,
    score_article,
)
from kittiwake.events.codebook import load_codebook
from kittiwake.records import Actor, Event, Mention, Place, Span

GOLD = Path(__file__).parent / "data" / "gold_articles_tiny.jsonl"
SENTENCE_GOLD = Path(__file__).parent / "data" / "gold_tiny.jsonl"


def test_reads_articles_sentences_events_and_traps() -> None:
    (article,) = read_gold_articles(GOLD)
    assert article.date == dt.date(2023, 3, 8)
    assert len(article.sentence_spans) == 3
    arrest, condemn = article.events
    assert arrest.source.countries == {"KEN"}
    assert condemn.cameo_roots == {"12", "11"}  # the alternative code counts
    assert condemn.target.full_codes == {"KENCOP", "KENGOV"}
    assert [t.would_be_root for t in article.traps] == ["17"]
    assert article.sentence_of(70) == 1


def test_format_is_read_from_the_first_record() -> None:
    assert is_document_gold(GOLD)
    assert not is_document_gold(SENTENCE_GOLD)


def test_a_bad_article_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "x", "sentences": [], "non_events": []}\n{"id": 2}\n')
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        read_gold_articles(path)


# -- matching on hand-built events ---------------------------------------------------------


def mention(code: str, country: str | None, sector: str | None = None) -> Mention:
    actor = Actor(code=code, country=country, sector=sector)
    return Mention("doc", 0, 0, 1, code, actor, head=0, token_start=0, token_end=1)


def event(
    cameo: str,
    source: Mention | None,
    target: Mention | None,
    *,
    date: dt.date | None = None,
    country: str | None = None,
) -> Event:
    place = Place(name="somewhere", country=country, lat=None, lon=None) if country else None
    return coded_event(cameo, source, target, date=date, place=place)


def gold_event(
    cameo: str,
    source: tuple[str | None, ...],
    target: tuple[str | None, ...],
    *,
    date: dt.date | None = None,
    precision: str = "day",
    place: str | None = None,
) -> GoldEvent:
    return GoldEvent(
        id=f"g{cameo}",
        sentence=0,
        trigger="x",
        source=GoldActorCodes(source),
        target=GoldActorCodes(target),
        plover=load_codebook()[cameo].plover_type,
        cameo_roots=frozenset({cameo[:2]}),
        date=date,
        date_precision=precision,
        place_country=place,
    )


def scored(
    events: list[Event], golds: list[GoldEvent], traps: tuple[GoldTrap, ...] = ()
) -> DocumentScores:
    article = GoldArticle("doc", None, "", ((0, 100),), tuple(golds), traps)
    scores = DocumentScores()
    predictions = [Prediction(event=e, sentence=0) for e in events]
    score_article(scores, article, predictions, keep_errors=True)
    return scores


KEN_COP = mention("KENCOP", "KEN", "COP")
KEN_OPP = mention("KENOPP", "KEN", "OPP")
UGA = mention("UGA", "UGA")
DAY = dt.date(2023, 3, 6)


@pytest.mark.parametrize(
    ("predicted", "gold", "kind"),
    [
        (event("173", KEN_COP, KEN_OPP), gold_event("173", ("KENCOP",), ("KENOPP",)), None),
        (event("173", KEN_COP, UGA), gold_event("173", ("KENCOP",), ("KENOPP",)), "wrong target"),
        (event("173", UGA, KEN_OPP), gold_event("173", ("KENCOP",), ("KENOPP",)), "wrong source"),
        (event("173", UGA, KEN_COP), gold_event("173", ("KEN",), ("UGA",)), "roles swapped"),
        (event("040", UGA, KEN_COP), gold_event("040", ("KEN",), ("UGA",)), None),  # symmetric
        (event("111", KEN_COP, KEN_OPP), gold_event("173", ("KEN",), ("KEN",)), "wrong type"),
        (event("173", KEN_COP, None), gold_event("173", ("KENCOP",), (None,)), None),
        (
            event("173", KEN_COP, None),
            gold_event("173", ("KENCOP",), ("X", "KENOPP")),
            "wrong target",
        ),
    ],
)
def test_error_kinds(predicted: Event, gold: GoldEvent, kind: str | None) -> None:
    scores = scored([predicted], [gold])
    assert scores.triple_matched == (kind is None)
    assert dict(scores.errors) == ({kind: 1} if kind else {})


def test_sectors_count_in_the_sector_triple_only() -> None:
    scores = scored([event("173", KEN_OPP, KEN_OPP)], [gold_event("173", ("KENCOP",), ("KENOPP",))])
    assert (scores.triple_matched, scores.sector_matched) == (1, 0)


def test_each_gold_event_matches_once_and_duplicates_are_counted() -> None:
    twice = [event("173", KEN_COP, KEN_OPP), event("173", KEN_COP, KEN_OPP)]
    scores = scored(twice, [gold_event("173", ("KEN",), ("KEN",))])
    assert (scores.triple_matched, scores.predicted, scores.duplicate_records) == (1, 2, 1)
    assert scores.to_json()["triple_precision"] == 0.5


def test_two_bodies_of_one_kind_are_no_duplicate() -> None:
    to_each = [
        event("036", KEN_COP, mention("IGOAFRAU", None, "IGO")),
        event("036", KEN_COP, mention("IGOEUREEC", None, "IGO")),
    ]
    assert scored(to_each, []).duplicate_records == 0


@pytest.mark.parametrize(
    ("predicted_date", "gold_date", "precision", "right"),
    [
        (DAY, DAY, "day", True),
        (dt.date(2023, 3, 7), DAY, "day", False),
        (dt.date(2023, 3, 30), DAY, "month", True),
        (dt.date(2022, 3, 6), DAY, "year", False),
    ],
)
def test_dates_compare_at_the_gold_precision(
    predicted_date: dt.date, gold_date: dt.date, precision: str, right: bool
) -> None:
    gold = gold_event("173", ("KEN",), ("KEN",), date=gold_date, precision=precision)
    scores = scored([event("173", KEN_COP, KEN_OPP, date=predicted_date)], [gold])
    assert (scores.dated, scores.date_right) == (1, int(right))


def test_place_country_is_scored_where_the_gold_names_a_place() -> None:
    gold = gold_event("173", ("KEN",), ("KEN",), place="KEN")
    right = scored([event("173", KEN_COP, KEN_OPP, country="KEN")], [gold])
    missing = scored([event("173", KEN_COP, KEN_OPP)], [gold])
    assert (right.placed, right.place_right, missing.place_right) == (1, 1, 0)
    assert missing.errors == {"wrong place": 1}


def test_a_prediction_in_a_trap_sentence_is_a_trap_hit() -> None:
    trap = GoldTrap(sentence=0, trigger="fear", reason="feared act", would_be_root="17")
    scores = scored([event("173", KEN_COP, KEN_OPP)], [], (trap,))
    assert (scores.trap_hits, dict(scores.errors)) == (1, {"trap": 1})
    assert scores.error_records[0]["traps"] == ["fear: feared act"]


def test_complete_share_counts_dyads_and_monadic_protests() -> None:
    events = [
        event("173", KEN_COP, KEN_OPP),
        event("141", KEN_OPP, None),
        event("173", KEN_COP, None),
    ]
    scores = scored(events, [])
    assert (scores.both_actors, scores.complete) == (1, 2)


def test_dyadic_or_monadic_share_leaves_out_doerless_and_one_sided_acts() -> None:
    events = [
        event("173", KEN_COP, KEN_OPP),  # a dyad
        event("141", KEN_OPP, None),  # a protest: one actor by CAMEO's definition
        event("190", None, KEN_OPP),  # an attack by an unnamed doer: neither
        event("173", KEN_COP, None),  # an arrest of no one named: neither
    ]
    scores = scored(events, [])
    assert scores.dyadic_or_monadic == 2
    assert scores.to_json()["dyadic_or_monadic_share"] == 0.5


@pytest.mark.slow
def test_cli_scores_a_gold_article(pipeline: object, tmp_path: Path) -> None:
    from kittiwake.cli import main

    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(main, ["evaluate", str(GOLD), "--misses", str(errors)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["articles"] == 1 and summary["gold_events"] == 2
    assert {"triple_f1", "type_f1", "date_accuracy", "place_country_accuracy", "errors"} <= set(
        summary
    )
    assert summary["triple_recall"] >= 0.5  # the arrest, with both actors, is found
    kinds = [json.loads(line)["kind"] for line in errors.read_text().splitlines()]
    assert sum(summary["errors"].values()) == len(kinds)


def test_each_prediction_is_matched_with_the_gold_event_whose_trigger_holds_it() -> None:
    """ "Police arrested Ochieng on Monday and arrested Wafula on Tuesday": two arrests, same
    pair of codes; each prediction goes with the gold event whose trigger phrase it is in,
    not the first that agrees, so each date is checked against its own."""
    monday, tuesday = dt.date(2023, 3, 6), dt.date(2023, 3, 7)
    first = replace(gold_event("173", ("KENCOP",), ("KENOPP",), date=monday), trigger_span=(0, 30))
    second = replace(
        gold_event("173", ("KENCOP",), ("KENOPP",), date=tuesday), trigger_span=(40, 70)
    )
    later = coded_event("173", KEN_COP, KEN_OPP, trigger=Span(50, 58, "arrested"), date=tuesday)
    earlier = coded_event("173", KEN_COP, KEN_OPP, trigger=Span(7, 15, "arrested"), date=monday)
    scores = scored([later, earlier], [first, second])
    assert (scores.triple_matched, scores.date_right) == (2, 2)


def test_a_gold_trigger_is_found_in_its_sentence() -> None:
    (article,) = read_gold_articles(GOLD)
    for gold in article.events:
        assert gold.trigger_span is not None
        start, end = gold.trigger_span
        assert article.text[start:end] == gold.trigger
