"""Wording that says which country's press a story comes from.

Local news names its town without its state or country ("Athens City Council", "Dublin
police"): the only evidence against the famous namesake is how the story is written. A
sheriff, a township, "Sen." before a name, a seven-digit phone number or "7 p.m." are
American (or North American) usage; "£", a councillor or a Crown
Court British. (A state abbreviation after a town, "Newark, N.J.", is not one: a story
that qualifies its towns so is as likely to mean the famous one when it does not.) Each kind of cue found counts once for the countries it points to, so that
a story repeating one word is no stronger evidence than a story using it once; the
resolver favours namesake towns in those countries (see `kittiwake.geo.toponyms`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

US = frozenset({"USA"})
NORTH_AMERICA = frozenset({"USA", "CAN"})
BRITISH_ISLES = frozenset({"GBR", "IRL"})


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    countries: frozenset[str]
    # every match contains one of these: a story without any is not searched (a plain
    # substring test is far faster than the pattern, whose leading \b or look-behind is tried
    # at every character)
    literals: tuple[str, ...]


CUES = (
    # offices and institutions of American local government
    Cue("sheriff", re.compile(r"\b[Ss]heriff"), US, ("heriff",)),
    Cue("township", re.compile(r"\b[Tt]ownships?\b"), US, ("ownship",)),
    Cue("school district", re.compile(r"\b[Ss]chool [Dd]istricts?\b"), US, ("istrict",)),
    Cue("police department", re.compile(r"\b[Pp]olice [Dd]epartment\b"), US, ("epartment",)),
    Cue(
        "school",
        re.compile(r"\b(?:[Hh]igh|[Mm]iddle|[Ee]lementary|[Jj]unior [Hh]igh) [Ss]chool"),
        US,
        ("chool",),
    ),
    # "Sen. Smith", "Rep. Jones", "Gov. Brown": AP style for American office holders
    Cue(
        "title",
        re.compile(r"\b(?:Sen|Rep|Gov|Del|Assemblyman)\. [A-Z]"),
        US,
        ("Sen.", "Rep.", "Gov.", "Del.", "Assemblyman."),
    ),
    # "Route 31", "Interstate 70", "I-95"
    Cue(
        "route", re.compile(r"\b(?:Route|Interstate|I-) ?\d+\b"), US, ("Route", "Interstate", "I-")
    ),
    # "2517 Memphis St.", "400 S. Locust St.": a numbered street address, abbreviated
    Cue(
        "street address",
        re.compile(r"\b\d{2,5} (?:[NSEW]\. )?[A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr|Ln|Pkwy)\.(?!\w)"),
        NORTH_AMERICA,
        (" St.", " Ave.", " Blvd.", " Rd.", " Dr.", " Ln.", " Pkwy."),
    ),
    # a North American phone number: "986-8456", "952-873-6325", "(859) 986-8456"
    Cue(
        "phone",
        re.compile(r"(?<![\d-])(?:\(\d{3}\) ?|\d{3}-)?\d{3}-\d{4}(?![\d-])"),
        NORTH_AMERICA,
        ("-",),
    ),
    # "7 p.m.", "10:30 a.m." (not "12.45 a.m.", British usage)
    Cue(
        "clock",
        re.compile(r"(?<![\d.:])\d{1,2}(?::\d\d)? ?[ap]\.m\.(?!\w)"),
        NORTH_AMERICA,
        (".m.",),
    ),
    Cue("downtown", re.compile(r"\bdowntown\b"), NORTH_AMERICA, ("downtown",)),
    Cue("pound", re.compile(r"£ ?\d"), frozenset({"GBR"}), ("£",)),
    Cue("councillor", re.compile(r"\b[Cc]ouncillors?\b"), BRITISH_ISLES, ("ouncillor",)),
    Cue("court", re.compile(r"\b(?:Crown|Magistrates'?) Court\b"), frozenset({"GBR"}), (" Court",)),
)


def wording_countries(text: str) -> Counter[str]:
    """For each country, how many kinds of cue in `text` point to its press."""
    found: Counter[str] = Counter()
    for cue in CUES:
        if any(word in text for word in cue.literals) and cue.pattern.search(text):
            found.update(cue.countries)
    return found
