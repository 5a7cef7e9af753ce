"""News verbs and nouns of the pattern lexicon, each in a sentence of its own: the act it
codes (PLOVER type, source country, target country), and sentences with the same words that
code no such act."""

from __future__ import annotations

import pytest

from coded_triples import Triple, reportable_events, triples
from kittiwake.pipeline import Pipeline
from kittiwake.records import Event

pytestmark = pytest.mark.slow

DATE = "2010-03-01"


def reportable(pipeline: Pipeline, text: str) -> list[Event]:
    return reportable_events(pipeline, text, date=DATE)


# (type, source country, target country) that must be among the reportable events
CODED: dict[str, tuple[str, Triple]] = {
    # a press conference held together is a meeting of those who hold it
    "joint-press-conference": (
        "Kenyan President Uhuru Kenyatta and Ugandan President Yoweri Museveni gave a joint"
        " news conference on Monday.",
        ("CONSULT", "KEN", "UGA"),
    ),
    "news-conference-with": (
        "The Chilean foreign minister held a news conference with his Peruvian counterpart.",
        ("CONSULT", "CHL", "PER"),
    ),
    # asking for someone's intervention is a call for protection
    "request-intervention": (
        "Seoul asked for United Nations intervention on the border.",
        ("REQUEST", "KOR", "IGO"),
    ),
    # being in contact with someone is consulting them
    "in-contact-with": (
        "Kenya has been in close contact with Ethiopia about the border.",
        ("CONSULT", "KEN", "ETH"),
    ),
    # breaking with an ally reduces relations with them
    "broke-with": (
        "The Shiite cleric broke with the Iraqi prime minister in 2005.",
        ("SANCTION", "IRQ", "IRQ"),
    ),
    # an order to stop binds whom it is given to
    "ordered-to-stop": (
        "Egyptian authorities ordered the Qatari channel to stop broadcasting.",
        ("COERCE", "EGY", "QAT"),
    ),
    # barred from doing something: restricted by whoever bars
    "barred-from": (
        "Zimbabwe barred British journalists from covering the election.",
        ("COERCE", "ZWE", "GBR"),
    ),
    # charges faced are undergone by the subject
    "faces-charges": (
        "The Ghanaian opposition leader faces charges of fraud.",
        ("COERCE", None, "GHA"),
    ),
    # turning on someone is attacking them
    "turned-on": (
        "Chadian rebels turned on their former allies in Sudan.",
        ("ASSAULT", "TCD", "SDN"),
    ),
    "assisting-in": (
        "The Kenyan government is assisting in the return of Somali refugees.",
        ("AID", "KEN", None),
    ),
    # release granted to someone releases them
    "granted-release": (
        "Scotland granted the Libyan prisoner a compassionate release.",
        ("RETREAT", "GBR", "LBY"),
    ),
    # turning oneself in yields to whom one turns oneself in to
    "turned-himself-in": (
        "A Kenyan suspect turned himself in to Ugandan police on Monday.",
        ("CONCEDE", "KEN", "UGA"),
    ),
    # a warrant for someone's arrest is an arrest or charge
    "arrest-warrant-for": (
        "A Kenyan court issued an arrest warrant for the Somali militia leader.",
        ("COERCE", "KEN", "SOM"),
    ),
    "under-surveillance": (
        "Police placed the Kenyan activist under surveillance.",
        ("COERCE", "KEN", "KEN"),
    ),
    # a ship or shipment intercepted is seized
    "intercepted-shipment": (
        "Israel intercepted an Iranian arms shipment.",
        ("COERCE", "ISR", "IRN"),
    ),
    # troops pledged are an intent to provide peacekeepers
    "pledged-troops": (
        "Ethiopia pledged 2,000 troops to the African Union mission.",
        ("AGREE", "ETH", "IGO"),
    ),
    # control of a place handed over: a withdrawal in favour of whom it goes to
    "handed-over-control": (
        "British forces handed over control of Basra to Iraqi authorities.",
        ("RETREAT", "GBR", "IRQ"),
    ),
    # giving in to pressure yields to whoever presses
    "gave-in-to": (
        "The Kenyan president finally gave in to opposition demands.",
        ("CONCEDE", "KEN", "KEN"),
    ),
    # ties mended or deepened: diplomatic cooperation, or the intent of it
    "mended-relations": (
        "India and Pakistan mended relations in 2004.",
        ("SUPPORT", "IND", "PAK"),
    ),
    "would-deepen-relations": (
        "Brazil would like to deepen its relations with Argentina.",
        ("AGREE", "BRA", "ARG"),
    ),
    # closer trade ties are economic cooperation, not diplomatic
    "strengthened-economic-ties": (
        "Chile and Peru strengthened economic ties in 2010.",
        ("COOPERATE", "CHL", "PER"),
    ),
    "communication-with": (
        "Colombian officials kept up regular communication with the FARC.",
        ("CONSULT", None, "COL"),
    ),
    # training someone's forces is military aid
    "training-forces": (
        "Britain is training the Yemeni security forces.",
        ("AID", "GBR", None),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CODED.values()), ids=list(CODED))
def test_a_news_verb_codes_its_act(pipeline: Pipeline, text: str, expected: Triple) -> None:
    assert expected in triples(reportable(pipeline, text))


# (sentence, PLOVER type it must not code): the same words in another sense
NOT_CODED: dict[str, tuple[str, str]] = {
    # a press conference held alone meets nobody
    "press-conference-alone": (
        "The Kenyan president held a press conference in Nairobi.",
        "CONSULT",
    ),
    # breaking from custody or with tradition breaks with nobody
    "broke-from-custody": ("Three Kenyan prisoners broke from custody on Monday.", "SANCTION"),
    "broke-with-tradition": ("The Kenyan president broke with tradition on Monday.", "SANCTION"),
    # rain that keeps people from working restricts nobody
    "rain-prevented": ("Heavy rain prevented Kenyan farmers from planting maize.", "COERCE"),
    # dying of one's wounds yields to nobody
    "succumbed-to-injuries": ("The Kenyan journalist succumbed to his injuries.", "CONCEDE"),
    # a missile shot down is no seizure
    "intercepted-missile": ("Israel intercepted the Iranian missile.", "COERCE"),
    # switching something on attacks nobody
    "turned-on-sirens": ("Kenyan police turned on their sirens.", "ASSAULT"),
}


@pytest.mark.parametrize(("text", "plover_type"), list(NOT_CODED.values()), ids=list(NOT_CODED))
def test_the_same_words_in_another_sense_code_no_such_act(
    pipeline: Pipeline, text: str, plover_type: str
) -> None:
    assert plover_type not in {e.plover_type for e in reportable(pipeline, text)}
