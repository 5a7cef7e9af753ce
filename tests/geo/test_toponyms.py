from __future__ import annotations

import pytest
from geo_spans import spans_of

from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.geo.toponyms import (
    Toponym,
    document_focus,
    find_places,
    find_toponyms,
    resolve_mentions,
    resolve_spans,
)


def _resolve(text: str, names: list[str], gazetteer: Gazetteer) -> list[tuple[int, str] | None]:
    spans = spans_of(text, names)
    entries = resolve_spans(text, spans, gazetteer=gazetteer)
    return [None if e is None else (e.geonameid, e.country) for e in entries]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("Officials in Georgia met.", ["Georgia"], [(1, "GEO")]),
        ("Storms hit Atlanta and Georgia.", ["Atlanta", "Georgia"], [(4, "USA"), (2, "USA")]),
        ("Tbilisi says Georgia wants talks.", ["Tbilisi", "Georgia"], [(5, "GEO"), (1, "GEO")]),
        ("He flew to Paris.", ["Paris"], [(6, "FRA")]),
        ("A fair in Paris, Texas.", ["Paris", "Texas"], [(7, "USA"), (8, "USA")]),
        ("Born in Springfield, Illinois.", ["Springfield", "Illinois"], [(10, "USA"), (11, "USA")]),
        ("Raids in Idlib province.", ["Idlib province"], [(12, "SYR")]),
        ("Raids in Idlib.", ["Idlib"], [(13, "SYR")]),
        ("Raids in Atlantis.", ["Atlantis"], [None]),
    ],
)
def test_resolution_in_context(
    tiny_gazetteer: Gazetteer, text: str, names: list[str], expected: list[tuple[int, str] | None]
) -> None:
    assert _resolve(text, names, tiny_gazetteer) == expected


def test_given_context_countries_break_ties(tiny_gazetteer: Gazetteer) -> None:
    text = "Protests in Georgia."
    span = [(text.index("Georgia"), text.index("Georgia") + 7)]
    (entry,) = resolve_spans(text, span, gazetteer=tiny_gazetteer, context_countries=["USA"])
    assert entry is not None and entry.country == "USA"


def test_a_repeated_name_does_not_outvote_the_others(tiny_gazetteer: Gazetteer) -> None:
    text = "Georgia. Georgia. Georgia. Atlanta."
    names = ["Georgia", "Georgia", "Georgia", "Atlanta"]
    assert [r and r[1] for r in _resolve(text, names, tiny_gazetteer)] == ["USA"] * 4


def test_nearby_places_choose_between_namesakes(tiny_gazetteer: Gazetteer) -> None:
    # Springfield, Missouri is bigger; Decatur makes it the Illinois one, Branson the other
    assert _resolve("Springfield and Decatur.", ["Springfield", "Decatur"], tiny_gazetteer)[0] == (
        10,
        "USA",
    )
    assert _resolve("Springfield and Branson.", ["Springfield", "Branson"], tiny_gazetteer)[0] == (
        9,
        "USA",
    )


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a place named inside a longer name, in one of the document's countries
        ("The Dubai World Cup, Dubai.", ["Dubai World Cup", "Dubai"], [(16, "part"), (16, "name")]),
        # a name the gazetteer cannot place, followed by "in" and a place: that place
        (
            "Oak Lane in Atlanta, Georgia.",
            ["Oak Lane", "Atlanta", "Georgia"],
            [(4, "part"), (4, "name"), (2, "name")],
        ),
        # otherwise it goes to the document's focus: its town
        (
            "Oak Lane was closed. Storms hit Atlanta, Georgia.",
            ["Oak Lane", "Atlanta", "Georgia"],
            [(4, "focus"), (4, "name"), (2, "name")],
        ),
        # with nothing else named there is no focus
        ("Oak Lane was closed.", ["Oak Lane"], [None]),
    ],
)
def test_unresolved_names_are_located_by_a_part_or_the_focus(
    tiny_gazetteer: Gazetteer, text: str, names: list[str], expected: list[tuple[int, str] | None]
) -> None:
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    resolved = resolve_mentions(text, spans, gazetteer=tiny_gazetteer)
    assert [r and (r.entry.geonameid, r.method) for r in resolved] == expected
    plain = resolve_mentions(text, spans, gazetteer=tiny_gazetteer, locate_unresolved=False)
    assert [r and r.entry.geonameid for r in plain] == [
        e and (e[0] if e[1] == "name" else None) for e in expected
    ]


