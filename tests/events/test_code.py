"""The event coder on sentences written for these tests: who did what to whom, and how it
was said (reported, negated, demanded, refused, threatened)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pytest

from kittiwake.events.code import MAX_PAIRS
from kittiwake.pipeline import Pipeline, code_text, is_reportable
from kittiwake.records import Event

pytestmark = pytest.mark.slow

DATE = "2015-12-16"


def coded(pipeline: Pipeline, text: str) -> list[Event]:
    """Every event, reportable or not, so tests can see negated and hypothetical ones."""
    return code_text(text, date=DATE, pipeline=pipeline, include_all=True)


def code_of(mention) -> str | None:  # type: ignore[no-untyped-def]
    return mention.actor.code if mention is not None else None


def summary(events: list[Event]) -> list[tuple[object, ...]]:
    """What a failing assertion shows."""
    return [
        (
            e.cameo,
            e.plover_type,
            code_of(e.source),
            code_of(e.target),
            e.trigger.text,
            e.negated,
            e.modality,
        )
        for e in events
    ]


@dataclass(frozen=True)
class Expected:
    """An event that must be coded (reportable), matched by prefix on codes."""

    cameo: str  # exact code, or a root when two digits
    source: str | None
    target: str | None
    plover_type: str | None  # None for statements (01), which PLOVER has no type for
    modality: str | None = None

    def matches(self, event: Event) -> bool:
        cameo = event.cameo_root if len(self.cameo) == 2 else event.cameo
        return (
            cameo == self.cameo
            and event.plover_type == self.plover_type
            and prefix_match(code_of(event.source), self.source)
            and prefix_match(code_of(event.target), self.target)
            and event.modality == self.modality
            and is_reportable(event)
        )


def prefix_match(code: str | None, expected: str | None) -> bool:
    if expected is None:
        return True  # not checked
    return code is not None and code.startswith(expected)


CODED = {
    "active": (
        "The European Union imposed sanctions on Iran.",
        Expected("163", "IGOEUR", "IRN", "COERCE"),
    ),
    "passive": (
        "Sanctions were imposed on Iran by the European Union.",
        Expected("163", "IGOEUR", "IRN", "COERCE"),
    ),
    "passive-attack": ("Ukraine was attacked by Russia.", Expected("19", "RUS", "UKR", "ASSAULT")),
    "active-meet": ("Kerry met Lavrov in Geneva.", Expected("040", "USAGOV", "RUSGOV", "CONSULT")),
    "reported-promise": (
        "Lavrov said Moscow would send aid to Syria.",
        Expected("033", "RUS", "SYR", "AGREE", "promise"),
    ),
    "reported-allow": (
        "Turkey said it would allow refugees to return.",
        Expected("03", "TUR", None, "AGREE", "promise"),
    ),
    "obligation": (
        "France said Iran must release the sailors.",
        Expected("1053", "FRA", "IRN", "REQUEST", "demand"),
    ),
    "obligation-speaker-after": (
        "Iran must release the sailors, France said.",
        Expected("1053", "FRA", "IRN", "REQUEST", "demand"),
    ),
    "refusal": (
        "The U.S. said it would not meet the demands.",
        Expected("12", "USA", None, "REJECT", "refusal"),
    ),
    "refused-to": (
        "Russia refused to meet the demands of the protesters.",
        Expected("12", "RUS", None, "REJECT"),
    ),
    "threat": (
        "Iran threatened to close the Strait of Hormuz.",
        Expected("13", "IRN", None, "THREATEN"),
    ),
    "threat-unless": (
        "NATO would tighten the blockade unless Serbia withdrew its troops.",
        Expected("13", "IGOWSTNAT", None, "THREATEN", "threat"),
    ),
    # a subject's own wish to cooperate is its intent to (03x)
    "own-wish": (
        "Brazil would like to deepen its trade relations with Argentina.",
        Expected("0311", "BRA", "ARG", "AGREE", "promise"),
    ),
    # an act of others that a subject wants or expects done is its demand on them (10x)
    "expected-act-of-others": (
        "The German chancellor said she expected a quick withdrawal of Russian troops from Georgia.",
        Expected("1056", "DEU", "RUS", "REQUEST", "demand"),
    ),
    # wanting another, the subject of its own clause, to do any act is an appeal to them
    "want-other-act": (
        "The Kenyan opposition wants the parliament to dissolve the cabinet.",
        Expected("020", "KENOPP", "KENLEG", "REQUEST"),
    ),
    "would-like-other-act": (
        "Kenya would like Uganda to reopen the border.",
        Expected("020", "KEN", "UGA", "REQUEST", "future"),
    ),
    # a pledge told in the passive with no doer is its reporter's pledge
    "passive-pledge-reported": (
        '"Aid to the rebels will be cut off," the Sudanese minister said.',
        Expected("1311", "SDN", "SDNREB", "THREATEN", "threat"),
    ),
    "passive-pledge-conjoined-report": (
        "The Kenyan president met his Ugandan counterpart and said trade ties would be restored.",
        Expected("03", "KEN", None, "AGREE", "promise"),
    ),
    # a gerund after "whilst" (as after "while") shares the subject of its clause
    "whilst-gerund": (
        "The UN rights chief warned of civilian deaths, whilst also calling on NATO forces"
        ' to "show the greatest restraint".',
        Expected("020", "IGOUNO", "IGOWSTNAT", "REQUEST"),
    ),
    # an act its possessor did, named as what a denied verb is about, was done
    "presupposed-request": (
        "The gunmen have not yet responded to the Kenyan government's request to release"
        " the aid worker.",
        Expected("020", "KENGOV", None, "REQUEST"),
    ),
    # an act pledged not to stop is pledged to go on
    "will-not-stop": (
        "Hamas said it will not stop firing rockets at Israel.",
        Expected("1384", "PSE", "ISR", "THREATEN", "threat"),
    ),
    # a promise of an act no pattern names is still an intent to cooperate
    "bare-promise": (
        "The Kenyan government promised to compensate the victims of the violence.",
        Expected("030", "KENGOV", None, "AGREE"),
    ),
    # "shall" after "I" or "we" is the speaker's future: a refusal or promise, no demand
    "first-person-shall-refusal": (
        '"We shall never negotiate with the rebels," the Kenyan president said.',
        Expected("125", "KENGOV", "KENREB", "REJECT", "refusal"),
    ),
    "first-person-shall-promise": (
        '"We shall send food to the flood victims," the Indian prime minister said.',
        Expected("0333", "INDGOV", None, "AGREE", "promise"),
    ),
    "third-person-shall-demand": (
        "The agreement says Kenyan troops shall withdraw from Somalia.",
        Expected("1056", None, "KENMIL", "REQUEST", "demand"),
    ),
    # a vow to go to war is a threat to fight, not a promise to travel
    "vow-to-go-to-war": (
        "The Kenyan president vowed to go to war with the Somali rebels.",
        Expected("1384", "KENGOV", "SOMREB", "THREATEN", "threat"),
    ),
    "go-to-a-country": (
        "The Kenyan president went to Uganda.",
        Expected("042", "KENGOV", "UGA", "CONSULT"),
    ),
    # an effort promised pledges what it strives for
    "promised-effort": (
        "The Kenyan army said it would work to release the Somali detainees.",
        Expected("0353", "KENMIL", "SOMCVL", "AGREE", "promise"),
    ),
    "promised-continued-effort": (
        'The Italian president said, "We will go on working to free the Libyan hostages."',
        Expected("0353", "ITAGOV", "LBYCVL", "AGREE", "promise"),
    ),
    # an intent noun its holder makes known names an intended act (03x)
    "announced-plans": (
        "Canada announced plans to host a regional conference with Mali next month.",
        Expected("036", "CAN", "MLI", "AGREE", "promise"),
    ),
    "possessed-pledge": (
        "Japan's pledge to send aid to Haiti was welcomed.",
        Expected("033", "JPN", "HTI", "AGREE", "promise"),
    ),
    # a pattern with an object and a complement names its act either way
    "object-or-complement-object": (
        "Iran demanded the release of its diplomats.",
        Expected("1053", "IRN", None, "REQUEST"),
    ),
    "object-or-complement-clause": (
        "Iran demanded that Britain release its diplomats.",
        Expected("1053", "IRN", "GBR", "REQUEST"),
    ),
    # and meets both when the complement acts on the object
    "complement-acts-on-object": (
        "Pakistan threatened to cut aid to Afghanistan.",
        Expected("1311", "PAK", "AFG", "THREATEN"),
    ),
    "complement-of-asked": (
        "The United Nations urged Israel to exercise restraint.",
        Expected("0256", "IGOUNO", "ISR", "REQUEST"),
    ),
    # a gerund after "of"/"for" is what the accusation is of
    "accused-of-gerund": (
        "Pakistan accused India of violating the ceasefire.",
        Expected("1123", "PAK", "IND", "ACCUSE"),
    ),
    # a pattern's `prep` names a phrase its `object` is read in: "held *in* custody"
    "object-in-the-patterns-prep": (
        "Kenyan police have held the Ugandan activist in custody since Monday.",
        Expected("173", "KENCOP", "UGA", "COERCE"),
    ),
    # and the subject of a `receiver` pattern undergoes it: "remained *in* detention"
    "receiver-object-in-the-patterns-prep": (
        "The Ugandan activist remained in detention in Nairobi.",
        Expected("173", None, "UGA", "COERCE"),
    ),
    # a gerund after the preposition "to" is a complement, as after "of" or "for"
    "gerund-after-to": (
        "Kenya and Uganda pledged to strengthening their trade ties.",
        Expected("030", "KEN", "UGA", "AGREE"),
    ),
    # a hyphenated noun is one word ("sit-in"), not its last part ("in")
    "hyphenated-object": (
        "The Kenyan opposition staged a sit-in outside the parliament.",
        Expected("141", "KENOPP", None, "PROTEST"),
    ),
    # a noun's object read with its compound ("peacekeeping troops")
    "noun-object-compound": (
        "The deployment of Nigerian peacekeeping troops to Liberia began on Monday.",
        Expected("074", "NGA", "LBR", "AID"),
    ),
    # the same preposition again after a comma, hung by the parser on the first object, names
    # one more partner
    "repeated-preposition-on-the-object": (
        "Zambian police coordinated with SADC, with the African Union, and arrests followed.",
        Expected("060", "ZMBCOP", "IGOAFRAFU", "COOPERATE"),
    ),
    # advocating an act appeals for it
    "advocate": (
        "The Ghanaian president advocated the creation of a regional monitoring force.",
        Expected("020", "GHAGOV", None, "REQUEST"),
    ),
    # joining with someone in an act is acting together with them
    "join-with": (
        "Norwegian police joined with Swedish investigators in searching the harbour.",
        Expected("060", "NORCOP", "SWE", "COOPERATE"),
    ),
    # a country after a town and a comma is part of the address, not who meets; the event
    # noun set beside someone is theirs
    "address-country-is-no-source": (
        "The Kenyan foreign minister, who is in Kampala, Uganda meeting with President "
        "Museveni, said the talks were useful.",
        Expected("040", "KENGOV", "UGAGOV", "CONSULT"),
    ),
    # a summit or an international conference planned is an intent to meet
    "convene-conference-planned": (
        "Kenya plans to convene a peace conference on Somalia.",
        Expected("036", "KEN", None, "AGREE", modality="promise"),
    ),
    # a comment is about whom its "about" phrase names, not whom it was told to
    "concern-about-not-to": (
        "The Amnesty director in Kenya voiced concern to Kenyan reporters about the detained "
        "Ugandan activists.",
        Expected("012", "NGOHRIAMN", "UGA", None),
    ),
    # hope voiced that another will do what is asked of them is an appeal to them
    "voice-hope-appeal": (
        "Kenya voiced its hope that Uganda would release the detained journalists.",
        Expected("020", "KEN", "UGA", "REQUEST"),
    ),
    # calling for prayers for the dead is sympathy, not an appeal
    "call-for-remembrance": (
        "The Zambian president called for prayers for the miners who died.",
        Expected("018", "ZMBGOV", None, None),
    ),
    # regretting deaths is sympathy, not disapproval; a relative pronoun object stands for
    # the noun its clause modifies
    "regret-losses": (
        "The Kenyan army said it regretted the deaths of the herders.",
        Expected("018", "KENMIL", None, None),
    ),
    "regret-losses-relative-pronoun": (
        "A Chadian army spokesman cited several deaths which the army regretted.",
        Expected("018", "TCDMIL", None, None),
    ),
}


@pytest.mark.parametrize(("text", "expected"), CODED.values(), ids=CODED.keys())
def test_sentence_codes_the_expected_event(
    pipeline: Pipeline, text: str, expected: Expected
) -> None:
    events = coded(pipeline, text)
    assert any(expected.matches(e) for e in events), summary(events)


# (text, PLOVER type, target country) that must not be coded together
NOT_CODED = {
    # a "with" governing a participle clause is how the act was done, not whom with
    "absolute-with-works-with-no-one": (
        "Ugandan officers worked in Gulu, with Kenyan police providing security.",
        ("COOPERATE", None),
    ),
    # joining a person is no cooperation
    "join-a-person": (
        "The Zambian senator joined President Obama at the ceremony.",
        ("COOPERATE", None),
    ),
}


@pytest.mark.parametrize(("text", "unwanted"), NOT_CODED.values(), ids=NOT_CODED.keys())
def test_sentence_does_not_code_the_event(
    pipeline: Pipeline, text: str, unwanted: tuple[str, str | None]
) -> None:
    plover_type, target = unwanted
    events = [e for e in coded(pipeline, text) if e.plover_type == plover_type]
    assert not [
        e for e in events if target is None or (code_of(e.target) or "").startswith(target)
    ], summary(events)


@pytest.mark.parametrize(
    ("text", "plover_type", "trigger"),
    [
        ("Kenya promised to send food aid to Somalia.", "AGREE", "send"),
        ("Spain has promised to continue its military aid to Mali.", "AGREE", "aid"),
        # the verb of threatening and the act threatened are one threat
        ("The Somali rebels threatened to attack the Kenyan capital.", "THREATEN", "attack"),
        ("The Somali rebels warned that they would attack the Kenyan capital.", "THREATEN", "attack"),
    ],
)
def test_a_coded_pledge_is_not_told_again_by_its_verb(
    pipeline: Pipeline, text: str, plover_type: str, trigger: str
) -> None:
    events = [e for e in coded(pipeline, text) if is_reportable(e)]
    assert [(e.plover_type, e.trigger.text) for e in events] == [(plover_type, trigger)], summary(
        events
    )


NOT_REPORTABLE = {
    "negated-past": "Kerry did not meet Lavrov.",
    "negated-policy": "Germany does not pursue a policy of isolating Russia.",
    "never": "The European Union never imposed sanctions on Iran.",
    "hope": "They hope Russia will play a role in the talks.",
    "can-make-a-difference": "The United States and Russia can make a significant difference in Syria.",
    # wanting to act oneself asks nothing of anyone; a wish denied is no appeal
    "own-wish-no-appeal": "The Kenyan opposition wants to dissolve the parliament.",
    "wish-denied": "The Kenyan opposition does not want the parliament to dissolve the cabinet.",
    # a necessity undergone in the past ("have had to") is no demand
    "had-to-endure": "The people of Kenya have had to endure violence by the police.",
    # an act not stopped in the past is no pledge
    "did-not-stop": "Hamas did not stop firing rockets at Israel.",
    # under a light verb the possessed act noun is the act denied
    "light-verb-denied": "Kenya has not issued its appeal for food aid.",
    # an effort under way achieves nothing yet and pledges nothing
    "effort-under-way": "The French president has been working to free the Colombian hostages.",
}


@pytest.mark.parametrize("text", NOT_REPORTABLE.values(), ids=NOT_REPORTABLE.keys())
def test_negated_and_hypothetical_acts_are_not_reportable(pipeline: Pipeline, text: str) -> None:
    events = coded(pipeline, text)
    assert [e for e in events if is_reportable(e)] == [], summary(events)
    assert code_text(text, date=DATE, pipeline=pipeline) == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Kerry did not meet Lavrov.", "040"),
        ("Germany does not pursue a policy of isolating Russia.", "16"),
    ],
    ids=["did-not-meet", "not-pursue-isolating"],
)
def test_negated_events_are_kept_with_the_flag(pipeline: Pipeline, text: str, cameo: str) -> None:
    events = coded(pipeline, text)
    negated = [e for e in events if e.negated and e.cameo.startswith(cameo)]
    assert negated, summary(events)
    assert all(not is_reportable(e) for e in negated)


def test_compound_subject_gives_one_event_each_with_one_mention_id(pipeline: Pipeline) -> None:
    events = [
        e for e in coded(pipeline, "Russia and China vetoed the resolution.") if is_reportable(e)
    ]
    assert sorted(str(code_of(e.source)) for e in events) == ["CHN", "RUS"], summary(events)
    assert len({e.mention_id for e in events}) == 1
    assert len({e.event_id for e in events}) == 2
    assert {e.cameo_root for e in events} == {"12"}


def test_symmetric_agreement_pairs_the_two_subjects(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Russia and the United States agreed to share intelligence.")
    agree = [e for e in events if e.cameo_root == "03" and e.trigger.text == "agreed"]
    pairs = [frozenset({code_of(e.source), code_of(e.target)}) for e in agree]
    assert pairs == [frozenset({"RUS", "USA"})], summary(events)  # one record, either way


@pytest.mark.parametrize(
    "text",
    [
        "France, Germany, Italy and Spain condemned Russia, Belarus, Iran and Syria.",
        "France, Germany, Italy and Spain imposed sanctions on Russia, Belarus, Iran and Syria.",
        "Britain, Canada, Japan and Australia met China, India, Brazil and Mexico in Geneva.",
    ],
    ids=["condemn", "sanction", "meet"],
)
def test_conjoined_actors_give_a_bounded_number_of_pairs(pipeline: Pipeline, text: str) -> None:
    events = coded(pipeline, text)
    per_mention = Counter(e.mention_id for e in events)
    assert events, "a 4x4 sentence should code something"
    assert max(per_mention.values()) <= MAX_PAIRS, summary(events)
    assert len({e.event_id for e in events}) == len(events)
    for event in events:
        assert (
            event.source is None
            or event.target is None
            or event.source.actor.code != event.target.actor.code
        )


BOILERPLATE_DOCUMENT = (
    "Share\n\nAdvertisement\n\n"
    "Sanctions were imposed on Iran by the European Union on Monday.\n\n"
    "Kerry met Lavrov in Geneva.\n\n"
    "Advertisement\n\n"
    "Russian jets attacked rebels near Aleppo, and Turkey said it would send aid to Syria.\n"
)


def test_offsets_point_into_the_original_text(pipeline: Pipeline) -> None:
    text = BOILERPLATE_DOCUMENT
    events = coded(pipeline, text)
    assert len(events) >= 3, summary(events)
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        for mention in (event.source, event.target):
            if mention is not None and mention.start >= 0:
                assert text[mention.start : mention.end] == mention.text
        assert text[event.sentence_start : event.sentence_start + len(event.text)] == event.text
        assert event.trigger.text in event.text
    lines = [(m.start(), m.end()) for m in re.finditer(r"(?m)^(Share|Advertisement)$", text)]
    assert len(lines) == 3
    for start, end in lines:
        assert all(not start <= e.trigger.start < end for e in events)


def test_boilerplate_before_a_sentence_does_not_change_its_coding(pipeline: Pipeline) -> None:
    body = "Sanctions were imposed on Iran by the European Union on Monday.\n\nKerry met Lavrov in Geneva.\n"
    plain = {(e.cameo, code_of(e.source), code_of(e.target)) for e in coded(pipeline, body)}
    after = {
        (e.cameo, code_of(e.source), code_of(e.target))
        for e in coded(pipeline, "Share\n\nAdvertisement\n\n" + body)
    }
    assert ("163", "IGOEUREEC", "IRN") in plain
    assert after == plain


def test_events_carry_codebook_values_and_a_rule(pipeline: Pipeline) -> None:
    events = coded(pipeline, "Kerry met Lavrov in Geneva.")
    (event,) = [e for e in events if e.trigger.text == "met"]
    codebook = pipeline.events.codebook
    code = codebook[event.cameo]
    assert (event.cameo_root, event.goldstein, event.quad_class, event.plover_type) == (
        code.root,
        code.goldstein,
        code.quad_class,
        code.plover_type,
    )
    pattern_id = event.rule.removeprefix("pattern:").split("+")[0]
    assert pattern_id in {p.id for p in pipeline.events.patterns.patterns}


def test_coding_is_deterministic(pipeline: Pipeline) -> None:
    first = coded(pipeline, BOILERPLATE_DOCUMENT)
    second = coded(pipeline, BOILERPLATE_DOCUMENT)
    assert [e.event_id for e in first] == [e.event_id for e in second]


@pytest.mark.slow
def test_a_sentence_yields_at_most_the_bounded_number_of_events(pipeline: Pipeline) -> None:
    text = (
        "Russia and China condemned and rejected the U.S. and British strikes, while Iran and "
        "Syria accused, threatened and warned Israel and Turkey and attacked their troops."
    )
    events = coded(pipeline, text)
    assert 0 < len(events) <= pipeline.limits.max_events_per_sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "according to X" on a copula: X tells the clause, whose subject is only judged
        (
            "Chilean opposition leader Marta Rojas spoke on Friday. According to Rojas, the "
            "new press law is a ploy by the Chilean government to muzzle reporters.",
            ("112", "CHLOPP", "CHLGOV"),
        ),
        (
            "According to the Peruvian foreign minister, the border census was an effort by "
            "Bolivia to silence the farmers.",
            ("112", "PERGOV", "BOL"),
        ),
    ],
    ids=["according-to-copula-person", "according-to-copula-office"],
)
def test_an_according_to_phrase_tells_a_copular_clause(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = [
        (e.cameo, code_of(e.source), code_of(e.target))
        for e in code_text(text, date=DATE, pipeline=pipeline)
    ]
    assert expected in found, found


def test_a_speaking_verbs_own_subject_tells_despite_according_to(pipeline: Pipeline) -> None:
    """ "According to AFP, the Chilean navy says ...": the navy speaks, not AFP."""
    text = (
        "According to AFP, the Chilean navy says that the blockade by Peru is an attempt "
        "to silence the fishermen."
    )
    sources = {code_of(e.source) for e in code_text(text, date=DATE, pipeline=pipeline)}
    assert sources and not any(code and code.endswith("MED") for code in sources), sources


def test_an_act_named_again_in_its_own_sentence_is_the_harm_told_before_it(
    pipeline: Pipeline,
) -> None:
    """One sentence to the parser ("[...]" joins them): "this brutal act" is the shelling
    told earlier in it, not an older act of the story."""
    text = (
        'Rebels captured two Chadian soldiers on Monday. The envoy said, "Three farmers were '
        "killed by Sudanese army shelling near the river[...] I condemn this brutal act.\""
    )
    judged = [
        code_of(e.target)
        for e in code_text(text, date=DATE, pipeline=pipeline)
        if e.cameo_root == "11"
    ]
    assert judged and all(code and code.startswith("SDN") for code in judged), judged


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "According to Malian sources, Algerian soldiers crossed the border on Monday. The "
            "Algerian army denied the report.",
            "MLI",
        ),
        (
            "According to Human Rights Watch, Ethiopian police beat dozens of students. The "
            "Ethiopian government rejected the allegation as baseless and denied the claims.",
            "NGO",
        ),
    ],
    ids=["report-told-according-to", "claims-told-according-to"],
)
def test_a_denied_report_is_its_according_to_tellers(
    pipeline: Pipeline, text: str, target: str
) -> None:
    denials = [
        code_of(e.target)
        for e in code_text(text, date=DATE, pipeline=pipeline)
        if e.cameo == "016"
    ]
    assert denials and all(code and code.startswith(target) for code in denials), denials


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian nurse Ama Owusu left Accra in 2001. Her sons are now going to school in Togo.",
        "Peruvian miners travel to work every morning, and their families live in Chile.",
    ],
    ids=["going-to-school", "travel-to-work"],
)
def test_a_daily_trip_to_school_or_work_is_no_visit(pipeline: Pipeline, text: str) -> None:
    visits = [e for e in coded(pipeline, text) if e.cameo in ("042", "043")]
    assert visits == [], summary(visits)


def test_a_trip_to_a_country_is_still_a_visit(pipeline: Pipeline) -> None:
    events = code_text(
        "Ghana's president travelled to Togo on Monday.", date=DATE, pipeline=pipeline
    )
    assert [e.cameo for e in events] == ["042"], summary(events)


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake struck a Peruvian town on Monday, injuring twelve villagers.",
        "A blaze destroyed the old textile factory in Porto overnight.",
        "A Catholic church in Lyon was destroyed by a blaze on Friday.",
    ],
    ids=["quake-injures", "blaze-destroys", "passive-fire-destroys"],
)
def test_a_natural_force_or_accident_does_no_act(pipeline: Pipeline, text: str) -> None:
    force = [e for e in coded(pipeline, text) if e.cameo_root in ("17", "18", "19", "20")]
    assert force == [], summary(force)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Ukrainian artillery fire destroyed a Russian depot near Kursk.", "1712"),
        ("Syrian fire killed three Turkish soldiers at the border.", "19"),
        ("The Chadian rebels destroyed an army post near Abeche.", "1712"),
    ],
    ids=["artillery-fire-destroys", "national-fire-kills", "rebels-destroy"],
)
def test_someones_fire_is_still_an_attack(pipeline: Pipeline, text: str, cameo: str) -> None:
    events = coded(pipeline, text)
    assert any(e.cameo.startswith(cameo) for e in events), summary(events)


@pytest.mark.parametrize(
    "text",
    [
        "Pierre Dubois, sacked or fired from his job at a Lyon bank in May, is accused of stabbing a colleague.",
        "The Brazilian coach was fired on Sunday after a run of defeats.",
        "A clerk fired last week from a Lisbon firm returned to the office.",
    ],
    ids=["fired-from-job", "coach-was-fired", "clerk-fired-from-firm"],
)
def test_fired_from_a_job_is_no_shooting(pipeline: Pipeline, text: str) -> None:
    shots = [e for e in coded(pipeline, text) if e.cameo_root == "19"]
    assert shots == [], summary(shots)


@pytest.mark.parametrize(
    "text",
    [
        "Shots were fired at a Kenyan police station in Garissa.",
        "Rockets were fired into the Israeli town of Sderot from Gaza.",
        "Pakistani troops fired on Indian positions across the border.",
        "A Colombian patrol was fired upon near Cali on Tuesday.",
    ],
    ids=["shots-were-fired-at", "rockets-were-fired-into", "troops-fired-on", "was-fired-upon"],
)
def test_shots_fired_are_still_shooting(pipeline: Pipeline, text: str) -> None:
    events = coded(pipeline, text)
    assert any(e.cameo_root == "19" for e in events), summary(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Danish police spokesman declined to say where the suspect was being held.",
        "A Chilean ministry official refused to say how many miners were still trapped.",
    ],
    ids=["declined-to-say-where", "refused-to-say-how-many"],
)
def test_declining_to_say_is_declining_comment_not_rejection(
    pipeline: Pipeline, text: str
) -> None:
    events = coded(pipeline, text)
    assert [e.cameo for e in events if e.cameo in ("011", "120")] == ["011"], summary(events)


def test_a_refusal_followed_by_saying_stays_a_refusal(pipeline: Pipeline) -> None:
    # the comma-set participle "saying" tells what went with the refusal, not what was refused
    text = "The Malian president refused to meet the Guinean envoy, saying he was too busy."
    events = coded(pipeline, text)
    assert "011" not in [e.cameo for e in events], summary(events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Danish government refused to say whether it would send troops to Mali.", "send"),
        ("It was unclear whether Kenyan police had arrested the two Somali men.", "arrested"),
        ("Asked if Ecuador planned to expel the Colombian envoy, Correa smiled.", "expel"),
    ],
    ids=["refused-to-say-whether", "unclear-whether", "asked-if"],
)
def test_an_act_asked_about_is_not_reported(pipeline: Pipeline, text: str, trigger: str) -> None:
    asked = [e for e in coded(pipeline, text) if e.trigger.text == trigger]
    assert asked and not any(is_reportable(e) for e in asked), summary(asked)


def test_an_if_condition_still_makes_a_threat(pipeline: Pipeline) -> None:
    events = code_text(
        "Chad will attack the Sudanese rebels if they cross the border.", date=DATE, pipeline=pipeline
    )
    assert [e.cameo for e in events] == ["1384"], summary(events)


def test_a_participle_read_as_an_adjective_is_no_visit_of_its_own(pipeline: Pipeline) -> None:
    # "visiting" says who the minister is; read as a clause it would make him the one visited
    text = (
        "Malian President Amadou Toure met with visiting Senegalese Foreign Minister Cheikh"
        " Gadio here Monday."
    )
    events = coded(pipeline, text)
    assert not [e for e in events if e.trigger.text == "visiting"], summary(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reason a judging verb gives is the act it judges: one record, the thanks
        ("Kenyan President Mwai Kibaki thanked Uganda for its support.", [("051", "UGA")]),
        (
            "Kenyan President Mwai Kibaki thanked Uganda for its support at the talks.",
            [("051", "UGA")],
        ),
        ("The Kenyan minister praised Tanzania for its help in the talks.", [("051", "TZA")]),
        # a reason that names whom it was done to is an act of its own
        (
            "Kenya criticized Sudan for its support for the rebels.",
            [("111", "SDN"), ("051", "")],
        ),
    ],
    ids=["thanked-for-support", "thanked-for-support-at", "praised-for-help", "criticized-for"],
)
def test_the_reason_a_judging_verb_gives_is_told_once(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    coded = [
        (e.cameo, e.target.actor.country or "" if e.target else "")
        for e in code_text(text, date=DATE, pipeline=pipeline, include_all=True)
        if is_reportable(e)
    ]
    assert [cameo for cameo, _ in coded] == [cameo for cameo, _ in expected], coded
    assert coded[0] == expected[0]


def test_responsibility_denied_for_an_attack_makes_no_attacker(pipeline: Pipeline) -> None:
    text = (
        "Unknown gunmen ambushed an army convoy near Gulu on Monday. The Ugandan rebel group"
        " denied responsibility for the attack."
    )
    named_again = [e for e in coded(pipeline, text) if e.trigger.text == "attack"]
    assert not [e for e in named_again if e.source and e.source.actor.code == "UGAREB"], summary(
        named_again
    )


@pytest.mark.parametrize(
    "text",
    [
        "Basque separatists set off a bomb in Bilbao on Friday. ETA claimed responsibility for"
        " the bombing in a call to a local newspaper.",
        "Rebels ambushed an army convoy near Gulu on Monday. The rebel group claimed"
        " responsibility for the attack.",
    ],
    ids=["bombing", "attack"],
)
def test_the_act_responsibility_is_claimed_for_is_told_once(pipeline: Pipeline, text: str) -> None:
    # "claimed responsibility for the attack" names again the act told before: the claim is
    # the event, the noun no second attack
    events = coded(pipeline, text)
    named_again = [e for e in events if e.trigger.text in ("bombing", "attack")]
    assert named_again and not [e for e in named_again if is_reportable(e)], summary(events)


@pytest.mark.parametrize(
    "text",
    [
        # the second participle of casualties is what the same blast did
        "A truck bomb exploded outside a Turkish consulate on Monday, killing two Turkish"
        " guards and wounding nine Iraqi passers-by.",
        # a noun of violence as the passive's agent is the act that killed them
        "Four Afghan villagers were killed by a NATO air strike.",
    ],
    ids=["killing-and-wounding", "killed-by-air-strike"],
)
def test_one_violent_act_gives_one_record(pipeline: Pipeline, text: str) -> None:
    events = [e for e in coded(pipeline, text) if is_reportable(e)]
    assert len([e for e in events if e.cameo[:2] in ("18", "19")]) == 1, summary(events)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Two British soldiers were killed by a Basra roadside bomb.", "1833"),
        ("A Palestinian youth was killed by Israeli gunfire in Hebron.", "193"),
    ],
    ids=["roadside-bomb", "gunfire"],
)
def test_a_passive_agent_says_the_kind_of_attack(
    pipeline: Pipeline, text: str, cameo: str
) -> None:
    # "killed by a roadside bomb": the "by" phrase is what the pattern's subject asks for
    events = coded(pipeline, text)
    assert cameo in [e.cameo for e in events if e.trigger.text == "killed"], summary(events)


@pytest.mark.parametrize(
    "text",
    [
        "The Sudanese government and the southern rebels agreed to a truce in March.",
        "The Nepalese government agreed to talks with the Maoist rebels.",
    ],
    ids=["agreed-to-a-truce", "agreed-to-talks"],
)
def test_a_noun_the_verb_read_as_its_object_is_told_once(pipeline: Pipeline, text: str) -> None:
    # the verb's pattern read the noun as its object and codes the agreement: the truce or
    # the talks agreed to are that agreement, not a second record
    events = [e for e in coded(pipeline, text) if is_reportable(e)]
    assert [e.trigger.text for e in events] == ["agreed"], summary(events)


def test_whom_the_noun_read_as_object_names_is_the_verbs_target(pipeline: Pipeline) -> None:
    events = [e for e in coded(pipeline, "Turkey agreed to a truce with the PKK.") if is_reportable(e)]
    assert [(e.trigger.text, code_of(e.target)) for e in events] == [("agreed", "TURREB")], (
        summary(events)
    )


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A car bomb exploded outside the Turkish embassy in Kabul.", "1832"),
        ("A truck bomb hit a Kurdish party office in Mosul.", "1832"),
    ],
    ids=["car-bomb-exploded", "truck-bomb-hit"],
)
def test_a_two_word_subject_outranks_its_head_word(
    pipeline: Pipeline, text: str, cameo: str
) -> None:
    # "car bomb" (vehicle bombing) says more than "bomb" alone (roadside bombing)
    events = coded(pipeline, text)
    assert cameo in [e.cameo for e in events], summary(events)
