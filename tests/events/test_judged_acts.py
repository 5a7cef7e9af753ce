"""A judgement of an act (condemned, criticized, praised, rejected) targets whoever did it."""

from __future__ import annotations

import pytest

from kittiwake.pipeline import Pipeline, code_text

pytestmark = pytest.mark.slow

JUDGED = {
    "possessor": ("The EU condemned Serbia's raid on the village.", "condemned", "SRB"),
    "adjective": ("Norway condemned the Israeli raid.", "condemned", "ISR"),
    "by-phrase": ("Amnesty denounced the arrests made by Iranian police.", "denounced", "IRNCOP"),
    "told-before": (
        "Egyptian police arrested six reporters on Monday. Canada criticized the arrests.",
        "criticized",
        "EGYCOP",
    ),
    # a judging word said of an act judges whoever did it
    "word-on-act-by": (
        "Uganda described the raid by Kenyan soldiers as illegal.",
        "illegal",
        "KENMIL",
    ),
    # a stance taken ("critical of", "supportive of") judges whom or whose act it names
    "critical-of-act": (
        "The Kenyan opposition was critical of the detentions carried out by Ugandan police.",
        "critical",
        "UGACOP",
    ),
    "supportive-of": ("Tanzania was supportive of the Kenyan proposal.", "supportive", "KEN"),
    "word-on-act-told-before": (
        "Kenyan police arrested forty students on Monday. Uganda said the arrests were unlawful.",
        "unlawful",
        "KENCOP",
    ),
}


@pytest.mark.parametrize(("text", "trigger", "target"), JUDGED.values(), ids=JUDGED.keys())
def test_a_judged_act_gives_its_doer_as_target(
    pipeline: Pipeline, text: str, trigger: str, target: str
) -> None:
    events = [e for e in code_text(text, date="2011-02-01", pipeline=pipeline)]
    judged = [e for e in events if e.trigger.text == trigger]
    assert judged and judged[0].target is not None, events
    assert judged[0].target.actor.code.startswith(target)


def test_a_named_target_is_kept(pipeline: Pipeline) -> None:
    events = code_text(
        "Egyptian police arrested six reporters. Canada criticized Cairo for the arrests.",
        date="2011-02-01",
        pipeline=pipeline,
    )
    (judged,) = [e for e in events if e.trigger.text == "criticized"]
    assert judged.target is not None and judged.target.actor.code.startswith("EGY")


DENIED = {
    "maker named": ("Cairo dismissed Amnesty's claims as lies.", "dismissed", "NGO"),
    "by-phrase": ("Turkey denied the allegations by Greek officials.", "denied", "GRC"),
    "the last accuser": (
        "Kenyan opposition leaders accused the government of fraud. The Kenyan government "
        "denied these claims.",
        "denied",
        "KEN",
    ),
    "a clause denied": (
        "The minister denied that France had armed the Syrian rebels.",
        "denied",
        None,
    ),
    "an act denied": ("The French minister denied ever meeting Iranian envoys.", "denied", None),
    "responsibility": ("The Libyan agent denied responsibility for the bombing.", "denied", None),
}


@pytest.mark.parametrize(("text", "trigger", "target"), DENIED.values(), ids=DENIED.keys())
def test_a_denial_targets_who_made_the_claim_never_what_it_says(
    pipeline: Pipeline, text: str, trigger: str, target: str | None
) -> None:
    events = code_text(text, date="2011-02-01", pipeline=pipeline, include_all=True)
    denials = [e for e in events if e.trigger.text == trigger and e.cameo == "016"]
    assert denials, events
    codes = {e.target.actor.code if e.target else None for e in denials}
    if target is None:
        assert codes == {None}
    else:
        assert any(code and code.startswith(target) for code in codes), codes


JUDGING_WORDS = {
    "possessor": (
        '"We will not accept Colombia\'s lies," the Ecuadorian president said.',
        ("ECUGOV", "COL"),
    ),
    "as-phrase": (
        "The Zimbabwean president described the opposition party as traitors.",
        ("ZWEGOV", "ZWEOPP"),
    ),
    "called-X-a-Y": (
        "The Iranian president called the Israeli government a criminal regime.",
        ("IRNGOV", "ISRGOV"),
    ),
    "said-of-subject": (
        "The Venezuelan president said the Colombian government was irresponsible.",
        ("VENGOV", "COLGOV"),
    ),
    "quoted-dangerous": (
        '"The Peruvian government is dangerous and dishonest," the Chilean senator said.',
        ("CHLLEG", "PERGOV"),
    ),
    "called-a-stooge": (
        "The Chilean senator called the Peruvian president a stooge.",
        ("CHLLEG", "PERGOV"),
    ),
}


@pytest.mark.parametrize(("text", "pair"), JUDGING_WORDS.values(), ids=JUDGING_WORDS.keys())
def test_a_judging_word_criticizes_whom_it_describes(
    pipeline: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    found = {
        (e.source.actor.code, e.target.actor.code)
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo == "111" and e.source and e.target
    }
    assert pair in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Venezuelan president said the Colombian government was not irresponsible.",
        '"It is a hostile place," the Colombian senator said.',
        '"This is a dangerous situation," the Chilean senator said.',
        "The former dictator Idi Amin died in Saudi Arabia in 2003.",
        "The cruel treatment of the Kenyan detainees angered the Kenyan press.",
        "The Kenyan minister said the situation on the border was critical.",
    ],
    ids=[
        "denied-predicate",
        "no-one-described",
        "no-one-described-dangerous",
        "title-in-narration",
        "act-not-actor",
        "critical-said-of-no-one",
    ],
)
def test_a_judging_word_that_judges_no_actor_is_no_event(pipeline: Pipeline, text: str) -> None:
    events = code_text(text, date="2011-02-01", pipeline=pipeline)
    assert not [e for e in events if e.rule.startswith("pattern:disapprove.judgement")], events


def test_several_judging_words_for_one_pair_are_one_criticism(pipeline: Pipeline) -> None:
    text = "The Zimbabwean president described the opposition party as traitors and puppets."
    judged = [
        e
        for e in code_text(text, date="2011-02-01", pipeline=pipeline, include_all=True)
        if e.cameo == "111"
    ]
    assert len(judged) == 1, judged
