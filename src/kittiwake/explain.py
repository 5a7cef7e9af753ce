"""Why a sentence was or was not coded: the parse, the actors, the patterns, the events.

`explain_text` runs one short text through the pipeline and replays the event coder's
decisions token by token: which patterns each trigger word could have used, which
dependency constraint ruled each one out ("nearly fired"), which one was chosen and why,
who the participants were, and how negation, modality and speech acts changed the code.
The final events come from `Pipeline` itself, so they are exactly what `kittiwake code
--all` prints. Everything is returned as frozen dataclasses; `render_text` and
`Explanation.to_json` turn them into the two views of `kittiwake explain`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from kittiwake.clean import clean_article
from kittiwake.events.code import (
    CONSTRAINT_WEIGHT,
    COVERED_BY_VERB,
    NO_ACTORS,
    NOMINAL_DEPS,
    ActDoers,
    EventCoder,
    Trigger,
    TriggerFacts,
    described_by,
    fit_rank,
    fit_score,
    has_subject,
    index_mentions,
    is_participial_adjective,
    lemma_of,
    particle_score,
    phrase_score,
    phrase_words,
    prep_objects,
    reportable_patterns,
    settle,
    subject_of,
    verb_keys,
)
from kittiwake.events.modality import speech_code
from kittiwake.events.patterns import Pattern, PatternSet
from kittiwake.nlp import iter_sentences
from kittiwake.pipeline import Pipeline, is_reportable
from kittiwake.read.common import doc_id_for
from kittiwake.records import Article, Event, Mention, Rejected

# Verdicts of one candidate pattern on one token.
FIRED = "fired"  # fits and was chosen
OUTRANKED = "outranked"  # fits, but a more specific pattern was chosen
NEAR_MISS = "near miss"  # the trigger lemma matched, a constraint failed
OTHER_ROLE = "other role"  # a verb pattern on a token parsed as a noun, or the reverse

# Outcomes of one trigger token.
CODED = "coded"
NO_FIT = "no pattern fits"
DESCRIPTIVE = "skipped: adjectival participle (describes rather than reports)"


@dataclass(frozen=True, slots=True)
class TokenView:
    index: int
    sentence: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    entity: str  # "" outside named entities, else e.g. "GPE"


@dataclass(frozen=True, slots=True)
class MentionView:
    sentence: int
    text: str
    start: int
    end: int
    code: str
    kind: str
    country: str | None
    sector: str | None
    entry_id: str | None
    reason: str
    coref_of: str | None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A participant as the coder saw it: the mention's text and its resolved code."""

    text: str
    code: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ConstraintCheck:
    """One dependency constraint of a pattern tested on one token."""

    name: str  # particle, object, prep, complement, subject
    wanted: tuple[str, ...]
    found: tuple[str, ...]
    ok: bool


@dataclass(frozen=True, slots=True)
class CandidateView:
    """One pattern whose trigger lemma matched a token, and what became of it."""

    pattern_id: str
    cameo: str
    cameo_name: str
    role: str  # "verb" or "noun": which trigger list of the pattern matched
    location: str  # file:line of the pattern
    specificity: int
    fits: bool
    verdict: str  # FIRED, OUTRANKED, NEAR_MISS or OTHER_ROLE
    checks: tuple[ConstraintCheck, ...]
    failed: tuple[str, ...]  # names of the failed checks


@dataclass(frozen=True, slots=True)
class TriggerView:
    """A token whose lemma is a trigger of some pattern, and everything the coder decided."""

    index: int
    sentence: int
    text: str
    lemma: str
    pos: str
    role: str | None  # "verb", "noun", or None when its part of speech triggers nothing
    candidates: tuple[CandidateView, ...]
    chosen: str | None
    choice: str  # why the chosen pattern won
    outcome: str
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()
    negated: bool = False
    modality: str | None = None  # as read from the sentence, before speech-act re-coding
    speech_act: str | None = None
    speakers: tuple[ActorRef, ...] = ()
    cameo: str | None = None  # the chosen pattern's code after speech-act re-coding
    cameo_name: str = ""
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventView:
    event_id: str
    sentence: int
    trigger: str
    cameo: str
    cameo_name: str
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    source: ActorRef | None
    target: ActorRef | None
    negated: bool
    modality: str | None
    rule: str
    date: str | None
    reportable: bool


