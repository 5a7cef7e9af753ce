from __future__ import annotations

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.geo.gazetteer import Gazetteer, representative_points


def test_the_shipped_points_name_real_areas_and_valid_coordinates() -> None:
    points = representative_points()
    assert points
    for code, (lat, lon) in points.items():
        if "-" in code:
            assert pycountry.subdivisions.get(code=code) is not None, code
        else:
            assert pycountry.countries.get(alpha_3=code) is not None, code
        assert -90 <= lat <= 90 and -180 <= lon <= 180


codes = st.from_regex(r"[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3}", fullmatch=True)
latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)


@given(st.dictionaries(codes, st.tuples(latitudes, longitudes), max_size=5))
def test_points_text_round_trips(points: dict[str, tuple[float, float]]) -> None:
    lines = ["# comment", "code\tlat\tlon\tname"]
    lines += [f"{code}\t{lat!r}\t{lon!r}\tsomewhere" for code, (lat, lon) in points.items()]
    assert representative_points("\n".join(lines) + "\n") == points


@pytest.mark.slow
@pytest.mark.parametrize(("name", "feature"), [("Canada", "PCLI"), ("Alberta", "ADM1")])
def test_listed_areas_take_their_representative_point(
    gazetteer: Gazetteer, name: str, feature: str
) -> None:
    points = representative_points()
    entry = next(e for e in gazetteer.candidates(name) if e.feature == feature)
    code = entry.country if feature == "PCLI" else "CA-AB"
    assert (entry.lat, entry.lon) == points[code]


@pytest.mark.slow
def test_unlisted_areas_keep_their_computed_centre(gazetteer: Gazetteer) -> None:
    # Ohio is not listed: its centre is that of its places, well inside the state
    ohio = next(e for e in gazetteer.candidates("Ohio") if e.feature == "ADM1")
    assert 38.5 < ohio.lat < 42 and -84.8 < ohio.lon < -80.5
