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

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

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
from kittiwake.nlp import iter_sentences
from kittiwake.records import Actor, Mention

# Prepositions whose object is a place rather than a participant.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "across", "throughout", "around", "outside", "within", "through"}
)
# Dependencies that keep a token inside the noun phrase of its head.
NP_INTERNAL = frozenset({"compound", "amod", "nmod", "nummod", "det", "flat", "poss_name"})
# Verbs whose "at" names a target, not a place: "fired at the demonstrators".
AIMING_VERBS = frozenset(
    {
        "fire",
        "shoot",
        "aim",
        "throw",
        "hurl",
        "lob",
        "point",
        "direct",
        "swing",
        "lash",
        "strike",
        "launch",
    }
)
# Sectors that are international by nature: "the international community" has no country.
INTERNATIONAL_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC", "INT"})
# Sectors that belong to a state; a bare "the government" refers back to the last one named.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
PAIR_NOUNS = frozenset(
    {"side", "country", "nation", "leader", "government", "man", "capital", "state", "power"}
)
PAIR_DETERMINERS = frozenset({"two", "both"})
COREF_WINDOW = 3  # sentences a pronoun may look back
# Words that may stand before a surname without being a first name.
TITLES = frozenset(
    {"president", "minister", "secretary", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
     "gen", "gen.", "general", "king", "queen", "prince", "princess", "sheikh", "sheik",
     "ayatollah", "chancellor", "premier", "senator", "sen.", "governor", "gov.", "lord",
     "sir", "pope", "imam", "colonel", "col.", "commander", "emir", "sultan", "marshal",
     "admiral", "lt.", "rep.", "representative", "judge", "justice", "envoy", "ambassador",
     "spokesman", "leader", "chief", "mullah", "cardinal", "archbishop", "bishop", "field"}
)  # fmt: skip
# Actors "the two sides" can stand for: states and their officials, not rebels or civilians.
PAIR_SECTORS = frozenset({None, "GOV", "MIL", "LEG", "ELI"})


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
    antecedents: dict[int, Mention] = field(default_factory=dict)  # id(copy) -> antecedent


