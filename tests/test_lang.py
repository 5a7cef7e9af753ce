"""Language data (`kittiwake.lang`): every word file is validated with `file:line: field`
errors, read once per process, and replaceable from the folder `KITTIWAKE_LANG_DIR` names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kittiwake import lang
from kittiwake.lang import (
    LANG_DIR_VARIABLE,
    WORD_FILES,
    ClauseWords,
    PlaceRecipients,
    SpeechActs,
    TitleWords,
    data_path,
    load_words,
    read_word_file,
)
from kittiwake.resources import resource_kind, validate_resources
from kittiwake.yamlio import ResourceError


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """Word files are cached per process: a test that changes what is read starts afresh."""
    lang._load.cache_clear()
    yield
    lang._load.cache_clear()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


TITLES = """\
honorifics: [mr, mrs]
former_words: [former]
office_words: [president, minister]
name_titles: [president, mr.]
"""


@pytest.mark.parametrize(
    ("model", "text", "line", "field", "message"),
    [
        (
            TitleWords,
            TITLES.replace("[mr,", "[Mr,"),
            1,
            "honorifics",
            "'Mr': words are written in lower case",
        ),  # fmt: skip
        (TitleWords, TITLES.replace("[former]", "[' ']"), 2, "former_words", "an empty word"),
        (TitleWords, TITLES + "offce_words: [king]\n", 5, "offce_words", "unknown field"),
        (
            TitleWords,
            TITLES.replace("former_words", "formr_words"),
            1,
            "former_words",
            "required field is missing",
        ),  # fmt: skip
        (TitleWords, TITLES.replace("[president, minister]", "president"), 3, "office_words", ""),
        (TitleWords, TITLES.replace("[president,", "[7,"), 3, "office_words[0]", ""),
        (
            PlaceRecipients,
            "plover_types: [ASSAULT]\nviolent_types: [assault]\ncameo_codes: ['042']\n",
            2,
            "violent_types[0]",
            "",
        ),  # fmt: skip
        (
            PlaceRecipients,
            "plover_types: [ASSAULT]\nviolent_types: [ASSAULT]\ncameo_codes: ['42x']\n",
            3,
            "cameo_codes[0]",
            "",
        ),  # fmt: skip
    ],
    ids=[
        "capital",
        "empty",
        "unknown",
        "missing",
        "not-a-list",
        "not-a-word",
        "plover-type",
        "code",
    ],  # fmt: skip
)
def test_a_bad_word_file_names_file_line_and_field(
    tmp_path: Path, model: type[lang.WordFile], text: str, line: int, field: str, message: str
) -> None:
    path = write(tmp_path, model.file_name, text)
    with pytest.raises(ResourceError) as raised:
        read_word_file(path, model)
    assert (raised.value.path, raised.value.line, raised.value.field) == (str(path), line, field)
    assert message in raised.value.message


def test_a_speech_act_code_is_checked_inside_its_table(tmp_path: Path) -> None:
    shipped = data_path(SpeechActs).read_text(encoding="utf-8")
    bad = shipped.replace("fallback: '130'", "fallback: '13x'")
    assert bad != shipped
    line = bad.splitlines().index("  fallback: '13x'") + 1
    with pytest.raises(ResourceError) as raised:
        read_word_file(write(tmp_path, "speech_acts.yaml", bad), SpeechActs)
    assert (raised.value.line, raised.value.field) == (line, "threat.fallback")


@pytest.mark.parametrize(("kind", "model"), sorted(WORD_FILES.items()))
def test_every_shipped_word_file_is_valid_and_read_as_its_kind(
    kind: str, model: type[lang.WordFile]
) -> None:
    path = data_path(model)
    assert path.name == f"{kind}.yaml"
    assert resource_kind(path) == kind
    words = read_word_file(path, model)
    assert all(getattr(words, name) for name in type(words).model_fields), "an empty list"


def test_no_two_word_files_share_a_list_name() -> None:
    """A file's kind is read from its list names, so each name belongs to one file."""
    names = [name for model in WORD_FILES.values() for name in model.model_fields]
    assert len(names) == len(set(names))


@pytest.fixture
def user_titles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None) -> Path:
    """A user's language folder holding only `titles.yaml`."""
    monkeypatch.setenv(LANG_DIR_VARIABLE, str(tmp_path))
    return write(tmp_path, "titles.yaml", TITLES)


def test_a_user_language_folder_replaces_the_files_it_holds(user_titles: Path) -> None:
    assert load_words(TitleWords).honorifics == {"mr", "mrs"}
    assert data_path(ClauseWords).parent != user_titles.parent  # a file it lacks stays shipped
    assert "fear" in load_words(ClauseWords).uncertainty_verbs
    assert data_path(SpeechActs).parent != user_titles.parent  # the codebook is not language


def test_a_word_file_is_read_once_per_process(user_titles: Path) -> None:
    first = load_words(TitleWords)
    user_titles.write_text(TITLES.replace("[mr, mrs]", "[sir]"), encoding="utf-8")
    assert load_words(TitleWords) is first


def test_dict_validate_checks_the_users_language_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "titles.yaml", TITLES.replace("[mr,", "[Mr,"))
    monkeypatch.setenv(LANG_DIR_VARIABLE, str(tmp_path))
    [error] = validate_resources([]).errors
    assert (error.path, error.line, error.field) == (str(path), 1, "honorifics")
