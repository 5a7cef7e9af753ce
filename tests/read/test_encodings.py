"""Text encodings: UTF-16 with a BOM is text, a stray bad byte does not turn UTF-8 into
mojibake, and cp1252 is still read (issue 15, D12, D13)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.read.common import decode_text
from kittiwake.records import Rejected

TEXT = "The caf\u00e9 owner in S\u00e3o Paulo said \u201cno\u201d to the minister on Tuesday."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-16"), TEXT),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), TEXT),
        (TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("cp1252"), TEXT),
        # One stray byte (a cut-off character) in UTF-8: the rest stays UTF-8.
        (TEXT.encode("utf-8").replace(b"Paulo", b"Pa\xfflo"), TEXT.replace("Paulo", "Pa\ufffdlo")),
        # A curly quote elsewhere in UTF-8 with a Latin-1 byte: no longer "binary".
        (
            b"\xe2\x80\x9cNo\xe2\x80\x9d, said the caf\xe9 owner.",
            "\u201cNo\u201d, said the caf\ufffd owner.",
        ),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-8", "cp1252", "utf-8 with a bad byte", "mixed"],
)
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data, origin="x") == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe", "empty"),
        (b"\xff\xfe" + b"\x00\xd8" * 10, "binary: bad UTF-16"),
        (bytes(range(128, 256)) * 3, "binary"),
        (bytes(range(1, 32)) * 30, "binary: 87% control characters"),  # valid UTF-8, not text
    ],
)
def test_decode_text_rejects(data: bytes, reason: str) -> None:
    result = decode_text(data, origin="x")
    assert isinstance(result, Rejected) and result.reason.startswith(reason)


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_and_utf16_round_trip(text: str) -> None:
    for encoded in (text.encode("utf-8"), text.encode("utf-16")):
        result = decode_text(encoded, origin="x")
        assert result == text.removeprefix("\ufeff") or isinstance(result, Rejected)
