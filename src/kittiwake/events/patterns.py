"""Event patterns: user-editable YAML rules that map triggers in a parse to CAMEO codes.

A pattern names trigger lemmas (`verbs` or `nouns`) and optional dependency constraints:

```yaml
- id: sanction.impose              # appears in every event's `rule` field
  cameo: "163"
  verbs: [impose, slap, press]     # "step down" style entries need the particle too
  object: [sanction, embargo]      # lemma of the direct object (or passive subject)
  target_preps: [on, against]      # where the target may be, besides the direct object
```

Constraints: `object` (lemma of the direct object / passive subject / nominal "of" object),
`prep` (a preposition the trigger must govern, e.g. "call *on*"; with `object`, the noun of
that preposition may be the object: "held *in* custody", though other verbs' "in" phrases
are no objects), `complement` (lemma of a clausal complement: "urged X to *resign*", or of a
gerund after "of", "for" or "to": "accused X of *violating*", "pledged to *supporting*";
`["*"]`: any clause with a subject of its own, an act of someone else: "wants *Y to name* Z"),
`subject` (lemma of a subject that is not an actor: "the *raids* killed"), `symmetric` (a
compound subject without an object acts on each other: "Russia and China agreed"),
`topic_object` (the direct object is what the act is about, never whom: "discussed *Syria*
with Iran"), `modifier` (lemma of an adjective, compound or adverb the trigger must have:
"*verbal* attacks" are criticism, not violence), `experiencer` (the subject feels the act,
active or passive, towards whom its "by", "at", "over" or "with" phrase names: "the network
was *appalled* by the government's decision" criticises the government), `receiver` (the
subject undergoes the act, whom its "from" or "by" phrase names does it: "Russia's strikes
*drew* criticism from France" is France's criticism of Russia), `needs_source` (only an act
an actor is named as doing: "*suffered* attacks from the militia", not "suffered a heart
attack").
An `evaluative` pattern's `nouns` and `adjectives`
judge whom they describe ("Uribe's *lies*", "called the army *puppets*", "the vote was
*illegal*"): its target is the actor described, its source whoever says so; with `prep`, a
stance taken towards someone, said of whoever takes it ("the minister was *critical of* the
detentions"): its target is whom the preposition names, or whoever did the act it names;
with `denied`, its verb judges only when denied ("has not *kept* its promises"); a pattern
that is not `evaluative` with `denied` is the act its verb denied by its own "not" or "never"
("did not *agree* with the envoy" disapproves), and outranks the verb's other patterns. With
`clause_target`, the target is only the doer of the clause the verb introduces ("*claimed*
the president arranged the leaks"), never its object nor its own infinitive. A `literal`
pattern (what `kittiwake dict import-petrarch` writes) reads words as PETRARCH does: a verb
form it lists ("left") is tried before the lemma ("leave"), and a future act it codes is
that act, not a promise or threat of it. `plover_type`
and `mode` override the PLOVER type and mode the CAMEO code maps to, for acts reported as
done (a resignation is CAMEO 0831 but PLOVER RETREAT/resign); both must be in the codebook. `reverse` is the code of the same act seen
from the target (PETRARCH's paired codes, `[042:043]`: a visit is also a visit received); the
coder then adds that event with source and target swapped. The most specific pattern that
fits wins.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kittiwake.events.codebook import Codebook, load_codebook
from kittiwake.lang import EventWords, load_words
from kittiwake.yamlio import ResourceError, read_items, validate_item

# Where a pattern's target may be when the pattern does not say (language data,
# `events.yaml`): read when the module is first imported, as every pattern's default.
DEFAULT_TARGET_PREPS = load_words(EventWords).target_prepositions


WILDCARD = "*"


class PatternModel(BaseModel):
    """The YAML form of a pattern, validated at load."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
    cameo: str = Field(pattern=r"^[0-9]{2,4}$")
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    target_preps: tuple[str, ...] = DEFAULT_TARGET_PREPS
    source_preps: tuple[str, ...] = ("by",)
    modality: tuple[Literal["obligation", "future", "intended", "hypothetical"], ...] = ()
    symmetric: bool = False
    needs_target: bool = False
    needs_source: bool = False
    topic_object: bool = False
    evaluative: bool = False
    denied: bool = False
    clause_target: bool = False
    experiencer: bool = False
    receiver: bool = False
    literal: bool = False
    mode: str | None = None
    plover_type: str | None = None
    reverse: str | None = Field(default=None, pattern=r"^[0-9]{2,4}$")
    note: str = ""

    @field_validator(
        "verbs", "nouns", "adjectives", "object", "prep", "complement", "subject", "modifier"
    )
    @classmethod
    def lower_case(cls, words: tuple[str, ...]) -> tuple[str, ...]:
        for word in words:
            if word != word.lower() or not word.strip():
                raise ValueError(f"trigger words are lower-case lemmas, got {word!r}")
        return words

    @model_validator(mode="after")
    def wildcard_needs_modality(self) -> PatternModel:
        if WILDCARD in self.verbs and (len(self.verbs) > 1 or not self.modality):
            raise ValueError('`verbs: ["*"]` (any verb) must stand alone and needs `modality`')
        return self

    @model_validator(mode="after")
    def has_trigger(self) -> PatternModel:
        if not self.verbs and not self.nouns and not self.adjectives:
            raise ValueError("a pattern needs `verbs`, `nouns` or `adjectives`")
        if self.adjectives and not self.evaluative:
            raise ValueError("`adjectives` are the words of an `evaluative` pattern")
        if self.denied and not self.verbs:
            raise ValueError("`denied` is said of a pattern's verbs")
        return self


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    cameo: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    object: frozenset[str]
    prep: frozenset[str]
    complement: frozenset[str]
    subject: frozenset[str]
    modality: frozenset[str]
    target_preps: tuple[str, ...]
    source_preps: tuple[str, ...]
    symmetric: bool
    needs_target: bool
    mode: str | None
    plover_type: str | None  # overrides the code's PLOVER type for acts carried out as stated
    source: str  # file:line
    reverse: str | None = None  # the code of the same act seen from the target (PETRARCH [A:B])
    adjectives: frozenset[str] = frozenset()
    evaluative: bool = False  # the word judges whom it describes; its source says so
    denied: bool = False  # a verb that judges or acts only when denied ("not kept")
    clause_target: bool = False  # whom: the doer of its clause ("claimed X arranged it")
    literal: bool = False  # PETRARCH's reading: word forms as listed, modals as stated
    topic_object: bool = False  # the object is what the act is about ("discussed Syria")
    modifier: frozenset[str] = frozenset()  # a modifier the trigger must have ("verbal")
    experiencer: bool = False  # the subject feels it about whom its "by"/"at" phrase names
    receiver: bool = False  # the subject undergoes it; its "from" phrase does it
    needs_source: bool = False  # only with a doer named ("attacks from X", not "a heart attack")
    # the words of each of `verbs` ("step down"), split once: the coder tries a pattern on
    # every verb that has its lemma
    verb_words: tuple[tuple[str, ...], ...] = dataclasses.field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "verb_words", tuple(tuple(v.split()) for v in self.verbs))

    def mirrored(self) -> Pattern:
        """The pattern of the reverse event: "visited" (042) is also "was visited" (043)."""
        assert self.reverse is not None
        return replace(self, id=f"{self.id}.reverse", cameo=self.reverse, reverse=None)

    @property
    def specificity(self) -> int:
        constraints = (self.object, self.prep, self.complement, self.subject, self.modifier)
        return sum(bool(c) for c in constraints)

    @property
    def is_wildcard(self) -> bool:
        return WILDCARD in self.verbs


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    by_verb: dict[str, tuple[Pattern, ...]]
    by_noun: dict[str, tuple[Pattern, ...]]
    wildcards: tuple[Pattern, ...] = ()
    by_adjective: dict[str, tuple[Pattern, ...]] = dataclasses.field(default_factory=dict)

    def for_verb(self, lemma: str) -> tuple[Pattern, ...]:
        return self.by_verb.get(lemma, ())

    def for_noun(self, lemma: str) -> tuple[Pattern, ...]:
        return self.by_noun.get(lemma, ())

    def for_adjective(self, lemma: str) -> tuple[Pattern, ...]:
        return self.by_adjective.get(lemma, ())

    def __len__(self) -> int:
        return len(self.patterns)


