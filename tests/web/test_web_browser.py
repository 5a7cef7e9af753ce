"""The dashboard in a real browser: Playwright driving Debian's `chromium` (Playwright's own
browser download needs the network; `executable_path` points it at the system one).

A store built from the test articles plus a hostile one (a `javascript:` URL, a bidi
override, an id with `../`) and an event cluster of three reports is served by uvicorn; the
tests click through every page and form, download every format, and check that the browser
logged nothing (a Content-Security-Policy violation, a script error or a blocked load would
be logged), that no dialog opened (a script run by a hostile link would open one), and that
each evidence highlight covers exactly the characters its offsets name. Every page visited
is kept as a screenshot in `browser-artifacts/` under pytest's temporary folder (or in
$KITTIWAKE_BROWSER_ARTIFACTS). Skipped without chromium or without playwright (`.[dev]`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyarrow.parquet as pq
import pytest
from web_factories import (
    HOSTILE_URL,
    build_clustered_store,
    count_articles,
    hostile_article,
    serving,
)

from kittiwake.web import create_app

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs playwright (pip install -e '.[dev]')"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"
    ),
]
NAV = ["Events", "Map", "Dyads", "Network", "Actors", "Rejected", "Runs"]
PAGES = [
    "/",
    "/?unit=mention",
    "/events?include_negated=true",
    "/events?unit=mention&sort=reports",
    "/events/kyiv-1-e1",
    "/cluster?id=Ckyiv-1-e0",
    "/cluster?id=C..%2Fodd%2Fx.json-e0",
    "/article?id=..%2Fodd%2Fx.json",
    "/events/..%2Fodd%2Fx.json-e0",
    "/articles/kyiv-1",
    "/map",
    "/network",
    "/dyads?source=RUS&target=UKR&period=week",
    "/actors?side=either&q=united",
    "/rejected",
    "/runs",
]
SHELLING = "Ckyiv-1-e0"
# The offset of an element's first character in the text of `container` (a DOM Range from
# the container's start to the element's start, measured as text).
OFFSET_IN = """(mark, container) => {
    const range = document.createRange();
    range.setStart(container, 0);
    range.setEndBefore(mark);
    return range.toString().length;
}"""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "events.duckdb"
    build_clustered_store(path, extra=[*count_articles(), hostile_article()])
    with serving(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("KITTIWAKE_BROWSER_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.getbasetemp() / "browser-artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


class Watched:
    """A browser page whose console messages, page errors and dialogs are recorded."""

    def __init__(self, page: Any, artifacts: Path) -> None:
        self.page = page
        self.artifacts = artifacts
        self.logged: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda message: self.logged.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.logged.append(f"page error: {error}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def shot(self, name: str) -> None:
        slug = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "overview"
        self.page.screenshot(path=self.artifacts / f"{slug}.png", full_page=True)


@pytest.fixture
def watched(browser: Any, artifacts: Path) -> Iterator[Watched]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    seen = Watched(context.new_page(), artifacts)
    yield seen
    context.close()
    assert seen.logged == []
    assert seen.dialogs == []


def _twin(base: str, path: str, **params: Any) -> Any:
    response = httpx.get(base + path, params=params or None)
    response.raise_for_status()
    return response.json()


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_cleanly(base: str, watched: Watched, path: str) -> None:
    response = watched.page.goto(base + path)
    assert response is not None and response.status == 200
    assert watched.page.locator("main h1").count() == 1
    assert watched.page.locator("a[href^='javascript' i]").count() == 0
    watched.shot(path)


def test_every_page_opens_from_the_menu(base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base + "/")
    for name in NAV:
        page.locator("nav").get_by_role("link", name=name, exact=True).click()
        page.wait_for_load_state()
        assert page.url.startswith(f"{base}/{name.lower()}"), page.url
        assert page.locator("main h1").count() == 1
        watched.shot(f"menu {name}")
        page.locator("nav a.brand").click()
        page.wait_for_load_state()
        assert page.url == base + "/"


def test_filter_form_switches_between_events_and_mentions(base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base + "/events")
    clusters = _twin(base, "/events.json", actor="RUSMIL")["total"]
    mentions = _twin(base, "/events.json", actor="RUSMIL", unit="mention")["total"]
    assert clusters < mentions
    page.fill("input[name=actor]", "RUSMIL")
    page.select_option("select[name=unit]", "mention")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert "unit=mention" in page.url and "actor=RUSMIL" in page.url
    assert f"of {mentions} mentions" in page.locator("p.paging").inner_text()
    watched.shot("events RUSMIL mentions")
    page.select_option("select[name=unit]", "cluster")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert f"of {clusters} events" in page.locator("p.paging").inner_text()
    assert page.input_value("input[name=actor]") == "RUSMIL"


def _check_highlights(watched: Watched, row: Any, container: str, event: dict[str, Any]) -> int:
    """Each mark in `row`'s `container` starts at its role's offset in the event's sentence
    and holds exactly the characters the offsets name; the number of marks checked."""
    sentence = row.locator(container)
    base = event["sentence_start"]
    checked = 0
    for role in ("source", "target", "trigger"):
        part = event[role]
        if not part or part.get("start") is None:
            continue
        mark = sentence.locator(f"mark.{role}")
        assert mark.count() == 1, (event["event_id"], role)
        words = event["text"][part["start"] - base : part["end"] - base]
        assert mark.inner_text() == words
        offset = mark.evaluate(OFFSET_IN, sentence.element_handle())
        assert offset == part["start"] - base, (event["event_id"], role)
        checked += 1
    return checked


def test_highlights_sit_on_their_characters_in_the_event_list(base: str, watched: Watched) -> None:
    query = "unit=mention&include_negated=true&limit=100"
    events = _twin(base, f"/events.json?{query}")["events"]
    watched.page.goto(f"{base}/events?{query}")
    rows = watched.page.locator("table.events tbody tr")
    assert rows.count() == len(events) > 5
    checked = sum(
        _check_highlights(watched, rows.nth(index), "td.sentence", event)
        for index, event in enumerate(events)
    )
    assert checked >= 3 * len(events) - 2  # every event has a trigger; nearly all two actors


def test_a_cluster_opens_from_its_event_with_every_report_highlighted(
    base: str, watched: Watched
) -> None:
    page = watched.page
    page.goto(base + "/events")
    page.locator(f"a.cluster[href='/cluster?id={SHELLING}']").click()
    page.wait_for_load_state()
    assert page.url == f"{base}/cluster?id={SHELLING}"
    reports = _twin(base, "/cluster.json", id=SHELLING)["reports"]
    sections = page.locator("section.report")
    assert sections.count() == len(reports) == 3
    for index, report in enumerate(reports):
        section = sections.nth(index)
        assert report["article"]["source"] in section.locator("h2").inner_text()
        assert _check_highlights(watched, section, "p.sentence", report["event"]) == 3
    watched.shot("cluster from events")
    sections.nth(1).get_by_role("link", name=re.compile("^Event ")).click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/events/")
    assert page.get_by_role("link", name="3 mentions in 3 articles from 3 sources").count() == 1


def test_event_page_highlights_an_escaped_sentence(base: str, watched: Watched) -> None:
    event = _twin(base, "/events/kyiv-1-e1.json")["event"]
    assert "<script>" in event["text"]
    watched.page.goto(base + "/events/kyiv-1-e1")
    assert _check_highlights(watched, watched.page.locator("main"), "p.sentence", event) == 3
    assert "<script>alert(1)</script>" in watched.page.locator("p.sentence").inner_text()


def test_hostile_links_stay_text_and_run_nothing(base: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base + "/article?id=..%2Fodd%2Fx.json")
    shown = page.locator("span.unlinked")
    assert shown.first.inner_text() == HOSTILE_URL
    shown.first.click()  # text: nothing to follow, nothing runs (no dialog, see `watched`)
    assert "[U+202E]" in page.locator("main h1").inner_text()
    page.goto(base + "/cluster?id=C..%2Fodd%2Fx.json-e0")
    page.locator("span.unlinked").first.click()
    assert page.url == f"{base}/cluster?id=C..%2Fodd%2Fx.json-e0"
    watched.shot("hostile cluster")


def _download(watched: Watched, name: str, *, prefix: str) -> Path:
    with watched.page.expect_download() as started:
        watched.page.get_by_role("link", name=name, exact=True).click()
    download = started.value
    target = watched.artifacts / f"{prefix}-{download.suggested_filename}"
    download.save_as(target)
    return target


@pytest.mark.parametrize("unit", ["cluster", "mention"])
def test_downloads_hold_exactly_the_listed_events(base: str, watched: Watched, unit: str) -> None:
    query = f"actor=RUS&unit={unit}"
    listed = _twin(base, f"/events.json?{query}&limit=500")
    ids = sorted(event["event_id"] for event in listed["events"])
    assert len(ids) == listed["total"] > 0
    watched.page.goto(f"{base}/events?{query}")
    rows = list(
        csv.DictReader(io.StringIO(_download(watched, "CSV", prefix=unit).read_text("utf-8")))
    )
    assert sorted(row["event_id"] for row in rows) == ids
    table = pq.read_table(_download(watched, "Parquet", prefix=unit))
    assert sorted(table.column("event_id").to_pylist()) == ids
    features = json.loads(_download(watched, "GeoJSON", prefix=unit).read_text("utf-8"))["features"]
    placed = sorted(e["event_id"] for e in listed["events"] if e["place"] and e["place"]["lat"])
    assert sorted(f["properties"]["event_id"] for f in features) == placed
