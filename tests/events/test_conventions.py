"""CAMEO conventions on words with several readings: holding, denying, declining, having to."""

from __future__ import annotations

import pytest

from kittiwake.pipeline import Pipeline, code_text, is_reportable
from kittiwake.records import Mention

pytestmark = pytest.mark.slow

DATE = "2016-09-12"


def codes(pipeline: Pipeline, text: str) -> list[str]:
    return [e.cameo for e in code_text(text, date=DATE, pipeline=pipeline, include_all=True)]


def code_of(mention: Mention | None) -> str | None:
    return mention.actor.code if mention is not None else None


CODED = {
    "held-captive": ("Somali militiamen held two Kenyan engineers captive for a week.", "173"),
    # greetings sent are praise, also where the parser reads them as an apposition
    "sent-greetings": ("The Cuban leader sent the Venezuelan people warm greetings.", "051"),
    "sends-regards": (
        'The Chilean minister said that President Bachelet sends the Peruvian nation "warm '
        'regards".',
        "051",
    ),
    "held-as-shields": ("The Sri Lankan army held Tamil villagers as human shields.", "173"),
    "denied-that": ("Lisbon denied that Portugal had paid the kidnappers.", "016"),
    "denied-request": ("Israel denied the Turkish request for a visit to the camp.", "120"),
    "declined-to-comment": ("The Iraqi defence ministry declined to comment on the raid.", "011"),
    "demand": ("France said Iran must release the British sailors.", "105"),
    "taken-into-custody": ("Two Egyptian journalists were taken into custody.", "173"),
    "placed-on-trial": ("The Libyan agents were placed on trial.", "173"),
    "stood-by": ("Turkey stood by its ally Azerbaijan during the war.", "052"),
    # symbolic acts and empathy
    "shook-hands": ("The Peruvian president shook hands with the Chilean president.", "017"),
    "declared-mourning": (
        "The Kenyan president declared a day of national mourning for the victims.",
        "017",
    ),
    "expressed-solidarity": (
        "The Chilean senate expressed solidarity with the flood victims in Peru.",
        "018",
    ),
    # an attack made in words is criticism
    "verbally-attacked": ("The Chilean president verbally attacked the Peruvian president.", "111"),
    "charged-that": (
        "The Kenyan opposition charged that the government had rigged the vote.",
        "112",
    ),
    # revenge vowed is a threat of force
    "vowed-revenge": ("The Kurdish militia vowed revenge against Turkey.", "138"),
    # people seized by force are abducted
    "seized-people": ("Gunmen seized two Italian aid workers near Gao.", "181"),
    # a multi-word verb entry may end in its bare object
    "used-force": ("The Ugandan army used force against the protesters.", "190"),
    "found-guilty": ("The former Kenyan minister was found guilty of fraud.", "116"),
    # a promise not to use force is an intent to de-escalate
    "will-not-use-force": (
        "The Ugandan army said it would not use force against the protesters.",
        "0356",
    ),
    # a denied hesitation affirms the act: a threat
    "will-not-hesitate": ("Iran will not hesitate to attack Israel.", "138"),
    # a visitor greeted is received; a crowd cheering for someone praises them; a home
    # searched is coercion of whoever lives there
    "greeted": ("The French president greeted the Colombian senator at the air base.", "043"),
    "cheered-for": ("A jubilant crowd cheered for the Tanzanian troops.", "051"),
    "searched-home": ("Kenyan police searched the home of the former Ugandan general.", "170"),
    # a claim judged false is denied
    "claims-ridiculous": ("The Kenyan minister said the allegations were ridiculous.", "016"),
    "called-reports-baseless": ("The Iranian foreign ministry called the reports baseless.", "016"),
}


@pytest.mark.parametrize(("text", "cameo"), CODED.values(), ids=CODED.keys())
def test_reading_gives_the_code(pipeline: Pipeline, text: str, cameo: str) -> None:
    found = codes(pipeline, text)
    assert any(code.startswith(cameo) for code in found), found


