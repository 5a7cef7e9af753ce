from __future__ import annotations

import io
import pickle
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.geo import gazetteer as gazetteer_module
from kittiwake.geo.gazetteer import (
    GazEntry,
    Gazetteer,
    NameIndex,
    feature_hint,
    normalise_name,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Idlib", "idlib"),
        ("São Paulo", "sao paulo"),
        ("the Netherlands", "netherlands"),
        ("U.S.", "us"),
        ("St. Louis", "saint louis"),
        ("Côte d’Ivoire", "cote divoire"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
        ("  NEW   YORK ", "new york"),
    ],
)
def test_normalise_name(name: str, key: str) -> None:
    assert normalise_name(name) == key


@given(st.text(max_size=40))
def test_normalise_name_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


def _normalised_the_long_way(text: str) -> str:
    """`normalise_name` without its shortcut for ASCII text."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("&", " and ").replace(".", "").replace("'", "")
    words = re.sub(r"[^\w]+", " ", plain).split()
    words = words[1:] if len(words) > 1 and words[0] == "the" else words
    expand = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
    return " ".join(expand.get(word, word) for word in words)


@given(st.text(max_size=40) | st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_normalise_name_takes_no_shortcut_that_changes_a_key(text: str) -> None:
    assert normalise_name(text) == _normalised_the_long_way(text)


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("Idlib province", "ADM1"),
        ("Province of Idlib", "ADM1"),
        ("Deir ez-Zor Governorate", "ADM1"),
        ("Rapides Parish", "ADM2"),
        ("Kansas City", "PPL"),
        ("Idlib", None),
        ("Province", None),
    ],
)
def test_feature_hint(name: str, hint: str | None) -> None:
    assert feature_hint(name) == hint


def test_candidates_strip_an_administrative_word(tiny_gazetteer: Gazetteer) -> None:
    found = {(e.geonameid, e.feature) for e in tiny_gazetteer.candidates("Idlib Province")}
    assert found == {(12, "ADM1"), (13, "PPL")}
    assert tiny_gazetteer.candidates("Atlantis") == []


def test_candidates_use_alternate_names(tiny_gazetteer: Gazetteer) -> None:
    assert [e.name for e in tiny_gazetteer.candidates("the U.S.")] == ["United States"]


def test_by_geonameid_and_pickle_round_trip(tiny_gazetteer: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(tiny_gazetteer))
    assert copy.by_geonameid(9) == tiny_gazetteer.by_geonameid(9)
    assert copy.by_geonameid(9) is not None and copy.by_geonameid(9).admin1 == "Missouri"
    assert copy.by_geonameid(999) is None


def test_load_builds_once_then_reads_the_cache(
    tmp_path: Path, tiny_gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[int] = []

    def fake_build() -> Gazetteer:
        builds.append(1)
        return tiny_gazetteer

    monkeypatch.setattr(gazetteer_module, "build_gazetteer", fake_build)
    first = Gazetteer.load(cache_dir=tmp_path)
    second = Gazetteer.load(cache_dir=tmp_path)
    assert len(builds) == 1
    assert [p.name for p in tmp_path.iterdir()] == [
        f"gazetteer-{gazetteer_module.source_key()}.bin"
    ]
    assert len(second) == len(first) == len(tiny_gazetteer)
    assert list(second.entries()) == list(tiny_gazetteer.entries())


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",  # an empty file
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data + b"\0" * 8,  # longer than its header says
        lambda data: b"not a gazetteer at all",
    ],
)
def test_load_rebuilds_a_broken_cache_file(
    tmp_path: Path,
    tiny_gazetteer: Gazetteer,
    monkeypatch: pytest.MonkeyPatch,
    damage: Callable[[bytes], bytes],
) -> None:
    monkeypatch.setattr(gazetteer_module, "build_gazetteer", lambda: tiny_gazetteer)
    Gazetteer.load(cache_dir=tmp_path)
    (path,) = tmp_path.iterdir()
    path.write_bytes(damage(path.read_bytes()))
    reloaded = Gazetteer.load(cache_dir=tmp_path)
    assert list(reloaded.entries()) == list(tiny_gazetteer.entries())
    assert Gazetteer.from_buffer(path.read_bytes()).candidates("Idlib") == (
        tiny_gazetteer.candidates("Idlib")
    )


def test_a_packed_gazetteer_gives_what_was_packed() -> None:
    entries = [
        GazEntry("Zürich", 1, "PPL", "CHE", "Zürich", 47.37, 8.55, 400_000),
        GazEntry("Москва", 2, "PPLC", "RUS", None, 55.75, 37.62, 12_000_000),
        GazEntry("Asia", 3, "CONT", "", None, 29.84, 89.3, 4_000_000_000),
        GazEntry("Sea of Ṭaʿizz \U0001f30d", -4, "SEA", "YEM", None, -0.1, 1e-9, 0),
    ]
    names = [(entry.name, row) for row, entry in enumerate(entries)] + [("Zurich", 0)]
    built = Gazetteer(entries, names)
    reread = Gazetteer.from_buffer(_packed(built))
    for gazetteer in (built, reread, pickle.loads(pickle.dumps(built))):
        assert list(gazetteer.entries()) == entries
        assert [e.geonameid for e in gazetteer.candidates("zurich")] == [1]
        assert [e.geonameid for e in gazetteer.candidates("sea of ṭaʿizz 🌍")] == [-4]
        assert gazetteer.candidates("Moscow") == []


def _packed(gazetteer: Gazetteer) -> bytes:
    out = io.BytesIO()
    gazetteer.write(out)
    return out.getvalue()


def test_default_cache_dir_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITTIWAKE_CACHE", str(tmp_path))
    assert gazetteer_module.default_cache_dir() == tmp_path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Idlib province", "ADM1", "SYR"),
        ("Paris", "PPLC", "FRA"),
        ("Kiev", "PPLC", "UKR"),
        ("Georgia", "PCLI", "GEO"),
        ("Georgia", "ADM1", "USA"),
        ("W.Va.", "ADM1", "USA"),
        ("Turkish", "PCLI", "TUR"),
        ("Springfield", "PPL", "USA"),
        ("Europe", "CONT", ""),
        ("Gaza Strip", "RGN", "PSE"),
        # an area spanning countries takes the country of the place nearest its point
        ("Indian Ocean", "OCN", "IOT"),
        ("Eastern Ghouta", "RGN", "SYR"),
        ("Korea", "PCLI", "KOR"),
        # placed at GeoNames' point, the Middle East's nominal country is GeoNames' one
        ("Middle East", "RGN", "SYR"),
        ("Korean Peninsula", "PEN", "PRK"),
        ("the West", "RGN", "DEU"),
        ("Arab", "PEN", "SAU"),
        # written abbreviations, and the airport that small towns share a name with
        ("Ind.", "ADM1", "USA"),
        ("NSW", "ADM1", "AUS"),
        ("WA", "ADM1", "AUS"),
        ("T&T", "PCLI", "TTO"),
        ("Heathrow", "AIRP", "GBR"),
    ],
)
def test_real_gazetteer_lookups(
    gazetteer: Gazetteer, name: str, feature: str, country: str
) -> None:
    assert (feature, country) in {(e.feature, e.country) for e in gazetteer.candidates(name)}


def test_a_written_abbreviation_gives_only_what_it_abbreviates() -> None:
    india = GazEntry("India", 1, "PCLI", "IND", None, 22.0, 79.0, 1_350_000_000)
    indiana = GazEntry("Indiana", 2, "ADM1", "USA", "Indiana", 40.0, -86.1, 6_700_000)
    gazetteer = Gazetteer([india, indiana], [("India", 0), ("IND", 0), ("Ind.", 1)])
    assert [e.name for e in gazetteer.candidates("Ind.")] == ["Indiana"]
    assert [e.name for e in gazetteer.candidates("IND")] == ["India", "Indiana"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Ohioans", "Ohio"), ("Ohioan", "Ohio"), ("Syrians", "Syria"), ("Dubai", None), ("Oh", None)],
)
def test_loose_candidates_read_demonyms_of_countries_and_regions(
    tiny_gazetteer: Gazetteer, name: str, expected: str | None
) -> None:
    found = tiny_gazetteer.loose_candidates(name)
    assert (found[0].name if found else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dubai World Cup", ["Dubai"]),
        ("Springfield Street", ["Springfield", "Springfield"]),
        ("Syria Street", []),  # a country is not where a street named after it lies
        ("Embassy of Syria", []),  # nor a diplomatic mission
        ("Central Bank of Syria", ["Syria"]),  # but an institution named after it is there
        ("US Federal Reserve", ["United States"]),  # a short run may name a country
        ("Royal Street", []),
        ("Dubai", []),  # a one-word name has no shorter run
    ],
)
def test_inner_candidates_find_places_named_inside_a_name(
    tiny_gazetteer: Gazetteer, name: str, expected: list[str]
) -> None:
    assert [entry.name for entry in tiny_gazetteer.inner_candidates(name)] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Syrian Cultural Centre", []), ("Syria Cultural Centre", ["Syria"])],
)
def test_a_country_adjective_inside_a_name_does_not_place_it(
    name: str, expected: list[str]
) -> None:
    # "Percy French Hotel", "British International School" (in Cairo)
    syria = GazEntry("Syria", 14, "PCLI", "SYR", None, 35.0, 38.0, 17_000_000)
    gazetteer = Gazetteer([syria], [("Syria", 0), ("Syrian", 0)], demonyms=["Syrian"])
    assert [entry.name for entry in gazetteer.inner_candidates(name)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ontarians", ("Ontario", "CAN")),
        ("Kurdish", ("Kurdistan", "IRQ")),
        ("Dagestani", ("Dagestan", "RUS")),
    ],
)
def test_real_loose_candidates(gazetteer: Gazetteer, name: str, expected: tuple[str, str]) -> None:
    assert expected in {(e.name, e.country) for e in gazetteer.loose_candidates(name)}


@pytest.mark.slow
def test_real_gazetteer_entries_have_coordinates(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SYR")
    assert syria is not None and 32 < syria.lat < 37 and 35 < syria.lon < 42
    assert len(gazetteer) > 200_000


@pytest.mark.slow
def test_every_listed_area_has_a_country(gazetteer: Gazetteer) -> None:
    areas = [entry for entry in gazetteer.entries() if entry.geonameid < 0]
    assert areas and all(len(entry.country) == 3 for entry in areas)


@given(
    st.dictionaries(
        st.text(alphabet="abc xyz", min_size=1, max_size=6),
        st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=3),
        max_size=30,
    )
)
def test_name_index_finds_what_a_dict_finds_also_after_pickling(
    index: dict[str, list[int]],
) -> None:
    found = NameIndex(index)
    reread = pickle.loads(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    for key in [*index, "", "b", "zz", "abc"]:
        expected = tuple(index.get(key, ()))
        assert found.get(key) == expected
        assert reread.get(key) == expected
