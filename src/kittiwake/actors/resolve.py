"""Actor resolution: find the noun phrases that name actors and give each a CAMEO-style code.

The stage works in three passes over a parsed document:

1. *match*: dictionary phrases (countries, metonyms, organisations, people, agent words);
2. *compose*: matches that modify the same noun-phrase head form one mention, whose code is
   composed from its parts ("Russian" + "Deputy Foreign Minister" + unknown "Alexei Meshkov"
   -> RUSGOV; "Syrian" + "rebels" -> SYRREB); people resolve through their role on the
   article date;
3. *refer*: pronouns, surnames and "the two sides" are linked to earlier mentions, and
   mentions with a sector but no country get one from their own locative phrase or from the
   country the article is about.

Every Actor carries a `reason` saying which of these steps produced it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kittiwake.actors.dictionaries import (
    AgentEntry,
    CountryEntry,
    Dictionaries,
    OrganisationEntry,
    PersonEntry,
)
from kittiwake.actors.lexicon import KIND_PRIORITY, Lexicon, Term, TermKind
from kittiwake.actors.roles import (
    choose_role,
    contradicts,
    title_score,
    title_words,
)
from kittiwake.actors.speakers import Quotations, quoted_first_person
from kittiwake.geo.toponyms import AREA_FEATURES
from kittiwake.lang import ActorWords, EventWords, TitleWords, load_clause_words, load_words
from kittiwake.nlp import iter_sentences
from kittiwake.records import Actor, Mention
from kittiwake.tokens import TokenTable, between

if TYPE_CHECKING:
    from kittiwake.geo.gazetteer import GazEntry, Gazetteer

# Kinds of the mentions that name places, not actors (see `place_mention`).
PLACE_KINDS = frozenset({"place", "town"})
# Prepositions whose object is a place rather than a participant.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "around", "outside", "within", "through"}
)
# Prepositions whose object says where an actor is or comes from.
PLACE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"from"}
# Participles that place an actor: "a group based in Trinidad", "the Red Cross operating in Iraq".
PLACED_VERBS = frozenset({"base", "operate", "station", "headquarter", "locate", "deploy"})
# Entity types of place names.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Gazetteer features, best first, when one name has several places: a country, a capital or
# a region before a town of the same name.
PLACE_FEATURE_RANK = {"PCLI": 5, "PPLC": 4, "ADM1": 3, "RGN": 3, "ADM2": 2, "PPL": 1}
# Dependencies that keep a token inside the noun phrase of its head.
NP_INTERNAL = frozenset({"compound", "amod", "nmod", "nummod", "det", "flat", "poss_name"})
# Sectors that are international by nature: "the international community" has no country.
INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC", "INT"})
# Sectors that belong to a state; a bare "the government" refers back to the last one named.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Sectors a wire story's unnamed actors take from its dateline: the state and its opposition.
FILED_SECTORS = STATE_SECTORS | {"OPP"}
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
FEMALE_PRONOUNS = frozenset({"she", "her"})
SUBJECT_PRONOUNS = frozenset({"he", "she"})
ROLE_OF = frozenset({"of", "for", "at", "with"})  # "spokesman for", "head of", "analyst at"
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
PAIR_DETERMINERS = frozenset({"two", "both"})
# Nouns that name a news outlet already named: "the channel", "the satellite network".
MEDIA_NOUNS = frozenset({"channel", "network", "broadcaster", "newspaper", "station"})
# Nouns that name a state already named: "the country's army", "the impoverished nation".
COUNTRY_NOUNS = frozenset({"country", "nation"})
# Pair nouns that name people: "the two leaders" are the two just named, whereas "the two
# sides" are the parties the story is about.
PAIR_PEOPLE_NOUNS = frozenset({"leader", "president", "minister", "premier", "man", "woman"})
# Pair nouns that never stand for states: "the two men" are two people named before, or no one.
PAIR_ONLY_PEOPLE = frozenset({"man", "woman"})
PRONOUN_POS = frozenset({"PRON"})
NAME_POS = frozenset({"PROPN", "NOUN"})
COREF_WINDOW = 3  # sentences a pronoun may look back
# Actors "the two sides" can stand for: states and their officials, not rebels or civilians.
PAIR_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "ELI"})
# Armed movements that are a side of a civil war: "the two sides" in a story of a government
# and its rebels are those two, though of one country.
ARMED_SIDE_SECTORS = frozenset({"REB", "INS", "SEP"})


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # token index
    end: int
    terms: tuple[Term, ...]


@dataclass
class DocState:
    """What earlier sentences of one document established, for reference resolution."""

    date: dt.date | None
    mentions: list[Mention] = field(default_factory=list)
    people_seen: set[str] = field(default_factory=set)
    focus_country: str | None = None
    scene_country: str | None = None  # `scene_country`
    filed_in: str | None = None  # the country of the story's dateline
    antecedents: dict[int, Mention] = field(default_factory=dict)  # id(copy) -> antecedent
    # Sentences quoted from end to end, in order: no narration, so a pronoun after a long
    # quotation still reaches its speaker (`narrative_distance`).
    quoted_sentences: list[int] = field(default_factory=list)
    # Each mention with the country filled in, by id, as filling goes through the text.
    filled: dict[int, Mention] = field(default_factory=dict, repr=False)
    # Places named in the text ("in Liberia"): listed with the mentions, but kept out of
    # reference resolution and country filling, which are about actors.
    places: list[Mention] = field(default_factory=list)
    # Indexes of `mentions` and `places`, brought up to date when asked: scanning every
    # mention or place for each word made resolution grow with the square of a document's
    # length (issue 15, D9). Both lists are only appended to, sentence after sentence, and
    # a mention lies inside its sentence, so one earlier in the list is no later in the text
    # unless it is in the same sentence.
    by_head: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    by_sector: dict[str | None, list[Mention]] = field(default_factory=dict, repr=False)
    sector_sentences: dict[str | None, list[int]] = field(default_factory=dict, repr=False)
    countries: set[str] = field(default_factory=set, repr=False)  # of all mentions so far
    indexed: int = 0
    places_by_sentence: dict[int, list[Mention]] = field(default_factory=dict, repr=False)
    full_names: list[Mention] = field(default_factory=list, repr=False)  # `is_full_name`
    by_surname: dict[str, list[Mention]] = field(default_factory=dict, repr=False)
    places_indexed: int = 0
    # "the two sides" (`last_pair`): the scores of the mentions of sentences already done
    pair_tally: tuple[dict[str, float], dict[str, Mention]] = field(
        default_factory=lambda: ({}, {}), repr=False
    )
    pair_tallied: int = 0
    # A listed person's entry id -> the actor the story showed the name to stand for
    # instead ("King Abdullah of Jordan ... King Abdullah said": Jordan's king both times).
    named_otherwise: dict[str, Actor] = field(default_factory=dict, repr=False)
    # A person -> the pronoun gender the story has already referred to them by ("Arroyo ...
    # She said"), "?" when it used both (`pronoun_gender`, `last_person`).
    genders: dict[str, str] = field(default_factory=dict, repr=False)

    def catch_up(self) -> None:
        for mention in self.mentions[self.indexed :]:
            self.by_head.setdefault(mention.head, []).append(mention)
            if is_full_name(mention):
                self.full_names.append(mention)
            self.by_surname.setdefault(surname_of(mention.text), []).append(mention)
            if mention.actor.country:
                self.by_sector.setdefault(mention.actor.sector, []).append(mention)
                self.sector_sentences.setdefault(mention.actor.sector, []).append(mention.sentence)
                self.countries.add(mention.actor.country)
        self.indexed = len(self.mentions)
        for place in self.places[self.places_indexed :]:
            self.places_by_sentence.setdefault(place.sentence, []).append(place)
        self.places_indexed = len(self.places)

    def with_surname(self, surname: str) -> list[Mention]:
        """The mentions whose last word is `surname` (`surname_of`), in list order."""
        self.catch_up()
        return self.by_surname.get(surname, [])

    def people_named_in_full(self) -> list[Mention]:
        """The people named so far by more than one word ("Ingrid Betancourt")."""
        self.catch_up()
        return self.full_names

    def with_head(self, head: int) -> list[Mention]:
        """The mentions whose head is token `head`, in the order of `mentions`."""
        self.catch_up()
        return self.by_head.get(head, [])

    def last_with_country(self, head: int) -> Mention | None:
        """The last mention with a country whose head is token `head`."""
        return next((m for m in reversed(self.with_head(head)) if m.actor.country), None)

    def last_of_sector(self, mention: Mention) -> Mention | None:
        """The last mention in `mentions` of `mention`'s sector, with a country, that starts
        before it in the text."""
        self.catch_up()
        found = self.by_sector.get(mention.actor.sector, [])
        # those of later sentences start after it: the search begins before them
        end = bisect.bisect_right(
            self.sector_sentences.get(mention.actor.sector, []), mention.sentence
        )
        for earlier in (found[i] for i in range(end - 1, -1, -1)):
            if earlier.start < mention.start:
                return earlier
        return None

    def places_in(self, sentence: int) -> list[Mention]:
        """The places named in sentence `sentence`, in the order of `places`."""
        self.catch_up()
        return self.places_by_sentence.get(sentence, [])


@dataclass(frozen=True, slots=True)
class PlaceName:
    """A stretch of text that names a place, and the country it is in."""

    start: int  # token indices
    end: int
    head: int
    country: str
    why: str
    town: bool = False  # a town or city: what is done to it is done to its people


class SentenceEntities:
    """`sentence.ents` for the sentences of one doc, found by bisection. `Span.ents` scans
    every entity of the document, so reading it once per sentence made coding time grow
    with the square of a document's length (issue 15, D9)."""

    def __init__(self, doc: Doc) -> None:
        self.ents = doc.ents
        self.starts = [entity.start for entity in self.ents]

    def __call__(self, sentence: SpacySpan) -> list[SpacySpan]:
        """The entities wholly inside `sentence`, as `sentence.ents` gives them."""
        found = []
        for index in range(bisect.bisect_left(self.starts, sentence.start), len(self.ents)):
            if self.ents[index].end > sentence.end:
                break
            found.append(self.ents[index])
        return found


class GroupIndex:
    """Where the actor matches of one doc lie, for questions asked once per sentence or
    entity: scanning every match of the document each time made resolution grow with the
    square of a document's length (issue 15, D9)."""

    def __init__(self, groups: dict[int, list[Match]]) -> None:
        self.heads = sorted(groups)
        spans = sorted((m.start, m.end) for group in groups.values() for m in group)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))  # furthest end so far

    def heads_in(self, start: int, end: int) -> list[int]:
        """The heads of groups with `start` <= head < `end`, in order."""
        return self.heads[
            bisect.bisect_left(self.heads, start) : bisect.bisect_left(self.heads, end)
        ]

    def overlaps(self, start: int, end: int) -> bool:
        """True when some match shares a token with tokens `start` to `end`."""
        before_end = bisect.bisect_left(self.starts, end)  # the matches that start before it
        return before_end > 0 and self.reach[before_end - 1] > start