class ActorResolver:
    """Pipeline stage: a parsed doc in, actor mentions out (resolved as of a date)."""

    def __init__(self, *, dictionaries: Dictionaries, nlp: Language) -> None:
        self.dictionaries = dictionaries
        self.lexicon = Lexicon(dictionaries=dictionaries, nlp=nlp)
        self.country_codes = frozenset(c.id for c in dictionaries.countries)
        self.agents_by_code = {a.code: a for a in dictionaries.agents}

    def __call__(self, doc: Doc, *, doc_id: str, date: dt.date | None) -> list[Mention]:
        matches = self.find_matches(doc)
        state = DocState(date=date, focus_country=focus_country(doc, matches))
        groups = group_by_head(doc, matches)
        for sentence_index, sentence in iter_sentences(doc):
            for head in sorted(h for h in groups if sentence.start <= h < sentence.end):
                for matches in split_conjoined(doc, groups[head]):
                    mention = self.compose(doc, doc[head], matches, sentence_index, doc_id, state)
                    if mention is not None:
                        state.mentions.append(mention)
            for mention in self.unknown_entities(doc, sentence, sentence_index, doc_id, groups):
                state.mentions.append(mention)
            state.mentions.extend(affiliations(doc, sentence, sentence_index, doc_id, state))
            state.mentions.extend(refer(doc, sentence, sentence_index, doc_id, state))
        filled = {id(m): self.fill_country(doc, m, state) for m in state.mentions}
        mentions = []
        for mention in state.mentions:
            result = filled[id(mention)]
            antecedent = state.antecedents.get(id(mention))
            if antecedent is not None and not result.actor.country:
                source = filled.get(id(antecedent), antecedent).actor
                if source.country:
                    result = replace(
                        result,
                        actor=replace(
                            source, reason=f"refers to {antecedent.text!r}: {source.reason}"
                        ),
                    )
            mentions.append(result)
        return sorted(mentions, key=mention_order)

    # -- pass 1: match -------------------------------------------------------------------
    def find_matches(self, doc: Doc) -> list[Match]:
        found: dict[tuple[int, int], list[Term]] = {}
        lexicon = self.lexicon
        for matcher in (lexicon.lower_matcher, lexicon.exact_matcher):
            for match_id, start, end in matcher(doc):
                terms = [
                    t
                    for t in lexicon.lookup(doc.vocab.strings[match_id])
                    if term_fits(doc[start:end], t)
                ]
                if terms:
                    found.setdefault((start, end), []).extend(terms)
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
        terms = [t for m in matches for t in m.terms]
        if is_locative(head) and not any(t.kind in PARTICIPANT_KINDS for t in terms):
            return None
        if names_a_thing(head, matches):
            return None
        actor = self.actor_from_terms(terms, head=head, state=state)
        if actor is None:
            return None
        start = min(min(m.start for m in matches), head.i)
        end = max(max(m.end for m in matches), head.i + 1)
        if actor.entry_id and actor.entry_id.startswith("person:"):
            state.people_seen.add(actor.entry_id)
        return make_mention(doc, start, end, head, actor, sentence_index, doc_id)

    def actor_from_terms(self, terms: list[Term], *, head: Token, state: DocState) -> Actor | None:
        countries = [t for t in terms if isinstance(t.entry, CountryEntry)]
        agents = [t.entry for t in terms if isinstance(t.entry, AgentEntry)]
        sector = choose_sector(countries, agents)
        if sector and is_former(head):
            sector = "ELI"  # "former president Carlos Menem": an elite, no longer in office
        person = self.choose_person(terms, state=state, countries=countries, sector=sector)
        if person is not None:
            return self.person_actor(person, state.date, sector=sector)
        organisation = next(
            (t.entry for t in terms if isinstance(t.entry, OrganisationEntry)), None
        )
        head_is_country = any(
            t.kind is TermKind.COUNTRY_NAME and t.phrase.split()[-1].lower() == head.lower_
            for t in countries
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
            if head.ent_type_ == "PERSON":
                why += f" (unlisted person {head.text!r} named by title)"
                kind = "person"
            return Actor(
                code=country.id + (sector or ""),
                country=country.id,
                sector=sector,
                entry_id=f"country:{country.id}",
                name=country.name,
                reason=why,
                kind=kind,
            )
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
    ) -> PersonEntry | None:
        full = [t.entry for t in terms if t.kind is TermKind.PERSON]
        if full:
            return full[0]  # type: ignore[return-value]
        by_surname = [t.entry for t in terms if t.kind is TermKind.SURNAME]
        candidates: list[PersonEntry] = [p for p in by_surname if isinstance(p, PersonEntry)]
        if not candidates:
            return None
        seen = [p for p in candidates if f"person:{p.id}" in state.people_seen]
        if seen:
            return seen[0]
        country_codes = {t.entry.id for t in countries}
        active = [p for p in candidates if (r := p.role_on(state.date)) and covers(r, state.date)]
        if country_codes:
            active = [p for p in active if role_country(p, state.date) in country_codes] or active
        if not active and sector:  # "President Reagan" in a story before any role we list
            titled = [p for p in candidates if any(r.code[3:6] == sector for r in p.roles)]
            if len(titled) == 1:
                return titled[0]
        if len(active) > 1:  # "Assad" in 2016 is the president, not his brother the general
            governing = [p for p in active if (r := p.role_on(state.date)) and r.code[3:6] == "GOV"]
            active = governing if len(governing) == 1 else active
        if len(active) == 1:
            return active[0]
        return None if len(candidates) > 1 else (candidates[0] if not state.date else None)

    def person_actor(
        self, person: PersonEntry, date: dt.date | None, *, sector: str | None
    ) -> Actor:
        # Before their first role a person still belongs to the country of that role.
        role = person.role_on(date) or min(person.roles, key=role_start, default=None)
        if role is None:
            return Actor(
                code="",
                name=person.name,
                entry_id=f"person:{person.id}",
                reason=f"person {person.name!r} has no role on {date} ({person.source})",
                kind="person",
            )
        country, own_sector = self.split_code(role.code)
        if not covers(role, date):
            when = f"(first role {role.start}; none on {date})"
        else:
            when = f"on {date.isoformat()}" if date else "(latest role)"
        return Actor(
            code=role.code,
            country=country,
            sector=own_sector,
            entry_id=f"person:{person.id}",
            name=person.name,
            reason=f"person {person.name!r}: {role.title or role.code} {when} ({person.source})",
            kind="person",
        )

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
    ) -> Iterable[Mention]:
        """Named people and organisations in no dictionary: kept with their text, never dropped."""
        for entity in sentence.ents:
            if entity.label_ not in ("PERSON", "ORG"):
                continue
            head = np_head(entity.root)
            if head.i in groups or any(entity.start <= h < entity.end for h in groups):
                continue
            if any(m.start < entity.end and entity.start < m.end for m in groups.get(head.i, [])):
                continue
            if any(
                entity.start < m.end and m.start < entity.end for ms in groups.values() for m in ms
            ):
                continue  # "State" in "Secretary of State John Kerry"
            if is_locative(head):
                continue
            kind = "person" if entity.label_ == "PERSON" else "organisation"
            end = entity.end - 1 if entity[-1].tag_ == "POS" else entity.end
            name = doc[entity.start : end].text
            actor = Actor(
                code="", name=name, reason=f"unknown {kind} {name!r}", kind=f"unknown {kind}"
            )
            yield make_mention(doc, entity.start, end, head, actor, sentence_index, doc_id)

    # -- pass 3: fill countries ----------------------------------------------------------
    def fill_country(self, doc: Doc, mention: Mention, state: DocState) -> Mention:
        mention = member_of(doc, mention, state)
        actor = mention.actor
        if actor.country or not actor.sector or actor.entry_id or actor.code != actor.sector:
            return mention
        if actor.sector in INTERNATIONAL_SECTORS:
            return mention
        country, why = self.infer_country(doc, mention, state)
        if country is None:
            return mention
        filled = replace(
            actor,
            code=country + actor.sector,
            country=country,
            reason=f"{actor.reason}; country {country} from {why}",
        )
        return replace(mention, actor=filled)

    def infer_country(self, doc: Doc, mention: Mention, state: DocState) -> tuple[str | None, str]:
        head = doc[mention.head]
        for child in head.children:  # "Poland's parliament", "Iran's foreign minister"
            if child.dep_ == "poss":
                owner = next(
                    (m for m in state.mentions if m.head == child.i and m.actor.country), None
                )
                if owner is not None:
                    return owner.actor.country, f"its possessor {owner.text!r}"
        local = locative_country(head, self)
        if local:
            return local, "its own place phrase"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in prep.children:  # "the president of Armenia", "King Hassan of Morocco"
                code = country_of_token(pobj, self)
                if code:
                    return code, f"'of {pobj.text}'"
        if mention.actor.sector in STATE_SECTORS:
            for earlier in reversed(state.mentions):
                if earlier.start >= mention.start:
                    continue
                if earlier.actor.sector == mention.actor.sector and earlier.actor.country:
                    return earlier.actor.country, f"the last {mention.actor.sector} named"
        if state.focus_country:
            return state.focus_country, "the country the article is set in"
        countries = {m.actor.country for m in state.mentions if m.actor.country}
        if len(countries) == 1:
            return countries.pop(), "the only country the article names"
        return None, ""