NOT_CODED = {
    "held-a-conference": ("Kenyan and Ugandan ministers held a press conference in Nairobi.", "17"),
    # an object predicate is what something is called, not what is asked for
    "calls-it-a-meeting": (
        "The Kenyan president flies to Kampala each spring for what he calls a useful meeting "
        "with Uganda.",
        "02",
    ),
    "services-held": ("Services were held in Lagos for the Nigerian victims.", "17"),
    "had-to-resign": ("The Peruvian minister had to resign after the scandal.", "10"),
    "we-have-to": ('"We have to admit the Kenyan police were brave," the minister said.', "10"),
    # the act of an "unless"/"if" clause is a supposition: no promise, no threat of its own
    "condition-no-promise": (
        "The kidnappers threatened to kill the engineers unless Kenya withdraws its troops.",
        "035",
    ),
    "standing-alongside": (
        "Standing alongside the French president at an air base, the Colombian senator "
        "thanked the soldiers.",
        "052",
    ),
    "condition-no-threat": ("If Turkey attacks the Kurdish town, oil prices will rise.", "13"),
    "attack-not-verbal": ("Chilean troops attacked Peruvian positions near the border.", "11"),
    # a reporting clause after what it reports, its verb read as a dated participle
    "trailing-report": (
        "Ugandan police beat detained protesters in Kampala, a Kenyan rights group charged "
        "on Tuesday.",
        "17",
    ),
    # a bare comment is a neutral statement, like "said"
    "commented-on": ("The Chilean president commented on the talks with Peru.", "01"),
}


@pytest.mark.parametrize(("text", "root"), NOT_CODED.values(), ids=NOT_CODED.keys())
def test_other_readings_are_not_that_event(pipeline: Pipeline, text: str, root: str) -> None:
    found = codes(pipeline, text)
    assert not any(code.startswith(root) for code in found), found


def test_a_protest_with_no_named_protesters_is_by_the_people_of_its_place(
    pipeline: Pipeline,
) -> None:
    events = code_text("Protests broke out in Cairo on Sunday.", date=DATE, pipeline=pipeline)
    protests = [e for e in events if e.cameo_root == "14"]
    assert protests and protests[0].source is not None, events
    assert protests[0].source.actor.code == "EGYCVL"


def test_one_record_per_pair_of_actor_codes(pipeline: Pipeline) -> None:
    text = "Kenyan President Kibaki and Prime Minister Odinga met Ugandan officials in Kampala."
    events = code_text(text, date=DATE, pipeline=pipeline)
    pairs = [
        (e.trigger.start, e.source and e.source.actor.code, e.target and e.target.actor.code)
        for e in events
    ]
    assert pairs and len(pairs) == len(set(pairs)), pairs


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The United States gave 67 million dollars last year to Yemen.", "YEM"),
        ("UNHCR is providing food to the Congolese refugees.", "CODREF"),
        ("The Iraqi prime minister gave an ultimatum to the militants.", "IRQ"),
    ],
    ids=["money-to", "food-to", "ultimatum-to"],
)
def test_the_receiver_after_to_is_the_target(pipeline: Pipeline, text: str, target: str) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline)
    assert any(e.target and e.target.actor.code.startswith(target) for e in events), events


