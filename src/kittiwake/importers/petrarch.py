"""Read PETRARCH/TABARI actor and agent dictionaries into kittiwake's typed entries.

Actor dictionaries (TABARI syntax, as in PETRARCH2 and the Phoenix files):

    KOFI_ANNAN_              # a name; "_" separates words, a trailing "_" ends the word
    +SECRETARY-GENERAL_KOFI_ANNAN     # "+" lines are synonyms of the name above
        [IGOUNO 970101-061231]        # dated codes: a range, >from, <before (YYMMDD or YYYYMMDD)
        [ELI]                         # an undated code: the code at every other time
    HAMAS [PSEREBHMS]                 # a code on the name's own line

A name without a code joins the names waiting for the next code ("UN_" then "U.N._" then
"[IGOUNO]"). `#` starts a comment, `<!-- ... -->` is a comment block, `[---]` means "no
code". An actor with a date restriction becomes a person with dated roles; one with a single
undated code becomes an organisation (the code's first three letters are its country when
they are one). A bare sector code after dated ones ("[ELI]" after "[IGOUNO ...]") takes the
country of the role before it (IGOELI).

Agent dictionaries: `NAME {PLURALS} [~CODE]` (suffix agents) or `[CODE~]` (prefix agents
such as IGO peacekeepers); `{}` means no regular plural, `{A, B}` irregular ones;
`!MACRO! = A, B` defines a substitution used as `CATTLE!PERSON!`. Words are grouped by code.

Two-digit years: 30-99 are 19xx, 00-29 20xx (PETRARCH's dictionaries start in the 1940s and
their dated entries run to the 2010s). What cannot be converted (a malformed code or date,
an agent code that is not a CAMEO code) is left out and reported with its line number.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from kittiwake.actors.dictionaries import (
    EMPTY,
    NO_CODE,
    AgentEntry,
    CountryEntry,
    Dictionaries,
    DiscardEntry,
    OrganisationEntry,
    PersonEntry,
    RoleSpan,
)

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATED_CODE = re.compile(
    r"^(?P<code>[A-Za-z]{3,}|---)\s*"
    r"(?:(?P<op>[<>])\s*(?P<date>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?$"
)
CAMEO_CODE = re.compile(r"(?:[A-Z]{3})+")
MACRO_DEFINITION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
AGENT_LINE = re.compile(r"^(?P<name>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
# "<!--" and the malformed "<! --" that hand-edited dictionaries contain both open a comment
COMMENT_OPEN = re.compile(r"<!\s*--")
YEAR_PIVOT = 30
# Sector codes that, standing alone after dated roles, mean "the same country, this sector".
BARE_SECTORS = frozenset(
    {"ELI", "GOV", "MIL", "OPP", "REB", "LEG", "JUD", "COP", "PTY", "BUS", "MED", "CVL", "SPY"}
)
# Code prefixes that are not countries: such organisations get country null and the prefix as
# their sector, as in kittiwake's own organisations file.
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
# CAMEO's religion codes: an actor coded with one alone is a religious body, not a country.
RELIGIONS = frozenset(
    {"REL", "MOS", "CHR", "JEW", "BUD", "HIN", "BAH", "SIK", "JAN", "CON", "TAO", "ZRO",
     "ITR", "ATH", "CTH", "ORT", "PRO"}
)  # fmt: skip
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "la", "le", "bin"})
ACRONYM_LETTERS = 3  # one-word names this short stay in capitals ("UN", "FIS", "PKK")
DISCARD_CODE = "discard"  # what "[###]" reads as once `#` comments are cut
COUNTRY_LETTERS = 3  # a lone three-letter code is a country-level actor, as PETRARCH reads it


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something in the input that was left out or overridden, with the line it is on."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"

    def at(self, source: str) -> str:
        """`file:line: message`, the form kittiwake reports user errors in."""
        return f"{source}:{self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an importer made of one file: entries for a kittiwake YAML file, problems (what was
    left out) and warnings (what was kept but overrides or repeats something)."""

    people: tuple[PersonEntry, ...] = ()
    organisations: tuple[OrganisationEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    countries: tuple[CountryEntry, ...] = ()
    warnings: tuple[ImportProblem, ...] = ()
    discards: tuple[DiscardEntry, ...] = ()


@dataclass
class _Block:
    """One actor: its names and its codes, as read so far."""

    line: int
    names: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    also: list[str] = field(default_factory=list)  # "[FRO/BIL/SAM]": the others
    coded: bool = False  # a code was read, "[---]" (no code) included: later names start anew
    discard: bool = False  # TABARI's "[###]": a sentence naming this actor is not coded


def strip_comments(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) with `#` comments and `<!-- -->` blocks removed."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            if "-->" not in line:
                continue
            line, in_block = line.split("-->", 1)[1], False
        while (opening := COMMENT_OPEN.search(line)) is not None:
            before, after = line[: opening.start()], line[opening.end() :]
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_block = before, True
        line = line.replace("[###]", f"[{DISCARD_CODE}]").split("#", 1)[0]
        if line.strip():
            yield number, line.rstrip()


def display_name(raw: str) -> str:
    """KOFI_ANNAN_ -> "Kofi Annan"; short one-word acronyms stay in capitals."""
    words = raw.replace("_", " ").split()
    if len(words) == 1 and len(words[0].replace(".", "")) <= ACRONYM_LETTERS:
        return words[0]
    shaped = [_title_word(word) for word in words]
    return " ".join(
        word.lower() if i and word.lower() in NAME_PARTICLES else word
        for i, word in enumerate(shaped)
    )


def _title_word(word: str) -> str:
    if "." in word and len(word) <= 6:  # U.N., U.S.
        return word.upper()
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def parse_date(digits: str) -> dt.date:
    """YYMMDD or YYYYMMDD."""
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year < YEAR_PIVOT else 1900
        return dt.date(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 8:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    raise ValueError(f"date {digits!r} is neither YYMMDD nor YYYYMMDD")


def read_code(content: str, *, line: int, block: _Block) -> ImportProblem | None:
    """Add one bracketed code to `block`; a problem when it cannot be read.

    `[A/B/C]` (several actors under one name, undated): the first is the code, the others
    the actors the name also stands for (`also`).
    """
    content = " ".join(content.split())
    if content == "":
        return None
    if content == DISCARD_CODE:
        block.discard = True
        return None
    first, *others = content.split("/")
    match = DATED_CODE.match(first.strip())
    if match is None:
        return ImportProblem(line, f"unreadable code [{content}]")
    code = NO_CODE if match["code"] == "---" else match["code"].upper()
    if code and not CAMEO_CODE.fullmatch(code):
        return ImportProblem(line, f"code {code!r} is not made of three-letter groups")
    try:
        if match["op"] == ">":
            block.roles.append(RoleSpan(code, parse_date(match["date"]), None, None))
        elif match["op"] == "<":
            block.roles.append(RoleSpan(code, None, parse_date(match["date"]), None))
        elif match["start"]:
            start, end = parse_date(match["start"]), parse_date(match["end"])
            if end <= start:
                return ImportProblem(line, f"[{content}]: end is not after start")
            block.roles.append(RoleSpan(code, start, end, None))
        else:
            block.undated.append(code)
    except ValueError as error:
        return ImportProblem(line, f"[{content}]: {error}")
    if others:
        partners = [o.strip().upper() for o in others]
        bad = [p for p in partners if not CAMEO_CODE.fullmatch(p)]
        if bad or match["op"] or match["start"]:
            left_out = "/".join(partners)
            return ImportProblem(
                line, f"[{content}]: kept {code}; left out {left_out} (dated or unreadable)"
            )
        block.also.extend(partners)
    return None


def read_actor_blocks(text: str) -> tuple[list[_Block], list[ImportProblem]]:
    blocks: list[_Block] = []
    problems: list[ImportProblem] = []
    current: _Block | None = None
    for number, line in strip_comments(text):
        stripped = line.strip()
        if stripped.startswith("<"):
            problems.append(ImportProblem(number, f"markup, not an actor: {stripped!r}"))
            continue
        if stripped.startswith("+") and current is not None:
            current.names.append(stripped[1:].strip())
            continue
        name = CODE_BLOCK.sub("", stripped).strip()
        if name and not stripped.startswith("["):
            if current is None or current.coded or not current.names:
                current = _Block(number)
                blocks.append(current)
            current.names.append(name)
        if current is None:
            problems.append(ImportProblem(number, "a code before any name"))
            continue
        for content in CODE_BLOCK.findall(stripped):
            current.coded = True
            problem = read_code(content, line=number, block=current)
            if problem is not None:
                problems.append(problem)
    return blocks, problems


def entry_id(name: str, *, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "actor"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def role_order(role: RoleSpan) -> dt.date:
    return role.start or dt.date.min


def uncovered(roles: Sequence[RoleSpan]) -> list[tuple[dt.date | None, dt.date | None]]:
    """The spans of time no dated role covers: where an undated default code applies."""
    low, high = dt.date.min, dt.date.max  # stand-ins for the open past and future
    gaps: list[tuple[dt.date, dt.date]] = []
    cursor = low
    for role in sorted(roles, key=role_order):
        start, end = role.start or low, role.end or high
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < high:
        gaps.append((cursor, high))
    return [(None if s == low else s, None if e == high else e) for s, e in gaps]


def roles_of(block: _Block) -> list[RoleSpan]:
    """Dated roles in order, then the undated code for the times they leave uncovered (so that
    `ZIMBABWE [RHO <790606] [ZBW]` is RHO before 6 June 1979 and ZBW only after it)."""
    roles = sorted(block.roles, key=role_order)
    for code in block.undated[:1]:
        if code in BARE_SECTORS and roles:
            code = roles[-1].code[:3] + code  # "[ELI]" after "[IGOUNO ...]": IGOELI
        roles.extend(RoleSpan(code, start, end, None) for start, end in uncovered(roles))
    return roles


@dataclass(frozen=True, slots=True)
class _Named:
    """One imported name and the code it gets, to check against the shipped entries."""

    name: str
    code: str
    line: int


def shipped_codes(shipped: Dictionaries) -> dict[str, tuple[str, str]]:
    """Lower-case phrase -> (code, source) for every name and word of the shipped entries."""
    found: dict[str, tuple[str, str]] = {}
    for country in shipped.countries:
        for name in (*country.names, *country.adjectives, *country.demonyms):
            found.setdefault(name.lower(), (country.code, country.source))
    for organisation in shipped.organisations:
        for name in organisation.names:
            found.setdefault(name.lower(), (organisation.code, organisation.source))
    for person in shipped.people:
        role = person.role_on(None)
        for name in (person.name, *person.aliases):
            found.setdefault(name.lower(), (role.code if role else NO_CODE, person.source))
    for agent in shipped.agents:
        for word in agent.words:
            found.setdefault(word.lower(), (agent.code, agent.source))
    return found


def clashes(named: Sequence[_Named], *, shipped: Dictionaries) -> list[ImportProblem]:
    """A warning for each imported name that a shipped entry codes differently (the imported
    entry takes precedence when both are loaded) and for each name repeated in the file."""
    known = shipped_codes(shipped)
    first: dict[str, _Named] = {}
    warnings = []
    for item in named:
        key = item.name.lower()
        earlier = first.setdefault(key, item)
        if earlier is not item:
            warnings.append(
                ImportProblem(
                    item.line,
                    f"{item.name!r} ({item.code or '---'}) repeats line {earlier.line} "
                    f"({earlier.code or '---'}); the first is kept",
                )
            )
        elif key in known and known[key][0] != item.code:
            code, source = known[key]
            warnings.append(
                ImportProblem(
                    item.line,
                    f"{item.name!r} is {code or '---'} in the shipped {source}; the imported "
                    f"{item.code or '---'} takes precedence",
                )
            )
    return warnings


def is_country(block: _Block, *, sectors: Collection[str]) -> bool:
    """A single undated three-letter code that is no sector (MED, MOS, IGO, ...): a
    country-level actor, which agent words extend ("Calenardhon government" is CALGOV)."""
    return (
        not block.roles
        and not block.also  # a name for several actors is no country's name
        and len(block.undated) == 1
        and len(block.undated[0]) == COUNTRY_LETTERS
        and block.undated[0] not in sectors
    )


def sector_codes(shipped: Dictionaries) -> frozenset[str]:
    """Three-letter codes that name a kind of actor, not a country: transnational prefixes,
    religions and the shipped agents' codes ("REUTERS [MED]" is media, not a country MED)."""
    codes = TRANSNATIONAL | RELIGIONS | {a.code for a in shipped.agents if len(a.code) == 3}
    return codes - {country.id for country in shipped.countries}


def country_entries(
    blocks: Sequence[_Block], *, shipped: Dictionaries, source: str
) -> list[CountryEntry]:
    """One country per code; a code kittiwake ships keeps its entry (adjectives, metonyms,
    capital) and gains the imported names it lacks, so "Russian police" still codes RUSCOP."""
    by_code: dict[str, list[_Block]] = {}
    for block in blocks:
        by_code.setdefault(block.undated[0], []).append(block)
    known = {country.id: country for country in shipped.countries}
    countries = []
    for code, group in by_code.items():
        names = list(dict.fromkeys(display_name(n) for b in group for n in b.names if n.strip()))
        where = f"{source}:{group[0].line}"
        base = known.get(code)
        if base is None:
            countries.append(
                CountryEntry(
                    code, code, names[0], tuple(names), (), (), None, (), (), (), None, where
                )
            )
            continue
        taken = {n.lower() for n in (*base.names, *base.adjectives, *base.demonyms)}
        extra = tuple(n for n in names if n.lower() not in taken)
        countries.append(replace(base, names=(*base.names, *extra), source=where))
    return countries


def organisation_entry(
    block: _Block, names: list[str], *, taken: set[str], where: str, sectors: Collection[str]
) -> OrganisationEntry:
    code = block.undated[0]
    country: str | None = code[:3]
    sector: str | None = code[3:6] or None
    if code[:3] in sectors:
        country, sector = None, code[:3]
    return OrganisationEntry(
        entry_id(names[0], taken=taken),
        code,
        names[0],
        tuple(names),
        country,
        sector,
        where,
        also=tuple(dict.fromkeys(block.also)),
    )


def first_mentions(names: Sequence[str], *, seen: set[str]) -> list[str]:
    """The names not already taken by an earlier entry of the file (the first is kept)."""
    kept = []
    for name in names:
        key = display_name(name).lower()
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def block_code(block: _Block) -> str:
    roles = roles_of(block)
    return block.undated[0] if block.undated else (roles[-1].code if roles else NO_CODE)


def to_entries(blocks: Sequence[_Block], *, shipped: Dictionaries, source: str) -> ImportResult:
    people: list[PersonEntry] = []
    organisations: list[OrganisationEntry] = []
    problems: list[ImportProblem] = []
    named: list[_Named] = []
    discards: list[DiscardEntry] = []
    sectors = sector_codes(shipped)
    taken: set[str] = set()
    seen: set[str] = set()
    for block in blocks:
        named.extend(_Named(display_name(n), block_code(block), block.line) for n in block.names)
        block.names = first_mentions(block.names, seen=seen)
        names = list(dict.fromkeys(display_name(name) for name in block.names))
        if block.discard:
            discards.extend(DiscardEntry(n, "sentence", f"{source}:{block.line}") for n in names)
            continue
        if not names or not (block.roles or block.undated):
            if names:
                problems.append(ImportProblem(block.line, f"{names[0]!r} has no code"))
            continue
        where = f"{source}:{block.line}"
        if block.roles or block.undated[0] == NO_CODE:  # "[---]": a known name, coded as nobody
            people.append(
                PersonEntry(
                    entry_id(names[0], taken=taken),
                    names[0],
                    tuple(names[1:]),
                    tuple(roles_of(block)),
                    where,
                )
            )
            continue
        if len(block.undated) > 1:
            problems.append(
                ImportProblem(
                    block.line,
                    f"{names[0]!r}: kept {block.undated[0]}, left out {block.undated[1:]}",
                )
            )
        if not is_country(block, sectors=sectors):
            organisations.append(
                organisation_entry(block, names, taken=taken, where=where, sectors=sectors)
            )
    countries = country_entries(
        [b for b in blocks if b.names and is_country(b, sectors=sectors)],
        shipped=shipped,
        source=source,
    )
    return ImportResult(
        people=tuple(people),
        organisations=tuple(organisations),
        countries=tuple(countries),
        problems=tuple(problems),
        warnings=tuple(clashes(named, shipped=shipped)),
        discards=tuple(discards),
    )


def import_actors(
    text: str, *, shipped: Dictionaries = EMPTY, source: str = "petrarch"
) -> ImportResult:
    """Countries, people and organisations from a PETRARCH/TABARI actor dictionary, with
    warnings where they repeat each other or override what `shipped` says."""
    blocks, problems = read_actor_blocks(text)
    result = to_entries(blocks, shipped=shipped, source=source)
    return replace(result, problems=tuple(sorted((*problems, *result.problems), key=problem_line)))


def problem_line(problem: ImportProblem) -> int:
    return problem.line


# -- discards -----------------------------------------------------------------------------


def is_discard_dictionary(text: str) -> bool:
    """Discard lists are phrases alone: no line of them carries a [code]."""
    lines = [line for _, line in strip_comments(text)]
    return bool(lines) and not any("[" in line for line in lines)


def import_discards(text: str, *, source: str = "petrarch") -> ImportResult:
    """PETRARCH's discard list: "+PHRASE" discards the story, "PHRASE" the sentence."""
    discards: list[DiscardEntry] = []
    warnings: list[ImportProblem] = []
    first: dict[str, int] = {}
    for number, line in strip_comments(text):
        raw = line.split(";", 1)[0].strip()  # ";" starts a TABARI comment
        scope: Literal["sentence", "story"] = "story" if raw.startswith("+") else "sentence"
        phrase = " ".join(raw.lstrip("+").replace("_", " ").split())
        if not phrase:
            continue
        earlier = first.setdefault(phrase.lower(), number)
        if earlier != number:
            warnings.append(ImportProblem(number, f"{phrase!r} repeats line {earlier}"))
            continue
        discards.append(DiscardEntry(phrase, scope, f"{source}:{number}"))
    return ImportResult(discards=tuple(discards), warnings=tuple(warnings))


# -- agents -----------------------------------------------------------------------------------


def is_agent_dictionary(text: str) -> bool:
    """Agent dictionaries mark their codes with "~" ([~GOV], [IGO~])."""
    return re.search(r"\[~[A-Za-z]|[A-Za-z]~\]", text) is not None


def expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    """CATTLE!PERSON! -> CATTLEMAN, CATTLEMEN, ... (every combination)."""
    match = re.search(r"![A-Z]+!", name)
    if match is None:
        return [name]
    options = macros.get(match.group(0), [])
    head, tail = name[: match.start()], name[match.end() :]
    return [
        expanded for option in options for expanded in expand_macros(head + option + tail, macros)
    ]


def plural_phrase(phrase: str) -> str:
    """The regular plural of a phrase's last word ("dairy farmer" -> "dairy farmers")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "men")):  # a macro's forms include plurals: "congressmen" stays
        plural = last
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("ch", "sh", "x")):
        plural = last + "es"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return f"{head} {plural}".strip()


def agent_words(name: str, plurals: str | None, macros: dict[str, list[str]]) -> list[str]:
    """The words of one agent line, with regular plurals unless the line lists its own."""
    words = []
    for expanded in expand_macros(name.strip(), macros):
        word = " ".join(expanded.replace("_", " ").lower().split())
        if not word:
            continue
        words.append(word)
        if plurals is None:
            words.append(plural_phrase(word))
    for plural in (plurals or "").split(","):
        words.extend(agent_words(plural, "", macros) if plural.strip() else [])
    return words


@dataclass
class _AgentCode:
    """The words imported for one agent code, in one position (suffix or prefix)."""

    code: str
    prefix: bool
    line: int
    words: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.code}.prefix" if self.prefix else self.code


def read_agent_lines(text: str) -> tuple[dict[str, _AgentCode], list[_Named], list[ImportProblem]]:
    macros: dict[str, list[str]] = {}
    found: dict[str, _AgentCode] = {}
    owner: dict[str, str] = {}  # word -> the agent that first claimed it
    named: list[_Named] = []
    problems: list[ImportProblem] = []
    for number, line in strip_comments(text):
        definition = MACRO_DEFINITION.match(line.strip())
        if definition:
            macros[definition.group(1)] = [w.strip() for w in definition.group(2).split(",")]
            continue
        match = AGENT_LINE.match(line.strip())
        if match is None:
            problems.append(ImportProblem(number, f"unreadable agent line {line.strip()!r}"))
            continue
        marked = match["code"].strip()
        code = marked.replace("~", "").strip().upper()
        if not CAMEO_CODE.fullmatch(code):
            problems.append(ImportProblem(number, f"agent code [{match['code']}] left out"))
            continue
        agent = _AgentCode(code, marked.endswith("~"), number)
        agent = found.setdefault(agent.id, agent)
        words = agent_words(match["name"], match["plurals"], macros)
        named.extend(_Named(word, agent.code, number) for word in words[:1])
        agent.words.extend(w for w in words if owner.setdefault(w, agent.id) == agent.id)
    return found, named, problems


def import_agents(
    text: str,
    *,
    shipped: Sequence[AgentEntry] = (),
    source: str = "petrarch",
    keep_shipped_words: bool = True,
) -> ImportResult:
    """Agent words by sector code from a PETRARCH agent dictionary.

    A code kittiwake already has (`shipped`, e.g. GOV) keeps its id, name and priority and
    gets the imported words added to its own, so that loading the file extends the shipped
    agent instead of replacing it (user entries replace shipped ones with the same id). A
    shipped word that the file gives another code moves to that code, with a warning:
    the user's dictionary decides ("security force" MIL, not COP). `[NGO~]` agents are
    prefixes (their code goes before the actor's) and get ids like "NGO.prefix".
    Without `keep_shipped_words` the file's words replace the shipped ones (to code with
    PETRARCH's agents alone: "mayor" is no agent of PETRARCH's validation dictionary).
    """
    found, named, problems = read_agent_lines(text)
    imported = {word: agent.id for agent in found.values() for word in agent.words}
    by_id = {agent.id: agent for agent in shipped}
    agents = []
    for agent in found.values():
        known = by_id.get(agent.id)
        words = known.words if known and keep_shipped_words else ()
        kept = [w for w in words if imported.get(w, agent.id) == agent.id]
        agents.append(
            AgentEntry(
                agent.id,
                agent.code,
                known.name if known else f"{agent.code} (from PETRARCH)",
                tuple(dict.fromkeys([*kept, *agent.words])),
                known.priority if known else 0,
                f"{source}:{agent.line}",
                agent.prefix,
            )
        )
    warnings = clashes(named, shipped=Dictionaries((), tuple(shipped), (), ()))
    return ImportResult(agents=tuple(agents), problems=tuple(problems), warnings=tuple(warnings))