class ActorResolver:
    """Pipeline stage: a parsed doc in, actor mentions out (resolved as of a date)."""

    def __init__(
        self,
        *,
        dictionaries: Dictionaries,
        nlp: Language,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.dictionaries = dictionaries
        self.lexicon = Lexicon(dictionaries=dictionaries, nlp=nlp)
        self.country_codes = frozenset(c.id for c in dictionaries.countries)
        self.agents_by_code = {a.code: a for a in dictionaries.agents}
        self.capitals = {c.capital.lower(): c.id for c in dictionaries.countries if c.capital}
        words = load_words(ActorWords)
        self.thing_nouns = words.symbol_nouns | words.standing_nouns | words.holding_places
        self.water_features = words.water_features
        self.attack_nouns = load_clause_words().casualty_causes
        self.partners = {
            f"organisation:{o.id}": tuple(self.partner(code) for code in o.also)
            for o in dictionaries.organisations
            if o.also
        }
        # Optional: regions and towns ("Sindh", "Sivas") name their country through it.
        self.gazetteer = gazetteer

    def __call__(
        self, doc: Doc, *, doc_id: str, date: dt.date | None, filed_in: str | None = None
    ) -> list[Mention]:
        """`filed_in`: the country of the story's dateline (`where.filing_country`)."""
        matches = self.find_matches(doc)
        state = DocState(
            date=date,
            filed_in=filed_in,
            focus_country=focus_country(doc, matches),
            scene_country=scene_country(doc, matches, filed_in=filed_in),
            quoted_sentences=Quotations.of(doc).quoted_sentences(doc),
        )
        groups = group_by_head(doc, matches)
        entities_of = SentenceEntities(doc)
        index = GroupIndex(groups)
        for sentence_index, sentence in iter_sentences(doc):
            for head in index.heads_in(sentence.start, sentence.end):
                parts = split_conjoined(doc, groups[head])
                for number, part in enumerate(parts):
                    mention = self.compose(doc, doc[head], part, sentence_index, doc_id, state)
                    if mention is not None and number < len(parts) - 1:
                        mention = own_words(doc, mention, part[0])  # "Hungarian" and ...
                    if mention is not None:
                        state.mentions.append(mention)
                    elif (place := self.place_mention(doc, doc[head], part)) is not None:
                        state.places.append(place_mention(doc, place, sentence_index, doc_id))
            ents = entities_of(sentence)
            state.places.extend(
                self.gazetteer_places(doc, sentence, sentence_index, doc_id, ents=ents)
            )
            for mention in self.unknown_entities(
                doc, sentence, sentence_index, doc_id, groups, ents=ents, index=index
            ):
                state.mentions.append(mention)
            state.mentions.extend(affiliations(doc, sentence, sentence_index, doc_id, state))
            state.mentions.extend(
                surnames_named_before(doc, sentence, sentence_index, doc_id, state)
            )
            refer(doc, sentence, sentence_index, doc_id, state)
        filled_all: dict[int, list[Mention]] = {}
        for m in state.mentions:  # in text order: a later mention may read an earlier's
            filled_all[id(m)] = self.fill_country(doc, m, state)
            state.filled[id(m)] = filled_all[id(m)][0]
        filled = {key: found[0] for key, found in filled_all.items()}
        mentions = [extra for found in filled_all.values() for extra in found[1:]]
        for mention in state.mentions:
            result = filled[id(mention)]
            antecedent = state.antecedents.get(id(mention))
            if antecedent is not None:
                # "Italy's foreign ministry said it ...": the word referring back is what it
                # refers to, not a government of the country the story is set in
                source = filled.get(id(antecedent), antecedent).actor
                if source.country and source.code != result.actor.code:
                    result = replace(
                        result,
                        actor=replace(
                            source, reason=reference_reason(mention, antecedent, source)
                        ),
                    )
            mentions.append(result)
        by_head = positions_by_head(mentions)
        mentions = [described_unknown(doc, m, by_head) for m in mentions]
        mentions = self.first_named_placed(doc, mentions, state)
        mentions = relinked(named_before(mentions), referring_spans(state))
        mentions = [self.private_person(doc, m, state) for m in mentions]
        mentions = followers_of_leaders(doc, mentions, doc_id=doc_id)
        mentions.extend(quoted_first_person(doc, mentions, doc_id=doc_id))
        taken = {(m.start, m.end) for m in mentions}
        mentions.extend(p for p in state.places if (p.start, p.end) not in taken)
        if self.partners:
            mentions = [each for m in mentions for each in with_partners(m, self.partners)]
        return sorted(mentions, key=mention_order)

    def partner(self, code: str) -> tuple[str, str | None, str | None]:
        """(code, country, sector) of an actor a name also stands for: "BILGOV" is BIL's GOV,
        "IGOUNO" a transnational IGO."""
        if code[:3] in self.country_codes:
            return code, code[:3], code[3:6] or None
        return code, None, code[:3]

    # -- pass 1: match -------------------------------------------------------------------
    def find_matches(self, doc: Doc) -> list[Match]:
        lexicon = self.lexicon
        raw = [
            (start, end, lexicon.lookup(doc.vocab.strings[match_id]))
            for matcher in (lexicon.lower_matcher, lexicon.exact_matcher)
            for match_id, start, end in matcher(doc)
        ]
        # "MSF Arnor": a name beside an agent word is not part of a larger name
        agent_words = frozenset(
            i
            for start, end, terms in raw
            if any(t.kind is TermKind.AGENT for t in terms)
            for i in range(start, end)
        )
        found: dict[tuple[int, int], list[Term]] = {}
        for start, end, terms in raw:
            fitting = [t for t in terms if term_fits(doc[start:end], t, agent_words=agent_words)]
            if fitting:
                found.setdefault((start, end), []).extend(fitting)
        return longest_first([Match(s, e, tuple(ts)) for (s, e), ts in found.items()])

    # -- pass 2: compose -----------------------------------------------------------------
    def compose(
        self,
        doc: Doc,
        head: Token,
        matches: list[Match],
        sentence_index: int,
        doc_id: str,
        state: DocState,
    ) -> Mention | None:
        kept_matches = without_attitude_modifiers(head, matches)
        terms = [t for m in kept_matches for t in town_terms(doc, head, m, kept_matches)]
        cause = cause_words(head, kept_matches)
        if cause:  # "a press freedom organization" works for the press; it is not the press
            terms = [t for t in terms if t not in cause]
            if not any(isinstance(t.entry, AgentEntry) for t in terms):
                terms.append(Term(TermKind.AGENT, self.agents_by_code["NGO"], head.text))
        if (
            is_locative(head)
            and not any(t.kind in PARTICIPANT_KINDS for t in terms)
            and head.lemma_.lower() not in self.attack_nouns  # "killed in Israeli strikes"
        ):
            return None
        if names_a_thing(head, matches) or head.lemma_.lower() in self.thing_nouns:
            return None  # "the Minsk accords", "Egyptian flags", "its NATO membership"
        if head.dep_ == "oprd":
            return None  # "were taken hostage", "was held captive": what the subject became
        if names_a_sea(head, features=self.water_features):
            return None  # "a ship off the Gulf of Oman": a sea, no Omani government
        actor = self.actor_from_terms(
            terms, head=head, state=state, titles=titles_before_name(doc, matches)
        )
        if actor is None:
            return None
        if actor.sector == "IGO" and (actor.entry_id or "").startswith("organisation:"):
            actor = igo_part(doc, actor, matches, start=first_token(matches, head), head=head)
        actor = self.named_for_leader(head, actor, matches)
        if actor.entry_id in state.named_otherwise:
            actor = state.named_otherwise[actor.entry_id]
        elif actor.entry_id and (other := self.of_another_country(head, actor, terms)) != actor:
            state.named_otherwise[actor.entry_id] = other
            actor = other
        if actor.sector is None and actor.country and names_people(head, matches):
            actor = replace(  # "Algerians", "Iraqi Kurds", "British nationals": civilians
                actor,
                code=actor.country + "CVL",
                sector="CVL",
                kind="sector",
                reason=f"{actor.reason} + people {head.text!r} -> CVL",
            )
        start = first_token(matches, head)
        end = max(max(m.end for m in matches), head.i + 1)
        if actor.entry_id and actor.entry_id.startswith("person:"):
            state.people_seen.add(actor.entry_id)
        return make_mention(doc, start, end, head, actor, sentence_index, doc_id)

    def actor_from_terms(
        self,
        terms: list[Term],
        *,
        head: Token,
        state: DocState,
        titles: frozenset[str] = frozenset(),
    ) -> Actor | None:
        countries = [t for t in terms if isinstance(t.entry, CountryEntry)]
        agents = [t.entry for t in terms if isinstance(t.entry, AgentEntry)]
        sector = choose_sector(countries, agents)
        former = is_former(head)
        if sector and former:
            sector = "ELI"  # "former president Carlos Menem": an elite, no longer in office
        person = self.choose_person(
            terms, state=state, countries=countries, sector=sector, titles=titles
        )
        if person is not None:
            return self.person_actor(person, state.date, titles=titles, former=former)
        organisation = next(
            (t.entry for t in terms if isinstance(t.entry, OrganisationEntry)), None
        )
        head_is_country = any(
            t.kind is TermKind.COUNTRY_NAME and t.phrase.split()[-1].lower() == head.lower_
            for t in countries
        )
        governing = (  # "the AK Party government", "the ANC government": the state's
            sector == "GOV"
            and any(a.code == "GOV" for a in agents)
            and head.lemma_.lower() in load_words(ActorWords).government_heads
        )
        if governing and organisation is not None and organisation.country is not None:
            return Actor(
                code=organisation.country + "GOV",
                country=organisation.country,
                sector="GOV",
                kind="sector",
                reason=f"the government led by {organisation.name!r} ({organisation.source})",
            )
        if organisation is not None and not head_is_country:  # "NATO-member Norway" is Norway
            return Actor(
                code=organisation.code,
                country=organisation.country,
                sector=organisation.sector,
                entry_id=f"organisation:{organisation.id}",
                name=organisation.name,
                kind="person" if head.ent_type_ == "PERSON" else "organisation",
                reason=f"organisation {organisation.name!r} ({organisation.source})",
            )
        if countries:
            country = countries[0].entry
            assert isinstance(country, CountryEntry)
            why = ", ".join(f"{t.kind.value} {t.phrase!r}" for t in countries)
            if sector:
                why += f" + sector {sector}"
            kind = "country" if sector is None else "sector"
            names_head = any(t.phrase.split()[-1].lower() == head.lower_ for t in countries)
            if head.ent_type_ == "PERSON" and not names_head:  # "Niger", "Dakar" are no one
                why += f" (unlisted person {head.text!r} named by title)"
                kind = "person"
            # PETRARCH's prefix agents ("[NGO~]") go before the country, the others after:
            # "an MSF Arnor diplomat" is NGOARNGOV
            prefixes = "".join(dict.fromkeys(a.code for a in agents if a.prefix))
            suffix = choose_sector(countries, [a for a in agents if not a.prefix]) or ""
            return Actor(
                code=prefixes + country.id + suffix if prefixes else country.id + (sector or ""),
                country=country.id,
                sector=sector,
                entry_id=f"country:{country.id}",
                name=country.name,
                reason=why,
                kind=kind,
            )
        shared = shared_country(terms)
        if shared is not None:  # "President Bush": two Presidents Bush, both of the USA
            country_code, surname, names = shared
            why = f"surname {surname!r} of {names}, all of {country_code}"
            return person_of(country_code, sector, reason=why)
        if sector:
            kind = "person" if head.ent_type_ == "PERSON" else "sector"
            return Actor(code=sector, sector=sector, reason=f"agent word -> {sector}", kind=kind)
        return None

    def choose_person(
        self,
        terms: list[Term],
        *,
        state: DocState,
        countries: list[Term],
        sector: str | None = None,
        titles: frozenset[str] = frozenset(),
    ) -> PersonEntry | None:
        full = [t.entry for t in terms if t.kind is TermKind.PERSON]
        if full:
            return full[0]  # type: ignore[return-value]
        by_surname = [t.entry for t in terms if t.kind is TermKind.SURNAME]
        candidates: list[PersonEntry] = [
            p for p in by_surname if isinstance(p, PersonEntry) and not contradicts(p, titles)
        ]  # "King Hassan" is not Prime Minister Jafar Hassan
        if not candidates:
            return None
        seen = [p for p in candidates if f"person:{p.id}" in state.people_seen]
        if seen:
            return seen[0]
        date = state.date
        if date is None:
            return self.undated_person(candidates, countries=countries, titles=titles)
        country_codes = {t.entry.id for t in countries}
        active = [p for p in candidates if (r := p.role_on(date)) and covers(r, date)]
        if country_codes:
            active = [p for p in active if role_country(p, date) in country_codes] or active
        if not active and sector:  # "President Reagan" in a story before any role we list
            titled = [p for p in candidates if any(r.code[3:6] == sector for r in p.roles)]
            if len(titled) == 1:
                return titled[0]
        if len(active) > 1:  # "Assad" in 2016 is the president, not his brother the general
            governing = [p for p in active if (r := p.role_on(date)) and r.code[3:6] == "GOV"]
            active = governing if len(governing) == 1 else active
        if len(active) > 1:  # "Santos" in 2015, in a story about Colombia: not the Angolan
            state.catch_up()
            told = state.countries | {state.focus_country} - {None}
            in_story = [p for p in active if role_country(p, date) in told]
            active = in_story if len(in_story) == 1 else active
        if len(active) == 1:
            return active[0]
        return None

    def undated_person(
        self, candidates: list[PersonEntry], *, countries: list[Term], titles: frozenset[str]
    ) -> PersonEntry | None:
        """A surname with no article date: the one person it can be, narrowed by the country
        named with it ("Syrian President Assad") and by the title's office."""
        if len(candidates) > 1 and countries:
            codes = {t.entry.id for t in countries}
            local = [p for p in candidates if any(r.code[:3] in codes for r in p.roles)]
            candidates = local or candidates
        if len(candidates) > 1 and titles & load_words(TitleWords).office_words:
            titled = [p for p in candidates if any(title_score(r, titles) for r in p.roles)]
            candidates = titled or candidates
        return candidates[0] if len(candidates) == 1 else None

    def person_actor(
        self,
        person: PersonEntry,
        date: dt.date | None,
        *,
        titles: frozenset[str] = frozenset(),
        former: bool = False,
    ) -> Actor:
        choice = choose_role(person, date=date, titles=titles, former=former)
        if choice is None:
            return Actor(
                code="",
                name=person.name,
                entry_id=f"person:{person.id}",
                reason=f"person {person.name!r} has no role on {date} ({person.source})",
                kind="person",
            )
        role = choice.role
        code = role.code
        country, own_sector = self.split_code(code)
        why = f"person {person.name!r}: {role.title or role.code} ({choice.why})"
        if former and country and own_sector != "ELI":
            code, own_sector = country + "ELI", "ELI"  # "ousted President Akayev"
            why += "; former office -> ELI"
        elif country is None and own_sector in INTERNATIONAL_SECTORS:
            own_sector = "GOV"  # the Secretary-General acts for the organisation as its officer
            why += "; officer of the organisation -> GOV"
        return Actor(
            code=code,
            country=country,
            sector=own_sector,
            entry_id=f"person:{person.id}",
            name=person.name,
            reason=f"{why} ({person.source})",
            kind="person",
        )

    def named_for_leader(self, head: Token, actor: Actor, matches: list[Match]) -> Actor:
        """ "Qaddafi forces", "Assad's troops": a group a leader's name modifies is of his
        country, in the sector its own noun says (military), not the leader himself."""
        if not (actor.entry_id or "").startswith("person:") or not actor.country:
            return actor
        on_head = [m for m in matches if m.start <= head.i < m.end]
        if any(kinds_of(m) & NAME_KINDS for m in on_head):
            return actor
        agents = [t.entry for m in on_head for t in m.terms if isinstance(t.entry, AgentEntry)]
        sector = choose_sector([], agents)
        if sector is None:
            return actor
        why = f"{head.text!r} of {actor.name!r} ({actor.code}): agent word -> {sector}"
        return sector_actor(actor.country, sector, reason=why, kind="sector")

    def of_another_country(self, head: Token, actor: Actor, terms: list[Term]) -> Actor:
        """ "King Abdullah of Jordan" is no king of Saudi Arabia: a listed person whose
        office on the day is another country's than the one the name is given "of" is someone
        the dictionary does not hold under that name; the title and the country say enough."""
        if not (actor.entry_id or "").startswith("person:") or not actor.country:
            return actor
        country = next(
            (
                code
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj" and (code := self.place_country(pobj))
            ),
            None,
        )
        if country is None or country == actor.country:
            return actor
        agents = [t.entry for t in terms if isinstance(t.entry, AgentEntry)]
        sector = choose_sector([], agents) or actor.sector
        why = f"{head.text!r} of {country}, not {actor.name!r} ({actor.code})"
        return person_of(country, sector, reason=why)

    def split_code(self, code: str) -> tuple[str | None, str | None]:
        """("USAGOV") -> ("USA", "GOV"); ("IGOUNO") -> (None, "IGO")."""
        if code[:3] in self.country_codes:
            return code[:3], code[3:6] or None
        return None, code[:3] or None

    def unknown_entities(
        self,
        doc: Doc,
        sentence: SpacySpan,
        sentence_index: int,
        doc_id: str,
        groups: dict[int, list[Match]],
        ents: Iterable[SpacySpan] | None = None,
        index: GroupIndex | None = None,
    ) -> Iterable[Mention]:
        """Named people and organisations in no dictionary: kept with their text, never dropped."""
        index = index or GroupIndex(groups)
        for entity in sentence.ents if ents is None else ents:
            if entity.label_ not in ("PERSON", "ORG"):
                continue
            head = np_head(entity.root)
            if head.i in groups or index.heads_in(entity.start, entity.end):
                continue
            if any(m.start < entity.end and entity.start < m.end for m in groups.get(head.i, [])):
                continue
            if index.overlaps(entity.start, entity.end):
                continue  # "State" in "Secretary of State John Kerry"
            if is_locative(head) or is_capitalised_common_word(entity):
                continue
            if entity.label_ == "PERSON" and is_destination(head):
                continue  # "was moved to Dunmore": a place the parser took for a name
            kind = "person" if entity.label_ == "PERSON" else "organisation"
            end = entity.end - 1 if entity[-1].tag_ == "POS" else entity.end
            name = doc[entity.start : end].text
            actor = Actor(
                code="", name=name, reason=f"unknown {kind} {name!r}", kind=f"unknown {kind}"
            )
            yield make_mention(doc, entity.start, end, head, actor, sentence_index, doc_id)

    # -- places --------------------------------------------------------------------------
    def place_mention(self, doc: Doc, head: Token, matches: list[Match]) -> PlaceName | None:
        """A country or capital named as a place ("in Liberia", "in Baghdad"), which is not
        an actor by itself but may be what an act is done to."""
        if not is_locative(head):
            return None
        for match in matches:
            if not match.start <= head.i < match.end:
                continue
            for term in match.terms:
                if not isinstance(term.entry, CountryEntry):
                    continue
                if term.kind is TermKind.COUNTRY_NAME:
                    why, town = f"country name {term.phrase!r}", False
                elif term.phrase.lower() == (term.entry.capital or "").lower():
                    why, town = f"capital {term.phrase!r}", True
                else:
                    continue
                return PlaceName(match.start, match.end, head.i, term.entry.id, why, town)
        return None

    def gazetteer_places(
        self,
        doc: Doc,
        sentence: SpacySpan,
        sentence_index: int,
        doc_id: str,
        ents: Iterable[SpacySpan] | None = None,
    ) -> list[Mention]:
        """Regions and towns no dictionary names ("Baku", "West Darfur State"), by gazetteer."""
        if self.gazetteer is None:
            return []
        found = []
        for entity in sentence.ents if ents is None else ents:
            if entity.label_ not in PLACE_ENTITIES or not names_a_place(np_head(entity.root)):
                continue
            if any(self.lexicon_covers(doc, i) for i in range(entity.start, entity.end)):
                continue
            entry = self.gazetteer_entry(entity.root)
            if entry is not None:
                start = entity.start + (1 if entity[0].lower_ == "the" else 0)
                why = f"gazetteer place {doc[start : entity.end].text!r} ({entry.feature})"
                town = entry.feature.startswith("PPL")
                name = PlaceName(start, entity.end, entity.root.i, entry.country, why, town)
                found.append(place_mention(doc, name, sentence_index, doc_id))
        return found

    def lexicon_covers(self, doc: Doc, index: int) -> bool:
        token = doc[index]
        return bool(self.lexicon.lookup(token.text) or self.lexicon.lookup(token.lower_))

    def place_in_phrase(self, phrase: Token) -> str | None:
        """The country of the first place named in a phrase ("of Sindh province")."""
        for noun in (c for c in (phrase, *phrase.children) if c.pos_ == "PROPN"):
            words = [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if t.lower_ != "the"]
            if len(words) > 1 and (
                code := country_of_name("".join(t.text_with_ws for t in words).strip(), self)
            ):
                return code  # "in Guinea-Bissau", parsed as a compound
        named = [country_of_name(t.text, self) for t in phrase.subtree if t.pos_ == "PROPN"]
        if any(named):  # "from the Juba valley in Somalia": the country the phrase says
            return next(code for code in named if code)
        for token in phrase.subtree:
            code = self.place_country(token)
            if code:
                return code
        return None

    def place_country(self, token: Token) -> str | None:
        """The country a word names as a place: a country name or adjective, a capital, or
        (with a gazetteer) the region or town its place entity names."""
        code = country_of_name(token.text, self) or self.capitals.get(token.lower_)
        if code or token.ent_type_ not in PLACE_ENTITIES:
            return code
        best = self.gazetteer_entry(token)
        return best.country if best is not None else None

    def gazetteer_entry(self, token: Token) -> GazEntry | None:
        if self.gazetteer is None:
            return None
        entity = entity_around(token.doc, token.i)  # not a scan of doc.ents: D9
        name = entity.text if entity is not None else token.text
        if entity is not None and entity[0].lower_ == "the":
            name = entity[1:].text
        # a sea or a region spanning countries has only a nominal country: no actor's
        entries = [
            e
            for e in self.gazetteer.candidates(name)
            if e.country and e.feature not in AREA_FEATURES
        ]
        return max(entries, key=place_rank) if entries else None

    # -- pass 3: fill countries ----------------------------------------------------------
    def fill_country(self, doc: Doc, mention: Mention, state: DocState) -> list[Mention]:
        """The mention with the country its sector needs; one more mention for each further
        country its place phrase names ("the ambassadors of Arnor, Osgiliath and Gondor":
        three embassies' people, GOV of each)."""
        mention = member_of(doc, mention, state)
        mention = of_holding_side(doc, mention, state)
        actor = mention.actor
        if actor.country or not actor.sector or actor.entry_id or actor.code != actor.sector:
            return [mention]
        if actor.sector in INTERNATIONAL_SECTORS:
            return [mention]
        body = unknown_body_of(doc, mention, state)
        if body is not None:  # "the president of the PCdoB" is no head of state
            why = f"{actor.reason}; of {body.text!r}, a body in no dictionary"
            unknown = replace(actor, code="", sector=None, name=body.text, reason=why)
            return [replace(mention, actor=unknown)]
        if is_foreign(doc, mention):  # "foreign troops on Libyan soil" are not Libya's
            why = f"{actor.reason}; foreign: of a country not named"
            return [replace(mention, actor=replace(actor, kind=FOREIGN_KIND, reason=why))]
        own = self.own_country(doc, mention, state)
        country: str | None
        others: list[tuple[str, Token]] = []
        if own is not None:
            country, why, evidence = own
            # the phrase that gave the country names the actor too: "rebels in Darfur"
            start, end = mention.token_start, mention.token_end
            if is_short_phrase(evidence):
                start = min(start, evidence.left_edge.i)
                end = max(end, evidence.right_edge.i + 1)
            others = self.conjoined_countries(evidence, first=country)
        else:
            earlier = named_again(doc, mention, state) or captives_named_before(doc, mention, state)
            if earlier is not None:  # "two Italian aid workers ... the workers were seized"
                why = f"the {doc[mention.head].text!r} named before: {earlier.actor.reason}"
                return [replace(mention, actor=replace(earlier.actor, reason=why))]
            country, why = self.context_country(doc, mention, state)
            start, end = mention.token_start, mention.token_end
        if country is None:
            return [mention]
        head = doc[mention.head]
        reasons = [(country, f"{actor.reason}; country {country} from {why}")] + [
            (other, f"{actor.reason}; country {other} from {token.text!r}, joined to {why}")
            for other, token in others
        ]
        return [
            make_mention(
                doc,
                start,
                end,
                head,
                replace(actor, code=code + actor.sector, country=code, reason=reason),
                mention.sentence,
                mention.doc_id,
                coref_of=mention.coref_of,
            )  # fmt: skip
            for code, reason in reasons
        ]

    def conjoined_countries(self, phrase: Token, *, first: str) -> list[tuple[str, Token]]:
        """The further countries of a place phrase's coordinated objects ("of Arnor,
        Osgiliath and Gondor"), each with its word, `first` (the phrase's own) left out."""
        found: dict[str, Token] = {}
        for pobj in (c for c in phrase.children if c.dep_ == "pobj"):
            for conjunct in pobj.conjuncts:
                code = self.place_country(conjunct)
                if code and code != first:
                    found.setdefault(code, conjunct)
        return list(found.items())

    def own_country(
        self, doc: Doc, mention: Mention, state: DocState
    ) -> tuple[str, str, Token] | None:
        """A country named inside the actor's own noun phrase, with the words that name it."""
        head = doc[mention.head]
        for token in noun_phrase_tokens(head):
            if token.dep_ == "poss":  # "Poland's parliament", "Lebanon's new President Hrawi"
                owner = next((m for m in state.with_head(token.i) if m.actor.country), None)
                if owner is not None and owner.actor.country:
                    return owner.actor.country, f"its possessor {owner.text!r}", token
        for place in place_modifiers(head):  # "Darfur rebels", "Baghdad University"
            code = self.place_country(place)
            if code:
                return code, f"the place {place.text!r} before it", place
        local = None if serves_abroad(head) else locative_country(head, self)
        if local is not None:
            return local[0], "its own place phrase", local[1]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in prep.children:  # "the president of Armenia", "King Hassan of Morocco"
                code = self.place_in_phrase(pobj)
                if code:
                    return code, f"'of {pobj.text}'", prep
        if head.dep_ == "appos":  # "Iran's religious leader, Ayatollah Khomeini"
            described = next(iter(state.with_head(head.head.i)), None)
            if described is not None:
                country = described.actor.country
                if country is None and not described.actor.entry_id:
                    own = self.own_country(doc, described, state)
                    country = own[0] if own else None
                if country:
                    return country, f"the noun it describes, {described.text!r}", head
        return None

    def private_person(self, doc: Doc, mention: Mention, state: DocState) -> Mention:
        """A person in no dictionary, with no title and no description, named in a story set
        in one country ("Montalvo was charged"): coded with that country alone, as CAMEO
        codes an individual whose role is unknown."""
        if mention.actor.code or mention.actor.kind != "unknown person":
            return mention
        found = nearby_place_country(doc, mention, state)
        country, why = (
            found if found else (state.focus_country, "the country the article is set in")
        )
        if country is None:
            return mention
        actor = replace(
            mention.actor,
            code=country,
            country=country,
            reason=f"{mention.actor.reason}; country {country} from {why}",
        )
        return replace(mention, actor=actor)

    def first_named_placed(
        self, doc: Doc, mentions: list[Mention], state: DocState
    ) -> list[Mention]:
        """ "Omar Fadli was arrested ... Fadli thanked his lawyers": a person in no dictionary
        takes a country where first named, and a later mention of the surname is linked to
        it (`named_before`), so one person has one country through the story."""
        placed = list(mentions)
        seen: set[str] = set()  # the words of the actors coded so far, as `named_before` reads
        for index in sorted(range(len(placed)), key=lambda i: placed[i].start):
            mention = placed[index]
            if mention.actor.kind == "unknown person" and not mention.coref_of:
                surname = surname_of(mention.text)
                if surname not in seen and misspelt(surname, seen) == surname:
                    placed[index] = mention = self.private_person(doc, mention, state)
            if mention.actor.code and mention.actor.kind not in PLACE_KINDS:
                seen.update(name_word(word) for word in mention.text.split())
        return placed

    def context_country(
        self, doc: Doc, mention: Mention, state: DocState
    ) -> tuple[str | None, str]:
        """The country the rest of the article suggests for an actor named without one."""
        listed = listed_with(doc, mention, state)
        if listed is not None:
            return listed.actor.country, f"listed with {listed.text!r}"
        earlier = same_person_before(doc, mention, state)
        if earlier is not None:  # "Defence Minister Luis Ortega ... Vice-President Luis Ortega"
            return earlier.actor.country, f"named earlier as {earlier.text!r}"
        if mention.actor.sector in STATE_SECTORS:
            earlier = state.last_of_sector(mention)
            if earlier is not None and earlier.actor.country:
                return earlier.actor.country, f"the last {mention.actor.sector} named"
        if serves_abroad(doc[mention.head]):
            return None, ""  # peacekeepers and observers are not of the country they serve in
        nearby = nearby_place_country(doc, mention, state)
        if nearby is not None:
            return nearby
        if state.scene_country and mention.actor.sector in SCENE_SECTORS:
            return state.scene_country, "the country the story's events take place in"
        if state.filed_in and mention.actor.sector in FILED_SECTORS:
            # "ISLAMABAD (AFP) - ... a Foreign Office spokesman said": a wire story quotes
            # the officials of where it was filed, and their opposition ("MANILA (AFP) -
            # ... opposition candidate X said"), whichever country it names most
            return state.filed_in, "the country the story was filed from (its dateline)"
        if state.focus_country:
            return state.focus_country, "the country the article is set in"
        state.catch_up()
        if len(state.countries) == 1:
            return next(iter(state.countries)), "the only country the article names"
        return None, ""


def same_person_before(doc: Doc, mention: Mention, state: DocState) -> Mention | None:
    """The earlier mention, with a country, of the person a titled name names again: one
    person keeps one country through the story ("Defence Minister Luis Ortega ...
    Vice-President Luis Ortega said")."""
    last = doc[mention.token_end - 1]
    if last.ent_type_ != "PERSON" or last.pos_ != "PROPN":
        return None
    named = (state.filled.get(id(m), m) for m in reversed(state.with_surname(name_word(last.text))))
    return next((m for m in named if m.start < mention.start and m.actor.country), None)


def named_again(doc: Doc, mention: Mention, state: DocState) -> Mention | None:
    """The earlier mention a definite noun names again ("two Italian aid workers ... the
    workers"): the latest before it with the same head word and a country of its own."""
    head = doc[mention.head]
    if not is_bare_definite(head):
        return None  # "the press freedom organization", "the President of the PCdoB": others
    lemma = head.lemma_.lower()
    for earlier in reversed(state.mentions):
        if earlier.start >= mention.start or earlier is mention:
            continue
        earlier_head = doc[earlier.head]
        if earlier_head.lemma_.lower() != lemma:
            continue
        if earlier.actor.country:
            return earlier
        # as the story left it: "the hostages" again are whom the hostages were found to be;
        # not a longer title's last word ("the Secretary General of the party ... the general")
        filled = state.filled.get(id(earlier), earlier)
        if filled.actor.country and not any(c.dep_ == "compound" for c in earlier_head.children):
            return filled
    return None


def captives_named_before(doc: Doc, mention: Mention, state: DocState) -> Mention | None:
    """Whom "the hostages", "the captives" name again: the latest actor with a country that
    the story said was kidnapped, seized or held ("two Italian engineers were kidnapped near
    Gao ... the hostages were freed")."""
    head = doc[mention.head]
    words = load_words(ActorWords)
    if head.lemma_.lower() not in words.captive_nouns or not is_bare_definite(head):
        return None
    for earlier in reversed(state.mentions):
        if earlier.start >= mention.start or not earlier.actor.country:
            continue
        if mention.sentence - earlier.sentence > COREF_WINDOW:
            break
        patient = doc[earlier.head]
        verb = patient.head
        held = (patient.dep_ == "dobj" and verb.pos_ == "VERB") or patient.dep_ == "nsubjpass"
        if held and verb.lemma_.lower() in words.captivity_verbs:
            return earlier
    return None


def is_bare_definite(head: Token) -> bool:
    """ "the workers", "those hostages": a definite noun with nothing else of its own."""
    return any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in head.children
    ) and all(c.dep_ in ("det", "punct") for c in head.children)


