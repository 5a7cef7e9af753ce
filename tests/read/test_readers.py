"""Readers on good and broken inputs: bad input becomes Rejected, the rest comes through."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kittiwake.read import iter_articles, looks_like_jsonl
from kittiwake.read.common import decode_text, doc_id_for, sniff_format
from kittiwake.read.jsonl import iter_jsonl_lines
from kittiwake.records import Article, Rejected

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"
ARTICLE_BODY = (
    "Officials from both governments met on Friday to discuss the disputed border. "
    "They agreed to set up a joint commission and to meet again next month in the capital. "
)


def read_all(*paths: str | Path, **options: object) -> list[Article | Rejected]:
    return list(iter_articles([str(path) for path in paths], **options))  # type: ignore[arg-type]


def only_rejected(items: list[Article | Rejected]) -> list[Rejected]:
    return [item for item in items if isinstance(item, Rejected)]


def only_articles(items: list[Article | Rejected]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


# --- text ----------------------------------------------------------------------------------


def test_text_file_is_one_article_with_stable_id() -> None:
    path = INPUTS / "statement.txt"
    first, second = read_all(path), read_all(path)
    assert first == second
    (article,) = first
    assert isinstance(article, Article)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.doc_id == doc_id_for(article.text)
    assert article.origin == str(path)


def test_text_date_falls_back_to_default_then_file_date(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The council met on Monday.", encoding="utf-8")
    (with_default,) = read_all(path, default_date=dt.date(2020, 1, 2))
    (without,) = read_all(path)
    assert isinstance(with_default, Article) and isinstance(without, Article)
    assert with_default.date == dt.date(2020, 1, 2)
    assert without.date == dt.date.fromtimestamp(path.stat().st_mtime)


@pytest.mark.parametrize(
    ("name", "content", "reason_start"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("nul.txt", b"text\x00with\x00nul bytes", "binary"),
        ("controls.txt", bytes(range(1, 32)) * 20 + b"\xff\xfe", "binary"),
    ],
)
def test_bad_text_files_are_rejected(
    tmp_path: Path, name: str, content: bytes, reason_start: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (rejected,) = read_all(path)
    assert isinstance(rejected, Rejected)
    assert rejected.origin == str(path)
    assert rejected.reason.startswith(reason_start)


def test_cp1252_text_is_decoded_when_clearly_text(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The caf\u00e9 owner said \u201cno\u201d on Tuesday.".encode("cp1252"))
    (article,) = read_all(path)
    assert isinstance(article, Article)
    assert "caf\u00e9" in article.text and "\u201cno\u201d" in article.text


def test_utf8_bom_is_dropped() -> None:
    assert decode_text("\ufeffHello there".encode(), origin="x") == "Hello there"


def test_too_large_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    (rejected,) = read_all(path, max_bytes=50)
    assert isinstance(rejected, Rejected)
    assert rejected.reason.startswith("too large")


def test_gzipped_text_and_truncated_gzip(tmp_path: Path) -> None:
    good = tmp_path / "good.txt.gz"
    good.write_bytes(gzip.compress(ARTICLE_BODY.encode() * 20))
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(good.read_bytes()[:40])
    items = read_all(good, broken)
    assert [type(item) for item in items] == [Article, Rejected]
    assert items[0].text == ARTICLE_BODY * 20  # type: ignore[union-attr]
    assert items[1].origin == str(broken) and "gzip" in items[1].reason  # type: ignore[union-attr]


# --- paths ---------------------------------------------------------------------------------


def test_folder_walk_is_sorted_and_recursive(tmp_path: Path) -> None:
    for name in ("b/2.txt", "a/1.txt", "c.txt", "a/skip.png", ".hidden/x.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {name} about talks.", encoding="utf-8")
    origins = [item.origin for item in read_all(tmp_path)]
    assert origins == [str(tmp_path / name) for name in ("a/1.txt", "b/2.txt", "c.txt")]


def test_glob_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("First statement.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Second statement.", encoding="utf-8")
    items = read_all(tmp_path / "*.txt", tmp_path / "missing.txt", tmp_path / "*.none")
    assert [item.origin for item in only_articles(items)] == [
        str(tmp_path / "one.txt"),
        str(tmp_path / "two.txt"),
    ]
    assert [item.origin for item in only_rejected(items)] == [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "*.none"),
    ]


def test_file_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "records"
    path.write_text(json.dumps({"id": "x1", "text": "The minister resigned."}) + "\n")
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.doc_id == "x1"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.0\r\n", "warc"),
        (b"<!DOCTYPE html><html>", "html"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b'  {"text": "x"}', "jsonl"),
        (b"Plain words.", "text"),
    ],
)
def test_sniff_format(head: bytes, kind: str) -> None:
    assert sniff_format(head) == kind


# --- stdin ---------------------------------------------------------------------------------


def test_stdin_text_and_jsonl() -> None:
    (text_article,) = read_all("-", stdin=io.StringIO("The army withdrew on Sunday."))
    assert isinstance(text_article, Article) and text_article.origin == "<stdin>"
    lines = '{"id": "s1", "text": "One."}\nnot json\n{"id": "s2", "text": "Two."}\n'
    items = read_all("-", stdin=io.StringIO(lines))
    assert [item.origin for item in items] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert [type(item) for item in items] == [Article, Rejected, Article]


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_bad_lines_are_rejected_and_the_rest_read() -> None:
    path = INPUTS / "mixed_lines.jsonl"
    items = read_all(path)
    articles, rejected = only_articles(items), only_rejected(items)
    assert [article.origin for article in articles] == [f"{path}:1", f"{path}:5", f"{path}:6"]
    assert articles[0].doc_id == "good-1" and articles[0].date == dt.date(2024, 5, 2)
    # An ambiguous date (2 May or 5 February?) leaves the article undated, with a note.
    assert articles[1].date is None and "'02/05/2024' not understood" in articles[1].notes[0]
    assert articles[2].doc_id == doc_id_for(articles[2].text)
    reasons = {item.origin: item.reason for item in rejected}
    assert reasons[f"{path}:2"].startswith("invalid JSON")
    assert "text" in reasons[f"{path}:3"]
    assert len(rejected) == 2


def test_jsonl_gzip_truncated_keeps_lines_before_damage(tmp_path: Path) -> None:
    lines = "".join(
        json.dumps({"id": f"n{number}", "text": ARTICLE_BODY * 3}) + "\n" for number in range(200)
    )
    compressed = gzip.compress(lines.encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(compressed[: len(compressed) // 2])
    items = read_all(path)
    assert len(only_articles(items)) > 0
    assert isinstance(items[-1], Rejected) and "gzip" in items[-1].reason
    assert all(isinstance(item, Article) for item in items[:-1])


json_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(str.strip)
records = st.fixed_dictionaries(
    {"text": json_text},
    optional={
        "id": st.text(st.characters(blacklist_categories=("Cs",)), min_size=1),
        "date": st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat),
        "title": st.text(st.characters(blacklist_categories=("Cs",))),
        "url": st.text(st.characters(blacklist_categories=("Cs",))),
        "source": st.text(st.characters(blacklist_categories=("Cs",))),
    },
)


@settings(max_examples=60, deadline=None)
@given(st.lists(records, min_size=1, max_size=5), st.booleans())
def test_jsonl_round_trip(
    tmp_path_factory: pytest.TempPathFactory, items: list, ascii: bool
) -> None:
    folder = tmp_path_factory.mktemp("jsonl")
    path = folder / "round.jsonl"
    path.write_text(
        "".join(json.dumps(item, ensure_ascii=ascii) + "\n" for item in items), encoding="utf-8"
    )
    articles = read_all(path, default_date=dt.date(2001, 2, 3))
    assert len(articles) == len(items)
    for number, (item, article) in enumerate(zip(items, articles, strict=True), start=1):
        assert isinstance(article, Article)
        assert article.origin == f"{path}:{number}"
        assert article.text == item["text"]
        assert article.doc_id == (item.get("id") or doc_id_for(item["text"]))
        assert article.date == dt.date.fromisoformat(item.get("date", "2001-02-03"))
        assert (article.title, article.url, article.source) == (
            item.get("title"),
            item.get("url"),
            item.get("source"),
        )


def test_iter_jsonl_lines_numbers_lines() -> None:
    items = list(iter_jsonl_lines(["", '{"text": "a"}'], origin="f", fallback_date=None))
    assert [item.origin for item in items] == ["f:2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [('{"text": "a"}\n', True), ('{"title": "a"}', False), ("The {brace}", False)],
)
def test_looks_like_jsonl(text: str, expected: bool) -> None:
    assert looks_like_jsonl(text) is expected


# --- HTML ----------------------------------------------------------------------------------


def test_html_article_with_metadata() -> None:
    (article,) = read_all(INPUTS / "article.html")
    assert isinstance(article, Article)
    assert "oil production quotas" in article.text
    assert "Privacy" not in article.text
    assert article.title == "Ministers meet in Vienna"
    assert article.date == dt.date(2024, 6, 11)
    assert article.url == "https://news.example.org/2024/06/ministers-meet"
    assert article.source == "Kittiwake Test Wire"


def test_html_without_article_is_rejected() -> None:
    (rejected,) = read_all(INPUTS / "navigation_only.html")
    assert isinstance(rejected, Rejected)
    assert rejected.origin == str(INPUTS / "navigation_only.html")
    assert "no article" in rejected.reason


def test_gzipped_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((INPUTS / "article.html").read_bytes()))
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.title == "Ministers meet in Vienna"


# --- feeds ---------------------------------------------------------------------------------


def test_feed_items_become_articles() -> None:
    path = INPUTS / "feed.rss"
    items = read_all(path)
    assert [item.origin for item in items] == [f"{path}#1", f"{path}#2"]
    first = items[0]
    assert isinstance(first, Article)
    assert first.text.startswith("The border crossing") and "<p>" not in first.text
    assert first.title == "Border crossing reopens"
    assert first.url == "https://news.example.org/2024/07/border"
    assert first.date == dt.date(2024, 7, 8)
    assert first.source == "Kittiwake Test Feed"


def test_malformed_feed_is_rejected_and_batch_goes_on() -> None:
    items = read_all(INPUTS / "broken_feed.rss", INPUTS / "statement.txt")
    assert isinstance(items[0], Rejected) and "malformed feed" in items[0].reason
    assert isinstance(items[1], Article)


def test_feed_fetches_links_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    fetched: list[str] = []

    def fake_fetch(url: str, **_: object) -> bytes:
        fetched.append(url)
        return (INPUTS / "article.html").read_bytes()

    monkeypatch.setattr("kittiwake.read.feed.fetch_page", fake_fetch)
    read_all(INPUTS / "feed.rss")
    assert fetched == []
    items = read_all(INPUTS / "feed.rss", fetch_links=True)
    assert len(fetched) == 2
    assert all(isinstance(item, Article) and "quotas" in item.text for item in items)
    assert items[0].title == "Border crossing reopens"  # type: ignore[union-attr]


# --- WARC ----------------------------------------------------------------------------------


def html_page(number: int) -> bytes:
    paragraphs = "".join(
        f"<p>Report {number}, paragraph {index}: {ARTICLE_BODY}</p>" for index in range(4)
    )
    return (
        f"<html><head><title>Report {number}</title></head>"
        f"<body><article><h1>Report {number}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, *, pages: int, gzipped: bool) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        for number in range(pages):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example.org/{number}",
                "response",
                payload=io.BytesIO(html_page(number)),
                http_headers=headers,
            )
            writer.write_record(record)
        image = writer.create_warc_record(
            "https://news.example.org/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG fake"),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(image)


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_html_responses_become_articles(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    write_warc(path, pages=3, gzipped=gzipped)
    items = read_all(path)
    assert all(isinstance(item, Article) for item in items)
    assert len(items) == 3
    assert all(item.origin.startswith(f"{path}#urn:uuid:") for item in items)
    assert [item.url for item in items] == [  # type: ignore[union-attr]
        f"https://news.example.org/{number}" for number in range(3)
    ]


@pytest.mark.parametrize("gzipped", [True, False])
def test_truncated_warc_keeps_records_before_damage(tmp_path: Path, gzipped: bool) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, pages=3, gzipped=gzipped)
    cut = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    items = read_all(cut)
    assert 1 <= len(only_articles(items)) < 3
    assert isinstance(items[-1], Rejected)
    assert items[-1].origin.startswith(f"{cut}@")
    assert "truncated" in items[-1].reason or "malformed" in items[-1].reason


def test_garbage_warc_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not an archive at all\n" * 5)
    items = read_all(path)
    assert items and all(isinstance(item, Rejected) for item in items)


def test_bad_inputs_never_stop_the_batch(tmp_path: Path) -> None:
    for name in ("statement.txt", "navigation_only.html", "broken_feed.rss", "mixed_lines.jsonl"):
        shutil.copy(INPUTS / name, tmp_path / name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(b"<html>" * 100)[:20])
    items = read_all(tmp_path)
    assert len(only_articles(items)) == 4
    assert {Path(item.origin.split(":")[0]).name for item in only_rejected(items)} == {
        "broken_feed.rss",
        "cut.html.gz",
        "empty.txt",
        "mixed_lines.jsonl",
        "navigation_only.html",
    }