MEMBER_NOUNS = frozenset(
    {"leader", "member", "head", "chief", "official", "spokesman", "spokeswoman", "spokesperson",
     "representative", "delegation", "delegate", "envoy", "commander", "fighter", "supporter",
     "activist", "negotiator"}
)  # fmt: skip


def member_of(doc: Doc, mention: Mention, state: DocState) -> Mention:
    """ "leaders of the opposition coalition", "members of Hamas": the group they belong to."""
    head = doc[mention.head]
    if head.lemma_.lower() not in MEMBER_NOUNS or mention.actor.country:
        return mention
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for pobj in prep.children:
            group = next((m for m in state.mentions if m.head == pobj.i and m.actor.code), None)
            if group is not None:
                actor = replace(
                    group.actor,
                    reason=f"{head.text!r} of {group.text!r}: {group.actor.reason}",
                    kind=mention.actor.kind,
                )
                return replace(mention, actor=actor)
    return mention


def is_ethnic_group(head: Token) -> bool:
    """ "ethnic Albanians", "ethnic Serb civilians": people of a group, country from the place."""
    return head.tag_ in ("NNS", "NNPS") and any(
        t.lower_ == "ethnic" for t in head.subtree if t.i < head.i
    )


def member_mention(
    doc: Doc, head: Token, sentence_index: int, doc_id: str, state: DocState
) -> Mention | None:
    """ "A member of the Syrian parliament" with no title of its own: the parliament's code."""
    if any(m.head == head.i for m in state.mentions):
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for pobj in prep.children:
            group = next((m for m in state.mentions if m.head == pobj.i and m.actor.code), None)
            if group is not None:
                actor = replace(
                    group.actor, reason=f"{head.text!r} of {group.text!r}: {group.actor.reason}"
                )
                start = head.left_edge.i
                return make_mention(doc, start, head.i + 1, head, actor, sentence_index, doc_id)
    return None


