"""Language data: the words by which the stages read English, as user-editable YAML.

Each file of `data/lang/en/` is one model below (`clauses.yaml` is `ClauseWords`, ...): a
mapping from a list's name to its words (or to a table of them). Other files are read the
same way: the function words that name a text's language (`data/lang/function_words.yaml`)
and two codebook tables (`data/speech_acts.yaml`, `data/place_recipients.yaml`). Errors name
`file:line` and field, as for dictionaries and patterns (`kittiwake dict validate`).

A user overrides the English files by pointing `KITTIWAKE_LANG_DIR` at a folder: a file of
the same name there replaces the shipped one, whole; the others stay shipped. Every file is
read once per process and cached (a stage asks `load_words(Model)` where it needs the words,
about 0.1 µs once read), so that a stage in a worker process pays for it once; the variable
is therefore read at a file's first use.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, ClassVar, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from kittiwake.yamlio import load_file, validation_errors

LANG_DIR_VARIABLE = "KITTIWAKE_LANG_DIR"


class WordFile(BaseModel):
    """A file of named word lists: lower-case words (lemmas unless a comment says otherwise)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    file_name: ClassVar[str]
    # The folder under `data/`; only English files (`lang/en`) can be replaced by the user's.
    folder: ClassVar[str] = "lang/en"
    cased: ClassVar[frozenset[str]] = frozenset()  # fields whose words keep their capitals

    @field_validator("*")
    @classmethod
    def _lower_case(cls, value: object, info: ValidationInfo) -> object:
        if info.field_name in cls.cased:
            return value
        words = [*value.keys(), *value.values()] if isinstance(value, dict) else [value]
        for word in (w for group in words for w in _strings(group)):
            if not word.strip():
                raise ValueError("an empty word")
            if word != word.lower():
                raise ValueError(f"{word!r}: words are written in lower case")
        return value


def _strings(value: object) -> list[str]:
    """The strings of a word or of a set of words (a field's value, or one value of a table)."""
    if isinstance(value, str):
        return [value]
    return [w for w in value if isinstance(w, str)] if isinstance(value, frozenset | tuple) else []


Words = frozenset[str]


class ClauseWords(WordFile):
    """Word lists behind the clause-level modality rules of the event coder."""

    file_name = "clauses.yaml"

    uncertainty_verbs: Words
    uncertainty_nouns: Words
    denial_verbs: Words
    effort_verbs: Words
    effort_nouns: Words
    request_for_verbs: Words
    casualty_verbs: Words
    casualty_causes: Words
    reporting_verbs: Words
    uncertainty_adjectives: Words
    background_prepositions: Words
    answerability_nouns: Words
    raising_passives: Words
    planned_passives: Words
    gerund_prepositions: Words
    cessation_verbs: Words
    claim_nouns: Words
    generic_determiners: Words
    planned_modifiers: Words
    possible_modifiers: Words
    mandative_verbs: Words
    awaiting_conjunctions: Words
    wished_verbs: Words
    predicted_passives: Words
    postponement_verbs: Words
    credit_words: Words
    describing_verbs: Words
    tasking_verbs: Words
    hearsay_passives: Words
    intent_nouns: Words
    threat_nouns: Words
    plight_nouns: Words
    announcing_verbs: Words


class TitleWords(WordFile):
    """Words of titles and offices before a name (`actors/`)."""

    file_name = "titles.yaml"

    honorifics: Words
    former_words: Words
    office_words: Words
    name_titles: Words


class ActorWords(WordFile):
    """Words the actor stage reads around a name or a group noun (`actors/resolve.py`)."""

    file_name = "actors.yaml"

    cased = frozenset({"family_name_first"})

    member_nouns: Words
    national_nouns: Words
    igo_organ_words: Words
    affiliation_heads: Words
    aiming_verbs: Words
    symbol_nouns: Words
    family_name_first: Words
    institution_nouns: Words
    travel_verbs: Words
    relocation_verbs: Words
    side_qualifiers: Words
    government_heads: Words
    captive_nouns: Words
    captivity_verbs: Words
    unnamed_people: Words
    standing_nouns: Words
    holding_places: Words
    water_features: Words
    pair_nouns: Words
    female_titles: Words
    female_first_names: Words
    cause_bodies: Words
    follower_nouns: Words


class EventWords(WordFile):
    """Words the event coder reads around a trigger (`events/code.py`)."""

    file_name = "events.yaml"

    quantity_heads: Words
    giving_verbs: Words
    relation_nouns: Words
    intent_verbs: Words
    intent_adjectives: Words
    request_verbs: Words
    light_verbs: Words
    document_nouns: Words
    instrument_nouns: Words
    naming_verbs: Words
    routine_destinations: Words
    participation_verbs: Words
    topic_nouns: Words
    target_prepositions: tuple[str, ...]
    patient_nouns: Words
    protective_words: Words
    occurrence_verbs: Words
    act_nouns: Words
    violence_nouns: Words
    violence_kinds: dict[str, str]
    attributive_participles: Words
    contact_verbs: Words
    invitation_verbs: Words
    bearing_verbs: Words
    blame_nouns: Words
    dying_verbs: Words
    time_frame_nouns: Words
    natural_force_nouns: Words
    fire_nouns: Words
    job_nouns: Words
    projectile_nouns: Words
    judging_verbs: Words
    answered_nouns: dict[str, tuple[str, ...]]


