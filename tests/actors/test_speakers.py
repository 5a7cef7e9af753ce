"""First-person pronouns in quotations take the quotation's speaker."""

from __future__ import annotations

import datetime as dt

import pytest

from kittiwake.pipeline import Pipeline
from kittiwake.records import Article, CodedArticle

pytestmark = pytest.mark.slow


def mentions_of(pipeline: Pipeline, text: str) -> dict[str, str]:
    coded = pipeline(Article(doc_id="t", text=text))
    assert isinstance(coded, CodedArticle)
    return {m.text: m.actor.code for m in coded.mentions}


CASES = {
    "same-sentence": ('"We condemn the raid," the Kenyan foreign minister said.', "We", "KENGOV"),
    "possessive": ('"Our patience is over," Chile\'s president told reporters.', "Our", "CHLGOV"),
    "curly-quotes": ("\u201cI will not resign,\u201d Peru\u2019s president said.", "I", "PERGOV"),
    "quote-over-two-sentences": (
        '"The talks failed. We blame Serbia," the Croatian government said.',
        "We",
        "HRVGOV",
    ),
    # "according to X" attributes the sentence, and the quotation that follows it, to X
    "according-to-before-the-quote": (
        'According to the Kenyan minister, the talks went well. "We are working closely with '
        'the African Union."',
        "We",
        "KENGOV",
    ),
}


@pytest.mark.parametrize(("text", "pronoun", "code"), CASES.values(), ids=CASES.keys())
def test_first_person_in_a_quotation_is_its_speaker(
    pipeline: Pipeline, text: str, pronoun: str, code: str
) -> None:
    assert mentions_of(pipeline, text).get(pronoun) == code


def test_first_person_outside_a_quotation_is_left_alone(pipeline: Pipeline) -> None:
    found = mentions_of(pipeline, "We met the Kenyan foreign minister, who said nothing.")
    assert "We" not in found


def test_a_quotation_in_another_paragraph_is_not_attributed(pipeline: Pipeline) -> None:
    text = '"We condemn the raid."\n\nThe Kenyan foreign minister said nothing else.'
    assert "We" not in mentions_of(pipeline, text)


def test_a_demand_in_a_quotation_is_its_speakers(pipeline: Pipeline) -> None:
    from kittiwake.pipeline import code_text

    text = (
        "The Kenyan foreign minister spoke in Nairobi on Monday.\n\n"
        '"The shelling must end. Uganda must withdraw its troops," the Kenyan foreign minister '
        "told reporters."
    )
    events = code_text(text, date="2016-01-01", pipeline=pipeline)
    demands = [e for e in events if e.trigger.text == "withdraw"]
    assert demands and demands[0].source is not None, events
    assert demands[0].source.actor.code == "KENGOV"


def test_the_speaker_of_a_quotation_is_not_someone_named_in_it(pipeline: Pipeline) -> None:
    """ '"Morales lies," he said': "he" refers back past the quotation, to the speaker."""
    text = (
        "Peruvian President Alan Garcia spoke to reporters in Lima on Monday. "
        '"I cannot accept the lies of Morales," he said.'
    )
    coded = pipeline(Article(doc_id="t", text=text, date=dt.date(2010, 1, 1)))
    assert isinstance(coded, CodedArticle)
    he = [m for m in coded.mentions if m.text == "he"]
    assert [m.actor.code for m in he] == ["PERGOV"]


LINKED_LATER = {
    # "Varga" is linked to the spokesman named before only after "he" was read
    "surname-linked-later": (
        "Tomas Varga, a spokesman for the UN refugee agency, said the attacks in Chad "
        'continued. Varga said that the UN wanted a review. "We urge the government to act," '
        "he said.",
        "he",
        ["IGOUNOREFHCR"],
    ),
    "speaker-of-quote-linked-later": (
        "Tomas Varga, a spokesman for the UN refugee agency, said the attacks in Chad "
        'continued. Varga said that the UN wanted a review. "We urge the government to act," '
        "he said.",
        "We",
        ["IGOUNOREFHCR"],
    ),
    # a pronoun copied from an unknown person is not a name to link to an earlier "his"
    "pronoun-is-no-name": (
        "Peruvian President Ollanta Humala defended his record. After Fadli published his "
        "accusations, he left Lima.",
        "his",
        ["PERGOV", "PER"],  # Fadli's own country (the story's), not the president's GOV
    ),
}


@pytest.mark.parametrize(("text", "word", "codes"), LINKED_LATER.values(), ids=LINKED_LATER.keys())
def test_a_referring_word_takes_its_antecedents_final_actor(
    pipeline: Pipeline, text: str, word: str, codes: list[str]
) -> None:
    coded = pipeline(Article(doc_id="t", text=text, date=dt.date(2014, 5, 5)))
    assert isinstance(coded, CodedArticle)
    assert [m.actor.code for m in coded.mentions if m.text == word] == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # "they" opening a sentence continues an organisation that was the subject before
        (
            "Human Rights Watch has asked the Nigerian army to release the detainees. "
            "They have also called on the Nigerian courts to review the cases.",
            ["NGOHRI"],
        ),
        # but the plural actor named before is still what "they" refers to otherwise
        ("Kenyan police arrested ten students. They were released on Friday.", ["KENEDU"]),
    ],
    ids=["organisation-subject-before", "plural-object-before"],
)
def test_they_as_subject_continues_an_organisation_subject(
    pipeline: Pipeline, text: str, codes: list[str]
) -> None:
    coded = pipeline(Article(doc_id="t", text=text, date=dt.date(2014, 5, 5)))
    assert isinstance(coded, CodedArticle)
    assert [m.actor.code for m in coded.mentions if m.text == "They"] == codes
