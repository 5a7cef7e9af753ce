"""The dashboard in a real browser: Playwright driving Debian's `chromium` (Playwright's own
browser download needs the network; `executable_path` points it at the system one).

A store built from the test articles plus a hostile one (a `javascript:` URL, a bidi
override, an id with `../`) and an event cluster of three reports is served by uvicorn, and
so is `examples/` as the real coder stores it (plus the hostile article); the tests click
through every page and form, download every format, and check that the browser
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

from kittiwake.ingest import ingest_paths
from kittiwake.store import Store
from kittiwake.web import create_app
from kittiwake.web.security import show_bidi

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
NAV_PATHS = ["/", *(f"/{name.lower()}" for name in NAV), "/?unit=mention"]
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
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Every mark in each `selector` container of the page: its role, text, and the offset of
# its first character in the container's text (a DOM Range from the container's start to
# the mark's), read in one call.
MARKS_IN = """selector => Array.from(document.querySelectorAll(selector), container =>
    Array.from(container.querySelectorAll("mark"), mark => {
        const range = document.createRange();
        range.setStart(container, 0);
        range.setEndBefore(mark);
        return [mark.className, mark.textContent, range.toString().length];
    }))"""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "events.duckdb"
    build_clustered_store(path, extra=[*count_articles(), hostile_article()])
    with serving(create_app(path)) as url:
        yield url


@pytest.fixture(scope="module")
def examples_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`examples/` ingested by the real coder (clusters included), plus the hostile article."""
    path = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    ingest_paths([EXAMPLES], db=path)
    with Store.open(path) as store:
        run = store.start_run(command="hostile", kittiwake_version="0", dictionaries="test")
        store.add(hostile_article(), run_id=run)
        store.finish_run(run, articles=1, events=1, rejected=0)
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


def _shown(text: str) -> str:
    """`text` as the page shows it (bidi controls as `[U+XXXX]`)."""
    shown = show_bidi(text)
    assert isinstance(shown, str)
    return shown


def _js_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2  # JavaScript counts UTF-16 code units


def expected_marks(event: dict[str, Any]) -> list[list[Any]]:
    """The marks an event's sentence should show: role, the characters its offsets name,
    and where they start in the sentence (stored offsets count from the article's start);
    a part outside the sentence is not marked in it."""
    base = event["sentence_start"]
    text = event["text"]
    marks = []
    for role in ("source", "target", "trigger"):
        part = event[role]
        if part and part.get("start") is not None:
            start, end = part["start"] - base, part["end"] - base
            if not 0 <= start < end <= len(text):
                continue  # in another sentence (an antecedent): nothing to mark here
            marks.append([role, _shown(text[start:end]), _js_length(_shown(text[:start]))])
    return sorted(marks, key=lambda mark: (mark[2], -len(mark[1])))


def check_highlights(page: Any, selector: str, events: list[dict[str, Any]]) -> int:
    """The marks in the page's `selector` containers (one per event, in order) are exactly
    each event's expected marks; the number of marks checked."""
    shown = page.evaluate(MARKS_IN, selector)
    assert len(shown) == len(events)
    for marks, event in zip(shown, events, strict=True):
        assert sorted(marks, key=lambda mark: (mark[2], -len(mark[1]))) == expected_marks(event), (
            event["event_id"]
        )
    return sum(len(marks) for marks in shown)


def test_highlights_sit_on_their_characters_in_the_event_list(base: str, watched: Watched) -> None:
    query = "unit=mention&include_negated=true&limit=100"
    events = _twin(base, f"/events.json?{query}")["events"]
    watched.page.goto(f"{base}/events?{query}")
    assert len(events) > 5
    checked = check_highlights(watched.page, "table.events td.sentence", events)
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
        assert report["article"]["source"] in sections.nth(index).locator("h2").inner_text()
    events = [report["event"] for report in reports]
    assert check_highlights(page, "section.report p.sentence", events) == 9
    watched.shot("cluster from events")
    sections.nth(1).get_by_role("link", name=re.compile("^Event ")).click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/events/")
    assert page.get_by_role("link", name="3 mentions in 3 articles from 3 sources").count() == 1


def test_event_page_highlights_an_escaped_sentence(base: str, watched: Watched) -> None:
    event = _twin(base, "/events/kyiv-1-e1.json")["event"]
    assert "<script>" in event["text"]
    watched.page.goto(base + "/events/kyiv-1-e1")
    assert check_highlights(watched.page, "p.sentence", [event]) == 3
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


def test_every_view_of_the_examples_store(examples_base: str, watched: Watched) -> None:
    """The examples as the coder stored them: every page, every event's highlights in the
    list, and every cluster of more than one report with each report's highlights."""
    page = watched.page
    for path in NAV_PATHS:
        response = page.goto(examples_base + path)
        assert response is not None and response.status == 200, path
        watched.shot(f"examples {path}")
    query = "unit=mention&include_negated=true&limit=500"
    events = _twin(examples_base, f"/events.json?{query}")["events"]
    assert len(events) > 100
    page.goto(f"{examples_base}/events?{query}")
    assert check_highlights(page, "table.events td.sentence", events) > 2 * len(events)
    shared = sorted({e["cluster"]["id"] for e in events if e["cluster"]["mentions"] > 1})
    assert shared, "the examples report some event twice"
    for cluster_id in shared:
        reports = _twin(examples_base, "/cluster.json", id=cluster_id)["reports"]
        page.goto(f"{examples_base}/cluster?{httpx.QueryParams(id=cluster_id)}")
        check_highlights(page, "section.report p.sentence", [r["event"] for r in reports])
    watched.shot("examples cluster")


def test_the_watch_sees_dialogs_console_messages_and_errors(browser: Any, artifacts: Path) -> None:
    """What the `watched` fixture fails on is recorded (a page of our own, not the app's)."""
    context = browser.new_context()
    seen = Watched(context.new_page(), artifacts)
    seen.page.set_content("<script>console.error('logged'); alert('opened'); nothing()</script>")
    context.close()
    assert seen.dialogs == ["alert: opened"]
    assert seen.logged[0] == "error: logged"
    assert "nothing is not defined" in seen.logged[1]