PARTICIPANT_KINDS = frozenset({TermKind.PERSON, TermKind.SURNAME, TermKind.ORGANISATION})
CITY_KINDS = frozenset({TermKind.GOVERNMENT, TermKind.MILITARY, TermKind.LEGISLATURE})


def names_a_thing(head: Token, matches: list[Match]) -> bool:
    """A city metonym naming a thing, not an actor: "the Minsk accords", "Geneva talks"."""
    if any(m.start <= head.i < m.end for m in matches):
        return False
    kinds = {t.kind for m in matches for t in m.terms}
    return (
        bool(kinds) and kinds <= CITY_KINDS | {TermKind.COUNTRY_NAME} and bool(kinds & CITY_KINDS)
    )


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


def role_start(role) -> dt.date:  # type: ignore[no-untyped-def]
    return role.start or dt.date.min


def covers(role, date: dt.date | None) -> bool:  # type: ignore[no-untyped-def]
    if date is None:
        return True
    return (role.start is None or role.start <= date) and (role.end is None or date < role.end)


def role_country(person: PersonEntry, date: dt.date | None) -> str | None:
    role = person.role_on(date)
    return role.code[:3] if role else None


def term_fits(span: SpacySpan, term: Term) -> bool:
    """Reject matches whose words are used otherwise: "forces" the verb, "kerry" lower-case."""
    first = span[0]
    if term.kind in (TermKind.PERSON, TermKind.SURNAME):
        if term.kind is TermKind.SURNAME and span.end < len(span.doc):
            following = span.doc[span.end]
            if following.pos_ == "PROPN" and following.text[:1].isupper():
                return False  # "Carlos" in "Carlos Menem" is a first name, not Juan Carlos
        if term.kind is TermKind.SURNAME and (span.text.isupper() or len(span.text) < 3):
            return False  # "UN" is not the end of "Kim Jong Un"
        if term.kind is TermKind.SURNAME and span.start > 0:
            previous = span.doc[span.start - 1]
            if (
                previous.pos_ == "PROPN"
                and previous.text[:1].isupper()
                and previous.lower_ not in TITLES
            ):
                return False  # "Ahmed Qassem" is not Naim Qassem: another first name
        return first.text[:1].isupper() and first.pos_ in ("PROPN", "NOUN", "ADJ")
    if term.kind is TermKind.AGENT:  # "military approach", "moderate groups" are not actors
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if after == "of" and span.root.lower_ == "state":
            return False  # "a state of emergency"
        return span.root.pos_ in ("NOUN", "PROPN")
    if term.kind in (
        TermKind.COUNTRY_ADJECTIVE,
        TermKind.DEMONYM,
        TermKind.COUNTRY_NAME,
    ) and is_pro(span):
        return False  # "pro-Russian separatists" support Russia; they are not Russian
    if term.kind in (TermKind.COUNTRY_NAME, TermKind.GOVERNMENT, TermKind.MILITARY):
        if inside_larger_name(span):
            return False  # "Real Madrid", "the Washington Post": a name that contains a place
        return first.text[:1].isupper() or not first.is_alpha
    return True


def inside_larger_name(span: SpacySpan) -> bool:
    """ "Real Madrid", "the Washington Post", "Moscow Times": a name that contains a place."""
    doc = span.doc
    neighbours = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    for token in neighbours:
        if (
            token.pos_ == "PROPN"
            and token.text[:1].isupper()
            and token.ent_type_ not in ("DATE", "TIME", "GPE", "NORP", "PERSON", "LOC")
            and token.lower_ not in TITLES
        ):
            return True
    for entity in span.doc.ents:
        start = entity.start + (1 if entity[0].lower_ == "the" else 0)  # "the White House"
        if entity.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT") and (
            start <= span.start and span.end <= entity.end and entity.end - start > len(span)
        ):
            return True
    return False


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
    return (
        head.dep_ == "pobj"
        and head.head.lower_ in LOCATIVE_PREPOSITIONS
        and not (head.head.lower_ == "at" and head.head.head.lemma_.lower() in AIMING_VERBS)
        or (head.dep_ in ("appos", "conj") and head.head is not head and is_locative(head.head))
    )


