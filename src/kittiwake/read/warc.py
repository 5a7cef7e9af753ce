"""WARC and ARC web archives through warcio: one article per HTML response record.

warcio stops quietly at a truncated archive, so truncation is detected here: a record
whose payload ends early, or a file with bytes left after the last record read, yields a
`Rejected` naming `path@offset`; the records before the damage are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from kittiwake.read.common import (
    DEFAULT_MAX_BYTES,
    SKIP_PIECE_BYTES,
    decode_html,
    file_date,
    parse_date,
)
from kittiwake.read.html import article_from_html
from kittiwake.records import Article, Rejected

HTML_TYPES = ("text/html", "application/xhtml")
# warcio inflates one block of compressed bytes at a time, whatever it expands to (deflate
# reaches about 1000:1), so the block size bounds memory on a gzip bomb: 4 KB -> ~4 MB.
ARCHIVE_BLOCK_BYTES = 4096


def record_origin(path: Path, record: Any, offset: int) -> str:
    record_id = record.rec_headers.get_header("WARC-Record-ID") if record.rec_headers else None
    return f"{path}#{record_id.strip('<>')}" if record_id else f"{path}@{offset}"


def html_charset(record: Any) -> tuple[bool, str | None]:
    """(is the payload HTML, declared charset) from the record's HTTP headers."""
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or ""
    content_type = content_type.lower()
    is_html = any(kind in content_type for kind in HTML_TYPES)
    charset = None
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return is_html, charset


def article_from_record(
    record: Any, payload: bytes, *, origin: str, fallback_date: dt.date | None
) -> Article | Rejected:
    _, charset = html_charset(record)
    html = decode_html(payload, origin=origin, charset=charset)
    if isinstance(html, Rejected):
        return html
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    return article_from_html(html, origin=origin, url=url, fallback_date=fallback_date)


def next_record(
    iterator: ArchiveIterator, records: Iterator[Any], *, max_bytes: int
) -> tuple[Any, bytes, bool, int]:
    """(record, HTML payload or b"", damaged, end offset) of the next record.

    The record is None at the end of the archive. warcio writes its own warnings on
    damaged input to stderr (while reading a record to its end); they are captured here,
    since a library must not print, and turned into the `damaged` flag.
    """
    with contextlib.redirect_stderr(io.StringIO()) as warnings:
        record = next(records, None)
        if record is None:
            return None, b"", bool(warnings.getvalue()), iterator.offset
        payload = b""
        if record.rec_type == "response" and html_charset(record)[0]:
            payload = record.content_stream().read(max_bytes + 1)
        # The rest of the record, a piece at a time (a record can be gigabytes), to see
        # whether it is all there and to reach the next one.
        while record.raw_stream.read(SKIP_PIECE_BYTES):
            pass
        cut_short = getattr(record.raw_stream, "limit", 0) > 0
        end = iterator.get_record_offset() + iterator.get_record_length()
    return record, payload, cut_short or bool(warnings.getvalue()), end


def iter_archive(
    path: Path, *, default_date: dt.date | None, max_bytes: int
) -> Iterator[Article | Rejected]:
    mtime_date = file_date(path)
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream, arc2warc=True, block_size=ARCHIVE_BLOCK_BYTES)
        records = iter(iterator)
        offset = 0  # where the current record starts: the end of the last one read
        while True:
            try:
                record, payload, damaged, end = next_record(iterator, records, max_bytes=max_bytes)
            except Exception as error:  # noqa: BLE001 - warcio raises many kinds on damage
                yield Rejected(f"{path}@{offset}", f"malformed archive: {error!r}")
                return
            if record is None:
                break
            if damaged or record.rec_type is None:
                yield Rejected(f"{path}@{offset}", "truncated or malformed archive record")
                return
            start, offset = offset, end
            if not payload:
                continue
            origin = record_origin(path, record, start)
            if len(payload) > max_bytes:
                yield Rejected(origin, f"too large: more than {max_bytes} bytes")
                continue
            crawl_date = parse_date(record.rec_headers.get_header("WARC-Date"))
            yield article_from_record(
                record,
                payload,
                origin=origin,
                fallback_date=default_date or crawl_date or mtime_date,
            )
        unread = path.stat().st_size - iterator.offset
        if unread > 0:
            yield Rejected(
                f"{path}@{iterator.offset}",
                f"truncated or malformed archive: {unread} bytes unread",
            )


def read_warc_file(
    path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected]:
    """Articles from the HTML responses of a WARC/ARC file (gzipped or not).

    `max_bytes` limits each record. A page's date comes from its metadata, else
    `default_date`, else the record's WARC-Date (crawl date), else the file date.
    """
    try:
        if path.stat().st_size == 0:
            yield Rejected(str(path), "empty")
            return
        yield from iter_archive(path, default_date=default_date, max_bytes=max_bytes)
    except Exception as error:  # noqa: BLE001 - warcio raises many kinds on damaged input
        yield Rejected(str(path), f"malformed archive: {type(error).__name__}: {error}")
