"""JSON Lines: one article per line.

Each line is an object with `text` (required) and optional `id`, `date` (ISO, RFC 2822
or written out: see `parse_date`), `title`, `url` and `source`. A bad line becomes a
`Rejected` naming `path:line`; the other lines are still read. A date that cannot be read
leaves the article undated, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kittiwake.read.common import (
    DEFAULT_MAX_BYTES,
    decode_text,
    doc_id_for,
    file_date,
    iter_binary_lines,
    parse_date,
)
from kittiwake.records import Article, Rejected

OPTIONAL_STRING_FIELDS = ("title", "url", "source")


def article_from_record(
    record: Any, *, origin: str, fallback_date: dt.date | None
) -> Article | Rejected:
    """An Article from one decoded JSON object, or the reason it is not one."""
    if not isinstance(record, dict):
        return Rejected(origin, f"not a JSON object: {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejected(origin, "missing or empty 'text'")
    date, notes = record_date(record.get("date"), fallback_date=fallback_date)
    for name in OPTIONAL_STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return Rejected(origin, f"'{name}' must be a string")
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        return Rejected(origin, "'id' must be a string or integer")
    return Article(
        doc_id=str(raw_id) if raw_id is not None and str(raw_id) else doc_id_for(text),
        text=text,
        date=date,
        title=record.get("title"),
        url=record.get("url"),
        source=record.get("source"),
        origin=origin,
        notes=notes,
    )


def record_date(
    value: object, *, fallback_date: dt.date | None
) -> tuple[dt.date | None, tuple[str, ...]]:
    """(date, notes) of a record: its `date`, `fallback_date` when it has none, and no date
    (with a note saying why) when it has one that cannot be read: a wrong date is worse
    than none, and dropping the article for it loses the story."""
    if value is None:
        return fallback_date, ()
    date = parse_date(value)
    if date is None:
        return None, (f"date {str(value)[:80]!r} not understood: stored undated",)
    return date, ()


def iter_jsonl_lines(
    lines: Iterable[str], *, origin: str, fallback_date: dt.date | None, numbered: bool = True
) -> Iterator[Article | Rejected]:
    """Articles from JSON lines; blank lines are skipped, line numbers start at 1.

    With `numbered=False` the origin is used as is (it already names the line).
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}" if numbered else origin
        try:
            record = json.loads(line)
        except ValueError as error:
            yield Rejected(where, f"invalid JSON: {error}", record=line[:200])
            continue
        yield article_from_record(record, origin=where, fallback_date=fallback_date)


def read_jsonl_file(
    path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected]:
    """Articles from a JSON Lines file (optionally gzipped), streamed line by line.

    `max_bytes` limits each line (one article), not the file. A line's date falls back to
    `default_date`, then to the file's modification date. A truncated gzip stream yields
    the lines before the damage and then a `Rejected`.
    """
    fallback = default_date or file_date(path)
    for number, line in iter_binary_lines(path, max_bytes=max_bytes):
        if isinstance(line, Rejected):
            yield line
            continue
        where = f"{path}:{number}"
        if not line.strip():
            continue
        text = decode_text(line, origin=where, controls_ok=True)
        if isinstance(text, Rejected):
            yield text
            continue
        yield from iter_jsonl_lines([text], origin=where, fallback_date=fallback, numbered=False)
