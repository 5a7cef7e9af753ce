"""Read a PETRARCH/TABARI verb dictionary (CAMEO.2.0.txt) into kittiwake event patterns.

The dictionary's parts and what they become:

    &CURRENCY                      # a synset: "+" lines below it; "&CURRENCY" in a pattern
    +DOLLAR                        #   stands for any of them (synsets may nest)
    ---  ASK   [020]  ---          # a verb block and its default code ([---]: none)
    ASK                            # verbs of the block, one a line; {ASKS ASKED} irregular
    +ASK_FOR {+ASKED_FOR} [020]    #   forms; "+" marks a multi-word verb; [code]: the verb's
                                   #   own default
    - * FOR &ECONSANCT  [172]      # a pattern: "*" the verb, words after it its object,
    - * (TO +)  [042:043]          #   (PREP ...) a prepositional phrase, "+" the target,
    - $ * (WITH %)  [031]          #   "$" the source, "%" a compound (each acts on the other),
                                   #   [A:B] an event and its reverse
    ~ a (a b ATTACK) SAY = a b 015 # a transformation of nested events

Each verb block gives a pattern with its verbs and default code (one per distinct own code),
and one pattern per pattern line with the block's verbs and the line's constraints: the
object phrase (`object:`, the last two words, as kittiwake matches a head and its modifier),
`TO VERB` (`complement:`), a particle after the verb ("* DOWN": the verb "back down"), a
prepositional phrase (`prep:`, its noun in `object:` where kittiwake looks for objects after
that preposition), `+`/`$` in a phrase (`target_preps:`/`source_preps:`), `%` (`symmetric:`),
one non-actor word before the verb (`subject:`), a modal before it ("WILL *": `modality:`)
and a paired code [A:B] (`reverse:`). Auxiliaries before the verb ("% HAVE *") are dropped
with a warning. A pattern without a `+` slot takes its target after any preposition but
"by", as PETRARCH takes the first actor after the verb ("arrived in Gondor").

What kittiwake's patterns cannot say is left out and reported with its line: a no-event
pattern ([---]), a code outside kittiwake's CAMEO codebook, the source as the object,
words before the verb other than a subject, a modal or auxiliaries, a pattern that only an
auxiliary or a slot tells from the verb's default, two prepositional phrases that must both be
there, a noun after a preposition kittiwake does not look into, transformations. A reverse
code outside the codebook and the skip marker `^` are dropped with a report while the rest of
the line is kept.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field

from kittiwake.events.patterns import DEFAULT_TARGET_PREPS
from kittiwake.importers.petrarch import ImportProblem, strip_comments

BLOCK_HEADER = re.compile(r"^---\s+(?P<name>.+?)\s*\[(?P<code>[^\]]*)\]\s*---\s*$")
# "--  DELAY   [120]---  ---": a header with its dashes misplaced, still a new block
LOOSE_HEADER = re.compile(r"^--+\s+(?P<name>[^\[\]]+?)\s*\[(?P<code>[^\]]*)\][-\s]*$")
CODE_AT_END = re.compile(r"\[(?P<code>[^\]]*)\]\s*$")
PATTERN_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
VERB_LINE = re.compile(
    r"^(?P<verb>[^{\[]+?)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?$"
)
NO_EVENT = "---"
SLOTS = frozenset({"$", "+", "%", "^"})
# Prepositions whose noun kittiwake's coder reads as an object of the verb (`objects_of`).
OBJECT_PREPS = frozenset({"on", "for", "against", "to", "with", "under"})
PREPOSITIONS = frozenset(
    {"to", "for", "with", "on", "against", "in", "into", "from", "at", "by", "of", "over",
     "under", "as", "toward", "towards", "about", "after", "through", "between", "among",
     "near", "onto", "upon", "within", "without", "across", "behind", "beyond", "despite"}
)  # fmt: skip
# PETRARCH takes as target the first actor after the verb, in whatever phrase: "arrived in
# Gondor", "cordoned off the roads leading into Mordor". A pattern without a `+` slot looks
# after every preposition but "by" (a passive's doer, the source), kittiwake's own first.
PETRARCH_TARGET_PREPS = (
    *DEFAULT_TARGET_PREPS,
    *sorted(PREPOSITIONS - {"by", *DEFAULT_TARGET_PREPS}),
    "off",
)
PARTICLES = frozenset({"down", "up", "off", "out", "back", "away", "aside", "forward", "apart"})
# Determiners say nothing about the object's head: "* THEIR ^ ABOUT +" has no object word.
ARTICLES = frozenset(
    {"the", "a", "an", "their", "its", "his", "her", "our", "my", "your", "this", "that",
     "these", "those", "some", "any", "all"}
)  # fmt: skip
FUNCTION_WORDS = frozenset(
    {"not", "neither", "nor", "never", "also", "now", "then", "will", "would", "should", "could",
     "can", "may", "might", "must", "shall", "to", "has", "have", "had", "was", "were", "is",
     "are", "be", "been", "did", "does", "do", "said", "says", "so", "just", "still", "even",
     "no"}
)  # fmt: skip
# Before the verb, PETRARCH's auxiliaries only fix the tense ("% HAVE *"): dropped, with a
# warning. A modal is what kittiwake calls the act's modality ("WILL *" is a future act).
AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "did", "does", "do"}
)  # fmt: skip
MODALS = {
    "will": "future", "would": "future", "shall": "obligation", "should": "obligation",
    "must": "obligation", "may": "hypothetical", "might": "hypothetical",
    "could": "hypothetical", "can": "hypothetical",
}  # fmt: skip
MAX_SYNSET_DEPTH = 5


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """One kittiwake pattern made from a verb block or one of its pattern lines."""

    id: str
    cameo: str
    verbs: tuple[str, ...]
    source: str  # file:line it came from
    object: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = ()
    source_preps: tuple[str, ...] = ()
    symmetric: bool = False
    modality: tuple[str, ...] = ()  # "WILL *": only an act with that modality
    reverse: str | None = None  # [A:B]: the code of the event seen from the target


@dataclass(frozen=True, slots=True)
class VerbImport:
    """Patterns, what was left out (`problems`) and what was kept with a loss (`warnings`)."""

    patterns: tuple[VerbPattern, ...]
    problems: tuple[ImportProblem, ...]
    warnings: tuple[ImportProblem, ...]
    licence: str  # the dictionary's own leading comment (authors, licence), for the output


@dataclass
class _Block:
    name: str
    code: str
    line: int
    verbs: dict[str, str] = field(default_factory=dict)  # verb -> its default code
    patterns: list[tuple[int, str]] = field(default_factory=list)  # (line, text)


class Unexpressible(ValueError):
    """A pattern line, or part of one, that kittiwake's pattern format cannot say."""


