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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from kittiwake.actors.dictionaries import AgentEntry, OrganisationEntry, PersonEntry, RoleSpan

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATED_CODE = re.compile(
    r"^(?P<code>[A-Za-z]{3,})\s*(?:(?P<op>[<>])\s*(?P<date>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?$"
)
CAMEO_CODE = re.compile(r"(?:[A-Z]{3})+")
MACRO_DEFINITION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
AGENT_LINE = re.compile(r"^(?P<name>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
YEAR_PIVOT = 30
# Sector codes that, standing alone after dated roles, mean "the same country, this sector".
BARE_SECTORS = frozenset(
    {"ELI", "GOV", "MIL", "OPP", "REB", "LEG", "JUD", "COP", "PTY", "BUS", "MED", "CVL", "SPY"}
)
# Code prefixes that are not countries: such organisations get country null and the prefix as
# their sector, as in kittiwake's own organisations file.
TRANSNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS"})
NAME_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "la", "le", "bin"})
ACRONYM_LETTERS = 3  # one-word names this short stay in capitals ("UN", "FIS", "PKK")


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """Something in the input that was left out, with the line it is on."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an importer made of one file: entries for a kittiwake YAML file, and problems."""

    people: tuple[PersonEntry, ...] = ()
    organisations: tuple[OrganisationEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    problems: tuple[ImportProblem, ...] = ()


@dataclass
class _Block:
    """One actor: its names and its codes, as read so far."""

    line: int
    names: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    coded: bool = False  # a code was read, "[---]" (no code) included: later names start anew


def strip_comments(text: str) -> Iterator[tuple[int, str]]:
    """(line number, text) with `#` comments and `<!-- -->` blocks removed."""
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_block:
            if "-->" not in line:
                continue
            line, in_block = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, after = line.split("<!--", 1)
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line, in_block = before, True
        line = line.split("#", 1)[0]
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
    """Add one bracketed code to `block`; a problem when it cannot be read."""
    content = " ".join(content.split())
    if content in ("---", ""):
        return None
    match = DATED_CODE.match(content)
    if match is None:
        return ImportProblem(line, f"unreadable code [{content}]")
    code = match["code"].upper()
    if not CAMEO_CODE.fullmatch(code):
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
    return None


def read_actor_blocks(text: str) -> tuple[list[_Block], list[ImportProblem]]:
    blocks: list[_Block] = []
    problems: list[ImportProblem] = []
    current: _Block | None = None
    for number, line in strip_comments(text):
        stripped = line.strip()
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
    return role.start or role.end or dt.date.min


def roles_of(block: _Block) -> list[RoleSpan]:
    """Dated roles in order, then the undated code as the role at every other time."""
    roles = sorted(block.roles, key=role_order)
    for code in block.undated:
        if code in BARE_SECTORS and roles:
            code = roles[-1].code[:3] + code  # "[ELI]" after "[IGOUNO ...]": IGOELI
        roles.append(RoleSpan(code, None, None, None))
    return roles


def to_entries(blocks: Sequence[_Block], *, source: str) -> ImportResult:
    people: list[PersonEntry] = []
    organisations: list[OrganisationEntry] = []
    problems: list[ImportProblem] = []
    taken: set[str] = set()
    for block in blocks:
        names = list(dict.fromkeys(display_name(name) for name in block.names if name.strip()))
        if not names or not (block.roles or block.undated):
            if names:
                problems.append(ImportProblem(block.line, f"{names[0]!r} has no code"))
            continue
        where = f"{source}:{block.line}"
        if block.roles:
            roles = tuple(roles_of(block))
            people.append(
                PersonEntry(
                    entry_id(names[0], taken=taken), names[0], tuple(names[1:]), roles, where
                )
            )
            continue
        code = block.undated[0]
        if len(block.undated) > 1:
            problems.append(
                ImportProblem(
                    block.line, f"{names[0]!r}: kept {code}, left out {block.undated[1:]}"
                )
            )
        country: str | None = code[:3]
        sector: str | None = code[3:6] or None
        if code[:3] in TRANSNATIONAL:
            country, sector = None, code[:3]
        organisations.append(
            OrganisationEntry(
                entry_id(names[0], taken=taken),
                code,
                names[0],
                tuple(names),
                country,
                sector,
                where,
            )
        )
    return ImportResult(
        people=tuple(people), organisations=tuple(organisations), problems=tuple(problems)
    )


def import_actors(text: str, *, source: str = "petrarch") -> ImportResult:
    """People and organisations from a PETRARCH/TABARI actor dictionary."""
    blocks, problems = read_actor_blocks(text)
    result = to_entries(blocks, source=source)
    return ImportResult(
        people=result.people,
        organisations=result.organisations,
        problems=tuple(sorted((*problems, *result.problems), key=problem_line)),
    )


def problem_line(problem: ImportProblem) -> int:
    return problem.line


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
    if last.endswith("s"):
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


def import_agents(
    text: str, *, shipped: Sequence[AgentEntry] = (), source: str = "petrarch"
) -> ImportResult:
    """Agent words by sector code from a PETRARCH agent dictionary.

    A code kittiwake already has (`shipped`, e.g. GOV) keeps its id, name and priority and
    gets the imported words added to its own, so that loading the file extends the shipped
    agent instead of replacing it (user entries replace shipped ones with the same id).
    """
    macros: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
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
        code = match["code"].replace("~", "").strip().upper()
        if not CAMEO_CODE.fullmatch(code):
            problems.append(ImportProblem(number, f"agent code [{match['code']}] left out"))
            continue
        first_line.setdefault(code, number)
        words.setdefault(code, []).extend(agent_words(match["name"], match["plurals"], macros))
    by_id = {agent.id: agent for agent in shipped}
    agents = []
    for code, found in words.items():
        known = by_id.get(code)
        merged = tuple(dict.fromkeys([*(known.words if known else ()), *found]))
        name = known.name if known else f"{code} (from PETRARCH)"
        priority = known.priority if known else 0
        agents.append(
            AgentEntry(code, code, name, merged, priority, f"{source}:{first_line[code]}")
        )
    return ImportResult(agents=tuple(agents), problems=tuple(problems))