def summary_of(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.cameo, e.source and e.source.actor.code, e.target and e.target.actor.code)
        for e in code_text(text, date=DATE, pipeline=pipeline)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chinese president is scheduled to meet Japanese leaders next week.",
            ("036", "CHNGOV", "JPNGOV"),
        ),
        (
            "After meeting with Egyptian officials, the Israeli envoy returned home.",
            ("040", "ISRGOV", "EGYGOV"),
        ),
    ],
    ids=["scheduled-to-meet", "after-meeting"],
)
def test_raised_and_gerund_subjects_act(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summary_of(pipeline, text)


def test_a_meeting_between_two_actors_is_one_record(pipeline: Pipeline) -> None:
    found = summary_of(pipeline, "Talks between Iran and France ended on Monday.")
    assert len([f for f in found if f[0] == "040"]) == 1, found


def test_fighting_between_two_actors_is_coded_both_ways(pipeline: Pipeline) -> None:
    found = summary_of(pipeline, "Ethiopian soldiers clashed with Eritrean troops.")
    assert ("190", "ETHMIL", "ERIMIL") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fight named as a noun, its sides in a "between" phrase of the noun's verb
        (
            "Heavy fighting broke out between Ethiopian soldiers and Eritrean troops.",
            {("190", "ETHMIL", "ERIMIL"), ("190", "ERIMIL", "ETHMIL")},
        ),
        # a bare gerund standing as a noun phrase names the act as its noun would
        (
            "Fighting continued on Tuesday between Sudanese troops and Ugandan troops.",
            {("190", "SDNMIL", "UGAMIL"), ("190", "UGAMIL", "SDNMIL")},
        ),
        # fire exchanged is exchanged both ways, passive with its sides after "between"
        (
            "Shots were exchanged between Ugandan troops and Congolese rebels near the border.",
            {("193", "UGAMIL", "CODREB"), ("193", "CODREB", "UGAMIL")},
        ),
        # resistance met is fighting between the two sides, not a meeting
        (
            "Ethiopian soldiers encountered stiff resistance from Eritrean fighters.",
            {("190", "ETHMIL", "ERIREB"), ("190", "ERIREB", "ETHMIL")},
        ),
        # an attack in words between two sides is criticism both ways
        (
            "The debate turned into verbal attacks between the Chilean president and the "
            "Peruvian president.",
            {("111", "CHLGOV", "PERGOV"), ("111", "PERGOV", "CHLGOV")},
        ),
    ],
    ids=[
        "fighting-broke-out-between",
        "gerund-fighting",
        "gunfire-exchanged-between",
        "met-resistance",
        "verbal-attacks-between",
    ],
)
def test_fighting_named_as_a_noun_is_coded_both_ways(
    pipeline: Pipeline, text: str, expected: set[tuple[str, str | None, str | None]]
) -> None:
    assert expected <= set(summary_of(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"The Chilean president is meddling in Peru\'s elections," the Peruvian foreign '
            "minister said.",
            ("112", "PERGOV", "CHLGOV"),
        ),
        # told of an attempt, it is still an accusation
        (
            "Human Rights Watch said the Ethiopian authorities were trying to silence bloggers.",
            ("112", "NGOHRI", "ETHGOV"),
        ),
        # the clause the act is coordinated with is no teller of it
        (
            '"Chile has paid the rebels, and the Bolivian president is meddling in our '
            'affairs," the Peruvian president said.',
            ("112", "PERGOV", "BOLGOV"),
        ),
        # failing to do what was owed, told by another, is criticism
        ("The UN said Kenya had failed to protect the refugees.", ("111", "IGOUNO", "KEN")),
        # a price someone will pay, told by another, is a threat to them
        (
            '"Eritrea will pay a price for this aggression," the Ethiopian prime minister said.',
            ("130", "ETHGOV", "ERI"),
        ),
        # hiding, bluffing, lying told of another are misconduct too
        (
            '"The Sudanese authorities are hiding the truth," the rights group Amnesty '
            "International said.",
            ("112", "NGOHRIAMN", "SDNGOV"),
        ),
        (
            '"The Kenyan president has been bluffing us for years," an opposition leader said.',
            ("112", "KENOPP", "KENGOV"),
        ),
        # misconduct as the purpose of an attempt or an act: its doer's
        (
            "The opposition leader said the inquiry was an attempt by the Turkish government "
            "to silence critics.",
            ("112", "TUROPP", "TURGOV"),
        ),
        (
            "The Qatari broadcaster said the closure of its office by the Egyptian government "
            "was aimed at silencing journalists.",
            ("112", "QATMED", "EGYGOV"),
        ),
        (
            "The Qatari broadcaster described the closure as a move by the Egyptian government "
            "designed to silence journalists.",
            ("112", "QATMED", "EGYGOV"),
        ),
        (
            "The Qatari broadcaster said the closure of its office by the Egyptian government "
            "was a move designed to silence journalists.",
            ("112", "QATMED", "EGYGOV"),
        ),
        # too little done for a purpose, told by another, is criticism
        (
            "The opposition said the French cabinet did little to end the crisis.",
            ("111", "FRAOPP", "FRAGOV"),
        ),
        (
            "Kenya's foreign minister said that Uganda has not done enough to stop the militias.",
            ("111", "KENGOV", "UGA"),
        ),
        # a promise broken, or denied kept, told by another, is criticism
        (
            "The Kenyan opposition said the government had broken its promises.",
            ("111", "KENOPP", "KENGOV"),
        ),
        (
            "Kenyan critics say that the Kenyan government has not kept its promises.",
            ("111", "KEN", "KENGOV"),
        ),
        # undermining or destabilising, told of another, is misconduct too
        (
            '"The Ugandan rebels are undermining the peace process," the Kenyan minister said.',
            ("112", "KENGOV", "UGAREB"),
        ),
        (
            '"Uganda is trying to destabilize our country," the Kenyan president said.',
            ("112", "KENGOV", "UGA"),
        ),
        # passive misconduct is its "by" phrase's
        (
            "The Kenyan opposition said the vote was rigged by the Kenyan army.",
            ("112", "KENOPP", "KENMIL"),
        ),
    ],
    ids=[
        "quoted-interfering",
        "said-trying-to-silence",
        "coordinated-clause",
        "failed-to",
        "will-pay-a-price",
        "hiding",
        "bluffing",
        "attempt-by-to-silence",
        "act-aimed-at-silencing",
        "move-by-designed-to",
        "act-was-a-move-designed-to",
        "did-little-to",
        "not-done-enough-to",
        "broken-promises",
        "promises-not-kept",
        "undermining",
        "destabilize",
        "passive-by",
    ],
)
def test_misconduct_told_of_another_is_an_accusation(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summary_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The Chilean president interfered in the Peruvian vote.", "11"),  # no teller
        ('"Chile did not interfere in our affairs," the Peruvian minister said.', "11"),
        ("Chile warned Peru of sanctions if Bolivia failed to pay its debt.", "11"),
        ("Chilean analysts said Peru paid a heavy price for the war.", "13"),
        # nothing done wrong, or enough done, blames no one
        ("The Chilean minister said the Peruvian officers did nothing wrong.", "11"),
        ("The Chilean minister said that Peru has done enough to stop the smugglers.", "11"),
        (
            "The Ugandan minister said the ban by the Kenyan government was not meant to "
            "silence reporters.",
            "11",
        ),
        ("The Chilean minister said the Peruvian government had kept its promises.", "11"),
        ("The Chilean president broke the news to the Peruvian president.", "11"),
        # what is denied is judged by no one
        ("Chile denied that Peru was meddling in its elections.", "11"),
        ("Chile denied claims that Peru had rigged the vote.", "11"),
    ],
    ids=[
        "narrator",
        "denied",
        "supposed",
        "price-paid",
        "nothing-wrong",
        "done-enough",
        "not-meant-to",
        "promises-kept",
        "broke-the-news",
        "denied-that",
        "denied-claims-that",
    ],
)
def test_misconduct_with_no_teller_or_denied_is_no_accusation(
    pipeline: Pipeline, text: str, root: str
) -> None:
    assert not [f for f in summary_of(pipeline, text) if f[0].startswith(root)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some Peruvian activists participated in the march.", ("141", "PEROPP")),
        ("Two Chilean students took part in the protests in Lima.", ("141", "CHLEDU")),
        ("Kenyan opposition supporters joined the rally.", ("141", "KENOPP")),
    ],
    ids=["participated-in", "took-part-in", "joined"],
)
def test_taking_part_in_an_act_named_as_a_noun_is_doing_it(
    pipeline: Pipeline, text: str, expected: tuple[str, str]
) -> None:
    assert expected in [(code, source) for code, source, _ in summary_of_all(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Kenyan nurses announced a planned march on the parliament.", "14"),
        ("The upcoming summit between Chile and Peru will discuss trade.", "04"),
        ("Kenya warned of a possible attack by Somali militants on its embassy.", "19"),
    ],
    ids=["planned-march", "upcoming-summit", "possible-attack"],
)
def test_an_event_noun_said_to_be_planned_or_possible_is_not_done(
    pipeline: Pipeline, text: str, root: str
) -> None:
    assert not [f for f in summary_of(pipeline, text) if f[0].startswith(root)]


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # most of a kind of act is a summary of acts told one by one, not an act
        (
            "Police said most clashes with the Kenyan students took place near the university.",
            "clashes",
            "generic",
        ),
        # a bare verb after a verb of asking is asked for, whatever its subject's number
        (
            "The Peruvian president requested that the two Chilean envoys shake hands.",
            "shake",
            "requested",
        ),
        # what someone would like to see another do is asked of them, not told as done
        (
            "Peru would like to see Chile apologize for the raid.",
            "apologize",
            "requested",
        ),
    ],
    ids=["most-clashes", "requested-that-they-shake", "would-like-to-see"],
)
def test_an_act_the_sentence_does_not_tell_as_done_keeps_its_modality(
    pipeline: Pipeline, text: str, trigger: str, modality: str
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    found = [e for e in events if e.trigger.text == trigger]
    assert found and {e.modality for e in found} == {modality}, found


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Kenyan police tried to arrest the opposition leader.", "173"),
        ("Chadian rebels attempted to assassinate the Chadian prime minister.", "185"),
    ],
    ids=["tried-to-arrest", "attempted-to-assassinate"],
)
def test_an_attempt_is_coded_as_the_act_not_a_threat(
    pipeline: Pipeline, text: str, cameo: str
) -> None:
    found = summary_of(pipeline, text)
    assert [f[0] for f in found] == [cameo], found