def nearby_place_country(doc: Doc, mention: Mention, state: DocState) -> tuple[str, str] | None:
    """The one country of the places named in the actor's sentence or, failing that, the
    sentence before ("snipers fired on civilians in Misrata": Libyan snipers): in a story
    about several countries, the nearest place says more than the story's main country. A
    place inside the actor's own phrase is where it went, not where it is from
    ("opposition groups that met in Riyadh")."""
    head = doc[mention.head]
    went = destination_clause(head)
    for distance in (0, 1):
        countries = {
            p.actor.country
            for p in state.places_in(mention.sentence - distance)
            if p.actor.country
            and not head.is_ancestor(doc[p.head])
            and not (went is not None and went.is_ancestor(doc[p.head]))
            and not placed_elsewhere(doc[p.head], head, state)
        }
        if len(countries) == 1:
            where = "its sentence" if distance == 0 else "the sentence before"
            return countries.pop(), f"the place named in {where}"
    return None


def placed_elsewhere(place: Token, head: Token, state: DocState) -> bool:
    """Whether a place says only where an international body's branch is, inside that
    body's own phrase ("a researcher of Amnesty International in Canada", "the UN office in
    Geneva"), not where the story's events are: a body of no country keeps offices in many."""
    token = place
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.i == head.i or token.pos_ in ("VERB", "AUX"):
            return False
        if any(is_international(m.actor) for m in state.with_head(token.i)):
            return True
    return False


def is_international(actor: Actor) -> bool:
    return bool(actor.code) and actor.country is None and actor.sector in INTERNATIONAL_SECTORS


# Participles by which a side holds a place: "the rebel-held town", "an army-controlled area".
HOLDING_VERBS = frozenset({"hold", "control", "run", "occupy", "dominate"})
# Offices and forces that a place's holders install or command there.
HELD_OFFICES = frozenset({"GOV", "MIL", "COP"})


def of_holding_side(doc: Doc, mention: Mention, state: DocState) -> Mention:
    """ "officials in the rebel-held port", "police in the insurgent-controlled district": the
    authorities and forces of a place held by a side other than the state are that side's
    (rebels, insurgents), of the country they would have had; residents stay civilians."""
    actor = mention.actor
    if actor.entry_id or actor.sector not in HELD_OFFICES or actor.code != (actor.country or "") + actor.sector:
        return mention
    head = doc[mention.head]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            for held in (c for c in place.children if c.lemma_.lower() in HOLDING_VERBS):
                side = next(
                    (
                        m.actor.sector
                        for c in held.children
                        if c.dep_ in ("npadvmod", "compound", "nsubj", "amod")
                        for m in state.with_head(c.i)
                        if m.actor.sector and m.actor.sector not in HELD_OFFICES
                        and not m.actor.entry_id
                    ),
                    None,
                )
                if side is not None:
                    country = actor.country or ""
                    why = f"{actor.reason}; of the side holding {place.text!r} -> {side}"
                    held_actor = replace(actor, code=country + side, sector=side, reason=why)
                    return replace(mention, actor=held_actor)
    return mention


