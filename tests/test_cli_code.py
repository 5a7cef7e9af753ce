"""`kittiwake code`: JSON Lines of events on stdout, a clear message for each bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import kittiwake.cli  # noqa: F401 - attaches the commands to the groups
from kittiwake.cli.groups import main

pytestmark = pytest.mark.slow

REQUIRED: dict[str, type | tuple[type, ...]] = {
    "event_id": str,
    "doc_id": str,
    "sentence": int,
    "text": str,
    "source": (dict, type(None)),
    "target": (dict, type(None)),
    "trigger": dict,
    "cameo": str,
    "cameo_root": str,
    "goldstein": (float, int),
    "quad_class": int,
    "plover": dict,
    "date": str,
    "place": (dict, type(None)),
    "negated": bool,
    "rule": str,
    "mention_id": str,
}
ACTOR_FIELDS = {"text", "code", "country", "sector", "start", "end"}
PLACE_FIELDS = {"name", "country", "lat", "lon"}

STORY = "Kerry met Lavrov on Tuesday.\n"
JSONL_LINES = [
    json.dumps({"id": "crimea", "date": "2014-03-18", "text": "Russia attacked Ukraine on Tuesday."}),
    "{not json",
    json.dumps({"id": "kabul", "text": "France condemned the attack on the embassy in Kabul."}),
]


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["code", *args], input=stdin, catch_exceptions=False)


def events_of(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def check_event(event: dict[str, Any], texts: dict[str, str]) -> None:
    for field, kind in REQUIRED.items():
        assert field in event, field
        assert isinstance(event[field], kind), (field, event[field])
    assert set(event["trigger"]) >= {"text", "start", "end"}
    assert set(event["plover"]) >= {"type", "mode"}
    for role in ("source", "target"):
        if event[role] is not None:
            assert set(event[role]) >= ACTOR_FIELDS
    if event["place"] is not None:
        assert set(event["place"]) >= PLACE_FIELDS
    assert event["cameo"].startswith(event["cameo_root"]) and len(event["cameo_root"]) == 2
    assert 1 <= event["quad_class"] <= 4
    assert event["negated"] is False  # default output leaves negated events out
    text = texts[event["doc_id"]]
    trigger = event["trigger"]
    assert text[trigger["start"] : trigger["end"]] == trigger["text"]


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "story": tmp_path / "story.txt",
        "jsonl": tmp_path / "wire.jsonl",
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "blob.txt",
    }
    paths["story"].write_text(STORY, encoding="utf-8")
    paths["jsonl"].write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    paths["empty"].write_bytes(b"")
    paths["binary"].write_bytes(b"\x00\x01PK\x03\x04\x00binary\xff\xfe")
    return paths


def test_txt_with_date(inputs: dict[str, Path]) -> None:
    result = run(str(inputs["story"]), "--date", "2015-12-16")
    assert result.exit_code == 0, result.stderr
    events = events_of(result)
    (met,) = [e for e in events if e["trigger"]["text"] == "met"]
    assert met["date"] == "2015-12-15"  # "on Tuesday" in a story of Wednesday 2015-12-16
    assert (met["source"]["code"], met["target"]["code"], met["cameo"]) == (
        "USAGOV",
        "RUSGOV",
        "040",
    )
    for event in events:
        check_event(event, {event["doc_id"]: STORY})


def test_bad_inputs_are_named_and_the_rest_is_coded(inputs: dict[str, Path]) -> None:
    paths = [str(inputs[name]) for name in ("empty", "story", "binary", "jsonl")]
    result = run(*paths, "--date", "2015-12-16")
    assert result.exit_code == 0
    events = events_of(result)
    texts = {
        "crimea": json.loads(JSONL_LINES[0])["text"],
        "kabul": json.loads(JSONL_LINES[2])["text"],
    }
    story_ids = {e["doc_id"] for e in events} - set(texts)
    assert len(story_ids) == 1
    texts[story_ids.pop()] = STORY
    for event in events:
        check_event(event, texts)
    by_doc = {e["doc_id"]: e for e in events}
    assert by_doc["crimea"]["date"] == "2014-03-18" and by_doc["crimea"]["cameo_root"] == "19"
    assert by_doc["kabul"]["date"] == "2015-12-16" and by_doc["kabul"]["cameo_root"] == "11"
    messages = result.stderr.splitlines()
    assert len(messages) == 3, result.stderr
    assert any(f"{inputs['jsonl']}:2" in m and "JSON" in m for m in messages)
    assert any(str(inputs["empty"]) in m and "empty" in m for m in messages)
    assert any(str(inputs["binary"]) in m and "binary" in m for m in messages)
    assert str(inputs["story"]) not in result.stderr


def test_stdin_dash() -> None:
    text = "The European Union imposed sanctions on Iran.\n"
    result = run("-", "--date", "2015-12-16", stdin=text)
    assert result.exit_code == 0, result.stderr
    events = events_of(result)
    assert [(e["cameo"], e["source"]["code"], e["target"]["code"]) for e in events] == [
        ("163", "IGOEUREEC", "IRN")
    ]
    for event in events:
        check_event(event, {event["doc_id"]: text})
        assert event["date"] == "2015-12-16"


def test_all_flag_adds_negated_events() -> None:
    text = "Kerry did not meet Lavrov.\n"
    assert events_of(run("-", "--date", "2015-12-16", stdin=text)) == []
    (event,) = events_of(run("-", "--date", "2015-12-16", "--all", stdin=text))
    assert event["negated"] is True and event["cameo"] == "040"


def test_bad_date_is_a_usage_error(inputs: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["code", str(inputs["story"]), "--date", "16/12/2015"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr
