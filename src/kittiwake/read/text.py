"""Plain-text files: one article per file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from kittiwake.read.common import DEFAULT_MAX_BYTES, decode_text, doc_id_for, file_date, read_bytes
from kittiwake.records import Article, Rejected


def article_from_text(text: str, *, origin: str, date: dt.date | None) -> Article | Rejected:
    """An Article holding `text` exactly as read (offsets downstream refer to it)."""
    if not text.strip():
        return Rejected(origin, "empty")
    return Article(doc_id=doc_id_for(text), text=text, date=date, origin=origin)


def read_text_file(
    path: Path, *, default_date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Rejected]:
    """One article from a text file (optionally gzipped); date = default or file date."""
    data = read_bytes(path, max_bytes=max_bytes)
    if isinstance(data, Rejected):
        yield data
        return
    text = decode_text(data, origin=str(path))
    if isinstance(text, Rejected):
        yield text
        return
    yield article_from_text(text, origin=str(path), date=default_date or file_date(path))