def is_verb_dictionary(text: str) -> bool:
    """Verb dictionaries are made of `--- VERB [code] ---` blocks."""
    return any(BLOCK_HEADER.match(line.strip()) for line in text.splitlines())


def leading_comment(text: str) -> str:
    """The `#` lines a dictionary starts with: its authors and licence, kept with the output."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines)


def words_of(raw: str) -> str:
    """ASK_FOR -> "ask for"; "+" (the verb marker) and trailing "_" (a word end) dropped."""
    return " ".join(raw.replace("_", " ").replace("+", " ").lower().split())


# -- reading the file --------------------------------------------------------------------


def read_verb_file(
    text: str,
) -> tuple[dict[str, list[str]], list[_Block], list[ImportProblem]]:
    """Synsets (name -> raw members), verb blocks and the lines that fit neither."""
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    problems: list[ImportProblem] = []
    current_synset: list[str] | None = None
    for number, line in strip_comments(text):
        stripped = line.strip()
        header = BLOCK_HEADER.match(stripped) or LOOSE_HEADER.match(stripped)
        if header:
            blocks.append(_Block(words_of(header["name"]), header["code"].strip(), number))
            current_synset = None
        elif stripped.startswith("&"):
            current_synset = synsets.setdefault(synset_key(stripped), [])
        elif stripped.startswith("~"):
            problems.append(ImportProblem(number, "transformations (~) are not expressible"))
        elif stripped.startswith("+") and current_synset is not None:
            current_synset.append(stripped[1:].strip())
        elif stripped.startswith("-") and blocks:
            blocks[-1].patterns.append((number, stripped[1:].strip()))
        elif blocks:
            current_synset = None
            problem = read_verb_line(stripped, line=number, block=blocks[-1])
            if problem is not None:
                problems.append(problem)
        else:
            problems.append(ImportProblem(number, f"outside any verb block: {stripped!r}"))
    return synsets, blocks, problems


def synset_key(raw: str) -> str:
    return raw.strip().lstrip("&").rstrip("_").upper()


def read_verb_line(text: str, *, line: int, block: _Block) -> ImportProblem | None:
    match = VERB_LINE.match(text.split(";", 1)[0].strip())  # ";" starts a TABARI comment
    if match is None:
        return ImportProblem(line, f"unreadable verb line {text!r}")
    raw = match["verb"].strip()
    if "+" in raw.lstrip("+"):
        return ImportProblem(line, f"{raw}: words before the verb of a multi-word verb")
    code = (match["code"] or block.code).strip()
    for form in [raw, *(match["forms"] or "").split()]:
        if words_of(form):
            block.verbs.setdefault(words_of(form), code)
    return None


# -- patterns ----------------------------------------------------------------------------


@dataclass
class _Draft:
    """Constraints gathered from one pattern line."""

    verbs: list[str]
    object: list[str] = field(default_factory=list)
    prep: list[str] = field(default_factory=list)
    complement: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    target_preps: list[str] = field(default_factory=list)
    source_preps: list[str] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)
    symmetric: bool = False
    losses: list[str] = field(default_factory=list)
    slot_preps: list[str] = field(default_factory=list)  # phrases holding only a slot


def tokens_of(text: str) -> list[str | list[str]]:
    """Pattern text -> tokens; a parenthesised phrase is one nested list, `{A B}` one word."""
    found: list[str | list[str]] = []
    group: list[str] | None = None
    phrase: list[str] | None = None
    for token in PATTERN_TOKEN.findall(text.replace("_", " ")):
        if token == "{":
            phrase = []
        elif token == "}":
            word = " ".join(phrase or [])
            (group if group is not None else found).append(word)
            phrase = None
        elif phrase is not None:
            phrase.append(token)
        elif token == "(":
            group = []
        elif token == ")":
            found.append(group or [])
            group = None
        else:
            (group if group is not None else found).append(token)
    return found


def expand(word: str, synsets: dict[str, list[str]], *, depth: int = 0) -> list[str]:
    """A word, or the members of the synset it names (nested synsets expanded); a `{...}`
    phrase ("&MILITARY AID") gives every combination of its words."""
    if " " in word.strip():
        options = [expand(part, synsets, depth=depth) for part in word.split()]
        return [" ".join(c) for c in itertools.product(*options)]
    if not word.startswith("&"):
        return [words_of(word)] if words_of(word) else []
    key = synset_key(word)
    if key not in synsets or depth > MAX_SYNSET_DEPTH:
        raise Unexpressible(f"unknown synset {word}")
    return [found for member in synsets[key] for found in expand(member, synsets, depth=depth + 1)]


def phrases(words: Sequence[str], synsets: dict[str, list[str]]) -> list[str]:
    """Every phrase a run of pattern words stands for, cut to its last two words (a head
    and its modifier, what kittiwake's object match looks at), articles dropped."""
    options = [expand(w, synsets) for w in words if w.lower() not in ARTICLES]
    if not options:
        return []
    found = []
    for combination in itertools.product(*options):
        tail = " ".join(combination).split()[-2:]
        found.append(" ".join(tail))
    return list(dict.fromkeys(found))


def plain_run(tokens: Sequence[str | list[str]], start: int) -> list[str]:
    """The words from `start` up to the next phrase, slot or preposition."""
    run = []
    for token in tokens[start:]:
        if isinstance(token, list) or token in SLOTS or token.lower() in PREPOSITIONS:
            break
        run.append(token)
    return run


def read_after(
    tokens: Sequence[str | list[str]], draft: _Draft, synsets: dict[str, list[str]]
) -> None:
    """The verb's object, complement, particle and prepositional phrases."""
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if isinstance(token, list):
            read_phrase(token, draft, synsets)
            position += 1
        elif token in SLOTS:
            read_slot(token, draft, preposition=None)
            position += 1
        elif token.lower() == "to" and position + 1 < len(tokens) and not draft.object:
            following = plain_run(tokens, position + 1)
            if not following:  # "* TO +": the target after "to"
                read_phrase(plain_phrase(tokens, position), draft, synsets)
                position += len(plain_phrase(tokens, position))
                continue
            draft.complement.extend(expand(following[0], synsets))  # "* TO RECONSIDER"
            if following[1:]:
                draft.losses.append(
                    f"words after the complement ignored: {' '.join(following[1:])}"
                )
            position += 1 + len(following)
        elif position == 0 and is_particle(token, alone=len(tokens) == 1):
            draft.verbs = [f"{verb.split()[0]} {token.lower()}" for verb in draft.verbs]
            position += 1
        elif token.lower() in PREPOSITIONS or is_preposition_set(token, synsets):
            phrase = plain_phrase(tokens, position)
            read_phrase(phrase, draft, synsets)
            position += len(phrase)
        else:
            run = plain_run(tokens, position)
            draft.object.extend(phrases(run, synsets))
            position += len(run)


def is_particle(token: str, *, alone: bool) -> bool:
    """ "* DOWN" ("back down") and "* OVER" alone ("hand over"): the verb's particle."""
    return token.lower() in PARTICLES or (alone and token.lower() in PREPOSITIONS)


def plain_phrase(tokens: Sequence[str | list[str]], start: int) -> list[str]:
    """An unbracketed prepositional phrase: the preposition, its words and slots."""
    phrase = [str(tokens[start])]
    for token in tokens[start + 1 :]:
        if isinstance(token, list) or token.lower() in PREPOSITIONS:
            break
        phrase.append(token)
    return phrase


def is_preposition_set(token: str, synsets: dict[str, list[str]]) -> bool:
    """A synset of prepositions ("&PREPOSIT1": against, in, on, ...) stands for one."""
    if not token.startswith("&") or synset_key(token) not in synsets:
        return False
    return all(member in PREPOSITIONS for member in expand(token, synsets))


def read_phrase(words: list[str], draft: _Draft, synsets: dict[str, list[str]]) -> None:
    """(PREP ...): a required preposition, a slot for the target or source, or a noun. A
    synset of prepositions requires any of them; its noun is an object where kittiwake reads
    the noun after at least one of them as an object."""
    if not words:
        return
    if is_preposition_set(words[0], synsets):
        read_preposition_set(expand(words[0], synsets), words[1:], draft, synsets)
        return
    preposition, rest = words[0].lower(), words[1:]
    slots = [w for w in rest if w in SLOTS]
    nouns = [w for w in rest if w not in SLOTS]
    for slot in slots:
        read_slot(slot, draft, preposition=preposition)
    if slots and not nouns:
        draft.slot_preps.append(preposition)  # required too, unless another phrase is
        return
    if draft.prep and preposition not in draft.prep:
        raise Unexpressible("two prepositional phrases must both be present")
    draft.prep.append(preposition)
    if not nouns:
        return
    if preposition not in OBJECT_PREPS:
        raise Unexpressible(f"kittiwake does not read the noun after {preposition!r} as an object")
    if draft.object:
        draft.losses.append("object and prepositional noun: either one is enough in kittiwake")
    draft.object.extend(phrases(nouns, synsets))


def read_preposition_set(
    prepositions: list[str], rest: list[str], draft: _Draft, synsets: dict[str, list[str]]
) -> None:
    if any(w in SLOTS for w in rest):
        raise Unexpressible("a slot after a synset of prepositions")
    if draft.prep:
        raise Unexpressible("two prepositional phrases must both be present")
    draft.prep.extend(prepositions)
    if not rest:
        return
    readable = [p for p in prepositions if p in OBJECT_PREPS]
    if not readable:
        raise Unexpressible(f"kittiwake does not read the noun after {prepositions} as an object")
    if len(readable) < len(prepositions):
        draft.losses.append(f"the noun is only required after {', '.join(readable)}")
    draft.object.extend(phrases(rest, synsets))


def read_slot(slot: str, draft: _Draft, *, preposition: str | None) -> None:
    if slot == "%":
        draft.symmetric = True
        if preposition:
            draft.target_preps.append(preposition)
    elif slot == "^":
        draft.losses.append("the skip marker ^ is ignored")
    elif slot == "+" and preposition:
        draft.target_preps.append(preposition)
    elif slot == "$" and preposition:
        draft.source_preps.append(preposition)
    elif slot == "$":
        raise Unexpressible("the source as the object of the verb")


def read_before(
    tokens: Sequence[str | list[str]], draft: _Draft, synsets: dict[str, list[str]]
) -> None:
    """Before the verb only the source slot, a compound, auxiliaries, one modal and one
    subject word can be said."""
    words = [t for t in tokens if isinstance(t, str) and t not in SLOTS]
    auxiliaries = [w for w in words if w.lower() in AUXILIARIES]
    if auxiliaries:
        draft.losses.append(f"auxiliary before the verb not required: {' '.join(auxiliaries)}")
    modals = [w.lower() for w in words if w.lower() in MODALS]
    if len(modals) > 1:
        raise Unexpressible(f"two modals before the verb ({' '.join(modals)})")
    draft.modality.extend(MODALS[m] for m in modals)
    words = [w for w in words if w.lower() not in AUXILIARIES and w.lower() not in MODALS]
    slots = [t for t in tokens if isinstance(t, str) and t in SLOTS]
    if any(isinstance(t, list) for t in tokens):
        raise Unexpressible("a prepositional phrase before the verb")
    if "+" in slots:
        raise Unexpressible("the target before the verb")
    draft.symmetric = draft.symmetric or "%" in slots
    subjects = [w.split()[-1] for w in expand(words[0], synsets)] if len(words) == 1 else []
    closed = FUNCTION_WORDS | PREPOSITIONS  # a synset's members too ("&NEGSYN": not, no)
    if len(words) > 1 or any(is_function_word(w) for w in words) or closed & set(subjects):
        raise Unexpressible(f"words before the verb ({' '.join(words)}) other than a subject")
    draft.subject.extend(subjects)


def is_function_word(word: str) -> bool:
    """Auxiliaries, negation and adverbs: not a subject noun ("NOT *", "RECENTLY *")."""
    lower = word.lower()
    return (
        lower in FUNCTION_WORDS
        or lower in PREPOSITIONS  # "IN *", "DESPITE *": where the verb stands, not who acts
        or (lower.endswith("ly") and not lower.startswith("&"))
    )


def draft_of(text: str, *, verbs: list[str], synsets: dict[str, list[str]]) -> _Draft:
    tokens = tokens_of(text)
    if "*" not in tokens:
        raise Unexpressible("no verb slot (*)")
    star = tokens.index("*")
    draft = _Draft(verbs=list(verbs))
    read_before(tokens[:star], draft, synsets)
    read_after(tokens[star + 1 :], draft, synsets)
    require_slot_phrase(draft)
    if not is_checkable(draft, verbs=verbs):
        if not draft.symmetric:
            raise Unexpressible(
                "nothing kittiwake checks (object, preposition, complement, subject, "
                "modality, particle) tells it from the verb's default: an auxiliary or a "
                "slot alone would replace the default everywhere"
            )
        # kept: dropping "% *" would lose every compound act ("X and Y agree" is 030)
        draft.losses.append(
            "a compound subject (%) is its only condition, which kittiwake's coder does not "
            "check: it also codes single subjects, in place of the verb's default"
        )
    return draft


def is_checkable(draft: _Draft, *, verbs: list[str]) -> bool:
    """Whether the coder can tell when the pattern fits rather than the block's default."""
    constraints = (draft.object, draft.prep, draft.complement, draft.subject, draft.modality)
    return any(constraints) or draft.verbs != verbs


def require_slot_phrase(draft: _Draft) -> None:
    """ "* AT ^ +" needs its "at" as much as "* (AT TOWN)" does: the phrase holding the slot
    becomes the required preposition when no other phrase is required (kittiwake requires
    one preposition of a list, so a second phrase is a loss, reported)."""
    preps = list(dict.fromkeys(draft.slot_preps))
    if not preps:
        return
    if draft.prep:
        draft.losses.append(f"the phrase with {'/'.join(preps)} is not required")
        return
    draft.prep.extend(preps)
    if len(preps) > 1:
        draft.losses.append(f"any one of {', '.join(preps)} is enough in kittiwake")


@dataclass(frozen=True, slots=True)
class _Codes:
    primary: str
    reverse: str | None  # [A:B]: B, the event seen from the target
    losses: tuple[str, ...]


def codes_of(raw: str, *, codes: Collection[str]) -> _Codes:
    """[A] or [A:B]; an unusable A is Unexpressible, an unusable B a loss."""
    primary, _, reverse = (part.strip() for part in raw.strip().partition(":"))
    if primary in ("", NO_EVENT):
        raise Unexpressible(f"[{raw.strip()}]: no-event patterns cannot be expressed")
    if primary not in codes:
        raise Unexpressible(f"code {primary!r} is not in kittiwake's CAMEO codebook")
    if reverse and reverse not in codes:
        return _Codes(primary, None, (f"reverse code {reverse!r} is not in the codebook",))
    return _Codes(primary, reverse or None, ())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "verb"


def block_patterns(
    block: _Block, *, synsets: dict[str, list[str]], codes: Collection[str], source: str
) -> Iterator[VerbPattern | ImportProblem | tuple[str, ImportProblem]]:
    """The block's default patterns and one per pattern line; problems for what is left out,
    ("warning", problem) pairs for lines kept with a loss."""
    verbs = list(block.verbs)
    if not verbs:
        return  # nothing left to add (or a block without verbs, which codes nothing)
    by_code: dict[str, list[str]] = {}
    for verb, code in block.verbs.items():
        by_code.setdefault(code, []).append(verb)
    for raw_code, group in by_code.items():
        if raw_code.strip() in ("", NO_EVENT):
            continue
        try:
            found = codes_of(raw_code, codes=codes)
        except Unexpressible as error:
            yield ImportProblem(block.line, f"default of {', '.join(group)}: {error}")
            continue
        yield from (("warning", ImportProblem(block.line, loss)) for loss in found.losses)
        name = f"petrarch.{slug(block.name)}.default_{slug(raw_code)}"
        where = f"{source}:{block.line}"
        yield VerbPattern(
            name,
            found.primary,
            tuple(group),
            where,
            target_preps=PETRARCH_TARGET_PREPS,
            reverse=found.reverse,
        )
    for line, text in block.patterns:
        marked = CODE_AT_END.search(text)
        if marked is None:
            yield ImportProblem(line, f"pattern without a code: {text!r}")
            continue
        try:
            found = codes_of(marked["code"], codes=codes)
            draft = draft_of(text[: marked.start()], verbs=verbs, synsets=synsets)
        except Unexpressible as error:
            yield ImportProblem(line, str(error))
            continue
        for loss in [*found.losses, *draft.losses]:
            yield ("warning", ImportProblem(line, loss))
        name = f"petrarch.{slug(block.name)}.line_{line}"
        yield to_pattern(draft, name=name, codes=found, where=f"{source}:{line}")


def to_pattern(draft: _Draft, *, name: str, codes: _Codes, where: str) -> VerbPattern:
    def unique(items: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(i for i in items if i))

    return VerbPattern(
        id=name,
        cameo=codes.primary,
        verbs=unique(draft.verbs),
        source=where,
        object=unique(draft.object),
        prep=unique(draft.prep),
        complement=unique(draft.complement),
        subject=unique(draft.subject),
        target_preps=unique(draft.target_preps) or PETRARCH_TARGET_PREPS,
        source_preps=unique(draft.source_preps),
        symmetric=draft.symmetric,
        modality=unique(draft.modality),
        reverse=codes.reverse,
    )


def import_verbs(
    text: str,
    *,
    codes: Collection[str],
    source: str = "petrarch",
    skip_verbs: Collection[str] = (),
    defaults: bool = True,
) -> VerbImport:
    """Kittiwake patterns from a PETRARCH verb dictionary; `codes` are the CAMEO codes that
    kittiwake's codebook knows (a pattern with another code would not validate). Verbs in
    `skip_verbs` (those kittiwake's own patterns cover) are left to kittiwake: the import then
    only adds the verbs it lacks. Without `defaults` a verb block's default code is left out
    and only patterns with constraints are kept."""
    synsets, blocks, problems = read_verb_file(text)
    for block in blocks:
        block.verbs = {
            v: c if defaults else NO_EVENT for v, c in block.verbs.items() if v not in skip_verbs
        }
    patterns: list[VerbPattern] = []
    warnings: list[ImportProblem] = []
    for block in blocks:
        for item in block_patterns(block, synsets=synsets, codes=codes, source=source):
            if isinstance(item, VerbPattern):
                patterns.append(item)
            elif isinstance(item, ImportProblem):
                problems.append(item)
            else:
                warnings.append(item[1])
    return VerbImport(
        patterns=tuple(patterns),
        problems=tuple(sorted(problems, key=lambda p: p.line)),
        warnings=tuple(sorted(warnings, key=lambda p: p.line)),
        licence=leading_comment(text),
    )