@dataclass(frozen=True, slots=True)
class Explanation:
    text: str
    date: str | None
    rejected: str | None  # why the pipeline set the text aside, if it did
    tokens: tuple[TokenView, ...]
    mentions: tuple[MentionView, ...]
    triggers: tuple[TriggerView, ...]
    events: tuple[EventView, ...]

    def to_json(self) -> dict[str, Any]:
        """`dataclasses.asdict` with tuples as lists: exactly what `json.loads` gives back."""
        return as_lists(dataclasses.asdict(self))


def as_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: as_lists(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_lists(item) for item in value]
    return value


def explain_text(
    text: str, *, date: dt.date | None = None, pipeline: Pipeline | None = None
) -> Explanation:
    """Code `text` as one article and explain every decision the event coder made on it."""
    pipeline = pipeline or Pipeline()
    # no date: coded as `kittiwake code` codes an undated story (see Pipeline.__call__)
    article = Article(doc_id=doc_id_for(text), text=text, date=date, origin="<explain>")
    coded = pipeline(article)
    # The same parse the pipeline made (same model, same masked text), kept for inspection.
    doc = pipeline.parse(clean_article(article))
    if isinstance(coded, Rejected):
        mentions: Sequence[Mention] = pipeline.actors(doc, doc_id=article.doc_id, date=date)
        events: Sequence[Event] = ()
    else:
        mentions, events = coded.mentions, coded.events
    describe = cameo_namer(pipeline)
    return Explanation(
        text=text,
        date=date.isoformat() if date else None,
        rejected=coded.reason if isinstance(coded, Rejected) else None,
        tokens=tuple(token_views(doc)),
        mentions=tuple(mention_view(m) for m in mentions),
        triggers=tuple(
            explain_triggers(doc, mentions, events, coder=pipeline.events, describe=describe)
        ),
        events=tuple(event_view(e, describe) for e in events),
    )


def cameo_namer(pipeline: Pipeline) -> Callable[[str], str]:
    codebook = pipeline.events.codebook

    def name_of(code: str) -> str:
        entry = codebook.get(code)
        return entry.name if entry else ""

    return name_of


# -- parse and actors ---------------------------------------------------------------------
def token_views(doc: Doc) -> Iterable[TokenView]:
    for sentence_index, sentence in iter_sentences(doc):
        for token in sentence:
            if not token.is_space:
                yield TokenView(
                    index=token.i,
                    sentence=sentence_index,
                    text=token.text,
                    lemma=token.lemma_,
                    pos=token.pos_,
                    tag=token.tag_,
                    dep=token.dep_,
                    head=token.head.i,
                    entity=token.ent_type_,
                )


def mention_view(mention: Mention) -> MentionView:
    actor = mention.actor
    return MentionView(
        sentence=mention.sentence,
        text=mention.text,
        start=mention.start,
        end=mention.end,
        code=actor.code,
        kind=actor.kind,
        country=actor.country,
        sector=actor.sector,
        entry_id=actor.entry_id,
        reason=actor.reason,
        coref_of=mention.coref_of,
    )


def actor_ref(mention: Mention) -> ActorRef:
    return ActorRef(
        text=mention.text, code=mention.actor.code, start=mention.start, end=mention.end
    )


