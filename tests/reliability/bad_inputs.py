"""Kinds of bad input, generated on the spot, and what ingesting each must give (issue 15).

Each `Kind` writes its input(s) into a folder and says what the ingest must do with them:
reject them with a reason containing `reason`, or store `stored` articles from them. Every
kind is ingested next to `GOOD`, three ordinary articles, which must all be stored whatever
the bad input does ("nothing else lost"). `quick` kinds are small enough for the default
test suite (tests/reliability/test_bad_inputs.py); `make reliability` runs them all
(tests/reliability/run.py), with their time and memory.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MB = 1_000_000
SENTENCE = "The foreign minister met the ambassador in the capital on Monday to discuss the talks. "
GOOD = [
    {"id": "good-1", "date": "2024-03-01", "text": "Russia criticised Ukraine on Friday. " * 3},
    {"id": "good-2", "date": "2024-03-01", "text": "France praised Germany for its aid. " * 3},
    {"id": "good-3", "date": "2024-03-02", "text": "Japan met China in Beijing on Saturday. " * 3},
]
FIRST_NAMES = ("John", "Mary", "Ahmed", "Li", "Olga", "Pedro", "Amina", "Kenji", "Sara", "Ivan")


@dataclass(frozen=True)
class Kind:
    """One kind of bad input: how to make it and what ingesting it must give."""

    name: str
    make: Callable[[Path], list[str]]  # writes the input(s) into a folder, returns the paths
    reason: str | None = None  # rejected, with this in the reason (None: nothing rejected)
    stored: int = 0  # articles stored from it
    quick: bool = True  # small enough for the default test suite
    stdin: bytes | None = None  # fed to "-" when given


def write(path: Path, data: bytes | str) -> list[str]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return [str(path)]


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def write_good(folder: Path) -> str:
    path = folder / "good.jsonl"
    path.write_text(jsonl(*GOOD), encoding="utf-8")
    return str(path)


def gzip_bomb(path: Path, *, prefix: bytes, filler: int, size: int, suffix: bytes) -> None:
    """A gzip file expanding to `size` bytes of `filler` between `prefix` and `suffix`,
    written a megabyte at a time (a few MB on disk)."""
    block = bytes([filler]) * MB
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9) as out:
        out.write(prefix)
        for _ in range(size // MB):
            out.write(block)
        out.write(suffix)


def warc_response(url: str, payload: bytes, content_type: str = "text/html") -> bytes:
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        )
    )
    return stream.getvalue()


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def warc_bomb(path: Path, *, size: int) -> list[str]:
    """A gzipped WARC: one resource record of `size` zero bytes, then an ordinary page."""
    header = (
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
        "000000000001>\r\nWARC-Target-URI: https://example.org/blob\r\n"
        "WARC-Date: 2024-03-01T00:00:00Z\r\nContent-Type: application/octet-stream\r\n"
        f"Content-Length: {size}\r\n\r\n"
    ).encode()
    gzip_bomb(path, prefix=header, filler=0, size=size, suffix=b"\r\n\r\n")
    body = "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(3))
    with path.open("ab") as out:
        out.write(warc_response("https://example.org/after", page("After", body).encode()))
    return [str(path)]


def symlink_loop(folder: Path) -> list[str]:
    root = folder / "looped"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text(SENTENCE * 3, encoding="utf-8")
    (root / "sub" / "up").symlink_to(root)
    (root / "self").symlink_to(".")
    return [str(root / "**" / "*.txt"), str(root)]  # the same story twice: stored once


def coordination(count: int) -> str:
    rng = random.Random(count)
    names = [
        f"{rng.choice(FIRST_NAMES)} {chr(65 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i % 7)}son"
        for i in range(count)
    ]
    return "Officials said " + ", ".join(names[:-1]) + " and " + names[-1] + " met in Geneva."


def long_sentence(words: int) -> str:
    rng = random.Random(words)
    vocabulary = SENTENCE.lower().replace(".", "").split()
    return " ".join(rng.choice(vocabulary) for _ in range(words))


def fifo(folder: Path) -> list[str]:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return [str(path)]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&lol9;</title><description>&lol9;</description></item>
</channel></rss>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Secrets</title>
<item><title>Leak</title><description>&secret;</description></item>
</channel></rss>
"""


