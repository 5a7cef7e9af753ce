"""The importer defects of issue 13, one test (or case table) each, on small dictionary
snippets written for these tests in PETRARCH/TABARI syntax (invented names, our comments)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.matcher import PhraseMatcher

import kittiwake.actors.dictionaries as dictionaries_module
import kittiwake.actors.lexicon as lexicon_module
from kittiwake.actors.dictionaries import (
    AgentEntry,
    Dictionaries,
    load_dictionaries,
    validate_paths,
)
from kittiwake.actors.lexicon import Lexicon, PhraseIndex, plural_forms, spellings
from kittiwake.actors.resolve import ActorResolver
from kittiwake.config import DEFAULT_MODEL
from kittiwake.importers.output import to_yaml
from kittiwake.importers.petrarch import ImportResult, import_actors, import_agents
from kittiwake.nlp import load_nlp

COUNTRIES = """\
VELMORA [VLM]
+VELMORAN
RUSSIA [RUS]
+RUSSIAN
SYRIA [SYR]
+SYRIAN
+QUORATH_CITY   # a city coded as its country, as country files do
MIRO_POLICE   # a person whose last word is an agent word, not a claim on "police"
	[VLMGOV >150101]
"""


@lru_cache(maxsize=1)
def nlp() -> Language:
    return load_nlp(DEFAULT_MODEL)


def loaded(tmp_path: Path, *results: ImportResult) -> Dictionaries:
    paths = []
    for number, result in enumerate(results):
        path = tmp_path / f"import{number}.yaml"
        path.write_text(to_yaml(result, header="test"), encoding="utf-8")
        paths.append(path)
    assert validate_paths(paths) == []
    return load_dictionaries(extra_paths=paths)


def codes_in(text: str, dictionaries: Dictionaries) -> set[str]:
    resolver = ActorResolver(dictionaries=dictionaries, nlp=nlp())
    doc = nlp()(text)
    return {m.actor.code for m in resolver(doc, doc_id="t", date=dt.date(2015, 1, 1))}


# -- 1. countries are countries: agent words extend them, shipped countries keep working


def test_lone_three_letter_codes_import_as_countries_not_organisations() -> None:
    result = import_actors(COUNTRIES, shipped=load_dictionaries())
    assert {c.id for c in result.countries} == {"VLM", "RUS", "SYR"}
    assert result.organisations == ()
    russia = next(c for c in result.countries if c.id == "RUS")
    assert "Russian" in russia.adjectives  # the shipped entry is extended, not replaced
    assert "Quorath City" in next(c for c in result.countries if c.id == "SYR").names


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Velmora government protested on Monday.", "VLMGOV"),
        ("Russian police arrested three men.", "RUSCOP"),
        ("The Syrian army shelled the town.", "SYRMIL"),
    ],
)
def test_imported_countries_take_agent_words(tmp_path: Path, text: str, expected: str) -> None:
    dictionaries = loaded(tmp_path, import_actors(COUNTRIES, shipped=load_dictionaries()))
    assert expected in codes_in(text, dictionaries)


# -- 2. an undated default code only fills the time that dated codes leave open


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(1978, 5, 1), "RHD"),
        (dt.date(1979, 6, 6), "ZWE"),
        (dt.date(2001, 1, 1), "ZWE"),
    ],
)
def test_undated_default_does_not_beat_open_start_codes(day: dt.date, expected: str) -> None:
    text = "KAROVIA\n\t[RHD <790606]\n\t[ZWE]\n"
    (person,) = import_actors(text).people
    assert person.role_on(day).code == expected  # type: ignore[union-attr]


def test_default_fills_each_gap_between_dated_codes() -> None:
    text = "MIRREL_TOWNE [HOB]\n\t[HOBGOV 20121109-20130119]\n"
    (person,) = import_actors(text).people
    assert [(r.code, r.start, r.end) for r in person.roles] == [
        ("HOBGOV", dt.date(2012, 11, 9), dt.date(2013, 1, 19)),
        ("HOB", None, dt.date(2012, 11, 9)),
        ("HOB", dt.date(2013, 1, 19), None),
    ]


# -- 3. multi-actor codes and dated "no code" entries are kept


def test_multi_actor_code_keeps_every_actor() -> None:
    result = import_actors("THE_VALE  [VAL/BRA/TOK]\n")
    assert result.countries == ()  # a name for three actors is no country's name
    (vale,) = result.organisations
    assert (vale.code, vale.also) == ("VAL", ("BRA", "TOK"))
    assert result.problems == ()


def test_dated_multi_actor_code_keeps_the_first_and_reports_the_rest() -> None:
    result = import_actors("THE_VALE  [VAL/BRA/TOK <950630]\n")
    assert any("left out BRA/TOK" in str(p) and p.line == 1 for p in result.problems)


@pytest.mark.slow
def test_a_name_for_several_actors_codes_each(tmp_path: Path) -> None:
    dictionaries = loaded(tmp_path, import_actors("THE_VALE  [VLM/BRAGOV/IGOUNO]\n"))
    codes = codes_in("The Vale protested on Monday.", dictionaries)
    assert {"VLM", "BRAGOV", "IGOUNO"} <= codes


def test_dated_no_code_entry_is_a_person_without_a_code_in_that_span() -> None:
    (person,) = import_actors("LORD_OF_ESKER\n\t[--- <950630]\n\t[ESK]\n").people
    assert person.role_on(dt.date(1994, 1, 1)).code == ""  # type: ignore[union-attr]
    assert person.role_on(dt.date(1996, 1, 1)).code == "ESK"  # type: ignore[union-attr]


def test_no_code_roles_round_trip_through_yaml(tmp_path: Path) -> None:
    result = import_actors("LORD_OF_ESKER\n\t[--- <950630]\n\t[ESK]\nNOBODY_IN_PARTICULAR [---]\n")
    dictionaries = loaded(tmp_path, result)
    lord = next(p for p in dictionaries.people if p.name == "Lord of Esker")
    assert [r.code for r in lord.roles] == ["", "ESK"]
    assert any(p.name == "Nobody in Particular" for p in dictionaries.people)


# -- 4. malformed comments are comments


@pytest.mark.parametrize(
    "line",
    ["<! -- NEW ENTRIES BELOW -->", "<!--NEW ENTRIES BELOW-->", "<!   -- spaced out -->"],
)
def test_malformed_comment_lines_are_not_actors(line: str) -> None:
    result = import_actors(f"{line}\nVELMORA [VLM]\n")
    names = [n for c in result.countries for n in c.names]
    assert names == ["Velmora"]
    assert not result.people and not result.organisations


# -- 5. clashes with shipped entries and repeats inside a file warn; the user's entry wins


def test_clash_with_a_shipped_entry_warns_with_both_codes() -> None:
    result = import_actors("RUSSIA [VLM]\n", shipped=load_dictionaries())
    (warning,) = result.warnings
    assert warning.line == 1 and "RUS" in warning.message and "VLM" in warning.message


def test_repeated_name_in_one_file_warns_and_keeps_the_first() -> None:
    result = import_actors("VELMORA [VLM]\nOTHER [OTH]\n+VELMORA\n")
    assert [(w.line, "repeats line 1" in w.message) for w in result.warnings] == [(2, True)]
    assert [c.names for c in result.countries] == [("Velmora",), ("Other",)]


def test_same_name_same_code_as_shipped_is_no_clash() -> None:
    assert import_actors("RUSSIA [RUS]\n", shipped=load_dictionaries()).warnings == ()


@pytest.mark.slow
def test_user_entry_takes_precedence_over_a_shipped_one_with_its_name(tmp_path: Path) -> None:
    dictionaries = loaded(tmp_path, import_actors("FRANCE [VLM]\n", shipped=load_dictionaries()))
    lexicon = Lexicon(dictionaries=dictionaries, nlp=nlp())
    assert {t.entry.code for t in lexicon.lookup("france")} == {"VLM"}


# -- 6. prefix agents keep their position; agent clashes follow the user's file

SECTORS = """\
RELIEF_CORPS {} [NGO~]
SECURITY_FORCE [~MIL]
CONSTABLE [~COP]
"""


def test_prefix_agents_are_marked_and_keep_a_separate_id() -> None:
    agents = {a.id: a for a in import_agents(SECTORS + "NGO_WORKER [~NGO]\n").agents}
    assert agents["NGO.prefix"].prefix and agents["NGO.prefix"].code == "NGO"
    assert not agents["NGO"].prefix


def test_agent_word_moves_to_the_code_the_user_gives_it_with_a_warning() -> None:
    shipped = (AgentEntry("COP", "COP", "Police", ("police", "security force"), 5, "shipped"),)
    result = import_agents(SECTORS, shipped=shipped)
    agents = {a.id: a for a in result.agents}
    assert "security force" in agents["MIL"].words
    assert "security force" not in agents["COP"].words and "police" in agents["COP"].words
    assert any("security force" in w.message and w.line == 2 for w in result.warnings)


@pytest.mark.slow
def test_loaded_agent_word_means_only_the_users_code(tmp_path: Path) -> None:
    shipped = load_dictionaries()
    before = Lexicon(dictionaries=shipped, nlp=nlp()).lookup("security force")
    assert "MIL" not in {t.entry.code for t in before}
    text = "SECURITY_FORCE [~MIL]\n"
    dictionaries = loaded(tmp_path, import_agents(text, shipped=shipped.agents))
    after = Lexicon(dictionaries=dictionaries, nlp=nlp()).lookup("security force")
    assert {t.entry.code for t in after} == {"MIL"}


@pytest.mark.slow
def test_prefix_agent_code_goes_before_the_country(tmp_path: Path) -> None:
    dictionaries = loaded(
        tmp_path,
        import_actors(COUNTRIES, shipped=load_dictionaries()),
        import_agents(SECTORS, shipped=load_dictionaries().agents),
    )
    assert "NGOVLM" in codes_in("The Velmoran relief corps delivered food.", dictionaries)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name beside an agent word is no larger name, though the tagger joins them
        ("VRC Velmora handed out food on Monday.", "NGOVLM"),
        # prefix agents go before the country, the others after it
        ("A VRC Velmora constable handed out food on Monday.", "NGOVLMCOP"),
    ],
)
def test_prefix_and_suffix_agents_around_a_country(
    tmp_path: Path, text: str, expected: str
) -> None:
    dictionaries = loaded(
        tmp_path,
        import_actors(COUNTRIES, shipped=load_dictionaries()),
        import_agents(SECTORS + "VRC {} [NGO~]\n", shipped=load_dictionaries().agents),
    )
    assert expected in codes_in(text, dictionaries)


# -- 7. macros are not pluralised twice


def test_macro_forms_are_not_pluralised_again() -> None:
    text = "!PERSON! = MAN, MEN\nALDER!PERSON! [~LEG]\n"
    (agent,) = import_agents(text).agents
    assert set(agent.words) == {"alderman", "aldermen"}


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("aldermen", ("aldermen",)),
        ("alderman", ("alderman", "aldermen")),
        ("judge", ("judge", "judges")),
    ],
)
def test_lexicon_does_not_pluralise_plurals(word: str, forms: tuple[str, ...]) -> None:
    assert plural_forms(word) == forms


# -- 7b. a large import is cached: later loads skip parsing and tokenising


@pytest.fixture
def cached_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user dictionary path whose loads are cached (in a folder of the test's own)."""
    monkeypatch.setenv("KITTIWAKE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(dictionaries_module, "CACHE_MIN_BYTES", 0)
    return tmp_path / "big.yaml"


def test_large_dictionary_file_is_read_back_from_the_cache(
    cached_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = cached_file
    path.write_text(to_yaml(import_actors(COUNTRIES), header="test"), encoding="utf-8")
    first = load_dictionaries(extra_paths=[path])

    def not_again(*_: object) -> None:
        raise AssertionError("parsed again although cached")

    monkeypatch.setattr(dictionaries_module, "_read_file", not_again)
    assert load_dictionaries(extra_paths=[path]) == first


def test_cached_dictionary_is_rebuilt_when_the_file_changes(cached_file: Path) -> None:
    path = cached_file
    path.write_text(to_yaml(import_actors("VELMORA [VLM]\n"), header="a"), encoding="utf-8")
    load_dictionaries(extra_paths=[path])
    path.write_text(to_yaml(import_actors("VELMORIA [VLM]\n"), header="bb"), encoding="utf-8")
    velmora = next(c for c in load_dictionaries(extra_paths=[path]).countries if c.id == "VLM")
    assert velmora.names == ("Velmoria",)


@pytest.mark.slow
def test_large_lexicon_reads_its_phrase_tokens_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KITTIWAKE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(lexicon_module, "CACHED_LEXICON_SIZE", 0)
    dictionaries = load_dictionaries()
    first = Lexicon(dictionaries=dictionaries, nlp=nlp())

    def not_again(*_: object) -> None:
        raise AssertionError("tokenised again although cached")

    monkeypatch.setattr(lexicon_module, "spellings", not_again)
    second = Lexicon(dictionaries=dictionaries, nlp=nlp())
    doc = nlp()("Russian police and the Syrian army met U.S. officials in Damascus.")
    assert sorted(second.lower_matcher(doc)) == sorted(first.lower_matcher(doc))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("phrases", "text"),
    [
        (("united nations", "nations"), "The United Nations and other nations met."),
        (("u.s.", "gen."), "U.S. Gen. Smith met gen. Jones in the U.S."),
        (("al-qaeda", "qaeda"), "Al-Qaeda fighters and al-Qaeda's allies."),
    ],
)
def test_phrase_index_matches_like_spacy_phrase_matcher(
    phrases: tuple[str, ...], text: str
) -> None:
    index, matcher = PhraseIndex(lower=True), PhraseMatcher(nlp().vocab, attr="LOWER")
    for phrase in phrases:
        forms = spellings(nlp(), phrase)
        index.add(nlp().vocab.strings.add(phrase), [tuple(t.text for t in d) for d in forms])
        matcher.add(phrase, forms)
    doc = nlp()(text)
    assert sorted(index(doc)) == sorted(matcher(doc))


@pytest.mark.parametrize(
    ("code", "country"), [("MED", None), ("MOS", None), ("IGO", None), ("VLM", "VLM")]
)
def test_lone_sector_codes_are_not_countries(code: str, country: str | None) -> None:
    result = import_actors(f"QUILLSHIRE_HERALD [{code}]\n", shipped=load_dictionaries())
    assert [c.id for c in result.countries] == ([country] if country else [])
    assert [(o.country, o.sector) for o in result.organisations] == (
        [] if country else [(None, code)]
    )