@pytest.mark.parametrize(
    "text",
    [
        "The strike was neither an attack on Kurdish fighters nor an invasion.",
        "Turkey neither attacked the Kurdish militia nor shelled the town.",
    ],
    ids=["neither-noun", "neither-nor-verbs"],
)
def test_neither_and_nor_negate_what_they_join(pipeline: Pipeline, text: str) -> None:
    events = [
        e
        for e in code_text(text, date=DATE, pipeline=pipeline, include_all=True)
        if e.cameo_root == "19"
    ]
    assert events and all(e.negated for e in events), events


def test_repudiating_someone_is_criticism(pipeline: Pipeline) -> None:
    found = summary_of(pipeline, "The Chilean Communist Party repudiated the Peruvian president.")
    assert any(code.startswith("11") for code, _, _ in found), found


def test_a_signed_deal_between_two_actors_is_one_record(pipeline: Pipeline) -> None:
    found = summary_of(pipeline, "The European Union and China signed a trade deal.")
    assert len([f for f in found if f[0] == "057"]) == 1, found


def test_taken_hostage_targets_the_people_taken_not_the_word_or_the_place(
    pipeline: Pipeline,
) -> None:
    found = summary_of(pipeline, "Two Kenyan engineers were taken hostage near Kismayo.")
    assert [f for f in found if f[0] == "181"] == [("181", None, "KEN")], found


