"""Tests for kittiwake.explain and `kittiwake explain`: rendering (fast), explanations (slow, spaCy)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

import kittiwake.cli.explain  # noqa: F401 - attaches the command to `main`
from kittiwake.cli.groups import main
from kittiwake.events.modality import Speech, speech_code
from kittiwake.explain import (
    FIRED,
    NEAR_MISS,
    OTHER_ROLE,
    ActorRef,
    CandidateView,
    ConstraintCheck,
    EventView,
    Explanation,
    MentionView,
    TokenView,
    TriggerView,
    aligned,
    check,
    explain_text,
    render_text,
)
from kittiwake.pipeline import Pipeline

DATE = dt.date(2021, 3, 1)
CODED = "The European Union imposed sanctions on Russia on Monday."
NEGATED = "The United States does not pursue a policy of isolating Russia."
PROMISE = "Russia will withdraw its troops from Syria by the end of the year."
# (sentence, trigger lemma, pattern, constraint that fails): the lemma matches, the parse lacks what the pattern needs.
NEAR_MISSES = [
    (
        "The European Union imposed new rules on Russia last week.",
        "impose",
        "reduce.sanction",
        "object",
    ),
    (
        "Officials said Germany withdrew its troops from Mali in May.",
        "withdraw",
        "reduce.recall_envoy",
        "object",
    ),
]


# -- fast: the text view of a hand-made explanation ----------------------------------------
def test_aligned_pads_every_column_but_the_last() -> None:
    lines = aligned([("a", "bbb", "x"), ("cccc", "d", "yy")])
    assert lines == ["a     bbb  x", "cccc  d    yy"]
    assert aligned([]) == []


@pytest.mark.parametrize(
    ("wanted", "found", "ok"),
    [
        (("sanction",), ("sanction", "monday"), True),
        (("sanction",), ("rule",), False),
        (("sanction",), (), False),
    ],
)
def test_check_passes_when_any_found_lemma_is_wanted(
    wanted: tuple[str, ...], found: tuple[str, ...], ok: bool
) -> None:
    result = check("object", wanted, found)
    assert result == ConstraintCheck("object", wanted, found, ok)


def hand_made() -> Explanation:
    near = CandidateView(
        pattern_id="demo.near", cameo="163", cameo_name="", role="verb", location="x.yaml:1", specificity=1,
        fits=False, verdict=NEAR_MISS, checks=(ConstraintCheck("object", ("sanction",), ("rule",), False),),
        failed=("object",),
    )  # fmt: skip
    fired = CandidateView(
        pattern_id="demo.fired", cameo="160", cameo_name="", role="verb", location="x.yaml:2", specificity=0,
        fits=True, verdict=FIRED, checks=(), failed=(),
    )  # fmt: skip
    others = tuple(
        CandidateView(
            pattern_id=f"demo.noun{i}",
            cameo="040",
            cameo_name="",
            role="noun",
            location="x.yaml:3",
            specificity=0,
            fits=False,
            verdict=OTHER_ROLE,
            checks=(),
            failed=(),
        )  # fmt: skip
        for i in range(6)
    )
    actor = ActorRef(text="Ruritania", code="RUR", start=0, end=9)
    trigger = TriggerView(
        index=1, sentence=0, text="imposed", lemma="impose", pos="VERB", role="verb",
        candidates=(fired, near, *others), chosen="demo.fired", choice="the only fitting pattern",
        outcome="coded: 1 event(s)", sources=(actor,), cameo="160", cameo_name="reduce relations",
    )  # fmt: skip
    token = TokenView(index=0, sentence=0, text="Ruritania", lemma="Ruritania", pos="PROPN", tag="NNP", dep="nsubj", head=1, entity="GPE")  # fmt: skip
    mention = MentionView(
        sentence=0, text="Ruritania", start=0, end=9, code="RUR", kind="country", country="RUR", sector=None,
        entry_id=None, reason="country name", coref_of=None,
    )  # fmt: skip
    event = EventView(
        event_id="e1", sentence=0, trigger="imposed", cameo="160", cameo_name="", goldstein=-4.0,
        plover_type="SANCTION", plover_mode=None, source=actor, target=None, negated=False, modality=None,
        rule="pattern:demo.fired", date="2021-03-01", reportable=True,
    )  # fmt: skip
    return Explanation(
        text="Ruritania imposed rules.", date="2021-03-01", rejected=None, tokens=(token,),
        mentions=(mention,), triggers=(trigger,), events=(event,),
    )  # fmt: skip


def test_render_text_names_failures_and_summarises_other_roles() -> None:
    text = render_text(hand_made())
    for section in ("PARSE", "ACTORS", "TRIGGERS", "EVENTS"):
        assert f"\n{section}\n" in text
    assert "object wants sanction, found rule" in text
    assert "+ demo.fired" in text and "~ demo.near" in text
    assert "as a noun: demo.noun0, demo.noun1, demo.noun2, demo.noun3 and 2 more" in text
    assert "Ruritania [RUR]" in text


def test_to_json_is_plain_data() -> None:
    data = hand_made().to_json()
    assert json.loads(json.dumps(data)) == data
    near = data["triggers"][0]["candidates"][1]
    assert near["checks"] == [
        {"name": "object", "wanted": ["sanction"], "found": ["rule"], "ok": False}
    ]
    assert near["verdict"] == NEAR_MISS and near["failed"] == ["object"]


# -- slow: real explanations ---------------------------------------------------------------
def trigger_at(explanation: Explanation, lemma: str) -> TriggerView:
    return next(t for t in explanation.triggers if t.lemma == lemma)


def candidate(trigger: TriggerView, pattern_id: str) -> CandidateView:
    return next(c for c in trigger.candidates if c.pattern_id == pattern_id)


@pytest.mark.slow
def test_coded_sentence_shows_the_fired_pattern_and_participants(pipeline: Pipeline) -> None:
    explanation = explain_text(CODED, date=DATE, pipeline=pipeline)
    assert explanation.rejected is None
    assert [t.text for t in explanation.tokens][:4] == ["The", "European", "Union", "imposed"]
    codes = {m.text: m.code for m in explanation.mentions}
    eu_code = next(code for text, code in codes.items() if "European Union" in text)
    assert codes["Russia"] == "RUS"
    imposed = trigger_at(explanation, "impose")
    assert imposed.chosen == "reduce.sanction"
    assert candidate(imposed, "reduce.sanction").verdict == FIRED
    assert [s.code for s in imposed.sources] == [eu_code]
    assert [t.code for t in imposed.targets] == ["RUS"]
    assert imposed.negated is False and imposed.speech_act is None
    (event,) = explanation.events
    assert (
        event.cameo,
        event.source and event.source.code,
        event.target and event.target.code,
    ) == ("163", eu_code, "RUS")
    assert event.reportable and imposed.event_ids == (event.event_id,)
    # The noun "sanctions" could trigger too, but the verb that governs it codes the event.
    sanctions = trigger_at(explanation, "sanction")
    assert (
        sanctions.chosen is not None
        and sanctions.outcome.startswith("skipped")
        and not sanctions.event_ids
    )


@pytest.mark.slow
def test_negated_sentence_codes_a_negated_event_that_is_not_reportable(pipeline: Pipeline) -> None:
    explanation = explain_text(NEGATED, date=DATE, pipeline=pipeline)
    negated = [t for t in explanation.triggers if t.negated]
    assert negated, "the trigger under 'does not pursue' should read as negated"
    assert explanation.events
    assert all(e.negated and not e.reportable for e in explanation.events)
    assert {i for t in negated for i in t.event_ids} == {e.event_id for e in explanation.events}


@pytest.mark.slow
def test_future_act_is_recoded_as_a_promise(pipeline: Pipeline) -> None:
    explanation = explain_text(PROMISE, date=DATE, pipeline=pipeline)
    withdraw = trigger_at(explanation, "withdraw")
    assert withdraw.modality == "future" and withdraw.speech_act == Speech.PROMISE.value
    chosen = candidate(withdraw, withdraw.chosen or "")
    assert withdraw.cameo == speech_code(chosen.cameo, Speech.PROMISE)
    assert {e.cameo for e in explanation.events if e.event_id in withdraw.event_ids} == {
        withdraw.cameo
    }


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "lemma", "pattern_id", "constraint"), NEAR_MISSES)
def test_near_miss_names_the_failed_constraint(
    pipeline: Pipeline, sentence: str, lemma: str, pattern_id: str, constraint: str
) -> None:
    explanation = explain_text(sentence, date=DATE, pipeline=pipeline)
    missed = candidate(trigger_at(explanation, lemma), pattern_id)
    assert missed.verdict == NEAR_MISS and not missed.fits
    assert constraint in missed.failed
    failed = next(c for c in missed.checks if c.name == constraint)
    assert not set(failed.found) & set(failed.wanted)
    assert f"~ {pattern_id}" in render_text(explanation)


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [CODED, NEGATED, PROMISE, *(case[0] for case in NEAR_MISSES)])
def test_constraint_checks_agree_with_the_coder(pipeline: Pipeline, sentence: str) -> None:
    """The per-constraint checks restate `verb_fits`/`noun_fits`; they must reach the same verdict."""
    explanation = explain_text(sentence, date=DATE, pipeline=pipeline)
    considered = [c for t in explanation.triggers for c in t.candidates if c.verdict != OTHER_ROLE]
    assert considered
    for found in considered:
        assert found.fits == all(c.ok for c in found.checks), found.pattern_id
    coded_ids = {i for t in explanation.triggers for i in t.event_ids}
    assert coded_ids == {e.event_id for e in explanation.events}


@pytest.mark.slow
def test_json_twin_of_the_text_view(pipeline: Pipeline) -> None:
    data = explain_text(CODED, date=DATE, pipeline=pipeline).to_json()
    assert set(data) == {"text", "date", "rejected", "tokens", "mentions", "triggers", "events"}
    assert json.loads(json.dumps(data)) == data
    assert data["date"] == DATE.isoformat()
    assert {"index", "text", "lemma", "pos", "dep", "head", "entity"} <= set(data["tokens"][0])
    assert {"code", "kind", "reason", "start", "end"} <= set(data["mentions"][0])
    trigger = next(t for t in data["triggers"] if t["chosen"] == "reduce.sanction")
    assert {"verdict", "fits", "checks", "failed"} <= set(trigger["candidates"][0])
    assert {
        "cameo",
        "plover_type",
        "plover_mode",
        "source",
        "target",
        "negated",
        "modality",
        "rule",
        "reportable",
    } <= set(data["events"][0])


@pytest.mark.slow
def test_cli_prints_text_and_json() -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["explain", CODED, "--date", DATE.isoformat()])
    assert text.exit_code == 0, text.output
    for section in ("PARSE", "ACTORS", "TRIGGERS", "EVENTS"):
        assert section in text.output
    assert "+ reduce.sanction" in text.output
    as_json = runner.invoke(
        main, ["explain", CODED, "--date", DATE.isoformat(), "--format", "json"]
    )
    assert as_json.exit_code == 0, as_json.output
    data = json.loads(as_json.output)
    assert data == explain_text(CODED, date=DATE).to_json()


def test_cli_rejects_a_bad_date() -> None:
    result = CliRunner().invoke(main, ["explain", CODED, "--date", "01/03/2021"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output
