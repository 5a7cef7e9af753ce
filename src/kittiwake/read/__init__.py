"""Readers: files, folders, globs and standard input -> `Article` or `Rejected`.

Formats are chosen by suffix (`.gz` looked through) and, for files without a known
suffix, by sniffing the content:

- `.txt`: one article per file, `doc_id = sha1(text)[:16]`;
- `.jsonl`: one article per line (`text` required; `id`, `date`, `title`, `url`, `source`);
- `.html`/`.htm`: body and metadata through trafilatura;
- `.xml`/`.rss`/`.atom`: one article per feed item (linked pages only with `fetch_links`);
- `.warc`/`.arc` (and `.gz`): one article per HTML response record.

Publication date: the document's own metadata when it has one, else `default_date`, else
(for archives) the crawl date, else the file's modification date. Articles carry no flag
saying which of these was used; callers that care should pass `default_date`. Standard
input has no file date, so its articles get `default_date` (possibly None).

Nothing raises out of `iter_articles` for bad input: empty, binary, undecodable, too
large, truncated or malformed inputs become `Rejected` records naming the file (and line
or record), and reading goes on with the next one.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from kittiwake.read.common import (
    DEFAULT_MAX_BYTES,
    FEED,
    HTML,
    JSONL,
    TEXT,
    WARC,
    decode_text,
    format_of_suffix,
    read_head,
    sniff_format,
)
from kittiwake.read.jsonl import iter_jsonl_lines, read_jsonl_file
from kittiwake.read.paths import expand_paths
from kittiwake.read.text import article_from_text, read_text_file
from kittiwake.records import Article, Rejected

__all__ = ["DEFAULT_MAX_BYTES", "expand_paths", "iter_articles", "read_file", "read_stdin"]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
SNIFF_BYTES = 4096


def detect_format(path: Path) -> str | Rejected:
    """The reader for a file: by suffix, else by sniffing its first (decompressed) bytes."""
    known = format_of_suffix(path)
    if known:
        return known
    head = read_head(path, size=SNIFF_BYTES)
    return head if isinstance(head, Rejected) else sniff_format(head)


def read_file(
    path: Path,
    *,
    default_date: dt.date | None = None,
    fetch_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Rejected]:
    """Articles from one file, whatever its format."""
    kind = detect_format(path)
    if isinstance(kind, Rejected):
        yield kind
        return
    # The HTML, feed and WARC readers are imported when a file needs them: trafilatura,
    # feedparser and warcio took 0.2 s of every start, also of `kittiwake code` on plain
    # text (issue 11).
    if kind == FEED:
        from kittiwake.read.feed import read_feed_file  # noqa: PLC0415

        yield from read_feed_file(
            path, default_date=default_date, max_bytes=max_bytes, fetch_links=fetch_links
        )
        return
    if kind == HTML:
        from kittiwake.read.html import read_html_file as reader  # noqa: PLC0415
    elif kind == WARC:
        from kittiwake.read.warc import read_warc_file as reader  # noqa: PLC0415
    else:
        reader = {TEXT: read_text_file, JSONL: read_jsonl_file}[kind]
    yield from reader(path, default_date=default_date, max_bytes=max_bytes)


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object with a `text` field."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and "text" in record


def read_stdin(
    stream: TextIO, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected]:
    """Standard input as JSON Lines when it looks like them, else as one text article.

    The bytes are decoded by the rules for files (`decode_text`), not by the terminal's
    encoding, so stdin that is not UTF-8 is read or rejected like a file would be.
    """
    try:
        data = stdin_bytes(stream, limit=max_bytes + 1)
    except (OSError, ValueError) as error:
        yield Rejected(STDIN_ORIGIN, f"cannot read: {error}")
        return
    if len(data) > max_bytes:
        yield Rejected(STDIN_ORIGIN, f"too large: more than {max_bytes} bytes")
        return
    text = decode_text(data, origin=STDIN_ORIGIN)
    if isinstance(text, Rejected):
        yield text
    elif looks_like_jsonl(text):
        yield from iter_jsonl_lines(
            text.split("\n"), origin=STDIN_ORIGIN, fallback_date=default_date
        )
    else:
        yield article_from_text(text, origin=STDIN_ORIGIN, date=default_date)


def stdin_bytes(stream: TextIO, *, limit: int) -> bytes:
    """Up to `limit` raw bytes of a text stream (its underlying buffer when it has one)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return bytes(buffer.read(limit))
    return stream.read(limit).encode("utf-8", "surrogateescape")


def iter_articles(
    paths: Sequence[str | Path],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    fetch_links: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | Rejected]:
    """Every article (or rejection) from `paths`, in a deterministic order.

    `"-"` reads `stdin` (default: `sys.stdin`). `max_bytes` caps one document's text
    (a file, a JSON line, an archive record). `fetch_links` lets feed items fetch their
    linked pages (10 s timeout, 5 MB limit); otherwise nothing touches the network.
    """
    for item in paths:
        if str(item) == STDIN:
            stream = sys.stdin if stdin is None else stdin
            yield from read_stdin(stream, default_date=default_date, max_bytes=max_bytes)
            continue
        for path in expand_paths([item]):
            if isinstance(path, Rejected):
                yield path
                continue
            try:
                yield from read_file(
                    path, default_date=default_date, fetch_links=fetch_links, max_bytes=max_bytes
                )
            except Exception as error:  # noqa: BLE001 - last guard: one file never stops a batch
                yield Rejected(str(path), f"unreadable: {type(error).__name__}: {error}")
