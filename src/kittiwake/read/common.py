"""Shared helpers for the readers: bytes -> text, gzip, size limits, ids and dates.

Every helper returns a `Rejected` instead of raising, so one bad file never stops a batch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import re
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Protocol

from kittiwake.records import Rejected

DEFAULT_MAX_BYTES = 10_000_000  # 10 MB of (decompressed) text per document
GZIP_MAGIC = b"\x1f\x8b"
MAX_DATE_CHARS = 100  # longer "dates" are not dates; keeps the parsing cheap
SKIP_PIECE_BYTES = 1 << 20  # what is held at once while skipping an oversized record

# Formats the readers know; `format_of` maps a path (or sniffed content) onto one of these.
TEXT, JSONL, HTML, FEED, WARC = "text", "jsonl", "html", "feed", "warc"
SUFFIX_FORMATS = {
    ".txt": TEXT,
    ".text": TEXT,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".xml": FEED,
    ".rss": FEED,
    ".atom": FEED,
    ".warc": WARC,
    ".arc": WARC,
}

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# A well-formed multi-byte UTF-8 character: lead byte and its continuation bytes.
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

# Unicode's control characters (category Cc) but tab, line feed, form feed and return.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Share of control characters above which cp1252-decoded bytes are not "clearly text".
MAX_CONTROL_SHARE = 0.01


def doc_id_for(text: str) -> str:
    """A stable document id: the first 16 hex digits of the SHA-1 of the text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def file_date(path: Path) -> dt.date | None:
    """The modification date of a file (local time), used when nothing better is known."""
    try:
        return dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


# Written dates as feeds and scraped corpora carry them, after `_DATE_NOISE` is removed:
# "Dec 17, 2016", "December 17 2016", "17 December 2016", "2016/12/17". Day-first and
# month-first numeric dates (01/02/2016) are ambiguous and left unread on purpose.
DATE_FORMATS = (
    "%b %d %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
)
# A leading weekday, commas, dots after abbreviations, ordinal suffixes and any time of day.
_DATE_NOISE = re.compile(
    r"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
    r"|(?<=\d)(?:st|nd|rd|th)\b|[,.](?=\s)|\s+(?:at\s+)?\d{1,2}:\d{2}.*$",
    re.IGNORECASE,
)
_SEPT = re.compile(r"\bsept\b", re.IGNORECASE)
_ISO_PREFIX = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[T ][\w:.+-]*)?\s*")


def parse_date(value: object) -> dt.date | None:
    """A publication date as written in the wild -> date; None when it names no day.

    ISO dates and timestamps ("2016-12-17", "2016-12-17T07:58:00Z"), e-mail/RSS dates
    ("Sat, 17 Dec 2016 07:58:00 +0000") and written dates ("Dec 17, 2016",
    "17 December 2016"). A timestamp's date is the one written, not converted to UTC.
    """
    if not isinstance(value, str) or len(value) > MAX_DATE_CHARS:
        return None
    iso = _ISO_PREFIX.fullmatch(value)
    if iso:
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(iso.group(1))
        return None
    cleaned = " ".join(_DATE_NOISE.sub("", value).split())
    cleaned = _SEPT.sub("Sep", cleaned)  # the one abbreviation strptime does not know
    for pattern in DATE_FORMATS:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(cleaned, pattern).date()
    return None


def strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def format_of_suffix(path: Path) -> str | None:
    """The format named by a path's suffix (`.gz` looked through), None when unknown."""
    return SUFFIX_FORMATS.get(Path(strip_gz(path.name)).suffix.lower())


