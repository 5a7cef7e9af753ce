from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.geo.regions import REGION_FEATURES, Region, load_regions
from kittiwake.yamlio import ResourceError


def test_the_shipped_regions_load_with_unique_names() -> None:
    regions = load_regions()
    names = [region.name for region in regions]
    assert len(names) == len(set(names)) > 50
    assert all(-90 <= r.lat <= 90 and -180 <= r.lon <= 180 for r in regions)


@pytest.mark.parametrize(
    ("item", "line", "field"),
    [
        ("- {name: X, feature: NOPE, lat: 1, lon: 2}", 2, "feature"),
        ("- {name: X, feature: RGN, lat: 91, lon: 2}", 2, "lat"),
        ("- {name: X, feature: RGN, lat: 1, lon: 2, country: usa}", 2, "country"),
        ("- name: X\n    feature: RGN\n    lat: 1\n    lon: 2\n    colour: red", 6, "colour"),
        ("- name: X\n    feature: RGN\n    lat: 1\n    lon: two", 5, "lon"),
    ],
)
def test_errors_name_the_file_line_and_field(
    tmp_path: Path, item: str, line: int, field: str
) -> None:
    path = tmp_path / "regions.yaml"
    path.write_text(f"regions:\n  {item}\n")
    with pytest.raises(ResourceError) as error:
        load_regions(path)
    assert (error.value.path, error.value.line, error.value.field) == (str(path), line, field)


names = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12)


@given(
    name=names,
    aliases=st.lists(names, max_size=3),
    feature=st.sampled_from(sorted(REGION_FEATURES)),
    lat=st.floats(-90, 90),
    lon=st.floats(-180, 180),
    country=st.sampled_from(["", "SYR", "USA"]),
)
def test_regions_round_trip_through_yaml(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    aliases: list[str],
    feature: str,
    lat: float,
    lon: float,
    country: str,
) -> None:
    region = Region(name, tuple(aliases), feature, lat, lon, country)
    item = {"name": name, "aliases": aliases, "feature": feature, "lat": lat, "lon": lon}
    if country:
        item["country"] = country
    path = tmp_path_factory.mktemp("regions") / "regions.yaml"
    path.write_text(yaml.safe_dump({"regions": [item]}, allow_unicode=True))
    assert load_regions(path) == [region]
