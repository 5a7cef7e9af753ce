"""Bounded reading: an oversized record is skipped without being held in memory, and what
follows it is still read (D2, D4)."""

from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kittiwake.read import iter_articles
from kittiwake.records import Article, Rejected

LIMIT = 1_000_000  # max_bytes for these tests
HUGE = 40_000_000  # bytes of one oversized record: 40x the limit
BODY = "Officials from both governments met on Friday to discuss the disputed border. " * 6


def page(title: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{index}: {BODY}</p>" for index in range(3))
        + "</article></body></html>"
    ).encode()


def peak_bytes(
    read: Callable[[], list[Article | Rejected]],
) -> tuple[list[Article | Rejected], int]:
    tracemalloc.start()
    try:
        items = read()
        return items, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def write_jsonl_gz(path: Path) -> Path:
    with gzip.open(path, "wb", compresslevel=1) as stream:
        stream.write(json.dumps({"id": "a", "text": BODY}).encode() + b"\n")
        stream.write(b'{"id": "huge", "text": "' + b"x" * HUGE + b'"}\n')
        stream.write(json.dumps({"id": "b", "text": BODY}).encode() + b"\n")
    return path


def response(writer: WARCWriter, url: str, payload: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
    )


def write_warc(path: Path, *, huge_type: str) -> Path:
    """An oversized record of `huge_type` first, then two ordinary HTML pages."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        huge = b"<html><body><p>" + b"y" * HUGE + b"</p></body></html>"
        response(writer, "https://example.org/huge", huge, huge_type)
        for number in range(2):
            response(writer, f"https://example.org/{number}", page(f"Page {number}"), "text/html")
    return path


def test_oversized_json_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    path = write_jsonl_gz(tmp_path / "long.jsonl.gz")
    items, peak = peak_bytes(lambda: list(iter_articles([path], max_bytes=LIMIT)))
    assert [item.doc_id for item in items if isinstance(item, Article)] == ["a", "b"]
    (rejected,) = [item for item in items if isinstance(item, Rejected)]
    assert rejected.origin == f"{path}:2" and rejected.reason.startswith("too large")
    assert peak < 5 * LIMIT


@pytest.mark.parametrize("huge_type", ["text/html", "application/octet-stream"])
def test_oversized_warc_record_is_skipped_and_the_rest_read(tmp_path: Path, huge_type: str) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", huge_type=huge_type)
    items, peak = peak_bytes(lambda: list(iter_articles([path], max_bytes=LIMIT)))
    assert [item.url for item in items if isinstance(item, Article)] == [
        "https://example.org/0",
        "https://example.org/1",
    ]
    rejected = [item for item in items if isinstance(item, Rejected)]
    if huge_type == "text/html":
        (too_large,) = rejected
        assert too_large.reason.startswith("too large")
    else:
        assert rejected == []
    # warcio inflates a block at a time, up to ~4 MB for a bomb like this one (about 1000:1),
    # and copies it twice: a bound well under the record's size, the same for any size.
    assert peak < HUGE // 2


@pytest.mark.parametrize("depth", [10, 300, 2_000])
@pytest.mark.parametrize("wrapper", ["div", "span"])
def test_deeply_nested_page_keeps_its_article(tmp_path: Path, depth: int, wrapper: str) -> None:
    body = "".join(f"<p>{index}: {BODY}</p>" for index in range(3))
    html = (
        "<html><head><title>Deep</title></head><body>"
        + f"<{wrapper}>" * depth
        + f"<article><h1>Deep</h1>{body}</article>"
        + f"</{wrapper}>" * depth
        + "</body></html>"
    )
    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    (article,) = iter_articles([path])
    assert isinstance(article, Article) and BODY.strip() in article.text
