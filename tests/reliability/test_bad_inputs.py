"""The quick kinds of bad input (see bad_inputs.py): each ingested next to good articles,
twice, is rejected with its reason or stored, with nothing else lost or duplicated.
`make reliability` runs these and the large ones, with their time and memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_inputs import Kind, kinds
from outcomes import check_kind

from kittiwake.pipeline import Pipeline

pytestmark = pytest.mark.slow

QUICK = [kind for kind in kinds() if kind.quick]


def test_there_are_at_least_25_kinds() -> None:
    assert len(kinds()) >= 25 and len({kind.name for kind in kinds()}) == len(kinds())


@pytest.mark.parametrize("kind", QUICK, ids=[kind.name for kind in QUICK])
def test_bad_input_is_rejected_or_stored_and_nothing_else_lost(
    tmp_path: Path, pipeline: Pipeline, kind: Kind
) -> None:
    outcome = check_kind(kind, tmp_path / "kind", pipeline=pipeline)
    assert outcome.ok, outcome.problems
