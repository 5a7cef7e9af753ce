"""An index from surface phrases to dictionary entries, built once from the dictionaries.

Matching is done by phrase indexes over token sequences (what spaCy's PhraseMatcher does,
with the tokenisation of a large dictionary's phrases cached on disk); what a match means (which actor)
is decided later by `resolve.py`, so the index only records *what* a phrase can refer to.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kittiwake.actors.dictionaries import (
    AgentEntry,
    CountryEntry,
    Dictionaries,
    DiscardEntry,
    OrganisationEntry,
    PersonEntry,
    is_shipped,
    paused_gc,
)
from kittiwake.lang import ActorWords, load_words

CACHE_FORMAT = 1

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
    TOWN = "town"  # a capital's metonym read as where people are from ("Nairobi residents")


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
    for particle in NAME_PARTICLES if "-" in last else ():
        prefix = particle + "-"
        if last.lower().startswith(prefix) and len(last) > len(prefix) + 1:
            forms.append(last[len(prefix) :])
    if len(parts) >= 3 and parts[-2].lower() in NAME_PARTICLES:
        forms.append(f"{parts[-2]} {last}")
    return tuple(dict.fromkeys(forms))


def person_surnames(person: PersonEntry, *, family_first: Collection[str]) -> tuple[str, ...]:
    """The names a person is referred to by alone: the entry's own `surname`, else the first
    word for people of countries that put the family name first ("Xi Jinping": Xi), else
    the last word (`surnames`)."""
    if person.surname:
        return (person.surname,)
    names = (person.name, *person.aliases)
    if any(r.code[:3] in family_first for r in person.roles):
        return tuple(dict.fromkeys(n.split()[0] for n in names if len(n.split()) > 1))
    return tuple(dict.fromkeys(s for n in names for s in surnames(n)))


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


def users_first(terms: dict[str, list[Term]], *, keys: Iterable[str]) -> None:
    """A phrase that a user's dictionary defines means only what the user says: at `keys`
    (phrases, in any letter case, that a user's file defines and a shipped entry too: "MSF"
    the shipped organisation, "msf" an imported agent word) shipped entries step aside. A
    surname kittiwake derives from a user's person claims nothing ("Army", the last word of
    some officer's title, must not hide the agent word "army"). The importer warns about
    each such clash."""
    for key in keys:
        own = [t for t in terms[key] if not is_shipped(t.entry.source)]
        if own:
            terms[key] = own
        else:
            del terms[key]


class PhraseIndex:
    """Token sequences -> match ids, called on a doc like spaCy's PhraseMatcher (LOWER or
    ORTH) and returning the same (match_id, start, end) triples. It is built from token
    texts, not Docs, so a large dictionary's phrases can be tokenised once and cached.

    Words are kept as spaCy's string ids (what `strings.add` gives, reserved symbols
    included), so a doc's words are read as one array instead of a Token per word."""

    def __init__(self, *, lower: bool) -> None:
        self.lower = lower
        self.attr = LOWER if lower else ORTH
        self.ids: dict[tuple[int, ...], list[int]] = defaultdict(list)
        self.lengths: dict[int, set[int]] = defaultdict(set)

    def add(self, match_id: int, sequences: Iterable[tuple[str, ...]]) -> None:
        for sequence in sequences:
            words = tuple(map(str.lower, sequence)) if self.lower else sequence
            key = tuple(map(get_string_id, words))
            if key and match_id not in self.ids[key]:
                self.ids[key].append(match_id)
                self.lengths[key[0]].add(len(key))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        words: list[int] = doc.to_array(self.attr).tolist() if len(doc) else []
        found = []
        for start, word in enumerate(words):
            for length in self.lengths.get(word, ()):
                for match_id in self.ids.get(tuple(words[start : start + length]), ()):
                    found.append((match_id, start, start + length))
        return found


class Lexicon:
    """Phrase -> terms, with two matchers: case-insensitive and case-sensitive."""

    def __init__(self, *, dictionaries: Dictionaries, nlp: Language) -> None:
        with paused_gc():
            self.build(dictionaries=dictionaries, nlp=nlp)
        self.people_by_id = {p.id: p for p in dictionaries.people}

    def build(self, *, dictionaries: Dictionaries, nlp: Language) -> None:
        self.terms: dict[str, list[Term]] = defaultdict(list)
        seen: set[tuple[TermKind, int, str]] = set()  # by entry identity: equality is deep
        claimed: set[str] = set()  # phrases (lower case) a user's file defines
        contested: set[str] = set()  # keys with shipped terms
        for term in iter_terms(dictionaries):
            key = term.phrase if is_case_sensitive(term.phrase) else term.phrase.lower()
            if (term.kind, id(term.entry), key) not in seen:
                seen.add((term.kind, id(term.entry), key))
                self.terms[key].append(term)
                if is_shipped(term.entry.source):
                    contested.add(key)
                elif term.kind is not TermKind.SURNAME:
                    claimed.add(key.lower())
        users_first(self.terms, keys=[k for k in contested if k.lower() in claimed])
        self.lower_matcher = PhraseIndex(lower=True)
        self.exact_matcher = PhraseIndex(lower=False)
        tokens = PhraseTokens.load(nlp=nlp, keys=self.terms.keys())
        for key in self.terms:
            matcher = self.exact_matcher if is_case_sensitive(key) else self.lower_matcher
            matcher.add(nlp.vocab.strings.add(key), tokens.spellings(key))
        tokens.save()

    def lookup(self, key: str) -> list[Term]:
        return self.terms.get(key, [])