def listed_with(doc: Doc, mention: Mention, state: DocState) -> Mention | None:
    """ "President Alan Garcia, Vice-President and Defence Minister Luis Ortega", "Kenyan
    police and soldiers": an actor named without a country in a list is of the country of
    the list's first actor, when that is a person or a group of people of a country (a
    country first in the list, "Russia and the rebels", gives none by this rule)."""
    head = doc[mention.head]
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i == head.i:
        return None
    return next(
        (
            m
            for m in state.with_head(first.i)
            if m.actor.country and m.actor.kind in LISTING_KINDS
        ),
        None,
    )


LISTING_KINDS = frozenset({"person", "sector"})


def is_destination(head: Token) -> bool:
    """ "arrived in ...", "returned to Dunmore", "was moved to Dunmore": the object
    of "to" after a verb of going or of moving someone is where they went."""
    preposition = head.head
    if head.dep_ != "pobj" or preposition.lower_ not in ("to", "into"):
        return False
    words = load_words(ActorWords)
    return preposition.head.lemma_.lower() in words.travel_verbs | words.relocation_verbs


def destination_clause(head: Token) -> Token | None:
    """The verb of going whose subject the actor is ("Carla Mendez arrived in Paris"): the
    places below it are where the actor went, not where it is from."""
    verb = head.head
    travel = load_words(ActorWords).travel_verbs
    if head.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in travel:
        return verb
    return None


def positions_by_head(mentions: list[Mention]) -> dict[int, list[tuple[int, Mention]]]:
    """Each mention with its place in `mentions`, by head token."""
    found: dict[int, list[tuple[int, Mention]]] = {}
    for position, mention in enumerate(mentions):
        found.setdefault(mention.head, []).append((position, mention))
    return found


def described_unknown(
    doc: Doc, mention: Mention, by_head: dict[int, list[tuple[int, Mention]]]
) -> Mention:
    """ "Salaheddine Sidhoum, Algeria's leading human rights activist", "the opposition
    newspaper La Prensa": a name in no dictionary takes the actor its apposition describes
    (`by_head`: the mentions by head, `positions_by_head`; the first one listed wins)."""
    if mention.actor.code or not mention.actor.kind.startswith("unknown"):
        return mention
    head = doc[mention.head]
    linked = {c.i for c in head.children if c.dep_ == "appos"}
    if head.dep_ in ("appos", "compound") and head.head.i != head.i:
        linked.add(head.head.i)  # the name is the apposition of a described noun
    if mention.actor.kind == "unknown person":
        linked.add(head.i)  # "Omar Fadli of Newsweek": where the person works
    for noun in [doc[i] for i in linked if not by_head.get(i) or i == head.i]:
        # "Jenny Leong, co-ordinator of Amnesty International": whom the role is held in
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ROLE_OF):
            linked.update(
                c.i
                for c in prep.children
                if c.dep_ == "pobj"
                and any(m.actor.kind == "organisation" for _, m in by_head.get(c.i, []))
            )
    first = min(
        (
            (position, m)
            for linked_head in linked
            for position, m in by_head.get(linked_head, [])
            if m.actor.code and m.actor.kind not in PLACE_KINDS
        ),
        key=first_item,
        default=None,
    )
    if first is None:
        return mention
    described = first[1]
    actor = replace(
        described.actor,
        name=mention.actor.name,
        reason=f"{mention.actor.reason}, described as {described.text!r}: {described.actor.reason}",
        kind=mention.actor.kind.removeprefix("unknown "),
    )
    return replace(mention, actor=actor)


def named_before(mentions: list[Mention]) -> list[Mention]:
    """ "Carlos Lage ... Lage denied": a name in no dictionary that is a word of an actor
    named earlier in the story ("Cuban vice-premier Carlos Lage") is that actor."""
    resolved: list[Mention] = []
    named: dict[str, list[Mention]] = {}  # the coded actors in `resolved` by each word
    for mention in mentions:
        # a bare surname the small model tags as an organisation ("Obeidi") is a name too
        bare = mention.actor.kind == "unknown organisation" and len(mention.text.split()) == 1
        # a referring word ("his", copied from an unknown person) is no name: it keeps its own
        if (
            not mention.actor.code
            and mention.coref_of is None
            and (mention.actor.kind == "unknown person" or bare)
        ):
            surname = surname_of(mention.text)
            spelt = surname if surname in named else misspelt(surname, named)
            earlier = next(
                (m for m in reversed(named.get(spelt, [])) if m.start < mention.start), None
            )
            if earlier is not None:
                actor = replace(
                    earlier.actor,
                    reason=f"named earlier as {earlier.text!r}: {earlier.actor.reason}",
                )
                mention = replace(mention, actor=actor, coref_of=earlier.text)
        resolved.append(mention)
        if mention.actor.code and mention.actor.kind not in PLACE_KINDS:
            for word in {name_word(word) for word in mention.text.split()}:
                named.setdefault(word, []).append(mention)
    return resolved


def misspelt(word: str, names: Iterable[str]) -> str:
    """ "Defence Minister Mohamed Tantawi ... Tantwi said": the one longer name (of six letters or
    more) the word is a letter away from, with the same first letter; else the word."""
    if len(word) < MISSPELT_MIN:
        return word
    close = [
        name
        for name in names
        if name[:1] == word[0]
        and abs(len(name) - len(word)) <= 1
        and len(name) >= MISSPELT_MIN
        and one_letter_apart(word, name)
    ]
    return close[0] if len(close) == 1 else word


MISSPELT_MIN = 6  # shorter names are a letter apart from too many others


def one_letter_apart(a: str, b: str) -> bool:
    """One letter left out, added or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def referring_spans(state: DocState) -> dict[tuple[int, int], tuple[int, int]]:
    """Each referring word's span -> its antecedent's span, for words that refer to one
    actor (spans outlive the mention objects that later steps replace)."""
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for mention in state.mentions:
        antecedent = state.antecedents.get(id(mention))
        if antecedent is not None:
            spans.setdefault((mention.start, mention.end), []).append(
                (antecedent.start, antecedent.end)
            )
    return {span: found[0] for span, found in spans.items() if len(found) == 1}


def reference_reason(mention: Mention, antecedent: Mention, actor: Actor) -> str:
    """Why a referring word or a name used again has its antecedent's actor."""
    if mention.actor.reason.startswith("named earlier as"):  # a surname, not a pronoun
        return f"named earlier as {antecedent.text!r}: {actor.reason}"
    return f"refers to {antecedent.text!r}: {actor.reason}"


def relinked(
    mentions: list[Mention], antecedent_spans: dict[tuple[int, int], tuple[int, int]]
) -> list[Mention]:
    """ "Tomas Varga, a UN spokesman ... Varga said ... he said": a referring word
    copied its antecedent as the antecedent stood when the word was read, before the name was
    linked to the actor named earlier in the story; it takes the antecedent's final actor
    (chains of "he ... he" included)."""
    resolved = list(mentions)
    latest: dict[tuple[int, int], Mention] = {}
    for index in sorted(range(len(resolved)), key=lambda i: resolved[i].start):
        mention = resolved[index]
        span = (mention.start, mention.end)
        antecedent = latest.get(antecedent_spans.get(span, (-1, -1)))
        if (
            antecedent is not None
            and antecedent.actor.code
            and replace(antecedent.actor, reason="") != replace(mention.actor, reason="")
        ):
            actor = replace(
                antecedent.actor,
                reason=reference_reason(mention, antecedent, antecedent.actor),
            )
            resolved[index] = mention = replace(mention, actor=actor)
        latest[span] = mention
    return resolved


def followers_of_leaders(doc: Doc, mentions: list[Mention], *, doc_id: str) -> list[Mention]:
    """ "Bacar loyalists", "supporters of Mohamed Bacar", "Odinga's followers": people named
    by the leader they follow are of his country, and of his side where it is not an office
    of the state (a rebel leader's supporters are rebels; a president's are not his
    government). Read once names and people are resolved, as a leader may take his country
    late in the story; "the loyalists" named again are the last followers so named."""
    words = load_words(ActorWords).follower_nouns
    sentence_starts = [sentence.start for sentence in doc.sents]
    by_head: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_head.setdefault(mention.head, []).append(mention)
    added: list[Mention] = []
    last: dict[str, Actor] = {}
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in words or token.pos_ != "NOUN":
            continue
        if any(m.actor.code for m in by_head.get(token.i, [])):
            continue
        leader = next(
            (
                m
                for t in follower_leaders(token)
                for m in by_head.get(t.i, [])
                if m.actor.country and m.actor.kind not in PLACE_KINDS
            ),
            None,
        )
        if leader is not None:
            sector = leader.actor.sector
            if sector in STATE_SECTORS or sector == "ELI":
                sector = None
            why = f"{token.text!r} of {leader.text!r} ({leader.actor.code}): their leader's" + (
                f" country and side {sector}" if sector else " country"
            )
            actor = sector_actor(leader.actor.country or "", sector, reason=why, kind="sector")
            start = token.left_edge.i
        elif token.dep_ != "compound" and is_bare_definite(token) and lemma in last:
            earlier = last[lemma]
            actor = replace(earlier, reason=f"the {token.text!r} named before: {earlier.reason}")
            start = token.i
        else:
            continue
        last[lemma] = actor
        sentence = bisect.bisect_right(sentence_starts, token.i) - 1
        added.append(make_mention(doc, start, token.i + 1, token, actor, sentence, doc_id))
    if not added:
        return mentions
    taken = {m.head for m in added}
    return [m for m in mentions if m.head not in taken or m.actor.code] + added


def follower_leaders(token: Token) -> list[Token]:
    """The leader a follower noun names: its possessor ("Bacar's supporters"), a name before
    it ("Bacar loyalists") or the object of its "of" ("supporters of Bacar")."""
    found = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
    found.extend(
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.pos_ == "PROPN"
    )
    return found


def is_full_name(mention: Mention) -> bool:
    """A person named by more than one word, not a word referring back to one."""
    return (
        mention.actor.kind in ("person", "unknown person")
        and not mention.coref_of
        and len(mention.text.split()) > 1
    )


def surnames_named_before(
    doc: Doc, sentence: SpacySpan, sentence_index: int, doc_id: str, state: DocState
) -> list[Mention]:
    """ "Ingrid Betancourt returned ... Betancourt condemned": a lone capitalised word no
    mention covers (the small model tags many surnames as places) that is the last word of a
    person named in full earlier in the story is that person. Found sentence by sentence,
    before the sentence's pronouns are read, so that "Betancourt went home. She said" finds
    her; linked as a referring word, it takes the person's final actor (`relinked`)."""
    people = state.people_named_in_full()
    if not people:
        return []
    surnames = {surname_of(m.text) for m in people}
    covered = {
        i
        for m in (
            *since_sentence(state.mentions, sentence_index),
            *since_sentence(state.places, sentence_index),
        )
        for i in range(m.token_start, m.token_end)
    }
    found: list[Mention] = []
    # a surname opening a sentence may be a NOUN
    for i in between(TokenTable.of(doc).where(("pos", NAME_POS)), sentence.start, sentence.end):
        token = doc[i]
        if (
            name_word(token.text) not in surnames  # no one named before: the rest is moot
            or token.i in covered
            or not token.text[:1].isupper()
            or token.ent_type_ not in ("", "PERSON", "GPE", "ORG", "NORP")
            or any(t.pos_ == "PROPN" for t in doc[max(0, token.i - 1) : token.i + 2] if t != token)
        ):
            continue
        word = name_word(token.text)
        earlier = next(
            (
                m
                for m in reversed(people)
                if m.start < token.idx and surname_of(m.text) == word
            ),
            None,
        )
        if earlier is None:
            continue
        actor = replace(
            earlier.actor, reason=f"named earlier as {earlier.text!r}: {earlier.actor.reason}"
        )
        copy = make_mention(
            doc, token.i, token.i + 1, token, actor, sentence_index, doc_id, coref_of=earlier.text
        )
        found.append(linked(state, copy, earlier))
    return found


def with_partners(
    mention: Mention, partners: Mapping[str, tuple[tuple[str, str | None, str | None], ...]]
) -> list[Mention]:
    """A name that stands for several actors (PETRARCH's "THE_SHIRE [FRO/BIL/SAM]") is one
    mention per actor, so that an act of "The Shire" is coded for each."""
    also = partners.get(mention.actor.entry_id or "", ())
    copies = [
        replace(
            mention,
            actor=replace(
                mention.actor,
                code=code,
                country=country,
                sector=sector,
                reason=f"{mention.actor.reason}; the name also stands for {code}",
            ),
        )
        for code, country, sector in also
    ]
    return [mention, *copies]


def is_capitalised_common_word(entity: SpacySpan) -> bool:
    """ "Gunfire was heard ...": one word, capitalised only because it opens its
    sentence, that the story writes in lower case elsewhere, is no name."""
    if len(entity) != 1 or not entity[0].is_sent_start:
        return False
    word = entity[0]
    doc = entity.doc
    same_word = TokenTable.of(doc).where(("lower", frozenset({word.lower_})))
    return any(doc[i].text == word.lower_ for i in same_word)


def surname_of(name: str) -> str:
    """The last word of a name, as it may be written again (`name_word`)."""
    words = name.split()
    return name_word(words[-1]) if words else ""


def name_word(word: str) -> str:
    """A word of a name as it may be written again: "al-Obeidi" is later "Obeidi"."""
    word = word.lower()
    for article in ("al-", "el-"):  # the Arabic article, often dropped on second mention
        if word.startswith(article) and len(word) > len(article):
            return word[len(article) :]
    return word


def member_of(doc: Doc, mention: Mention, state: DocState) -> Mention:
    """ "leaders of the opposition coalition", "members of Hamas": the group they belong to."""
    head = doc[mention.head]
    if mention.actor.country:
        return mention
    member = head.lemma_.lower() in load_words(ActorWords).member_nouns
    owner = group_owner(head, state) if member else None
    if owner is not None:  # "the rebels' leaders", "Hamas's spokesman": as "leaders of"
        actor = replace(
            owner.actor,
            reason=f"{head.text!r} of {owner.text!r}: {owner.actor.reason}",
            kind=mention.actor.kind,
        )
        return replace(mention, actor=actor)
    for prep in (
        c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "for", "with")
    ):
        for pobj in prep.children:
            group = next(
                (m for t in named_in(pobj) for m in state.with_head(t.i) if m.actor.code), None
            )
            if (
                group is not None
                and not member
                and not works_for(mention, group)
                and (group.actor.kind != "organisation" or prep.lower_ != "from")
            ):  # "journalists from Al Jazeera" are its; "people of Gaza" are only Gaza's
                continue
            if (
                prep.lower_ in ("for", "with")
                and group is not None
                and group.actor.kind != "organisation"
            ):  # "a spokesman for Hamas", "reporters with the BBC"; an envoy for Syria, no
                continue
            if group is not None:
                actor = replace(
                    group.actor,
                    reason=f"{head.text!r} of {group.text!r}: {group.actor.reason}",
                    kind=mention.actor.kind,
                )
                return replace(mention, actor=actor)
    return mention


