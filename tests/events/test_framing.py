"""Acts framed as feared, denied, purposed or asked for, casualty tolls and negative
subjects: kept with their modality, out of default output; the framing act still counts."""

from __future__ import annotations

import pytest

from kittiwake.lang import load_clause_words, read_clause_words
from kittiwake.pipeline import Pipeline, code_text, is_reportable
from kittiwake.records import Event
from kittiwake.yamlio import ResourceError

pytestmark = pytest.mark.slow

DATE = "2019-05-14"


def coded(pipeline: Pipeline, text: str) -> list[Event]:
    return code_text(text, date=DATE, pipeline=pipeline, include_all=True)


def by_trigger(events: list[Event], word: str) -> list[Event]:
    return [e for e in events if e.trigger.text == word]


# (sentence, trigger of the framed act, modality it gets)
FRAMED = {
    "feared-clause": ("Villagers fear the militia will attack the market.", "attack", "uncertain"),
    "feared-noun": ("Shops closed over fears of an army raid on the camp.", "raid", "uncertain"),
    "threat-noun": (
        "Schools shut because of the threat of a bombing by the rebels.",
        "bombing",
        "uncertain",
    ),
    # a plot to do something is an effort towards it, not the act: foiled, it never happened
    "plot-to-attack": (
        "Kenyan police foiled a plot by Somali militants to bomb a hotel in Mombasa.",
        "bomb",
        "purpose",
    ),
    "denied-gerund": (
        "The ministry denied having shelled the border villages.",
        "shelled",
        "denied",
    ),
    # what a claim says, when the claim is rejected or denied, is disputed, not told
    "rejected-accusation-that": (
        "Uganda rejected Kenya's accusation that it was arming the rebels in the north.",
        "arming",
        "denied",
    ),
    "dismissed-claims-of": (
        "Ghana dismissed claims of soldiers attacking traders in Accra.",
        "attacking",
        "denied",
    ),
    "purpose-advcl": ("Police fired tear gas to disperse the students.", "disperse", "purpose"),
    # an act there are only signs of
    "indication-noun": (
        "There are indications that the militia is planning to attack the market.",
        "attack",
        "uncertain",
    ),
    # doubted through "be able to"
    "doubted-able-to": (
        "Observers are doubtful that the two presidents will be able to sign a treaty soon.",
        "sign",
        "uncertain",
    ),
    # a simple present after a time conjunction is still to come
    "awaited-once": (
        "The Afghan government can take over once the coalition pushes the rebels out.",
        "pushes",
        "conditional",
    ),
    "awaited-until": (
        "Protesters will stay in the square until the army withdraws from the capital.",
        "withdraws",
        "conditional",
    ),
    # a kind of act, not one act
    "generic-each": (
        "Reporters in Karachi see each attack on the press as a warning.",
        "attack",
        "generic",
    ),
    "generic-any": (
        "The general said any attack on his troops would be answered.",
        "attack",
        "generic",
    ),
    "effort-verb": ("Mediators are working to free the Italian hostages.", "free", "purpose"),
    "effort-noun": (
        "Troops began an attempt to capture the rebel commander.",
        "capture",
        "purpose",
    ),
    "called-for": (
        "Protesters called for the release of the detained editors.",
        "release",
        "requested",
    ),
    "counterfactual": (
        "Without the truce, Israel would have shelled the Gaza port.",
        "shelled",
        "counterfactual",
    ),
    "planned-past": (
        "Senior Kenyan judges were to review the Ugandan case.",
        "review",
        "planned",
    ),
    "ceased": (
        "Under the plan, Georgian and Russian troops agreed to stop fighting.",
        "fighting",
        "ceased",
    ),
    # an act named as the object of a wish or an expectation is asked for, not done (with
    # a coded wisher it is that wisher's demand: see `test_a_wanted_act_of_others_is_a_demand`)
    "wished-object": (
        "Many want an immediate withdrawal of Turkish troops from Cyprus.",
        "withdrawal",
        "requested",
    ),
    "expected-object": (
        "Everyone expected a quick pullout of Russian soldiers from the border.",
        "pullout",
        "requested",
    ),
    # an event noun whose verb is in the future, or puts it off, names an act still to come
    "noun-subject-future": (
        "Talks between Nairobi and Kampala will continue next week.",
        "Talks",
        "planned",
    ),
    "postponed": ("The Kenyan president's visit to Uganda was postponed.", "visit", "planned"),
    # what others expect an actor to do is foreseen, no plan of its own
    "expected-to": (
        "The regional bloc is expected to send observers to Malawi.",
        "send",
        "uncertain",
    ),
    # what "instead of" names was passed over, not done
    "instead-of": (
        "Instead of meeting the Ugandan president, the Kenyan envoy flew home.",
        "meeting",
        "counterfactual",
    ),
    # a bare verb after a task's "to" infinitive is another task in its list, whatever
    # the parser hangs it on
    "task-list": (
        "A Kenyan police unit was picked to find the Somali pirates, arrest the Somali"
        " pirates and bring them to court.",
        "arrest",
        "purpose",
    ),
    # "it" standing for an infinitive of a role or duty: no act arranged or done
    "role-described": (
        "Reporters, whose duty it is to share information with the public, are being held.",
        "share",
        "generic",
    ),
    # and the object of a prediction is foreseen
    "predicted-object": ("Analysts predict a Russian attack on Ukraine.", "attack", "uncertain"),
}