def test_document_focus_prefers_a_specific_place_in_the_main_country(
    tiny_gazetteer: Gazetteer,
) -> None:
    entries = [
        tiny_gazetteer.candidates(name)[0]
        for name in ("Syria", "Texas", "Atlanta", "Atlanta", "Paris")
    ]
    focus = document_focus(entries)
    assert focus is not None and focus.name == "Atlanta"
    assert document_focus([]) is None


def test_approximate_places_say_so(tiny_gazetteer: Gazetteer) -> None:
    (atlanta,) = tiny_gazetteer.candidates("Atlanta")
    (middle_east,) = tiny_gazetteer.candidates("Middle East")
    exact = Toponym(0, 7, "Atlanta", atlanta).to_place()
    near = Toponym(0, 8, "Oak Lane", atlanta, method="part").to_place()
    guessed = Toponym(0, 8, "Oak Lane", atlanta, method="focus").to_place()
    region = Toponym(0, 11, "Middle East", middle_east).to_place()
    assert exact is not None and (exact.feature, exact.geonameid) == ("PPL", 4)
    assert near is not None and (near.feature, near.geonameid, near.name) == (
        "NEAR",
        None,
        "Atlanta",
    )
    # placed only at the document's focus, not by its own words
    assert guessed is not None and (guessed.feature, guessed.name) == ("FOCUS", "Atlanta")
    assert region is not None and (region.geonameid, region.country) == (None, None)


@pytest.mark.slow
def test_find_places_resolves_provinces_and_offsets(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Air raids killed 16 civilians at a market in Idlib province on Monday.")
    (place,) = find_places(doc, gazetteer=gazetteer)
    assert (place.feature, place.country, place.text) == ("ADM1", "SYR", "Idlib province")
    assert doc.text[place.start : place.end] == place.text


@pytest.mark.slow
def test_governments_as_actors_are_flagged_not_placed(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Moscow accused Kyiv of shelling a school in Donetsk.")
    toponyms = {t.text: t.actor for t in find_toponyms(doc, gazetteer=gazetteer)}
    assert toponyms.get("Moscow") is True and toponyms.get("Donetsk") is False
    texts = [p.text for p in find_places(doc, gazetteer=gazetteer)]
    assert "Moscow" not in texts and "Donetsk" in texts
    assert "Moscow" in [p.text for p in find_places(doc, gazetteer=gazetteer, include_actors=True)]


@pytest.mark.slow
def test_a_generic_word_of_a_name_places_it_nowhere(nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    """ "Zarqun village": the village is not a town called "Village" (in the United States)."""
    doc = nlp(
        "The United States urged calm. Police dispersed a rally in Zarqun village outside of "
        "Manama on Friday."
    )
    places = {p.text: p.country for p in find_places(doc, gazetteer=gazetteer)}
    assert places.get("Zarqun village") in (None, "BHR"), places
    assert gazetteer.inner_candidates("Zarqun village") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Flooding closed roads across Georgia after heavy rain in Atlanta and Savannah.", "USA"),
        ("Russian troops moved deeper into Georgia, near Tbilisi and South Ossetia.", "GEO"),
    ],
)
def test_georgia_follows_the_document(nlp, gazetteer: Gazetteer, text: str, country: str) -> None:  # type: ignore[no-untyped-def]
    places = {p.text: p.country for p in find_places(nlp(text), gazetteer=gazetteer)}
    assert places["Georgia"] == country


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # alone, each name is its bigger namesake; together they agree on Tennessee
        ("Camden.", ["Camden"], [(21, "USA")]),
        ("Henry County.", ["Henry County"], [(19, "USA")]),
        ("Camden and Henry County.", ["Camden", "Henry County"], [(22, "USA"), (20, "USA")]),
        (
            "Camden, Puryear and Henry County.",
            ["Camden", "Puryear", "Henry County"],
            [(22, "USA"), (23, "USA"), (20, "USA")],
        ),
    ],
)
def test_names_found_in_one_region_choose_its_namesakes(
    tiny_gazetteer: Gazetteer, text: str, names: list[str], expected: list[tuple[int, str]]
) -> None:
    assert _resolve(text, names, tiny_gazetteer) == expected


def test_an_area_does_not_vote_for_its_nominal_country(tiny_gazetteer: Gazetteer) -> None:
    # the Atlantic's country is only the one nearest its point: it must not pull Santa
    # Maria to Cape Verde
    text = "Santa Maria and the Atlantic Ocean."
    assert _resolve(text, ["Santa Maria", "Atlantic Ocean"], tiny_gazetteer)[0] == (26, "USA")
