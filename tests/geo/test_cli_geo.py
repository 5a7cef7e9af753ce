from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kittiwake.cli.geo  # noqa: F401  (attaches the commands)
from kittiwake.cli.groups import main
from kittiwake.geo.evaluate import evaluate_resolution, haversine_km, read_gold
from kittiwake.geo.gazetteer import Gazetteer
from kittiwake.read import iter_articles
from kittiwake.records import Article

DATA = Path(__file__).parent.parent / "data"


def test_haversine_km() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 0.0) == 0.0
    # one degree of latitude is about 111 km
    assert 110 < haversine_km(10.0, 20.0, 11.0, 20.0) < 112


def test_evaluate_resolution_on_a_tiny_gold_set(tiny_gazetteer: Gazetteer) -> None:
    records = [
        {"id": "1", "text": "Storms in Atlanta and Georgia.", "toponyms": [
            {"start": 10, "end": 17, "lat": 33.75, "lon": -84.39, "country": "United States"},
            {"start": 22, "end": 29, "lat": 32.7, "lon": -83.4, "geonameid": "2"},
            {"start": 0, "end": 6, "lat": 0.0, "lon": 0.0},
        ]},
    ]  # fmt: skip

    scores = evaluate_resolution(records, gazetteer=tiny_gazetteer)
    # "Storms" names no place: it is placed at the document's focus (Atlanta), far from gold
    assert (scores.n, scores.resolved, scores.by_fallback) == (3, 3, 1)
    assert scores.accuracy_161km == pytest.approx(2 / 3)
    assert scores.country_accuracy == pytest.approx(2 / 3)
    assert scores.errors == {"wrong_country": 1}


@pytest.mark.slow
def test_places_command_prints_json_lines(
    tmp_path: Path, geo_cache: Path, gazetteer: Gazetteer
) -> None:
    (tmp_path / "story.txt").write_text("Air raids killed 16 civilians in Idlib province.\n")
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"id": "x7", "text": "Floods hit Dhaka."}) + "\n"
    )
    result = CliRunner().invoke(
        main,
        [
            "places",
            str(tmp_path / "story.txt"),
            str(tmp_path / "more.jsonl"),
            "--date",
            "2020-01-02",
        ],
        env={"KITTIWAKE_CACHE": str(geo_cache)},
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    # the same readers as `kittiwake code`, so the same document ids
    (story,) = [a for a in iter_articles([tmp_path / "story.txt"]) if isinstance(a, Article)]
    assert [(r["doc_id"], r["text"], r["country"]) for r in rows] == [
        (story.doc_id, "Idlib province", "SYR"),
        ("x7", "Dhaka", "BGD"),
    ]
    assert set(rows[0]) == {
        "doc_id", "text", "start", "end", "name", "geonameid", "feature", "country", "admin1", "lat", "lon",
    }  # fmt: skip
    assert rows[0]["feature"] == "ADM1" and rows[0]["start"] == 33


def test_places_command_rejects_a_bad_date(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Floods hit Dhaka.\n")
    result = CliRunner().invoke(
        main, ["places", str(tmp_path / "story.txt"), "--date", "2020-13-01"]
    )
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.output


@pytest.mark.slow
def test_evaluate_geo_command_on_toponym_gold(geo_cache: Path, gazetteer: Gazetteer) -> None:
    gold = DATA / "geo_toponyms_gold.jsonl"
    result = CliRunner().invoke(
        main, ["evaluate-geo", str(gold)], env={"KITTIWAKE_CACHE": str(geo_cache)}
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    with_coordinates = sum(
        t["lat"] is not None for record in read_gold(gold) for t in record["toponyms"]
    )
    assert scores["task"] == "toponym-resolution" and scores["n"] == with_coordinates
    assert scores["accuracy_161km"] == 1.0 and scores["country_accuracy"] == 1.0

    limited = CliRunner().invoke(
        main, ["evaluate-geo", str(gold), "--limit", "1"], env={"KITTIWAKE_CACHE": str(geo_cache)}
    )
    assert json.loads(limited.output)["n"] == 3


@pytest.mark.slow
def test_evaluate_geo_command_on_event_place_gold(geo_cache: Path, gazetteer: Gazetteer) -> None:
    gold = DATA / "geo_event_places_gold.jsonl"
    result = CliRunner().invoke(
        main, ["evaluate-geo", str(gold)], env={"KITTIWAKE_CACHE": str(geo_cache)}
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["task"], scores["n"], scores["accuracy"]) == ("event-place", 2, 1.0)
    # the first-place baseline puts the capture in Ankara, where the officials spoke
    assert scores["baseline_first_place_accuracy"] == 0.5
