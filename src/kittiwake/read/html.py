"""HTML pages: article body and metadata through trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import trafilatura

from kittiwake.read.common import (
    DEFAULT_MAX_BYTES,
    decode_html,
    doc_id_for,
    file_date,
    parse_date,
    read_bytes,
)
from kittiwake.records import Article, Rejected

# Pages whose extracted body is shorter than this are navigation or error pages, not articles.
MIN_ARTICLE_CHARS = 100


# libxml2 stops parsing 256 elements deep (more needs its "huge" mode, which trafilatura
# does not ask for): everything further in is lost. Layout wrappers hold no text of their
# own, so on a page nested this deep they are dropped and the page is read again.
MAX_DEPTH = 200
WRAPPER_TAG = re.compile(r"</?(?:div|span|section|font|center|table|tbody|tr|td)\b[^>]*>", re.I)


def extract_html(html: str, *, url: str | None = None) -> dict[str, Any] | None:
    """The article of a page (`extract_page`), also when it is nested too deep for libxml2."""
    fields = extract_page(html, url=url)
    if fields is None and nesting_depth(html) > MAX_DEPTH:
        fields = extract_page(WRAPPER_TAG.sub(" ", html), url=url)
    return fields


def nesting_depth(html: str) -> int:
    """A cheap upper bound on element depth: opening tags seen before as many closing tags."""
    depth = deepest = 0
    for match in re.finditer(r"<(/?)[a-zA-Z][^>]*?(/?)>", html):
        if match.group(1):
            depth = max(0, depth - 1)
        elif not match.group(2):
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def extract_page(html: str, *, url: str | None = None) -> dict[str, Any] | None:
    """trafilatura's body text and metadata for one page, None when there is no article.

    Settings were chosen on the extraction benchmark (benchmarks/extraction.py):
    `favor_precision` with comments dropped scored best (token F1 0.965 vs 0.959 for
    the defaults and 0.959 for `favor_recall`).
    """
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura/lxml raise many kinds on odd markup
        return None
    if document is None:
        return None
    fields = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = (fields.get("text") or "").strip()
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    fields["text"] = text
    return fields


def article_from_html(
    html: str,
    *,
    origin: str,
    url: str | None = None,
    fallback_date: dt.date | None = None,
) -> Article | Rejected:
    """An Article from an HTML page; the page's own date wins over `fallback_date`."""
    fields = extract_html(html, url=url)
    if fields is None:
        return Rejected(origin, "no article text found in HTML")
    text = fields["text"]
    return Article(
        doc_id=doc_id_for(text),
        text=text,
        date=parse_date(fields.get("date")) or fallback_date,
        title=fields.get("title") or None,
        url=fields.get("url") or url,
        source=fields.get("sitename") or fields.get("hostname") or None,
        origin=origin,
    )


def read_html_file(
    path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected]:
    """One article from an HTML file (optionally gzipped)."""
    data = read_bytes(path, max_bytes=max_bytes)
    if isinstance(data, Rejected):
        yield data
        return
    html = decode_html(data, origin=str(path))
    if isinstance(html, Rejected):
        yield html
        return
    yield article_from_html(html, origin=str(path), fallback_date=default_date or file_date(path))
