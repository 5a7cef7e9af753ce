"""Imported entries as a kittiwake dictionary file (YAML with top-level sections)."""

from __future__ import annotations

from typing import Any

import yaml

from kittiwake.actors.dictionaries import (
    NO_CODE,
    NO_CODE_MARK,
    AgentEntry,
    CountryEntry,
    OrganisationEntry,
    PersonEntry,
    RoleSpan,
)
from kittiwake.importers.petrarch import ImportResult
from kittiwake.importers.petrarch_verbs import VerbImport, VerbPattern

PATTERN_LISTS = (
    "verbs", "object", "prep", "complement", "subject", "target_preps", "source_preps",
    "modality",
)  # fmt: skip


def role_json(role: RoleSpan) -> dict[str, Any]:
    code = NO_CODE_MARK if role.code == NO_CODE else role.code
    found: dict[str, Any] = {"code": code, "start": role.start, "end": role.end}
    if role.title:
        found["title"] = role.title
    return found


def person_json(person: PersonEntry) -> dict[str, Any]:
    found: dict[str, Any] = {"id": person.id, "name": person.name}
    if person.aliases:
        found["aliases"] = list(person.aliases)
    if person.surname:
        found["surname"] = person.surname
    found["roles"] = [role_json(role) for role in person.roles]
    return found


COUNTRY_LISTS = ("adjectives", "demonyms", "government", "military", "legislature")


def country_json(country: CountryEntry) -> dict[str, Any]:
    found: dict[str, Any] = {"id": country.id, "name": country.name, "names": list(country.names)}
    if country.code != country.id:
        found["code"] = country.code
    found.update(
        {key: list(getattr(country, key)) for key in COUNTRY_LISTS if getattr(country, key)}
    )
    if country.capital:
        found["capital"] = country.capital
    if country.region:
        found["region"] = country.region
    return found


def organisation_json(organisation: OrganisationEntry) -> dict[str, Any]:
    return {
        "id": organisation.id,
        "code": organisation.code,
        "name": organisation.name,
        "names": list(organisation.names),
        "country": organisation.country,
        "sector": organisation.sector,
        **({"also": list(organisation.also)} if organisation.also else {}),
    }


def agent_json(agent: AgentEntry) -> dict[str, Any]:
    found: dict[str, Any] = {"id": agent.id, "name": agent.name, "priority": agent.priority}
    if agent.code != agent.id:
        found["code"] = agent.code
    if agent.prefix:
        found["prefix"] = True
    found["words"] = list(agent.words)
    return found


def to_yaml(result: ImportResult, *, header: str) -> str:
    """A dictionary file kittiwake loads (`--dictionary FILE`), with `header` as a comment."""
    sections: dict[str, list[dict[str, Any]]] = {}
    if result.countries:
        sections["countries"] = [country_json(c) for c in result.countries]
    if result.people:
        sections["people"] = [person_json(p) for p in result.people]
    if result.organisations:
        sections["organisations"] = [organisation_json(o) for o in result.organisations]
    if result.agents:
        sections["agents"] = [agent_json(a) for a in result.agents]
    if result.discards:
        sections["discards"] = [{"phrase": d.phrase, "scope": d.scope} for d in result.discards]
    body = yaml.safe_dump(sections, sort_keys=False, allow_unicode=True, width=100)
    return comment(header) + body


def pattern_json(pattern: VerbPattern) -> dict[str, Any]:
    found: dict[str, Any] = {"id": pattern.id, "cameo": pattern.cameo}
    found.update(
        {key: list(getattr(pattern, key)) for key in PATTERN_LISTS if getattr(pattern, key)}
    )
    if pattern.symmetric:
        found["symmetric"] = True
    if pattern.reverse:
        found["reverse"] = pattern.reverse
    found["literal"] = True  # read as PETRARCH reads it: forms as listed, modals as stated
    found["note"] = pattern.source
    return found


def comment(text: str) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in text.splitlines())


def patterns_yaml(result: VerbImport, *, header: str) -> str:
    """A pattern file kittiwake loads (`--patterns FILE`): the header, then the source
    dictionary's own notice (its authors and licence travel with what is made from it)."""
    notice = comment(header) + (comment("\n" + result.licence) if result.licence else "")
    items = [pattern_json(p) for p in result.patterns]
    return notice + yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=100)