def is_former(head: Token) -> bool:
    return any(
        t.lower_ in ("former", "ex", "ex-", "erstwhile") for t in head.subtree if t.i < head.i
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
    """The country an article is set in: the one most often named as a place ("in Syria")."""
    counts: Counter[str] = Counter()
    for match in matches:
        head = np_head(doc[match.start : match.end].root)
        if not is_locative(head):
            continue
        for term in match.terms:
            if isinstance(term.entry, CountryEntry):
                counts[term.entry.id] += 1
                break
    return counts.most_common(1)[0][0] if counts else None


def locative_country(head: Token, resolver: ActorResolver) -> str | None:
    """The country of a place phrase attached to a noun ("rebels in Ukraine's east")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPOSITIONS:
            for token in child.subtree:
                code = country_of_token(token, resolver)
                if code:
                    return code
    return None


def country_of_token(token: Token, resolver: ActorResolver) -> str | None:
    for key in (token.text, token.lower_):
        for term in resolver.lexicon.lookup(key):
            if isinstance(term.entry, CountryEntry) and term.kind in (
                TermKind.COUNTRY_NAME,
                TermKind.COUNTRY_ADJECTIVE,
            ):
                return term.entry.id
    return None


# -- groups defined by whom they oppose or serve -------------------------------------------
AFFILIATION_HEADS = frozenset(
    {"group", "faction", "force", "fighter", "militia", "rebel", "insurgent", "movement",
     "party", "unit", "troop", "soldier", "militant", "organization", "organisation", "activist"}
)  # fmt: skip
ARMED_HEADS = frozenset(
    {"fighter", "militia", "rebel", "insurgent", "force", "unit", "troop", "soldier", "militant"}
)
OPPOSING_WORDS = frozenset({"opposed", "hostile", "opposing"})
LOYAL_WORDS = frozenset({"loyal", "allied", "affiliated", "aligned", "linked", "close"})


def affiliations(
    doc: Doc, sentence: SpacySpan, sentence_index: int, doc_id: str, state: DocState
) -> list[Mention]:
    """ "groups opposed to Assad" -> SYROPP, "forces loyal to Assad" -> SYRMIL."""
    by_head = {m.head: m for m in state.mentions if m.actor.country}
    found = []
    for head in sentence:
        if is_ethnic_group(head) and not any(m.head == head.i for m in state.mentions):
            actor = Actor(
                code="CVL", sector="CVL", reason=f"ethnic group {head.text!r}", kind="sector"
            )
            found.append(
                make_mention(doc, head.left_edge.i, head.i + 1, head, actor, sentence_index, doc_id)
            )
            continue
        if head.lemma_.lower() in MEMBER_NOUNS and head.i not in by_head:
            member = member_mention(doc, head, sentence_index, doc_id, state)
            if member is not None:
                found.append(member)
                continue
        if head.lemma_.lower() not in AFFILIATION_HEADS or head.i in by_head:
            continue
        for modifier in head.children:
            word = modifier.lower_
            if modifier.dep_ not in ("acl", "amod") or word not in OPPOSING_WORDS | LOYAL_WORDS:
                continue
            patron = next(
                (
                    by_head[t.i]
                    for p in modifier.children
                    if p.dep_ == "prep"
                    for t in p.children
                    if t.i in by_head
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
def refer(
    doc: Doc, sentence: SpacySpan, sentence_index: int, doc_id: str, state: DocState
) -> list[Mention]:
    """Mentions for pronouns and "the two sides" in one sentence, linked to earlier actors."""
    found: list[Mention] = []
    for token in sentence:
        for antecedent in antecedents_of(token, doc, sentence_index, state):
            copy = copy_mention(doc, token, antecedent, sentence_index, doc_id)
            found.append(linked(state, copy, antecedent))
    return found


def antecedents_of(token: Token, doc: Doc, sentence_index: int, state: DocState) -> list[Mention]:
    """What a referring word stands for: "it", "he", "they", "the alliance", "the two sides"."""
    lower, before = token.lower_, token.idx
    if token.pos_ == "PRON" and lower in THING_PRONOUNS and token.dep_ not in ("expl", "dobj"):
        body = last_body(state, doc, before=before, sentence_index=sentence_index)
        return [body] if body is not None else []
    if token.pos_ == "PRON" and lower in PERSON_PRONOUNS:
        person = last_person(state, before=before, sentence_index=sentence_index)
        return [person] if person is not None else []
    if token.pos_ == "PRON" and lower in PLURAL_PRONOUNS:
        return last_plural(state, doc, before=before, sentence_index=sentence_index)
    if is_body_reference(token, state):
        body = last_organisation(state, before=before, sentence_index=sentence_index)
        return [body] if body is not None else []
    if is_pair_phrase(token):
        return last_pair(state, doc, before=before)
    return []


BODY_NOUNS = frozenset(
    {"alliance", "bloc", "organisation", "organization", "body", "union", "agency"}
)


def is_body_reference(token: Token, state: DocState) -> bool:
    """ "the alliance", "the bloc": a definite reference back to an organisation."""
    return (
        token.lemma_.lower() in BODY_NOUNS
        and token.tag_ == "NN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        and not any(m.head == token.i for m in state.mentions)
    )


def last_organisation(state: DocState, *, before: int, sentence_index: int) -> Mention | None:
    for mention in reversed(state.mentions):
        if mention.start >= before or sentence_index - mention.sentence > COREF_WINDOW:
            continue
        organisation = (mention.actor.entry_id or "").startswith("organisation:") or (
            mention.actor.country is None and mention.actor.sector in ("IGO", "NGO")
        )
        if organisation and mention.actor.code:
            return replace(mention, actor=replace(mention.actor, kind="organisation"))
    return None


def is_pair_phrase(token: Token) -> bool:
    """ "the two sides", "both countries"."""
    return (
        token.lemma_.lower() in PAIR_NOUNS
        and token.tag_ in ("NNS", "NNPS")
        and any(c.lower_ in PAIR_DETERMINERS for c in token.children)
    )


def linked(state: DocState, copy: Mention, antecedent: Mention) -> Mention:
    state.antecedents[id(copy)] = antecedent
    return copy


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


def last_person(state: DocState, *, before: int, sentence_index: int) -> Mention | None:
    for mention in reversed(state.mentions):
        if mention.start >= before or sentence_index - mention.sentence > COREF_WINDOW:
            continue
        if mention.actor.kind in ("person", "unknown person"):
            return mention
    return None


def last_body(state: DocState, doc: Doc, *, before: int, sentence_index: int) -> Mention | None:
    """What "it" refers to: the subject of its sentence when that is a country, government or
    organisation ("Libya has offered to hand over its nationals"), else the last one named."""
    candidates = [
        m
        for m in state.mentions
        if m.start < before
        and 0 <= sentence_index - m.sentence <= 1
        and m.actor.kind in ("country", "sector", "organisation")
        and m.actor.code
    ]
    subjects = [m for m in candidates if m.sentence == sentence_index and is_subject(doc[m.head])]
    if subjects:
        return subjects[-1]
    return candidates[-1] if candidates else None


def last_plural(state: DocState, doc: Doc, *, before: int, sentence_index: int) -> list[Mention]:
    """What "they" refers to: the last plural actor ("rebels") or compound ("Russia and China")."""
    for mention in reversed(state.mentions):
        if mention.start >= before or sentence_index - mention.sentence > COREF_WINDOW:
            continue
        head = doc[mention.head]
        if head.tag_ in ("NNS", "NNPS") and mention.actor.code:
            return [mention]
        group = {head.i, *(t.i for t in head.conjuncts)}
        if len(group) > 1:
            return [m for m in state.mentions if m.head in group and m.start < before]
    return []


def last_pair(state: DocState, doc: Doc, *, before: int) -> list[Mention]:
    """The two states an article is about so far: what "the two sides" refers to.

    Each earlier state-level mention counts once, twice when it is a subject; the two
    countries with the highest scores win, the more recent breaking ties.
    """
    scores: dict[str, float] = {}
    latest: dict[str, Mention] = {}
    for order, mention in enumerate(state.mentions):
        actor = mention.actor
        if mention.start >= before or not actor.country or actor.sector not in PAIR_SECTORS:
            continue
        weight = 2 if mention.coref_of is None and is_subject(doc[mention.head]) else 1
        scores[actor.country] = (
            scores.get(actor.country, 0.0) + weight + order * 1e-6
        )  # recency breaks ties
        latest[actor.country] = mention
    if len(scores) < 2:
        return []
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:2]
    return sorted((latest[c] for c in top), key=mention_order)


def is_subject(token: Token) -> bool:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")