@pytest.mark.parametrize(("text", "word", "modality"), FRAMED.values(), ids=FRAMED.keys())
def test_framed_acts_get_their_modality_and_stay_out(
    pipeline: Pipeline, text: str, word: str, modality: str
) -> None:
    framed = by_trigger(coded(pipeline, text), word)
    assert framed and all(e.modality == modality for e in framed), framed
    assert not any(is_reportable(e) for e in framed)


def test_talks_someone_is_invited_to_are_not_held(pipeline: Pipeline) -> None:
    text = "The Norwegian foreign minister invited the Sri Lankan government to talks in Oslo."
    talks = by_trigger(coded(pipeline, text), "talks")
    assert not any(is_reportable(e) for e in talks), talks


def test_what_one_will_visit_someone_to_do_is_not_done(pipeline: Pipeline) -> None:
    """A visit's aim is done in the visit ("visited the mosque to apologize"), so a visit
    still to come has not done it yet."""
    text = "The Brazilian president will visit Angola next month to sign a defence pact."
    signed = by_trigger(coded(pipeline, text), "sign")
    assert not any(is_reportable(e) for e in signed), signed


# An act of others that a coded actor wants or expects done is its demand on them (10x):
# (sentence, trigger, source code's start, target code's start).
WANTED_OF_OTHERS = {
    "wanted": (
        "The students want an immediate withdrawal of Turkish troops from Cyprus.",
        "withdrawal",
        "CYP",
        "TURMIL",
    ),
    "expected": (
        "Mr Tusk said he expected a quick pullout of Russian soldiers from the border.",
        "pullout",
        "IGOEUREEC",
        "RUSMIL",
    ),
}


@pytest.mark.parametrize(
    ("text", "word", "source", "target"), WANTED_OF_OTHERS.values(), ids=WANTED_OF_OTHERS.keys()
)
def test_a_wanted_act_of_others_is_a_demand(
    pipeline: Pipeline, text: str, word: str, source: str, target: str
) -> None:
    demands = [
        e
        for e in by_trigger(coded(pipeline, text), word)
        if e.modality == "demand" and e.plover_type == "REQUEST" and is_reportable(e)
    ]
    pairs = [(e.source.actor.code, e.target.actor.code) for e in demands if e.source and e.target]
    assert len(pairs) == 1, demands
    assert pairs[0][0].startswith(source) and pairs[0][1].startswith(target), pairs


# The framing act itself is still an event: (sentence, trigger, CAMEO root).
FRAMING_ACTS = {
    "denial": ("The ministry denied having shelled the border villages.", "denied", ""),
    "appeal": ("Protesters called for the release of the detained editors.", "called", "02"),
    "coercion": ("Police fired tear gas to disperse the students.", "fired", "1"),
}