def summary_of_all(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.cameo, e.source and e.source.actor.code, e.target and e.target.actor.code)
        for e in code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a raising passive's subject is what its bare participle's act was done to
        ("Two Syrian soldiers were reported abducted near Homs.", ("181", None, "SYRMIL")),
        # a noun's doer through a participle's "by", and shelling as a noun
        ("The EU criticised the arrests made by Turkish police.", ("111", "IGOEUREEC", "TURCOP")),
        ("The town was quiet after heavy shelling by Syrian forces.", ("194", "SYRMIL", None)),
        # a passive gerund after "after": the clause's subject suffered it
        (
            "The Kenyan opposition leader appeared in court on Monday after being arrested "
            "on Friday.",
            ("173", None, "KENOPP"),
        ),
        # conjoined passives share their subject and their "by" phrase
        (
            "Two Swedish activists were arrested and deported by Egyptian police.",
            ("173", "EGYCOP", "SWEOPP"),
        ),
        (
            "Two Swedish activists were arrested and deported by Egyptian police.",
            ("174", "EGYCOP", "SWEOPP"),
        ),
    ],
    ids=[
        "reported-abducted",
        "arrests-made-by",
        "shelling-by",
        "after-being-arrested",
        "passive-conjuncts-first",
        "passive-conjuncts-second",
    ],
)
def test_who_did_it_in_participles_and_nouns(
    pipeline: Pipeline, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert expected in summary_of_all(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkish jets bombed a Kurdish rebel base in northern Iraq, killing two Iraqi fighters.",
            [("190", "TURMIL", "IRQREB")],
        ),
        # an attack that names only a place struck whom its casualties name
        (
            "Israeli warplanes struck targets in the Gaza Strip, killing four Hamas militants.",
            [("195", "ISRMIL", "PSEREBHMS")],
        ),
        # the fighting an act of violence was done in is that act, told once
        (
            "Ugandan soldiers killed four Ugandan rebels in a clash in the north.",
            [("190", "UGAMIL", "UGAREB")],
        ),
    ],
    ids=["named-target", "place-only", "in-a-clash"],
)
def test_the_casualties_of_an_attack_are_not_another_act(
    pipeline: Pipeline, text: str, expected: list[tuple[str, str, str]]
) -> None:
    """ "bombed a base, killing two fighters": one act, coded once."""
    found = summary_of_all(pipeline, text)
    assert [f for f in found if f[0].startswith("19")] == expected, found