def works_for(mention: Mention, group: Mention) -> bool:
    """ "a reporter for The Washington Times", "an aid worker with Oxfam": someone whose
    trade is the organisation's own works for it, and is of its country, not the scene's."""
    sector = mention.actor.sector
    return (
        mention.actor.kind == "sector"  # a trade word; another body "with" it is a partner
        and group.actor.kind == "organisation"
        and sector is not None
        and group.actor.sector == sector
    )


def group_owner(head: Token, state: DocState) -> Mention | None:
    """The group or body named as the possessor of a member noun ("the rebels' leaders",
    "the opposition's spokesman", "Amnesty's researchers"); a state's possessor ("Kenya's
    leaders", "the army's spokesman") gives only its country, which `own_country` reads."""
    for owner in (c for c in head.children if c.dep_ == "poss"):
        for mention in state.with_head(owner.i):
            actor = mention.actor
            group = actor.sector is not None and actor.sector not in STATE_SECTORS
            body = actor.kind == "organisation" and actor.sector not in STATE_SECTORS
            if actor.code and (group or body):
                return mention
    return None


def unknown_body_of(doc: Doc, mention: Mention, state: DocState) -> Mention | None:
    """ "The President of the PCdoB", "the spokesman of Acme Holdings": an office or a member
    named by an organisation in no dictionary is that body's, not the state's whose
    officials the story named last; the body is not known, so neither is the country."""
    head = doc[mention.head]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in prep.children:
            if pobj.ent_type_ in PLACE_ENTITIES or any(
                m.actor.country for m in state.with_head(pobj.i)
            ):
                continue  # "the Election Commission of Ghana (ECG)": a country's
            named = state.with_head(pobj.i)  # the body itself, not a name set beside it
            if any(m.actor.kind == "unknown organisation" for m in named):
                return next(m for m in named if m.actor.kind == "unknown organisation")
            if not named and is_acronym(pobj) and pobj.ent_type_ not in PLACE_ENTITIES:
                # an acronym in no dictionary the parser did not call a name ("the PCdoB")
                return make_mention(
                    doc, pobj.i, pobj.i + 1, pobj, Actor(code=""), mention.sentence, mention.doc_id
                )
    return None


def is_acronym(token: Token) -> bool:
    """ "PCdoB", "SPLM": a proper noun of two capitals or more, never a word of prose."""
    return token.pos_ == "PROPN" and sum(c.isupper() for c in token.text) >= 2


def named_in(noun: Token) -> list[Token]:
    """A noun and the names set beside it: "the news agency Reuters" names Reuters, also
    where the parser did not hang the name on the noun ("the network Al-Jazeera were")."""
    beside = [c for c in noun.children if c.dep_ in ("appos", "compound")]
    after = noun.i + 1
    if after < len(noun.doc) and noun.doc[after].ent_iob_ == "B" and noun.doc[after].pos_ == "PROPN":
        name = next((e for e in noun.doc.ents if e.start == after), None)
        if name is not None and name.root not in beside:
            beside.append(name.root)
    return [noun, *beside]


def first_token(matches: list[Match], head: Token) -> int:
    return min(min(m.start for m in matches), head.i)


def igo_part(doc: Doc, actor: Actor, matches: list[Match], *, start: int, head: Token) -> Actor:
    """Members of an international body in a role get the role's sector: "UN peacekeepers"
    are its military, the Security Council and the Secretary-General its government."""
    named = {w for m in matches for t in m.terms for w in t.phrase.lower().split()}
    organ_words = load_words(ActorWords).igo_organ_words
    organs = sorted((named | {t.lower_ for t in doc[start : head.i + 1]}) & organ_words)
    if organs:  # before agent words: "Secretary General" is not a military general
        why = f"organ or officer {organs[0]!r} -> GOV"
        return replace(actor, sector="GOV", reason=f"{actor.reason}; {why}")
    agents = [t.entry for m in matches for t in m.terms if isinstance(t.entry, AgentEntry)]
    sector = choose_sector([], agents)
    if sector is None or sector in INTERNATIONAL_SECTORS:
        return actor
    return replace(actor, sector=sector, reason=f"{actor.reason}; agent word -> {sector}")


def names_people(head: Token, matches: list[Match]) -> bool:
    """The noun phrase names people of a country and nothing more: a demonym as its head
    ("Algerians"), a people's name ("Iraqi Kurds") or a nationality noun ("US national")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return False
    covering = [m for m in matches if m.start <= head.i < m.end]
    if covering:
        demonym = any(t.kind is TermKind.DEMONYM for m in covering for t in m.terms)
        return demonym and not speaks_as_nation(head)
    if head.lemma_.lower() in load_words(ActorWords).national_nouns:
        return True
    return head.ent_type_ == "NORP" and head.tag_ in ("NNS", "NNPS")


def speaks_as_nation(head: Token) -> bool:
    """ "The Palestinians rejected the plan", "Israel and the Palestinians agreed": a bare
    people's name acting as a party stands for the nation, not for civilians ("Young
    Algerians blocked roads", "168 Liberians were deported" are people)."""
    if any(c.dep_ not in ("det", "cc", "conj", "punct") for c in head.children):
        return False
    if any(c.dep_ == "det" and c.lower_ != "the" for c in head.children):
        return False
    conjoined = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
    return conjoined or is_subject(head)


PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
ETHNIC = frozenset({"ethnic"})


def is_ethnic_group(head: Token) -> bool:
    """ "ethnic Albanians", "ethnic Serb civilians": people of a group, country from the place."""
    return head.tag_ in PLURAL_NOUN_TAGS and any(
        t.lower_ in ETHNIC for t in head.subtree if t.i < head.i
    )


def member_mention(
    doc: Doc, head: Token, sentence_index: int, doc_id: str, state: DocState
) -> Mention | None:
    """ "A member of the Syrian parliament" with no title of its own: the parliament's code;
    "the rebel leader's supporters": their leader's."""
    if state.with_head(head.i):
        return None
    owners = [(c.lower_, c) for c in head.children if c.dep_ == "poss"]
    phrases = [
        (prep.lower_, pobj)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "for")
        for pobj in prep.children
    ]
    for word, group_head in [*owners, *phrases]:
        group = next((m for m in state.with_head(group_head.i) if m.actor.code), None)
        if word == "for" and group is not None and group.actor.kind != "organisation":
            continue  # "a spokesman for Hamas", but an envoy for Syria is not Syria's
        if group is not None:
            actor = replace(
                group.actor, reason=f"{head.text!r} of {group.text!r}: {group.actor.reason}"
            )
            start = head.left_edge.i
            return make_mention(doc, start, head.i + 1, head, actor, sentence_index, doc_id)
    return None


PARTICIPANT_KINDS = frozenset({TermKind.PERSON, TermKind.SURNAME, TermKind.ORGANISATION})
NAME_KINDS = frozenset({TermKind.PERSON, TermKind.SURNAME})
COUNTRY_WORD_KINDS = frozenset(
    {TermKind.COUNTRY_NAME, TermKind.COUNTRY_ADJECTIVE, TermKind.DEMONYM}
)
CITY_KINDS = frozenset({TermKind.GOVERNMENT, TermKind.MILITARY, TermKind.LEGISLATURE})


def names_a_thing(head: Token, matches: list[Match]) -> bool:
    """A city metonym naming a thing, not an actor: "the Minsk accords", "Geneva talks"."""
    if any(m.start <= head.i < m.end for m in matches):
        return False
    kinds = {t.kind for m in matches for t in m.terms}
    return (
        bool(kinds)
        and kinds <= CITY_KINDS | {TermKind.COUNTRY_NAME}
        and bool(kinds & CITY_KINDS)
        # "Israeli army bulldozers": an institution's name is no city, its machines its own
        and all(names_a_city(head.doc, m) for m in matches if kinds_of(m) & CITY_KINDS)
    )


# Sectors that say what stance people take, not what they are: "radical farmers" are farmers.
ATTITUDE_SECTORS = frozenset({"RAD", "MOD"})


def without_attitude_modifiers(head: Token, matches: list[Match]) -> list[Match]:
    """Drop a stance word before the head ("Radical French farmers", "moderate students")
    when the head noun names a sector of its own."""
    head_agents = [
        m for m in matches if m.start <= head.i < m.end and agent_codes(m) - ATTITUDE_SECTORS
    ]
    if not head_agents:
        return matches
    return [
        m
        for m in matches
        if not (m.end <= head.i and agent_codes(m) and agent_codes(m) <= ATTITUDE_SECTORS)
    ]


def cause_words(head: Token, matches: list[Match]) -> list[Term]:
    """The agent words that name the cause an organisation works for, not its members: one
    kept from the organisation noun by another noun ("press" in "a press freedom
    organization", "refugee" in "a refugee rights group"); "a farmers' association", "a
    student group", with the agent word next to the head, are the farmers' and students'."""
    if head.lemma_.lower() not in load_words(ActorWords).cause_bodies:
        return []
    found: list[Term] = []
    for match in matches:
        if not agent_codes(match) or match.end > head.i:
            continue
        between_words = head.doc[match.end : head.i]
        if any(t.pos_ in ("NOUN", "PROPN") for t in between_words):
            found.extend(t for t in match.terms if isinstance(t.entry, AgentEntry))
    return found


def agent_codes(match: Match) -> set[str]:
    return {t.entry.code for t in match.terms if isinstance(t.entry, AgentEntry)}


def kinds_of(match: Match) -> set[TermKind]:
    return {t.kind for t in match.terms}


def town_terms(doc: Doc, head: Token, match: Match, matches: list[Match]) -> list[Term]:
    """The match's terms; a capital's name before an agent word names where they are from,
    not its government ("Nairobi residents", "a Cairo protester", "Kabul police": Kenyan
    residents, an Egyptian protester, Afghan police), while a capital standing alone
    ("Nairobi said") or an institution ("Pentagon officials") keeps its sector."""
    if match.start <= head.i < match.end or not kinds_of(match) & CITY_KINDS:
        return list(match.terms)
    head_is_agent = any(m.start <= head.i < m.end and agent_codes(m) for m in matches)
    if not head_is_agent or not names_a_city(doc, match):
        return list(match.terms)
    return [
        Term(TermKind.TOWN, t.entry, t.phrase) if t.kind in CITY_KINDS else t for t in match.terms
    ]


def names_a_city(doc: Doc, match: Match) -> bool:
    """A metonym that is a town's name ("Minsk", "Rawalpindi"), not an institution's."""
    capitals = {
        (t.entry.capital or "").lower() for t in match.terms if isinstance(t.entry, CountryEntry)
    }
    span = doc[match.start : match.end]
    return span.text.lower() in capitals or any(t.ent_type_ in ("GPE", "LOC") for t in span)


def place_mention(doc: Doc, place: PlaceName, sentence_index: int, doc_id: str) -> Mention:
    """A place as a mention, coded with its country ("arrived in Amman"): a place is no
    actor by itself. Its kind says whether it is a town ("town") or a country or region
    ("place"); the event coder codes a town that violence strikes as its people (CVL)."""
    actor = Actor(
        code=place.country,
        country=place.country,
        reason=f"place, not an actor by itself: {place.why}",
        kind="town" if place.town else "place",
    )
    return make_mention(doc, place.start, place.end, doc[place.head], actor, sentence_index, doc_id)


def make_mention(
    doc: Doc,
    start: int,
    end: int,
    head: Token,
    actor: Actor,
    sentence_index: int,
    doc_id: str,
    *,
    coref_of: str | None = None,
) -> Mention:
    span = doc[start:end]
    return Mention(
        doc_id=doc_id,
        sentence=sentence_index,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor=actor,
        head=head.i,
        token_start=start,
        token_end=end,
        coref_of=coref_of,
    )


def mention_order(mention: Mention) -> tuple[int, int, str]:
    return (mention.start, mention.end, mention.actor.code)


def shared_country(terms: list[Term]) -> tuple[str, str, str] | None:
    """The one country every person a surname can mean served, the surname and their names."""
    surnames = [t for t in terms if t.kind is TermKind.SURNAME]
    people = [t.entry for t in surnames if isinstance(t.entry, PersonEntry) and t.entry.roles]
    if len(people) < 2:
        return None
    countries = {r.code[:3] for p in people for r in p.roles}
    if len(countries) != 1:
        return None
    names = " and ".join(sorted({p.name for p in people}))
    return countries.pop(), surnames[0].phrase, names


def covers(role, date: dt.date | None) -> bool:  # type: ignore[no-untyped-def]
    if date is None:
        return True
    return (role.start is None or role.start <= date) and (role.end is None or date < role.end)


def role_country(person: PersonEntry, date: dt.date | None) -> str | None:
    role = person.role_on(date)
    return role.code[:3] if role else None


def term_fits(span: SpacySpan, term: Term, *, agent_words: frozenset[int] = frozenset()) -> bool:
    """Reject matches whose words are used otherwise: "forces" the verb, "kerry" lower-case."""
    first = span[0]
    if term.kind in (TermKind.PERSON, TermKind.SURNAME):
        if term.kind is TermKind.SURNAME and span.end < len(span.doc):
            following = span.doc[span.end]
            if following.pos_ == "PROPN" and following.text[:1].isupper():
                return False  # "Carlos" in "Carlos Menem" is a first name, not Juan Carlos
        if (
            term.kind is TermKind.SURNAME
            and first.ent_type_ in ("DATE", "TIME")
            and not is_subject(first)
        ):  # "tried in May 2000", "talks resume in May": a month, not Theresa May
            return False
        if term.kind is TermKind.SURNAME and (span.text.isupper() or len(span.text) < 2):
            return False  # "UN" is not the end of "Kim Jong Un" ("Xi" and "Hu" are names)
        if term.kind is TermKind.SURNAME and (
            first.ent_type_ == "NORP" or (first.pos_ == "ADJ" and first.ent_type_ != "PERSON")
        ):  # "Muslim hackers" are not Salih Muslim; "that Assad step down", misparsed, is Assad
            return False
        if term.kind is TermKind.SURNAME and span.start > 0:
            previous = span.doc[span.start - 1]
            if previous.text == "-" and not previous.whitespace_ and span.start > 1:
                previous = span.doc[span.start - 2]  # "Bruni-Sarkozy": half of a double name
            if (
                previous.pos_ == "PROPN"
                and previous.text[:1].isupper()
                and previous.lower_ not in load_words(TitleWords).name_titles
            ):
                return False  # "Ahmed Qassem" is not Naim Qassem: another first name
        return first.text[:1].isupper() and first.pos_ in ("PROPN", "NOUN", "ADJ")
    if term.kind is TermKind.AGENT:  # "military approach", "moderate groups" are not actors
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if after == "of" and span.root.lower_ == "state":
            return False  # "a state of emergency"
        if span.root.lemma_.lower() == "party" and any(
            c.lower_ in load_words(ActorWords).side_qualifiers for c in span.root.children
        ):
            return False  # "urged all parties to show restraint": the sides, no party
        return span.root.pos_ in ("NOUN", "PROPN")
    if term.kind in (
        TermKind.COUNTRY_ADJECTIVE,
        TermKind.DEMONYM,
        TermKind.COUNTRY_NAME,
    ) and is_pro(span):
        return False  # "pro-Russian separatists" support Russia; they are not Russian
    if term.kind in (TermKind.COUNTRY_ADJECTIVE, TermKind.DEMONYM) and first.text[:1].islower():
        return False  # "light poles", "china plates": English capitalises nationalities
    if term.kind in (TermKind.COUNTRY_NAME, TermKind.GOVERNMENT, TermKind.MILITARY):
        if inside_larger_name(span, agent_words=agent_words):
            return False  # "Real Madrid", "the Washington Post": a name that contains a place
        return first.text[:1].isupper() or not first.is_alpha
    return True


