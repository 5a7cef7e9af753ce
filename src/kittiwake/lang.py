"""Language data: how English frames an act, as user-editable YAML, validated on load.

The shipped files are `data/lang/en/*.yaml`. A user file of the same shape replaces the
shipped one (`load_clause_words(path=...)`); errors name `file:line` and field. The data is
read once per process and cached, so that a stage in a worker process pays for it once.
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kittiwake.yamlio import load_file, validation_errors


class _ClauseWordsModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    uncertainty_verbs: list[str]
    uncertainty_nouns: list[str]
    denial_verbs: list[str]
    effort_verbs: list[str]
    effort_nouns: list[str]
    request_for_verbs: list[str]
    casualty_verbs: list[str]
    casualty_causes: list[str]
    reporting_verbs: list[str]
    uncertainty_adjectives: list[str]
    background_prepositions: list[str]
    raising_passives: list[str]
    planned_passives: list[str]
    gerund_prepositions: list[str]
    cessation_verbs: list[str]
    claim_nouns: list[str]

    @field_validator("*")
    @classmethod
    def _lemmas(cls, words: list[str]) -> list[str]:
        for word in words:
            if not word.strip() or word != word.lower():
                raise ValueError(f"{word!r}: lemmas are written in lower case")
        return words


@dataclass(frozen=True, slots=True)
class ClauseWords:
    """Word lists behind the clause-level modality rules of the event coder."""

    uncertainty_verbs: frozenset[str]
    uncertainty_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    effort_verbs: frozenset[str]
    effort_nouns: frozenset[str]
    request_for_verbs: frozenset[str]
    casualty_verbs: frozenset[str]
    casualty_causes: frozenset[str]
    reporting_verbs: frozenset[str]
    uncertainty_adjectives: frozenset[str]
    background_prepositions: frozenset[str]
    raising_passives: frozenset[str]
    planned_passives: frozenset[str]
    gerund_prepositions: frozenset[str]
    cessation_verbs: frozenset[str]
    claim_nouns: frozenset[str]


def shipped_language_dir(language: str = "en") -> Path:
    return Path(str(importlib.resources.files("kittiwake") / "data" / "lang" / language))


def read_clause_words(path: Path) -> ClauseWords:
    """The clause words of `path`; a bad file raises ResourceError naming `file:line`."""
    plain = load_file(path)
    try:
        model = _ClauseWordsModel.model_validate(plain.data)
    except ValidationError as error:
        raise next(validation_errors(error, path=path, lines=plain.lines, fallback=1)) from None
    return ClauseWords(**{name: frozenset(words) for name, words in model.model_dump().items()})


@functools.cache
def load_clause_words(path: Path | None = None) -> ClauseWords:
    return read_clause_words(path or shipped_language_dir() / "clauses.yaml")