def test_an_attack_by_another_doer_in_which_an_act_was_done_stays(pipeline: Pipeline) -> None:
    text = "Kenyan police killed a man in an attack by gunmen on a bank in Mombasa."
    doers = {source for cameo, source, _ in summary_of_all(pipeline, text) if cameo.startswith("19")}
    assert {"KENCOP", "KENUAF"} <= doers, doers


def test_a_trip_coded_as_a_visit_made_for_a_visit_is_one_visit(pipeline: Pipeline) -> None:
    text = (
        "Thai Prime Minister Chuan Leekpai arrived in Kuala Lumpur on Sunday for a two-day"
        " working visit to Malaysia."
    )
    visits = [f for f in summary_of_all(pipeline, text) if f[0] == "042"]
    assert visits == [("042", "THAGOV", "MYS")], visits


@pytest.mark.parametrize(
    "text",
    [
        "Washington sent a team of FBI investigators to Nairobi on Saturday.",
        "Paris dispatched French gendarmes to Abidjan to help Ivorian police.",
    ],
    ids=["inspectors", "police-to-help"],
)
def test_whom_someone_sends_is_what_is_sent_not_whom_it_is_done_to(
    pipeline: Pipeline, text: str
) -> None:
    found = summary_of_all(pipeline, text)
    targets = {target for _, _, target in found}
    assert found and not any(t and t.startswith(("USA", "FRA")) for t in targets), found