def kinds() -> list[Kind]:
    """Every kind of bad input, quick ones first."""
    deep = "<div>" * 100_000 + f"<p>{SENTENCE * 3}</p>" + "</div>" * 100_000
    return [
        Kind("empty file", lambda d: write(d / "empty.txt", b""), "empty"),
        Kind("whitespace only", lambda d: write(d / "blank.txt", b" \n\t\r\n  "), "empty"),
        Kind(
            "binary named .txt", lambda d: write(d / "image.txt", bytes(range(256)) * 40), "binary"
        ),
        Kind(
            "binary named .html",
            lambda d: write(d / "image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
            "binary",
        ),
        Kind(
            "PDF named .txt",
            lambda d: write(d / "report.txt", b"%PDF-1.4\n" + bytes(range(256)) * 40),
            "binary",
        ),
        Kind(
            "invalid UTF-8, not cp1252 either",
            lambda d: write(
                d / "invalid.txt", "caf\u00e9 ".encode("latin-1") * 50 + b"\x81\x8d\x90"
            ),
            "not UTF-8",
        ),
        Kind(
            "UTF-16 with BOM",
            lambda d: write(d / "utf16.txt", (SENTENCE * 3).encode("utf-16")),
            stored=1,
        ),
        Kind(
            "Latin-1 / cp1252",
            lambda d: write(d / "latin1.txt", ("Caf\u00e9 " + SENTENCE * 3).encode("cp1252")),
            stored=1,
        ),
        Kind(
            "UTF-8 with one bad byte",
            lambda d: write(d / "onebad.txt", ("Caf\u00e9 " + SENTENCE * 3).encode() + b"\xff"),
            stored=1,
        ),
        Kind(
            "control characters",
            lambda d: write(d / "controls.txt", bytes(range(1, 32)) * 30),
            "binary",
        ),
        Kind(
            "JSON Lines: invalid JSON",
            lambda d: write(d / "bad.jsonl", jsonl('{"id": 1, "text": "cut')),
            "invalid JSON",
        ),
        Kind(
            "JSON Lines: not an object",
            lambda d: write(d / "array.jsonl", jsonl("[1, 2]", "42", '"text"')),
            "not a JSON object",
        ),
        Kind(
            "JSON Lines: no text",
            lambda d: write(d / "notext.jsonl", jsonl({"id": "x", "title": "No text"})),
            "missing or empty 'text'",
        ),
        Kind(
            "JSON Lines: empty text",
            lambda d: write(d / "emptytext.jsonl", jsonl({"id": "x", "text": "  "})),
            "missing or empty 'text'",
        ),
        Kind(
            "JSON Lines: text not a string",
            lambda d: write(d / "numtext.jsonl", jsonl({"id": "x", "text": 42})),
            "missing or empty 'text'",
        ),
        Kind(
            "JSON Lines: id a list",
            lambda d: write(d / "badid.jsonl", jsonl({"id": [1], "text": SENTENCE})),
            "'id' must be",
        ),
        Kind(
            "JSON Lines: title a number",
            lambda d: write(d / "badtitle.jsonl", jsonl({"title": 7, "text": SENTENCE})),
            "'title' must be",
        ),
        Kind(
            "JSON Lines: NUL bytes",
            lambda d: write(d / "nul.jsonl", b'{"text": "a\x00b"}\n'),
            "binary",
        ),
        Kind(
            "JSON Lines: dates in other formats",
            lambda d: write(
                d / "dates.jsonl",
                jsonl(
                    {"id": "d1", "date": "Dec 17, 2016", "text": "Chile criticised Peru."},
                    {"id": "d2", "date": "7:58 AM ET", "text": "Kenya praised Ghana."},
                ),
            ),
            stored=2,
        ),
        Kind(
            "JSON Lines: ids taken by other content",
            lambda d: write(
                d / "same_ids.jsonl",
                jsonl(
                    *(
                        {**r, "text": f"Brazil condemned Argentina, part {n}."}
                        for n, r in enumerate(GOOD)
                    )
                ),
            ),
            stored=3,
        ),
        Kind(
            "truncated gzip",
            lambda d: write(d / "cut.txt.gz", gzip.compress((SENTENCE * 200).encode())[:60]),
            "gzip",
        ),
        Kind("gzip of nothing", lambda d: write(d / "nothing.txt.gz", gzip.compress(b"")), "empty"),
        Kind(
            "not gzip named .gz",
            lambda d: write(d / "fake.jsonl.gz", b"\x1f\x8bnot really gzip"),
            "gzip",
        ),
        Kind(
            "corrupt WARC",
            lambda d: write(d / "junk.warc", b"WARC/1.0\r\nthis is not a record\r\n" * 20),
            "malformed",
        ),
        Kind(
            "truncated WARC",
            lambda d: write(
                d / "cut.warc.gz",
                warc_response("https://e.org/", page("Cut", SENTENCE * 9).encode())[:300],
            ),
            "truncated",
        ),
        Kind(
            "feed with entity expansion",
            lambda d: write(d / "laughs.rss", BILLION_LAUGHS),
            stored=1,
        ),
        Kind("feed with external entity", lambda d: write(d / "xxe.rss", XXE), stored=1),
        Kind(
            "malformed feed",
            lambda d: write(d / "broken.rss", "<rss><channel><item><title>x</ti"),
            "feed",
        ),
        Kind(
            "HTML without an article",
            lambda d: write(d / "nav.html", "<html><body><a href='/'>Home</a></body></html>"),
            "no article",
        ),
        Kind(
            "HTML nested 300 deep",
            lambda d: write(
                d / "deep.html",
                page("Deep", "<div>" * 300 + f"<p>{SENTENCE * 3}</p>" + "</div>" * 300),
            ),
            stored=1,
        ),
        Kind("symlink loops", symlink_loop, stored=1),
        Kind("named pipe", fifo, "not a regular file"),
        Kind(
            "over-long file name", lambda d: [str(d / ("n" * 300 + ".txt"))], "File name too long"
        ),
        Kind("missing file", lambda d: [str(d / "missing.txt")], "no such file"),
        Kind("glob matching nothing", lambda d: [str(d / "*.nothing")], "no files match"),
        Kind("stdin not UTF-8", lambda d: ["-"], "not UTF-8", stdin=b"caf\xe9 \x81\x8d\x90 news"),
        Kind(
            "non-English text",
            lambda d: write(
                d / "french.txt",
                "Le ministre des affaires \u00e9trang\u00e8res a rencontr\u00e9 l'ambassadeur lundi dans la capitale pour discuter des n\u00e9gociations. "
                * 3,
            ),
            "not English",
        ),
        # Large inputs: `make reliability` only.
        Kind(
            "1.2M-character article (over max_chars)",
            lambda d: write(d / "long.txt", SENTENCE * (1_200_000 // len(SENTENCE) + 1)),
            "max_chars",
            quick=False,
        ),
        Kind(
            "50 MB one-line text",
            lambda d: write(d / "oneline.txt", "word " * (50 * MB // 5)),
            "too large",
            quick=False,
        ),
        Kind(
            "20 MB page",
            lambda d: write(d / "big.html", page("Big", f"<p>{SENTENCE}</p>" * (20 * MB // 95))),
            "too large",
            quick=False,
        ),
        Kind(
            "100,000 nested elements",
            lambda d: write(d / "nested.html", page("Nested", deep)),
            stored=1,
            quick=False,
        ),
        Kind(
            "2 GB-expanding .jsonl.gz (one line)",
            lambda d: (
                gzip_bomb(
                    d / "bomb.jsonl.gz",
                    prefix=b'{"text": "',
                    filler=32,
                    size=2000 * MB,
                    suffix=b'"}\n',
                ),
                [str(d / "bomb.jsonl.gz")],
            )[1],
            "too large",
            quick=False,
        ),
        Kind(
            "2 GB-expanding .warc.gz record",
            lambda d: warc_bomb(d / "bomb.warc.gz", size=2000 * MB),
            stored=1,
            quick=False,
        ),
        Kind(
            "2,000-name coordination",
            lambda d: write(d / "names.txt", coordination(2000)),
            stored=1,
            quick=False,
        ),
        Kind(
            "5,000-word sentence",
            lambda d: write(d / "run_on.txt", long_sentence(5000)),
            stored=1,
            quick=False,
        ),
    ]
