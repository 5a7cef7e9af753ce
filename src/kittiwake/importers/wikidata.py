"""Dated person entries from Wikidata: a SPARQL result file or a JSON entity dump.

SPARQL results (the JSON that query.wikidata.org returns), one row per person and position
held, with these variables (names as in the usual `?xLabel` style):

- `person` (the item URI) and `personLabel`; optional `personAltLabel` (comma-separated aliases);
- `positionLabel` (the title, e.g. "United States Secretary of State");
- optional `start`, `end` (the P580/P582 qualifiers of the P39 statement);
- the code: `code` (a CAMEO code such as USAGOV), or `countryCode` (ISO 3166 alpha-3, the
  P298 of the position's country), in which case the sector comes from the title.

Entity dumps (`latest-all.json` style: a JSON array, one entity per line, or JSON Lines):
people are the items with "position held" (P39) statements; a position's title and country
come from its own entity in the same file (label; P17 or P1001 country, whose P298 is the
ISO code); `positions` maps position ids to codes for the ones the file does not describe.

Sectors from titles: ministers, presidents, heads of government, governors, ambassadors ->
GOV; members of parliament, senators, representatives -> LEG; generals, admirals, chiefs of
staff -> MIL; judges -> JUD. A position whose sector cannot be told is left out and reported.
After a person's last role ends they are ELI (a former official), as in kittiwake's own
people files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from kittiwake.actors.dictionaries import PersonEntry, RoleSpan
from kittiwake.importers.petrarch import CAMEO_CODE, ImportProblem, ImportResult, entry_id

# Title words -> sector, most specific first (a "Minister of Defence" is GOV, not MIL).
TITLE_SECTORS: tuple[tuple[str, str], ...] = (
    (r"\bjudge|\bjustice of|\bsupreme court|\bchief justice", "JUD"),
    (
        r"\bminister|\bpresident|\bprime\b|\bchancellor|\bsecretary\b|\bpremier|\bgovernor"
        r"|\bmayor|\bking\b|\bqueen\b|\bemir\b|\bsultan|\bmonarch|\bhead of (state|government)"
        r"|\bambassador|\bpermanent representative|\bcommissioner|\bdirector",
        "GOV",
    ),
    (
        r"\bmember of|\bsenator|\brepresentative|\bspeaker of|\bdeputy\b|\bparliament"
        r"|\blegislat|\bcongress",
        "LEG",
    ),
    (
        r"\bgeneral\b|\badmiral|\bchief of (the )?(general |defen[cs]e )?staff|\bcommander"
        r"|\bmarshal",
        "MIL",
    ),
)
WIKIDATA_TIME = re.compile(r"^[+]?(\d{4,})-(\d{2})-(\d{2})")


@dataclass
class _Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)


def sector_of(title: str) -> str | None:
    lowered = title.lower()
    for pattern, sector in TITLE_SECTORS:
        if re.search(pattern, lowered):
            return sector
    return None


def parse_time(value: str | None) -> dt.date | None:
    """A Wikidata/xsd time ("+2013-02-01T00:00:00Z"); month or day 00 count as 01."""
    if not value:
        return None
    match = WIKIDATA_TIME.match(value.strip())
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, max(month, 1), max(day, 1))
    except ValueError:
        return None


def with_former_role(roles: list[RoleSpan]) -> tuple[RoleSpan, ...]:
    """Roles by start date, then ELI from the end of the last one (if it ended)."""
    ordered = sorted(roles, key=role_start)
    if not ordered:
        return ()
    last_end = max((r.end for r in ordered if r.end is not None), default=None)
    if last_end is not None and all(r.end is not None for r in ordered):
        country = ordered[-1].code[:3]
        ordered.append(RoleSpan(f"{country}ELI", last_end, None, "former official"))
    return tuple(ordered)


def role_start(role: RoleSpan) -> dt.date:
    return role.start or dt.date.min


def people_result(people: Mapping[str, _Person], problems: list[ImportProblem]) -> ImportResult:
    taken: set[str] = set()
    entries = []
    for qid, person in people.items():
        if not person.roles:
            continue
        aliases = tuple(a for a in dict.fromkeys(person.aliases) if a != person.name)
        person_id = entry_id(f"{person.name} {qid}", taken=taken)
        roles = with_former_role(person.roles)
        entries.append(PersonEntry(person_id, person.name, aliases, roles, f"wikidata:{qid}"))
    return ImportResult(people=tuple(entries), problems=tuple(problems))


# -- SPARQL results ---------------------------------------------------------------------------


def binding(row: Mapping[str, Any], name: str) -> str | None:
    value = row.get(name)
    return str(value["value"]).strip() if isinstance(value, dict) and "value" in value else None


def role_from_row(row: Mapping[str, Any]) -> tuple[RoleSpan | None, str | None]:
    """(role, problem) from one SPARQL result row."""
    title = binding(row, "positionLabel") or ""
    code = (binding(row, "code") or "").upper()
    if not code:
        country = (binding(row, "countryCode") or "").upper()
        sector = sector_of(title)
        if not re.fullmatch(r"[A-Z]{3}", country) or sector is None:
            return (
                None,
                f"no code for position {title!r} (give `code`, or `countryCode` and a title)",
            )
        code = country + sector
    if not CAMEO_CODE.fullmatch(code):
        return None, f"code {code!r} is not made of three-letter groups"
    start, end = parse_time(binding(row, "start")), parse_time(binding(row, "end"))
    if start and end and end <= start:
        return None, f"position {title!r} ends before it starts"
    return RoleSpan(code, start, end, title or None), None


def import_sparql(results: Mapping[str, Any]) -> ImportResult:
    people: dict[str, _Person] = {}
    problems: list[ImportProblem] = []
    rows = results.get("results", {}).get("bindings", [])
    for number, row in enumerate(rows, start=1):
        uri, name = binding(row, "person"), binding(row, "personLabel")
        if not uri or not name:
            problems.append(ImportProblem(number, "row without person and personLabel"))
            continue
        qid = uri.rstrip("/").rsplit("/", 1)[-1]
        person = people.setdefault(qid, _Person(name))
        person.aliases.extend(
            a.strip() for a in (binding(row, "personAltLabel") or "").split(",") if a.strip()
        )
        role, problem = role_from_row(row)
        if role is None:
            problems.append(ImportProblem(number, f"{name}: {problem}"))
        elif role not in person.roles:
            person.roles.append(role)
    return people_result(people, problems)


# -- entity dumps -----------------------------------------------------------------------------


def entity_lines(text: str) -> Iterator[dict[str, Any]]:
    """Entities of a dump written one per line (`[`, `{...},` lines, `]`) or as JSON Lines."""
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip().rstrip(",")
        if line in ("[", "]", ""):
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number}: not a JSON entity: {error.msg}") from error


def label(entity: Mapping[str, Any]) -> str | None:
    value = entity.get("labels", {}).get("en", {}).get("value")
    return str(value) if value else None


def claim_values(entity: Mapping[str, Any], prop: str) -> Iterator[dict[str, Any]]:
    for statement in entity.get("claims", {}).get(prop, []):
        if statement.get("rank") == "deprecated":
            continue
        yield statement


def snak_value(snak: Mapping[str, Any]) -> Any:
    return snak.get("datavalue", {}).get("value")


def qualifier_time(statement: Mapping[str, Any], prop: str) -> dt.date | None:
    for snak in statement.get("qualifiers", {}).get(prop, []):
        value = snak_value(snak)
        if isinstance(value, dict):
            return parse_time(value.get("time"))
    return None


def item_id(statement: Mapping[str, Any]) -> str | None:
    value = snak_value(statement.get("mainsnak", {}))
    return str(value["id"]) if isinstance(value, dict) and "id" in value else None


def position_code(
    qid: str, *, entities: Mapping[str, Mapping[str, Any]], positions: Mapping[str, str]
) -> tuple[str | None, str]:
    """(code, title) of a position, from `positions` or from its entity and its country's."""
    entity = entities.get(qid, {})
    title = label(entity) or qid
    if qid in positions:
        return positions[qid], title
    sector = sector_of(title)
    for prop in ("P17", "P1001"):
        for statement in claim_values(entity, prop):
            country = entities.get(item_id(statement) or "", {})
            for iso in claim_values(country, "P298"):
                code = snak_value(iso.get("mainsnak", {}))
                if isinstance(code, str) and sector is not None:
                    return code.upper() + sector, title
    return None, title


