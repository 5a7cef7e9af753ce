"""An index from surface phrases to dictionary entries, built once from the dictionaries.

Matching is done by spaCy PhraseMatchers over this index; what a match means (which actor)
is decided later by `resolve.py`, so the index only records *what* a phrase can refer to.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kittiwake.actors.dictionaries import (
    AgentEntry,
    CountryEntry,
    Dictionaries,
    OrganisationEntry,
    PersonEntry,
    is_shipped,
)

# Words that precede a surname or a name without being part of it.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "abu", "de", "van", "von", "da"})
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii"})


class TermKind(StrEnum):
    COUNTRY_NAME = "country name"
    COUNTRY_ADJECTIVE = "country adjective"
    DEMONYM = "demonym"
    GOVERNMENT = "government metonym"
    MILITARY = "military metonym"
    LEGISLATURE = "legislature metonym"
    ORGANISATION = "organisation"
    PERSON = "person name"
    SURNAME = "surname"
    AGENT = "agent word"


# When two terms cover exactly the same words, the earlier kind wins.
KIND_PRIORITY = (
    TermKind.PERSON,
    TermKind.ORGANISATION,
    TermKind.GOVERNMENT,
    TermKind.MILITARY,
    TermKind.LEGISLATURE,
    TermKind.COUNTRY_NAME,
    TermKind.COUNTRY_ADJECTIVE,
    TermKind.DEMONYM,
    TermKind.SURNAME,
    TermKind.AGENT,
)

Entry = CountryEntry | AgentEntry | OrganisationEntry | PersonEntry


@dataclass(frozen=True, slots=True)
class Term:
    kind: TermKind
    entry: Entry
    phrase: str


def plural_forms(word: str) -> tuple[str, ...]:
    """The word and its regular English plural, enough for agent nouns ("official(s)")."""
    if " " in word or word.endswith(("s", "men")):  # "congressmen" is plural already
        return (word,)
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return (word, word[:-1] + "ies")
    if word.endswith(("ch", "sh", "x")):
        return (word, word + "es")
    if word.endswith("man"):
        return (word, word[:-3] + "men")
    return (word, word + "s")


def surnames(name: str) -> tuple[str, ...]:
    """Surnames a person is referred to by: "Bashar al-Assad" -> ("al-Assad", "Assad")."""
    if " of " in name:  # "Kirill of Moscow": the last word is a see or a realm, not a surname
        return ()
    parts = [p for p in name.replace(",", " ").split() if p.lower() not in NAME_SUFFIXES]
    if len(parts) < 2:
        return ()
    last = parts[-1]
    forms = [last]
    for particle in NAME_PARTICLES:
        prefix = particle + "-"
        if last.lower().startswith(prefix) and len(last) > len(prefix) + 1:
            forms.append(last[len(prefix) :])
    if len(parts) >= 3 and parts[-2].lower() in NAME_PARTICLES:
        forms.append(f"{parts[-2]} {last}")
    return tuple(dict.fromkeys(forms))


def is_case_sensitive(phrase: str) -> bool:
    """Short all-capital forms ("US", "IS", "UN") only match in capitals: "us" is a pronoun."""
    letters = phrase.replace(".", "").replace(" ", "")
    return len(letters) <= 4 and letters.isupper()


def spellings(nlp: Language, key: str) -> list[Doc]:
    """The key as the tokenizer splits it in lower case and in title case: abbreviations
    split differently ("gen." is two tokens, "Gen." one), so both must match."""
    docs = [nlp.make_doc(key)]
    titled = nlp.make_doc(key.title())
    if [t.lower_ for t in titled] != [t.lower_ for t in docs[0]]:
        docs.append(titled)
    return docs


def users_first(terms: list[Term]) -> list[Term]:
    """A phrase that a user's dictionary defines means only what the user says: shipped
    entries for the same phrase step aside (the importer warns about each such clash)."""
    own = [t for t in terms if not is_shipped(t.entry.source)]
    return own or terms


class Lexicon:
    """Phrase -> terms, with two matchers: case-insensitive and case-sensitive."""

    def __init__(self, *, dictionaries: Dictionaries, nlp: Language) -> None:
        self.terms: dict[str, list[Term]] = defaultdict(list)
        for term in iter_terms(dictionaries):
            key = term.phrase if is_case_sensitive(term.phrase) else term.phrase.lower()
            if term not in self.terms[key]:
                self.terms[key].append(term)
        for key, terms in self.terms.items():
            self.terms[key] = users_first(terms)
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for key in self.terms:
            matcher = self.exact_matcher if is_case_sensitive(key) else self.lower_matcher
            matcher.add(key, spellings(nlp, key))
        self.people_by_id = {p.id: p for p in dictionaries.people}

    def lookup(self, key: str) -> list[Term]:
        return self.terms.get(key, [])


def iter_terms(dictionaries: Dictionaries):  # type: ignore[no-untyped-def]
    for country in dictionaries.countries:
        for name in (country.name, *country.names):
            yield Term(TermKind.COUNTRY_NAME, country, name)
        for adjective in country.adjectives:
            yield Term(TermKind.COUNTRY_ADJECTIVE, country, adjective)
        for demonym in country.demonyms:
            yield Term(TermKind.DEMONYM, country, demonym)
        for phrase in country.government:
            yield Term(TermKind.GOVERNMENT, country, phrase)
        for phrase in country.military:
            yield Term(TermKind.MILITARY, country, phrase)
        for phrase in country.legislature:
            yield Term(TermKind.LEGISLATURE, country, phrase)
    for organisation in dictionaries.organisations:
        for name in (organisation.name, *organisation.names):
            yield Term(TermKind.ORGANISATION, organisation, name)
    for person in dictionaries.people:
        for name in (person.name, *person.aliases):
            yield Term(TermKind.PERSON, person, name)
            for surname in surnames(name):
                yield Term(TermKind.SURNAME, person, surname)
    for agent in dictionaries.agents:
        for word in agent.words:
            for form in plural_forms(word.lower()):
                yield Term(TermKind.AGENT, agent, form)