def shipped_pattern_files() -> list[Path]:
    folder = resources.files("kittiwake") / "data" / "patterns"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".yaml"))


def read_pattern_file(path: Path, *, codebook: Codebook) -> list[Pattern]:
    patterns = []
    for item in read_items(path):
        model = validate_item(PatternModel, item, path=path)
        for field in ("cameo", "reverse"):
            code = getattr(model, field)
            if code is not None and code not in codebook:
                line = item.field_lines.get(field, item.line)
                raise ResourceError(path, line, field, f"unknown CAMEO code {code!r}")
        if not has_valid_plover(model, codebook):
            field = "plover_type" if model.plover_type is not None else "mode"
            line = item.field_lines.get(field, item.line)
            plover_type = model.plover_type or codebook[model.cameo].plover_type
            message = f"PLOVER type {plover_type!r} with mode {model.mode!r} is not in the codebook"
            raise ResourceError(path, line, field, message)
        patterns.append(to_pattern(model, source=f"{path.name}:{item.line}"))
    return patterns


def has_valid_plover(model: PatternModel, codebook: Codebook) -> bool:
    """A pattern's own PLOVER type or mode, if any, is one the codebook knows."""
    if model.plover_type is None and model.mode is None:
        return True
    plover_type = model.plover_type or codebook[model.cameo].plover_type
    return plover_type is not None and codebook.is_valid_mode(plover_type, model.mode)


