"""Coded articles built directly from records (no spaCy needed), for the store tests.

A module with a unique name (not conftest) so `from store_factories import ...` cannot pick up
another test folder's conftest.
"""

from __future__ import annotations

import datetime as dt

from kittiwake.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Mention,
    Place,
    Sentence,
    Span,
)

GROUP_PREFIXES = ("IGO", "NGO")  # international actors have no country
QUAD_OF_ROOT = {"01": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "13": 3, "18": 4, "19": 4}


def make_mention(
    doc_id: str, text: str, code: str, *, start: int = 0, country: str | None = None
) -> Mention:
    actor = Actor(code=code, country=country, sector=code[3:6] or None, name=text.title())
    return Mention(
        doc_id=doc_id,
        sentence=0,
        start=start,
        end=start + len(text),
        text=text,
        actor=actor,
        head=0,
        token_start=0,
        token_end=1,
    )


def _country(code: str) -> str | None:
    return None if code[:3] in GROUP_PREFIXES else code[:3]


def make_event(
    doc_id: str,
    number: int,
    *,
    source: str | None = "RUSGOV",
    target: str | None = "UKRMIL",
    cameo: str = "190",
    goldstein: float = -10.0,
    date: dt.date | None = dt.date(2024, 3, 4),
    text: str = "Russian officials attacked Ukrainian troops near Kharkiv.",
    negated: bool = False,
    place_country: str | None = "UKR",
    plover_type: str = "ASSAULT",
    sentence: int = 0,
) -> Event:
    source_mention = (
        make_mention(doc_id, "russian officials", source, country=_country(source))
        if source
        else None
    )
    target_mention = (
        make_mention(doc_id, "ukrainian troops", target, start=27, country=_country(target))
        if target
        else None
    )
    place = (
        Place(
            name="Kharkiv",
            country=place_country,
            lat=49.98,
            lon=36.25,
            geonameid=706483,
            feature="PPLA",
        )
        if place_country
        else None
    )
    return Event(
        event_id=f"{doc_id}-e{number}",
        mention_id=f"{doc_id}-m{number}",
        doc_id=doc_id,
        sentence=sentence,
        text=text,
        source=source_mention,
        target=target_mention,
        trigger=Span(start=18, end=26, text="attacked"),
        cameo=cameo,
        cameo_root=cameo[:2],
        goldstein=goldstein,
        quad_class=QUAD_OF_ROOT.get(cameo[:2], 4),
        plover_type=plover_type,
        plover_mode=None,
        plover_context=("military",),
        date=EventDate(value=date, raw="on Monday", precision="day") if date else None,
        place=place,
        negated=negated,
        rule="test-rule",
    )


def make_coded(
    doc_id: str,
    events: tuple[Event, ...] = (),
    *,
    published: dt.date | None = dt.date(2024, 3, 5),
    source: str | None = "Example Wire",
) -> CodedArticle:
    text = "Russian officials attacked Ukrainian troops near Kharkiv."
    article = Article(
        doc_id=doc_id,
        text=text,
        date=published,
        title=f"Title of {doc_id}",
        url=f"https://news.example/{doc_id}",
        source=source,
        origin=f"tests:{doc_id}",
    )
    mentions = tuple(m for event in events for m in (event.source, event.target) if m)
    places = tuple(event.place for event in events if event.place)
    return CodedArticle(
        article=article,
        sentences=(Sentence(doc_id=doc_id, index=0, start=0, end=len(text), text=text),),
        mentions=mentions,
        events=events,
        places=places,
    )
