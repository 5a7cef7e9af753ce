"""RSS and Atom feeds through feedparser: one article per item.

An item's text is its full content when the feed carries it, else its summary. Linked
pages are fetched only when asked (`fetch_links=True`): the network is never touched by
default.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from kittiwake.read.common import (
    DEFAULT_MAX_BYTES,
    decode_html,
    doc_id_for,
    file_date,
    html_fragment_to_text,
    read_bytes,
)
from kittiwake.read.html import article_from_html
from kittiwake.records import Article, Rejected

FETCH_TIMEOUT_S = 10.0
FETCH_MAX_BYTES = 5_000_000
USER_AGENT = "kittiwake/0.1 (+news event coder)"


def fetch_page(url: str, *, timeout: float = FETCH_TIMEOUT_S) -> bytes | Rejected:
    """The body of a web page, at most FETCH_MAX_BYTES, or the reason it could not be had."""
    if not url.lower().startswith(("http://", "https://")):
        return Rejected(url, "not an http(s) link")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body: bytes = response.read(FETCH_MAX_BYTES + 1)
    except Exception as error:  # noqa: BLE001 - network errors come in many kinds
        return Rejected(url, f"fetch failed: {error}")
    if len(body) > FETCH_MAX_BYTES:
        return Rejected(url, f"too large: more than {FETCH_MAX_BYTES} bytes")
    return body


def entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def entry_text(entry: Any) -> str:
    """The longest of the item's content blocks and summary, as plain text."""
    candidates = [block.get("value", "") for block in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    texts = [html_fragment_to_text(candidate) for candidate in candidates if candidate]
    return max(texts, key=len, default="")


def article_from_entry(
    entry: Any, *, origin: str, fallback_date: dt.date | None, source: str | None
) -> Article | Rejected:
    text = entry_text(entry)
    if not text:
        return Rejected(origin, "feed item has no content or summary")
    return Article(
        doc_id=doc_id_for(text),
        text=text,
        date=entry_date(entry) or fallback_date,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        source=source,
        origin=origin,
    )


def article_from_link(
    entry: Any, *, origin: str, fallback_date: dt.date | None
) -> Article | Rejected:
    """The linked page of an item, read as HTML; the item's date wins over the page's."""
    link = entry.get("link") or ""
    body = fetch_page(link)
    if isinstance(body, Rejected):
        return Rejected(origin, f"{link}: {body.reason}")
    html = decode_html(body, origin=link)
    if isinstance(html, Rejected):
        return Rejected(origin, f"{link}: {html.reason}")
    article = article_from_html(html, origin=origin, url=link, fallback_date=fallback_date)
    if isinstance(article, Rejected):
        return article
    return Article(
        doc_id=article.doc_id,
        text=article.text,
        date=entry_date(entry) or article.date,
        title=entry.get("title") or article.title,
        url=link,
        source=article.source,
        origin=origin,
    )


def iter_feed_bytes(
    data: bytes,
    *,
    origin: str,
    fallback_date: dt.date | None = None,
    fetch_links: bool = False,
) -> Iterator[Article | Rejected]:
    """Articles from feed bytes; origin of item i is `origin#i` (from 1).

    With `fetch_links`, an item whose page cannot be fetched or read yields a Rejected
    naming the link, followed by the article made from the item's own summary if any.
    """
    try:
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: never a URL or path to open
    except Exception as error:  # noqa: BLE001 - feedparser's sanitiser can raise on odd input
        yield Rejected(origin, f"malformed feed: {error}")
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = f"malformed feed: {problem}" if problem else "feed has no items"
        yield Rejected(origin, reason)
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#{number}"
        if fetch_links and entry.get("link"):
            fetched = article_from_link(entry, origin=where, fallback_date=fallback_date)
            yield fetched
            if isinstance(fetched, Article):
                continue
        yield article_from_entry(entry, origin=where, fallback_date=fallback_date, source=source)


def read_feed_file(
    path: Path,
    *,
    default_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetch_links: bool = False,
) -> Iterator[Article | Rejected]:
    data = read_bytes(path, max_bytes=max_bytes)
    if isinstance(data, Rejected):
        yield data
        return
    if not data.strip():
        yield Rejected(str(path), "empty")
        return
    fallback = default_date or file_date(path)
    yield from iter_feed_bytes(
        data, origin=str(path), fallback_date=fallback, fetch_links=fetch_links
    )