def sniff_format(head: bytes) -> str:
    """Guess the format from the first bytes of (decompressed) content."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"warc/") or start.startswith(b"filedesc://"):
        return WARC
    if start.startswith(b"<!doctype html") or start.startswith(b"<html"):
        return HTML
    if start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed"):
        return FEED if (b"<rss" in start or b"<feed" in start or b"<rdf" in start) else HTML
    if start.startswith(b"{"):
        return JSONL
    return TEXT


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | Rejected:
    """The content of a file, gunzipped when gzip-compressed, at most `max_bytes` long."""
    origin = str(path)
    try:
        with path.open("rb") as raw:
            magic = raw.read(2)
            raw.seek(0)
            if magic == GZIP_MAGIC:
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    data = unzipped.read(max_bytes + 1)
            else:
                data = raw.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        return Rejected(origin, f"truncated or corrupt gzip: {error}")
    except OSError as error:
        return Rejected(origin, f"cannot read: {error}")
    if len(data) > max_bytes:
        return Rejected(origin, f"too large: more than {max_bytes} bytes")
    return data


def control_share(text: str) -> float:
    """Share of characters that are control characters other than ordinary whitespace."""
    if not text:
        return 0.0
    return len(CONTROL_CHARS.findall(text)) / len(text)


def decode_text(data: bytes, *, origin: str, controls_ok: bool = False) -> str | Rejected:
    """Bytes -> text: UTF-16 with a BOM, else UTF-8 (BOM stripped); UTF-8 with a few bad
    bytes keeps its UTF-8 (each bad byte becomes U+FFFD); bytes with no UTF-8 sequence at
    all are cp1252 when the result is clearly text. Text that is more than 1% control
    characters is binary, unless `controls_ok` (a JSON line, whose strings may hold any)."""
    if data.startswith(UTF16_BOMS):
        return decode_utf16(data, origin=origin)
    if not data.strip():
        return Rejected(origin, "empty")
    if b"\x00" in data:
        return Rejected(origin, "binary: contains NUL bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    else:
        share = 0.0 if controls_ok else control_share(text)
        if share > MAX_CONTROL_SHARE:
            return Rejected(origin, f"binary: {share:.0%} control characters")
        return text
    if mostly_utf8(data):
        # Re-reading it all as cp1252 would turn every accent and quote into mojibake.
        return data.decode("utf-8-sig", errors="replace")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return Rejected(
            origin, f"binary: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start})"
        )
    if control_share(text) > MAX_CONTROL_SHARE:
        return Rejected(
            origin,
            f"binary: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
            "and not clearly cp1252 text",
        )
    return text


def mostly_utf8(data: bytes) -> bool:
    """Whether multi-byte UTF-8 sequences outnumber the bytes that are not UTF-8."""
    sequences = len(UTF8_SEQUENCE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())
    return sequences > 0 and sequences >= invalid


def decode_utf16(data: bytes, *, origin: str) -> str | Rejected:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        return Rejected(origin, f"binary: bad UTF-16 ({error.reason} at byte {error.start})")
    if not text.strip():
        return Rejected(origin, "empty")
    if "\x00" in text or control_share(text) > MAX_CONTROL_SHARE:
        return Rejected(origin, "binary: UTF-16 byte-order mark, but not text")
    return text


def decode_html(data: bytes, *, origin: str, charset: str | None = None) -> str | Rejected:
    """HTML bytes -> text, honouring a declared charset before the UTF-8/cp1252 rules."""
    declared = charset or _meta_charset(data[:4096])
    if declared and declared.lower().replace("_", "-") not in {"utf-8", "utf8"}:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if not text.strip():
                return Rejected(origin, "empty")
            return text
    return decode_text(data, origin=origin)


def _meta_charset(head: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", head, re.IGNORECASE)
    return match.group(1).decode("ascii", "replace") if match else None


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, with a line break after block elements."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "tr",
            "table",
            "section",
            "article",
        ]
    )
    SKIPPED = frozenset({"script", "style"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed item's summary), one paragraph a line."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (
        re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip()
        for line in "".join(collector.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)


class LineStream(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def iter_binary_lines(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[int, bytes | Rejected]]:
    """(line number, raw line) of a plain or gzipped file, each line read at most `max_bytes`
    at a time: a longer line becomes a `Rejected` and is skipped in pieces, never held whole.
    A read error ends the lines with a `Rejected`."""
    number = 0
    try:
        with path.open("rb") as raw:
            stream: LineStream = gzip.GzipFile(fileobj=raw) if raw.read(2) == GZIP_MAGIC else raw
            raw.seek(0)
            while line := stream.readline(max_bytes + 1):
                number += 1
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    skip_line(stream)
                    yield (
                        number,
                        Rejected(f"{path}:{number}", f"too large: more than {max_bytes} bytes"),
                    )
                    continue
                yield number, line.rstrip(b"\r\n")
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield number + 1, Rejected(f"{path}:{number + 1}", f"truncated or corrupt gzip: {error}")
    except OSError as error:
        yield number + 1, Rejected(str(path), f"cannot read: {error}")


def skip_line(stream: LineStream) -> None:
    """Read past the end of the current line a piece at a time."""
    while piece := stream.readline(SKIP_PIECE_BYTES):
        if piece.endswith(b"\n"):
            return


def read_head(path: Path, *, size: int) -> bytes | Rejected:
    """The first `size` bytes of a file's (gunzipped) content, for sniffing its format."""
    try:
        with path.open("rb") as raw:
            if raw.read(2) != GZIP_MAGIC:
                raw.seek(0)
                return raw.read(size)
            raw.seek(0)
            with gzip.GzipFile(fileobj=raw) as unzipped:
                return unzipped.read(size)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        return Rejected(str(path), f"truncated or corrupt gzip: {error}")
    except OSError as error:
        return Rejected(str(path), f"cannot read: {error}")
