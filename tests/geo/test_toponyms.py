from __future__ import annotations

import pytest

from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.geo.toponyms import find_places, find_toponyms, resolve_spans


def _resolve(text: str, names: list[str], gazetteer: Gazetteer) -> list[tuple[int, str] | None]:
    spans = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
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
