"""A judgement of an act (condemned, criticized, praised, rejected) targets whoever did it."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kittiwake.events.code import code_of, misparsed_roles
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
    # an active verb has no agent of its own: its "by" phrase is the judged act's
    "by-phrase-on-the-verb": (
        "The Turkish opposition criticized the arrests by Turkish police as unjust.",
        "criticized",
        "TURCOP",
    ),
    "word-on-act-told-before": (
        "Kenyan police arrested forty students on Monday. Uganda said the arrests were unlawful.",
        "unlawful",
        "KENCOP",
    ),
    # "this" seen as an act, or said to be one: the act the story told last
    "this-seen-as-an-act": (
        "Ugandan troops shelled a Kenyan border post on Monday. \"We see this as an act"
        ' designed to silence our people," the Kenyan minister said.',
        "silence",
        "UGAMIL",
    ),
    "this-was-an-act": (
        'Ugandan police raided a Kenyan newspaper on Monday. "That was an act meant to stifle'
        ' the press," the Kenyan minister said.',
        "stifle",
        "UGACOP",
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
    # an account of what happened is a claim its teller made
    "account": ("Rebel leaders disputed and denied the Chadian army's account.", "denied", "TCD"),
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
    # the rejecter's own words for what is rejected are still a judgement
    "rejected-illegal-demands": ("Kenya rejected Uganda's illegal demands.", ("KEN", "UGA")),
    # the "as" phrase describes a verb's prepositional object too
    "thought-of-X-as": (
        "Egyptian protesters thought of Mubarak as a traitor.",
        ("EGYOPP", "EGYGOV"),
    ),
    "spoke-of-X-as": (
        "The Ugandan minister spoke of the Kenyan president as a dictator.",
        ("UGAGOV", "KENGOV"),
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
        "Kenya rejected claims that Ugandan officials were corrupt.",
    ],
    ids=[
        "denied-predicate",
        "no-one-described",
        "no-one-described-dangerous",
        "title-in-narration",
        "act-not-actor",
        "critical-said-of-no-one",
        "rejected-claims-that",
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


def test_disagreeing_with_someone_is_disapproval(pipeline: Pipeline) -> None:
    text = "The Brazilian minister disagreed with the US defense secretary about Venezuela."
    found = {
        (e.cameo, e.source.actor.code, e.target.actor.code)
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.source and e.target
    }
    assert ("110", "BRAGOV", "USAGOV") in found, found


NOT_AGREED = {
    "did-not-agree-with": (
        "The Ghanaian envoy did not agree with the Nigerian president on tariffs.",
        ("110", "GHAGOV", "NGAGOV"),
    ),
    "never-agreed-with": (
        "Senegal never agreed with Gambian officials about the fishing rights.",
        ("110", "SEN", "GMBGOV"),
    ),
}


@pytest.mark.parametrize(("text", "triple"), NOT_AGREED.values(), ids=NOT_AGREED.keys())
def test_not_agreeing_with_someone_is_disapproval(
    pipeline: Pipeline, text: str, triple: tuple[str, str, str]
) -> None:
    found = {
        (e.cameo, e.source.actor.code, e.target.actor.code)
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.source and e.target
    }
    assert triple in found, found


def test_agreeing_with_someone_is_no_disapproval(pipeline: Pipeline) -> None:
    text = "The Ghanaian envoy agreed with the Nigerian president on tariffs."
    events = code_text(text, date="2011-02-01", pipeline=pipeline, include_all=True)
    assert not [e for e in events if e.cameo_root == "11"], events


def test_disagreeing_among_themselves_disapproves_of_no_one(pipeline: Pipeline) -> None:
    text = "Kenyan and Ugandan officials disagreed about the casualty figures."
    assert not [
        e for e in code_text(text, date="2011-02-01", pipeline=pipeline) if e.cameo == "110"
    ]


CLAIMED = {
    "claimed-clause": (
        "The Kenyan opposition claimed the Kenyan president arranged the attacks.",
        ("KENOPP", "KENGOV"),
    ),
    "claimed-passive-by": (
        "The Kenyan opposition claimed that the leaks were arranged by the Kenyan president.",
        ("KENOPP", "KENGOV"),
    ),
    "suggested": (
        "The Kenyan minister suggested Ugandan officials had leaked the report.",
        ("KENGOV", "UGAGOV"),
    ),
    "contend": (
        "Kenyan critics contend that the Kenyan government arranged the leaks.",
        ("KEN", "KENGOV"),
    ),
}


@pytest.mark.parametrize(("text", "pair"), CLAIMED.values(), ids=CLAIMED.keys())
def test_a_claim_about_someone_accuses_the_doer_of_its_clause(
    pipeline: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    found = {
        (e.source.actor.code, e.target.actor.code)
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo == "112" and e.source and e.target
    }
    assert pair in found, found


@pytest.mark.parametrize(
    "text",
    [
        # a claim of one's own act, of something suffered, or to something accuses no one
        "A Trinidad militant group claims to be making chemical weapons to use against Britain.",
        "The Kenyan opposition claimed that Kenyan journalists were harassed.",
        "More than 30 million Americans claim Irish ancestry.",
        "China claims Taiwan as part of its territory.",
        'The Somali rebels claimed on their radio station: "We captured a Kenyan officer."',
        # a clause proposed tells no one's act
        "Kenya suggested that Uganda hold talks with the rebels.",
        "Kenya suggested that Uganda should hold talks with the rebels.",
    ],
    ids=[
        "own-infinitive",
        "passive-subject",
        "claimed-ancestry",
        "claimed-territory",
        "claimed-in-first-person",
        "suggested-subjunctive",
        "suggested-modal",
    ],
)
def test_a_claim_with_no_one_doing_its_clause_is_no_accusation(
    pipeline: Pipeline, text: str
) -> None:
    events = code_text(text, date="2011-02-01", pipeline=pipeline)
    assert not [e for e in events if e.rule == "pattern:disapprove.claim_about"], events


PESSIMISTIC = {
    "had-doubts-about": (
        "The American general said he had serious doubts about the Afghan government.",
        ("USAMIL", "AFGGOV"),
    ),
    # a comment about a clause is about whom the clause names
    "concerns-about-whether": (
        "The American general admitted he has concerns about whether the Afghan "
        "government can hold the town.",
        ("USAMIL", "AFGGOV"),
    ),
    "raised-concerns-about": (
        "Kenya raised concerns about the Ugandan troop deployment.",
        ("KEN", "UGAMIL"),
    ),
}


@pytest.mark.parametrize(("text", "pair"), PESSIMISTIC.values(), ids=PESSIMISTIC.keys())
def test_concerns_had_or_raised_about_someone_are_a_pessimistic_comment(
    pipeline: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    found = {
        (e.source.actor.code, e.target.actor.code)
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo == "012" and e.source and e.target
    }
    assert pair in found, found


def test_a_question_had_is_no_pessimistic_comment(pipeline: Pipeline) -> None:
    text = "The Kenyan minister had a question for Ugandan reporters."
    assert not [
        e for e in code_text(text, date="2011-02-01", pipeline=pipeline) if e.cameo == "012"
    ]


BLAMED = {
    "guilty-of": ("Uganda said Kenya was guilty of war crimes.", ("UGA", "KEN")),
    "put-the-blame-on": ("Kenya put the blame on Somali militants.", ("KEN", "SOMREB")),
    "laid-the-blame-on": (
        "Kenya laid the blame for the attack on Somali militants.",
        ("KEN", "SOMREB"),
    ),
    # "X is to blame": the subject is blamed, by whoever says so, now
    "were-to-blame": (
        "The Kenyan president said Somali militants were to blame for the attack.",
        ("KENGOV", "SOMREB"),
    ),
    "bears-responsibility": (
        '"Uganda bears full responsibility for these killings," the Kenyan minister said.',
        ("KENGOV", "UGA"),
    ),
    "called-terrorists": (
        "The Kenyan president said the Somali rebels were terrorists.",
        ("KENGOV", "SOMREB"),
    ),
    # a claim or charge made up by someone, told by another: the maker is accused
    "concocted-by": (
        "A Kenyan minister said the charges were concocted by Ugandan police.",
        ("KENGOV", "UGACOP"),
    ),
    "invented-by": (
        "The Kenyan spokesman said the story was false and invented by Ugandan officials.",
        ("KENGOV", "UGAGOV"),
    ),
    # an attack or its suspect linked to someone: blame laid on them
    "linked-to": (
        "The Kenyan president linked the bombing to Somali militants.",
        ("KENGOV", "SOMREB"),
    ),
    "linked-suspect-to": (
        "Ugandan police linked the arrested suspect to a Somali militia.",
        ("UGACOP", "SOMREB"),
    ),
    # the teller is above the accused, named again ("they"), not the accused themselves
    "teller-above-the-accused": (
        "A Kenyan rights group said that by jailing reporters, Ugandan officials were"
        " signalling that they only wanted to hide the truth.",
        ("KENHRI", "UGAGOV"),
    ),
    # concealing what others should know
    "concealed-the-toll": (
        "The Kenyan opposition said the government had concealed the death toll.",
        ("KENOPP", "KENGOV"),
    ),
    # help or cooperation denied had from someone: a complaint against them
    "not-received-help-from": (
        '"We have not received any help from the Ugandan government," a Kenyan minister said.',
        ("KENGOV", "UGAGOV"),
    ),
}


@pytest.mark.parametrize(("text", "pair"), BLAMED.values(), ids=BLAMED.keys())
def test_guilt_or_blame_said_of_someone_accuses_them(
    pipeline: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    found = {
        (e.source.actor.code, e.target.actor.code)
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo_root == "11" and e.source and e.target
    }
    assert pair in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Somali militants were to blame.",  # no one says so
        "Kenyan police killed three terrorists in Mombasa.",  # named, not judged
        "Kenya has linked its currency to the Ugandan shilling.",  # no attack linked
        "Kenya received help from Uganda.",  # help had, not denied
        "A Kenyan editor said the shooting was probably linked to the reporter's coverage.",
        '"We bear the responsibility for these mistakes," the Kenyan minister said.',
    ],
    ids=[
        "to-blame-untold",
        "terrorists-named",
        "linked-currency",
        "received-help",
        "linked-work",
        "own-responsibility",
    ],
)
def test_blame_told_by_no_one_accuses_no_one(pipeline: Pipeline, text: str) -> None:
    events = code_text(text, date="2011-02-01", pipeline=pipeline)
    assert not [e for e in events if e.cameo_root == "11"], events


def parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_a_second_subject_after_an_active_verb_is_its_object() -> None:
    """The parser may read "A British report called the militia a menace" with "militia" as
    a second subject: the one before the verb judges, the one after is judged."""
    doc = parsed(
        ["A", "British", "report", "called", "the", "militia", "a", "menace"],
        [2, 2, 3, 3, 5, 3, 7, 3],
        ["det", "amod", "nsubj", "ROOT", "det", "nsubj", "det", "oprd"],
    )
    roles = misparsed_roles(doc[3])
    assert roles is not None and (roles[0].text, roles[1].text) == ("report", "militia")


def test_a_verb_with_one_subject_or_a_passive_keeps_its_roles() -> None:
    called = parsed(
        ["The", "report", "called", "the", "militia", "a", "menace"],
        [1, 2, 2, 4, 2, 6, 2],
        ["det", "nsubj", "ROOT", "det", "dobj", "det", "oprd"],
    )
    passive = parsed(
        ["The", "militia", "was", "called", "a", "menace", "by", "Kenya"],
        [1, 3, 3, 3, 5, 3, 3, 6],
        ["det", "nsubjpass", "auxpass", "ROOT", "det", "oprd", "agent", "pobj"],
    )
    assert misparsed_roles(called[2]) is None
    assert misparsed_roles(passive[3]) is None


def test_an_attack_linked_to_someone_accuses_them_not_the_attack(pipeline: Pipeline) -> None:
    text = "The blast was linked to Somali militants."
    found = {
        (code_of(e.source), code_of(e.target))
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo == "112"
    }
    assert found == {("", "SOMREB")}, found


UNDERGONE = {
    "act-told-before": (
        "Kenyan police arrested forty protesters on Monday. The arrests have drawn criticism"
        " from Ugandan officials.",
        ("UGAGOV", "KENCOP"),
    ),
    "act-told-before-no-critic": (
        "Kenyan police raided a newspaper office in March. The raid has faced criticism.",
        ("", "KENCOP"),
    ),
}


@pytest.mark.parametrize(("text", "pair"), UNDERGONE.values(), ids=UNDERGONE.keys())
def test_criticism_an_act_undergoes_is_of_its_doer(
    pipeline: Pipeline, text: str, pair: tuple[str, str]
) -> None:
    found = {
        (code_of(e.source), code_of(e.target))
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo == "111"
    }
    assert pair in found, found


ATTRIBUTED = {
    # "according to X" over a judgement: X tells it
    "according-to-over-misconduct": (
        "According to the Kenyan opposition leader, the raid was a bid by the cabinet to"
        " muzzle critics.",
        ("KENOPP", "KENGOV"),
        "",
    ),
    # over a verb of saying: its subject tells, never the "according to" source
    "according-to-over-a-report": (
        "According to Reuters, the Kenyan opposition says the detentions made by Kenyan"
        " police were unlawful.",
        None,
        "GBR",
    ),
    # a relative clause is background, not what the source is quoted for
    "according-to-over-a-relative-clause": (
        "According to Ugandan officials, the truce collapsed after the vote, in which the"
        " Kenyan president failed to win a majority.",
        None,
        "UGA",
    ),
}


@pytest.mark.parametrize(
    ("text", "pair", "not_teller"), ATTRIBUTED.values(), ids=ATTRIBUTED.keys()
)
def test_according_to_names_the_teller_of_a_judgement(
    pipeline: Pipeline, text: str, pair: tuple[str, str] | None, not_teller: str
) -> None:
    found = {
        (code_of(e.source), code_of(e.target))
        for e in code_text(text, date="2011-02-01", pipeline=pipeline)
        if e.cameo_root == "11"
    }
    if pair is not None:
        assert pair in found, found
    if not_teller:
        assert not any(source.startswith(not_teller) for source, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan villagers were hiding in their homes, a Ugandan official said.",
        "A Kenyan judge noted the Ugandan gang member killed the guard while hiding behind a door.",
    ],
    ids=["hiding-at-home", "hiding-behind-a-door"],
)
def test_people_hiding_are_taking_cover_not_accused(pipeline: Pipeline, text: str) -> None:
    events = code_text(text, date="2011-02-01", pipeline=pipeline, include_all=True)
    assert not [e for e in events if e.cameo_root == "11"], events
