"""Names for actor codes, from the actor dictionaries that produce the codes.

A code's most frequent mention is not its name (USAGOV is not "Barack Obama"); the
dictionary is: a code reads as its country (or first role) and then each three-letter role
after it ("Russia · Military"); a code that does not read so (IGOUNO) takes the name of the
first organisation with that code. A search for a name also finds the codes of the people
who held them ("Putin" finds RUSGOV).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from kittiwake.actors.dictionaries import (
    AgentEntry,
    CountryEntry,
    Dictionaries,
    OrganisationEntry,
    load_dictionaries,
)
from kittiwake.config import Settings

UNRESOLVED = "unresolved"  # what an empty actor code is called on the pages
PART = 3  # CAMEO actor codes are runs of three-letter parts
Named = CountryEntry | AgentEntry | OrganisationEntry


def _first_names(entries: Iterable[Named]) -> dict[str, str]:
    """code -> name of the first entry with that code (the dictionaries' order decides)."""
    names: dict[str, str] = {}
    for entry in entries:
        names.setdefault(entry.code, entry.name)
    return names


@dataclass(frozen=True, slots=True)
class CodeNames:
    organisations: Mapping[str, str]
    countries: Mapping[str, str]
    roles: Mapping[str, str]
    people: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # code -> who held it

    @classmethod
    def of(cls, dictionaries: Dictionaries) -> CodeNames:
        people: dict[str, list[str]] = {}
        for person in dictionaries.people:
            for code in dict.fromkeys(role.code for role in person.roles):
                people.setdefault(code, []).append(person.name)
        return cls(
            organisations=_first_names(dictionaries.organisations),
            countries=_first_names(dictionaries.countries),
            roles=_first_names(dictionaries.agents),
            people={code: tuple(names) for code, names in people.items()},
        )

    def found_by(self, code: str, query: str) -> list[str] | None:
        """Whether `query` (case-insensitive) is in the code, its name or the name of someone
        who held it: None if not, else the people it matched (none for a code or name)."""
        wanted = query.casefold()
        if wanted in code.casefold() or wanted in (self.label(code) or "").casefold():
            return []
        people = [name for name in self.people.get(code, ()) if wanted in name.casefold()]
        return people or None

    def label(self, code: str | None) -> str | None:
        """The name of `code`, None when the dictionaries do not know its first part."""
        if not code:
            return UNRESOLVED
        head = self.countries.get(code[:PART]) or self.roles.get(code[:PART])
        rest = [code[at : at + PART] for at in range(PART, len(code), PART)]
        if head is not None and all(part in self.roles for part in rest):
            return " · ".join([head, *(self.roles[part] for part in rest)])
        if code in self.organisations:  # after roles: USAGOV is a government, not one office
            return self.organisations[code]
        if head is None:
            return None
        return " · ".join([head, *(self.roles.get(part, part) for part in rest)])


def _load() -> CodeNames:
    return CodeNames.of(load_dictionaries(extra_paths=Settings.from_env().dictionaries))


class LazyCodeNames:
    """`CodeNames` loaded at first use (0.6 s), once, by whichever request needs it first."""

    def __init__(self, load: Callable[[], CodeNames] = _load) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._names: CodeNames | None = None

    def _loaded(self) -> CodeNames:
        with self._lock:
            if self._names is None:
                self._names = self._load()
            return self._names

    def label(self, code: str | None) -> str | None:
        return self._loaded().label(code)

    def found_by(self, code: str, query: str) -> list[str] | None:
        return self._loaded().found_by(code, query)

    def suggestions(self) -> dict[str, str]:
        """Code -> name of every country and organisation, for the filter forms."""
        names = self._loaded()
        return dict(sorted({**names.organisations, **names.countries}.items()))
