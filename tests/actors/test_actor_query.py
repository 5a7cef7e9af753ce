"""`resolve_actor_text`, query files and `kittiwake actors resolve`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import kittiwake.cli  # noqa: F401  (attaches the commands to the groups)
import kittiwake.cli.actors  # noqa: F401  (in case cli/__init__ does not import it yet)
from kittiwake.actors.query import (
    ActorQuery,
    Query,
    QueryError,
    QueryResult,
    ResolvedActor,
    chunks,
    likelihood_order,
    parse_query_line,
    read_queries,
    resolve_actor_text,
)
from kittiwake.cli.groups import main
from kittiwake.config import Settings

QUERIES = Path(__file__).resolve().parents[1] / "data" / "actor_queries.jsonl"


# --- query lines (no model needed) -------------------------------------------------------------
def test_parse_query_line_reads_every_field() -> None:
    line = '{"id": "q1", "text": "Ankara said.", "date": "2016-03-01", "context": "Earlier."}'
    query = parse_query_line(line, origin="f.jsonl:3")
    assert query == Query("q1", "Ankara said.", dt.date(2016, 3, 1), "Earlier.", "f.jsonl:3")


@pytest.mark.parametrize(
    ("line", "problem", "query_id"),
    [
        ('{"id": 1, "text": "x"', "not JSON", None),
        ('["id", "text"]', "expected a JSON object", None),
        ('{"id": 1}', "text:", 1),
        ('{"id": "a", "text": ""}', "text:", "a"),
        ('{"id": "a", "text": "x", "date": "2016-13-01"}', "date:", "a"),
        ('{"id": "a", "text": "x", "date": "yesterday"}', "date:", "a"),
        ('{"text": "x"}', "id:", None),
        ('{"id": true, "text": "x"}', "id:", None),
        ('{"id": 1.5, "text": "x"}', "id:", None),
        ('{"id": "a", "text": "x", "contxt": "typo"}', "contxt:", "a"),
    ],
)
def test_bad_query_lines_name_the_line_and_field(
    line: str, problem: str, query_id: str | int | None
) -> None:
    error = parse_query_line(line, origin="q.jsonl:7")
    assert isinstance(error, QueryError)
    assert error.id == query_id
    message = error.to_json()["error"]
    assert message.startswith("q.jsonl:7: ")
    assert problem in message


def test_defaults_fill_missing_date_and_context_only() -> None:
    default = dt.date(2020, 1, 1)
    bare = parse_query_line(
        '{"id": 1, "text": "x"}', origin="o", default_date=default, default_context="c"
    )
    own = parse_query_line(
        '{"id": 1, "text": "x", "date": "2015-01-01", "context": "own"}',
        origin="o",
        default_date=default,
        default_context="c",
    )
    assert isinstance(bare, Query) and isinstance(own, Query)
    assert (bare.date, bare.context) == (default, "c")
    assert (own.date, own.context) == (dt.date(2015, 1, 1), "own")


queries = st.builds(
    Query,
    id=st.one_of(st.text(max_size=8), st.integers()),
    text=st.text(min_size=1, max_size=40),
    date=st.one_of(st.none(), st.dates()),
    context=st.one_of(st.none(), st.text(max_size=40)),
    origin=st.just("gen.jsonl:1"),
)


@given(queries)
def test_query_lines_round_trip(query: Query) -> None:
    raw = {"id": query.id, "text": query.text, "context": query.context}
    raw["date"] = query.date.isoformat() if query.date else None
    assert parse_query_line(json.dumps(raw), origin=query.origin) == query


def test_read_queries_skips_blank_lines_and_keeps_going() -> None:
    items = list(read_queries(QUERIES))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["Query", "Query", "QueryError", "Query", "QueryError"]
    errors = [item for item in items if isinstance(item, QueryError)]
    assert [e.origin for e in errors] == [f"{QUERIES}:4", f"{QUERIES}:6"]
    assert [e.id for e in errors] == [None, "bad-date"]


@given(st.lists(st.integers(), max_size=30), st.integers(min_value=1, max_value=7))
def test_chunks_keep_every_item_in_order(items: list[int], size: int) -> None:
    parts = list(chunks(items, size=size))  # type: ignore[arg-type]
    assert [x for part in parts for x in part] == items
    assert all(1 <= len(part) <= size for part in parts)


def actor(
    code: str, country: str | None, sector: str | None, start: int, entry: str | None = None
) -> ResolvedActor:
    return ResolvedActor("t", start, start + 1, code, country, sector, entry, None, "why", "kind")


def test_likelihood_order_puts_full_codes_before_partial_and_unknown() -> None:
    unknown = actor("", None, None, 0)
    partial = actor("GOV", None, "GOV", 1)
    country_only = actor("RUS", "RUS", None, 2)
    person = actor("USAGOV", "USA", "GOV", 5, "person:x")
    later_full = actor("SYRREB", "SYR", "REB", 9)
    ordered = sorted([unknown, partial, later_full, country_only, person], key=likelihood_order)
    assert ordered == [person, later_full, partial, country_only, unknown]


# --- with the spaCy model ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def query() -> ActorQuery:
    return ActorQuery.from_settings(Settings())


@pytest.mark.slow
def test_offsets_point_into_the_text(query: ActorQuery) -> None:
    text = "Russia and the United States agreed to a ceasefire."
    found = resolve_actor_text(
        text, date=dt.date(2016, 3, 1), context=None, resolver=query.resolver, nlp=query.nlp
    )
    assert {a.code for a in found} == {"RUS", "USA"}
    assert all(text[a.start : a.end] == a.text for a in found)
    assert all(a.why for a in found)


@pytest.mark.slow
def test_context_resolves_references_but_is_not_returned(query: ActorQuery) -> None:
    context = "Russian Foreign Minister Sergei Lavrov met John Kerry in Geneva."
    text = "Earlier he said the two sides were close."
    found = query(text, date=dt.date(2015, 12, 16), context=context)
    assert all(0 <= a.start < a.end <= len(text) and text[a.start : a.end] == a.text for a in found)
    pronoun = [a for a in found if a.text == "he"]
    assert [a.code for a in pronoun] == ["USAGOV"]  # the person named last
    assert pronoun[0].refers_to == "John Kerry"
    pair = {a.code for a in found if a.text == "the two sides"}
    assert pair == {"RUSGOV", "USAGOV"}
    assert not query(text, date=dt.date(2015, 12, 16), context=None)  # nothing to refer to


@pytest.mark.slow
def test_date_chooses_the_role(query: ActorQuery) -> None:
    senator = query("John Kerry spoke.", date=dt.date(2010, 6, 1))
    secretary = query("John Kerry spoke.", date=dt.date(2015, 12, 16))
    assert [(a.code, a.entry) for a in senator] == [("USALEG", "person:john_kerry")]
    assert [(a.code, a.entry) for a in secretary] == [("USAGOV", "person:john_kerry")]


@pytest.mark.slow
def test_batch_matches_single_queries_in_order(query: ActorQuery) -> None:
    items = list(read_queries(QUERIES))
    results = list(query.resolve_all(items, batch_size=2))
    assert len(results) == len(items)
    for item, result in zip(items, results, strict=True):
        if isinstance(item, QueryError):
            assert result is item
            continue
        assert isinstance(result, QueryResult) and result.id == item.id
        assert list(result.actors) == query(item.text, date=item.date, context=item.context)


# --- the command -------------------------------------------------------------------------------
def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["actors", "resolve", *args])
    return result.exit_code, result.output


def test_cli_needs_text_or_file_but_not_both() -> None:
    assert invoke()[0] == 2
    assert invoke("Ankara said.", "--file", str(QUERIES))[0] == 2


def test_cli_rejects_a_bad_date() -> None:
    code, output = invoke("Ankara said.", "--date", "2016-02-30")
    assert code == 2 and "YYYY-MM-DD" in output


@pytest.mark.slow
def test_cli_resolves_one_text() -> None:
    code, output = invoke("American warplanes struck the convoy.", "--date", "2016-03-01")
    assert code == 0, output
    actors = json.loads(output)
    assert [(a["text"], a["code"], a["country"], a["sector"]) for a in actors] == [
        ("American warplanes", "USAMIL", "USA", "MIL")
    ]
    assert "American" in actors[0]["why"]


@pytest.mark.slow
def test_cli_uses_the_context() -> None:
    code, output = invoke(
        "He arrived on Monday.",
        "--date",
        "2016-03-01",
        "--context",
        "Vladimir Putin flew to Syria.",
    )
    assert code == 0, output
    actors = json.loads(output)
    assert [(a["text"], a["code"], a["entry"]) for a in actors] == [
        ("He", "RUSGOV", "person:vladimir_putin")
    ]


@pytest.mark.slow
def test_cli_file_prints_one_line_per_query_and_names_bad_lines() -> None:
    code, output = invoke("--file", str(QUERIES))
    assert code == 0, output
    lines = [json.loads(line) for line in output.splitlines()]
    assert [line["id"] for line in lines] == ["kremlin", 2, None, "no-date", "bad-date"]
    assert lines[0]["actors"][0]["code"] == "RUSGOV"
    assert {a["code"] for a in lines[1]["actors"]} == {"USAGOV", "RUSGOV"}
    assert lines[2]["error"].startswith(f"{QUERIES}:4: not JSON")
    assert lines[3]["actors"][0]["code"] == "IRQCOP"
    assert lines[4]["error"].startswith(f"{QUERIES}:6: date:")


@pytest.mark.slow
def test_cli_user_dictionary_adds_a_person(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(
        "people:\n"
        "  - id: odile_vantrask\n"
        "    name: Odile Vantrask\n"
        "    roles:\n"
        "      - {code: FRAGOV, start: 2019-01-01, title: Minister of Fisheries}\n",
        encoding="utf-8",
    )
    args = ("Odile Vantrask visited the port.", "--date", "2020-05-01")
    code, output = invoke(*args, "--dictionary", str(user))
    assert code == 0, output
    assert [(a["code"], a["entry"]) for a in json.loads(output)] == [
        ("FRAGOV", "person:odile_vantrask")
    ]
    code, output = invoke(*args)
    assert code == 0, output
    assert [a["code"] for a in json.loads(output)] == [""]  # unknown without the user file
