"""Who an act is done to when the parse does not say it plainly: actors deep in the object,
the subject of a "that" or "if" clause, the place it happened, the speaker of a demand, the
doer of a stative passive, and acts reported under "told"."""

from __future__ import annotations

import pytest

from coded_triples import country, reportable_events, triples
from kittiwake.pipeline import Pipeline, code_text, is_reportable
from kittiwake.records import Event

pytestmark = pytest.mark.slow

DATE = "2015-12-16"


def reportable(pipeline: Pipeline, text: str) -> list[Event]:
    return reportable_events(pipeline, text, date=DATE)


# (type, source country, target country) that must be among the reportable events
CASES = {
    # an act that is the aim of getting in touch is its subject's, addressed to whom it reached
    "telephoned-to-urge": (
        "The Kenyan president telephoned the Ugandan leader on Monday to urge restraint.",
        ("REQUEST", "KEN", "UGA"),
    ),
    "visited-to-apologize": (
        "The Danish prime minister visited the mosque after the riot to apologize.",
        ("SUPPORT", "DNK", "DNK"),  # an apology (055)
    ),
    # a finite clause under "told" reports a fact; it is not a request
    "told-reporters": (
        "Egyptian police arrested twenty students in Alexandria, officials told reporters.",
        ("COERCE", "EGY", None),
    ),
    "court-was-told": (
        "A military court was told that Turkish soldiers beat up Syrian refugees.",
        ("ASSAULT", "TUR", "SYR"),
    ),
    # whoever acts together with the subject acts too, and "they" reports for both
    "together-with": (
        "Chile, together with Peru, sent instructors to the Bolivian army.",
        ("AID", "PER", "BOL"),
    ),
    "along-with-they": (
        "Chile announced along with Peru that they would send instructors to the Bolivian army.",
        ("AGREE", "PER", "BOL"),
    ),
    # travel made to meet someone is a visit to them
    "travel-to-meet": (
        "Kenyan officials arrived at the border camps to meet Somali refugees.",
        ("CONSULT", "KEN", "SOM"),
    ),
    # a list the parser reads as an apposition with a conjunct: each member is whom
    "list-read-as-apposition": (
        "Lula will meet the Chilean president, the Peruvian foreign minister and the "
        "Argentine defence minister on Friday.",
        ("AGREE", "BRA", "ARG"),
    ),
    "list-read-as-apposition-middle": (
        "Lula will meet the Chilean president, the Peruvian foreign minister and the "
        "Argentine defence minister on Friday.",
        ("AGREE", "BRA", "PER"),
    ),
    # the same preposition repeated in a list names each member
    "repeated-preposition": (
        "The Tanzanian ministry said: \"We are cooperating closely with Kenya, with the African Union, "
        "and with Uganda.\"",
        ("COOPERATE", "TZA", "UGA"),
    ),
    # talks said to exist with someone are held by the speaker's side
    "existential-talks-in-quotation": (
        '"There are talks under way with the interior minister," the Iraqi opposition leader '
        "said.",
        ("CONSULT", "IRQ", "IRQ"),
    ),
    "existential-contacts-reported": (
        "The Peruvian president admitted there had been contacts with Bolivian rebels.",
        ("CONSULT", "PER", "BOL"),
    ),
    # an absolute "with" clause's act befalls whom the passive clause it hangs on names
    "absolute-with-on-passive": (
        "On Monday, marchers were driven from the square with Bahraini police using tear gas.",
        ("ASSAULT", "BHR", "BHR"),
    ),
    # a gerund the parser hangs on another gerund's object shares that gerund's subject
    "gerund-conjoined-with-an-object": (
        "On Monday, marchers were driven from the square with Bahraini police using tear-gas "
        "and arresting students throughout the city.",
        ("COERCE", "BHR", "BHR"),
    ),
    # a visit that dates the words of a speaker is the speaker's
    "visit-dating-remarks": (
        "In comments given after a short trip to Uganda on Friday, the Kenyan foreign "
        "minister warned of new clashes.",
        ("CONSULT", "KEN", "UGA"),
    ),
    "visit-dating-parting-remarks": (
        "In parting comments given after a four-day trip to Uganda early on Friday, the Kenyan "
        "foreign minister warned of new clashes.",
        ("CONSULT", "KEN", "UGA"),
    ),
    # "called for X to do Y": X is asked, not whom Y is done to
    "called-for-subject-to-act": (
        "The Kenyan president called for Ugandan troops to exercise restraint so as not to "
        "harm Somali civilians.",
        ("REQUEST", "KEN", "UGA"),
    ),
    # a country named before a thing says what it is about; its possessor, whose it is
    "possessor-owns-a-country-topic": (
        "The Kremlin criticised the Obama administration's Syria strategy on Monday.",
        ("ACCUSE", "RUS", "USA"),
    ),
    "demonym-keeps-its-country": (
        "Ugandan police arrested the Rwandan minister's Kenyan colleague.",
        ("COERCE", "UGA", "KEN"),
    ),
    # whoever must act is not the one demanding it
    "speaker-not-obligated": (
        "Germany said Serbia must be ready to negotiate with Albania.",
        ("REQUEST", "DEU", "SRB"),
    ),
    # a participle describing its subject's stance: the subject does it
    "stative-opposed": (
        "Brazil is opposed to Venezuelan mediation in the dispute.",
        ("REJECT", "BRA", "VEN"),
    ),
    # the subject of an "unless" clause is whom a threat is aimed at
    "threat-condition": (
        "Iran threatened to resume enrichment unless France lifted its sanctions.",
        ("THREATEN", "IRN", "FRA"),
    ),
    # a demand noun's "that" clause names whom it is made of
    "demand-noun-clause": (
        "Nigeria repeated its demand that Cameroon release the fishermen.",
        ("REQUEST", "NGA", "CMR"),
    ),
    # actors further down the object phrase or the passive subject
    "object-participle-agent": (
        "Kenyan police broke up a rally organised by Ugandan students.",
        ("COERCE", "KEN", "UGA"),
    ),
    # a past tense read as a modifier of its subject is still that subject's act
    "finite-verb-parsed-as-modifier": (
        "The Kenyan opposition leader called on France to continue working toward freeing "
        "the hostages.",
        ("REQUEST", "KEN", "FRA"),
    ),
    # "upon" as "on": whom an appeal is made to
    "call-upon": (
        "Human Rights Watch called upon the Peruvian authorities to investigate the killings "
        "of Chilean fishermen.",
        ("REQUEST", "NGO", "PER"),
    ),
    # an attack named by its doer's name as a modifier: the doer did it
    "attack-noun-modifier": (
        "NATO airstrikes again pounded radar sites along the Libyan coast.",
        ("ASSAULT", "IGO", "LBY"),
    ),
    # a participle describing the object reaches whom it belongs to
    "object-participle-owner": (
        "Turkish jets bombed convoys belonging to Syrian rebels.",
        ("ASSAULT", "TUR", "SYR"),
    ),
    "passive-subject-phrase": (
        "A camp for Somali refugees was attacked by Kenyan soldiers.",
        ("ASSAULT", "KEN", "SOM"),
    ),
    # a participle dated by the text reports an act; the one counted among a group is whom
    "dated-participle": (
        "Relatives of Omar Fadli, a Kenyan reporter kidnapped on Monday, appealed for his "
        "release.",
        ("ASSAULT", None, "KEN"),
    ),
    "among-those-arrested": (
        "The former Malian general was among 30 officers detained on Friday.",
        ("COERCE", None, "MLI"),
    ),
    "one-of-those-arrested": (
        "The former Malian general was one of 30 officers detained on Friday.",
        ("COERCE", None, "MLI"),
    ),
    # a passive gerund after a passive clause befalls that clause's subject
    "passive-gerund-after-passive": (
        "Two Swedish reporters were freed on Friday after being detained by Ethiopian soldiers.",
        ("COERCE", "ETH", "SWE"),
    ),
    # the subject of a verb that voices an act named as a noun makes it
    "voiced-support": (
        "The Kenyan foreign minister voiced support for the Ugandan proposal.",
        ("SUPPORT", "KEN", "UGA"),
    ),
    # a member's standing in a body is the member's, not the body's
    "standing-in-a-body": (
        "Kenya expressed support for Somalia's African Union membership.",
        ("SUPPORT", "KEN", "SOM"),
    ),
    # forces sent are what was sent, not whom: their own side sent them
    "passive-forces-sent": (
        "Two thousand Ugandan soldiers were deployed to Somalia.",
        ("MOBILIZE", "UGA", "SOM"),
    ),
    # an embassy closed is not whom: its host is; closed in the passive, by its own side
    "closed-embassy-in": (
        "Britain closed its embassy in Chad on Sunday.",
        ("SANCTION", "GBR", "TCD"),
    ),
    "embassy-was-closed": (
        "The Kenyan embassy in Mogadishu was closed on Monday.",
        ("SANCTION", "KEN", "SOM"),
    ),
    # a gerund after "to" names the act pledged, and so whom it is for
    "pledged-to-gerund": (
        "France pledged to supporting the Malian government.",
        ("AGREE", "FRA", "MLI"),
    ),
    # a passive relative clause befalls the noun it modifies
    "passive-relative": (
        "Kenya, which was attacked by Ugandan rebels last year, asked for help.",
        ("ASSAULT", "UGA", "KEN"),
    ),
    # "placed under EU sanctions": the owner of the state put under is the doer
    "placed-under": (
        "Zimbabwe, which was placed under EU sanctions in 2002, protested.",
        ("COERCE", "IGO", "ZWE"),
    ),
    # whoever acts at the end of a visit made it; whoever protests against one did not
    "end-of-visit": (
        "The Ghanaian envoy spoke to reporters at the end of a four-day visit to Uganda.",
        ("CONSULT", "GHA", "UGA"),
    ),
    "embarked-on-a-trip": (
        "The Kenyan minister embarked on a trip to Uganda on Monday.",
        ("CONSULT", "KEN", "UGA"),
    ),
    "died-on-the-trip": (
        "Two Kenyan refugees died on the trip to Uganda.",
        ("CONSULT", None, "UGA"),
    ),
    "against-the-visit": (
        "Students in Kampala protested against the visit of the Kenyan minister.",
        ("CONSULT", "KEN", "UGA"),
    ),
    # "called for X to ...": whom the appeal is to is the subject of the "for" clause
    "call-for-subject-to": (
        "Kenya called for Somali rebels to lay down their arms.",
        ("REQUEST", "KEN", "SOM"),
    ),
    "call-for-restraint-by": (
        "The UN envoy called for Ethiopian troops to exercise restraint near the border.",
        ("REQUEST", "IGO", "ETH"),
    ),
    # the possessor of an arrest, a release, a killing undergoes it; a judgement of it is
    # of whoever did it
    "possessor-undergoes": (
        "Kenyan police confirmed the Ugandan journalist's arrest near the border.",
        ("COERCE", None, "UGA"),
    ),
    "judged-arrest-of-someone": (
        "The Kenyan opposition condemned the Ugandan journalist's arrest by Kenyan police.",
        ("ACCUSE", "KEN", "KEN"),
    ),
    # whom the main clause says was hurt is whom the attack of its "when" clause struck
    "wounded-when-attacked": (
        "A Somali minister was seriously wounded on Monday when two gunmen posing as"
        " traders set off a bomb at his office, his aide said.",
        ("ASSAULT", "SOM", "SOM"),  # gunmen of no named country: the scene's
    ),
    # a definite noun of violence names again the violent act told before, whatever verb
    # told it: "shot dead ... the killing"
    "violence-named-again": (
        "Thai soldiers shot dead three Cambodian smugglers near the border on Monday. The"
        " Cambodian government condemned the killing.",
        ("ACCUSE", "KHM", "THA"),
    ),
    # an act condemned "as" something done by someone: that someone is condemned
    "condemned-as-act-by": (
        "Kenya condemned the raid as an act of aggression by Somali militants.",
        ("ACCUSE", "KEN", "SOM"),
    ),
    # a verbal act named as a noun: its doer is "from" it, or whoever made the statement
    # it is "of"
    "noun-from-doer": (
        "A message of condolence from the Kenyan president to Uganda was read at the funeral.",
        (None, "KEN", "UGA"),  # a statement (018): no PLOVER type
    ),
    "statement-of-support": (
        "The Brazilian president's statement of support for Peru surprised the delegates.",
        ("SUPPORT", "BRA", "PER"),
    ),
    # whoever underwent a passive act along with its subject underwent it too
    "passive-along-with": (
        "A Danish nurse was abducted along with her Kenyan colleague by armed men near "
        "Kismayo.",
        ("ASSAULT", "SOM", "KEN"),
    ),
    # a relative clause with its own subject and no object: the noun it modifies is whom
    "object-relative": (
        "Kenyan farmers waved pictures of the Ugandan minister they blame for the drought.",
        ("ACCUSE", "KEN", "UGA"),
    ),
    # ... but not the place a "where" clause is about
    "where-relative": (
        "Residents of Misrata, where Libyan rebels are pleading for help, fled the city.",
        ("REQUEST", "LBY", None),
    ),
    # two countries restoring ties restore them with each other
    "mutual-ties": (
        "Chile and Peru have restored their diplomatic ties after a long break.",
        ("SUPPORT", "CHL", "PER"),
    ),
    "preposition-phrase": (
        "Britain mobilized reservists for a possible war against Iraq.",
        ("MOBILIZE", "GBR", "IRQ"),
    ),
    # a denial of "a charge that ..." answers whoever made the charge earlier in the sentence
    "denied-charge-made-before": (
        "Colombia accused the Venezuelan government of sheltering the rebels, an accusation "
        "that Maduro quickly denied.",
        (None, "VEN", "COL"),  # a denial (016) is a statement: no PLOVER type
    ),
    # "the militant group Hamas": the group noun's name says which group (and its country)
    "group-noun-named-by-apposition": (
        "The separatist group ETA shot dead a French policeman near Bayonne.",
        ("ASSAULT", "ESP", "FRA"),
    ),
    # whoever claims responsibility for an act named there for the first time did it
    "claimed-responsibility-for-an-attack": (
        "Chechen rebels claimed responsibility for a night attack on a Georgian border post.",
        ("ASSAULT", "RUS", "GEO"),
    ),
    # "the workers they had held hostage": "hostage" says what the workers were made; the
    # noun the relative clause describes is whom they held
    "held-hostage-in-a-relative-clause": (
        "Somali pirates freed two Danish sailors they had held hostage for a month.",
        ("ASSAULT", "SOM", "DNK"),
    ),
    # "X accuses Y of ..., a charge Z denies": the clause is the charge; it was made, and the
    # denial answers its maker
    "charge-apposed-to-clause-made": (
        "Peru accuses Ecuador of arming the smugglers, a charge Quito denies.",
        ("ACCUSE", "PER", "ECU"),
    ),
    "charge-apposed-to-clause-denial": (
        "Peru accuses Ecuador of arming the smugglers, a charge Quito denies.",
        (None, "ECU", "PER"),
    ),
    "charge-apposed-read-as-subject": (
        "Chadian rebels accused the army of killing civilians, a charge the Chadian military"
        " denied.",
        ("ACCUSE", "TCD", "TCD"),
    ),
    # a noun of violence that says its kind names again the last act of that kind, not the
    # last violent act: "the bombing" is the bomber's, though a shelling was told after it
    "bombing-named-again-by-kind": (
        "A Pakistani suicide bomber blew himself up outside an Indian army camp on Monday."
        " Hours later Indian artillery shelled a border village. Britain condemned the"
        " bombing.",
        ("ACCUSE", "GBR", "PAK"),
    ),
    "abduction-named-again-by-kind": (
        "Somali gunmen kidnapped two Kenyan aid workers on Monday. Kenyan troops later"
        " raided a Somali border town. Norway condemned the abduction.",
        ("ACCUSE", "NOR", "SOM"),
    ),
    # an attack named as the subject of what it did: its doer did it
    "attack-noun-subject": (
        "A dawn attack by Ugandan rebels killed twelve Congolese villagers.",
        ("ASSAULT", "UGA", "COD"),
    ),
    # a document's act is its author's: "from"/"by" it, or whoever issued it
    "document-from-author": (
        "A statement from the Chilean foreign ministry condemned the Bolivian decree.",
        ("ACCUSE", "CHL", "BOL"),
    ),
    "document-issued-by-subject": (
        "The Peruvian cabinet issued a communique criticising the Ecuadorian army.",
        ("ACCUSE", "PER", "ECU"),
    ),
}