def to_pattern(model: PatternModel, *, source: str) -> Pattern:
    return Pattern(
        id=model.id,
        cameo=model.cameo,
        verbs=frozenset(model.verbs),
        nouns=frozenset(model.nouns),
        object=frozenset(model.object),
        prep=frozenset(model.prep),
        complement=frozenset(model.complement),
        subject=frozenset(model.subject),
        modality=frozenset(model.modality),
        target_preps=model.target_preps,
        source_preps=model.source_preps,
        symmetric=model.symmetric,
        needs_target=model.needs_target,
        mode=model.mode,
        plover_type=model.plover_type,
        source=source,
        reverse=model.reverse,
        adjectives=frozenset(model.adjectives),
        evaluative=model.evaluative,
        denied=model.denied,
        clause_target=model.clause_target,
        literal=model.literal,
        topic_object=model.topic_object,
        modifier=frozenset(model.modifier),
        experiencer=model.experiencer,
        receiver=model.receiver,
        needs_source=model.needs_source,
    )


def load_patterns(
    *, extra_paths: Sequence[Path] = (), codebook: Codebook | None = None
) -> PatternSet:
    """Shipped patterns plus user files; a user pattern replaces a shipped one with its id."""
    if not extra_paths and codebook is None:
        return _shipped_patterns()
    return build_pattern_set([*shipped_pattern_files(), *extra_paths], codebook or load_codebook())


@lru_cache(maxsize=1)
def _shipped_patterns() -> PatternSet:
    return build_pattern_set(shipped_pattern_files(), load_codebook())


def build_pattern_set(paths: Sequence[Path], codebook: Codebook) -> PatternSet:
    by_id: dict[str, Pattern] = {}
    for path in paths:
        seen_here: set[str] = set()
        for pattern in read_pattern_file(path, codebook=codebook):
            if pattern.id in seen_here:
                line = int(pattern.source.rsplit(":", 1)[1])
                raise ResourceError(path, line, "id", f"duplicate pattern id {pattern.id!r}")
            seen_here.add(pattern.id)
            by_id[pattern.id] = pattern
    by_verb: dict[str, list[Pattern]] = defaultdict(list)
    by_noun: dict[str, list[Pattern]] = defaultdict(list)
    by_adjective: dict[str, list[Pattern]] = defaultdict(list)
    for pattern in by_id.values():
        if pattern.is_wildcard:
            continue
        for key in {verb.split()[0] for verb in pattern.verbs}:  # "hand" and "hand over"
            by_verb[key].append(pattern)
        for noun in pattern.nouns:
            by_noun[noun].append(pattern)
        for adjective in pattern.adjectives:
            by_adjective[adjective].append(pattern)
    return PatternSet(
        patterns=tuple(by_id.values()),
        by_verb={k: tuple(v) for k, v in by_verb.items()},
        by_noun={k: tuple(v) for k, v in by_noun.items()},
        wildcards=tuple(p for p in by_id.values() if p.is_wildcard),
        by_adjective={k: tuple(v) for k, v in by_adjective.items()},
    )


def is_pattern_file(path: Path) -> bool:
    """A YAML list whose first entry names a CAMEO code: patterns, not a dictionary."""
    try:
        first = next(read_items(path), None)
    except (OSError, ResourceError):
        return False
    return first is not None and isinstance(first.data, dict) and "cameo" in first.data


def count_patterns(paths: Sequence[Path]) -> int:
    """How many patterns the files hold (valid files: see `validate_pattern_paths`)."""
    return sum(1 for path in paths for _ in read_items(path))


def shipped_verbs() -> frozenset[str]:
    """Every verb (and multi-word verb) the shipped patterns name."""
    return frozenset(verb for pattern in _shipped_patterns().patterns for verb in pattern.verbs)


def validate_pattern_paths(paths: Sequence[Path]) -> list[ResourceError]:
    """Every problem found, for `kittiwake dict validate`; empty when all files are valid."""
    errors = []
    codebook = load_codebook()
    for path in paths or shipped_pattern_files():
        try:
            build_pattern_set([path], codebook)
        except ResourceError as error:
            errors.append(error)
    return errors
