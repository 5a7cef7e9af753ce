"""Discard lists: PETRARCH's discard file and "[###]" actors become `discards:` entries, and
text with a discard phrase is not coded (the sentence, or with scope story the story)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from spacy.language import Language

from kittiwake.actors.dictionaries import load_dictionaries, validate_paths
from kittiwake.actors.lexicon import Discards
from kittiwake.config import DEFAULT_MODEL, Settings
from kittiwake.importers.output import to_yaml
from kittiwake.importers.petrarch import import_actors, import_discards, is_discard_dictionary
from kittiwake.nlp import load_nlp
from kittiwake.pipeline import Pipeline, code_text

DISCARDS = """\
# sport and weather are not politics (a list written for these tests)
DECADES LATER
+Grand Prix   # the whole story
CURLING_FINAL
DECADES LATER
"""


@lru_cache(maxsize=1)
def nlp() -> Language:
    return load_nlp(DEFAULT_MODEL)


def test_discard_file_gives_sentence_and_story_phrases_and_warns_on_repeats() -> None:
    result = import_discards(DISCARDS, source="d.txt")
    assert [(d.phrase, d.scope) for d in result.discards] == [
        ("DECADES LATER", "sentence"),
        ("Grand Prix", "story"),
        ("CURLING FINAL", "sentence"),
    ]
    assert [(w.line, w.message) for w in result.warnings] == [(5, "'DECADES LATER' repeats line 2")]


def test_discard_marker_in_an_actor_dictionary() -> None:
    result = import_actors("VELMORA [VLM]\nGRIMWOLD_GANG [###]\n")
    assert [(d.phrase, d.scope) for d in result.discards] == [("Grimwold Gang", "sentence")]
    assert [c.id for c in result.countries] == ["VLM"]


@pytest.mark.parametrize(
    ("text", "expected"), [(DISCARDS, True), ("RUSSIA [RUS]\n", False), ("# only\n", False)]
)
def test_kind_of_dictionary(text: str, expected: bool) -> None:
    assert is_discard_dictionary(text) is expected


def test_discards_round_trip_and_bad_scope_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(to_yaml(import_discards(DISCARDS), header="t"), encoding="utf-8")
    assert len(load_dictionaries(extra_paths=[path]).discards) == 3
    bad = tmp_path / "bad.yaml"
    bad.write_text("discards:\n- phrase: x\n  scope: chapter\n", encoding="utf-8")
    (error,) = validate_paths([bad])
    assert (error.line, error.field) == (3, "scope")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "story", "sentences"),
    [
        ("Russia condemned Ukraine. Decades later the talks resumed.", False, {1}),
        ("The Grand Prix was held. Russia condemned Ukraine.", True, {0}),
        ("Russia condemned Ukraine.", False, set()),
    ],
)
def test_discarded_sentences(text: str, story: bool, sentences: set[int]) -> None:
    entries = import_discards(DISCARDS).discards
    found = Discards(discards=entries, nlp=nlp())(nlp()(text))
    assert (found.story, set(found.sentences)) == (story, sentences)


@pytest.mark.slow
def test_pipeline_drops_events_of_discarded_sentences(tmp_path: Path, pipeline: Pipeline) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(to_yaml(import_discards("CEREMONY\n"), header="t"), encoding="utf-8")
    text = "Russia condemned Ukraine on Monday. At a ceremony, France praised Germany."
    plain = {e.cameo[:2] for e in code_text(text, pipeline=pipeline)}
    kept = code_text(text, pipeline=Pipeline(Settings(dictionaries=(path,))))
    assert {"11", "05"} <= plain
    assert {e.cameo[:2] for e in kept} == {"11"}
