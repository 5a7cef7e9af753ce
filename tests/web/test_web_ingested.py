"""End to end: a store written by a real ingest, its events highlighted where the coder
found source, target and trigger."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_factories import local_client
from web_marks import marked_texts

from kittiwake.ingest import ingest_paths
from kittiwake.web import create_app

pytestmark = pytest.mark.slow

TEXTS = {
    "strike.txt": (
        "Markets were calm.\n\nRussian troops shelled the Ukrainian city of Kharkiv on Monday. "
        "Ukraine condemned Russia for the attack."
    ),
    "talks.txt": "The leaders met in Geneva.\n\nChina accused Japan of provocations on Tuesday.",
}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("ingested")
    inputs = folder / "inputs"
    inputs.mkdir()
    for name, text in TEXTS.items():
        (inputs / name).write_text(text, encoding="utf-8")
    db = folder / "events.duckdb"
    ingest_paths([inputs], db=db, default_date=dt.date(2024, 5, 6))
    return local_client(create_app(Path(db)))


def test_marks_are_the_coded_words(ingested: TestClient) -> None:
    events = ingested.get("/events.json", params={"include_negated": "true"}).json()["events"]
    assert len(events) >= 2
    for event in events:
        page = ingested.get(f"/events/{event['event_id']}").text
        sentence = page.split('<p class="sentence big">', 1)[1].split("</p>", 1)[0]
        marked = dict(marked_texts(sentence))
        assert marked["trigger"] == event["trigger"]["text"]
        for role in ("source", "target"):
            if event[role]:
                assert marked[role] == event[role]["text"]


def test_article_page_lists_its_events(ingested: TestClient) -> None:
    events = ingested.get("/events.json").json()["events"]
    doc_id = events[0]["doc_id"]
    article = ingested.get(f"/articles/{doc_id}.json").json()
    assert events[0]["event_id"] in {event["event_id"] for event in article["events"]}