@dataclass(frozen=True, slots=True)
class Discarded:
    """What a doc's discard phrases rule out: the whole story, or these sentences."""

    story: bool
    sentences: frozenset[int]
    why: tuple[str, ...]  # the phrases found, with their sources

    def keeps(self, sentence: int) -> bool:
        return not self.story and sentence not in self.sentences


class Discards:
    """Finds the discard phrases of the dictionaries in a parsed doc."""

    def __init__(self, *, discards: Iterable[DiscardEntry], nlp: Language) -> None:
        self.by_key: dict[str, list[DiscardEntry]] = defaultdict(list)
        self.index = PhraseIndex(lower=True)
        for entry in discards:
            key = entry.phrase.lower()
            self.by_key[key].append(entry)
            words = tuple(t.text for t in nlp.make_doc(key))
            self.index.add(nlp.vocab.strings.add(key), [words])

    def __call__(self, doc: Doc) -> Discarded:
        if not self.by_key:
            return Discarded(story=False, sentences=frozenset(), why=())
        sentence_of = {
            token.i: index for index, sent in enumerate(doc.sents) for token in sent
        }  # the numbering of `nlp.iter_sentences`, which events carry
        story, sentences, why = False, set(), []
        for match_id, start, _ in self.index(doc):
            for entry in self.by_key[doc.vocab.strings[match_id]]:
                why.append(f"{entry.phrase!r} ({entry.source})")
                story = story or entry.scope == "story"
                sentences.add(sentence_of[start])
        return Discarded(story=story, sentences=frozenset(sentences), why=tuple(why))


# A lexicon this large keeps the tokenisation of its phrases on disk, one file for each set
# of phrases (so that the file holds no more than one run reads): tokenising the shipped
# dictionaries' 9,400 phrases took a second of every start-up (issue 11), an imported
# PETRARCH dictionary's tens of thousands several; reading them back takes milliseconds.
# Small test dictionaries are tokenised each time and write nothing.
CACHED_LEXICON_SIZE = 1_000


@dataclass
class PhraseTokens:
    """The token texts of each phrase's spellings, computed once per tokenizer."""

    nlp: Language
    path: Path | None
    known: dict[str, tuple[tuple[str, ...], ...]]
    changed: bool = False

    @classmethod
    def load(cls, *, nlp: Language, keys: Collection[str]) -> PhraseTokens:
        if len(keys) < CACHED_LEXICON_SIZE:
            return cls(nlp, None, {})
        from kittiwake.geo.gazetteer import default_cache_dir  # noqa: PLC0415

        meta = nlp.meta
        name = f"{nlp.lang}_{meta.get('name', '')}-{meta.get('version', '')}"
        phrases = hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:12]
        path = default_cache_dir() / f"phrase-tokens-{CACHE_FORMAT}-{name}-{phrases}.pkl"
        try:
            with path.open("rb") as handle:
                known = pickle.load(handle)
            if isinstance(known, dict):
                return cls(nlp, path, known)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # missing or unreadable: tokenise and write it anew
        return cls(nlp, path, {})

    def spellings(self, key: str) -> tuple[tuple[str, ...], ...]:
        found = self.known.get(key)
        if found is None:
            found = tuple(tuple(t.text for t in doc) for doc in spellings(self.nlp, key))
            self.known[key] = found
            self.changed = True
        return found

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            with partial.open("wb") as handle:
                pickle.dump(self.known, handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(self.path)
        except OSError:
            pass  # a read-only cache only costs time


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
    family_first = load_words(ActorWords).family_name_first
    for person in dictionaries.people:
        names = (person.name, *person.aliases)
        for name in names:
            yield Term(TermKind.PERSON, person, name)
        for surname in person_surnames(person, family_first=family_first):
            yield Term(TermKind.SURNAME, person, surname)
    for agent in dictionaries.agents:
        for word in agent.words:
            for form in plural_forms(word.lower()):
                yield Term(TermKind.AGENT, agent, form)