def test_a_gerund_with_a_by_phrase_is_done_by_it(pipeline: Pipeline) -> None:
    """ "following heavy fighting and shelling by Israeli forces": the shelling's doer."""
    events = reportable(
        pipeline,
        "Hundreds of families fled following heavy fighting and shelling by Israeli forces.",
    )
    shelling = [e for e in events if e.trigger.text == "shelling"]
    assert [country(e.source) for e in shelling] == ["ISR"], triples(events)


def test_an_ongoing_war_is_not_the_attack_named_again(pipeline: Pipeline) -> None:
    """ "has been fighting the rebels ... condemned the attack": a state of war told in the
    perfect is not the one attack a definite noun names again."""
    text = (
        "The Ugandan army has been fighting the rebels in the north for years. Kenya"
        " condemned the attack."
    )
    condemned = [e for e in reportable(pipeline, text) if e.trigger.text == "condemned"]
    army = [e for e in condemned if e.target is not None and e.target.actor.code == "UGAMIL"]
    assert not army, triples(condemned)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # an attack told before, named again as the subject, is its doer's act
        (
            "Kenyan troops raided a militant camp near Kismayo on Monday. "
            "The raid killed twelve fighters.",
            "killed",
            "KEN",
        ),
        # an attack named in an "in" phrase of an active verb with an object: the subject's
        # (after a violent verb it is that act told once: `without_occasion_repeats`)
        ("Chadian rebels looted a customs office in a raid on Monday.", "raid", "TCD"),
    ],
)
def test_an_attack_named_again_is_its_doers(
    pipeline: Pipeline, text: str, trigger: str, source: str
) -> None:
    events = [e for e in reportable(pipeline, text) if e.trigger.text == trigger]
    assert events and {country(e.source) for e in events} == {source}, triples(events)


