"""Every page in a real browser (Debian's headless `chromium`, when installed): the page
renders, the browser logs nothing to its console (a Content-Security-Policy violation, a
script error, a blocked load would be logged), and the hostile article's script URL is no
link in the rendered DOM."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_factories import (
    HOSTILE_URL,
    build_clustered_store,
    count_articles,
    hostile_article,
    serving,
)

from kittiwake.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"
    ),
]
PAGES = [
    "/",
    "/events?include_negated=true",
    "/events?unit=mention&sort=reports",
    "/cluster?id=Ckyiv-1-e0",
    "/cluster?id=C..%2Fodd%2Fx.json-e0",
    "/events/kyiv-1-e1",
    "/article?id=..%2Fodd%2Fx.json",
    "/events/..%2Fodd%2Fx.json-e0",
    "/map",
    "/network",
    "/dyads?source=RUS&target=UKR&period=week",
    "/actors?side=either&q=united",
    "/rejected",
    "/runs",
]
CONSOLE = re.compile(r":CONSOLE[:(]")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "events.duckdb"
    build_clustered_store(path, extra=[*count_articles(), hostile_article()])
    with serving(create_app(path)) as url:
        yield url


def _render(url: str, profile: Path) -> tuple[str, str]:
    """The DOM chromium renders for `url`, and what it logged."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout, done.stderr


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_console_messages(base: str, page: str, tmp_path: Path) -> None:
    dom, log = _render(base + page, tmp_path)
    assert "</main>" in dom
    assert [line for line in log.splitlines() if CONSOLE.search(line)] == []
    assert 'href="javascript' not in dom.lower()


def test_the_script_url_is_text_in_the_browser(base: str, tmp_path: Path) -> None:
    dom, _ = _render(base + "/article?id=..%2Fodd%2Fx.json", tmp_path)
    shown = HOSTILE_URL.replace("&", "&amp;").replace(">", "&gt;")
    assert f'title="not an http(s) address, so not a link">{shown}</span>' in dom