def import_dump(
    entities: Iterable[Mapping[str, Any]], *, positions: Mapping[str, str] | None = None
) -> ImportResult:
    by_id: dict[str, Mapping[str, Any]] = {str(e.get("id")): e for e in entities}
    people: dict[str, _Person] = {}
    problems: list[ImportProblem] = []
    for number, (qid, entity) in enumerate(by_id.items(), start=1):
        held = list(claim_values(entity, "P39"))
        name = label(entity)
        if not held or not name:
            continue
        aliases = [str(a["value"]) for a in entity.get("aliases", {}).get("en", []) if "value" in a]
        person = people.setdefault(qid, _Person(name, aliases))
        for statement in held:
            position = item_id(statement)
            code, title = position_code(position or "", entities=by_id, positions=positions or {})
            if code is None:
                problems.append(ImportProblem(number, f"{name}: no code for position {title!r}"))
                continue
            start, end = qualifier_time(statement, "P580"), qualifier_time(statement, "P582")
            if start and end and end <= start:
                problems.append(ImportProblem(number, f"{name}: {title!r} ends before it starts"))
                continue
            person.roles.append(RoleSpan(code, start, end, title))
    return people_result(people, problems)


def import_wikidata(text: str, *, positions: Mapping[str, str] | None = None) -> ImportResult:
    """People with dated roles from a SPARQL result file or an entity dump (told apart by shape).

    Raises ValueError for text that is neither.
    """
    if text.lstrip().startswith("[\n") or not text.lstrip().startswith(("[", "{")):
        return import_dump(entity_lines(text), positions=positions)  # one entity per line
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return import_dump(entity_lines(text), positions=positions)  # JSON Lines
    if isinstance(whole, dict) and "results" in whole:
        return import_sparql(whole)
    return import_dump(whole if isinstance(whole, list) else [whole], positions=positions)


def parse_positions(pairs: Iterable[str]) -> dict[str, str]:
    """`Q11696=USAGOV` options -> {"Q11696": "USAGOV"}."""
    found = {}
    for pair in pairs:
        qid, _, code = pair.partition("=")
        if not qid.strip() or not CAMEO_CODE.fullmatch(code.strip().upper()):
            raise ValueError(f"--position {pair!r}: use QID=CODE, e.g. Q11696=USAGOV")
        found[qid.strip()] = code.strip().upper()
    return found