def test_what_is_given_is_not_whom_it_is_given_to(pipeline: Pipeline) -> None:
    """ "send military instructors to X": the instructors are the aid, X receives it."""
    events = reportable(
        pipeline, "Italy announced that it would send military instructors to the Libyan rebels."
    )
    sent = [e for e in events if e.trigger.text == "send"]
    assert [(e.plover_type, country(e.source), country(e.target)) for e in sent] == [
        ("AGREE", "ITA", "LBY")
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a noun that takes no "of" object names its doer there
        (
            "The withdrawal of Ugandan troops from Juba was completed last week.",
            "withdrawal",
            ("RETREAT", "UGA", "SSD"),
        ),
        (
            "The visit of the Chinese premier to Kenya lasted two days.",
            "visit",
            ("CONSULT", "CHN", "KEN"),
        ),
        # force is done to its "of" object
        ("The Iraqi invasion of Kuwait began in August.", "invasion", ("ASSAULT", "IRQ", "KWT")),
        # "in support of" is a fixed phrase: its "of" object is whom the support is for
        ("Thousands marched in support of the Kenyan president.", "support", None),
    ],
    ids=["withdrawal", "visit", "invasion", "in-support-of"],
)
def test_the_of_phrase_of_an_event_noun(
    pipeline: Pipeline, text: str, trigger: str, expected: tuple[str, str, str] | None
) -> None:
    events = [e for e in reportable(pipeline, text) if e.trigger.text == trigger]
    if expected is None:
        assert all(e.source is None or e.source.actor.country != "KEN" for e in events), events
    else:
        assert triples(events) == {expected}, triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile and Argentina discussed Bolivia on Monday.", {("CHL", "ARG"), ("ARG", "CHL")}),
        (
            "The French foreign minister discussed the crisis in Syria with his Iranian "
            "counterpart.",
            {("FRA", "IRN")},
        ),
    ],
    ids=["pair", "with-read-as-the-objects"],
)
def test_what_is_discussed_is_the_topic_not_the_partner(
    pipeline: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    events = [e for e in reportable(pipeline, text) if e.trigger.text == "discussed"]
    pairs = {(country(e.source), country(e.target)) for e in events}
    assert events and pairs <= expected, pairs


def test_an_apology_is_made_to_whom_the_act_was_done(pipeline: Pipeline) -> None:
    events = reportable(
        pipeline, "The Israeli minister apologized for the raid on the Turkish ship."
    )
    apologies = [e for e in events if e.trigger.text == "apologized"]
    assert [(country(e.source), country(e.target)) for e in apologies] == [("ISR", "TUR")]


def test_a_document_issued_is_not_an_actor_released(pipeline: Pipeline) -> None:
    """ "released a note criticising X": the note's object is not whom the release frees."""
    events = reportable(
        pipeline, "The Cuban party released a note criticising the visit of the Spanish king."
    )
    assert not [e for e in events if e.trigger.text == "released"], triples(events)
    assert ("ACCUSE", "CUB", "ESP") in triples(events)


# Threats and attacks told as nouns, and acts whose target the parse hides.
HIDDEN_TARGETS = {
    # a threat noun's maker threatens whom its infinitive's act is done to
    "threats-by-to-attack": (
        "Kenya raised its alert after repeated threats by al-Shabaab militants to attack"
        " Kenyan cities.",
        ("THREATEN", "SOM", "KEN"),
    ),
    # whoever died in an attack was its target
    "died-in-an-attack-by": (
        "Two Chadian soldiers died in an attack by Sudanese rebels.",
        ("ASSAULT", "SDN", "TCD"),
    ),
    # threats "made to" someone, in the passive, threaten them; a "by" phrase makes them
    "threats-were-made-to": (
        "Threats were made to the Kenyan journalist by Somali militants.",
        ("THREATEN", "SOM", "KEN"),
    ),
    # crowds called into the streets are leading a protest; with "if", a threat aimed at
    # whoever the condition names
    "streets-if-condition": (
        "The Ugandan opposition will bring crowds into the streets if the Kenyan government"
        " closes the border.",
        ("THREATEN", "UGA", "KEN"),
    ),
    # the "by" of a passive, hung by the parser on the object of its "from" gerund
    "by-on-gerund-object": (
        "The Kenyan opposition leader was stopped from taking the morning plane by Ugandan"
        " police.",
        ("COERCE", "UGA", "KEN"),
    ),
    # a show of force told in one breath with a hostile act is aimed at its target
    "troops-sent-and-ties-cut": (
        "Eritrea sent troops to the border and cut ties with Ethiopia.",
        ("MOBILIZE", "ERI", "ETH"),
    ),
    # a name the parser split ("al-Qaeda in the Islamic Maghreb") is still the threat's maker
    "threat-by-split-name": (
        "Mali raised its alert after a fresh threat by al-Qaeda in the Islamic Maghreb to bomb"
        " Malian towns.",
        ("THREATEN", "IMG", "MLI"),
    ),
    # a participle hung on what is someone's ("the whereabouts of X, kidnapped") is said of X
    "participle-after-of-owner": (
        "A Kenyan reporter, John Mwangi, vanished near Garissa. Police say the whereabouts of"
        " Mwangi, kidnapped in March, remain unknown.",
        ("ASSAULT", None, "KEN"),
    ),
    # a purpose "in order to" names whom a threat of force is aimed at
    "in-order-to-prevent": (
        "The Kenyan president said Kenyan veterans would take up their weapons in order to stop"
        " the Ugandan rebels from seizing Nairobi.",
        ("THREATEN", "KEN", "UGA"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), HIDDEN_TARGETS.values(), ids=HIDDEN_TARGETS.keys())
def test_an_act_codes_the_target_its_phrasing_hides(
    pipeline: Pipeline, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in triples(reportable(pipeline, text))


# a threat noun whose infinitive is coded as the threat is not coded again, at a place
def test_a_threat_noun_coded_through_its_infinitive_is_one_threat(pipeline: Pipeline) -> None:
    text = "Kenya raised its alert after threats by the Shabaab militia in Somalia to attack Kenyan ports."
    threats = [e for e in reportable(pipeline, text) if e.plover_type == "THREATEN"]
    assert [country(e.target) for e in threats] == ["KEN"]


# a document released is the document's, not its authors' release
def test_a_participle_on_a_document_is_not_said_of_its_author(pipeline: Pipeline) -> None:
    text = "The decree of the Supreme Court of Kenya released on Monday confirmed the count."
    assert "RETREAT" not in {e.plover_type for e in reportable(pipeline, text)}


# a show of force beside a friendly act is aimed at no one it names
def test_a_show_of_force_beside_a_deal_is_aimed_at_no_one(pipeline: Pipeline) -> None:
    text = "Kenya deployed troops in the north and signed a deal with Ethiopia."
    assert ("MOBILIZE", "KEN", "ETH") not in triples(reportable(pipeline, text))


# deaths in an attack the story told already are its toll, not a new attack on the dead
def test_who_died_in_an_attack_told_before_is_a_toll(pipeline: Pipeline) -> None:
    text = "So far, twelve Kenyan soldiers have died in the offensive."
    assert not [e for e in reportable(pipeline, text) if e.plover_type == "ASSAULT"]


# "held him hostage": a second object is what the first was made, never whom
SECOND_OBJECTS = {
    "held-him-hostage": ("Somali pirates held him hostage for a month.", "hostage"),
    "kept-them-prisoner": ("Ugandan rebels kept them prisoner for a year.", "prisoner"),
}


@pytest.mark.parametrize(("text", "word"), SECOND_OBJECTS.values(), ids=SECOND_OBJECTS.keys())
def test_a_second_object_is_what_the_first_was_made(
    pipeline: Pipeline, text: str, word: str
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    assert word not in {e.target.text for e in events if e.target is not None}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_the_expected_participants_are_found(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str | None]
) -> None:
    events = reportable(pipeline, text)
    kind, source, target = expected
    found = triples(events)
    if target is None:
        assert any(t[:2] == (kind, source) for t in found), found
    else:
        assert expected in found, found


def test_a_description_with_two_nouns_is_no_list(pipeline: Pipeline) -> None:
    """ "X, a member of ... and editor of ...": one person described twice, not a list of
    three actors; the description's nouns are no one else."""
    events = reportable(
        pipeline,
        "Ahmad Karimi, a member of the teachers union and editor of a banned weekly, was "
        "detained by Iranian police at his home.",
    )
    detentions = [e for e in events if e.trigger.text == "detained"]
    assert all(e.target is None or e.target.actor.sector != "MED" for e in detentions), triples(
        events
    )


def test_a_request_with_an_infinitive_stays_a_request(pipeline: Pipeline) -> None:
    events = code_text(
        "France told Iran to release the sailors.", date=DATE, pipeline=pipeline, include_all=True
    )
    releases = [e for e in events if e.trigger.text == "release"]
    assert releases and all(not is_reportable(e) for e in releases), releases


@pytest.mark.parametrize(
    ("text", "act", "requested"),
    [
        # a bare verb after a singular subject is a subjunctive: asked for, not done
        ("Norway requested that Iran free the sailors.", "free", True),
        # a plural subject's present tense is a reported fact under "told"
        ("Officials told reporters that the rebels free hostages for ransom.", "free", False),
    ],
)
def test_a_subjunctive_under_a_request_is_requested(
    pipeline: Pipeline, text: str, act: str, requested: bool
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    acts = [e for e in events if e.trigger.text == act]
    assert acts, events
    assert all((e.modality == "requested") is requested for e in acts), acts


def test_several_actors_agreeing_agree_with_each_other(pipeline: Pipeline) -> None:
    events = reportable(pipeline, "Russia and China agreed on the need to fight the rebels.")
    agreements = triples([e for e in events if e.trigger.text == "agreed"])
    # an agreement is coded once for the pair, whichever way round
    assert agreements in ({("AGREE", "RUS", "CHN")}, {("AGREE", "CHN", "RUS")})


def test_several_actors_planning_to_meet_plan_it_with_each_other(pipeline: Pipeline) -> None:
    events = reportable(pipeline, "Chile and Peru plan to hold talks on the border next month.")
    plans = triples([e for e in events if e.trigger.text == "plan"])
    assert plans in ({("AGREE", "CHL", "PER")}, {("AGREE", "PER", "CHL")}), plans


def test_an_unnamed_attacker_belongs_to_the_country_it_struck(pipeline: Pipeline) -> None:
    events = reportable(
        pipeline,
        "Two Kenyan soldiers were killed by a roadside bomb near the Somali town of Kismayo.",
    )
    attacks = [e for e in events if e.plover_type == "ASSAULT"]
    assert attacks, triples(events)
    assert attacks[0].source is not None and attacks[0].source.text.endswith("bomb")
    assert ("ASSAULT", "SOM", "KEN") in triples(attacks)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The Peruvian prime minister resigned on Friday.", ("RETREAT", "resign")),
        ("The Peruvian prime minister promised to resign.", ("AGREE", None)),
    ],
    ids=["done", "promised"],
)
def test_a_resignation_done_is_a_retreat_and_a_promised_one_an_agreement(
    pipeline: Pipeline, text: str, plover: tuple[str, str | None]
) -> None:
    events = [e for e in reportable(pipeline, text) if e.trigger.text.startswith("resign")]
    assert [(e.plover_type, e.plover_mode) for e in events] == [plover], events


@pytest.mark.parametrize(
    "text",
    [
        "Government jets killed nine villagers at a well near Kidal in Mali.",
        "Rebels shot two villagers at a checkpoint on the road to Goma.",
    ],
)
def test_a_place_further_down_the_phrase_is_where_not_whom(pipeline: Pipeline, text: str) -> None:
    events = [e for e in reportable(pipeline, text) if e.plover_type == "ASSAULT"]
    assert events, text
    assert all(e.target is not None and e.target.actor.sector == "CVL" for e in events), [
        (e.trigger.text, e.target and e.target.text) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # a purpose infinitive is done by the subject of its clause
        ("Kenyan police fired tear gas to disperse the students.", "disperse", "KEN"),
        # the one called on to act does the act asked
        (
            "The Kenyan opposition called on the Ugandan government to release the detainees.",
            "release",
            "UGA",
        ),
    ],
    ids=["purpose", "called-on"],
)
def test_who_does_an_infinitive(pipeline: Pipeline, text: str, trigger: str, source: str) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    acts = [e for e in events if e.trigger.text == trigger]
    assert [country(e.source) for e in acts] == [source], triples(events)


def test_an_actor_deep_in_a_reason_phrase_is_not_also_whom(pipeline: Pipeline) -> None:
    """ "sanctions on Belarus over the crackdown on protesters": the protesters are the
    crackdown's, not the sanctions'."""
    events = reportable(
        pipeline,
        "The European Union imposed new sanctions on Belarus over the crackdown on opposition "
        "protesters.",
    )
    imposed = [e for e in events if e.trigger.text == "imposed"]
    assert [country(e.target) for e in imposed] == ["BLR"], triples(events)


def test_praise_of_an_act_told_before_is_praise_of_its_doer(pipeline: Pipeline) -> None:
    events = reportable(
        pipeline,
        "The European Union imposed new sanctions on Belarus on Monday. Washington welcomed "
        "the sanctions.",
    )
    welcomed = [e for e in events if e.trigger.text == "welcomed"]
    assert [e.target and e.target.actor.code for e in welcomed] == ["IGOEUREEC"], triples(events)


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # the topic of a debate or a report is not whom the act is done to
        ("The Council of Europe hosted a debate on the condition of Kenyan journalists.", []),
        # those who meet are
        (
            "The Moroccan king offered to host a meeting between Israel and Jordan.",
            ["ISR", "JOR"],
        ),
    ],
    ids=["debate-on", "meeting-between"],
)
def test_the_topic_of_talk_is_no_target(
    pipeline: Pipeline, text: str, targets: list[str]
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    hosting = [e for e in events if e.trigger.text == "host" or e.trigger.text == "hosted"]
    assert hosting, triples(events)
    assert sorted(country(e.target) for e in hosting if e.target is not None) == targets


@pytest.mark.parametrize(
    "text",
    [
        "Lebanese church leaders called for the protection of Syrian refugees.",
        "Kenyan elders appealed for troops to protect the Somali villagers.",
        "Swiss charities appealed for new laws to shield Syrian refugees from abuse.",
    ],
    ids=["protection-of", "to-protect", "to-shield"],
)
def test_whom_an_appeal_would_protect_is_not_its_target(pipeline: Pipeline, text: str) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    appeals = [e for e in events if e.plover_type == "REQUEST"]
    assert appeals, triples(events)
    assert {country(e.target) for e in appeals} == {None}, triples(appeals)


# Every default-output record of a story, as (type, source country, target country)
RECORDS = {
    # an act named again as what happened is by and to the same as the act told before
    "took-place": (
        "Gunmen kidnapped two Kenyan nurses near the border on Tuesday. The abduction took"
        " place near a busy market.",
        [("ASSAULT", "KEN", "KEN")] * 2,
    ),
    # "the abduction" names the last abduction, though an ambush was told after it
    "abduction-after-ambush": (
        "Two Kenyan nurses were abducted by Somali gunmen who ambushed their car near the"
        " border. The abduction took place near a busy market.",
        [("ASSAULT", "SOM", "KEN")] * 2,
    ),
    # an act only mentioned again adds no record of its own
    "mentioned-again": (
        "Ugandan rebels attacked a Kenyan army post on Monday. Trade slowed after the attack.",
        [("ASSAULT", "UGA", "KEN")],
    ),
    # whoever made the strikes people were killed in killed them: one act, one record
    "killed-in-strikes": (
        "Dozens of Kenyan civilians were killed in Ugandan air strikes on Monday.",
        [("ASSAULT", "UGA", "KEN")],
    ),
    # "this act" names again the last harm the story told; condemning it condemns its doer
    "this-act": (
        "Ugandan troops shelled a Kenyan border village on Monday. Tanzania condemned this"
        " barbaric act.",
        [("ASSAULT", "UGA", "KEN"), ("ACCUSE", "TZA", "UGA")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), RECORDS.values(), ids=RECORDS.keys())
def test_an_act_told_again_or_as_a_noun_is_its_doers(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline)
    assert [(e.plover_type, country(e.source), country(e.target)) for e in events] == expected


def test_whoever_made_an_attack_did_not_charge_those_charged_in_it(pipeline: Pipeline) -> None:
    text = "Two Kenyan soldiers were charged in the Ugandan army raid on the camp."
    (charge,) = [e for e in reportable(pipeline, text) if e.trigger.text == "charged"]
    assert country(charge.source) is None, triples([charge])
