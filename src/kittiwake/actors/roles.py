"""Which of a person's dated roles a mention means.

A person in the dictionaries holds a sequence of roles (Obama: senator, then president, then
former president). Three things in and around a mention choose among them, strongest first:

1. the title the text gives ("President Obama", "Senator Obama", "Secretary-General Annan"):
   the role whose own title shares the most words with it, the one held on the article date
   when several do (a title names an office even when the date is unknown or outside it);
2. the article date: the role held that day (`PersonEntry.role_on`);
3. with neither: the person's principal role, the government or IGO office held longest,
   rather than the latest one ("Kofi Annan" in an undated story is the Secretary-General).

A "former"/"ousted" modifier turns the chosen role's country into an elite (ELI) code. The
words of titles (courtesy titles, "former", offices) are language data, `titles.yaml`.
These are pure functions of dictionary entries, kept apart from the parse so they are cheap
to test.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kittiwake.actors.dictionaries import PersonEntry, RoleSpan
from kittiwake.lang import TitleWords, load_words

# Small words inside titles ("Secretary of State") that do not identify an office.
TITLE_STOPWORDS = frozenset({"of", "the", "for", "and", "de", "a", "an", "to", "on", "in"})
# Sectors of offices that lead a state or an international body: what an undated bare name
# most often refers to.
PRINCIPAL_SECTORS = frozenset({"GOV"})
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class RoleChoice:
    """The role a mention refers to, and why that one."""

    role: RoleSpan
    why: str


def words_of(text: str | None) -> frozenset[str]:
    """Lower-case content words of a title: "UN Secretary-General" -> {un, secretary, general}."""
    if not text:
        return frozenset()
    return frozenset(
        w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in TITLE_STOPWORDS
    )


def title_words(tokens: Iterable[str]) -> frozenset[str]:
    """The office words of the tokens before a name, courtesy titles and "former" left out."""
    found: set[str] = set()
    for token in tokens:
        found |= words_of(token.rstrip("."))
    words = load_words(TitleWords)
    return frozenset(found - words.honorifics - words.former_words)


def is_former_role(role: RoleSpan) -> bool:
    return (role.title or "").lower().startswith(("former", "ex-")) or role.code[3:6] == "ELI"


def title_score(role: RoleSpan, titles: frozenset[str]) -> int:
    """How many of the text's title words the role's own title shares."""
    return len(titles & words_of(role.title))


def contradicts(person: PersonEntry, titles: frozenset[str]) -> bool:
    """True when the text gives an office none of the person's roles ever held."""
    offices = titles & load_words(TitleWords).office_words
    if not offices or not any(r.title for r in person.roles):
        return False
    return not any(offices & words_of(r.title) for r in person.roles)


def held_days(role: RoleSpan, *, today: dt.date) -> int:
    """Days a role was held; an open start counts from its end, an open end runs to today."""
    end = role.end or max(today, role.start or today)
    start = role.start or end
    return (end - start).days


def principal_role(person: PersonEntry, *, today: dt.date | None = None) -> RoleSpan | None:
    """The role that best describes someone when nothing in the text or date chooses one:
    the longest-held government office, else the longest-held role that is not "former"."""
    today = today or dt.date.today()
    current = [r for r in person.roles if not is_former_role(r)] or list(person.roles)
    if not current:
        return None
    leading = [r for r in current if r.code[3:6] in PRINCIPAL_SECTORS or r.code[:3] == "IGO"]
    return longest_held(leading or current, today=today)


def longest_held(roles: list[RoleSpan], *, today: dt.date) -> RoleSpan:
    return max(roles, key=functools.partial(_tenure, today=today))


def _tenure(role: RoleSpan, *, today: dt.date) -> tuple[int, dt.date]:
    return (held_days(role, today=today), _start(role))


def nearest_role(roles: list[RoleSpan], day: dt.date) -> RoleSpan:
    """The role held on `day`, else the one that ended last before it, else the first after."""
    held = [r for r in roles if r.contains(day)]
    if held:
        return max(held, key=_start)
    ended = [r for r in roles if r.end is not None and r.end <= day]
    if ended:
        return max(ended, key=_end)
    return min(roles, key=_start)


def choose_role(
    person: PersonEntry,
    *,
    date: dt.date | None,
    titles: frozenset[str] = frozenset(),
    former: bool = False,
) -> RoleChoice | None:
    """The role a mention of `person` means (see the module documentation)."""
    if not person.roles:
        return None
    pool = list(person.roles) if former else [r for r in person.roles if not is_former_role(r)]
    scored = [(title_score(r, titles), r) for r in pool]
    best = max((s for s, _ in scored), default=0)
    if best > 0:
        matching = [r for s, r in scored if s == best]
        if date is not None:
            role = nearest_role(matching, date)
        else:
            role = longest_held(matching, today=dt.date.today())
        return RoleChoice(role, f"titled {' '.join(sorted(titles))!r}")
    if date is not None:
        held = person.role_on(date)
        if held is not None:
            return RoleChoice(held, f"on {date.isoformat()}")
        first = min(person.roles, key=_start)
        return RoleChoice(first, f"first role {first.start}; none on {date}")
    principal = principal_role(person)
    return RoleChoice(principal, "principal role, no date") if principal else None


def _start(role: RoleSpan) -> dt.date:
    return role.start or dt.date.min


def _end(role: RoleSpan) -> dt.date:
    return role.end or dt.date.max