def inside_larger_name(span: SpacySpan, *, agent_words: frozenset[int] = frozenset()) -> bool:
    """ "Real Madrid", "the Washington Post", "Moscow Times": a name that contains a place.
    A neighbour that is an agent word ("MSF Arnor": MSF is an NGO) makes no larger name."""
    doc = span.doc
    neighbours = [
        doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc) and i not in agent_words
    ]
    for token in neighbours:
        if (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.ent_type_ not in ("DATE", "TIME", "GPE", "NORP", "PERSON", "LOC")
            and token.lower_ not in load_words(TitleWords).name_titles
        ):
            return True
    # Only the entity around the span's first token can hold the span: found from the
    # tokens' entity tags, since reading `doc.ents` per span took time growing with the
    # square of the document's length (issue 15, D9).
    entity = entity_around(doc, span.start)
    if entity is None:
        return False
    start = entity.start + (1 if entity[0].lower_ == "the" else 0)  # "the White House"
    # the tagger's mistakes are no larger name: two names joined by "and" ("Gondor and
    # Osgiliath" as one WORK_OF_ART), or a name with its possessive "'s"
    if any(t.pos_ == "CCONJ" and not span.start <= t.i < span.end for t in entity):
        return False
    end = entity.end - (1 if entity[-1].tag_ == "POS" else 0)
    while start < span.start and start in agent_words:
        start += 1
    while end > span.end and end - 1 in agent_words:
        end -= 1
    return entity.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT") and (
        start <= span.start and span.end <= end and end - start > len(span)
    )


def entity_around(doc: Doc, index: int) -> SpacySpan | None:
    """The named entity that token `index` is part of, None when it is in none."""
    if not doc[index].ent_type_:
        return None
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=doc[index].ent_type_)


def is_pro(span: SpacySpan) -> bool:
    """ "pro-Russian", "anti-American", "ethnic Albanians": a stance or an ethnicity, not a state."""
    doc = span.doc
    before = doc[max(0, span.start - 2) : span.start].text.lower().replace(" ", "")
    return before.endswith(("pro-", "anti-", "pro", "anti", "ethnic"))


def longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, preferring longer ones, then higher-priority kinds."""

    def rank(match: Match) -> tuple[int, int]:
        best = min(KIND_PRIORITY.index(t.kind) for t in match.terms)
        return (-(match.end - match.start), best)

    taken: set[int] = set()
    kept: list[Match] = []
    for match in sorted(matches, key=rank):
        tokens = set(range(match.start, match.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(match)
    return sorted(kept, key=match_start)


def match_start(match: Match) -> int:
    return match.start


def is_leader_of(token: Token) -> bool:
    """ "Vietnamese" in "Vietnamese-led forces": the country that leads the noun's force
    (unlike "US-backed forces", which are someone else's)."""
    led = token.head
    return (
        led.i == token.i + 2
        and token.nbor(1).text == "-"
        and led.lower_ == "led"
        and led.dep_ in ("amod", "compound")
        and led.head.i != led.i
        and led.head.pos_ in ("NOUN", "PROPN")
    )


def np_head(token: Token) -> Token:
    """The head noun of the noun phrase a modifier belongs to ("Syrian" -> "rebels"); a
    conjoined modifier climbs too ("Hungarian and Romanian officials")."""
    while (
        token.dep_ == "conj"
        and (token.pos_ == "ADJ" or token.ent_type_ == "NORP")
        and token.head is not token
        and token.head.dep_ in ("amod", "compound", "nmod")
    ):
        token = token.head
    if is_leader_of(token):  # "Vietnamese-led forces", "Saudi-led coalition": the leader's
        token = token.head.head
    while (
        token.dep_ in NP_INTERNAL
        and token.head is not token
        and token.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        # "demanded that Assad step down", misparsed as a noun "step" heading a clause
        and not (token.head.tag_.startswith("VB") or token.head.dep_ in ("ccomp", "xcomp", "advcl"))
    ):
        token = token.head
    return token


def split_conjoined(doc: Doc, matches: list[Match]) -> list[list[Match]]:
    """ "U.S. and Russian negotiators": one mention per conjoined country modifier."""
    countries = [m for m in matches if any(isinstance(t.entry, CountryEntry) for t in m.terms)]
    if len(countries) < 2:
        return [matches]
    roots = {m.start: doc[m.start : m.end].root for m in countries}
    conjoined = [
        m
        for m in countries
        if any(roots[m.start].i in {c.i for c in r.conjuncts} for r in roots.values())
    ]
    if len(conjoined) < 2:
        return [matches]
    shared = [m for m in matches if m not in conjoined]
    return [[m, *shared] for m in conjoined]


def own_words(doc: Doc, mention: Mention, match: Match) -> Mention:
    """A conjoined modifier's mention over its own words ("Hungarian" in "Hungarian and
    Romanian officials"), still headed by the shared noun so events find it there."""
    return make_mention(
        doc,
        match.start,
        match.end,
        doc[mention.head],
        mention.actor,
        mention.sentence,
        mention.doc_id,
        coref_of=mention.coref_of,
    )


def group_by_head(doc: Doc, matches: list[Match]) -> dict[int, list[Match]]:
    groups: dict[int, list[Match]] = {}
    for match in matches:
        groups.setdefault(np_head(doc[match.start : match.end].root).i, []).append(match)
    for index, group in list(groups.items()):
        for left in split_at_conjunction(doc, group):
            groups[left[-1].end - 1] = left  # its own head: the last word before "and"
            groups[index] = [m for m in groups[index] if m not in left]
    return groups


def split_at_conjunction(doc: Doc, group: list[Match]) -> list[list[Match]]:
    """Parts of one noun phrase that "and" separates in the text: a misparse of "US President
    Donald Trump and North Korean leader Kim Jong Un" puts both under one head."""
    ordered = sorted(group, key=match_start)
    parts: list[list[Match]] = []
    current: list[Match] = []
    for previous, match in zip([None, *ordered], ordered, strict=False):
        if previous is not None and any(t.pos_ == "CCONJ" for t in doc[previous.end : match.start]):
            parts.append(current)
            current = []
        current.append(match)
    # Only when the head's own part names someone ("... and North Korean leader Kim Jong Un");
    # "US and British forces" is one phrase with two countries (see split_conjoined).
    if not any(t.kind in PARTICIPANT_KINDS for m in current for t in m.terms):
        return []
    return parts  # every part but the last, which keeps the shared head


def is_locative(head: Token) -> bool:
    """A noun phrase that is the object of "in", "at", "near"...: a place, not a participant
    (but "fired at the demonstrators" aims at people)."""
    # Up appositions and conjuncts in a loop, not by recursion: a list of 1,000 names is a
    # chain of conjuncts deeper than Python's recursion limit (issue 15, D14).
    while not (
        head.dep_ == "pobj"
        and head.head.lower_ in LOCATIVE_PREPOSITIONS
        and not (
            head.head.lower_ == "at"
            and head.head.head.lemma_.lower() in load_words(ActorWords).aiming_verbs
        )
    ):
        if head.dep_ not in ("appos", "conj") or head.head is head:
            return False
        head = head.head
    return True


def names_a_place(head: Token) -> bool:
    """ "in Baku", "the town of Cizre in southeastern Turkey": the object of a place phrase."""
    if is_locative(head):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and is_locative(head.head.head)


def is_former(head: Token) -> bool:
    """ "former president Carlos Menem", "ousted President Akayev": no longer in office."""
    former = load_words(TitleWords).former_words
    # the doc's few such words, not every word of a subtree that may hold a whole clause
    doc, before = head.doc, head.left_edge.i  # no word of the subtree lies further left
    return any(
        head.is_ancestor(doc[i])
        for i in between(TokenTable.of(doc).where(("lower", former)), before, head.i)
    )


def titles_before_name(doc: Doc, matches: list[Match]) -> frozenset[str]:
    """The title words before a person's name in one noun phrase ("Russian President ...")."""
    named = [m for m in matches if any(t.kind in NAME_KINDS for t in m.terms)]
    if not named:
        return frozenset()
    name_start = min(m.start for m in named)
    first = min(m.start for m in matches)
    named_places = {  # "Russian" names whom the office serves, not the office
        i
        for m in matches
        if any(t.kind in COUNTRY_WORD_KINDS for t in m.terms)
        for i in range(m.start, m.end)
    }
    return title_words(doc[i].text for i in range(first, name_start) if i not in named_places)


def person_of(country: str, sector: str | None, *, reason: str) -> Actor:
    """A person of `country` in the `sector` an agent word gives, if any."""
    why = reason + (f"; agent word -> {sector}" if sector else "")
    return sector_actor(country, sector, reason=why, kind="person")


def sector_actor(country: str, sector: str | None, *, reason: str, kind: str) -> Actor:
    """An actor of `country` in `sector` (none: the country itself), coded as PETRARCH
    codes them: "KEN" + "MIL"."""
    return Actor(
        code=country + (sector or ""),
        country=country,
        sector=sector,
        reason=reason,
        kind=kind,
    )


def choose_sector(countries: list[Term], agents: list[AgentEntry]) -> str | None:
    for term in countries:
        if term.kind is TermKind.GOVERNMENT:
            return "GOV"
        if term.kind is TermKind.MILITARY:
            return "MIL"
        if term.kind is TermKind.LEGISLATURE:
            return "LEG"
    if not agents:
        return None
    # Highest priority wins; among equals, the word nearest the head (last) wins.
    best = max(enumerate(agents), key=agent_rank)
    return best[1].code


def agent_rank(indexed: tuple[int, AgentEntry]) -> tuple[int, int]:
    return (indexed[1].priority, indexed[0])


def focus_country(doc: Doc, matches: list[Match]) -> str | None:
    """The country an article is set in: the one it names most, a place ("in Syria")
    counting twice a name or adjective ("Syrian troops").

    Places alone mislead where a story names the scene of one detail more often than the
    country it is about (refugees of one country "in" the camps of its neighbour); a single
    mention, or a tie, says nothing, and no country is guessed from it.
    """
    return most_named(country_counts(doc, matches, place=PLACE_WEIGHT, other=1), least=2)


def scene_country(doc: Doc, matches: list[Match], *, filed_in: str | None = None) -> str | None:
    """The country the story's events take place in: the one most often named as a place
    ("in Helmand", "in Afghanistan"), where civilians, police and refugees named with no
    country of their own are (a story about US forces in Afghanistan: Afghan civilians).
    A dateline ("MANILA (AFP) -") names the place once more: "appealed to voters"."""
    counts = country_counts(doc, matches, place=1, other=0)
    if filed_in:
        counts[filed_in] += 1
    return most_named(counts, least=1)


def country_counts(doc: Doc, matches: list[Match], *, place: int, other: int) -> Counter[str]:
    """How often each country is named, a name as a place ("in Syria") counting `place`,
    any other ("Syrian troops") `other`."""
    counts: Counter[str] = Counter()
    for match in matches:
        entry = next((t.entry for t in match.terms if isinstance(t.entry, CountryEntry)), None)
        if entry is not None:
            head = np_head(doc[match.start : match.end].root)
            counts[entry.id] += place if is_locative(head) else other
    return counts


def most_named(counts: Counter[str], *, least: int) -> str | None:
    """The country counted most, if at least `least` times and with no tie."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < least or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# The people of a place, not its institutions: where the story happens says whose they are.
SCENE_SECTORS = frozenset({"CVL", "REF", "MED", "LAB", "AGR", "EDU", "HLH", "REL"})
PLACE_WEIGHT = 2  # "in Syria" says where the story is set more than "Syrian" does


# Actors sent to a country from outside it: "peacekeepers in Iraq" are not Iraqi.
FOREIGN_SERVICE_WORDS = frozenset(
    {"peacekeeper", "peacekeeping", "observer", "monitor", "inspector", "envoy", "mediator"}
)


FOREIGN_MODIFIERS = frozenset({"foreign", "overseas", "outside"})
FOREIGN_KIND = "foreign"  # an actor of a country the text does not name; none is guessed


def is_foreign(doc: Doc, mention: Mention) -> bool:
    """ "foreign troops", "foreign journalists": of some other country, unnamed (a
    "foreign minister" is a title the dictionaries name with its word)."""
    head = doc[mention.head]
    words = [head, *(c for c in head.children if c.dep_ == "compound")]  # "foreign ground troops"
    return any(
        c.dep_ == "amod"
        # "Western diplomats", "a Western news agency": of no country the story is set in
        and (c.lower_ in FOREIGN_MODIFIERS or c.text == "Western")
        and not mention.token_start <= c.i < mention.token_end
        for word in words
        for c in word.children
    )


def serves_abroad(head: Token) -> bool:
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod"))]
    return any(word.lemma_.lower() in FOREIGN_SERVICE_WORDS for word in words)


def locative_country(head: Token, resolver: ActorResolver) -> tuple[str, Token] | None:
    """The country of a place phrase attached to a noun ("rebels in Ukraine's east",
    "students at a university in Sivas", "a missionary from Calgary", "a group based in X"),
    with the phrase."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS:
            code = resolver.place_in_phrase(child)
        elif child.dep_ == "acl" and child.lemma_.lower() in PLACED_VERBS:
            code = next(
                (
                    found
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS
                    if (found := resolver.place_in_phrase(prep))
                ),
                None,
            )
        else:
            continue
        if code:
            return code, child
    return None


MAX_PLACE_PHRASE = 8  # tokens; a longer "phrase" is a misparse that swallowed a clause


def is_short_phrase(token: Token) -> bool:
    """A modifier phrase with no verb in it: safe to add to the mention it modifies."""
    words = list(token.subtree)
    return len(words) <= MAX_PLACE_PHRASE and not any(t.pos_ in ("VERB", "AUX") for t in words)


def place_rank(entry: GazEntry) -> tuple[int, int]:
    return (PLACE_FEATURE_RANK.get(entry.feature, 0), entry.population)


def noun_phrase_tokens(head: Token) -> list[Token]:
    """The head's own dependents and those of its compound words ("Lebanon's" hangs on
    "President" in "Lebanon's new President Elias Hrawi")."""
    found = list(head.children)
    for child in head.children:
        if child.dep_ in ("compound", "nmod") and child.i < head.i:
            found.extend(child.children)
    return found


def place_modifiers(head: Token) -> list[Token]:
    """Names that modify a noun from the left ("Darfur rebels", "Baghdad University")."""
    return [
        t
        for t in noun_phrase_tokens(head)
        if t.dep_ in ("compound", "nmod") and t.i < head.i and t.pos_ == "PROPN"
    ]


def country_of_name(name: str, resolver: ActorResolver) -> str | None:
    """The country a name or adjective names ("Guinea-Bissau", "Syrian"), if any."""
    for key in (name, name.lower()):
        for term in resolver.lexicon.lookup(key):
            if isinstance(term.entry, CountryEntry) and term.kind in (
                TermKind.COUNTRY_NAME,
                TermKind.COUNTRY_ADJECTIVE,
            ):
                return term.entry.id
    return None


# -- groups defined by whom they oppose or serve -------------------------------------------
ARMED_HEADS = frozenset(
    {"fighter", "militia", "rebel", "insurgent", "force", "unit", "troop", "soldier", "militant"}
)
OPPOSING_WORDS = frozenset({"opposed", "hostile", "opposing"})
LOYAL_WORDS = frozenset({"loyal", "allied", "affiliated", "aligned", "linked", "close"})


def affiliations(
    doc: Doc, sentence: SpacySpan, sentence_index: int, doc_id: str, state: DocState
) -> list[Mention]:
    """ "groups opposed to Assad" -> SYROPP, "forces loyal to Assad" -> SYRMIL."""
    found, words = [], load_words(ActorWords)
    table = TokenTable.of(doc)
    # the only heads that can name a group: a member or affiliation noun, or a plural noun
    # when "ethnic" is in the doc at all
    ethnic = [("tag", PLURAL_NOUN_TAGS)] if table.where(("lower", ETHNIC)) else []
    heads = table.where(
        ("lemma", words.member_nouns), ("lemma", words.affiliation_heads), *ethnic
    )
    for i in between(heads, sentence.start, sentence.end):
        head = doc[i]
        if is_ethnic_group(head) and not state.with_head(head.i):
            actor = Actor(
                code="CVL", sector="CVL", reason=f"ethnic group {head.text!r}", kind="sector"
            )
            found.append(
                make_mention(doc, head.left_edge.i, head.i + 1, head, actor, sentence_index, doc_id)
            )
            continue
        if head.lemma_.lower() in words.member_nouns and state.last_with_country(head.i) is None:
            member = member_mention(doc, head, sentence_index, doc_id, state)
            if member is not None:
                found.append(member)
                continue
        if (
            head.lemma_.lower() not in words.affiliation_heads
            or state.last_with_country(head.i) is not None
        ):
            continue
        for modifier in head.children:
            word = modifier.lower_
            if modifier.dep_ not in ("acl", "amod") or word not in OPPOSING_WORDS | LOYAL_WORDS:
                continue
            patron = next(
                (
                    found_patron
                    for p in modifier.children
                    if p.dep_ == "prep"
                    for t in p.children
                    if (found_patron := state.last_with_country(t.i)) is not None
                ),
                None,
            )
            if patron is None or patron.actor.country is None:
                continue
            armed = head.lemma_.lower() in ARMED_HEADS
            if word in OPPOSING_WORDS:
                sector = "REB" if armed else "OPP"
            else:
                sector = "MIL" if armed else (patron.actor.sector or "GOV")
            country = patron.actor.country
            actor = Actor(
                code=country + sector,
                country=country,
                sector=sector,
                reason=f"{head.text!r} {word} to {patron.text!r} ({patron.actor.code})",
                kind="sector",
            )
            start = head.left_edge.i if head.left_edge.i >= sentence.start else head.i
            end = max(head.i + 1, modifier.right_edge.i + 1)
            found.append(make_mention(doc, start, end, head, actor, sentence_index, doc_id))
    return found


# -- pass 3: references -------------------------------------------------------------------
def refer(doc: Doc, sentence: SpacySpan, sentence_index: int, doc_id: str, state: DocState) -> None:
    """Add mentions for pronouns and "the two sides" in one sentence, linked to earlier
    actors; each is added at once, so "The group said it ..." finds "the group"."""
    referring = TokenTable.of(doc).where(
        ("pos", PRONOUN_POS), ("lemma", BODY_NOUNS), ("lemma", load_words(ActorWords).pair_nouns), ("lemma", MEDIA_NOUNS)
    )  # the only words `antecedents_of` finds anything for
    for i in between(referring, sentence.start, sentence.end):
        token = doc[i]
        for antecedent in antecedents_of(token, doc, sentence_index, state):
            copy = copy_mention(doc, token, antecedent, sentence_index, doc_id)
            state.mentions.append(linked(state, copy, antecedent))
    for token in sentence:
        if is_people_by_deed(token) and not state.with_head(token.i):
            actor = Actor(
                code="CVL",
                sector="CVL",
                name=token.text,
                reason=f"{token.text!r} with a relative clause: people named by what they did -> CVL",
                kind="sector",
            )
            end = token.i + 1
            state.mentions.append(make_mention(doc, token.i, end, token, actor, sentence_index, doc_id))


def is_people_by_deed(token: Token) -> bool:
    """ "detained those who took part", "those that played a role": people the story names
    by a relative clause alone, civilians of the country their sector is filled from."""
    return (
        token.lower_ == "those"
        and token.dep_ != "det"
        and any(c.dep_ == "relcl" and c.i > token.i for c in token.children)
    )


def antecedents_of(token: Token, doc: Doc, sentence_index: int, state: DocState) -> list[Mention]:
    """What a referring word stands for: "it", "he", "they", "the alliance", "the two sides"."""
    lower, before = token.lower_, token.idx
    if token.pos_ == "PRON" and lower in (*PERSON_PRONOUNS, *THING_PRONOUNS):
        later = fronted_subject(token, state)
        if later is not None:  # "During her visit to Kyiv, the chancellor said": cataphora
            return [later]
    if token.pos_ == "PRON" and lower in THING_PRONOUNS and continues_document(token):
        return []  # "The resolution was adopted ... It demands": the document, no actor
    if token.pos_ == "PRON" and lower in THING_PRONOUNS and token.dep_ not in ("expl", "dobj"):
        body = last_body(state, doc, before=before, sentence_index=sentence_index)
        return [body] if body is not None else []
    if token.pos_ == "PRON" and lower in PERSON_PRONOUNS:
        reporter = reporting_person(token, state)
        if reporter is not None:  # "Obama said he would visit Hanoi"
            return [reporter]
        quoted_here = quoted_in_sentence(token, doc, sentence_index)
        fronted = fronted_phrase_heads(token)
        bound = bound_by(token, state)
        person = last_person(
            state,
            doc,
            before=before,
            sentence_index=sentence_index,
            gender=pronoun_gender(lower),
            skip=lambda mention: quoted_here(mention) or mention.head in fronted or bound(mention),
        )
        return [person] if person is not None else []
    if token.pos_ == "PRON" and lower in PLURAL_PRONOUNS:
        reporters = reporting_bodies(token, state)
        if reporters:  # "The government says they have captured the island"
            return reporters
        body = organisation_before(token, doc, sentence_index, state)
        if body is not None:  # "Amnesty urged ... They have further called upon ..."
            return [body]
        return last_plural(
            state, doc, before=before, sentence_index=sentence_index, skip=bound_by(token, state)
        )
    if is_body_reference(token, state):
        body = last_organisation(state, doc, before=before, sentence_index=sentence_index)
        return [body] if body is not None else []
    if is_media_reference(token, state):
        outlet = last_outlet(state, before=before, sentence_index=sentence_index)
        return [outlet] if outlet is not None else []
    if is_country_reference(token, state):
        country = last_country(state, doc, token, sentence_index=sentence_index)
        return [country] if country is not None else []
    if is_pair_phrase(token):
        lemma = token.lemma_.lower()
        people = lemma in PAIR_PEOPLE_NOUNS  # "the two leaders", not "sides"
        if lemma in PAIR_ONLY_PEOPLE:
            return recent_individuals(state, doc, before=before, sentence_index=sentence_index)
        return last_pair(state, doc, before=before, sentence_index=sentence_index, people=people)
    return []


def reporting_bodies(pronoun: Token, state: DocState) -> list[Mention]:
    """The bodies that report what "they" did: "The government says they have captured the
    island", "France and Italy announced that they will send advisers" (the subject of the
    reporting verb whose reported clause "they" is the subject of, with its conjuncts, when
    those are countries, sectors or bodies); passive too ("the network said they were
    appalled")."""
    subject = reporter_of(pronoun)
    if subject is None:
        return []
    verb = subject.head
    return [
        mention
        for head in (subject, *subject.conjuncts, *companions(subject), *companions(verb))
        for mention in state.with_head(head.i)[:1]
        if mention.actor.code and mention.actor.kind in ("country", "sector", "organisation")
    ]


def reporter_of(pronoun: Token) -> Token | None:
    """The subject of the reporting verb whose reported clause the pronoun is the subject
    of, or the owner of its subject: "The ministry said they ...", "Morenes said that his
    country would send ...", "Peres declined the visit, saying he would ..." (a gerund's
    subject is its governor's)."""
    subject = pronoun.head if pronoun.dep_ == "poss" else pronoun  # "his country will send"
    clause = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    verb = clause.head
    if verb.lemma_.lower() not in load_clause_words().reporting_verbs:
        return None
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not has_nsubj(verb):
        verb = verb.head  # "..., saying he would": whoever did the main clause says it
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def has_nsubj(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in verb.children)


def reporting_person(pronoun: Token, state: DocState) -> Mention | None:
    """ "Obama said he would visit Hanoi": a person's pronoun subject of a reported clause
    is the person who reports it."""
    subject = reporter_of(pronoun)
    if subject is None:
        return None
    return next(
        (
            m
            for m in state.with_head(subject.i)
            if is_one_person(m, pronoun.doc) and m.start < pronoun.idx
        ),
        None,
    )


def companions(token: Token) -> list[Token]:
    """Who acts together with a subject or its verb: "France, together with Italy,
    announced", "France announced along with Britain", "alongside Britain"."""
    along = any(c.dep_ == "prt" and c.lower_ == "along" for c in token.children)
    phrases = [
        prep
        for prep in token.children
        if prep.dep_ == "prep"
        and (
            prep.lower_ == "alongside"
            or (prep.lower_ == "with" and (along or any(is_along(c) for c in prep.children)))
        )
    ]
    for word in (c for c in token.children if is_along(c)):  # "along" heading "with"
        phrases.extend(p for p in word.children if p.dep_ == "prep" and p.lower_ == "with")
    return [pobj for prep in phrases for pobj in prep.children if pobj.dep_ == "pobj"]


def is_along(token: Token) -> bool:
    return token.lower_ in ("together", "along") and token.dep_ in ("advmod", "prep")


def organisation_before(
    pronoun: Token, doc: Doc, sentence_index: int, state: DocState
) -> Mention | None:
    """ "Human Rights Watch has asked the army to release the detainees. They have also
    called on ...": "they" opening a sentence, as its subject, continues the subject
    of the sentence before when that is an organisation (named in the plural, as British
    English does), not the plural noun in its object."""
    if pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ROOT" or sentence_index == 0:
        return None
    previous = []
    for m in reversed(state.mentions):  # in sentence order: stop past the sentence before
        if m.sentence < sentence_index - 1:
            break
        if (
            m.sentence == sentence_index - 1
            and m.actor.kind == "organisation"
            and m.actor.code
            and doc[m.head].dep_ == "nsubj"
            and doc[m.head].head.dep_ == "ROOT"
        ):
            previous.append(m)
    return previous[0] if len(previous) == 1 else None


def fronted_subject(pronoun: Token, state: DocState) -> Mention | None:
    """The subject a pronoun in a fronted phrase refers forward to: "During her meeting with
    the Georgian president, Merkel said" (her = Merkel), "In its statement, the ministry
    said" (its = the ministry). Only a phrase before its clause's subject, and only an actor
    of the pronoun's kind (a person for "he"/"her", a body for "it")."""
    phrase = pronoun
    while phrase.dep_ not in ("prep", "advcl") and phrase.head.i != phrase.i:
        phrase = phrase.head
    verb = phrase.head
    if phrase.dep_ not in ("prep", "advcl") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or phrase.right_edge.i >= subject.i or phrase.i > verb.i:
        return None
    person = pronoun.lower_ in PERSON_PRONOUNS
    for mention in state.with_head(subject.i):
        is_person = mention.actor.kind in ("person", "unknown person")
        if mention.actor.code and is_person == person:
            return mention
    return None


BODY_NOUNS = frozenset(
    {"alliance", "bloc", "organisation", "organization", "body", "union", "agency", "group",
     "movement", "militia"}
)  # fmt: skip


def is_body_reference(token: Token, state: DocState) -> bool:
    """ "the alliance", "the bloc": a definite reference back to an organisation."""
    return (
        token.lemma_.lower() in BODY_NOUNS
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not state.with_head(token.i)
    )


def last_organisation(
    state: DocState, doc: Doc, *, before: int, sentence_index: int
) -> Mention | None:
    """What "the alliance", "the body" refers to: the last organisation named, or the last
    institution ("the electoral commission": a council, commission, committee ...)."""
    for mention in reversed(state.mentions):
        if sentence_index - mention.sentence > COREF_WINDOW:
            break  # the mentions are in sentence order: the rest lie further back
        if mention.start >= before:
            continue
        organisation = (
            (mention.actor.entry_id or "").startswith("organisation:")
            or (mention.actor.country is None and mention.actor.sector in ("IGO", "NGO"))
            or doc[mention.head].lemma_.lower() in load_words(ActorWords).institution_nouns
        )
        if organisation and mention.actor.code:
            return replace(mention, actor=replace(mention.actor, kind="organisation"))
    return None


def is_media_reference(token: Token, state: DocState) -> bool:
    """ "the channel", "the satellite network": a definite reference back to a news outlet."""
    return (
        token.lemma_.lower() in MEDIA_NOUNS
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not names_a_place(token)
        and not state.with_head(token.i)
    )


def last_outlet(state: DocState, *, before: int, sentence_index: int) -> Mention | None:
    """What "the channel" names again: the last news outlet named (MED) within a few
    sentences."""
    for mention in reversed(state.mentions):
        if sentence_index - mention.sentence > COREF_WINDOW:
            break  # the mentions are in sentence order: the rest lie further back
        if mention.start < before and mention.actor.sector == "MED" and mention.actor.entry_id:
            return mention
    return None


def is_country_reference(token: Token, state: DocState) -> bool:
    """ "the country's army", "aid to the impoverished nation": a definite singular
    "country" or "nation" that names a state already named, as an actor, not as the place
    where something happened ("arrested in the country")."""
    return (
        token.lemma_.lower() in COUNTRY_NOUNS
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in token.children)
        and all(c.dep_ in ("det", "amod", "case", "punct") for c in token.children)
        and not names_a_place(token)
        and not state.with_head(token.i)
    )


def last_country(
    state: DocState, doc: Doc, token: Token, *, sentence_index: int
) -> Mention | None:
    """The state "the country" names again: the last country named before it, as an actor
    or as a place, within a few sentences; not the doer of the clause it stands in ("the
    United States would double its aid to the nation" is aid to another nation)."""
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    doers = {
        c.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("nsubj", "nsubjpass")
    }
    # the doer, and whatever names it again ("its aid to the nation"), is not the nation
    own = {m.actor.code for m in state.mentions if m.head in doers}
    named = [
        m
        for m in (*state.mentions, *state.places)
        if m.actor.kind in ("country", "place")
        and m.actor.code
        and m.actor.code == m.actor.country
        and m.actor.code not in own
        and m.start < token.idx
        and sentence_index - m.sentence <= COREF_WINDOW
    ]
    return max(named, key=lambda m: m.start, default=None)


def is_pair_phrase(token: Token) -> bool:
    """ "the two sides", "both countries"."""
    return (
        token.lemma_.lower() in load_words(ActorWords).pair_nouns
        and token.tag_ in ("NNS", "NNPS")
        and any(c.lower_ in PAIR_DETERMINERS for c in token.children)
    )


def linked(state: DocState, copy: Mention, antecedent: Mention) -> Mention:
    state.antecedents[id(copy)] = antecedent
    word = copy.text.lower()
    # only a subject pronoun shows a gender: "her" may be anyone's ("Sarkozy said her return")
    if word in SUBJECT_PRONOUNS and antecedent.actor.kind == "person":
        key, gender = person_key(antecedent), pronoun_gender(word)
        state.genders[key] = gender if state.genders.get(key, gender) == gender else "?"
    return copy


