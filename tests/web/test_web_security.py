"""What a hostile article or a hostile web page must not be able to do through the dashboard:
run script from a stored URL, read the API through DNS rebinding, reorder text with bidi
controls; and the headers and status codes that back that up."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_factories import (
    HOSTILE_ID,
    HOSTILE_URL,
    RIGHT_TO_LEFT,
    build_store,
    hostile_article,
    local_client,
)

from kittiwake.web import create_app
from kittiwake.web.security import allowed_hosts, web_url

HOSTILE_EVENT = f"{HOSTILE_ID}-e0"
PAGES = ["/", "/events", "/events/kyiv-1-e0", "/articles/kyiv-1", "/dyads", "/actors"]
PAGES += [
    "/rejected",
    "/runs",
    "/map",
    "/network",
    "/index.json",
    "/events.json",
    "/static/style.css",
    "/events.csv",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("hostile") / "hostile.duckdb"
    build_store(path, extra=[hostile_article()])
    return local_client(create_app(path))


def _hrefs(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("http://news.example/", "http://news.example/"),
        ("  HTTPS://news.example/x", "HTTPS://news.example/x"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//evil.example/x", None),
        ("/events", None),
        ("https:", None),
        ("http://[broken", None),
        (None, None),
    ],
)
def test_only_http_addresses_are_linkable(url: str | None, linked: str | None) -> None:
    assert web_url(url) == linked


@pytest.mark.parametrize("page", [f"/article?id={HOSTILE_ID}", "/events/..%2Fodd%2Fx.json-e0"])
def test_a_script_url_is_shown_not_linked(hostile: TestClient, page: str) -> None:
    response = hostile.get(page)
    assert response.status_code == 200
    assert not [href for href in _hrefs(response.text) if "script" in href.lower()]
    assert '<span class="unlinked"' in response.text
    assert "javascript:fetch(" in response.text  # still shown, as text


def test_a_web_url_is_still_a_link(hostile: TestClient) -> None:
    page = hostile.get("/articles/kyiv-1").text
    assert 'href="https://news.example/kyiv-1" rel="noreferrer noopener"' in page


@pytest.mark.parametrize("page", [f"/article?id={HOSTILE_ID}", "/events"])
def test_bidi_controls_are_shown_as_code_points(hostile: TestClient, page: str) -> None:
    text = hostile.get(page).text
    assert RIGHT_TO_LEFT not in text
    assert "[U+202E]txt.exe" in text


def test_json_twins_keep_the_stored_text(hostile: TestClient) -> None:
    article = hostile.get("/article.json", params={"id": HOSTILE_ID}).json()["article"]
    assert article["title"] == f"Report {RIGHT_TO_LEFT}fdp.exe"
    assert article["url"] == HOSTILE_URL


def test_links_reach_records_whatever_their_id(hostile: TestClient) -> None:
    events = hostile.get("/events").text
    (event_link,) = [href for href in _hrefs(events) if "odd" in href]
    assert event_link == "/events/..%2Fodd%2Fx.json-e0"  # "/" escaped: no "../" segment
    event_page = hostile.get(event_link)
    assert event_page.status_code == 200
    assert 'href="/events/..%2Fodd%2Fx.json-e0.json"' in event_page.text  # its JSON twin
    (article_link,) = [href for href in _hrefs(event_page.text) if href.startswith("/article")]
    assert article_link == "/article?id=..%2Fodd%2Fx.json"  # a path would be the twin
    article_page = hostile.get(article_link.replace("&amp;", "&"))
    assert article_page.status_code == 200
    assert 'href="/article.json?id=..%2Fodd%2Fx.json"' in article_page.text
    twin = hostile.get("/events/..%2Fodd%2Fx.json-e0.json").json()
    assert twin["event"]["event_id"] == HOSTILE_EVENT


@pytest.mark.parametrize("page", PAGES + ["/events/no-such-event", "/events.json?limit=0"])
def test_every_response_carries_the_security_headers(client: TestClient, page: str) -> None:
    headers = client.get(page).headers
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "script-src 'self'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("page", PAGES[:10])
def test_pages_hold_no_inline_script_or_style(client: TestClient, page: str) -> None:
    text = client.get(page).text
    assert "<script" not in text
    assert not re.search(r"\son[a-z]+=", text)  # no event-handler attributes
    assert "style=" not in text


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("localhost", 200),
        ("localhost:8080", 200),
        ("127.0.0.1:8080", 200),
        ("[::1]:8080", 200),
        ("LOCALHOST.", 200),
        ("rebind.attacker.example", 400),  # a name the attacker points at 127.0.0.1
        ("rebind.attacker.example:8080", 400),
        ("localhost.attacker.example", 400),
        ("", 400),
    ],
)
def test_only_the_served_host_names_are_answered(
    client: TestClient, host: str, status: int
) -> None:
    response = client.get("/index.json", headers={"host": host})
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("bind", "extra", "allowed", "refused"),
    [
        ("127.0.0.1", (), {"127.0.0.1", "localhost", "::1"}, {"dash.example"}),
        ("dash.example", (), {"dash.example", "localhost"}, {"other.example"}),
        ("127.0.0.1", ("Proxy.Example:443",), {"proxy.example"}, {"other.example"}),
        ("0.0.0.0", (), {"localhost"}, {"rebind.attacker.example"}),
    ],
)
def test_allowed_hosts_follow_the_bind_address(
    bind: str, extra: tuple[str, ...], allowed: set[str], refused: set[str]
) -> None:
    hosts = allowed_hosts(bind=bind, extra=extra)
    assert allowed <= hosts
    assert not refused & hosts


@pytest.mark.parametrize("page", PAGES)
def test_head_answers_like_get_without_a_body(client: TestClient, page: str) -> None:
    got = client.get(page)
    head = client.head(page)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


@pytest.mark.parametrize(
    "page",
    [
        "/events.json?offset=9223372036854775808",
        "/events?offset=99999999999999999999999",
        "/rejected.json?offset=9223372036854775808",
        "/event.json?id=",
        "/event.json",
    ],
)
def test_out_of_range_parameters_are_4xx(client: TestClient, page: str) -> None:
    assert client.get(page).status_code == 422


def test_past_the_last_page_says_so(client: TestClient) -> None:
    response = client.get("/events", params={"offset": 1000, "limit": 2})
    assert response.status_code == 200
    assert "1001–1000" not in response.text
    assert "Nothing from 1001 on: there are 3 events." in response.text
    assert 'rel="prev" href="/events?limit=2&amp;offset=2"' in response.text


@pytest.mark.parametrize(
    ("page", "expected"),
    [("/event?id=kyiv-1-e0", "kyiv-1-e0"), ("/events/kyiv-1-e0", "kyiv-1-e0")],
)
def test_an_event_opens_by_path_and_by_query(client: TestClient, page: str, expected: str) -> None:
    assert f"<code>{expected}</code>" in client.get(page).text