class PlaceWords(WordFile):
    """Words that put a place in a phrase, or tell a place name from another name."""

    file_name = "places.yaml"

    recipient_prepositions: Words
    recipient_qualifiers: Words
    topic_place_nouns: Words
    locative_prepositions: Words
    doer_participles: Words
    here_words: Words
    hub_cities: Words
    locative_verbs: Words
    generic_name_words: Words
    elsewhere_words: Words
    demonym_endings: tuple[tuple[str, str], ...]


class StopWords(WordFile):
    """Words that say nothing about which event a sentence reports (`consolidate.py`)."""

    file_name = "stopwords.yaml"

    function_words: Words
    news_words: Words

    @functools.cached_property
    def all_words(self) -> frozenset[str]:
        return self.function_words | self.news_words


CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class CountryNames(WordFile):
    """Country names as news writes them, beside the official names pycountry knows."""

    file_name = "countries.yaml"
    cased = frozenset({"gazetteer_names"})

    name_variants: dict[str, str]
    gazetteer_names: dict[CountryCode, tuple[str, ...]]


Names = dict[str, tuple[str, ...]]


class PlaceNames(WordFile):
    """Place names as English news writes them, beside the gazetteer's sources."""

    file_name = "place_names.yaml"
    cased = frozenset(
        {
            "us_state_abbreviations",
            "canadian_province_abbreviations",
            "australian_state_abbreviations",
            "continent_names",
        }
    )

    us_state_abbreviations: Names
    canadian_province_abbreviations: Names
    australian_state_abbreviations: Names
    continent_names: Names


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]


class FunctionWords(WordFile):
    """Frequent function words by language (ISO 639-1), which name a text's language."""

    file_name = "function_words.yaml"
    folder = "lang"

    languages: dict[LanguageCode, Words]


class DateWords(WordFile):
    """Words the date stage reads around time expressions (`when.py`)."""

    file_name = "dates.yaml"
    cased = frozenset({"months"})

    reporting_lemmas: Words
    months: tuple[tuple[str, ...], ...] = Field(min_length=12, max_length=12)
    number_words: dict[str, int]
    day_offsets: dict[str, int]
    dated_writings: Words


Code = Annotated[str, Field(pattern=r"^[0-9]{2,4}$")]


class SpeechActTable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fallback: Code
    codes: dict[Code, Code]


class SpeechActs(WordFile):
    """The code of a speech act about an act, by the act's code (see `events/modality.py`)."""

    file_name = "speech_acts.yaml"
    folder = ""

    promise: SpeechActTable
    threat: SpeechActTable
    demand: SpeechActTable
    refusal: SpeechActTable


PloverType = Annotated[str, Field(pattern=r"^[A-Z]+$")]


class PlaceRecipients(WordFile):
    """Which acts done in a place are done to it (see `events/recipients.py`)."""

    file_name = "place_recipients.yaml"
    folder = ""
    cased = frozenset({"plover_types", "violent_types"})

    plover_types: frozenset[PloverType]
    violent_types: frozenset[PloverType]
    cameo_codes: frozenset[Code]
    ground_codes: frozenset[Code]
    placeless_roots: frozenset[Code] = frozenset()


# Every file, by the kind name `kittiwake dict validate --kind` takes.
WORD_FILES: Mapping[str, type[WordFile]] = {
    model.file_name.removesuffix(".yaml"): model
    for model in (
        ClauseWords,
        EventWords,
        ActorWords,
        TitleWords,
        PlaceWords,
        DateWords,
        StopWords,
        CountryNames,
        PlaceNames,
        FunctionWords,
        SpeechActs,
        PlaceRecipients,
    )
}

M = TypeVar("M", bound=WordFile)


def shipped_language_dir(language: str = "en") -> Path:
    return shipped_data_dir() / "lang" / language


def shipped_data_dir() -> Path:
    return Path(str(importlib.resources.files("kittiwake") / "data"))


def data_path(model: type[WordFile]) -> Path:
    """The file `model` is read from: the user's language folder's copy, else the shipped."""
    shipped = shipped_data_dir() / model.folder / model.file_name
    if model.folder != "lang/en":
        return shipped
    folder = os.environ.get(LANG_DIR_VARIABLE)
    if folder and (Path(folder) / model.file_name).is_file():
        return Path(folder) / model.file_name
    return shipped


def read_word_file(path: Path, model: type[M]) -> M:
    """The lists of `path`; a bad file raises ResourceError naming `file:line` and field."""
    plain = load_file(path)
    try:
        return model.model_validate(plain.data)
    except ValidationError as error:
        raise next(validation_errors(error, path=path, lines=plain.lines, fallback=1)) from None


@functools.cache
def _load(model: type[WordFile]) -> WordFile:
    return read_word_file(data_path(model), model)


def load_words(model: type[M]) -> M:
    """The lists of `model`'s file, read once per process."""
    return cast(M, _load(model))  # _load keeps each model's own instance


def read_clause_words(path: Path) -> ClauseWords:
    return read_word_file(path, ClauseWords)


def load_clause_words() -> ClauseWords:
    return load_words(ClauseWords)