def named_gender(person: Mention) -> str | None:
    """ "f" for a woman by her name or title ("Madeleine Albright", "Mrs Bhutto", "Queen
    Elizabeth"): a "she" may then reach back to her past a man named since; None when the
    name does not say (most names in our lists do not: no man is guessed)."""
    words = load_words(ActorWords)
    names = [w.strip(".,").lower() for w in person.text.split()]
    if any(w in words.female_titles for w in names):
        return "f"
    return "f" if any(w in words.female_first_names for w in names[:-1]) else None


def pronoun_gender(word: str) -> str:
    return "f" if word in FEMALE_PRONOUNS else "m"


def person_key(mention: Mention) -> str:
    """One person however named: a listed person's entry name, else the surname."""
    return mention.actor.name or surname_of(mention.text)


def copy_mention(
    doc: Doc, token: Token, antecedent: Mention, sentence_index: int, doc_id: str
) -> Mention:
    start = min(token.left_edge.i, token.i) if token.pos_ != "PRON" else token.i
    actor = replace(
        antecedent.actor, reason=f"refers to {antecedent.text!r}: {antecedent.actor.reason}"
    )
    return make_mention(
        doc, start, token.i + 1, token, actor, sentence_index, doc_id, coref_of=antecedent.text
    )


def quoted_in_sentence(token: Token, doc: Doc, sentence_index: int) -> Callable[[Mention], bool]:
    """For a pronoun outside quotation marks: whether a mention stands in a quotation of the
    pronoun's own sentence, which the pronoun does not refer back into ('"Morales lies," he
    said': he is not Morales, but whoever spoke)."""
    quotes = Quotations.of(doc)
    if quotes.is_quoted(token):
        return lambda mention: False
    return lambda mention: mention.sentence == sentence_index and quotes.is_quoted(
        doc[mention.head]
    )


def co_arguments(pronoun: Token) -> frozenset[int]:
    """The other arguments of the verb an object pronoun belongs to, which it cannot refer
    to ("built schools for them": them are not the schools; "Putin praised him": not
    Putin); a possessive ("his") and a reflexive may. A relative clause's subject pronoun
    is not the noun the clause describes ("the men they arrested")."""
    if pronoun.dep_ == "nsubj" and pronoun.head.dep_ == "relcl":
        # "the workers they had held hostage": the noun a relative clause describes is not
        # its subject (that is the pronoun), so the pronoun is someone else
        noun = pronoun.head.head
        return frozenset(t.i for t in (noun, *noun.conjuncts))
    if pronoun.dep_ not in ("dobj", "dative", "pobj") or pronoun.lower_.endswith(("self", "selves")):
        return frozenset()
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return frozenset()
    arguments = [c for c in verb.children if c.dep_ in CO_ARGUMENT_DEPS]
    arguments += [
        o for p in verb.children if p.dep_ in ("prep", "agent") for o in p.children if o.dep_ == "pobj"
    ]
    return frozenset(
        t.i for a in arguments if a.i != pronoun.i for t in (a, *a.conjuncts)
    )


CO_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})


def bound_by(pronoun: Token, state: DocState) -> Callable[[Mention], bool]:
    """Whether a mention is one an object pronoun cannot refer to: a co-argument of its verb,
    or an earlier mention of the same actor ("Somali elders ... The elders thanked them":
    not the elders)."""
    heads = co_arguments(pronoun)
    doc = pronoun.doc
    codes = {m.actor.code for i in heads for m in state.with_head(i) if m.actor.code}
    nouns = {doc[i].lemma_.lower() for i in heads if doc[i].pos_ == "NOUN"}
    return lambda mention: (
        mention.head in heads
        or mention.actor.code in codes
        or doc[mention.head].lemma_.lower() in nouns
    )


def fronted_phrase_heads(pronoun: Token) -> frozenset[int]:
    """The words of a phrase fronted before a subject pronoun in its own clause, which the
    pronoun does not refer back into ("Greeted by Putin, she praised the deal": she is not
    Putin); the phrase's own subject may be it ("After Putin landed, he spoke")."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    words: set[int] = set()
    for phrase in pronoun.head.children:
        if phrase.dep_ not in ("advcl", "prep", "npadvmod") or phrase.i > pronoun.i:
            continue
        own_subjects = {
            t.i
            for c in phrase.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for t in c.subtree
        }
        words.update(t.i for t in phrase.subtree if t.i not in own_subjects)
    return frozenset(words)


def last_person(
    state: DocState,
    doc: Doc,
    *,
    before: int,
    sentence_index: int,
    skip: Callable[[Mention], bool] = lambda mention: False,
    gender: str | None = None,
) -> Mention | None:
    """The person a "he" or "she" refers to: the latest one named, unless the story has
    already called someone in reach by this pronoun's gender ("Arroyo ... She said. Arroyo
    met the US envoy. She thanked him": Arroyo), and never one it called by the other."""
    latest = None
    for mention in reversed(state.mentions):
        if narrative_distance(state, mention.sentence, sentence_index) > COREF_WINDOW:
            break  # the mentions are in sentence order: the rest lie further back
        if mention.start >= before or skip(mention):
            continue
        if is_one_person(mention, doc):
            person = named_as(mention, doc, state) or mention
            shown = (
                state.genders.get(person_key(person)) or named_gender(person)
                if person.actor.kind in ("person", "unknown person")
                else None
            )
            if gender is None or (shown == gender and passable(latest, doc, gender=gender)):
                return person
            if shown in (None, "?") and latest is None:
                latest = person
    return latest


def passable(latest: Mention | None, doc: Doc, *, gender: str) -> bool:
    """Whether "she" may reach past `latest`, a later person not yet called anything, to a
    woman the story has called "she": not past a subject ("Zia ... She"), and never for
    "he" (most people named in the news are men: a "he" before is no evidence)."""
    if latest is None:
        return True
    return gender == "f" and doc[latest.head].dep_ not in ("nsubj", "nsubjpass")


def named_as(office: Mention, doc: Doc, state: DocState) -> Mention | None:
    """The person an office noun names beside it: "the party's leader, Mahmoud Abbas"
    (an apposition), "the party's leader Mahmoud Abbas" (a title before the name)."""
    head = doc[office.head]
    names = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "compound":
        names.append(head.head)
    for name in names:
        person = next((m for m in state.with_head(name.i) if m.actor.kind == "person"), None)
        if person is not None:
            return person
    return None


def is_one_person(mention: Mention, doc: Doc) -> bool:
    """A person, named ("Kerry") or by one office ("the Kenyan minister", "a spokesman"):
    what "he" or "she" may refer to (not "the government", nor "officials")."""
    if mention.actor.kind in ("person", "unknown person"):
        return True
    head = doc[mention.head]
    if mention.actor.kind != "sector":
        return False
    offices = load_words(TitleWords).office_words
    if head.pos_ == "PROPN" and any(
        doc[i].lower_ in offices for i in range(mention.token_start, head.i)
    ):
        return True  # "Defence Minister Pedro Morenes": a person named by title
    if head.tag_ != "NN":
        return False
    lemma = head.lemma_.lower()
    return lemma in offices or lemma in load_words(ActorWords).member_nouns


def narrative_distance(state: DocState, earlier: int, later: int) -> int:
    """Sentences from `earlier` to `later`, not counting the quoted ones between them: "Ruiz
    said: '...' '...' '...' She added" keeps Ruiz as near as the sentence before."""
    quoted = state.quoted_sentences
    between = bisect.bisect_left(quoted, later) - bisect.bisect_right(quoted, earlier)
    return later - earlier - max(between, 0)


def continues_document(pronoun: Token) -> bool:
    """ "The resolution was passed, with China and Russia abstaining. It demands ...": "it"
    opening a sentence as its subject continues the document the sentence before was about,
    not a country named in passing (events.yaml document_nouns)."""
    if pronoun.dep_ != "nsubj" or pronoun.head.dep_ != "ROOT" or pronoun.sent.start == 0:
        return False
    before = pronoun.doc[pronoun.sent.start - 1].sent.root
    subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    documents = load_words(EventWords).document_nouns
    return subject is not None and subject.tag_ == "NN" and subject.lemma_.lower() in documents


def last_body(state: DocState, doc: Doc, *, before: int, sentence_index: int) -> Mention | None:
    """What "it" refers to: the subject of its sentence when that is a country, government or
    organisation ("Libya has offered to hand over its nationals"), else the last one named."""
    candidates = [
        m
        for m in since_sentence(state.mentions, sentence_index - 1)
        if m.start < before
        and 0 <= sentence_index - m.sentence <= 1
        and m.actor.kind in ("country", "sector", "organisation")
        and m.actor.code
    ]
    subjects = [m for m in candidates if m.sentence == sentence_index and is_subject(doc[m.head])]
    if subjects:
        return subjects[-1]
    return candidates[-1] if candidates else None


def last_plural(
    state: DocState,
    doc: Doc,
    *,
    before: int,
    sentence_index: int,
    skip: Callable[[Mention], bool] = lambda mention: False,
) -> list[Mention]:
    """What "they" refers to: the last plural actor ("rebels") or compound ("Russia and
    China") that `skip` leaves."""
    for mention in reversed(state.mentions):
        if sentence_index - mention.sentence > COREF_WINDOW:
            break  # the mentions are in sentence order: the rest lie further back
        if mention.start >= before or skip(mention):
            continue
        head = doc[mention.head]
        if head.tag_ in ("NNS", "NNPS") and mention.actor.code:
            return [mention]
        group = {head.i, *(t.i for t in head.conjuncts)}
        if len(group) > 1:
            return [m for m in state.mentions if m.head in group and m.start < before]
    return []


def last_pair(
    state: DocState, doc: Doc, *, before: int, sentence_index: int, people: bool = False
) -> list[Mention]:
    """The two states an article is about so far: what "the two sides" refers to.

    Each earlier state-level mention counts once, twice when it is a subject; the two
    countries with the highest scores win, the more recent breaking ties.
    """
    recent = recent_pair(state, doc, before=before, sentence_index=sentence_index)
    if people:  # "the two leaders": two people of two countries, the latest named
        named = recent_people(state, doc, before=before, sentence_index=sentence_index)
        if named or recent:
            return named or recent
    # the mentions of earlier sentences are tallied once, those of this one each time
    done = len(state.mentions) - len(since_sentence(state.mentions, sentence_index))
    for order in range(state.pair_tallied, done):
        tally_pair(*state.pair_tally, order, state.mentions[order], doc, before=before)
    state.pair_tallied = max(state.pair_tallied, done)
    scores, latest = dict(state.pair_tally[0]), dict(state.pair_tally[1])
    for order in range(state.pair_tallied, len(state.mentions)):
        tally_pair(scores, latest, order, state.mentions[order], doc, before=before)
    if len(scores) < 2:
        return []
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:2]
    return sorted((latest[c] for c in top), key=mention_order)


def tally_pair(
    scores: dict[str, float],
    latest: dict[str, Mention],
    order: int,
    mention: Mention,
    doc: Doc,
    *,
    before: int,
) -> None:
    """Count `mention`, number `order` of the document's, for `last_pair`."""
    actor = mention.actor
    armed = actor.sector in ARMED_SIDE_SECTORS
    if mention.start >= before or not actor.country or not (armed or actor.sector in PAIR_SECTORS):
        return
    side = actor.code if armed else actor.country  # rebels are a side of their own country's war
    weight = 2 if mention.coref_of is None and is_subject(doc[mention.head]) else 1
    scores[side] = scores.get(side, 0.0) + weight + order * 1e-6  # recency breaks ties
    latest[side] = mention


def first_item(pair: tuple[int, Mention]) -> int:
    return pair[0]


def recent_pair(state: DocState, doc: Doc, *, before: int, sentence_index: int) -> list[Mention]:
    """ "Kenyatta met the AU envoy, Obasanjo. The two leaders discussed ...": the two actors
    of the sentence just before, when it names two (an apposition describes, it adds no one)."""
    earlier = [
        m
        for m in since_sentence(state.mentions, sentence_index - 1)
        if m.start < before
        and m.sentence == sentence_index - 1
        and m.actor.code
        and m.actor.kind not in PLACE_KINDS
        and doc[m.head].dep_ != "appos"
    ]
    latest = {mention.actor.code: mention for mention in earlier}
    return sorted(latest.values(), key=mention_order) if len(latest) == 2 else []


PAIR_LOOKBACK = 3  # sentences back in which "the two leaders" are looked for


def recent_people(
    state: DocState, doc: Doc, *, before: int, sentence_index: int
) -> list[Mention]:
    """ "Kenya's foreign minister met her Ugandan counterpart ... The minister criticized
    Somalia. The two leaders agreed": the last two people named, of two countries, in the
    few sentences before (an institution, "the Somali government", is no leader)."""
    offices = load_words(TitleWords).office_words | load_words(ActorWords).member_nouns
    offices |= {"counterpart"}  # "met her Ugandan counterpart"
    latest: dict[str, Mention] = {}
    for mention in reversed(since_sentence(state.mentions, sentence_index - PAIR_LOOKBACK)):
        country = mention.actor.country
        person = mention.actor.kind == "person" or doc[mention.head].lemma_.lower() in offices
        if mention.start >= before or not person or not country:
            continue
        latest.setdefault(country, mention)
        if len(latest) == 2:
            return sorted(latest.values(), key=mention_order)
    return []


def recent_individuals(
    state: DocState, doc: Doc, *, before: int, sentence_index: int
) -> list[Mention]:
    """ "Gunmen seized a British engineer and a Kenyan driver ... the two men": the last two
    single people named in the few sentences before, of one country or two; no states."""
    offices = load_words(TitleWords).office_words | load_words(ActorWords).member_nouns
    found: list[Mention] = []
    for mention in reversed(since_sentence(state.mentions, sentence_index - PAIR_LOOKBACK)):
        head = doc[mention.head]
        one_person = (
            mention.actor.kind in ("person", "unknown person")
            or (head.tag_ == "NN" and head.lemma_.lower() in offices)
            or (mention.actor.kind == "country" and head.tag_ == "NN" and head.ent_type_ == "")
        )  # "a British engineer": a person named by nationality, not "Britain"
        if mention.start >= before or not mention.actor.code or not one_person:
            continue
        if mention.coref_of is not None or any(f.head == mention.head for f in found):
            continue
        found.append(mention)
        if len(found) == 2:
            return sorted(found, key=mention_order)
    return []


def since_sentence(mentions: list[Mention], first: int) -> list[Mention]:
    """The mentions of sentence `first` and after: the end of `mentions`, which are added in
    sentence order (found from the end, not by reading the whole document's)."""
    start = len(mentions)
    while start > 0 and mentions[start - 1].sentence >= first:
        start -= 1
    return mentions[start:]


def is_subject(token: Token) -> bool:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def names_a_sea(head: Token, *, features: frozenset[str]) -> bool:
    """A sea or coast named after a country or city: "the Indian Ocean", "the Persian Gulf"
    (the head is the feature), "the Gulf of Guinea", "the Horn of Africa" (the head names
    what the feature is of); the feature word is capitalised, a name, not "the sea"."""

    def is_feature(word: Token) -> bool:
        return word.lemma_.lower() in features and word.text[:1].isupper()

    if is_feature(head):
        return True
    of = head.head
    return head.dep_ == "pobj" and of.lower_ == "of" and of.head.i != of.i and is_feature(of.head)
