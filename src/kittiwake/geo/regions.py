"""Well-known regions, seas, rivers and landmarks: a hand-written YAML list, validated on load.

The shipped list is `data/geo/regions.yaml`; a user file in the same format can be passed
to `load_regions`. Each item becomes one gazetteer entry (see `kittiwake.geo.gazetteer`).
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from kittiwake.yamlio import read_items, validate_item

REGION_FEATURES = frozenset(
    {"RGN", "OCN", "SEA", "GULF", "STRT", "CNL", "LK", "STM", "PEN", "MTS", "DSRT", "ADMD",
     "ADM1", "BLDG", "ST", "AIRP", "PCLH"}
)  # fmt: skip


class _RegionModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    feature: str
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")

    @field_validator("feature")
    @classmethod
    def _known_feature(cls, value: str) -> str:
        if value not in REGION_FEATURES:
            raise ValueError(f"must be one of {', '.join(sorted(REGION_FEATURES))}")
        return value


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    feature: str
    lat: float
    lon: float
    country: str  # "" when the area spans several countries


def shipped_regions_path() -> Path:
    return Path(str(importlib.resources.files("kittiwake") / "data" / "geo" / "regions.yaml"))


def load_regions(path: Path | None = None) -> list[Region]:
    """The regions of `path` (default: the shipped list); errors name `file:line` and field."""
    source = path or shipped_regions_path()
    regions = []
    for item in read_items(source, key="regions"):
        model = validate_item(_RegionModel, item, path=source)
        regions.append(
            Region(
                name=model.name,
                aliases=tuple(model.aliases),
                feature=model.feature,
                lat=model.lat,
                lon=model.lon,
                country=model.country or "",
            )
        )
    return regions