@pytest.mark.parametrize(("text", "word", "root"), FRAMING_ACTS.values(), ids=FRAMING_ACTS.keys())
def test_the_framing_act_is_still_coded(
    pipeline: Pipeline, text: str, word: str, root: str
) -> None:
    events = [e for e in code_text(text, date=DATE, pipeline=pipeline) if e.trigger.text == word]
    assert events and events[0].cameo_root.startswith(root), events


# Not framed: reported acts stay reportable.
REPORTED = {
    "report-of": ("There were reports of soldiers burning farms near the river.", "burning"),
    "past-after-when": ("The rebels left the town when the army shelled it.", "shelled"),
    "finite-conj": (
        "The union called for workers to strike and marched to the ministry.",
        "marched",
    ),
    "extraposed-it": (
        "Ottawa made it a priority to expand trade with Chile.",
        "expand",
    ),
    "killed-in-attack": ("Nine police officers were killed in a rocket attack.", "killed"),
    "shot-dead": ("A local judge was shot dead outside the courthouse.", "shot"),
    # a past participle describing a noun tells a done act, whatever is said of the noun
    "done-modifier-under-demand": (
        "Iran must release the British sailors captured by its navy.",
        "captured",
    ),
    "done-modifier-under-promise": (
        "Britain said Iran would soon free the sailors captured by its navy.",
        "captured",
    ),
}


@pytest.mark.parametrize(("text", "word"), REPORTED.values(), ids=REPORTED.keys())
def test_reported_acts_are_not_framed(pipeline: Pipeline, text: str, word: str) -> None:
    events = by_trigger(coded(pipeline, text), word)
    assert all(e.modality is None for e in events), events


TOLLS = {
    "passive-toll": "At least forty people were killed on Sunday.",
    "died": "Two monks died at the temple.",
    "injured": "Dozens of students were injured.",
}


@pytest.mark.parametrize("text", TOLLS.values(), ids=TOLLS.keys())
def test_casualty_tolls_without_an_agent_are_no_events(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == []


def test_a_negative_subject_negates_the_act(pipeline: Pipeline) -> None:
    events = by_trigger(coded(pipeline, "No prisoners were released by the rebels."), "released")
    assert events and all(e.negated for e in events)


def test_clause_words_are_lower_case_lemmas_with_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    words = load_clause_words()
    assert "fear" in words.uncertainty_verbs and "kill" in words.casualty_verbs
    path = tmp_path / "clauses.yaml"
    names = list(type(words).model_fields)
    lists = [f"{name}: [x]" for name in names]
    lists[3] = f"{names[3]}: [ok, Work]"
    path.write_text("\n".join(lists) + "\n")
    with pytest.raises(ResourceError, match=r"clauses\.yaml:4: effort_verbs"):
        read_clause_words(path)


BACKGROUND = {
    "after-the-meeting": (
        "After the meeting, the Kenyan minister praised Uganda.",
        "meeting",
        "background",
    ),
    "doubted": (
        "Analysts are skeptical that Israel and Syria will sign a treaty.",
        "sign",
        "uncertain",
    ),
    # what a gerund after "after" acted on is the setting of the act told
    "after-covering": (
        "The reporter was shot dead after covering a protest organized by Baloch separatists.",
        "protest",
        "background",
    ),
}


@pytest.mark.parametrize(("text", "word", "modality"), BACKGROUND.values(), ids=BACKGROUND.keys())
def test_told_and_doubted_acts_are_not_events_here(
    pipeline: Pipeline, text: str, word: str, modality: str
) -> None:
    framed = by_trigger(coded(pipeline, text), word)
    assert framed and all(e.modality == modality for e in framed), framed


def test_an_act_first_named_in_a_time_phrase_is_coded(pipeline: Pipeline) -> None:
    text = "After a visit to Kenya, the Ugandan president praised Nairobi."
    assert all(e.modality is None for e in by_trigger(coded(pipeline, text), "visit"))


def test_an_arrangement_ahead_is_an_intent(pipeline: Pipeline) -> None:
    events = by_trigger(coded(pipeline, "The Kenyan president is to meet Ugandan leaders."), "meet")
    assert events and events[0].cameo == "036" and is_reportable(events[0]), events
