"""A small store for the web tests, built from records (no spaCy model needed).

Offsets are computed from the texts, so source, target and trigger land where a real coder
would put them: counted from the start of the article, sentences not starting at 0.
A module with a unique name (not conftest) so other test folders' helpers cannot shadow it.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kittiwake.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Mention,
    Place,
    Rejected,
    Sentence,
    Span,
)
from kittiwake.store import Store
from kittiwake.store.clusters import rebuild_clusters

KHARKIV = Place(name="Kharkiv", country="UKR", lat=49.98, lon=36.25, feature="PPLA")


@dataclass(frozen=True)
class EventSpec:
    """An event of one sentence, its parts named by the words the sentence uses."""

    source: tuple[str, str] | None  # (words, actor code)
    target: tuple[str, str] | None
    trigger: str
    cameo: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    date: dt.date | None = None
    place: Place | None = None
    negated: bool = False


def _mention(doc_id: str, index: int, sentence: Sentence, words: str, code: str) -> Mention:
    start = sentence.start + sentence.text.index(words)
    actor = Actor(
        code=code,
        country=code[:3],
        sector=code[3:6] or None,
        entry_id=f"entry-{code.lower()}",
        name=words.title(),
        reason=f"dictionary entry for {words!r}",
        kind="organisation",
    )
    return Mention(doc_id, index, start, start + len(words), words, actor, 0, 0, 1)


def _event(doc_id: str, index: int, sentence: Sentence, number: int, spec: EventSpec) -> Event:
    source = _mention(doc_id, index, sentence, *spec.source) if spec.source else None
    target = _mention(doc_id, index, sentence, *spec.target) if spec.target else None
    trigger_start = sentence.start + sentence.text.index(spec.trigger)
    return Event(
        event_id=f"{doc_id}-e{number}",
        mention_id=f"{doc_id}-m{number}",
        doc_id=doc_id,
        sentence=index,
        text=sentence.text,
        source=source,
        target=target,
        trigger=Span(trigger_start, trigger_start + len(spec.trigger), spec.trigger),
        cameo=spec.cameo,
        cameo_root=spec.cameo[:2],
        goldstein=spec.goldstein,
        quad_class=spec.quad_class,
        plover_type=spec.plover_type,
        plover_mode=None,
        date=EventDate(spec.date, raw="on Monday", precision="day") if spec.date else None,
        place=spec.place,
        negated=spec.negated,
        rule=f"rule-{spec.cameo}",
        sentence_start=sentence.start,
    )


def coded_article(
    doc_id: str,
    sentences: list[tuple[str, list[EventSpec]]],
    *,
    published: dt.date,
    source: str = "Example Wire",
    boilerplate: str = "",
) -> CodedArticle:
    """An article of the given sentences (after optional boilerplate) and their events."""
    text = boilerplate
    parsed: list[Sentence] = []
    for index, (words, _) in enumerate(sentences):
        text += " " if text else ""
        parsed.append(Sentence(doc_id, index, len(text), len(text) + len(words), words))
        text += words
    events = tuple(
        _event(doc_id, sentence.index, sentence, number, spec)
        for number, (sentence, (_, specs)) in enumerate(zip(parsed, sentences, strict=True))
        for spec in specs
    )
    mentions = tuple(part for event in events for part in (event.source, event.target) if part)
    excluded = (Span(0, len(boilerplate), boilerplate, "boilerplate"),) if boilerplate else ()
    article = Article(
        doc_id=doc_id,
        text=text,
        date=published,
        title=f"News of {doc_id}",
        url=f"https://news.example/{doc_id}",
        source=source,
        origin=f"tests:{doc_id}",
        excluded=excluded,
    )
    places = tuple(event.place for event in events if event.place)
    return CodedArticle(article, tuple(parsed), mentions, events, places)


SCRIPT_SENTENCE = "Ukraine's president condemned Russia <script>alert(1)</script> in a speech."

# kyiv-1's first event; `cluster_articles` reports it twice more
SHELLING = EventSpec(
    ("Russian forces", "RUSMIL"),
    ("Ukrainian troops", "UKRMIL"),
    "shelled",
    "195",
    4,
    -10.0,
    "ASSAULT",
    dt.date(2024, 3, 4),
    KHARKIV,
)

ARTICLES = (
    coded_article(
        "kyiv-1",
        [
            (
                "Russian forces shelled Ukrainian troops near Kharkiv.",
                [SHELLING],
            ),
            (
                SCRIPT_SENTENCE,
                [
                    EventSpec(
                        ("Ukraine's president", "UKRGOV"),
                        ("Russia", "RUS"),
                        "condemned",
                        "111",
                        3,
                        -2.0,
                        "ACCUSE",
                        dt.date(2024, 3, 12),
                    )
                ],
            ),
        ],
        published=dt.date(2024, 3, 12),
        boilerplate="Subscribe <b>now</b> for more.",
    ),
    coded_article(
        "talks-2",
        [
            (
                "China agreed to hold talks with the United States.",
                [
                    EventSpec(
                        ("China", "CHN"),
                        ("the United States", "USA"),
                        "agreed",
                        "036",
                        1,
                        4.0,
                        "CONSULT",
                        dt.date(2024, 4, 9),
                    )
                ],
            ),
            (
                "Russia did not attack Poland.",
                [
                    EventSpec(
                        ("Russia", "RUS"),
                        ("Poland", "POL"),
                        "attack",
                        "190",
                        4,
                        -10.0,
                        "ASSAULT",
                        negated=True,
                    )
                ],
            ),
        ],
        published=dt.date(2024, 4, 10),
        source="Other Daily",
    ),
)


HOSTILE_URL = "javascript:fetch('/index.json').then(r=>r.text()).then(alert)"
RIGHT_TO_LEFT = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "exe.txt" would read "txt.exe"
HOSTILE_ID = "../odd/x.json"  # a path segment "..", a slash and the JSON twin's suffix


def hostile_article() -> CodedArticle:
    """An article an attacker could have fed the ingest: a script URL, a bidi override in
    title and text, and an id no plain path can carry."""
    coded = coded_article(
        HOSTILE_ID,
        [
            (
                f"Iran warned Israel {RIGHT_TO_LEFT}txt.exe over the strike.",
                [
                    EventSpec(
                        ("Iran", "IRN"), ("Israel", "ISR"), "warned", "138", 3, -7.0, "THREATEN"
                    )
                ],
            )
        ],
        published=dt.date(2024, 5, 1),
    )
    article = replace(coded.article, url=HOSTILE_URL, title=f"Report {RIGHT_TO_LEFT}fdp.exe")
    return replace(coded, article=article)


def count_articles() -> tuple[CodedArticle, ...]:
    """Codes that share a prefix (USA, USAGOV) and a mention no dictionary resolved (code "")."""
    white_house = coded_article(
        "counts-1",
        [
            (
                "The White House praised China for the deal.",
                [
                    EventSpec(
                        ("The White House", "USAGOV"),
                        ("China", "CHN"),
                        "praised",
                        "051",
                        1,
                        3.4,
                        "COOPERATE",
                        dt.date(2024, 3, 20),
                    )
                ],
            ),
            (
                "Gunmen attacked the United States embassy.",
                [
                    EventSpec(
                        ("Gunmen", ""),
                        ("the United States embassy", "USA"),
                        "attacked",
                        "190",
                        4,
                        -10.0,
                        "ASSAULT",
                        dt.date(2022, 1, 3),
                    )
                ],
            ),
        ],
        published=dt.date(2024, 3, 20),
    )
    return (white_house,)


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """`app` served by uvicorn (threads, real sockets) on a free port; yields its base URL."""
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        yield f"http://localhost:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def local_client(app: FastAPI) -> TestClient:
    """A client that calls the app by a name it answers to (the default "testserver" is not)."""
    return TestClient(app, base_url="http://localhost")


def build_store(path: Path, *, extra: Sequence[CodedArticle] = ()) -> None:
    """Two coded articles (and `extra`), a duplicate, three rejected inputs over two runs."""
    with Store.open(path) as store:
        first = store.start_run(command="ingest a", kittiwake_version="0", dictionaries="test")
        for coded in (*ARTICLES, *extra):
            store.add(coded, run_id=first)
        store.add_duplicate("kyiv-1-copy", duplicate_of="kyiv-1", source="Copy Wire", run_id=first)
        store.add_rejected(Rejected("bad.jsonl:3", "no text", '{"id": 3}'), run_id=first)
        store.finish_run(first, articles=2, events=4, rejected=1)
        second = store.start_run(command="ingest b", kittiwake_version="0", dictionaries="test")
        for line in (1, 2):
            store.add_rejected(Rejected(f"more.jsonl:{line}", "not English <i>"), run_id=second)


def shelling_report(doc_id: str, outlet: str, words: str) -> CodedArticle:
    """Another outlet's report of kyiv-1's shelling (same actors, code, day and place)."""
    return coded_article(
        doc_id, [(words, [SHELLING])], published=dt.date(2024, 3, 5), source=outlet
    )


def cluster_articles() -> tuple[CodedArticle, ...]:
    """Two more reports of kyiv-1's shelling: with it, one event cluster of three mentions in
    three articles from three sources."""
    return (
        shelling_report(
            "kyiv-2",
            "Other Daily",
            "On Monday Russian forces shelled Ukrainian troops near Kharkiv, officials said.",
        ),
        shelling_report(
            "kyiv-3", "Third Post", "Russian forces shelled Ukrainian troops in Kharkiv."
        ),
    )


def build_clustered_store(path: Path, *, extra: Sequence[CodedArticle] = ()) -> None:
    """`build_store` with `cluster_articles` (and `extra`), its events then clustered."""
    build_store(path, extra=[*cluster_articles(), *extra])
    with Store.open(path) as store:
        rebuild_clusters(store)


def shared_mention_article() -> CodedArticle:
    """One sentence coding two events ("Russia and China condemned Japan."): one mention,
    two coded events, which consolidation keeps in one cluster."""
    specs = [
        EventSpec(
            (name, code),
            ("Japan", "JPN"),
            "condemned",
            "111",
            3,
            -2.0,
            "ACCUSE",
            dt.date(2024, 6, 3),
        )
        for name, code in (("Russia", "RUS"), ("China", "CHN"))
    ]
    first = coded_article(
        "joint-1", [("Russia and China condemned Japan.", specs[:1])], published=dt.date(2024, 6, 3)
    )
    sentence = first.sentences[0]
    second = replace(_event("joint-1", 0, sentence, 0, specs[1]), event_id="joint-1-e0b")
    assert second.source is not None
    return replace(first, events=(*first.events, second), mentions=(*first.mentions, second.source))