def test_a_call_made_to_discuss_is_one_consultation(pipeline: Pipeline) -> None:
    text = "The Chilean president telephoned the Peruvian president to discuss the border."
    found = [f for f in summary_of_all(pipeline, text) if f[0].startswith("04")]
    assert found == [("041", "CHLGOV", "PERGOV")], found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sanctions were imposed on Burma by the European Union.", ("163", "IGOEUREEC", "MMR")),
        # "and visiting President X", read as a verb conjoined to "signed", is a second signer
        (
            "The accord was signed by Peruvian President Alejandro Toledo and visiting Chilean"
            " President Ricardo Lagos in Lima.",
            ("057", "PERGOV", "CHLGOV"),
        ),
    ],
    ids=["sanctions-imposed", "accord-signed"],
)
def test_an_act_named_as_its_passive_verbs_subject_is_one_record(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    found = [f for f in summary_of_all(pipeline, text) if f[0][:2] == expected[0][:2]]
    assert found == [expected], found


def test_a_past_tense_conjoined_to_a_promise_is_done_not_promised(pipeline: Pipeline) -> None:
    text = (
        "The Malian junta leader promised to hold elections soon and released twenty jailed"
        " opposition activists."
    )
    found = [f for f in summary_of_all(pipeline, text) if f[2] == "MLIOPP"]
    assert found == [("0841", "MLIMIL", "MLIOPP")], found


def test_a_bare_noun_for_where_people_go_every_day_is_no_one_visited(pipeline: Pipeline) -> None:
    text = "The Malian refugees say their children now go to school every day."
    visits = [f for f in summary_of_all(pipeline, text) if f[0] == "042"]
    assert all(target is None for _, _, target in visits), visits


def test_times_and_amounts_are_never_actors(pipeline: Pipeline) -> None:
    text = "The Chadian president gave the rebels 72 hours to surrender."
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    sources = [e.source.text for e in events if e.source is not None]
    assert not [s for s in sources if "hours" in s], sources


def test_what_the_subject_used_does_nothing(pipeline: Pipeline) -> None:
    """ "used tear gas to disperse": the subject does what it used the gas for, one act
    (recorded once, on "used" or on "disperse")."""
    text = "Bolivian riot police used tear gas to disperse students in La Paz."
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    dispersals = [e for e in events if e.cameo == "175"]
    assert [e.source and e.source.actor.code for e in dispersals] == ["BOLCOP"]


def test_the_subject_of_a_perfect_infinitive_after_a_raising_passive_did_it(
    pipeline: Pipeline,
) -> None:
    found = summary_of_all(pipeline, "Syrian forces are reported to have shelled Turkish towns.")
    assert any(source == "SYRMIL" for _, source, _ in found), found


def test_a_casualty_toll_raised_by_reported_is_no_event(pipeline: Pipeline) -> None:
    found = summary_of_all(pipeline, "Twelve Kenyan soldiers were reported killed on Monday.")
    assert not [f for f in found if f[0].startswith("19")], found


def test_a_generic_target_with_the_sources_own_code_is_no_target(pipeline: Pipeline) -> None:
    text = "The Venezuelan president met Colombian officials. He urged the leaders to stay calm."
    found = summary_of_all(pipeline, text)
    urged = [f for f in found if f[0].startswith("02")]
    assert urged and all(target != source for _, source, target in urged), found


def test_arriving_in_ones_own_country_visits_no_one(pipeline: Pipeline) -> None:
    (arrival,) = [
        e
        for e in code_text(
            "The Kenyan president flew to Nairobi on Friday.",
            date=DATE,
            pipeline=pipeline,
            include_all=True,
        )
        if e.cameo == "042"
    ]
    assert arrival.target is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a feeling of outrage told of its subject: criticism of whom it is about, the owner
        # of the act it names or the actor deep in its phrase
        (
            "Al Jazeera said it was appalled by the Egyptian government's decision to close its "
            "office.",
            {("QATMED", "EGYGOV")},
        ),
        (
            "The Turkish ministry was outraged at the remarks of the French president.",
            {("TURGOV", "FRAGOV")},
        ),
        # "they" under a reporting verb is the reporter, passive too
        (
            "Egyptian officials closed the office on Sunday. Al Jazeera said they were appalled "
            "by the government's decision.",
            {("QATMED", "EGYGOV")},
        ),
        # an active verb with an object says what caused the feeling, not who judged
        ("The Iranian president angered Saudi Arabia with his remarks.", set()),
    ],
    ids=["by-possessor", "at-nested", "reporter-they", "active-cause"],
)
def test_outrage_at_an_act_criticises_its_doer(
    pipeline: Pipeline, text: str, expected: set[tuple[str, str]]
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    pairs = {
        (e.source.actor.code, e.target.actor.code)
        for e in events
        if e.cameo == "111" and e.source is not None and e.target is not None
    }
    assert pairs == expected, [(e.trigger.text, e.cameo, e.source, e.target) for e in events]


def test_a_claim_judged_false_is_denied_to_whoever_made_it(pipeline: Pipeline) -> None:
    events = code_text(
        "The Chilean president said Morales's claims were lies.",
        date=DATE,
        pipeline=pipeline,
        include_all=True,
    )
    assert [
        (e.cameo, e.source and e.source.actor.code, e.target and e.target.actor.code)
        for e in events
    ] == [("016", "CHLGOV", "BOLGOV")]


def test_an_act_promised_in_a_complement_is_one_record(pipeline: Pipeline) -> None:
    """ "agreed to hold talks": the intent to meet (036) once, not again for "hold talks"."""
    found = summary_of(pipeline, "Chile and Peru agreed to hold talks in Lima next month.")
    assert len([f for f in found if f[0] == "036"]) == 1, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia's raids on the Syrian rebels drew criticism from France.", ("111", "FRA", "RUS")),
        ("The Kenyan minister faced condemnation from the opposition.", ("111", "KENOPP", "KENGOV")),
    ],
    ids=["drew-from", "faced-from"],
)
def test_criticism_undergone_is_made_by_its_from_phrase(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summary_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concern told of the subject, the word tagged as an adjective
        (
            "The United States said it was deeply concerned by the Zimbabwean government's "
            "crackdown.",
            ("012", "USA", "ZWEGOV"),
        ),
        # an appeal to release people, with the asked in an "on" phrase or as the object
        (
            "The Kenyan opposition called on the Ugandan government to release the detainees.",
            ("0253", "KENOPP", "UGAGOV"),
        ),
        ("Amnesty International urged Iran to free the reporters.", ("0253", "NGOHRIAMN", "IRN")),
    ],
    ids=["concerned-by", "called-on-to-release", "urged-to-free"],
)
def test_concern_and_appeals_for_release(
    pipeline: Pipeline, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in summary_of(pipeline, text)


def test_a_feeling_asked_about_is_no_statement(pipeline: Pipeline) -> None:
    text = "Reporters asked the Kenyan minister if he was concerned about the Ugandan army."
    assert not [f for f in summary_of(pipeline, text) if f[0] == "012"]


@pytest.mark.parametrize(
    ("text", "root", "doer"),
    [
        ("Kenya blamed Somali militants for attacking Kenyan soldiers.", "19", "SOMREB"),
        ("Brazil accused Venezuelan troops of attacking Brazilian farmers.", "19", "VENMIL"),
        ("Peru praised Chile for sending aid to Bolivia.", "07", "CHL"),
        ("The Chilean senator thanked Argentina for urging Bolivia to free the prisoners.", "02", "ARG"),
        # a noun of blame too
        (
            "The Iranian court has drawn criticism for jailing Kurdish students without trial.",
            "17",
            None,
        ),
        # what an act is called is the speaker's judgement of it, not another act told
        (
            "The union described the closure of the radio station as an attack by the Kenyan "
            "government.",
            "19",
            "KENGOV",
        ),
        (
            "The union sees the ban as a move meant to silence and repress Kenyan reporters.",
            "17",
            None,
        ),
    ],
)
def test_the_act_praised_or_blamed_is_judged_not_told(
    pipeline: Pipeline, text: str, root: str, doer: str | None
) -> None:
    """CAMEO codes the praise or the blame, not the act it is for (kept, flagged "judged",
    with whom it is credited to as its doer)."""
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    judged = [e for e in events if e.cameo_root == root and e.modality == "judged"]
    assert judged and code_of(judged[0].source) == doer
    assert not any(e.cameo_root == root for e in events if is_reportable(e))


@pytest.mark.parametrize(
    ("text", "root", "told"),
    [
        # the task someone is given is still to be done
        ("Police officers were picked to arrest the smuggling suspects in Mombasa.", "17", False),
        ("Kenyan troops were sent to protect the refugee camps in Dadaab.", "07", False),
        # hearsay of what is to come is not told as done; of a past act, it is
        ("The Nigerian opposition leader is said to be flying to Ghana next week.", "04", False),
        ("The car bomb is reported to have wounded nine Iraqi policemen.", "18", True),
    ],
)
def test_acts_still_to_come_are_kept_but_not_told_as_done(
    pipeline: Pipeline, text: str, root: str, told: bool
) -> None:
    events = code_text(text, date=DATE, pipeline=pipeline, include_all=True)
    assert any(e.cameo_root == root for e in events) or not told
    assert any(e.cameo_root == root for e in events if is_reportable(e)) is told


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("The Kenyan banker was found not guilty of fraud by a Dutch court.", True),
        ("The Kenyan banker was found guilty of fraud by a Dutch court.", False),
    ],
    ids=["found-not-guilty", "found-guilty"],
)
def test_a_denied_verdict_is_no_conviction(pipeline: Pipeline, text: str, negated: bool) -> None:
    events = [
        e
        for e in code_text(text, date=DATE, pipeline=pipeline, include_all=True)
        if e.cameo == "116"
    ]
    assert events and all(e.negated is negated for e in events), events
