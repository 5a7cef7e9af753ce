"""Columns of numbers and strings packed into one buffer and read back without copying.

The gazetteer (`kittiwake.geo.gazetteer`) is 270,000 entries and 390,000 name keys. Kept as
Python lists of strings it cost every start 0.09 s of unpickling and 85 MB of memory (issue
11). Packed, its cache file is mapped into memory (`mmap`) and used as it lies: loading
reads a small header, a lookup touches a few pages of the file, and processes on one
machine share those pages.

Layout: `MAGIC`, the header's length (8 bytes, little-endian), the header (a pickle: the
caller's small data and, for each column, its type code, offset and length), then each
column's bytes at an offset aligned to 8 bytes. Numbers are stored in this machine's byte
order: the file is a cache, written and read on one machine (`MAGIC` names the order).
"""

from __future__ import annotations

import io
import mmap
import pickle
import struct
import sys
from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeAlias

MAGIC = b"KWPACK1" + (b"L" if sys.byteorder == "little" else b"B")
_LENGTH = struct.Struct("<Q")
_ALIGN = 8
_ENCODING, _ERRORS = "utf-8", "surrogatepass"  # any str round-trips, and bytes sort as str

# What a column is read from: bytes (a pickled copy) or the mapped file.
Buffer: TypeAlias = bytes | mmap.mmap
# Number columns: an array (built in memory) or a typed view of a buffer (read back).
if TYPE_CHECKING:
    Ints: TypeAlias = array[int] | memoryview
    Floats: TypeAlias = array[float] | memoryview
    Column: TypeAlias = array[Any] | memoryview


class PackError(ValueError):
    """A buffer that is not a whole packed file (a stale or broken cache)."""


class Strings:
    """Strings as one UTF-8 blob and the end offset of each: reading one decodes only it.

    `find` looks a text up by bisection when the strings are sorted (as UTF-8 bytes, which
    is the order of their code points, the order `sorted` gives the strings)."""

    __slots__ = ("blob", "start", "ends")

    def __init__(self, blob: Buffer, start: int, ends: Ints) -> None:
        self.blob = blob  # string i is blob[start + ends[i - 1] : start + ends[i]]
        self.start = start
        self.ends = ends

    @classmethod
    def of(cls, texts: Iterable[str]) -> Strings:
        blob, ends = bytearray(), array("I")
        for text in texts:
            blob += text.encode(_ENCODING, _ERRORS)
            ends.append(len(blob))  # OverflowError past 4 GB: no gazetteer is near it
        return cls(bytes(blob), 0, ends)

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, index: int) -> str:
        return self.raw(index).decode(_ENCODING, _ERRORS)

    def raw(self, index: int) -> bytes:
        begin = self.ends[index - 1] if index else 0
        return self.blob[self.start + begin : self.start + self.ends[index]]

    def find(self, text: str) -> int | None:
        """The index of `text` among sorted strings, or None."""
        wanted = text.encode(_ENCODING, _ERRORS)
        blob, start, ends = self.blob, self.start, self.ends  # `raw` inlined: a hot loop
        low, high = 0, len(ends)
        while low < high:
            middle = (low + high) // 2
            begin = start + ends[middle - 1] if middle else start
            if blob[begin : start + ends[middle]] < wanted:
                low = middle + 1
            else:
                high = middle
        return low if low < len(ends) and self.raw(low) == wanted else None

    def blob_bytes(self) -> bytes | memoryview:
        whole = memoryview(self.blob)
        return whole[self.start : self.start + (self.ends[-1] if len(self.ends) else 0)]


def write(handle: IO[bytes], small: object, columns: Mapping[str, Column | Strings]) -> None:
    """Write `small` (any picklable data) and the columns to `handle`."""
    parts: list[tuple[str, str, memoryview | bytes]] = []
    for name, column in columns.items():
        if isinstance(column, Strings):
            parts.append((f"{name}.ends", typecode_of(column.ends), memoryview(column.ends)))
            parts.append((f"{name}.blob", "B", column.blob_bytes()))
        else:
            parts.append((name, typecode_of(column), memoryview(column)))
    places: dict[str, tuple[str, int, int]] = {}
    offset = 0
    for name, typecode, data in parts:
        size = memoryview(data).nbytes
        places[name] = (typecode, offset, size)
        offset += size + (-size % _ALIGN)
    header = pickle.dumps((small, places, offset), protocol=pickle.HIGHEST_PROTOCOL)
    start = len(MAGIC) + _LENGTH.size + len(header)
    handle.write(MAGIC + _LENGTH.pack(len(header)) + header + bytes(-start % _ALIGN))
    for _, _, data in parts:
        size = memoryview(data).nbytes
        handle.write(data)
        handle.write(bytes(-size % _ALIGN))


def typecode_of(column: Column) -> str:
    return column.typecode if isinstance(column, array) else column.format


def to_bytes(small: object, columns: Mapping[str, Column | Strings]) -> bytes:
    out = io.BytesIO()
    write(out, small, columns)
    return out.getvalue()


def read(buffer: Buffer) -> tuple[Any, dict[str, memoryview | Strings]]:
    """The small data and the columns of a packed buffer; raises PackError when it is not
    one whole packed file of this machine."""
    head = len(MAGIC) + _LENGTH.size
    if len(buffer) < head or buffer[: len(MAGIC)] != MAGIC:
        raise PackError("not a packed file of this format")
    (length,) = _LENGTH.unpack(buffer[len(MAGIC) : head])
    try:
        small, places, size = pickle.loads(buffer[head : head + length])
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as error:
        raise PackError(f"unreadable header: {error}") from None
    start = head + length + (-(head + length) % _ALIGN)
    if len(buffer) != start + size:
        raise PackError(f"{len(buffer)} bytes, not {start + size}: cut short or overwritten")
    view = memoryview(buffer)
    columns: dict[str, memoryview | Strings] = {}
    for name, (typecode, offset, nbytes) in places.items():
        if name.endswith(".blob"):
            continue
        numbers = view[start + offset : start + offset + nbytes].cast(typecode)
        if name.endswith(".ends"):
            blob_offset = places[name.removesuffix(".ends") + ".blob"][1]
            columns[name.removesuffix(".ends")] = Strings(buffer, start + blob_offset, numbers)
        else:
            columns[name] = numbers
    return small, columns


def map_file(path: Path) -> mmap.mmap:
    """`path` mapped read-only (the mapping outlives a later replacement of the file)."""
    with path.open("rb") as handle:
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