# -- triggers -----------------------------------------------------------------------------
def role_of(token: Token) -> str | None:
    """Which trigger list the coder consults for a token (mirrors `EventCoder.find_triggers`)."""
    if (
        (token.pos_ in ("VERB", "AUX") and token.dep_ not in NOMINAL_DEPS)
        or (token.pos_ == "NOUN" and token.dep_ == "ROOT" and has_subject(token))
        or (token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT") and token.tag_ == "VBN")
        or is_participial_adjective(token)  # "deeply concerned by": its feeling patterns
    ):
        return "verb"
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    return None


def explain_triggers(
    doc: Doc,
    mentions: Sequence[Mention],
    events: Sequence[Event],
    *,
    coder: EventCoder,
    describe: Callable[[str], str],
) -> Iterable[TriggerView]:
    by_head = index_mentions(mentions)
    patterns = coder.patterns
    doers = ActDoers()  # what "the arrests" refers back to, sentence by sentence as the coder
    for sentence_index, sentence in iter_sentences(doc):
        # the coder's own choice of pattern for each trigger (wildcards included)
        chosen = {t.token.i: t.pattern for t in coder.find_triggers(sentence, by_head)}
        views = [
            view
            for token in sentence
            if (
                view := candidate_view_of(
                    token, sentence_index, patterns, describe, chosen=chosen.get(token.i)
                )
            )
            is not None
        ]
        covered = {
            v.index
            for v in views
            if v.role == "verb" and v.chosen is not None and v.outcome != DESCRIPTIVE
        }
        for view in views:
            yield settled_view(view, doc, covered, by_head, doers, events, patterns, describe)
        doers.remember([e for e in events if e.sentence == sentence_index], doc)
        doers.note_tellers(sentence, by_head)


def candidate_view_of(
    token: Token,
    sentence_index: int,
    patterns: PatternSet,
    describe: Callable[[str], str],
    *,
    chosen: Pattern | None,
) -> TriggerView | None:
    """The token's candidate patterns and the one the coder chose (`chosen`, from
    `EventCoder.find_triggers`); None when its lemma triggers nothing."""
    lemma = lemma_of(token)
    role = role_of(token)
    verb_patterns = next(
        (patterns.for_verb(k) for k in verb_keys(token) if patterns.for_verb(k)), ()
    )
    found = [("verb", p) for p in verb_patterns] + [("noun", p) for p in patterns.for_noun(lemma)]
    if chosen is not None and all(p.id != chosen.id for _, p in found):
        found.append(("verb", chosen))  # "must leave": a wildcard for any verb under a modal
    if not found:
        return None
    fitting = [p for r, p in found if r == role and pattern_fits(token, p, role=r)]
    if chosen is not None and chosen not in fitting:
        fitting.append(chosen)
    candidates = tuple(
        candidate_view(
            token, pattern, role=r, considered=r == role, chosen=chosen, describe=describe
        )
        for r, pattern in found
    )
    outcome = (
        NO_FIT
        if chosen is None
        else DESCRIPTIVE
        if not reportable_patterns(token, (chosen,))
        else CODED
    )
    return TriggerView(
        index=token.i,
        sentence=sentence_index,
        text=token.text,
        lemma=lemma,
        pos=token.pos_,
        role=role,
        candidates=tuple(sorted(candidates, key=candidate_order)),
        chosen=chosen.id if chosen else None,
        choice=choice_reason(chosen, fitting, ranked(token, role or "verb")),
        outcome=outcome,
    )


def candidate_order(candidate: CandidateView) -> tuple[int, int, str]:
    order = (FIRED, OUTRANKED, NEAR_MISS, OTHER_ROLE).index(candidate.verdict)
    return order, -candidate.specificity, candidate.pattern_id


def pattern_fits(token: Token, pattern: Pattern, *, role: str) -> bool:
    return fit_score(token, pattern, nominal=role == "noun") is not None


def ranked(token: Token, role: str) -> Callable[[Pattern], tuple[int, int, str]]:
    """The coder's ranking of fitting patterns (`fit_rank`) for one trigger token."""

    def rank(pattern: Pattern) -> tuple[int, int, str]:
        return fit_rank((fit_score(token, pattern, nominal=role == "noun") or 0, pattern))

    return rank


def candidate_view(
    token: Token,
    pattern: Pattern,
    *,
    role: str,
    considered: bool,
    chosen: Pattern | None,
    describe: Callable[[str], str],
) -> CandidateView:
    checks = tuple(verb_checks(token, pattern) if role == "verb" else noun_checks(token, pattern))
    fits = considered and pattern_fits(token, pattern, role=role)
    if not considered:
        verdict = OTHER_ROLE
    elif chosen is not None and pattern.id == chosen.id:
        verdict = FIRED
    else:
        verdict = OUTRANKED if fits else NEAR_MISS
    return CandidateView(
        pattern_id=pattern.id,
        cameo=pattern.cameo,
        cameo_name=describe(pattern.cameo),
        role=role,
        location=pattern.source,
        specificity=pattern.specificity,
        fits=fits,
        verdict=verdict,
        checks=checks,
        failed=tuple(c.name for c in checks if not c.ok),
    )


def choice_reason(
    chosen: Pattern | None, fitting: Sequence[Pattern], rank: Callable[[Pattern], tuple[int, int, str]]
) -> str:
    """Why the coder chose its pattern: `rank` is its own ranking (`fit_rank`) on the token."""
    if chosen is None:
        return ""
    constraints = constraint_names(chosen)
    what = f"constraints: {', '.join(constraints)}" if constraints else "no constraints"
    if len(fitting) == 1:
        return f"the only fitting pattern ({what})"
    met = rank(chosen)[0] // CONSTRAINT_WEIGHT
    rivals = sum(1 for p in fitting if rank(p)[:2] == rank(chosen)[:2])
    tie = "; tie broken by id" if rivals > 1 else ""
    return f"most specific of {len(fitting)} fitting patterns ({met} constraint(s) met, {what}{tie})"


def constraint_names(pattern: Pattern) -> list[str]:
    named = (
        ("object", pattern.object),
        ("prep", pattern.prep),
        ("complement", pattern.complement),
        ("subject", pattern.subject),
    )
    return [name for name, words in named if words]


# The checks below restate `verb_fits` and `noun_fits` one constraint at a time, so that a
# failure can be named together with what the parse offered instead.
def verb_checks(token: Token, pattern: Pattern) -> Iterable[ConstraintCheck]:
    facts = TriggerFacts(token)  # what the coder reads of the parse (`verb_fit`)
    lemma = lemma_of(token)
    phrases = [v for v in pattern.verbs if v.split()[0] == lemma]
    if phrases and all(len(v.split()) > 1 for v in phrases):
        wanted = tuple(sorted(v.split()[1] for v in phrases))
        ok = particle_score(token, pattern, facts=facts) is not None
        yield ConstraintCheck("particle", wanted, tuple(sorted(facts.particles)), ok)
    # as the coder reads them: with both an object and a complement, either names the act
    objects = facts.pattern_objects(pattern)
    object_ok = bool(pattern.object) and objects.score(pattern.object) is not None
    complement_ok = bool(facts.complements & pattern.complement)
    either = bool(pattern.object and pattern.complement) and (object_ok or complement_ok)
    if pattern.object:
        found = tuple(lemma_of(o) for o in facts.pattern_object_tokens(pattern))
        yield ConstraintCheck("object", tuple(sorted(pattern.object)), found, object_ok or either)
    if pattern.prep:
        yield check(
            "prep", pattern.prep, [c.lower_ for c in token.children if c.dep_ in ("prep", "agent")]
        )
    if pattern.complement:
        found = tuple(sorted(facts.complements))
        wanted = tuple(sorted(pattern.complement))
        yield ConstraintCheck("complement", wanted, found, complement_ok or either)
    if pattern.subject:
        subject = subject_of(token)
        ok = subject is not None and phrase_score([subject], pattern.subject) is not None
        found = (lemma_of(subject),) if subject is not None else ()
        yield ConstraintCheck("subject", tuple(sorted(pattern.subject)), found, ok)
    if pattern.modality:
        modality = facts.modality
        found = (modality,) if modality else ()
        yield ConstraintCheck(
            "modality", tuple(sorted(pattern.modality)), found, modality in pattern.modality
        )


def noun_checks(token: Token, pattern: Pattern) -> Iterable[ConstraintCheck]:
    if pattern.object:  # as `noun_fit` reads it: the "of" object or a compound of it
        objects = prep_objects(token, ("of", "on", "against"))
        ok = phrase_words(objects).score(pattern.object) is not None
        found = tuple(lemma_of(o) for o in objects)
        yield ConstraintCheck("object", tuple(sorted(pattern.object)), found, ok)
    if pattern.prep:
        yield check("prep", pattern.prep, [c.lower_ for c in token.children if c.dep_ == "prep"])
    if pattern.subject:  # what a judging word is said of ("the claims were ridiculous")
        described = described_by(token)
        found = (lemma_of(described),) if described is not None else ()
        yield check("subject", pattern.subject, found)
    if pattern.modifier:
        modifiers = [lemma_of(c) for c in token.children if c.dep_ in ("amod", "compound", "advmod")]
        yield check("modifier", pattern.modifier, modifiers)


def check(name: str, wanted: Iterable[str], found: Sequence[str]) -> ConstraintCheck:
    wanted_set = frozenset(wanted)
    return ConstraintCheck(
        name, tuple(sorted(wanted_set)), tuple(found), any(f in wanted_set for f in found)
    )


# A settled trigger whose events the coder did not keep: another word of the sentence
# codes the same act for the same pair ("called them traitors and puppets"), or the
# sentence is over its events limit (`max_events_per_sentence`).
NOT_KEPT = (
    "settled, not kept: the same act of the same pair is coded by another word, "
    "or the sentence is over its events limit"
)


def settled_view(
    view: TriggerView,
    doc: Doc,
    covered: set[int],
    by_head: dict[int, list[Mention]],
    doers: ActDoers,
    events: Sequence[Event],
    patterns: PatternSet,
    describe: Callable[[str], str],
) -> TriggerView:
    """The coder's own settlement of a chosen trigger (`events.code.settle`), shown."""
    if view.chosen is None or view.outcome == DESCRIPTIVE:
        return view
    token = doc[view.index]
    pattern = next(p for p in patterns.patterns if p.id == view.chosen)
    trigger = Trigger(token=token, pattern=pattern, nominal=view.role == "noun")
    settled = settle(trigger, by_head, covered=covered, doers=doers)
    if settled.skipped == COVERED_BY_VERB:
        outcome = f"skipped: object of the verb trigger {token.head.text!r}, which codes the event"
        return dataclasses.replace(view, outcome=outcome)
    reading = settled.reading
    cameo = speech_code(pattern.cameo, reading.speech) if reading.speech else pattern.cameo
    found = tuple(
        e.event_id for e in events if e.trigger.start == token.idx and f":{pattern.id}" in e.rule
    )
    if settled.skipped is None and found:
        outcome = f"{CODED}: {len(found)} event(s)"
        # as the coder does, trigger by trigger: "this brutal deed" may be a harm just told
        doers.note_harm([e for e in events if e.event_id in found])
    elif settled.skipped is None:  # the stored events are the record of what was kept
        outcome = NOT_KEPT
    else:
        outcome = NO_ACTORS if settled.skipped == NO_ACTORS else f"skipped: {settled.skipped}"
    return dataclasses.replace(
        view,
        outcome=outcome,
        sources=tuple(actor_ref(m) for m in settled.sources),
        targets=tuple(actor_ref(m) for m in settled.targets),
        negated=reading.negation_cue,
        modality=reading.modality_cue,
        speech_act=reading.speech.value if reading.speech else None,
        speakers=tuple(actor_ref(m) for m in reading.speakers),
        cameo=cameo,
        cameo_name=describe(cameo),
        event_ids=found,
    )


# -- events -------------------------------------------------------------------------------
def event_view(event: Event, describe: Callable[[str], str]) -> EventView:
    return EventView(
        event_id=event.event_id,
        sentence=event.sentence,
        trigger=event.trigger.text,
        cameo=event.cameo,
        cameo_name=describe(event.cameo),
        goldstein=event.goldstein,
        plover_type=event.plover_type,
        plover_mode=event.plover_mode,
        source=actor_ref(event.source) if event.source else None,
        target=actor_ref(event.target) if event.target else None,
        negated=event.negated,
        modality=event.modality,
        rule=event.rule,
        date=event.date.value.isoformat() if event.date else None,
        reportable=is_reportable(event),
    )


# -- the text view ------------------------------------------------------------------------
def render_text(explanation: Explanation) -> str:
    """A readable, aligned report of an explanation (what `kittiwake explain` prints)."""
    lines = [
        f"Text: {explanation.text.strip()}",
        f"Date: {explanation.date or 'none (undated story)'}",
    ]
    if explanation.rejected:
        lines.append(f"Rejected by the pipeline: {explanation.rejected}")
    lines += ["", "PARSE", *indent(parse_table(explanation.tokens))]
    lines += ["", "ACTORS", *indent(mention_table(explanation.mentions) or ["(no actor mentions)"])]
    lines += ["", "TRIGGERS"]
    for trigger in explanation.triggers:
        lines += indent(trigger_lines(trigger))
    if not explanation.triggers:
        lines.append("  (no token is a trigger of any pattern)")
    lines += ["", "EVENTS", *indent(event_table(explanation.events) or ["(no events)"])]
    return "\n".join(lines) + "\n"


def indent(lines: Iterable[str], by: str = "  ") -> list[str]:
    return [by + line if line else line for line in lines]


def aligned(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows of cells padded to column widths (the last column is left ragged)."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def parse_table(tokens: Sequence[TokenView]) -> list[str]:
    header = ("s", "i", "text", "lemma", "pos", "dep", "head", "ent")
    rows = [
        (str(t.sentence), str(t.index), t.text, t.lemma, t.pos, t.dep, str(t.head), t.entity or "-")
        for t in tokens
    ]
    return aligned([header, *rows]) if rows else []


def mention_table(mentions: Sequence[MentionView]) -> list[str]:
    rows = [
        (m.text, f"{m.start}-{m.end}", m.code or "-", m.kind or "-", m.reason or "-")
        for m in mentions
    ]
    return aligned([("mention", "chars", "code", "kind", "reason"), *rows]) if rows else []


def actors_text(refs: Sequence[ActorRef]) -> str:
    return ", ".join(f"{r.text} [{r.code or '-'}]" for r in refs) or "none"


def trigger_lines(trigger: TriggerView) -> list[str]:
    role = trigger.role or f"not a trigger as {trigger.pos}"
    lines = [
        f"{trigger.text} (token {trigger.index}, lemma {trigger.lemma}, {role}): {trigger.outcome}"
    ]
    rows = [candidate_row(c) for c in trigger.candidates if c.verdict != OTHER_ROLE]
    lines += indent(aligned(rows))
    lines += indent(other_role_lines(trigger))
    if trigger.chosen:
        lines.append(f"  chosen: {trigger.chosen}, {trigger.choice}")
    if trigger.cameo is None:
        return lines
    lines.append(
        f"  sources: {actors_text(trigger.sources)}; targets: {actors_text(trigger.targets)}"
    )
    speech = trigger.speech_act or "none"
    lines.append(
        f"  negated: {'yes' if trigger.negated else 'no'}; modality: {trigger.modality or 'none (reported act)'};"
        f" speech act: {speech}"
    )
    if trigger.speakers:
        lines.append(f"  speakers (demand): {actors_text(trigger.speakers)}")
    lines.append(f"  code: {trigger.cameo} {trigger.cameo_name}")
    return lines


def other_role_lines(trigger: TriggerView, *, shown: int = 4) -> list[str]:
    """One line per unused trigger list: "as a verb: a, b, c and 6 more (not considered, ...)"."""
    lines = []
    for role in ("verb", "noun"):
        ids = [
            c.pattern_id for c in trigger.candidates if c.verdict == OTHER_ROLE and c.role == role
        ]
        if ids:
            more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
            lines.append(
                f"as a {role}: {', '.join(ids[:shown])}{more} (not considered: the token is {trigger.pos})"
            )
    return lines


def candidate_row(candidate: CandidateView) -> tuple[str, str, str, str]:
    mark = {FIRED: "+", OUTRANKED: "=", NEAR_MISS: "~"}[candidate.verdict]
    if candidate.failed:
        detail = "; ".join(failure_text(c) for c in candidate.checks if not c.ok)
    else:
        detail = ", ".join(c.name for c in candidate.checks) or "no constraints"
    return (f"{mark} {candidate.pattern_id}", candidate.cameo, candidate.verdict, detail)


def failure_text(failed: ConstraintCheck) -> str:
    wanted = "|".join(failed.wanted)
    found = ", ".join(failed.found) or "nothing"
    return f"{failed.name} wants {wanted}, found {found}"


def event_table(events: Sequence[EventView]) -> list[str]:
    header = (
        "cameo",
        "plover",
        "source",
        "target",
        "trigger",
        "negated",
        "modality",
        "reportable",
        "rule",
    )
    rows = [
        (
            e.cameo,
            f"{e.plover_type or '-'}{'/' + e.plover_mode if e.plover_mode else ''}",
            e.source.code if e.source else "-",
            e.target.code if e.target else "-",
            e.trigger,
            "yes" if e.negated else "no",
            e.modality or "-",
            "yes" if e.reportable else "no",
            e.rule,
        )
        for e in events
    ]
    return aligned([header, *rows]) if rows else []
