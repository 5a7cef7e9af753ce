"""The event coder: patterns + dependency parse + resolved actors -> coded events.

For each trigger word the most specific fitting pattern is chosen (`match.py` logic lives
here as small functions); then source and target come from the dependency structure:
subjects (inherited through conjunction, control and relative clauses), passive agents,
direct objects, governed prepositions and clausal complements. Compound actors are paired,
never exploded into a cross product of unrelated noun phrases; how many events a sentence
keeps is a setting (`max_events_per_sentence`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kittiwake.actors.resolve import LOCATIVE_PREPOSITIONS, PLACE_KINDS, companions
from kittiwake.actors.speakers import FIRST_PERSON, quotation_speaker
from kittiwake.events.codebook import CameoCode, Codebook
from kittiwake.events.modality import (
    VIOLENT_ROOTS,
    Speech,
    is_cooperative,
    speech_act,
    speech_code,
)
from kittiwake.events.patterns import DEFAULT_TARGET_PREPS, WILDCARD, Pattern, PatternSet
from kittiwake.lang import (
    ActorWords,
    ClauseWords,
    EventWords,
    TitleWords,
    load_clause_words,
    load_words,
)
from kittiwake.nlp import attributive_object, iter_sentences
from kittiwake.records import (
    DOERLESS_CODES,
    DOERLESS_ROOTS,
    MATERIAL_CONFLICT,
    REPORTABLE_MODALITIES,
    Actor,
    Event,
    Mention,
    Span,
)
from kittiwake.tokens import TokenTable, between, doc_text, kept

# Safety bounds against an explosion of pairs ("2,000 names and 2,000 names"), not the cap
# analysts see: that is `Settings.max_events_per_sentence` (6 by default, 0 for none), which
# the pipeline applies and records on the article, so that every conjunct of a long
# coordination can be coded when asked for (PETRARCH codes them all).
MAX_PAIRS = 64  # records per event mention
MAX_EVENTS_PER_SENTENCE = 64  # records per sentence, however many mentions it holds
# A "verb" in these positions is a noun in disguise: "evacuated the wounded".
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "compound"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
# Codes whose constrained object is what the act is done with, not to: "deployed troops",
# "sent aid", "sent military advisers", "withdrew its forces" (whereas "released prisoners"
# are the target).
THEME_OBJECT_ROOTS = frozenset({"15", "07"})
THEME_OBJECT_CODES = frozenset({"0874", "0332", "0334", "074"})
# Named-entity labels of times and amounts, which are never actors.
MEASURE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "can", "ca"})
OBLIGATION_AUX = frozenset({"must", "should", "ought", "shall"})
FUTURE_AUX = frozenset({"will", "would", "'ll", "wo", "'d"})
# Verbs whose complement is only wished for: "hope Russia will play a role".
WISH_VERBS = frozenset({"hope", "wish", "expect", "consider", "want", "like", "dream"})
# Verbs by which a subject wishes to do an act itself ("Brazil would like to deepen its
# ties", "hopes to sign"): for a cooperative act, CAMEO's intent to do it (03x).
OWN_WISH_VERBS = frozenset({"hope", "wish", "want", "like"})
# Verbs of trying: "militants attempted to assassinate the prime minister" tells an attempt,
# which CAMEO codes as the act (modality "attempted", reported), never a threat of it.
ATTEMPT_VERBS = frozenset({"try", "attempt"})
# Verbs that deny their complement happened: "refused to meet", "failed to agree".
NEGATING_VERBS = frozenset(
    {"refuse", "fail", "decline", "deny", "reject", "avoid", "renege", "balk"}
)
# Chains a negation climbs through: "does not pursue a policy of isolating Russia". A
# preposition only passes it on when it links an argument ("of"), not an adjunct ("in").
NEGATION_CHAIN = frozenset({"pcomp", "pobj", "prep", "dobj", "xcomp", "acl", "nsubjpass"})
ARGUMENT_PREPOSITIONS = frozenset({"of", "to", "for", "on", "with"})
# Participles whose passive subject is the doer: "is opposed to", "were engaged in".
STATIVE_PARTICIPLES = frozenset({"oppose", "engage", "involve", "commit", "dedicate", "devote"})


@dataclass(frozen=True, slots=True)
class Reading:
    """How a trigger's act is presented, and the speech act that makes it an event."""

    negated: bool
    modality: str | None
    speech: Speech | None
    speakers: list[Mention]
    # the cues as found, before a speech act re-coded them ("will not meet": future, negated)
    modality_cue: str | None = None
    negation_cue: bool = False


def read_modality(
    trigger: Trigger, by_head: dict[int, list[Mention]], *, actors: Sequence[Mention] = ()
) -> Reading:
    """`actors` are the act's own participants: whoever must act is not the one demanding."""
    negated = is_negated(trigger.token)
    modality = modality_of(trigger.token)
    stopper = denied_cessation(trigger.token)
    if stopper is not None and modality_of(stopper) in ("future", "intended"):
        negated, modality = False, modality_of(stopper)  # "will not stop firing": will fire on
    speech = speech_act(trigger.pattern.cameo, modality=modality, negated=negated)
    if trigger.pattern.literal and speech is not None and speech is not Speech.REFUSAL:
        speech = None  # PETRARCH codes "will contribute" as the contribution it names
    wishers = wishers_of(trigger, by_head, actors) if modality == "requested" else []
    if wishers and not negated:  # "Berlin expects a prompt withdrawal of Russian troops"
        return Reading(False, Speech.DEMAND.value, Speech.DEMAND, wishers, modality_cue=modality)
    if speech is None:
        return Reading(negated, modality, None, [], modality_cue=modality, negation_cue=negated)
    speakers = speaker_of(trigger.token, by_head, exclude=actors) if speech is Speech.DEMAND else []
    return Reading(
        False, speech.value, speech, speakers, modality_cue=modality, negation_cue=negated
    )


def denied_cessation(act: Token) -> Token | None:
    """The denied verb of ending that an act goes on under ("will not stop firing rockets",
    "would not halt the offensive"): the act is pledged to go on."""
    verb = act.head
    if act.dep_ not in ("xcomp", "dobj") or verb.i == act.i:
        return None
    if verb.lemma_.lower() not in load_clause_words().cessation_verbs:
        return None
    return verb if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children) else None


def wishers_of(
    trigger: Trigger, by_head: dict[int, list[Mention]], actors: Sequence[Mention]
) -> list[Mention]:
    """Who wants an act of others, named as an event noun, done: the subject of a verb of
    wishing whose object the noun is ("Berlin expects a prompt withdrawal of Russian troops",
    "the strikers want the dismissal of the governor"). A demand on whoever must act, so
    the act needs a doer told apart from the wisher; wanting an act of one's own ("Iran
    seeks talks with the EU") is no demand, and neither is a wish with no subject."""
    noun = trigger.token
    if not trigger.nominal or noun.dep_ != "dobj" or not actors:
        return []
    verb = noun.head
    if verb.lemma_.lower() not in load_clause_words().wished_verbs:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    wishers = actors_at(subject, by_head) if subject is not None else []
    if not wishers or any(
        w in actors or w.actor.code == a.actor.code for w in wishers for a in actors
    ):
        return []
    return wishers


def is_unowned_pledge(trigger: Trigger, reading: Reading, sources: Sequence[Mention]) -> bool:
    """A promise or threat told in the passive with no one doing it ("ties would be
    restored", "the aid will be cut off"): in a clause a reporting verb reports, its speaker
    is the one who pledges it, as in the active ("said it would restore ties"); under a noun
    ("guarantees that homes will be restored") it is no one's pledge."""
    token = trigger.token
    clause = token.head if token.dep_ == "conj" else token  # "and said ties would be ..."
    return (
        reading.speech in (Speech.PROMISE, Speech.THREAT)
        and not trigger.nominal
        and clause.dep_ == "ccomp"
        and lemma_of(clause.head) in load_clause_words().reporting_verbs
        and not any(m.actor.code for m in sources)
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
    )


def is_demand_on_others(trigger: Token, actors: Sequence[Mention]) -> bool:
    """ "Russia said Sudan must return the helicopter" demands; "we have to admit", "he had
    to resign", "drugs must be combated" report a necessity: a demand needs someone else who
    must act (its speaker may be left unsaid: "Iran must withdraw") and a present obligation."""
    if not actors:
        return False
    if all(a.coref_of and a.text.lower() in ("i", "we", "us", "me") for a in actors):
        return False  # the speaker's own necessity (not the country "US")
    return not (has_to(trigger) and trigger.head.tag_ in ("VBD", "VBN"))  # "have had to"


@dataclass(frozen=True, slots=True)
class Settlement:
    """What the coder decided for one trigger: who, how it was said, the pairs it codes, or
    why it codes nothing. `kittiwake explain` shows this record; it never re-decides."""

    sources: tuple[Mention, ...]
    targets: tuple[Mention, ...]
    reading: Reading
    pairs: tuple[tuple[Mention | None, Mention | None], ...]
    skipped: str | None  # the reason no event was coded, None when some were


# Why a trigger codes nothing; `kittiwake explain` prints these.
COVERED_BY_VERB = "object of a verb trigger, which codes the event"
CASUALTY_TOLL = "a casualty toll with no one named as doing it"
NECESSITY = "a necessity reported, not a demand on someone else"
NEEDS_TARGET = "the pattern needs a target and none was found"
NEEDS_SOURCE = "the pattern needs a source and none was found"
NO_ACTORS = "no actor found as source or target"
ROUTINE_TRIP = "a daily trip to school or work, which visits no one"
NATURAL_FORCE = "done by a natural force or an accident, not by anyone"
ATTRIBUTIVE = "an adjective of whom it names ('the visiting minister'), no act of its own"
DISMISSAL = "fired from a job: a dismissal, not a shooting"
REASON_OF_VERB = "the reason a verb trigger gives, naming no one it was done to"
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def settle(
    trigger: Trigger,
    by_head: dict[int, list[Mention]],
    *,
    covered: set[int],
    doers: ActDoers | None,
) -> Settlement:
    """Who did it to whom, how it is presented, and whether it is coded at all."""
    token = trigger.token
    if trigger.nominal and token.head.i in covered and token.dep_ in OBJECT_DEPS:
        return skipped(COVERED_BY_VERB)  # "imposed sanctions": the verb codes the event
    if trigger.nominal and is_state_put_under(token, covered):
        return skipped(COVERED_BY_VERB)  # "was placed under sanctions": one act
    if trigger.nominal and is_reason_without_target(token, covered, trigger.pattern):
        return skipped(REASON_OF_VERB)  # "thanked Russia for its support": one act
    if trigger.pattern.cameo == GENERIC_FORCE and is_casualty_setting(token, covered):
        return skipped(COVERED_BY_VERB)  # "were killed in air strikes": one act
    if trigger.pattern.evaluative:
        return settle_judgement(trigger, by_head, doers)
    if trigger.pattern.cameo in VISIT_CODES and not trigger.nominal and is_routine_trip(token):
        return skipped(ROUTINE_TRIP)  # "her sons walk to school each day": no visit
    if attributive_object(token) is not None:
        return skipped(ATTRIBUTIVE)  # "met with visiting Minister X": says who X is
    if trigger.pattern.cameo[:2] in FORCE_ROOTS and not trigger.nominal:
        if is_natural_force(verb=token):
            return skipped(NATURAL_FORCE)  # "a quake hit the island": nobody's attack
        if is_dismissal(verb=token):
            return skipped(DISMISSAL)  # "she was fired from her post in May"
    sources, targets = participants(trigger, by_head)
    if not targets and not trigger.nominal:
        targets = [m for m in contacted(token, by_head) if m not in sources]
    if not targets and not trigger.nominal and trigger.pattern.cameo[:2] in VIOLENT_ROOTS:
        targets = [m for m in hurt_in_main_clause(token, by_head) if m not in sources]
    predicate = blame_predicate(token)
    if predicate is not None:  # "the minister said the militants were to blame", "... that
        subject = subject_of(predicate)  # Israel bore full responsibility": the subject is
        targets = actors_at(subject, by_head) if subject is not None else []  # blamed, by
        sources = speaker_of(predicate, by_head, exclude=targets)  # whoever says so
        if not sources:  # the narrator's "the militants were to blame" accuses no one
            return skipped(NO_JUDGE, sources, targets)
        if targets and all(same_actor(s, t) for s in sources for t in targets):
            return skipped(OWN_BLAME, sources, targets)  # "we bear responsibility," he said
    # a receiver's subject undergoes the act: "the raid drew criticism" is not the raiders'
    if (
        doers is not None
        and not trigger.pattern.receiver
        and not any(m.actor.code for m in sources)
    ):
        earlier = told_attacker(token, doers)  # "US forces attacked ... The attack killed"
        sources = [earlier] if earlier is not None else sources
    if not sources and trigger.pattern.cameo[:2] in PEOPLES_ACTS:
        sources = local_people(token, by_head)
    told = act_told_before(trigger, doers) if doers and not (sources or targets) else None
    if told is not None:
        sources = [told_again(told.source, told)] if told.source is not None else []
        targets = [told_again(told.target, told)] if told.target is not None else []
    if not sources and is_casualty_tally(trigger):
        return skipped(CASUALTY_TOLL, sources, targets)
    reading = read_modality(trigger, by_head, actors=sources)
    if trigger.pattern.denied:  # "did not agree with the minister": the denial is the act
        reading = replace(reading, negated=False, negation_cue=False)
    if is_unowned_pledge(trigger, reading, sources):
        # "Ankara said the border would be reopened": whoever says it promises it
        sources = speaker_of(token, by_head, exclude=targets) or sources
    if reading.speech is Speech.THREAT and not targets:  # "will open fire if Eritrea moves"
        targets = [m for m in condition_subjects(token, by_head) if m not in sources]
    if reading.speech is Speech.DEMAND:  # the speaker demands; the actor must act
        if not is_demand_on_others(token, sources or targets):
            return skipped(NECESSITY, sources, targets, reading)
        sources, targets = reading.speakers, sources or targets
    if trigger.pattern.topic_object and trigger.pattern.cameo[:2] == ACCUSATION_ROOT:
        # "the editor said the shooting was linked to the reporter's coverage": blame
        # goes to whom the phrase names, not to an owner inside it, or to the noun the verb
        # describes ("the group linked to the bombing")
        preps = trigger.pattern.target_preps
        heads = {c.i for p in prep_objects(token, preps) for c in (p, *p.conjuncts)}
        described = actors_at(token.head, by_head) if token.dep_ == "acl" else []
        targets = [t for t in targets if t.head in heads or t in described]
    if trigger.pattern.receiver and not any(m.actor.code for m in targets):
        targets = undergoing_act_doers(token, by_head, doers) or targets
    if trigger.pattern.cameo in VISIT_CODES:  # "the senator arrived in Colombia": home
        targets = [t for t in targets if not is_home(t, sources)]
    if trigger.pattern.cameo == DENIAL_CODE:  # whoever made the claim, never what it says
        targets = [m for m in claimants(trigger, by_head, doers) if m not in sources]
    elif trigger.pattern.clause_target:  # "claimed the president arranged the leaks"
        targets = [m for m in clause_doers(token, by_head) if m not in sources]
    elif not targets and (shared := addressees_of_conjoined(token, by_head, trigger.pattern)):
        targets = [m for m in shared if m not in sources]  # "summoned X and lodged a protest"
    elif not targets and trigger.pattern.cameo[:2] in JUDGING_ROOTS:
        targets = [m for m in judged_doers(trigger, by_head, doers) if m not in sources]
    elif not targets and trigger.pattern.cameo[:2] == COMMENT_ROOT:
        topics = topic_clause_doers(token, trigger.pattern.target_preps, by_head)
        targets = [m for m in topics if m not in sources]
    if trigger.pattern.cameo == RECALL_CODE:  # "recalled its ambassador to Tokyo": Japan
        targets = [m for m in posted_to(token, targets, sources, by_head) if m not in sources]
    if not targets and doers is not None:  # "Singh invited Kadirgamar ... Kadirgamar
        # accepted the invitation": whoever made it
        targets = [m for m in makers_of_answered(token, doers) if m not in sources]
    pairs = tuple(pair_up(sources, targets, symmetric=trigger.pattern.symmetric))
    reason = None
    if trigger.pattern.needs_target and not any(t for _, t in pairs):
        reason = NEEDS_TARGET  # "Apple released a new iPhone": release needs someone released
    elif trigger.pattern.needs_source and not any(s is not None and s.actor.code for s, _ in pairs):
        reason = NEEDS_SOURCE  # "suffered a heart attack", "kept from it by the rain": no one
    elif not pairs:
        reason = NO_ACTORS
    return Settlement(tuple(sources), tuple(targets), reading, pairs, reason)


def undergoing_act_doers(
    verb: Token, by_head: dict[int, list[Mention]], doers: ActDoers | None
) -> list[Mention]:
    """ "The crackdown has drawn criticism from rights groups": an act that undergoes
    criticism is its doer's, named beside it or told before ("police detained ... the
    crackdown"); a name in the phrase that codes no actor does not stand for the doer."""
    subject = subject_of(verb)
    if subject is None or subject.pos_ != "NOUN":
        return []
    found = [m for m in doers_of_act(subject, by_head, doers) if m.actor.code]
    if not found and doers is not None:
        earlier = doers.of(lemma_of(subject))
        found = [earlier] if earlier is not None else []
    return found


def condition_subjects(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Whom a threat with no one named is aimed at: the subject of its "if" or "unless"
    clause, whose move it answers ("will call the crowds out if the ruling party's man is
    declared the winner")."""
    found: list[Mention] = []
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children
        ):
            for subject in clause.children:
                if subject.dep_ in SUBJECT_DEPS or subject.dep_ in PASSIVE_SUBJECT_DEPS:
                    found.extend(actors_at(subject, by_head))
    return found


def blame_predicate(verb: Token) -> Token | None:
    """The verb whose subject blame is said of: the copula of "X is to blame", "X were to
    blame for the attack"; the verb of "X bears full responsibility for the killings"."""
    if (
        lemma_of(verb) == BLAME_VERB
        and verb.dep_ == "xcomp"
        and lemma_of(verb.head) in COPULAS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return verb.head
    words = load_words(EventWords)
    borne = any(c.dep_ == "dobj" and lemma_of(c) in words.blame_nouns for c in verb.children)
    return verb if lemma_of(verb) in words.bearing_verbs and borne else None


BLAME_VERB = "blame"


def settle_judgement(
    trigger: Trigger, by_head: dict[int, list[Mention]], doers: ActDoers | None = None
) -> Settlement:
    """A word that judges an actor ("Uribe's lies", "called the army puppets"): coded only
    with both sides, whoever says it and whom it describes."""
    word = trigger.token
    # "the minister said the claims were ridiculous": a claim judged is denied (016), to
    # whoever made it, if the text says
    dismissal = bool(trigger.pattern.subject)
    if trigger.pattern.prep:  # "the minister was critical of the arrests": a stance taken
        targets = stance_objects(word, trigger.pattern.prep, by_head, doers)
        sources = [m for m in judged_actors(word, by_head, doers) if m not in targets]
    else:
        targets = claim_owners(word, by_head) if dismissal else judged_actors(word, by_head, doers)
        sources = [m for m in judge_of(word, by_head, described=targets) if m not in targets]
    # only a denied predicate takes the judgement back ("the vote was not illegal"); "I
    # cannot accept Uribe's lies" still calls them lies
    if word.pos_ in ("VERB", "AUX"):  # a verb of misconduct is its own predicate; told of
        negated = is_negated(word)  # an attempt ("trying to silence critics") or hedged, it
        supposed = modality_of(word)  # is still an accusation, but not when only supposed
        modality = supposed if supposed in SUPPOSED_MODALITIES else None  # ("if ... failed")
        if lemma_of(word) == DOING_VERB and amount_done(word, trigger.pattern.object) is None:
            return skipped(NO_ONE_JUDGED)  # "did nothing wrong": no purpose failed
        if trigger.pattern.denied:  # "has not done enough", "has not kept its promises"
            negated = not negated
    else:
        predicate = word.head if word.dep_ in ("attr", "acomp") else judging_verb(word)
        negated = predicate is not None and any(c.dep_ == "neg" for c in predicate.children)
        modality = modality_of(predicate) if predicate is not None else None
    reading = Reading(negated, modality, None, [], modality_cue=modality, negation_cue=negated)
    if not dismissal and is_denied_content(word):  # "Kenya denied that Uganda was meddling":
        return skipped(DENIED_JUDGEMENT, sources, targets, reading)  # no one judges
    if not sources or not (targets or dismissal):
        return skipped(NO_JUDGE if targets else NO_ONE_JUDGED, sources, targets, reading)
    pairs = tuple(pair_up(sources, targets, symmetric=False))
    if not dismissal and not any(t for _, t in pairs):
        return skipped(NO_ONE_JUDGED, sources, targets, reading)
    return Settlement(tuple(sources), tuple(targets), reading, pairs, None)


# The verb a judgement by amount is said with: "did little", "has done nothing".
DOING_VERB = "do"


def amount_done(verb: Token, amounts: Iterable[str]) -> Token | None:
    """The object saying how much a verb did for a purpose its infinitive names ("did
    little to end the crisis", "had done nothing to stop them"), if it has one."""
    amount = next(
        (c for c in verb.children if c.dep_ in OBJECT_DEPS and c.lower_ in amounts), None
    )
    if amount is None:
        return None
    clauses = [*verb.children, *amount.children]
    purpose = any(
        c.dep_ in ("xcomp", "advcl", "relcl", "acl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in clauses
    )
    return amount if purpose else None


DENIED_JUDGEMENT = "a judgement within what is denied"
# Verbs whose object or clause is denied, besides the denial verbs of `clauses.yaml`: "rejected
# claims that officials were corrupt".
REJECTING_VERBS = frozenset({"reject"})


def is_denied_content(word: Token) -> bool:
    """A judging word within what someone denies or rejects ("denied that Uganda was
    meddling", "rejected claims that officials were corrupt"): said by no one."""
    denials = load_clause_words().denial_verbs | REJECTING_VERBS
    token, clause = word, False
    for _ in range(6):
        head = token.head
        if head.i == token.i or token.dep_ not in FRAME_CHAIN | DENIED_PREDICATES:
            return False
        clause = clause or token.dep_ in DENIED_CLAUSES or token.pos_ in ("VERB", "AUX")
        if head.pos_ in ("VERB", "AUX") and lemma_of(head) in denials:
            # what is denied, not the denier's own words for it ("dismissed Uganda's lies")
            return clause and token.dep_ in ("ccomp", "xcomp", "dobj", "pcomp")
        token = head
    return False


# Dependencies a denial reaches down through to a judging word besides a frame's
# (FRAME_CHAIN: its clause, its object, a claim's clause): the predicate and the modifier.
DENIED_PREDICATES = frozenset({"attr", "amod"})
DENIED_CLAUSES = frozenset({"ccomp", "xcomp", "pcomp", "acl"})


def stance_objects(
    word: Token, preps: Iterable[str], by_head: dict[int, list[Mention]], doers: ActDoers | None
) -> list[Mention]:
    """Whom a stance word takes ("critical of Kenya", "critical of the detentions carried
    out by police"): the actor its preposition names, or whoever did the act it names."""
    found: list[Mention] = []
    for pobj in prep_objects(word, tuple(preps)):
        found.extend(actors_at(pobj, by_head) or doers_of_act(pobj, by_head, doers))
    return found


def without_repeated_judgements(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "Mugabe called them traitors and puppets": one criticism of them, not one per word;
    a judging word beside a verb of the same act for the same pair ("condemned the illegal
    raid") adds nothing either."""
    judging = {t.token.idx for t in triggers if t.pattern.evaluative}
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for event in sorted(events, key=lambda e: e.trigger.start in judging):  # verbs first
        key = (event.cameo_root, code_of(event.source), code_of(event.target))
        if event.trigger.start in judging and key in seen:
            continue
        seen.add(key)
        kept.append(event)
    return sorted(kept, key=lambda e: events.index(e))


COERCIVE_ROOTS = frozenset({"17", *VIOLENT_ROOTS})  # coercion and violence
HOSTILE_ROOTS = frozenset({"16", *COERCIVE_ROOTS})  # and reduced relations
POSTURE_ROOT = "15"  # a show of force


def postures_aimed_as_conjoined(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "Eritrea sent troops to the border and cut ties with Ethiopia": a show of force
    (CAMEO 15) that names no one, done by the same side in one breath with a hostile act
    against someone, is aimed at them."""
    tokens = {t.token.idx: t.token for t in triggers if not t.nominal}
    hostile = {
        (e.trigger.start, code_of(e.source)): e.target
        for e in events
        if e.cameo_root in HOSTILE_ROOTS and e.target is not None and e.modality is None
    }
    aimed = []
    for event in events:
        token = tokens.get(event.trigger.start)
        if event.cameo_root == POSTURE_ROOT and event.target is None and token is not None:
            whom = (hostile.get((c.idx, code_of(event.source))) for c in token.conjuncts)
            target = next((t for t in whom if t is not None), None)
            event = replace(event, target=target) if target is not None else event
        aimed.append(event)
    return aimed


def without_casualty_results(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "Jets bombed a rebel base, killing two fighters": the killing is what the bombing did,
    one act (CAMEO codes an act once), so a participle of casualty that follows an attack
    by the same doer adds no record; where the attack names no one ("detonated a truck bomb
    in Baghdad, killing dozens of civilians"), the casualties say whom it struck."""
    attacks = {e.trigger.start: i for i, e in enumerate(events) if e.cameo_root in VIOLENT_ROOTS}
    casualty_verbs = load_clause_words().casualty_verbs
    tokens = {t.token.idx: t.token for t in triggers if not t.nominal}
    kept = list(events)
    dropped: set[int] = set()  # the casualty records told by their attack
    for index, event in enumerate(events):
        token = tokens.get(event.trigger.start)
        # "killing nine policemen and wounding 20 people": each participle is what it did
        participle = first_conjunct(token) if token is not None else None
        at = attacks.get(participle.head.idx) if participle is not None else None
        if (
            token is None
            or participle is None
            or at is None
            or token.tag_ != "VBG"
            or participle.tag_ != "VBG"
            or participle.dep_ != "advcl"
            or token.lemma_.lower() not in casualty_verbs
            or code_of(events[at].source) != code_of(event.source)
        ):
            continue
        whom = kept[at].target  # as an earlier participle may have set it
        if whom is None or whom.actor.kind in PLACE_KINDS:
            if event.target is None or event.target.actor.kind in PLACE_KINDS:
                continue
            kept[at] = replace(events[at], target=event.target)  # the attack struck them
        elif not whom.actor.code:
            continue
        dropped.add(index)
    return [e for i, e in enumerate(kept) if i not in dropped]


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts `token` is one of ("killing ... and wounding")."""
    for _ in range(8):  # a list is short; the bound keeps a cyclic parse from looping
        if token.dep_ != "conj" or token.head.i == token.i:
            break
        token = token.head
    return token


# Prepositions that make a noun of violence the occasion of a verb's act: "killed five
# rebels in a clash", "was wounded during an ambush".
OCCASION_PREPOSITIONS = frozenset({"in", "during", "amid"})


def without_occasion_repeats(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "Troops killed five rebels in a clash": the clash is the fighting in which the killing
    was done, one act told once (by the verb, which names whom it struck); a noun of
    violence as the occasion of a violent verb, or as its passive's agent ("killed by an air
    strike"), adds no record, unless it names another doer
    ("police killed a man in an attack by gunmen" keeps the gunmen's attack) or a target of
    its own ("killed ten soldiers in a raid on a border post")."""
    nouns = {t.token.idx: t.token for t in triggers if t.nominal}
    verbs = {
        e.trigger.start: e
        for e in events
        if e.cameo_root in VIOLENT_ROOTS and e.trigger.start not in nouns
    }

    def told_by_its_verb(event: Event) -> bool:
        noun = nouns.get(event.trigger.start)
        if noun is None or event.cameo_root not in VIOLENT_ROOTS or noun.dep_ != "pobj":
            return False
        preposition = noun.head
        verb = verbs.get(preposition.head.idx)
        # "killed by a US air strike": the passive's agent is the act that killed them
        occasion = preposition.lower_ in OCCASION_PREPOSITIONS or preposition.dep_ == "agent"
        if not occasion or verb is None:
            return False
        doer, struck = code_of(event.source), event.target
        same_doer = not doer or doer == code_of(verb.source)
        # "in a raid on a border post": a target of its own keeps the noun's record
        own_target = struck is not None and struck.actor.kind not in PLACE_KINDS
        return same_doer and not (own_target and code_of(struck) != code_of(verb.target))

    return [e for e in events if not told_by_its_verb(e)]


def without_coded_attempts(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "attempted to assassinate the prime minister": where the attempt itself is coded
    (CAMEO 185, "attempt to assassinate"), the act attempted adds no record of its own."""
    tokens = {t.token.idx: t.token for t in triggers}
    return [
        e
        for e in events
        if not (
            e.modality == "attempted"
            and (token := tokens.get(e.trigger.start)) is not None
            and token.head.idx in tokens
        )
    ]


def without_bare_intents(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "Kenya promised to send food", "threatened to attack the capital": the act is coded
    as the promise or threat it is (0333, 1384), so the verb's own promise or threat (030,
    138) tells nothing more; it stands where its complement codes nothing ("promised to
    compensate them") or no one it names."""
    by_start = {t.token.idx: t for t in triggers}
    pledged = {
        (governor.idx, e.cameo[:2], code_of(e.source), code_of(e.target))
        for e in events
        if e.modality in (Speech.PROMISE.value, Speech.THREAT.value)
        and (trigger := by_start.get(e.trigger.start)) is not None
        for governor in complement_governors(trigger.token)
    }

    def is_bare_intent(event: Event) -> bool:
        # kept where it names whom the complement does not ("agreed with Greece to share");
        # a noun's place ("threats by X in the region to attack Y") names no one
        trigger = by_start.get(event.trigger.start)
        placed = (
            trigger is not None
            and trigger.nominal
            and event.target is not None
            and event.target.actor.kind in PLACE_KINDS
        )
        return (
            trigger is not None
            and event.modality is None
            and event.cameo[:2] in ("03", "13")
            and any(
                (event.trigger.start, event.cameo[:2], code_of(event.source))
                == (start, root, source)
                and (event.target is None or code_of(event.target) == target or placed)
                for start, root, source, target in pledged
            )
        )

    return [e for e in events if not is_bare_intent(e)]


def complement_governors(token: Token) -> list[Token]:
    """The verbs whose complement or object `token` is, up its clause ("promised to continue
    military aid": "continue", "promised")."""
    found = []
    for _ in range(4):
        # "threats by the militia to shell the port": the infinitive of a threat noun too
        noun_clause = token.dep_ == "acl" and lemma_of(token.head) in load_clause_words().threat_nouns
        if (token.dep_ not in ("xcomp", "ccomp", "dobj") and not noun_clause) or (
            token.head.i == token.i
        ):
            break
        token = token.head
        found.append(token)
    return found


def without_complement_repeats(
    events: list[Event], triggers: Sequence[Trigger]
) -> list[Event]:
    """ "The two leaders agreed to hold talks in May": the agreement is coded as the intent
    to meet (036), so the talks promised in its complement, the same code for the same pair,
    are that one act told again, not a second record; so is a visit a trip coded as a visit
    was made "for" or "on", a consultation a call or a meeting was made for, and an act
    named as the subject of a passive verb that codes the same kind of act."""
    tokens = {t.token.idx: t.token for t in triggers}
    coded = {(e.trigger.start, e.cameo, code_of(e.source), code_of(e.target)) for e in events}
    done_by = {(e.trigger.start, e.cameo, code_of(e.source)) for e in events}
    kinds_done = {(e.trigger.start, e.cameo_root, code_of(e.source)) for e in events}

    def told_again(event: Event) -> bool:
        token = tokens.get(event.trigger.start)
        if token is None:
            return False
        # "telephoned Bush to discuss Iraq": the call is the consultation; "the treaty was
        # signed by Putin and Jiang": the signing is the treaty's
        if (token.dep_ in ("xcomp", "advcl") and is_contact_aim(token)) or (
            token.dep_ in PASSIVE_SUBJECT_DEPS and trigger_is_nominal(token)
        ):
            return (token.head.idx, event.cameo_root, code_of(event.source)) in kinds_done
        if token.dep_ in ("xcomp", "ccomp"):
            told = (token.head.idx, event.cameo, code_of(event.source), code_of(event.target))
            return told in coded
        # "arrived in Brasilia for a visit": the arrival, coded a visit, is the visit
        trip = token.head.head
        return (
            token.dep_ == "pobj"
            and token.head.lower_ in ("for", "on")
            and (trip.idx, event.cameo, code_of(event.source)) in done_by
        )

    return [e for e in events if not told_again(e)]


def without_objects_read(events: list[Event], triggers: Sequence[Trigger]) -> list[Event]:
    """ "agreed to a ceasefire with Hamas": the verb's intent pattern read the noun as its
    object and codes the promise (0356), so the noun's own record (0871) is that act told
    again; whom the noun's phrase names ("with Hamas") is whom the verb's act is with, where
    it names no one."""
    nouns = {t.token.idx: t.token for t in triggers if t.nominal}
    read = {  # an intent's noun is the act promised ("charged with murder" names a crime done)
        t.token.idx: t.pattern.object | t.pattern.complement
        for t in triggers
        if not t.nominal and t.pattern.cameo[:2] == INTENT_ROOT
    }
    at = {e.trigger.start: i for i, e in enumerate(events) if e.trigger.start not in nouns}
    kept, dropped = list(events), set()
    for index, event in enumerate(events):
        noun = nouns.get(event.trigger.start)
        verb = object_read_by(noun) if noun is not None else None
        if noun is None or verb is None or lemma_of(noun) not in read.get(verb.idx, frozenset()):
            continue
        told = at.get(verb.idx)
        doer = code_of(event.source)
        if told is None or (doer and doer != code_of(events[told].source)):
            continue
        if kept[told].target is None and event.target is not None:
            kept[told] = replace(kept[told], target=event.target)
        dropped.add(index)
    return [e for i, e in enumerate(kept) if i not in dropped]


INTENT_ROOT = "03"  # CAMEO's "express intent to cooperate": agreements to act, pledges


def object_read_by(noun: Token) -> Token | None:
    """The verb a noun is the prepositional object of ("agreed to a truce"), or the verb it
    hangs on when the parser reads "to talks" as an infinitive ("agreed to talks")."""
    if noun.dep_ == "pobj":
        return noun.head.head
    return noun.head if noun.dep_ == "xcomp" else None


def code_of(mention: Mention | None) -> str:
    return mention.actor.code if mention is not None else ""


# What a conditional or counterfactual clause supposes is told of no one as done.
SUPPOSED_MODALITIES = frozenset({"conditional", "counterfactual"})
NO_JUDGE = "a judging word with no one saying it"
OWN_BLAME = "blame the speaker takes on, not laid on anyone"
NO_ONE_JUDGED = "a judging word that describes no actor"
COPULAS = frozenset({"be", "seem", "remain", "become", "look", "appear", "sound"})
IMPERSONAL_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what"})


def judged_actors(
    word: Token, by_head: dict[int, list[Mention]], doers: ActDoers | None = None
) -> list[Mention]:
    """Whom a judging word describes: its possessor ("Uribe's lies"), the noun it modifies
    ("the tyrant government of the United States"), the subject it is said of ("the
    election was illegal", "they are puppets"), or the object of a verb that gives it
    ("described the opposition as traitors", "called the militia an accelerant", passive:
    "the election was viewed as illegal")."""
    if word.pos_ in ("VERB", "AUX"):  # "the Chilean president is meddling": its doer
        if word.tag_ == "VBN":  # passive: its "by" phrase ("the vote was rigged by the army")
            by = preps_of(word, ("by",))
            agents = [m for p in by for c in p.children for m in actors_at(c, by_head)]
            if agents:
                return agents
        subject = subject_of(word) or purposed_act(word)
        if subject is None or subject.lower_ in IMPERSONAL_PRONOUNS:
            return []
        found = actors_at(subject, by_head)
        if not found and subject.pos_ == "NOUN":
            # the misconduct is the purpose of an act or attempt: its doer's ("an attempt
            # by the government to silence critics", "the closure by X was aimed at silencing")
            found = doers_of_act(subject, by_head, doers)
        if not found and subject.dep_ == "attr" and lemma_of(subject.head) in COPULAS:
            act = subject_of(subject.head)  # "the closure by X was a move meant to silence"
            found = doers_of_act(act, by_head, doers) if act is not None else []
        return found
    owners = [m for c in word.children if c.dep_ == "poss" for m in actors_at(c, by_head)]
    if owners:
        return owners
    described = described_by(word)
    if described is None or described.lower_ in IMPERSONAL_PRONOUNS:
        return []  # "it's a hostile environment": no one is judged
    # "described Tsvangirai and the opposition as traitors": each conjunct; not an actor deep
    # in the phrase ("the cruel treatment of a detainee" does not judge the detainee)
    judged = [m for t in (described, *described.conjuncts) for m in actors_at(t, by_head)]
    if judged or described.pos_ != "NOUN":
        return judged
    return doers_of_act(described, by_head, doers)  # "the raid by X was illegal": X's


# Passive verbs whose complement is the purpose their subject serves: "the ban was aimed at
# silencing reporters", "a raid designed to intimidate".
PURPOSE_PASSIVES = frozenset({"aim", "design", "intend", "mean", "calculate"})


def purposed_act(verb: Token) -> Token | None:
    """The act whose purpose a verb names: "the closure was aimed at silencing journalists"
    (the closure), "a ban designed to silence them" (the ban)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "at" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ != "xcomp":
        return None
    if head.i == verb.i or lemma_of(head) not in PURPOSE_PASSIVES:
        return None
    if head.dep_ == "acl" and head.head.pos_ == "NOUN":  # "a move designed to silence them"
        return head.head
    return next((c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)


def claim_owners(word: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Who made the claim a word judges: "Uribe's claims were baseless"."""
    claim = described_by(word)
    return actors_of_phrase(claim, by_head) if claim is not None else []


def described_by(word: Token) -> Token | None:
    head = word.head
    if head.i == word.i:
        return None
    if word.dep_ == "conj":  # "a dangerous and brutal militia": as its first conjunct
        return described_by(head)
    if is_as_phrase(word):  # "described the opposition as traitors", "viewed as illegal"
        verb = head.head
        if verb.pos_ in ("NOUN", "PROPN"):  # "as" hung on the object by the parser
            return verb
        found = next((c for c in verb.children if c.dep_ in ("dobj", *PASSIVE_SUBJECT_DEPS)), None)
        # or the verb's prepositional object: "thought of Mubarak as a traitor", "refers
        # to the journalists as prisoners of conscience"
        return found or next(iter(prep_objects(verb, AS_PHRASE_OBJECT_PREPOSITIONS)), None)
    if word.dep_ in ("amod", "appos"):  # "a dangerous group": the group, or
        return described_by(head) or head  # whom "a dangerous group" is said of
    if word.dep_ in ("attr", "acomp") and lemma_of(head) in COPULAS:
        return subject_of(head)
    if word.dep_ in ("oprd", "xcomp") and head.pos_ in ("VERB", "AUX"):  # "called X puppets"
        swapped = misparsed_roles(head)
        if swapped is not None:
            return swapped[1]
        return next((c for c in head.children if c.dep_ in ("dobj", *PASSIVE_SUBJECT_DEPS)), None)
    return None


def misparsed_roles(verb: Token) -> tuple[Token, Token] | None:
    """(subject, object) of an active verb the parser gave two subjects, one before it and
    one after ("A US report called the militia a dangerous force", "militia" parsed as a
    second subject): with no passive auxiliary, the one before is the doer."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    if len(subjects) < 2 or not subjects[0].i < verb.i < subjects[-1].i:
        return None
    return subjects[0], subjects[-1]


# Prepositions of a verb's object that an "as" phrase describes: "think of X as",
# "refer to X as", "look upon X as".
AS_PHRASE_OBJECT_PREPOSITIONS = ("of", "to", "on", "upon")


def is_as_phrase(word: Token) -> bool:
    """ "as traitors", "as illegal" (the parser may hang the adjective on "as" as amod)."""
    return word.dep_ in ("pobj", "amod") and word.head.lower_ == "as" and word.head.dep_ == "prep"


def judging_verb(word: Token) -> Token | None:
    """The verb that gives a judgement ("called X puppets", "viewed as illegal"), if any."""
    if word.dep_ == "conj":
        return judging_verb(word.head)
    if is_as_phrase(word):
        verb = word.head.head
        return verb.head if verb.pos_ in ("NOUN", "PROPN") else verb
    if word.dep_ in ("oprd", "xcomp") and lemma_of(word.head) not in COPULAS:
        return word.head
    if word.dep_ == "amod" and word.head.dep_ in ("oprd", "xcomp", "pobj"):
        return judging_verb(word.head)
    return None


def judge_of(
    word: Token, by_head: dict[int, list[Mention]], *, described: Sequence[Mention]
) -> list[Mention]:
    """Who judges: the doer of the verb that gives the judgement ("Mugabe called them
    traitors", "viewed as illegal by the AU"), else whoever says the sentence ("the MDC said
    the vote was illegal", a quotation's speaker)."""
    verb = judging_verb(word)
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        agents = [
            m for p in preps_of(verb, ("by",)) for c in p.children for m in actors_at(c, by_head)
        ]
        swapped = misparsed_roles(verb)
        subject = swapped[0] if swapped is not None else subject_of(verb)
        doers = agents or (actors_at(subject, by_head) if subject is not None else [])
        doers = [m for m in doers if m not in described]
        if doers:
            return doers
    told = speaker_of(word, by_head, exclude=described, by_code=True)
    if any(m.actor.code for m in told):
        return told
    return attributed_teller(word, by_head, exclude=described) or told


def attributed_teller(
    word: Token, by_head: dict[int, list[Mention]], *, exclude: Sequence[Mention]
) -> list[Mention]:
    """Whom an "according to" phrase over a judgement names ("according to the opposition
    leader, the raid was a bid by the cabinet to muzzle critics"); not over a verb of saying,
    whose own subject tells ("according to a news agency, the party says the detentions
    were unlawful")."""
    reporting = load_clause_words().reporting_verbs
    codes = {m.actor.code for m in exclude}
    token = word
    for _ in range(8):
        if token.dep_ == "relcl":
            return []  # a clause describing a noun is background to what is attributed
        if token.pos_ in ("VERB", "AUX"):
            if lemma_of(token) in reporting:
                return []
            found = [
                m
                for c in token.children
                if c.lower_ == "according"
                for to in c.children
                if to.lower_ == "to"
                for pobj in to.children
                if pobj.dep_ == "pobj"
                for m in actors_at(pobj, by_head)
                if m.actor.code not in codes
            ]
            if found:
                return found
        if token.head.i == token.i:
            break
        token = token.head
    return []


def skipped(
    reason: str,
    sources: Sequence[Mention] = (),
    targets: Sequence[Mention] = (),
    reading: Reading | None = None,
) -> Settlement:
    reading = reading or Reading(negated=False, modality=None, speech=None, speakers=[])
    return Settlement(tuple(sources), tuple(targets), reading, (), reason)


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    pattern: Pattern
    nominal: bool


class EventCoder:
    """Pipeline stage: (doc, mentions) -> events, dated with the article's date for now."""

    def __init__(self, *, patterns: PatternSet, codebook: Codebook) -> None:
        self.patterns = patterns
        self.codebook = codebook
        # the keys a token's words are looked up by, to skip the tokens no pattern can fit
        self.trigger_words = frozenset(patterns.by_verb) | frozenset(patterns.by_noun)
        self.trigger_adjectives = frozenset(patterns.by_adjective)
        # keys less a last "y" or "e", which a de-inflection adds back ("carried", "staging")
        self.trigger_stems = frozenset(k[:-1] for k in self.trigger_words if k[-1:] in ("y", "e"))

    def __call__(self, doc: Doc, mentions: Sequence[Mention], *, doc_id: str) -> list[Event]:
        by_head = index_mentions(mentions)
        events: list[Event] = []
        doers = ActDoers()
        for sentence_index, sentence in iter_sentences(doc):
            coded = self.code_sentence(sentence, sentence_index, by_head, doc_id, doers=doers)
            doers.remember(coded, doc)
            doers.note_tellers(sentence, by_head)
            events.extend(coded)
        return events

    def code_sentence(
        self,
        sentence: SpacySpan,
        sentence_index: int,
        by_head: dict[int, list[Mention]],
        doc_id: str,
        *,
        doers: ActDoers | None = None,
    ) -> list[Event]:
        triggers = list(self.find_triggers(sentence, by_head))
        covered = {t.token.i for t in triggers if not t.nominal}
        events: list[Event] = []
        for trigger in triggers:
            settled = settle(trigger, by_head, covered=covered, doers=doers)
            if settled.skipped is not None:
                continue
            reading, pairs = settled.reading, settled.pairs
            made = self.make_events(trigger, reading, pairs, sentence, sentence_index, doc_id)
            if doers is not None:
                doers.note_harm(made)
            events.extend(made)
            if trigger.pattern.reverse:  # PETRARCH [042:043]: the target's side of the act
                mirror = replace(trigger, pattern=trigger.pattern.mirrored())
                back: list[tuple[Mention | None, Mention | None]] = [
                    (target, source) for source, target in pairs if target is not None
                ]
                events.extend(
                    self.make_events(mirror, reading, back, sentence, sentence_index, doc_id)
                )
        kept = without_casualty_results(without_repeated_judgements(events, triggers), triggers)
        kept = without_complement_repeats(without_coded_attempts(kept, triggers), triggers)
        kept = without_occasion_repeats(without_bare_intents(kept, triggers), triggers)
        kept = postures_aimed_as_conjoined(without_objects_read(kept, triggers), triggers)
        return bounded(kept, sentence)

    def find_triggers(
        self, sentence: SpacySpan, by_head: dict[int, list[Mention]]
    ) -> Iterable[Trigger]:
        doc = sentence.doc
        # a verb form's patterns, found once per doc: "said" and "is" come back in every sentence
        key = f"kittiwake.verb_patterns.{id(self.patterns)}"
        known = kept(doc, key, make=no_patterns, kind=dict)

        def known_verb_patterns(token: Token) -> tuple[Pattern, ...]:
            form = (token.lower_, token.lemma_)  # all that `verb_patterns` reads
            patterns = known.get(form)
            if patterns is None:
                patterns = known[form] = self.verb_patterns(token)
            return patterns

        for i in between(self.candidates(doc), sentence.start, sentence.end):
            token = doc[i]
            if (
                (token.pos_ in ("VERB", "AUX") and token.dep_ not in NOMINAL_DEPS)
                or (token.pos_ == "NOUN" and token.dep_ == "ROOT" and has_subject(token))
                or (token.pos_ == "ADJ" and token.dep_ in ("acomp", "ROOT") and token.tag_ == "VBN")
            ):
                patterns, nominal = known_verb_patterns(token), False
            elif token.pos_ in ("NOUN", "PROPN") or is_bare_gerund(token):
                patterns, nominal = self.noun_patterns(token), True
            elif is_participial_adjective(token):  # "was deeply concerned by": felt
                patterns = tuple(p for p in known_verb_patterns(token) if p.experiencer)
                nominal = False
            elif token.pos_ == "ADJ":  # "the vote was illegal": evaluative patterns only
                patterns, nominal = self.patterns.for_adjective(lemma_of(token)), True
            else:
                continue
            if patterns and not nominal:  # "groups opposed to Assad" only describes them
                patterns = reportable_patterns(token, patterns)
                if not patterns:
                    continue
            facts = TriggerFacts(token)  # read once, however many of its patterns are tried
            scored = [(fit_score(token, p, nominal=nominal, facts=facts), p) for p in patterns]
            fitting = [(score, p) for score, p in scored if score is not None]
            if not fitting and not nominal and token.pos_ == "VERB" and has_own_modal(token):
                fitting = [
                    (0, p) for p in self.patterns.wildcards if modality_of(token) in p.modality
                ]
            if fitting:
                best = max(fitting, key=fit_rank)[1]
                yield Trigger(token=token, pattern=best, nominal=nominal)

    def candidates(self, doc: Doc) -> list[int]:
        """`trigger_candidates` of `doc`, found once for all its sentences; kept under this
        coder's patterns, which decide them."""
        key = f"kittiwake.trigger_candidates.{id(self.patterns)}"
        words, stems, adjectives = self.trigger_words, self.trigger_stems, self.trigger_adjectives
        found = kept(
            doc,
            key,
            make=lambda d: trigger_candidates(d, words=words, stems=stems, adjectives=adjectives),
            kind=list,
        )
        return found

    def verb_patterns(self, token: Token) -> tuple[Pattern, ...]:
        """Patterns for the verb's lemma, or for a regular de-inflection of its form when the
        lemmatizer stumbles ("staged" -> "stag"); literal patterns for the form itself
        first (PETRARCH's "LEFT" is not its "LEAVE")."""
        literal = tuple(p for p in self.patterns.for_verb(token.lower_) if p.literal)
        if literal:
            return literal
        for key in verb_keys(token):
            found = self.patterns.for_verb(key)
            if found:
                return found
        return ()

    def noun_patterns(self, token: Token) -> tuple[Pattern, ...]:
        for key in (token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")):
            found = self.patterns.for_noun(key)
            if found:
                return found
        return ()

    def make_events(
        self,
        trigger: Trigger,
        reading: Reading,
        pairs: Sequence[tuple[Mention | None, Mention | None]],
        sentence: SpacySpan,
        sentence_index: int,
        doc_id: str,
    ) -> list[Event]:
        cameo = trigger.pattern.cameo
        if reading.speech is not None:
            cameo = speech_code(cameo, reading.speech)
        code = self.codebook[cameo]
        token = trigger.token
        text, start = trimmed(sentence)
        trigger_span = Span(token.idx, token.idx + len(token.text), token.text)
        mention_id = stable_id(doc_id, str(sentence_index), str(token.idx), trigger.pattern.id)
        plover_type, plover_mode = plover_of(trigger.pattern, code, speech=reading.speech)
        rule = f"pattern:{trigger.pattern.id}"
        if reading.speech is not None:
            rule += f"+{reading.speech.value}"
        events: list[Event] = []
        coded_pairs: set[tuple[str, str]] = set()
        mutual = is_mutual(trigger.pattern, code)
        mutual_others = mutual and any(s and t and s.actor.code != t.actor.code for s, t in pairs)
        for pair in pairs:
            if len(events) == MAX_PAIRS:
                break
            # "Lula and Alencar (both BRAGOV) met Rumsfeld": one record per pair of actors
            codes = (pair[0].actor.code if pair[0] else "", pair[1].actor.code if pair[1] else "")
            if codes in coded_pairs or (mutual_others and codes[0] == codes[1]):
                continue  # beside a meeting with another side, one side with itself is noise
            coded_pairs.add(codes)
            if mutual:  # "talks between Iran and France": one record
                coded_pairs.add((codes[1], codes[0]))
            source, target = (placed(m, doc_id, sentence_index) for m in pair)
            ends = [f"{m.start}-{m.end}-{m.actor.code}" if m else "-" for m in (source, target)]
            events.append(
                Event(
                    event_id=stable_id(mention_id, *ends),
                    mention_id=mention_id,
                    doc_id=doc_id,
                    sentence=sentence_index,
                    text=text,
                    source=source,
                    target=target,
                    trigger=trigger_span,
                    cameo=code.code,
                    cameo_root=code.root,
                    goldstein=code.goldstein,
                    quad_class=code.quad_class,
                    plover_type=plover_type,
                    plover_mode=plover_mode,
                    plover_context=code.plover_context,
                    negated=reading.negated,
                    modality=reading.modality,
                    rule=rule,
                    sentence_start=start,
                )
            )
        return events


# Acts done with each other, coded once per pair whichever way round (CAMEO's convention);
# fighting "between A and B" stays coded both ways.
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def is_mutual(pattern: Pattern, code: CameoCode) -> bool:
    """Meetings, agreements, cooperation: a symmetric cooperative act ("signed a deal")."""
    return code.plover_type in MUTUAL_TYPES or (pattern.symmetric and is_cooperative(code.code))


# Acts that, told with no actor, are done by the people of the place they happen in:
# "protests in Suez and Alexandria" (CAMEO 14, dissent).
PEOPLES_ACTS = frozenset({"14"})
LOCAL_PREPOSITIONS = ("in", "at", "across", "throughout", "around")


def local_people(trigger: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """The people (CVL) of the places in the act's own phrase ("protests in Suez") or in
    the clause it is the subject of ("protests broke out in Cairo")."""
    people = []
    holders = [trigger]
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i != trigger.i:
        holders.append(trigger.head)
    preps = [p for holder in holders for p in preps_of(holder, LOCAL_PREPOSITIONS)]
    for prep in preps:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for place in (
                *by_head.get(pobj.i, []),
                *(m for c in pobj.conjuncts for m in by_head.get(c.i, [])),
            ):
                if place.actor.kind in PLACE_KINDS and place.actor.country:
                    actor = replace(
                        place.actor,
                        code=place.actor.country + "CVL",
                        sector="CVL",
                        kind="sector",
                        reason=f"the people of {place.text!r}, where it happened",
                    )
                    people.append(replace(place, actor=actor))
    return dedupe(people)


# Acts that judge another act, whose target is whoever did it: "the EU condemned the
# arrests" targets the police who made them (praise 05, disapproval 11, rejection 12).
JUDGING_ROOTS = frozenset({"05", "11", "12"})
JUDGED_PREPOSITIONS = ("over", "about", "for", "as")


# CAMEO's "make a visit" and "host a visit".
VISIT_CODES = frozenset({"042", "043"})


def is_home(place: Mention, visitors: Sequence[Mention]) -> bool:
    """A place, or a country, in the visitors' own country: going there visits no one
    ("the Colombian senator arrived in Colombia", "the minister flew to Mombasa")."""
    if place.actor.kind not in (*PLACE_KINDS, "country") or not place.actor.country:
        return False
    countries = {v.actor.country for v in visitors if v.actor.country}
    return countries == {place.actor.country}


# CAMEO's "deny responsibility": a denial, whose target is whoever made the denied claim.
DENIAL_CODE = "016"
ACCUSATION_ROOT = "11"


# What a later sentence calls words told "according to" someone: "denied the report".
TOLD_NOUNS = ("report", "claim", "allegation", "account")


class ActDoers:
    """Who did each act the story has told so far, by the lemma of its trigger: what "the
    arrests" or "the attack" refers back to; and who last accused someone: whom "the
    claims" refers back to. Built sentence by sentence within one document."""

    def __init__(self) -> None:
        self.by_lemma: dict[str, Mention] = {}
        self.accuser: Mention | None = None
        self.last_acts: dict[str, Event] = {}  # by `act_family`
        self.last_harm: Event | None = None  # the last act of material conflict
        self.last_violence: Event | None = None  # the last violent act told as one occasion
        self.teller: Mention | None = None  # the last "according to" source of a told act

    def remember(self, events: Sequence[Event], doc: Doc) -> None:
        for event in events:
            if event.modality is None and not event.negated and (event.source or event.target):
                self.last_acts[act_family(event.cameo_root)] = event
                self.last_acts[event.cameo[:3]] = event  # by its own kind as well
            self.note_harm([event])
            if event.source is not None and event.source.actor.code and event.modality is None:
                token = doc.char_span(event.trigger.start, event.trigger.end)
                if token is not None and is_occasion_of_violence(event, token.root):
                    self.last_violence = event
                if token is not None:
                    self.by_lemma[token.root.lemma_.lower()] = event.source
                    # "imposed sanctions on Belarus ... welcomed the sanctions"
                    for act in (c for c in token.root.children if c.dep_ == "dobj"):
                        self.by_lemma[act.lemma_.lower()] = event.source
                if event.cameo_root == ACCUSATION_ROOT:
                    self.accuser = event.source

    def note_harm(self, events: Sequence[Event]) -> None:
        """Keep the last act of material conflict done by someone: also called as a sentence
        is coded, so "three farmers died in army shelling [...] We deplore this brutal
        deed", one sentence to the parser, deplores the shelling told just before."""
        for event in events:
            done = event.modality is None and not event.negated and event.source is not None
            if done and event.quad_class == MATERIAL_CONFLICT:
                self.last_harm = event

    def note_tellers(self, sentence: SpacySpan, by_head: dict[int, list[Mention]]) -> None:
        """ "According to Malian officials, Algerian soldiers crossed the border. Algiers
        denied the report": what a sentence tells on someone's word, named again as a report
        or a claim, is that teller's."""
        reporting = load_clause_words().reporting_verbs
        tellers = [
            m
            for token in sentence
            # "According to AFP, the navy says ...": the navy's claim, AFP only passes it on
            if token.pos_ in ("VERB", "AUX") and lemma_of(token) not in reporting
            for m in source_named_by_according(token, by_head)
            if m.actor.code
        ]
        if tellers:
            self.teller = tellers[0]

    def last_claimant(self, claim: str) -> Mention | None:
        """Whose words "the claims" or "the report" names again: the later of the last
        accuser and, for a report or a claim, the last "according to" teller."""
        teller = self.teller if claim in TOLD_NOUNS else None
        found = [m for m in (self.accuser, teller) if m is not None]
        return max(found, key=lambda m: m.sentence) if found else None

    def of(self, lemma: str) -> Mention | None:
        return self.by_lemma.get(lemma)

    def last_violent_doer(self) -> Mention | None:
        """Who did the violent act the story told last as done on one occasion, if the story
        named the doer ("shot dead two gunmen", not "has been fighting the Taliban")."""
        return self.last_violence.source if self.last_violence is not None else None

    def last_of_kind(self, noun: Token) -> Mention | None:
        """Who did the last act of the kind a definite noun of violence names ("the
        bombing", "the abduction"), if the story told one of that kind."""
        kind = load_words(EventWords).violence_kinds.get(lemma_of(noun))
        if kind is None or not is_definite(noun):
            return None
        act = self.last_acts.get(kind)
        return act.source if act is not None else None

    def last_act(self, cameo: str) -> Event | None:
        """The act of `cameo`'s kind the story told last, done and not denied: of its own
        code where the code names a kind ("the abduction" is the last abduction, though an
        ambush was told after it), else of its family ("the attack")."""
        specific = None if cameo[2:3] in ("", "0") else self.last_acts.get(cameo[:3])
        return specific or self.last_acts.get(act_family(cameo[:2]))


def told_again(mention: Mention, act: Event) -> Mention:
    reason = f"{mention.actor.reason}; of the act told before ({act.trigger.text!r})"
    return replace(mention, actor=replace(mention.actor, reason=reason))


def is_act_named_again(noun: Token) -> bool:
    """ "this atrocious action", "the crime", "such acts": a word for any act, pointing back
    to one the story told."""
    return lemma_of(noun) in load_words(EventWords).act_nouns and (
        is_definite(noun)
        or any(c.lower_ == "such" for c in noun.children)
        or says_what_this_is(noun)
    )


POINTING_PRONOUNS = frozenset({"this", "that"})


def says_what_this_is(noun: Token) -> bool:
    """ "This is an act of aggression", "we see this as an act meant to silence us": a noun
    said of "this" or "that" names the act the pronoun points back to."""
    if noun.dep_ == "attr" and lemma_of(noun.head) in COPULAS:
        subject = subject_of(noun.head)
        return subject is not None and subject.lower_ in POINTING_PRONOUNS
    if is_as_phrase(noun):
        verb = noun.head.head
        return any(c.dep_ == "dobj" and c.lower_ in POINTING_PRONOUNS for c in verb.children)
    return False


def is_occasion_of_violence(event: Event, trigger: Token) -> bool:
    """A violent act told as done on one occasion: a simple past ("shot dead", "were
    killed") or a noun, not a perfect or progressive state ("has been fighting")."""
    if event.negated or event.cameo_root not in VIOLENT_ROOTS:
        return False
    if trigger.pos_ == "NOUN":
        return True
    past_passive = trigger.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in trigger.children
    )
    return trigger.tag_ == "VBD" or past_passive


def is_violence_named_again(noun: Token) -> bool:
    """ "Troops shot dead two gunmen ... The Authority condemned the killing": a definite
    noun of violence points back to the violent act the story told last, whatever verb
    told it ("shot dead" is named again as "the killing", "opened fire" as "the attack")."""
    words = load_words(EventWords).violence_nouns | load_clause_words().casualty_causes
    return lemma_of(noun) in words and is_definite(noun)


VIOLENCE_FAMILY = "violence"


def act_family(root: str) -> str:
    """Kidnappings, assaults and fighting are one kind of act ("this attack" may name an
    abduction told before); any other CAMEO root is its own."""
    return VIOLENCE_FAMILY if root in VIOLENT_ROOTS else root


def act_told_before(trigger: Trigger, doers: ActDoers) -> Event | None:
    """ "Gunmen kidnapped two nurses on Tuesday ... The abduction took place near a
    market": an act named again by a definite noun as what happened, with no one named
    beside it, is the act the story told last of its kind, done by and to the same. (An
    act merely mentioned again, "since the attack", adds no record of its own.)"""
    token = trigger.token
    if not trigger.nominal or not is_definite(token) or token.dep_ != "nsubj":
        return None
    if lemma_of(token.head) not in load_words(EventWords).occurrence_verbs:
        return None
    return doers.last_act(trigger.pattern.cameo)


def told_attacker(verb: Token, doers: ActDoers) -> Mention | None:
    """ "The attack killed 100 civilians", "the raid destroyed ...": an attack the story told
    before, named again as the subject, is that attack's doer's act."""
    if trigger_is_nominal(verb):
        return None
    subject = subject_of(verb)
    if (
        subject is None
        or subject.pos_ != "NOUN"
        or subject.lemma_.lower() not in load_clause_words().casualty_causes
        or not is_definite(subject)
    ):
        return None
    return doers.of(subject.lemma_.lower())


def trigger_is_nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def agents_of(noun: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Who did the act a noun names, by "by": "shelling by Israeli forces", "the arrests
    made by police", "raids carried out by the army"; or who answers for it."""
    found = [m for p in preps_of(noun, ("by",)) for c in p.children for m in actors_at(c, by_head)]
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for prep in preps_of(participle, ("by",)):
            found.extend(m for c in prep.children for m in actors_at(c, by_head))
    return found or answerable_for(noun, by_head)


def attackers_of(noun: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """The doer of an attack named as a noun ("shelling by government forces", "the rebels'
    attack", "NATO airstrikes"), when the noun is the subject of what it did."""
    if noun.lemma_.lower() not in load_clause_words().casualty_causes:
        return []
    owners = [
        m
        for c in noun.children
        # "NATO airstrikes struck" is at times parsed with NATO as the subject of "airstrikes"
        if c.dep_ in ("poss", "compound", "nmod", "nsubj")
        for m in actors_at(c, by_head)
    ]
    return agents_of(noun, by_head) or owners


# What an act puts someone under or into: "placed under EU sanctions", "taken into custody".
STATE_PREPOSITIONS = ("under", "into")


def is_state_put_under(noun: Token, covered: set[int]) -> bool:
    """The state a coded verb puts someone in ("was placed under sanctions", "put under
    arrest"): the verb's record tells the act, and the noun's owner is its doer."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lower_ in STATE_PREPOSITIONS
        and preposition.head.i in covered
    )


def is_reason_without_target(noun: Token, covered: set[int], pattern: Pattern) -> bool:
    """The reason a coded verb gives ("thanked Russia *for* its support", "praised Oman for its
    help"), naming no one it was done to: the verb's record tells the act between the two.
    One that names its own target ("criticised Iran for its support for Hezbollah") is an
    act of its own."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lower_ == "for"
        and preposition.head.i in covered
        and lemma_of(preposition.head) in load_words(EventWords).judging_verbs
        and not any(c.dep_ == "prep" and c.lower_ in pattern.target_preps for c in noun.children)
    )


GENERIC_FORCE = "190"  # CAMEO's "use conventional military force", not otherwise specified


def is_handled_thing(subject: Token, pattern: Pattern) -> bool:
    """A passive subject that is the thing an act handles, not whom it is done to: forces
    sent ("troops were deployed") or an institution closed ("the embassy was closed")."""
    theme = theme_words(pattern)
    if theme and phrase_score([subject], theme):
        return True
    return pattern.topic_object and lemma_of(subject) in pattern.object


def is_casualty_setting(noun: Token, covered: set[int]) -> bool:
    """The attack a coded casualty verb in the passive says people suffered ("were killed in
    air strikes", "wounded during the raid"): the verb's record tells it, doer and all, unless
    the noun says more ("a suicide bombing", 1831, keeps its own)."""
    verb = noun.head.head
    return (
        verb.i in covered
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
        and any(a.i == noun.i for a in attacks_suffered_in(verb))
    )


def attacks_suffered_in(verb: Token) -> list[Token]:
    """The attacks a casualty verb says people suffered in: "killed in air strikes",
    "wounded during the raid" (not "charged in the shooting": no casualty verb)."""
    words = load_clause_words()
    if lemma_of(verb) not in words.casualty_verbs:
        return []
    return [p for p in prep_objects(verb, ("in", "during")) if lemma_of(p) in words.casualty_causes]


def implied_doers(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Who did a passive act with no "by": whoever made the attack it happened in ("were
    killed in Ugandan air strikes"), or the owner of the state it put someone under ("was
    placed under EU sanctions")."""
    states = prep_objects(verb, STATE_PREPOSITIONS)
    return attackers_in(verb, by_head) or [m for p in states for m in actors_at(p, by_head)]


def attackers_in(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Who did the attack a passive act happened in: "civilians were killed in Ugandan air
    strikes", "wounded during a rebel raid"."""
    for attack in attacks_suffered_in(verb):
        found = attackers_of(attack, by_head) or actors_at(attack, by_head)
        if found:
            return found
    return []


def claimants(
    trigger: Trigger, by_head: dict[int, list[Mention]], doers: ActDoers | None
) -> list[Mention]:
    """Whom a denial answers: the maker of the claim it denies ("dismissed Uribe's claims",
    "denied the charges by the BBC", "a charge that Correa denied" after "Uribe charged
    ..."), or, for "the claims" or "these reports" with no maker named, the story's last
    accuser. A denial of a clause ("denied that the UK was complicit", "denied meeting
    Saleh") or of responsibility answers no one named."""
    verb, words = trigger.token, load_clause_words()
    claims = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "relcl":  # "an accusation the government denies"
        claims.append(verb.head)
    for claim in claims:
        if lemma_of(claim) not in words.claim_nouns:
            continue
        found = [
            m
            for c in claim.children
            if c.dep_ in ("poss", "compound", "amod")
            for m in by_head.get(c.i, [])
            if m.actor.kind not in PLACE_KINDS
        ]
        for prep in preps_of(claim, ("by", "from")):
            found.extend(m for c in prep.children for m in actors_at(c, by_head))
        if not found and verb.dep_ == "relcl":
            found = claimed_before(claim, by_head)
        if not found:  # "X accuses Y of ..., a charge Z denies": the clause's subject
            found = apposed_claimants(verb, words=words, by_head=by_head)
        if found:
            return found
        if doers is None:
            continue
        earlier = doers.of(lemma_of(claim)) or (
            doers.last_claimant(lemma_of(claim)) if is_definite(claim) else None
        )
        if earlier is not None:
            return [earlier]
    return []


RECALL_CODE = "161"
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def posted_to(
    verb: Token, targets: list[Mention], sources: list[Mention], by_head: dict[int, list[Mention]]
) -> list[Mention]:
    """ "Russia recalled its envoy to NATO", "South Korea recalled its ambassador to Tokyo": an
    envoy of the source's own ("its") is what is recalled; the act is done to where the envoy
    served, named by "to", "in" or "from", or to no one."""
    countries = {m.actor.country for m in sources if m.actor.country}
    own = [
        t
        for t in targets
        if t.actor.country in countries
        and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in verb.doc[t.head].children)
    ]
    if not own:
        return targets
    posts = [
        m
        for envoy in (verb.doc[t.head] for t in own)
        for p in (*preps_of(envoy, ("to", "in", "from")), *preps_of(verb, ("from",)))
        for c in p.children
        if c.dep_ == "pobj"
        for m in actors_at(c, by_head)
    ]
    return [*(t for t in targets if t not in own), *posts]


def addressees_of_conjoined(
    verb: Token, by_head: dict[int, list[Mention]], pattern: Pattern
) -> list[Mention]:
    """ "summoned the Japanese ambassador and lodged a strong protest": a complaint, appeal or
    demand made with no one named, by a verb conjoined to one whose object is a person or a
    state, is made to that object: one subject, one addressee."""
    if verb.dep_ != "conj" or pattern.cameo[:2] not in ADDRESSED_ROOTS:
        return []
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    found = [
        m
        for c in head.children
        if c.dep_ == "dobj"
        for m in actors_at(c, by_head)
        if m.actor.kind not in PLACE_KINDS and m.actor.code
    ]
    return found


# Acts made to someone, by word: appeals, demands, complaints (CAMEO 02, 10, 11).
ADDRESSED_ROOTS = frozenset({"02", "10", "11"})


def makers_of_answered(verb: Token, doers: ActDoers) -> list[Mention]:
    """Who made the invitation, offer or proposal a verb answers by a definite noun ("accepted
    the invitation", "rejected the offer"), naming no maker: the doer of the act the story
    told last by the noun's verb (events.yaml answered_nouns) or by the noun itself."""
    verbs = load_words(EventWords).answered_nouns
    for noun in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        lemma = lemma_of(noun)
        if lemma not in verbs or not is_definite(noun):
            continue
        if any(c.dep_ == "poss" for c in noun.children) or preps_of(noun, ("by", "from", "of")):
            continue  # "rejected India's offer": the maker is named
        makers = [doers.of(told) for told in (*verbs[lemma], lemma)]
        maker = next((m for m in makers if m is not None), None)
        if maker is not None:
            return [maker]
    return []


def claimed_before(claim: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "Uribe charged Correa's government with ..., a charge that Correa denied": the
    subject of the verb, earlier in the sentence, that made the claim the noun names again
    (the verb shares the noun's stem: charge/charged, accusation/accused)."""
    if claim.dep_ in ("npadvmod", "appos") and claim.head.pos_ == "VERB":
        # "Moscow accused Georgia of ..., an allegation Tbilisi rejected": the noun hangs
        # on the verb that made the claim
        subject = subject_of(claim.head)
        if subject is not None:
            return [m for m in actors_at(subject, by_head) if m.actor.code]
    stem = lemma_of(claim)[:CLAIM_STEM]
    for verb in claim.sent:
        if verb.i >= claim.i:
            break
        if verb.pos_ == "VERB" and lemma_of(verb).startswith(stem):
            subject = subject_of(verb)
            if subject is not None:
                return [m for m in actors_at(subject, by_head) if m.actor.code]
    return []


def apposed_claimants(
    verb: Token, *, words: ClauseWords, by_head: dict[int, list[Mention]]
) -> list[Mention]:
    """Who made the claim a denial answers when the claim is the clause told before it."""
    for clause in verb.children:
        if is_apposed_claim(clause, words):
            subject = subject_of(clause)
            if subject is not None:
                return [m for m in actors_at(subject, by_head) if m.actor.code]
    return []


CLAIM_STEM = 5  # letters a claim noun shares with its verb: "accus", "alleg", "charg"


# Comments (CAMEO 01): a pessimistic or optimistic comment is about whom its clause names.
COMMENT_ROOT = "01"


def topic_clause_doers(
    verb: Token, preps: Sequence[str], by_head: dict[int, list[Mention]]
) -> list[Mention]:
    """The subject of a clause a comment is about ("has concerns about whether the Afghan
    government can follow up"), after a preposition of the verb or of its object."""
    heads = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    return [
        m
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for clause in prep.children
        if clause.dep_ == "pcomp" and is_finite(clause)
        for m in clause_subjects(clause, by_head)
    ]


def judged_doers(
    trigger: Trigger, by_head: dict[int, list[Mention]], doers: ActDoers | None
) -> list[Mention]:
    """The doer of the act a judgement is about: "condemned Israel's attack", "criticized
    the arrests by police", "denounced the Israeli raid", or, with no doer in the phrase,
    whoever the story said did that act before ("police arrested ... the arrests")."""
    verb = trigger.token
    acts = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    acts += [g for p in preps_of(verb, JUDGED_PREPOSITIONS) for g in p.children if g.dep_ == "pobj"]
    for act in acts:
        found = doers_of_act(act, by_head, doers)
        if found:
            return found
    if acts and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        # an active verb has no "by" agent of its own: the parser hung the judged act's there
        # ("criticized the arrests by police as politically motivated")
        return [m for a in prep_objects(verb, ("by",)) for m in actors_at(a, by_head)]
    return []


def doers_of_act(
    act: Token, by_head: dict[int, list[Mention]], doers: ActDoers | None
) -> list[Mention]:
    """Who did the act a noun names: its owner ("Israel's attack", "the Israeli raid"), its
    "by" phrase, or whoever the story said did it before ("police arrested ... the arrests",
    "... killed in strikes. I condemn this act")."""
    undergo = load_words(EventWords).patient_nouns
    found = [
        m
        for c in act.children
        if c.dep_ in ("poss", "amod", "compound")
        and not (c.dep_ == "poss" and act.lemma_.lower() in undergo)  # "X's arrest"
        for m in by_head.get(c.i, [])
        if m.actor.kind not in PLACE_KINDS
    ]
    found.extend(agents_of(act, by_head))
    if not found and doers is not None and act.pos_ == "NOUN":
        earlier = doers.of(act.lemma_.lower()) or doers.last_of_kind(act)
        if earlier is None and is_act_named_again(act) and doers.last_harm is not None:
            earlier = doers.last_harm.source
        if earlier is None and is_violence_named_again(act):
            earlier = doers.last_violent_doer()
        found = [earlier] if earlier is not None else []
    return found


def answerable_for(act: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "Hamas took responsibility for an ambush of a patrol": whoever claims (or is
    given) responsibility for an act did it."""
    preposition = act.head
    if act.dep_ != "pobj" or preposition.lower_ != "for":
        return []
    noun = preposition.head
    words = load_clause_words()
    if lemma_of(noun) not in words.answerability_nouns or noun.dep_ != "dobj":
        return []
    if lemma_of(noun.head) in words.denial_verbs | REJECTING_VERBS:
        return []  # "denied responsibility for the attack": not the denier's attack
    subject = subject_of(noun.head)
    return actors_at(subject, by_head) if subject is not None else []


def plover_of(
    pattern: Pattern, code: CameoCode, *, speech: Speech | None
) -> tuple[str | None, str | None]:
    """PLOVER type and mode: the pattern's own for the act as done ("resigned" is RETREAT/
    resign), the code's for speech about it ("promised to resign" is AGREE)."""
    if speech is not None:
        return code.plover_type, code.plover_mode
    if pattern.plover_type:
        return pattern.plover_type, pattern.mode
    return code.plover_type, pattern.mode or code.plover_mode


def is_participial_adjective(token: Token) -> bool:
    """ "concerned", "outraged" tagged as adjectives: a feeling told of the subject."""
    return (
        token.pos_ == "ADJ"
        and token.tag_ == "JJ"
        and token.dep_ in ("acomp", "ROOT")
        and token.lower_.endswith("ed")
    )


def is_adjectival_participle(token: Token) -> bool:
    """ "groups opposed to Assad" describes; "strikes killed 13 people" (with an object) or
    "groups armed by Iran" (with an agent) report."""
    return (
        token.dep_ in ("acl", "amod")
        and token.tag_ == "VBN"
        and not any(c.dep_ in ("agent", "dobj") for c in token.children)
    )


def reportable_patterns(token: Token, patterns: tuple[Pattern, ...]) -> tuple[Pattern, ...]:
    """The patterns a verb may report: all, but none of a participle that describes its noun
    ("groups opposed to Assad"), unless the text dates it as an act done to the noun ("a
    reporter kidnapped on Monday"; not "a report released on Monday", nor "a rights group
    charged on Monday", a reporting clause the parser read as a participle)."""
    if not is_adjectival_participle(token):
        return patterns
    if (
        not is_dated(token)
        or token.head.lemma_.lower() in load_words(EventWords).document_nouns
        or is_trailing_report(token)
    ):
        return ()
    return tuple(p for p in patterns if p.cameo[:2] in DOERLESS_ROOTS or p.cameo in DOERLESS_CODES)


def is_trailing_report(participle: Token) -> bool:
    """ "..., a rights group charged on Saturday.": a reporting clause after what it reports,
    its verb read as a participle of an indefinite noun set off at the end of the sentence."""
    noun = participle.head
    after, before = participle.right_edge.i + 1, noun.left_edge.i - 1
    return (
        before >= 0
        and participle.doc[before].text == ","
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        and (after >= len(participle.doc) or bool(participle.doc[after].is_sent_end))
    )


def is_dated(verb: Token) -> bool:
    """A date or time said of the verb itself ("arrested on Wednesday", "killed last week"):
    it tells when something happened, as a description does not."""
    return any(
        t.ent_type_ in ("DATE", "TIME")
        for c in verb.children
        if c.dep_ in ("npadvmod", "prep", "advmod", "tmod")
        for t in c.subtree
    )


def trigger_candidates(
    doc: Doc, *, words: frozenset[str], stems: frozenset[str], adjectives: frozenset[str]
) -> list[int]:
    """The indices of the tokens `find_triggers` can code: every verb (a wildcard pattern
    takes one with its own "must") and every word that one of the keys it is looked up by
    (lemma, form, de-inflected form) may find patterns for: `words` are the verb and noun
    keys of the patterns, `stems` those less a last "y" or "e", `adjectives` their adjective
    keys. Most words of a story are neither, and are never made into tokens."""
    table = TokenTable.of(doc)
    forms = frozenset(
        form for form in table.words("lower") if may_inflect_key(form, words=words, stems=stems)
    )
    lemmas = frozenset(
        lemma for lemma in table.words("lemma") if lemma in words or lemma in adjectives
    )
    return table.where(("pos", frozenset({"VERB"})), ("lower", forms), ("lemma", lemmas))


def may_inflect_key(form: str, *, words: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether `form` may be one of `words` or de-inflect to one (`form_keys`): each key it
    gives is the form less up to three letters, or less three with a "y" or "e" added (so
    less three is one of `stems`). True of every form `form_keys` finds a key for, and of
    a few more, at the cost of five lookups."""
    return (
        form in words
        or form[:-1] in words
        or form[:-2] in words
        or form[:-3] in words
        or form[:-3] in stems
    )


def is_bare_gerund(token: Token) -> bool:
    """ "Fighting continued between ...": a gerund with no object, standing as a noun phrase,
    names the act as a noun would ("killing civilians is a crime" is a verb's clause)."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in NOMINAL_DEPS
        and not any(c.dep_ in ("dobj", "nsubj", "aux") for c in token.children)
    )


def no_patterns(doc: Doc) -> dict[tuple[str, str], tuple[Pattern, ...]]:
    """An empty table of verb forms' patterns, for one doc (`EventCoder.find_triggers`)."""
    return {}


def has_subject(token: Token) -> bool:
    """A noun with a subject is a verb the tagger missed ("Protesters march on ...")."""
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def bounded(events: list[Event], sentence: SpacySpan) -> list[Event]:
    """At most MAX_EVENTS_PER_SENTENCE events: reportable ones first, then those whose trigger
    is highest in the parse (the main clause before asides), kept in sentence order."""
    if len(events) <= MAX_EVENTS_PER_SENTENCE:
        return events
    depth = {t.idx: tree_depth(t) for t in sentence}

    def rank(indexed: tuple[int, Event]) -> tuple[bool, int, int]:
        index, event = indexed
        hidden = event.negated or event.modality not in REPORTABLE_MODALITIES
        return (hidden, depth.get(event.trigger.start, 99), index)

    kept = sorted(enumerate(events), key=rank)[:MAX_EVENTS_PER_SENTENCE]
    return [event for _, event in sorted(kept, key=first)]


def first(indexed: tuple[int, Event]) -> int:
    return indexed[0]


def tree_depth(token: Token) -> int:
    steps = 0
    while token.head.i != token.i and steps < 64:
        token = token.head
        steps += 1
    return steps


def fit_rank(scored: tuple[int, Pattern]) -> tuple[int, int, str]:
    """Most constraints met, then the closest phrase match (both in the `fit_score`), then the
    most specific CAMEO code, then the id (so ties resolve the same way every run)."""
    score, pattern = scored
    return (score, len(pattern.cameo), pattern.id)


def stable_id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def trimmed(sentence: SpacySpan) -> tuple[str, int]:
    """The sentence text without surrounding whitespace, and its start offset."""
    raw = doc_text(sentence.doc)[sentence.start_char : sentence.end_char]  # `.text`, not joined
    stripped = raw.lstrip()
    start = sentence.start_char + (len(raw) - len(stripped))
    return stripped.rstrip(), start


def index_mentions(mentions: Sequence[Mention]) -> dict[int, list[Mention]]:
    by_head: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_head.setdefault(mention.head, []).append(mention)
    return by_head


# -- does a pattern fit a trigger? --------------------------------------------------------
def fit_score(
    token: Token, pattern: Pattern, *, nominal: bool, facts: TriggerFacts | None = None
) -> int | None:
    """None when the pattern does not fit the trigger; else how closely it fits: the
    constraints it meets first (`CONSTRAINT_WEIGHT` each), then how closely its words matched
    (multi-word verbs and objects such as "call off" or "hunger strike" score higher)."""
    if nominal:
        fit = noun_fit(token, pattern)
        return None if fit is None else pattern.specificity * CONSTRAINT_WEIGHT + fit
    return verb_fit(token, pattern, facts=facts)


# A constraint met outranks any closeness of the words that met it.
CONSTRAINT_WEIGHT = 1000


def verb_fit(token: Token, pattern: Pattern, *, facts: TriggerFacts | None = None) -> int | None:
    """`facts` holds what the parse says of `token`, shared by the patterns tried on it.

    A pattern with both `object` and `complement` names its act either way ("demanded the
    release of X", "demanded that X release them"), so it fits when either is met; it meets
    both when the complement acts on the object ("threatened to cut aid")."""
    facts = facts or TriggerFacts(token)
    particle = particle_score(token, pattern, facts=facts)
    if particle is None:
        return None
    score, met = particle, 0
    if pattern.prep and not facts.prepositions & pattern.prep:
        return None  # before the objects, which take longer to find
    met += bool(pattern.prep)
    matched = facts.pattern_objects(pattern).score(pattern.object) if pattern.object else None
    if pattern.object and matched is not None:
        # "sent instructors to the army": what the verb acts on says more than a phrase
        # that names whom ("to the army")
        direct = facts.direct_objects.score(pattern.object) is not None
        score, met = score + matched + direct, met + 1
    complement = bool(pattern.complement and facts.complements & pattern.complement)
    # `complement: ["*"]`: any act of someone else, a clause with a subject of its own ("wants
    # the parliament to dissolve the cabinet"), which a named complement outranks
    others_act = WILDCARD in pattern.complement and not complement and facts.others_acts
    if others_act:
        score, met, complement = score + 1, met + 1, True
    elif complement:
        score, met = score + 2, met + 1  # "sent personnel to investigate": the purpose
        if matched is None and facts.complement_objects.score(pattern.object) is not None:
            met += 1  # "threatened to cut aid"
    if (pattern.object or pattern.complement) and matched is None and not complement:
        return None  # neither the object nor the complement the pattern names
    subject = facts.subject.score(pattern.subject) if facts.subject and pattern.subject else None
    if pattern.subject and subject is None:
        return None
    # "a car bomb exploded": the two-word subject outranks the one word "bomb" (roadside)
    score, met = score + (subject or 0), met + bool(pattern.subject)
    if pattern.modality and facts.modality not in pattern.modality:
        return None
    if pattern.modifier and not has_modifier(token, pattern.modifier):
        return None
    met += bool(pattern.modifier)
    if pattern.denied and not pattern.evaluative:
        # an act that is its verb denied ("did not agree with"): only with the verb's own
        # "not" or "never", and then it outranks the verb's plain patterns
        if not is_denied_verb(token):
            return None
        met += 1
    return met * CONSTRAINT_WEIGHT + score


def is_denied_verb(verb: Token) -> bool:
    """ "did not agree", "never agreed": a "not" or "never" of the verb itself."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


class TriggerFacts:
    """What the patterns of a verb ask of its parse, each read once on first use: a trigger
    tries up to dozens of patterns, and each asked for its objects, particles and modality
    again (a third of the coder's time on 200 news articles, issue 11)."""

    def __init__(self, token: Token) -> None:
        self.token = token

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(verb_keys(self.token))

    @cached_property
    def particles(self) -> frozenset[str]:
        """The words a multi-word verb entry may end in: a particle ("step *down*") or a
        bare direct object ("use *force*", "seize *hostages*")."""
        return frozenset(
            word
            for c in self.token.children
            if c.dep_ in ("prt", "advmod", "prep")
            or (c.dep_ in ("dobj", "oprd") and not any(d.dep_ == "det" for d in c.children))
            for word in (c.lower_, c.lemma_.lower())
        )

    @cached_property
    def object_tokens(self) -> list[Token]:
        return objects_of(self.token)

    @cached_property
    def objects(self) -> PhraseWords:
        return phrase_words(self.object_tokens)

    def pattern_object_tokens(self, pattern: Pattern) -> list[Token]:
        """The nouns a pattern's `object` is read in: the verb's objects and, with `prep`, the
        nouns of those prepositions too ("held *in* custody", "voted *in* favour"). Other verbs'
        "in" phrases mostly name a place or a time, so only a pattern that names one reads it."""
        extra = prep_objects(self.token, sorted(pattern.prep - OBJECT_PREPS))
        if not extra:
            return self.object_tokens
        return [*self.object_tokens, *extra, *(c for o in extra for c in o.conjuncts)]

    def pattern_objects(self, pattern: Pattern) -> PhraseWords:
        tokens = self.pattern_object_tokens(pattern)
        return self.objects if tokens is self.object_tokens else phrase_words(tokens)

    @cached_property
    def complement_objects(self) -> PhraseWords:
        """The objects of the verb's complements ("threatened to cut *aid*")."""
        clauses = complements_of(self.token, objects=self.object_tokens)
        return phrase_words(o for clause in clauses for o in objects_of(clause))

    @cached_property
    def direct_objects(self) -> PhraseWords:
        """The objects the verb governs itself, not through a preposition."""
        return phrase_words(t for t in self.object_tokens if t.head.i == self.token.i)

    @cached_property
    def prepositions(self) -> frozenset[str]:
        own = {
            c.lower_
            for c in self.token.children
            if c.dep_ in PREPOSITION_DEPS and not is_absolute_with(c)
        }
        return frozenset(own | ({"for"} if for_clauses(self.token) else set()))

    @cached_property
    def complements(self) -> frozenset[str]:
        return frozenset(
            lemma_of(c) for c in complements_of(self.token, objects=self.object_tokens)
        )

    @cached_property
    def others_acts(self) -> bool:
        """Whether a complement clause has a subject of its own, someone else who is to act
        ("wants the parliament to dissolve the cabinet"), not the verb's subject ("wants to
        leave")."""
        return any(
            c.dep_ in ("ccomp", "xcomp")
            and any(d.dep_ == "nsubj" for d in c.children)
            and any(d.dep_ == "aux" and d.tag_ == "TO" for d in c.children)
            for c in self.token.children
        )

    @cached_property
    def subject(self) -> PhraseWords | None:
        # "killed by a bomb by the road": the passive's "by" names what a `subject` asks
        subject = subject_of(self.token) or passive_agent(self.token)
        return phrase_words([subject]) if subject is not None else None

    @cached_property
    def modality(self) -> str | None:
        return modality_of(self.token)


def passive_agent(verb: Token) -> Token | None:
    """The noun of a passive verb's "by" phrase ("killed *by* a roadside bomb"), if any."""
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def verb_keys(token: Token) -> list[str]:
    """The lemma first, then regular de-inflections of the surface form."""
    return list(dict.fromkeys([token.lemma_.lower(), *form_keys(token.lower_)]))


def form_keys(form: str) -> list[str]:
    """A lower-cased verb form, then its regular de-inflections ("staged" -> "stage")."""
    keys = [form]
    if form.endswith("ied"):
        keys.append(form[:-3] + "y")
    if form.endswith("ed"):
        keys += [form[:-1], form[:-2], form[:-3] if form[-3:-2] == form[-4:-3] else form[:-2]]
    if form.endswith("ing"):
        keys += [form[:-3], form[:-3] + "e"]
    if form.endswith("es"):
        keys.append(form[:-2])
    if form.endswith("s"):
        keys.append(form[:-1])
    return keys


def particle_score(
    token: Token, pattern: Pattern, *, facts: TriggerFacts | None = None
) -> int | None:
    """Multi-word verb entries ("step down", "call off") need their particle; they score 1."""
    facts = facts or TriggerFacts(token)
    best: int | None = None
    for words in pattern.verb_words:
        if words[0] not in facts.keys:
            continue
        if len(words) == 1:
            best = max(best or 0, 0)
        elif words[1] in facts.particles:
            best = 1
    return best


@dataclass(frozen=True, slots=True)
class PhraseWords:
    """What some nouns offer a phrase constraint: two-word phrases ("hunger strike") and
    single words (each head's lemma and forms, its compound modifiers)."""

    pairs: frozenset[str]
    singles: frozenset[str]

    def score(self, words: frozenset[str]) -> int | None:
        """2 when a two-word phrase matches, 1 when a single word does, else None."""
        if self.pairs & words:
            return 2
        return 1 if self.singles & words else None


def phrase_words(tokens: Iterable[Token]) -> PhraseWords:
    pairs: set[str] = set()
    singles: set[str] = set()
    for token in tokens:
        lemma = lemma_of(token)
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i]
        pairs.update(f"{lemma_of(m)} {lemma}" for m in modifiers)
        pairs.update(f"{m.lower_} {lemma}" for m in modifiers)
        # "Sanctions" at a sentence start
        singles.update((lemma, token.lower_, token.lower_.removesuffix("s")))
        # a compound word of a name is no object word: "taken to the Riverside City Mall"
        # is taken to no city
        named = token.pos_ == "PROPN"
        singles.update(
            lemma_of(m)
            for m in modifiers
            if m.dep_ == "compound" and not (named and m.pos_ == "PROPN" and not is_title(m))
        )
        singles.update(hyphenated(token))
    return PhraseWords(frozenset(pairs), frozenset(singles))


def is_title(word: Token) -> bool:
    """An office before a name ("received Foreign Minister X"): it says who X is, and is
    read as the object's word, as "received the minister" is."""
    return lemma_of(word) in load_words(TitleWords).office_words


def hyphenated(token: Token) -> list[str]:
    """ "sit-in", "walk-out": the parser splits a hyphenated noun into a compound, a hyphen
    and its head ("in"), which names nothing alone."""
    if token.i < 2 or token.nbor(-1).text != "-":
        return []
    first = token.nbor(-2)
    if first.head.i != token.i or first.whitespace_ or token.nbor(-1).whitespace_:
        return []
    word = f"{first.lower_}-{token.lower_}"
    return [word, word.removesuffix("s")]


def phrase_score(tokens: Iterable[Token], words: frozenset[str]) -> int | None:
    """2 when a two-word phrase matches ("hunger strike"), 1 for the head or one of its
    compound modifiers ("mediation" in "mediation effort"), None when nothing matches."""
    return phrase_words(tokens).score(words)


def noun_fit(token: Token, pattern: Pattern) -> int | None:
    if pattern.modifier and not has_modifier(token, pattern.modifier):
        return None
    if pattern.subject:  # "the claims were ridiculous": what the word is said of
        described = described_by(token)
        if described is None or lemma_of(described) not in pattern.subject:
            return None
    # "the deployment of peacekeeping troops": the object or a compound of it
    if pattern.object and not phrase_words(prep_objects(token, ("of", "on", "against"))).score(
        pattern.object
    ):
        return None
    if pattern.prep and not any(
        c.dep_ == "prep" and c.lower_ in pattern.prep for c in token.children
    ):
        return None
    return 0


def has_modifier(token: Token, words: frozenset[str]) -> bool:
    """ "verbal attacks", "verbally attacked": an adjective, compound or adverb of the word."""
    return any(
        c.dep_ in ("amod", "compound", "advmod") and lemma_of(c) in words for c in token.children
    )


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


# The prepositions whose noun any verb acts on ("imposed sanctions *on* Iran", "put *under*
# arrest"); a pattern's `prep` adds others (`TriggerFacts.pattern_objects`).
OBJECT_PREPS = frozenset({"on", "for", "against", "to", "with", "under", "into"})


def objects_of(verb: Token) -> list[Token]:
    # after a verb of naming, an object predicate is what the object is called, not what is
    # acted on: "what he calls a useful meeting" is no call for a meeting ("held them
    # captive" keeps its predicate)
    naming = verb.lemma_.lower() in load_words(EventWords).naming_verbs
    found = [
        c
        for c in verb.children
        if (c.dep_ in OBJECT_DEPS and not (naming and c.dep_ == "oprd"))
        or c.dep_ in PASSIVE_SUBJECT_DEPS
    ]
    for prep in preps_of(verb, OBJECT_PREPS):
        found.extend(c for c in prep.children if c.dep_ == "pobj")
    # "received visiting Minister X": the participle read as a clause says who X is
    found.extend(filter(None, map(attributive_object, verb.children)))
    found.extend(conjoined_passive_subject(verb))  # "arrived and was received by X"
    found.extend(relativized_object(verb, found))
    for token in list(found):
        found.extend(token.conjuncts)
        # "sends the Bolivian people fraternal greetings", at times read as an apposition
        found.extend(c for c in token.children if c.dep_ == "appos")
        for prep in preps_of(token, ("of",)):  # "allow the return of inspectors"
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    return found


def conjoined_passive_subject(verb: Token) -> list[Token]:
    """ "Kim arrived in Pyongyang and was greeted by Kim Jong-il": a passive verb conjoined
    to another shares its subject, whom it is done to."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
        return []
    # only "and was greeted" right after "and": "and Martin, a Briton, was injured", its
    # subject misread, names its own
    between = verb.doc[verb.head.i + 1 : verb.i]
    conjunction = next((t for t in reversed(between) if t.pos_ == "CCONJ"), None)
    if conjunction is None or any(
        t.pos_ not in ("AUX", "ADV", "PART") for t in verb.doc[conjunction.i + 1 : verb.i]
    ):
        return []
    subject = subject_of(verb)
    return [subject] if subject is not None else []


def relativized_object(verb: Token, objects: list[Token]) -> list[Token]:
    """ "casualties which we regret": in a relative clause whose object is the relative
    pronoun, the noun the clause modifies is the object. A clause with no pronoun ("the
    operations it carried out") is left alone: the parser reads too many of those wrongly."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return []
    pronoun = any(o.tag_ in ("WDT", "WP") and o.dep_ in OBJECT_DEPS for o in objects)
    return [verb.head] if pronoun else []


def complements_of(verb: Token, *, objects: list[Token] | None = None) -> list[Token]:
    """`objects`: `objects_of(verb)`, when the caller has it already."""
    found = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp", "advcl", "acomp") and not _is_side_participle(c)
    ]
    # "accused X of violating", "blamed X for", and a gerund after the preposition "to":
    # "committed to helping", "pledged to supporting"
    for prep in preps_of(verb, ("of", "for", "to")):
        found.extend(c for c in prep.children if c.dep_ == "pcomp")
    for prep in preps_of(verb, ("on", "for")):  # "called on Assad to leave", "call for X to quit"
        for pobj in prep.children:
            found.extend(c for c in pobj.children if c.dep_ in ("acl", "relcl", "xcomp"))
    # "urged him to resign" parsed with the clause on the object
    for obj in objects_of(verb) if objects is None else objects:
        found.extend(c for c in obj.children if c.dep_ in ("acl", "xcomp", "ccomp"))
    return found


def _is_side_participle(clause: Token) -> bool:
    """ "refused to meet him, saying ...": a participle set off by a comma tells what went
    with the act, not what the act was about."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VBG"
        and clause.i > 0
        and clause.doc[clause.left_edge.i - 1].text == ","
    )


# A preposition's dependency labels: spaCy marks the "to" of a receiver "dative" ("gave
# aid to Yemen") and the "by" of a passive's doer "agent".
PREPOSITION_DEPS = frozenset({"prep", "agent", "dative"})


def preps_of(token: Token, words: Iterable[str]) -> list[Token]:
    wanted = set(words)
    return [c for c in token.children if c.dep_ in PREPOSITION_DEPS and c.lower_ in wanted]


# -- who did it to whom -------------------------------------------------------------------
def participants(
    trigger: Trigger, by_head: dict[int, list[Mention]]
) -> tuple[list[Mention], list[Mention]]:
    if trigger.nominal:
        return nominal_participants(trigger, by_head)
    token, pattern = trigger.token, trigger.pattern
    if pattern.experiencer:
        return experienced(token, by_head)
    if pattern.receiver:
        return received(token, by_head)
    has_object = any(c.dep_ == "dobj" for c in token.children)
    raised = raised_patients(token)
    passive = (
        any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in token.children)
        or (token.tag_ == "VBN" and token.dep_ == "acl" and not has_object)
        or bool(raised)
        or is_bare_passive(token)
    ) and not is_stative_passive(token)
    sources: list[Mention] = []
    targets: list[Mention] = []
    if passive:
        conjuncts = passive_conjuncts(token)  # "were arrested and deported by police"
        for verb in conjuncts:
            agents = prep_objects(verb, pattern.source_preps) or stranded_agents(verb)
            for pobj in agents:
                # "killed by a roadside bomb": an agent in no dictionary is kept, uncoded
                sources.extend(actors_at(pobj, by_head) or unresolved(pobj))
            if sources:
                break
        if not any(m.actor.code for m in sources):
            sources = implied_doers(token, by_head) or sources
        if token.dep_ == "acl":  # "groups supported by Turkey": the head noun is the target
            described = member_named(token.head)
            found = actors_at(described, by_head)
            if not found and lemma_of(described) in load_clause_words().plight_nouns:
                # "the whereabouts of Mwangi, kidnapped in May": whose they are
                owners = prep_objects(described, ("of",))
                found = [m for p in owners for m in actors_at(p, by_head)]
            targets.extend(found)
        for verb in conjuncts:
            for child in [*verb.children, *raised]:
                if child.dep_ in PASSIVE_SUBJECT_DEPS and is_handled_thing(child, pattern):
                    # "Kenyan troops were sent to Somalia", "the Kenyan embassy in Mogadishu was
                    # closed": what was sent or closed is no target; with no "by", its own side
                    # did it, to whom its phrase names (refugees ferried are still whom)
                    owned = actors_at(child, by_head)
                    # a topic accused is not its own accuser ("the bomber was linked to X")
                    own_act = pattern.topic_object and pattern.cameo[:2] != ACCUSATION_ROOT
                    doers = [m for m in owned if own_act or m.actor.sector == "MIL"]
                    hosts = [
                        m
                        for p in prep_objects(child, pattern.target_preps)
                        for m in actors_at(p, by_head)
                    ]
                    targets.extend(hosts if doers else owned)
                    sources = sources if any(m.actor.code for m in sources) else doers
                elif child.dep_ in PASSIVE_SUBJECT_DEPS:  # "a camp for refugees was attacked"
                    child = antecedent(child, verb)  # "Kenya, which was attacked by ..."
                    targets.extend(actors_at(child, by_head) or phrase_actors(child, by_head))
                    # "was kidnapped along with her Somali driver": both were
                    together = [*companions(child), *companions(verb)]
                    targets.extend(m for c in together for m in actors_at(c, by_head))
            if targets:
                break
        for shared in [] if targets else conjoined_passive_subject(token):
            targets.extend(actors_at(shared, by_head))  # "arrived and was greeted by X"
        sufferer = passive_gerund_subject(token)
        if not targets and sufferer is not None:  # "appeared in court after being arrested"
            targets.extend(actors_at(sufferer, by_head))
    else:
        split = absolute_with(token)  # "with Egypt, Jordan and Britain providing support"
        subject = subject_of(token) or next(iter(split), None)
        if subject is None and is_stative_passive(token):
            subject = next((c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if subject is not None:
            # "shelling by government forces killed dozens": the attack's doer did it
            found = attackers_of(subject, by_head) or actors_at(subject, by_head)
            if found:  # "France, together with Italy, sent advisers"
                rest = [c for c in split if c.i != subject.i]
                together = [*companions(subject), *companions(token), *rest]
                found = [*found, *(m for c in together for m in actors_at(c, by_head))]
            author = None if found else author_of(subject)
            if author is not None:  # "a statement from the ministry condemned ..."
                subject, found = author, actors_at(author, by_head)
            sources.extend(found or unresolved(subject))
        if not sources:  # "fighting and shelling by Israeli forces": a gerund's "by" doer
            for agent in (
                c
                for c in token.children
                if c.dep_ == "agent"
                or (token.tag_ == "VBG" and c.dep_ == "prep" and c.lower_ == "by")
            ):
                sources.extend(m for c in agent.children for m in actors_at(c, by_head))
    if pattern.symmetric and not sources:  # "shots were exchanged between troops and rebels"
        sources.extend(between_actors(token, by_head))
    # "Russia and the United States agreed on the need to fight ISIS": a symmetric act of
    # several actors is done with each other, not to an actor deep in its complement
    mutual = pattern.symmetric and len({m.actor.code for m in sources if m.actor.code}) >= 2
    candidates = target_candidates(
        token,
        by_head,
        exclude=sources,
        preps=pattern.target_preps,
        theme=theme_words(pattern),
        deep=not mutual,
        objects=not pattern.topic_object,
    )
    if targets:  # "were taken hostage near Jilib": the passive subject is whom; a place, where
        candidates = [m for m in candidates if m.actor.kind not in PLACE_KINDS]
    targets.extend(candidates)
    # "the minister they blame for the drought"; "workers they had held hostage", where
    # "hostage" says what they were made
    gap = is_object_relative(token)
    if gap and (not targets or all(is_captive_predicate(m, token) for m in targets)):
        targets = actors_at(token.head, by_head) or targets
    if not targets and not passive:  # "marchers were driven back with police using tear gas"
        targets.extend(m for m in undergoers_of_absolute(token, by_head) if m not in sources)
    return dedupe(sources), [t for t in dedupe(targets) if t not in sources]


def undergoers_of_absolute(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "Protesters were dispersed with police firing tear gas": an absolute "with" clause
    says how the passive clause it hangs on was done, so whom that clause's act befell
    (its passive subject) is whom the "with" clause's act was done to."""
    head = verb.head if verb.dep_ == "conj" else verb
    if head.dep_ != "pcomp" or head.head.lower_ != "with":
        return []
    governor = next((a for a in head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if governor is None:
        return []
    patients = [c for c in governor.children if c.dep_ == "nsubjpass"]
    return [m for p in patients for m in actors_at(p, by_head)]


# The prepositions of a topic ("a report on Iran", "talks about Syria", "a debate over X"),
# and those that name who takes part in talk ("a meeting between X and Y", "talks with X").
TOPIC_PREPS = frozenset({"on", "about", "over", "concerning", "regarding"})
PARTICIPANT_PREPS = ("between", "among", "with", "of", "by")

# The phrases that name what a feeling is about: "appalled by", "angry at", "outraged over"
STIMULUS_PREPOSITIONS = ("by", "at", "over", "with", "about")


def experienced(verb: Token, by_head: dict[int, list[Mention]]) -> tuple[list[Mention], list[Mention]]:
    """ "Al-Jazeera was appalled by the government's decision", "the ministry was outraged
    at Iran": whoever feels it (the subject, active or passive) judges whom the feeling is
    about (the actor of its "by"/"at" phrase, or the owner of the act it names). An active
    verb with an object ("the remarks angered Riyadh") says what caused it, not who judged."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return [], []
    # "were appalled by": the phrase may hang on "were"
    holders = [verb, verb.head] if verb.dep_ == "acomp" else [verb]
    return subject_and_phrase(verb, by_head, preps=STIMULUS_PREPOSITIONS, holders=holders)


def received(verb: Token, by_head: dict[int, list[Mention]]) -> tuple[list[Mention], list[Mention]]:
    """ "Russia's strikes drew criticism from France", "the army came under fire from the
    rebels": the subject undergoes the act (the doer of an act it names: "Russia's
    strikes"), whom the "from" or "by" phrase names does it."""
    # the phrase may hang on the verb or on its object ("criticism from France")
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    # or on the noun of the verb's own preposition ("came under fire from the rebels")
    holders += [
        o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
    ]
    undergoing, doers = subject_and_phrase(verb, by_head, preps=("from", "by"), holders=holders)
    return doers, undergoing


def subject_and_phrase(
    verb: Token,
    by_head: dict[int, list[Mention]],
    *,
    preps: Sequence[str],
    holders: Sequence[Token],
) -> tuple[list[Mention], list[Mention]]:
    """The actors of a verb's subject (active or passive) and those its phrases `preps`, hung
    on any of `holders`, name (or the owner of the act they name, or an actor deeper in it:
    "by the government's decision", "at the remarks of the French president")."""
    subject = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    subject = subject if subject is not None else subject_of(verb)
    subjects = []
    if subject is not None:
        subjects = actors_at(subject, by_head) or actors_of_phrase(subject, by_head)
    phrased = [
        m
        for holder in holders
        for pobj in prep_objects(holder, preps)
        for m in actors_at(pobj, by_head)
        or actors_of_phrase(pobj, by_head)
        or nested_actors(pobj, by_head)
    ]
    subjects = dedupe(subjects)
    return subjects, [m for m in dedupe(phrased) if m not in subjects]


def is_bare_passive(token: Token) -> bool:
    """A passive with its subject elsewhere: "after being arrested", "were arrested and
    deported" (the second conjunct)."""
    if token.tag_ != "VBN":
        return False
    if any(c.dep_ == "auxpass" for c in token.children):
        return True
    head = token.head
    return (
        token.dep_ == "conj"
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in head.children)
    )


def passive_conjuncts(token: Token) -> list[Token]:
    """The passive verb itself, then those it is conjoined with, which share its subject and
    its "by" phrase: "were arrested and deported by police"."""
    verbs = [token]
    if token.dep_ == "conj" and token.head.tag_ == "VBN":
        verbs.append(token.head)
    verbs.extend(c for c in token.children if c.dep_ == "conj" and c.tag_ == "VBN")
    return verbs


def passive_gerund_subject(token: Token) -> Token | None:
    """ "Biti appeared in court after being arrested": who suffered a passive gerund after
    "after", "before", "while" is the subject of the clause it modifies."""
    head = token.head
    if token.dep_ != "pcomp" or head.lower_ not in load_clause_words().gerund_prepositions:
        return None
    if not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in token.children):
        return None
    governor = head.head
    if governor.pos_ not in ("VERB", "AUX") or governor.i == head.i:
        return None
    # "were freed after being detained": the freed, the passive subject of the clause
    passive_subject = next((c for c in governor.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    return subject_of(governor) or passive_subject


def is_stative_passive(token: Token) -> bool:
    """ "Israel is opposed to French mediation", "Serb forces were engaged in ethnic cleansing":
    a participle that describes its subject's stance or activity; its subject is the doer."""
    return lemma_of(token) in STATIVE_PARTICIPLES and not any(
        c.dep_ == "agent" for c in token.children
    )


def theme_words(pattern: Pattern) -> frozenset[str]:
    """Object words that name what the act is done with, not to ("deployed troops")."""
    themed = pattern.cameo[:2] in THEME_OBJECT_ROOTS or pattern.cameo in THEME_OBJECT_CODES
    return pattern.object if themed else frozenset()


def is_second_object(child: Token) -> bool:
    """ "held him hostage", "kept them prisoner": a second direct object after a pronoun
    is what the pronoun was made (a predicate the parser reads as an object), not a second
    undergoer ("his co-workers", split at the hyphen, is one object)."""
    return child.dep_ == "dobj" and any(
        c.dep_ == "dobj" and c.i < child.i and c.pos_ == "PRON" for c in child.head.children
    )


def target_candidates(
    token: Token,
    by_head: dict[int, list[Mention]],
    *,
    exclude: list[Mention],
    preps: Sequence[str],
    theme: frozenset[str] = frozenset(),
    deep: bool = True,
    objects: bool = True,
) -> list[Mention]:
    """Targets in order of preference: the receiver of a giving verb, the direct object (unless
    it is the thing acted with: "deployed troops"), the pattern's prepositions in the order the
    pattern lists them, the subject of a "that" clause, then the target of a purpose or
    complement clause ("threatened to shell Iraqi towns", "staged a strike to protest X"), then
    (with `deep`) an actor further down the object or prepositional phrases. With `objects`
    false the direct object is what the act is about, never whom ("discussed Syria")."""
    own = {m.actor.code for m in exclude}

    def usable(found: list[Mention]) -> list[Mention]:
        return [m for m in found if m not in exclude and not (m.coref_of and m.actor.code in own)]

    ordered: list[Mention] = []
    words = load_words(EventWords)
    if token.lemma_.lower() in words.giving_verbs:  # "offered its troops to Lebanon": the receiver first
        for pobj in prep_objects(token, ("to", "for")):
            ordered.extend(usable(actors_at(pobj, by_head)))
        for child in (c for c in token.children if c.dep_ == "dative"):
            ordered.extend(usable(actors_at(child, by_head)))
    for child in token.children:
        if child.dep_ in OBJECT_DEPS and not objects:  # "discussed the crisis with Iran",
            for pobj in prep_objects(child, preps):  # the "with" read as the crisis's
                ordered.extend(usable(actors_at(pobj, by_head)))
            continue
        if child.dep_ not in OBJECT_DEPS or child.dep_ == "oprd" or is_second_object(child):
            continue  # "taken hostage", "held captive": what they were made, not who
        is_theme = bool(theme) and phrase_score([child], theme) is not None
        found = [] if is_theme else usable(actors_at(child, by_head))
        if not found and not is_protective(child):
            # "pressed sanctions against Russia", "the withdrawal of Serbian forces" (not the
            # topic of "a debate on journalists", "a report on Iran", nor who benefits from
            # "the protection of refugees")
            topic = lemma_of(child) in words.topic_nouns
            inner = [p for p in ("of", *preps, "by", "from") if not (topic and p in TOPIC_PREPS)]
            for pobj in prep_objects(child, inner):
                found.extend(usable(actors_at(pobj, by_head)))
        ordered.extend(found)
    named: list[Mention] = []
    nested: list[Mention] = []
    for pobj in prep_objects(token, preps):
        if is_routine_destination(pobj):
            continue  # "his children are going to school": no one is visited
        found = usable(actors_at(pobj, by_head))
        named.extend(found)
        if not found:
            nested.extend(usable(nested_actors(pobj, by_head)))
    # "imposed sanctions on Belarus over the crackdown on protesters": an actor deep in a
    # phrase is whom only when no object or phrase names one itself
    found = named or ([] if ordered else nested)
    if ordered:  # "killed civilians at a market in Idlib": the object names whom; a place
        found = [m for m in found if m.actor.kind not in PLACE_KINDS]  # further on, where
    ordered.extend(found)
    # "pledged to help Mali", and a gerund after "to": "pledged to supporting Mali"
    gerunds = [g for p in preps_of(token, ("to",)) for g in p.children if g.dep_ == "pcomp"]
    clauses = [*(c for c in token.children if c.dep_ in ("xcomp", "advcl")), *gerunds]
    clauses += in_order_to(token)
    asked = for_clauses(token)  # "called for NATO to exercise caution": NATO is asked
    for clause in (c for c in clauses if not ordered):
        if clause.dep_ == "advcl" and not is_purpose(clause):
            continue
        if clause in asked and is_finite(clause):
            continue  # its subject, not whom its act is done to (`that_clauses`, below)
        if clause.dep_ == "advcl" and is_protective(clause):
            continue  # "called for peacekeepers to protect the villagers": who benefits
        # the outer pattern's prepositions say nothing about a complement: use the defaults
        ordered.extend(
            target_candidates(
                clause, by_head, exclude=exclude, preps=DEFAULT_TARGET_PREPS, deep=deep
            )
        )
    if not ordered:  # "demanded that Assad step down": the complement's subject
        for clause in that_clauses(token):
            ordered.extend(usable(clause_subjects(clause, by_head)))
    if not ordered:  # "threatened to stop talks if the United States goes ahead"
        for clause in condition_clauses(token):
            ordered.extend(usable(clause_subjects(clause, by_head)))
    if not ordered and deep and objects:  # "prevented the demonstration staged by students"
        for child in (c for c in token.children if c.dep_ in OBJECT_DEPS):
            if lemma_of(child) not in words.topic_nouns:
                ordered.extend(usable(phrase_actors(child, by_head)))
            else:  # "host a meeting between X and Y", not "a debate on journalists"
                for pobj in prep_objects(child, PARTICIPANT_PREPS):
                    ordered.extend(usable(actors_at(pobj, by_head)))
    if not ordered and deep:  # "mobilized reservists for a possible war against Iraq"
        for pobj in prep_objects(token, (*preps, "for")):
            ordered.extend(usable(phrase_actors(pobj, by_head)))
    return ordered


def is_routine_trip(verb: Token) -> bool:
    """ "are going to school", "drove to work": every place the verb goes "to" is one people
    go to every day."""
    destinations = prep_objects(verb, ("to",))
    return bool(destinations) and all(is_routine_destination(p) for p in destinations)


def is_routine_destination(pobj: Token) -> bool:
    """ "to school", "to work", "to hospital": a bare singular noun naming where people go
    every day, not an actor of that kind."""
    return (
        pobj.tag_ == "NN"
        and pobj.head.lower_ == "to"
        and pobj.lemma_.lower() in load_words(EventWords).routine_destinations
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in pobj.children)
    )


def for_clauses(token: Token) -> list[Token]:
    """ "called for the rebels to lay down their arms": an infinitive clause with its own
    subject after "for", which the parser hangs on the verb with "for" as its mark."""
    return [
        c
        for c in token.children
        if c.dep_ in ("advcl", "ccomp", "xcomp")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
    ]


def clause_doers(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Who does what the clause of a verb of claiming tells: its subject ("claimed the
    president arranged the leaks"), or its passive's "by" phrase ("claimed the leaks were
    arranged by the president"); never the one it was done to ("claimed reporters were
    harassed"). A clause of a bare or modal verb proposes ("suggested that Kenya hold
    talks", "should hold talks"), and tells no one's act; a claim in the first person
    ('claimed: "We have captured a soldier"') takes responsibility and accuses no one."""
    found: list[Mention] = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.tag_ != "VB"):
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if any(c.lower_ in FIRST_PERSON for c in subjects):
            continue
        found.extend(m for c in subjects for m in actors_at(c, by_head))
        if not subjects:
            agents = [c for p in preps_of(clause, ("by",)) for c in p.children]
            found.extend(m for c in agents for m in actors_at(c, by_head))
    return found


def that_clauses(token: Token) -> list[Token]:
    """ "demanded that X ...", "reiterated its demand that X ...", "insisted on its demands
    that X ...", "called for X to ...": a complement clause of the trigger, of its object or
    of its prepositions."""
    clauses = [c for c in token.children if c.dep_ == "ccomp" or c in for_clauses(token)]
    heads = [c for c in token.children if c.dep_ in OBJECT_DEPS]
    heads += prep_objects(token, ("on", "to", "for"))
    for head in heads:
        clauses.extend(c for c in head.children if c.dep_ in ("ccomp", "acl") and is_finite(c))
    return clauses


def is_finite(clause: Token) -> bool:
    """A clause with its own subject ("that Israel ease restrictions"), not a participle."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def condition_clauses(token: Token) -> list[Token]:
    """ "... if the United States goes ahead", "... unless Baghdad accepted": the condition
    names whom a threat or demand is aimed at."""
    return [
        c
        for c in token.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
    ]


def clause_subjects(clause: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    found: list[Mention] = []
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass") or (
            child.dep_ in ("amod", "compound") and child.i < clause.i
        ):
            found.extend(actors_at(child, by_head))
    if not found:  # "that control of the ministry be taken away from Hausa politicians"
        for pobj in prep_objects(clause, ("from", "to", "on", "against", "with")):
            found.extend(actors_at(pobj, by_head))
    return found


def phrase_actors(
    head: Token, by_head: dict[int, list[Mention]], *, depth: int = 3
) -> list[Mention]:
    """The first actor down the prepositions and participles of a noun phrase: "part of a
    military aid program for Bosnia", "the demonstration staged by students"."""
    frontier = [head]
    for _ in range(depth):
        reached: list[Token] = []
        for token in frontier:
            if is_protective(token):
                continue  # "the protection of refugees": who benefits, not who is acted on
            for child in token.children:
                if child.dep_ in PREPOSITION_DEPS:
                    reached.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
                elif (child.dep_ == "acl" and not is_document_act(child)) or (
                    # "staged by students", "to attend a meeting of", "the roads leading
                    # into Mordor" (not "a note criticising X": the document's own act),
                    # "for ending its dispute"
                    child.dep_ == "dobj" and token.pos_ == "VERB"
                ):
                    reached.append(child)
        for token in reached:
            found = actors_at(token, by_head)
            if found:
                return found
        frontier = reached
    return []


def prep_objects(token: Token, words: Sequence[str]) -> list[Token]:
    """Objects of the token's prepositions, in the order `words` lists the prepositions."""
    # the prepositions read once, not once for each of up to a dozen words
    preps = [
        (c.lower_, c)
        for c in token.children
        if c.dep_ in PREPOSITION_DEPS and not is_absolute_with(c)
    ]
    found: list[Token] = []
    for word in words:
        for lower, prep in preps:
            if lower == word:
                # "with Kenya, and with the African Union": the same preposition again
                again = [c for c in prep.conjuncts if c.lower_ == word]
                for each in (prep, *again):
                    found.extend(c for c in each.children if c.dep_ == "pobj")
                    found.extend(filter(None, map(attributive_object, each.children)))
                found.extend(conjoined_after(prep))
                found.extend(repeated_after_comma(prep))
    return found


def conjoined_after(prep: Token) -> list[Token]:
    """ "signed by Putin and visiting President Jiang": the parser hangs "and visiting ..."
    on the verb; the person the participle describes is the preposition's second object."""
    end = prep.right_edge.i
    return [
        noun
        for c in prep.head.children
        if c.dep_ == "conj" and c.i == end + 2 and (noun := attributive_object(c)) is not None
    ]


def is_absolute_with(prep: Token) -> bool:
    """ "with France and Chad providing support": a "with" that governs a participle clause
    says how or while the act was done; whom it names acts in that clause, not with the verb."""
    return prep.lower_ in ("with", "without") and any(
        c.dep_ == "pcomp" and c.tag_ in ("VBG", "VBN") and attributive_object(c) is None
        for c in prep.children
    )


def repeated_after_comma(prep: Token) -> list[Token]:
    """ "with ECOWAS, with the United Nations": the same preposition again after a comma, which
    the parser may hang on the first object instead of the verb; it names one more member."""
    found: list[Token] = []
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for again in pobj.children:
            comma = again.i > 0 and again.doc[again.i - 1].lower_ == ","
            if again.dep_ == "prep" and again.lower_ == prep.lower_ and comma:
                found.extend(c for c in again.children if c.dep_ == "pobj")
    return found


def is_captive_predicate(mention: Mention, verb: Token) -> bool:
    """ "held hostage", "kept captive": the object word says what the held were made."""
    word = verb.doc[mention.head]
    captives = load_words(ActorWords).captive_nouns
    return word.head.i == verb.i and word.dep_ in OBJECT_DEPS and lemma_of(word) in captives


def is_object_relative(verb: Token) -> bool:
    """A relative clause with a subject of its own and no object (but for a captive
    predicate, "the workers they held hostage"): the noun it modifies is its object ("the
    minister they blame", "the men the army arrested")."""
    captives = load_words(ActorWords).captive_nouns
    return (
        verb.dep_ == "relcl"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in verb.children)
        and not any(
            (c.dep_ in OBJECT_DEPS and lemma_of(c) not in captives) or c.dep_ == "ccomp"
            for c in verb.children
        )
        and not any(c.tag_ == "WRB" for c in verb.children)  # "the city where residents ..."
    )


def absolute_with(verb: Token) -> list[Token]:
    """The rest of the subject of a "with" clause the parser split: "with Egypt, Jordan and
    Britain providing air support" (Egypt and Jordan hang on "with")."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "with":
        return []
    return [c for c in preposition.children if c.dep_ == "pobj"]


def member_named(group: Token) -> Token:
    """The one a sentence counts among a group: "the general was among the 30 people
    arrested", "she was one of the nine sailors rescued" (the general was arrested, she was
    rescued); else the group itself."""
    link = group.head
    copula = link.head
    if group.dep_ == "pobj" and link.lower_ == "of" and copula.lower_ == "one":
        copula = copula.head  # "was one of the hostages"
    elif not (group.dep_ == "pobj" and link.lower_ == "among"):
        return group
    if copula.lemma_ != "be":
        return group
    return next((c for c in copula.children if c.dep_ in SUBJECT_DEPS), group)


def stranded_agents(verb: Token) -> list[Token]:
    """The doer of a passive whose "by" phrase the parser hung on the noun of a place phrase
    before it: "was welcomed at the airfield by the king" (the airfield welcomes no one), or
    on the gerund it keeps someone from or that gerund's object: "was stopped from boarding
    the plane by the airline" (the plane stops no one)."""
    places = prep_objects(verb, sorted(LOCATIVE_PREPOSITIONS))
    gerunds = [g for p in preps_of(verb, ("from",)) for g in p.children if g.dep_ == "pcomp"]
    places += [*gerunds, *(o for g in gerunds for o in g.children if o.dep_ == "dobj")]
    return [agent for place in places for agent in prep_objects(place, ("by",))]


def is_protective(token: Token) -> bool:
    """ "protect", "the protection of": whom it keeps safe benefits; no act is aimed at them."""
    return lemma_of(token) in load_words(EventWords).protective_words


def nested_actors(pobj: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "for a possible war against Iraq": an actor one preposition further down."""
    if is_protective(pobj):
        return []  # "called for the protection of refugees"
    for inner in prep_objects(pobj, ("against", "on", "with", "of", "to", "in")):
        found = actors_at(inner, by_head)
        if found:
            return found
    return []


def in_order_to(verb: Token) -> list[Token]:
    """ "took up arms in order to stop the opposition": the purpose infinitive, which the
    parser hangs on "order" as a noun's modifier."""
    return [
        clause
        for order in prep_objects(verb, ("in",))
        if lemma_of(order) == "order"
        for clause in order.children
        if clause.dep_ == "acl" and is_purpose(clause)
    ]


def is_purpose(clause: Token) -> bool:
    """ "to protest ...", "in order to ...": an infinitive clause of purpose."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def antecedent(subject: Token, verb: Token) -> Token:
    """What a relative pronoun subject stands for: "Kenya, which was attacked" -> Kenya."""
    if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.i != verb.i:
        return member_named(verb.head)
    return subject


def subject_of(verb: Token) -> Token | None:
    """The subject, inherited through "and" and control ("agreed to unite") where missing."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return verb.head  # "groups that met" -> groups
            return child
    head = verb.head
    holder = intent_holder(verb, load_clause_words())
    if holder is not None:  # "Canada announced plans to host": Canada would host
        return holder
    if verb.dep_ == "relcl" or (
        verb.dep_ == "acl" and (verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children))
    ):
        # "groups that met", "strikes killed 13 people" parsed as a modifier; a past tense
        # (VBD, not the participle VBN) never modifies a noun: "the leader called on X"
        return head
    if head.i == verb.i:
        return None
    words = load_clause_words()
    if verb.dep_ == "xcomp" and is_raising_passive(head, words):
        # "the Chinese president is expected to meet ...": the raised subject acts
        return next(c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS)
    credited = credited_doer(verb, words)
    if credited is not None:  # "thanked Argentina for urging Bolivia": Argentina urged
        return credited
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in words.gerund_prepositions:
        governor = head.head  # "after meeting with Egyptian officials, the envoy returned"
        if governor.pos_ in ("VERB", "AUX") and governor.i != head.i:
            return subject_of(governor)
    if verb.dep_ in ("xcomp", "conj") and head.pos_ in ("VERB", "AUX"):
        asked = asked_to_act(head) if verb.dep_ == "xcomp" else None
        return asked if asked is not None else subject_of(head)
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and head.dep_ in OBJECT_DEPS:
        # "the guards firing rubber bullets and detaining students", "detaining" read as a
        # conjunct of the object: a gerund conjoined with a gerund's object is that gerund's
        # conjunct
        governor = head.head
        if governor.tag_ == "VBG" and governor.i != head.i:
            return subject_of(governor)
    if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)  # "Brazil is opposed to", parsed as a complement of "is"
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
        return subject_of(head.head)  # "Syria is willing to withdraw"
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "ADJ":
        return subject_of(head.head.head)  # "are guilty of violating the ceasefire"
    if is_purpose_infinitive(verb) and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)  # "arrived at the camps to meet the refugees"
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
        governor = head if verb.dep_ == "advcl" else head.head  # "issued a declaration demanding"
        return subject_of(governor) if governor.i != verb.i else None
    return None


def crediting_verb(gerund: Token, words: ClauseWords) -> Token | None:
    """The verb or noun of credit or blame that judges the act its "for"/"of" gerund names
    ("praised Chile for supporting the accord", "was accused of seizing farms", "faced
    criticism for detaining suspects")."""
    preposition = gerund.head
    if gerund.dep_ != "pcomp" or gerund.tag_ != "VBG" or preposition.lower_ not in ("for", "of"):
        return None
    head = preposition.head
    # the preposition hung on the word itself, on its object ("accused the troops of"), or
    # on the verb of a noun of credit ("drew criticism for jailing students")
    candidates = [head, *([head.head] if head.dep_ == "dobj" else [])]
    candidates += [c for c in head.children if c.dep_ == "dobj"]
    return next(
        (
            c
            for c in candidates
            if c.i != preposition.i and c.lemma_.lower() in words.credit_words
        ),
        None,
    )


def credited_doer(gerund: Token, words: ClauseWords) -> Token | None:
    """Whom a verb of credit or blame credits with the act it judges: its object, or the
    subject of its passive ("Chile was praised for supporting the accord")."""
    governor = crediting_verb(gerund, words)
    if governor is None:
        return None
    doer_deps = ("dobj", *PASSIVE_SUBJECT_DEPS)
    return next((c for c in governor.children if c.dep_ in doer_deps), None)


def is_purpose_infinitive(verb: Token) -> bool:
    """ "to meet the refugees" hung on the clause it is the purpose of."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


# Conjunctions of a clause that tells what happened at the time of the main clause.
WHEN_MARKS = frozenset({"when", "as"})


def hurt_in_main_clause(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "The commander was wounded when two men set off a bomb": whom the main clause says
    was hurt or killed is whom the attack its "when" clause tells struck."""
    main = verb.head
    if verb.dep_ != "advcl" or not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in WHEN_MARKS for c in verb.children
    ):
        return []
    if lemma_of(main) not in load_clause_words().casualty_verbs:
        return []
    hurt = next((c for c in main.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if hurt is None and lemma_of(main) in load_words(EventWords).dying_verbs:
        hurt = subject_of(main)  # "three soldiers died when their convoy was ambushed"
    return actors_at(hurt, by_head) if hurt is not None else []


def is_contact_aim(clause: Token) -> bool:
    """ "telephoned the Ugandan leader to urge restraint", "visited the mosque to apologize":
    what one gets in touch in order to say is said in the call or the visit, not a purpose
    still to be achieved (as "fired shots to disperse the crowd" is)."""
    return lemma_of(clause.head) in load_words(EventWords).contact_verbs


def contacted(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Whom an act is addressed to when it is the aim of getting in touch with them:
    "telephoned Arafat and Barak to urge an end to the bloodshed" urges them both."""
    contact = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or not is_contact_aim(verb):
        return []
    reached = [c for c in contact.children if c.dep_ in OBJECT_DEPS]
    reached += prep_objects(contact, ("with",))
    reached += [conjunct for c in reached for conjunct in c.conjuncts]
    return dedupe([m for c in reached for m in actors_at(c, by_head)])


def asked_to_act(verb: Token) -> Token | None:
    """The object a verb asks to do its infinitive ("urged X to"), not what it uses ("used
    tear gas to disperse") nor a time it gives ("gave them 72 hours to")."""
    words = load_words(EventWords)
    if lemma_of(verb) in words.contact_verbs:
        return None  # "telephoned Arafat to urge calm", "met the envoy to discuss": its subject's aim
    instruments = words.instrument_nouns
    asked = next(
        (
            c
            for c in verb.children
            if c.dep_ in OBJECT_DEPS
            and c.lemma_.lower() not in instruments
            and c.ent_type_ not in MEASURE_ENTITIES
        ),
        None,
    )
    if asked is None and lemma_of(verb) in words.request_verbs:
        # "called on the government to release them" (not "agreed on Saturday to")
        asked = next(
            (p for p in prep_objects(verb, ("on", "upon")) if p.ent_type_ not in MEASURE_ENTITIES),
            None,
        )
    return asked


def is_document_act(participle: Token) -> bool:
    """ "a note criticising the visit": what a document says, an act of its own."""
    return participle.tag_ == "VBG" and (
        participle.head.lemma_.lower() in load_words(EventWords).document_nouns
    )


def author_of(noun: Token) -> Token | None:
    """Who issued a document that acts as a subject: "a statement from the ministry", "the
    party released a note criticising ..." (the subject of the verb that issued it)."""
    if noun.lemma_.lower() not in load_words(EventWords).document_nouns:
        return None
    for pobj in prep_objects(noun, ("from", "by", "of")):
        return pobj
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and noun.head.i != noun.i:
        return subject_of(noun.head)
    return None


def raised_patients(participle: Token) -> list[Token]:
    """ "Thirteen soldiers were reported killed": the subject a raising passive lends to its
    participle is what the participle's act was done to."""
    head = participle.head
    if (
        participle.tag_ != "VBN"
        or participle.dep_ not in ("xcomp", "oprd")
        or head.i == participle.i
    ):
        return []
    if any(c.dep_ == "aux" for c in participle.children):
        return []  # "is reported to have killed 100": an active infinitive
    if not is_raising_passive(head, load_clause_words()):
        return []
    return [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]


def is_raising_passive(verb: Token, words: ClauseWords) -> bool:
    """ "is expected (to)", "was said (to)": a passive whose subject is its infinitive's."""
    return (
        verb.lemma_.lower() in words.raising_passives
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
    )


def placed(mention: Mention | None, doc_id: str, sentence_index: int) -> Mention | None:
    """Participants made by the coder itself (uncoded subjects) learn their document here."""
    if mention is None or mention.doc_id:
        return mention
    return replace(mention, doc_id=doc_id, sentence=sentence_index)


def unresolved(subject: Token) -> list[Mention]:
    """A subject in no dictionary ("Prisoners rioted") is kept as an uncoded participant."""
    if (
        subject.pos_ not in ("NOUN", "PROPN")
        or subject.lemma_.lower() in load_words(EventWords).quantity_heads
        or subject.ent_type_ in MEASURE_ENTITIES  # "72 hours", "Monday": no one
    ):
        return []
    if subject.dep_ == "pobj" and subject.head.lower_ in LOCATIVE_PREPOSITIONS:
        return []  # "a meeting in Saudi Arabia which agreed": the place is not the agreer
    doc = subject.doc
    start = subject.left_edge.i
    span = doc[start : subject.i + 1]
    actor = Actor(code="", name=span.text, reason="subject in no dictionary", kind="unresolved")
    return [
        Mention(
            doc_id="",  # set by `placed` when the event is made
            sentence=-1,
            start=span.start_char,
            end=span.end_char,
            text=span.text,
            actor=actor,
            head=subject.i,
            token_start=start,
            token_end=subject.i + 1,
        )
    ]


def actors_at(token: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Actors a noun phrase stands for, with its conjuncts: "Russia and the United States"."""
    found: list[Mention] = []
    for head in (token, *token.conjuncts):
        found.extend(actors_of_phrase(head, by_head))
        found.extend(listed_after(head, found, by_head))
    return dedupe(found)


def listed_after(head: Token, named: list[Mention], by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "met the Chilean president, the Peruvian minister and the Argentine minister": the
    parser hangs a list's second member on the first as an apposition and the third on the
    second as a conjunct. An apposition with a conjunct of its own is a list, not a second
    name for the first; its members are actors of their own where they are other actors.
    A description is no list: "Ali, a poet and leader of the movement" (indefinite, or a
    conjunct with no determiner or name of its own) describes Ali twice."""
    own = {m.actor.code for m in named}
    if not own:
        return []
    found: list[Mention] = []
    for appos in (c for c in head.children if c.dep_ == "appos"):
        members = [appos, *appos.conjuncts]
        if len(members) < 2 or not all(is_full_phrase(m) for m in members):
            continue
        for member in members:
            found.extend(m for m in actors_of_phrase(member, by_head) if m.actor.code not in own)
    return found


def topic_owner(head: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "the Bush administration's Iraq strategy", "Russia's Syria policy": a thing
    named with a country before it is about that country; whose it is, its possessor says."""
    if head.pos_ != "NOUN" or any(m.actor.kind != "country" for m in by_head[head.i]):
        return []
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
        return []  # "his Kenyan colleague": a demonym says whose the noun is
    return [
        m
        for c in head.children
        if c.dep_ == "poss" and c.pos_ != "PRON"
        for m in by_head.get(c.i, [])
    ]


def is_full_phrase(head: Token) -> bool:
    """A noun phrase that names someone by itself: a name, or a noun with a definite
    determiner or a possessor ("the Peruvian minister", "Spain's prime minister")."""
    if head.pos_ == "PROPN":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
        for c in head.children
    )


def actors_of_phrase(head: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    if head.i in by_head:
        owner = topic_owner(head, by_head)
        return owner or named_organisation(head, by_head) or list(by_head[head.i])
    words = load_words(EventWords)
    if head.lemma_.lower() in words.quantity_heads or head.pos_ in ("NUM", "PRON"):
        # "some of the demonstrators": whom the part is of, before anything set beside it
        partitive = [
            m
            for prep in preps_of(head, ("of",))
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for m in actors_at(pobj, by_head)
        ]
        if partitive:
            return partitive
    for child in head.children:  # "Kenzo Oshima, the United Nations relief coordinator"
        if child.dep_ == "appos" and child.i in by_head:
            return list(by_head[child.i])
    for child in head.children:  # "Russian raids", "Haiti's efforts" (not "its allies")
        if child.dep_ in ("amod", "compound") and child.i in by_head:
            return list(by_head[child.i])
        if (
            child.dep_ == "poss"
            and child.i in by_head
            and head.lemma_.lower() not in words.relation_nouns
            and head.lemma_.lower() not in words.patient_nouns  # "X's arrest" is not X's act
        ):
            return list(by_head[child.i])
    return named_within(head, by_head)


def named_organisation(head: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "the militant group Hamas", "the rebel Lord's Resistance Army, which ...": a group
    noun of a sector followed by the organisation's name is that organisation, which says
    more (its own code, its own country) than the sector noun."""
    if any(m.actor.kind != "sector" for m in by_head[head.i]):
        return []
    return [
        m
        for c in head.children
        if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN"  # a name, not a noun
        for m in by_head.get(c.i, [])
        if m.actor.kind == "organisation" and m.actor.code
    ]


def named_within(token: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """ "a threat by al-Qaeda in the Islamic Maghreb to bomb": a word of a name the
    parser split, whose mention hangs on another of its words, stands for the name."""
    if token.pos_ != "PROPN":
        return []
    return [
        m
        for mentions in by_head.values()
        for m in mentions
        if m.token_start <= token.i < m.token_end and m.head != token.i
    ]


def nominal_participants(
    trigger: Trigger, by_head: dict[int, list[Mention]]
) -> tuple[list[Mention], list[Mention]]:
    """ "Russia's annexation of Crimea", "talks between Kerry and Putin", "U.S. sanctions on Iran"."""
    noun, pattern = trigger.token, trigger.pattern
    sources: list[Mention] = [  # "Palestinian riots": one phrase
        m for m in by_head.get(noun.i, []) if not is_address_part(noun.doc[m.token_start], by_head)
    ]
    targets: list[Mention] = []
    undergoes = noun.lemma_.lower() in load_words(EventWords).patient_nouns
    for child in noun.children:
        if child.dep_ == "poss" and undergoes and child.i in by_head:
            targets.extend(by_head[child.i])  # "Navalny's arrest": he was arrested
        elif (
            child.dep_ in ("poss", "amod", "compound")
            and child.i in by_head
            and not is_address_part(child, by_head)
        ):
            sources.extend(by_head[child.i])
    sources.extend(agents_of(noun, by_head))
    if not sources and noun.dep_ == "appos" and prep_objects(noun, pattern.target_preps):
        # "the minister, who is in Kampala, meeting with Museveni": the parser's apposition
        # of a gerund read as a noun; whom it is set beside does it
        sources.extend(actors_at(noun.head, by_head))
    sources.extend(between_actors(noun, by_head))
    if not sources:
        sources.extend(speakers_of(noun, pattern, by_head))
    if not sources and noun.dep_ == "nsubj":  # "fighting continued between A and B"
        sources.extend(between_actors(noun.head, by_head))
    for pobj in prep_objects(noun, pattern.target_preps):
        # "the withdrawal of forces from Panama": one preposition further down when needed
        targets.extend(actors_at(pobj, by_head) or nested_actors(pobj, by_head))
    if not targets and not pattern.symmetric:  # "two soldiers died in an attack by rebels"
        targets.extend(casualties_of(noun, by_head))
    if not targets:  # "its demand that Israel ease restrictions", "reiterated its demand that"
        clauses = [c for c in noun.children if c.dep_ in ("ccomp", "acl") and is_finite(c)]
        if noun.dep_ in OBJECT_DEPS and noun.head.i != noun.i:
            clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
        for clause in clauses:
            targets.extend(clause_subjects(clause, by_head))
    light_verb = lemma_of(noun.head) in load_words(EventWords).light_verbs
    light = noun.dep_ in OBJECT_DEPS and light_verb
    # "threats were made to the journalist by the militia": the same, told in the passive
    made = noun.dep_ in PASSIVE_SUBJECT_DEPS and light_verb and noun.head.i != noun.i
    if (light or made) and not targets:  # "made a plea to the UN": the phrase hangs on the verb
        for pobj in prep_objects(noun.head, pattern.target_preps):
            targets.extend(actors_at(pobj, by_head))
    if made and not sources:
        sources.extend(m for p in prep_objects(noun.head, ("by",)) for m in actors_at(p, by_head))
    if light and not sources:
        subject = subject_of(noun.head)  # "Russia launched air strikes on Aleppo"
        if subject is not None:
            sources.extend(actors_at(subject, by_head))
    joined = participated_in(noun)
    if not sources and joined is not None:  # "students took part in the protests"
        subject = subject_of(joined)
        if subject is not None:
            sources.extend(actors_at(subject, by_head))
    if not sources and is_means_of_attack(noun):
        # "US forces used phosphorus in an attack on ...": whoever did it did it in the attack
        subject = subject_of(noun.head.head)
        if subject is not None:
            sources.extend(actors_at(subject, by_head))
    # "In Tuesday's talks, the two sides ...", "warned at the end of a visit to Kenya" (not
    # "protested against the visit of ...")
    framed = within_time_frame(noun)
    during = pattern.cameo in VISIT_CODES and is_during(framed)
    if not sources and (pattern.symmetric or during) and framed.dep_ == "pobj":
        verb = speech_made_by(framed.head.head)
        negated = any(c.dep_ == "neg" for c in verb.children)  # "did not meet Xi at the summit"
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") and not negated else None
        if subject is not None:
            sources.extend(actors_at(subject, by_head))
    if not sources and is_subjective_of(noun, pattern):
        sources.extend(m for p in prep_objects(noun, ("of",)) for m in actors_at(p, by_head))
    if not sources and targets and pattern.symmetric and is_existential(noun):
        # '"There are talks under way with the interior minister," the sheikh said', "admitted
        # there had been contacts with the rebels": the speaker's side is the other party
        sources.extend(speaker_of(noun, by_head, exclude=targets))
    sources = dedupe(sources)
    return sources, [t for t in dedupe(targets) if t not in sources]


def is_address_part(word: Token, by_head: dict[int, list[Mention]]) -> bool:
    """ "in Kampala, Uganda meeting with Museveni": a country after a town and a comma is the
    town's country, part of the address, not who does the act its noun names."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].lower_ != ",":
        return False
    town = by_head.get(doc[word.i - 2].i, [])
    return any(m.actor.kind in PLACE_KINDS for m in town)


def casualties_of(noun: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Whom an attack struck, told as who died or was hurt in it ("two soldiers died in an
    attack by rebels", "wounds he suffered in a rocket attack"): the casualty verb's
    subject. A clash is left out: who died in it may be either side. A passive ("were
    killed in the raid") is coded by its verb, which the attack only sets; an attack the
    story told already ("twelve soldiers have died in the offensive") is a toll of it."""
    verb = noun.head.head
    if noun.dep_ != "pobj" or not any(a.i == noun.i for a in attacks_suffered_in(verb)):
        return []
    if is_definite(noun):
        return []
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return []
    subject = subject_of(verb)
    return actors_at(subject, by_head) if subject is not None else []


def speech_made_by(verb: Token) -> Token:
    """ "In comments given after a trip to Uganda, the minister warned": a participle that
    says when words were uttered stands for the verb whose speaker uttered them, the verb the
    words' phrase hangs on; any other verb stands for itself."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return verb
    words = verb.head  # "remarks", "a statement"
    if lemma_of(words) not in load_words(EventWords).document_nouns:
        return verb
    preposition = words.head
    if words.dep_ == "dobj" and preposition.dep_ == "pcomp":  # "in parting remarks" misread
        preposition = preposition.head
    elif words.dep_ != "pobj":
        return verb
    governor = preposition.head
    return governor if governor.pos_ in ("VERB", "AUX") and preposition.dep_ == "prep" else verb


def is_existential(noun: Token) -> bool:
    """ "there are talks", "there had been contacts": the noun is what "there" says exists."""
    verb = noun.head
    return (
        noun.dep_ in ("attr", "nsubj")
        and verb.lemma_.lower() == "be"
        and any(c.dep_ == "expl" for c in verb.children)
    )


# "during his visit", "after talks in Cairo"; "at the end of", "on the eve of" with a frame
TIME_PREPOSITIONS = frozenset({"during", "after", "before", "throughout"})
FRAME_PREPOSITIONS = TIME_PREPOSITIONS | {"at", "on", "in"}


def is_during(phrase: Token) -> bool:
    """ "during his visit", "at the end of a visit", "arrived on a visit", "arrived for a
    visit", "embarked on a trip": a phrase of the time a visit took (not "died on the
    trip")."""
    preposition = phrase.head
    travelled = lemma_of(preposition.head) in load_words(ActorWords).travel_verbs
    if phrase.dep_ == "pobj" and preposition.lower_ == "for":
        return travelled  # "arrived here for a three-day visit": the trip is the visit
    if phrase.dep_ != "pobj" or preposition.lower_ not in FRAME_PREPOSITIONS:
        return False
    if preposition.lower_ in TIME_PREPOSITIONS:
        return True
    framed = lemma_of(phrase) in load_words(EventWords).time_frame_nouns
    return framed or travelled


def within_time_frame(noun: Token) -> Token:
    """The phrase that places a noun's act in time: "at the end of a visit" -> "end", else
    the noun itself."""
    preposition = noun.head
    frame = preposition.head
    if (
        noun.dep_ == "pobj"
        and preposition.lower_ == "of"
        and lemma_of(frame) in load_words(EventWords).time_frame_nouns
    ):
        return frame
    return noun


def speakers_of(noun: Token, pattern: Pattern, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """Who made a verbal act named as a noun: its "from" phrase ("pressure from the
    government", "a demand from the US", not where a bombed flight flew from nor a release
    from prison), or whoever made the statement it is "of" ("the president's statement of
    support for Peru", "a message of condolence from the Kenyan president")."""
    if is_verbal(pattern) and "from" not in pattern.target_preps:
        found = [m for p in prep_objects(noun, ("from",)) for m in actors_at(p, by_head)]
        if found:
            return found
    carrier = carrying_document(noun)
    if carrier is None:
        return []
    found = [
        m
        for child in carrier.children
        if child.dep_ in ("poss", "amod", "compound")
        for m in by_head.get(child.i, [])
    ]
    author = author_of(carrier)  # "a message ... from the Kenyan president", its issuer
    if author is not None and author.i != noun.i:
        found.extend(actors_at(author, by_head))
    return found


def is_verbal(pattern: Pattern) -> bool:
    """An act done in words, not in deeds: CAMEO's verbal cooperation (01-05) and verbal
    conflict (09-13) as CAMEO's authors group them (the codebook's GDELT quad classes,
    `codebook.quad_class`, put 09 with material cooperation and 14 with verbal conflict)."""
    return pattern.cameo[:2] in VERBAL_ROOTS


VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "09", "10", "11", "12", "13"})


def carrying_document(noun: Token) -> Token | None:
    """The statement or message an act named by its "of" object is made in: "Merkel's
    statement of support", "a message of condolence from the king"."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ != "of" or preposition.head.i == preposition.i:
        return None
    carrier = preposition.head
    return carrier if carrier.lemma_.lower() in load_words(EventWords).document_nouns else None


def is_subjective_of(noun: Token, pattern: Pattern) -> bool:
    """ "the withdrawal of Russian troops", "a visit of the Chinese premier": a noun that
    takes no "of" object names its doer there; force is done to its "of" object ("the
    invasion of Iraq"), and a bare noun after "in" is a fixed phrase ("in support of")."""
    if "of" in pattern.target_preps or pattern.cameo[:2] in COERCIVE_ROOTS:
        return False
    return not (noun.dep_ == "pobj" and not any(c.dep_ in ("det", "poss") for c in noun.children))


def participated_in(noun: Token) -> Token | None:
    """The verb by which its subject takes part in the act a noun names: "took part in the
    protests", "participated in the march", "joined the rally"."""
    words = load_words(EventWords).participation_verbs
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        verb = noun.head.head
        if lemma_of(verb) == "take":  # "took part in": the object says it
            part = next((c for c in verb.children if c.dep_ == "dobj"), None)
            return verb if part is not None and lemma_of(part) in words else None
    elif noun.dep_ != "dobj":
        return None
    return verb if verb.pos_ == "VERB" and lemma_of(verb) in words else None


def between_actors(token: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """The sides named in a "between"/"among" phrase of `token`: "talks between Iran and
    France"."""
    return [
        m
        for p in preps_of(token, ("between", "among"))
        for c in p.children
        for m in actors_at(c, by_head)
    ]


def is_means_of_attack(noun: Token) -> bool:
    """ "killed ten soldiers in a raid", "used phosphorus in an attack": an attack named in
    an "in" phrase of an active verb with an object (not "were killed in an attack", whose
    subject suffered it, nor "died in an attack")."""
    verb = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "in"
        and noun.head.head.i != noun.head.i
        and verb.pos_ == "VERB"
        and noun.lemma_.lower() in load_clause_words().casualty_causes
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in ("auxpass", "nsubjpass", "neg") for c in verb.children)
    )


def pair_up(
    sources: list[Mention], targets: list[Mention], *, symmetric: bool
) -> list[tuple[Mention | None, Mention | None]]:
    """One pair per source-target combination, bounded; symmetric acts pair their subjects."""
    sources = [s for s in sources if s.actor.code] or sources[:1]  # uncoded only when alone
    targets = [t for t in targets if t.actor.code]
    pairs: list[tuple[Mention | None, Mention | None]]
    if sources and targets:
        pairs = [
            (s, t) for s in sources for t in targets if not same_actor(s, t) and not own_kind(s, t)
        ]
        pairs = pairs or [(s, None) for s in sources]  # "Israel mounted its invasion"
    elif len(sources) >= 2 and symmetric:
        pairs = [(a, b) for a in sources for b in sources if a is not b and not same_actor(a, b)]
    elif sources:
        pairs = [(s, None) for s in sources]
    else:
        pairs = [(None, t) for t in targets]
    return pairs[:MAX_PAIRS]


def own_kind(source: Mention, target: Mention) -> bool:
    """ "Chávez urged the leaders to stay calm", where "leaders" took Chávez's own country
    from the story: a generic group or place with the source's very code is almost always
    a country read from context, not the act's real target; named people stay ("President
    Gul met Besir Atalay, the interior minister")."""
    return (
        source.actor.code == target.actor.code
        and target.actor.kind in ("sector", *PLACE_KINDS)
        and target.actor.entry_id is None
    )


def same_actor(a: Mention, b: Mention) -> bool:
    return (
        a.actor.code == b.actor.code
        and (a.start, a.end) == (b.start, b.end)
        or (
            a.actor.entry_id is not None
            and a.actor.entry_id == b.actor.entry_id
            and a.actor.code == b.actor.code
        )
    )


def dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for mention in mentions:
        key = (mention.start, mention.end, mention.actor.code)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


# -- negation and modality ----------------------------------------------------------------
def is_casualty_tally(trigger: Trigger) -> bool:
    """A death or injury told without its agent ("60 people were killed", "two monks died"),
    which CAMEO does not code; an attack verb ("was shot dead") names an act even so."""
    token, words = trigger.token, load_clause_words()
    if trigger.nominal or token.lemma_.lower() not in words.casualty_verbs:
        return False
    if token.dep_ == "xcomp" and not raised_patients(token):
        return False  # "the attack is reported to have killed 100": the attack did it
    if any(c.dep_ in ("agent", "nsubj", "csubj") for c in token.children):
        return False
    causes = (g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    return not any(cause.lemma_.lower() in words.casualty_causes for cause in causes)


def has_negative_subject(token: Token) -> bool:
    """ "No pictures of Castro have been released", "no one was arrested"."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ in ("nobody", "none")
            or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        )
        for c in token.children
    )


HESITATION_VERBS = frozenset({"hesitate", "shrink", "flinch", "balk", "waver"})


def is_negated(trigger: Token) -> bool:
    if is_presupposed_act(trigger):
        return False  # "has not answered the ministry's appeal": it was made
    if any(c.dep_ in PREDICATE_COMPLEMENT_DEPS and is_denied_word(c) for c in trigger.children):
        return True  # "was found not guilty", "declared the vote not valid": denied verdict
    token = trigger
    for _ in range(8):
        # "was neither a battle against the militia nor ...": "neither" negates its noun too,
        # and "nor" the conjunct it joins
        if any(c.dep_ == "neg" or c.lower_ in ("never", "neither") for c in token.children):
            return True
        if token.dep_ == "conj" and any(c.lower_ == "nor" for c in token.head.children):
            return True
        if has_negative_subject(token):
            return True
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in NEGATING_VERBS:
            return True
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in HESITATION_VERBS:
            return False  # "will not hesitate to strike": a denied hesitation affirms the act
        if token.dep_ not in NEGATION_CHAIN or token.head.i == token.i:
            return False
        if token.dep_ == "prep" and token.lower_ not in ARGUMENT_PREPOSITIONS:
            return False
        token = token.head
    return False


# A verb's predicate on its object or subject ("found him guilty", "was declared invalid").
PREDICATE_COMPLEMENT_DEPS = frozenset({"oprd", "acomp"})


def is_denied_word(word: Token) -> bool:
    """An adjective or noun denied by its own "not" ("not guilty")."""
    return word.pos_ in ("ADJ", "NOUN") and any(c.dep_ == "neg" for c in word.children)


def is_presupposed_act(noun: Token) -> bool:
    """An event noun its possessor did ("the government's request", "Iran's offer"), named
    as what a verb other than a light verb is about: denying that verb ("has not responded
    to the government's request", "did not accept Iran's offer") takes for granted that the
    act was done. Under a light verb the noun is the act denied ("did not make its offer")."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in noun.children):
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in load_words(EventWords).light_verbs


def modality_of(trigger: Token) -> str | None:
    """How the sentence presents the act: None for a reported act, else one of
    "obligation" (must), "hypothetical" (could), "future" (will, would), "intended" (plans
    to, is ready to), "wished" (would like to, hopes to), "refused" (refused to),
    "threatened" (... unless), "conditional" (if), "generic" (an event noun naming a kind of
    act: "each attack on the press"), "attempted" (tried to), "judged" (the act someone is
    praised or blamed for: CAMEO codes the praise or the blame)."""
    sibling = infinitive_sibling(trigger)
    if sibling is not None:  # "picked to capture him, arrest him and try him"
        return modality_of(sibling)
    framed = framing_of(trigger)
    if framed is not None:
        return framed
    if trigger.pos_ == "NOUN" and is_generic(trigger, load_clause_words()):
        return "generic"
    if trigger.pos_ == "NOUN" and (unrealised := unrealised_by(trigger, load_clause_words())):
        return unrealised
    if trigger.pos_ == "NOUN" and is_subject_of_future(trigger):
        return "planned"  # "talks between Ankara and Moscow will continue next week"
    if is_obligation(trigger):
        return "obligation"
    if is_open_question(verb=trigger):
        return "uncertain"  # "refused to say whether it would send troops": only asked
    token = trigger
    for _ in range(6):
        if is_finished_conjunct(token):
            return None  # "promised to hold elections and freed the leaders": it freed them
        for child in token.children:
            if child.dep_ == "advcl" and any(
                m.lower_ == "unless" for m in child.children if m.dep_ == "mark"
            ):
                return "threatened"
        auxiliaries = modal_auxiliaries(token)
        if is_counterfactual(token, auxiliaries):
            return "counterfactual"  # "it would have breached French law"
        if is_role_described(token):
            return "generic"  # "reporters, whose duty it is to inform the public"
        if is_arranged(token):  # "is to meet Lee on Wednesday"; "were to review his case"
            return "planned" if token.head.tag_ == "VBD" else "intended"
        if auxiliaries & OBLIGATION_AUX or has_to(token):
            return "obligation"
        if auxiliaries & HYPOTHETICAL_AUX:
            return "hypothetical"
        if auxiliaries & FUTURE_AUX or "going" in auxiliaries:
            return "future"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            return "conditional"
        if is_awaited(token):
            return "conditional"  # "once the operation pushes the Taliban out"
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in NEGATING_VERBS:
            return "refused"
        if crediting_verb(token, load_clause_words()) is not None:
            return "judged"  # "accused the army of seizing farms": the accusation is coded
        if token.dep_ == "xcomp" and is_raising_passive(token.head, load_clause_words()):
            governor = token.head.lemma_.lower()  # "is scheduled to meet": a plan
            if governor in load_clause_words().predicted_passives:
                return "uncertain"  # "is expected to send observers": others foresee it
            if governor in load_clause_words().hearsay_passives and not has_perfect(token):
                return "uncertain"  # "is said to be flying": hearsay of what is to come
            return "intended" if governor in load_clause_words().planned_passives else None
        if token.dep_ in ("xcomp", "ccomp"):
            governor, words = token.head.lemma_.lower(), load_words(EventWords)
            if governor in words.intent_verbs or governor in words.intent_adjectives:
                return "intended"
            if governor == "threaten":
                return "threatened"
            if governor in words.request_verbs and not is_reported_fact(token):
                return "requested"
            if governor in OWN_WISH_VERBS and token.dep_ == "xcomp":
                return "wished"  # "Brazil would like to deepen its ties": its own wish
            if governor in WISH_VERBS:
                return "hypothetical"
            if governor in ATTEMPT_VERBS:
                return "attempted"
        seen = token.dep_ == "ccomp" and lemma_of(token.head) in PERCEPTION_VERBS
        if seen and is_wished(token.head):
            return "requested"  # "would like to see Chile apologize": asked of Chile
        if token.i == trigger.i and is_done_modifier(token):
            return None  # "must free the sailors captured by its navy": the capture is done
        if (
            token.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "conj", "acl", "acomp")
            and not seen
        ) or token.head.i == token.i:
            return None
        token = token.head
    return None


# Words whose "if" clause is a question, not a condition: "asked if Peru would attack".
ASKING_WORDS = frozenset({"ask", "wonder", "know", "inquire", "enquire", "question", "unclear"})
# Deps through which an act belongs to the clause above it ("whether it intends to attack").
QUESTION_CHAIN_DEPS = frozenset({"xcomp", "conj"})


def is_open_question(*, verb: Token) -> bool:
    """An act asked about, not told: a "whether" clause ("declined to say whether Peru
    would send troops", "it is unclear whether the army attacked") or an "if" clause that
    is a verb's object ("asked if Peru meant to attack"); "if" opening a condition
    ("will attack if provoked") is an advcl and read as a condition elsewhere."""
    token = verb
    for _ in range(4):
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        asked = token.dep_ == "ccomp" or lemma_of(token.head) in ASKING_WORDS
        if "whether" in marks or ("if" in marks and asked):
            return True
        if token.dep_ not in QUESTION_CHAIN_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return False


# Verbs whose bare infinitive tells what is seen, framed by what frames the seeing.
PERCEPTION_VERBS = frozenset({"see", "watch"})


def infinitive_sibling(verb: Token) -> Token | None:
    """The infinitive a bare verb is really coordinated with: in "a unit was picked to
    capture the smuggler, detain him and take him before a judge" the parser hangs "detain"
    on "picked", but a bare form with no subject or auxiliary of its own ("detain", not
    "detained") after a "to" infinitive continues that infinitive's list of acts."""
    head = verb.head
    if (
        verb.dep_ != "conj"
        or verb.tag_ != "VB"
        or head.tag_ == "VB"
        or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    ):
        return None
    return next(
        (
            c
            for c in head.children
            if c.dep_ in ("xcomp", "advcl")
            and c.i < verb.i
            and c.tag_ == "VB"
            and any(d.dep_ == "aux" and d.tag_ == "TO" for d in c.children)
        ),
        None,
    )


def is_done_modifier(verb: Token) -> bool:
    """A past participle that describes a noun ("the sailors captured by its navy", "arms
    supplied by Iran"): an act told as done, whatever the clause around the noun says of
    the noun ("Iran must free the sailors": the demand is on the release, not the capture)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)  # "being weighed"
    )


def is_wished(verb: Token) -> bool:
    """ "would like to see", "wants to see": a seeing wished for."""
    return verb.dep_ == "xcomp" and lemma_of(verb.head) in OWN_WISH_VERBS


# Dependencies a clause frame is looked for through: the act's own clause and the phrases
# that hold it, up to the verb or noun that frames it, through an adjective's complement
# too ("doubtful that they will be able to sign": "able" is the complement of "be").
FRAME_CHAIN = frozenset(
    {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj", "acl", "advcl", "nsubjpass",
     "acomp"}
)  # fmt: skip


def framing_of(trigger: Token) -> str | None:
    """How a governing verb or noun frames the act, overriding its own auxiliaries: the
    act is "uncertain" (feared, believed, alleged: "officials fear the rebels will attack"),
    "denied" ("denied having used chemical weapons"), a "purpose" not (yet) achieved
    ("fired shots to disperse the crowd", "working to free them") or "requested" ("called
    for the withdrawal of troops"). Only the framing act itself is an event."""
    words = load_clause_words()
    token = trigger
    for _ in range(6):
        head = token.head
        if head.i == token.i or token.dep_ not in FRAME_CHAIN:
            return None
        governor = head.lemma_.lower()
        if token.dep_ in ("ccomp", "xcomp") and governor in words.uncertainty_verbs:
            return "uncertain"
        if (
            token.dep_ == "ccomp"
            and head.pos_ == "ADJ"
            and governor in words.uncertainty_adjectives
        ):
            return "uncertain"  # "analysts are skeptical that the leaders will agree"
        if token.dep_ in ("pcomp", "pobj") and is_instead_of(head):
            return "counterfactual"  # "instead of being driven to the airport": it did not happen
        if is_characterisation(token, words):  # "described the closure as an attack by
            return "judged"  # the government", "sees the ban as a move meant to silence us"
        background = token.dep_ == "pobj" and is_background(head, words) and is_definite(token)
        if background and token.i == trigger.i:
            return "background"  # "after the meeting, Merkel said", not "after a visit"
        if token.dep_ == "pcomp" and token.i != trigger.i and is_background(head, words):
            return "background"  # "shot dead after covering a protest": told as its setting
        if token.dep_ == "dobj" and token.i == trigger.i and trigger.pos_ == "NOUN":
            if governor in words.uncertainty_verbs:  # "officials fear a rebel offensive"
                return "uncertain"
            if governor in words.wished_verbs:  # "want an immediate withdrawal of troops"
                return "requested"
        if is_apposed_claim(token, words):
            return None  # "India accuses Pakistan of ..., a charge Islamabad denies": made
        if token.dep_ in ("ccomp", "xcomp", "pcomp", "dobj") and governor in words.denial_verbs:
            return "denied"
        if token.dep_ in ("xcomp", "dobj") and governor in words.cessation_verbs:
            return "ceased"  # "agreed to stop fighting", "halted the talks"
        if token.dep_ in ("dobj", "nsubjpass") and governor in words.postponement_verbs:
            return "planned"  # "the visit was postponed": still to come
        if intent_holder(token, words) is not None:  # "Canada announced plans to host"
            # "threats by the militia to shell the port": a threat made, not an intent
            return "threatened" if lemma_of(head) in words.threat_nouns else "intended"
        if token.dep_ in ("acl", "ccomp", "pobj") and is_framing_noun(token, words):
            return "uncertain"
        if token.dep_ in ("acl", "pcomp") and is_disputed_claim(token, words):
            return "denied"  # "rejected India's accusation that it was backing militants"
        if is_purpose_clause(token, words) and is_contact_aim(token):
            return modality_of(head)  # "will visit India to sign a pact": as the visit is
        if is_purpose_clause(token, words):
            return pledged_effort(token, words) or "purpose"
        if token.dep_ == "pobj" and head.lower_ in ("to", "for") and is_invitation(head.head):
            return "requested"  # "invited Barak and Arafat to talks in Paris": not yet held
        if token.dep_ == "pobj" and head.lower_ == "for":
            asker = head.head.lemma_.lower()
            if asker in words.request_for_verbs or asker in words.effort_nouns:
                return "requested"
        if token.dep_ in ("ccomp", "advcl") and is_tensed(token):
            return None  # a finite clause of its own is framed by nothing further up
        if token.dep_ == "conj" and is_tensed(token) and not is_tensed(head):
            return None  # "called for the crowd to march and chanted": the chant happened
        token = head
    return None


def is_instead_of(preposition: Token) -> bool:
    """ "instead of", parsed with "instead" on "of" or "of" on "instead": what it names was
    passed over for what the clause tells."""
    if preposition.lower_ != "of":
        return False
    return preposition.head.lower_ == "instead" or any(
        c.lower_ == "instead" for c in preposition.children
    )


def is_characterisation(noun: Token, words: ClauseWords) -> bool:
    """An event noun that says what someone calls an act, not an act told: "described the
    closure as an attack by the government", "called the raid a massacre", "was
    branded an act of war"; it is the speaker's judgement, coded as such where a pattern
    codes it."""
    if noun.pos_ != "NOUN":
        return False
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif noun.dep_ not in ("oprd", "attr"):
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in words.describing_verbs


def is_subject_of_future(noun: Token) -> bool:
    """An event noun that is the subject of a verb in the future ("the talks will resume")."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i == noun.i:
        return False
    auxiliaries = {c.lower_ for c in noun.head.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxiliaries & FUTURE_AUX)


def is_awaited(verb: Token) -> bool:
    """ "can follow up once the operation pushes the Taliban out", "until the army withdraws":
    a simple present after a time conjunction tells an act still to come, not one done."""
    return (
        verb.dep_ == "advcl"
        and (verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBD" and is_future_in_past(verb.head)))
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(
            c.dep_ == "mark" and c.lower_ in load_clause_words().awaiting_conjunctions
            for c in verb.children
        )
    )


def is_future_in_past(verb: Token) -> bool:
    """ "said the campaign would continue until Belgrade accepted the plan": reported speech
    puts the awaited act in the past tense after a "would"."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children)


def is_generic(noun: Token, words: ClauseWords) -> bool:
    """ "each attack on journalists", "any attack on our troops": a kind of act, not one act
    that was done."""
    return any(
        c.dep_ in ("det", "amod") and c.lower_ in words.generic_determiners  # "most clashes"
        for c in noun.children
    )


def unrealised_by(noun: Token, words: ClauseWords) -> str | None:
    """ "a planned march", "the upcoming summit" (planned), "a possible attack" (uncertain):
    an event noun its modifier says was not (yet) done, and no promise or threat either."""
    for child in noun.children:
        if child.dep_ not in ("amod", "compound"):
            continue
        if child.lower_ in words.planned_modifiers:
            return "planned"
        if child.lower_ in words.possible_modifiers:
            return "uncertain"
    return None


def is_background(preposition: Token, words: ClauseWords) -> bool:
    """ "after", "since", "ahead of", "prior to", "responsibility for": what the phrase
    names is not told here."""
    word = preposition.lower_
    if word == "for" and lemma_of(preposition.head) in words.answerability_nouns:
        return True  # "claimed responsibility for the attack": the attack told before
    if word in ("of", "to") and preposition.head.i != preposition.i:
        word = preposition.head.lower_  # "ahead of the talks", "prior to the vote"
    return word in words.background_prepositions


def is_definite(noun: Token) -> bool:
    """ "the meeting", "his visit", "Sunday's talks": an act the story has told already."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"))
        for c in noun.children
    )


def intent_holder(infinitive: Token, words: ClauseWords) -> Token | None:
    """Who holds the intent an intent noun's "to" infinitive names, when the sentence makes
    it known: the noun's possessor ("her intention to join the march"), its "by" phrase
    ("a pledge by the donors to rebuild the port") or the subject of a verb announcing it
    ("Canada unveiled plans to host a conference"). None for an intent no one is said to
    hold ("the plan to build a dam was dropped"), which stays unrealised. A threat noun's
    maker holds the act as a threat ("threats by the militia to shell the port")."""
    noun = infinitive.head
    if (
        infinitive.dep_ != "acl"
        or noun.i == infinitive.i
        or noun.pos_ != "NOUN"
        or noun.lemma_.lower() not in words.intent_nouns | words.threat_nouns
        or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children)
    ):
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    governor = noun.head
    if noun.dep_ == "dobj" and governor.lemma_.lower() in words.announcing_verbs:
        return subject_of(governor)
    return None


def is_framing_noun(token: Token, words: ClauseWords) -> bool:
    """ "fears of a US attack", "allegations that troops tortured detainees"."""
    noun = noun_above(token, through_of="pobj")
    return noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in words.uncertainty_nouns


def noun_above(token: Token, *, through_of: str) -> Token | None:
    """The word a clause or phrase hangs on ("allegations that ..."), reached through "of"
    when `token` has the dependency `through_of` ("fears of an attack"); None when that
    preposition is not "of"."""
    head = token.head
    if token.dep_ != through_of:
        return head
    return head.head if head.lower_ == "of" else None


def is_finished_conjunct(verb: Token) -> bool:
    """A past tense the parser conjoined to an infinitive ("promised to hold elections and
    freed the leaders"): a clause of its own, told as done, not a second thing promised."""
    return verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.tag_ == "VB"


def is_invitation(verb: Token) -> bool:
    return lemma_of(verb) in load_words(EventWords).invitation_verbs


def is_apposed_claim(clause: Token, words: ClauseWords) -> bool:
    """A clause told first and then named as a claim the denial's object answers ("India
    accuses Pakistan of arming rebels, a charge Islamabad denies", parsed with the clause as
    the denial's complement): the claim was made; only what it says is disputed."""
    denial = clause.head
    return (
        clause.dep_ == "ccomp"
        and clause.i < denial.i
        and lemma_of(denial) in words.denial_verbs | REJECTING_VERBS
        and any(
            # "a charge the army denied" is parsed with the noun as object or as subject
            c.dep_ in ("dobj", "nsubjpass", "nsubj")
            and c.i > clause.i
            and c.left_edge.i > 0
            and c.doc[c.left_edge.i - 1].lower_ == ","  # set apart: named again, not new
            and lemma_of(c) in words.claim_nouns
            for c in denial.children
        )
    )


def is_disputed_claim(clause: Token, words: ClauseWords) -> bool:
    """What a claim says when the claim itself is denied or rejected ("rejected the charge
    that it armed the rebels", "dismissed claims of troops firing on civilians"): disputed,
    not told; the denial is the event."""
    noun = noun_above(clause, through_of="pcomp")
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and lemma_of(noun) in words.claim_nouns
        and noun.dep_ in ("dobj", "nsubjpass")
        and lemma_of(noun.head) in words.denial_verbs | REJECTING_VERBS
    )


def pledged_effort(clause: Token, words: ClauseWords) -> str | None:
    """ "will work to free them", "will keep working to free them": an effort itself
    promised (future or intended) pledges what it strives for, so its act takes the
    effort's modality; an effort made ("working to free them") achieves nothing yet."""
    effort = clause.head
    if clause.dep_ not in ("xcomp", "advcl") or effort.lemma_.lower() not in words.effort_verbs:
        return None
    carried = effort.dep_ in ("advcl", "xcomp") and effort.tag_ == "VBG"
    # "will carry on working to", "will keep working to": the gerund's verb says when
    modality = modality_of(effort.head if carried else effort)
    return modality if modality in ("future", "intended") else None


def is_purpose_clause(token: Token, words: ClauseWords) -> bool:
    """An infinitive of purpose ("to disperse the crowd", "in order to free them"), the
    complement of an effort ("working to free them"), of a task given ("a unit was selected
    to arrest him") or of an effort noun ("an attempt to free the sailors")."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    head = token.head
    if token.dep_ == "advcl":  # but "made it a priority to strengthen ties" is the act itself
        return not any(c.lower_ == "it" and c.dep_ in ("dobj", "expl") for c in head.children)
    if token.dep_ == "xcomp":  # "working to free them", "was sent to protect the camps"
        return head.lemma_.lower() in words.effort_verbs | words.tasking_verbs
    if token.dep_ == "acl":
        return head.pos_ == "NOUN" and head.lemma_.lower() in words.effort_nouns
    return False


def is_tensed(clause: Token) -> bool:
    """A clause with a tensed verb or auxiliary ("that they had met"), unlike an infinitive
    or participle; `is_finite` asks for a subject instead."""
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for c in clause.children
    )


def is_counterfactual(verb: Token, auxiliaries: set[str]) -> bool:
    """ "would have breached", "could have been avoided": what did not happen."""
    return (
        bool(auxiliaries & (FUTURE_AUX | HYPOTHETICAL_AUX))
        and "have" in auxiliaries
        and (verb.tag_ == "VBN")
    )


def is_arranged(verb: Token) -> bool:
    """ "is to meet", "were to review": an arrangement, an intent while it is ahead and no
    act at all when told from the past."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and verb.head.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and blame_predicate(verb) is None  # "X is to blame" is blame said now
    )


def is_role_described(verb: Token) -> bool:
    """ "whose duty it is to inform the public", "it is to be hoped": "it" stands for the
    infinitive, which names a role or a duty, no act anyone has arranged or done."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.head.children)
    )


def is_reported_fact(clause: Token) -> bool:
    """ "the army lifted the blockade, officials told AFP", "a court was told soldiers beat
    detainees": a finite clause under "tell" or "ask" reports what happened, whereas a request
    takes an infinitive or a bare verb ("told them to leave", "demanded that Assad step down")."""
    if clause.dep_ != "ccomp":
        return False
    if clause.tag_ == "VBP" and (
        has_singular_subject(clause)
        or lemma_of(clause.head) in load_clause_words().mandative_verbs
    ):  # "requested that Iran free the journalists", "that the presidents shake hands":
        return False  # a bare verb, subjunctive
    if clause.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") and c.lower_ != "do"
        for c in clause.children
    ) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def has_perfect(verb: Token) -> bool:
    """A perfect infinitive ("to have killed"): what is told is past, done."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def has_singular_subject(verb: Token) -> bool:
    """A third-person singular subject ("Iran", "the army", "he"): its present tense would be
    "frees", so a bare "free" after it is a subjunctive."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.conjuncts:
        return False
    return subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it")


def has_own_modal(token: Token) -> bool:
    """A verb with its own "must" or "has to": wildcard patterns need one ("Iran must go");
    "should" is advice as often as a demand, so it only re-codes verbs with patterns."""
    return has_to(token) or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "must" for c in token.children
    )


def modal_auxiliaries(verb: Token) -> set[str]:
    """The verb's auxiliaries in lower case; "shall" after "I" or "we" is the future ("we
    shall never accept it", "we shall continue to help"), an obligation only of others
    ("the parties shall withdraw")."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    first_person = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children
    )
    if "shall" in auxiliaries and first_person:
        auxiliaries = (auxiliaries - {"shall"}) | {"will"}
    return auxiliaries


def is_obligation(trigger: Token) -> bool:
    """ "must withdraw", "must be ready to mediate", "has to resign": anywhere up the clause."""
    token = trigger
    for _ in range(4):
        if modal_auxiliaries(token) & OBLIGATION_AUX or has_to(token):
            return True
        if token.dep_ not in ("xcomp", "acomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def has_to(token: Token) -> bool:
    """ "has to withdraw", "needs to resign": obligation without a modal auxiliary."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in ("have", "need")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def speaker_of(
    trigger: Token,
    by_head: dict[int, list[Mention]],
    *,
    exclude: Sequence[Mention] = (),
    by_code: bool = False,
) -> list[Mention]:
    """Who says an act must happen: the subject of the nearest verb above the act's clause
    ("Russia said Sudan must return", "Chirac issued a reminder to Iraq that it must"), other
    than the actors who must act ("Mubarak said the US must be ready to mediate")."""
    # with `by_code`, other than any mention of the same actors too ("a rights group said
    # Ugandan officials signalled that they were hiding the truth": not the officials again)
    codes = {m.actor.code for m in exclude if m.actor.code} if by_code else set()
    exclude = [*exclude, *(m for ms in by_head.values() for m in ms if m.actor.code in codes)]
    token = trigger
    for _ in range(6):
        if token.head.i == token.i:
            break
        # "Chile has paid the rebels and Bolivia is meddling," the minister said: the clause
        # coordinated with tells nothing of it
        sibling = token.dep_ == "conj"
        token = token.head
        if token.pos_ in ("VERB", "AUX") and not sibling:
            # "According to Rojas, the new law is a ploy by the cabinet to muzzle reporters":
            # a copula's subject is what is judged, the teller is the "according to" phrase
            # (a speaking verb's own subject tells: "According to AFP, the navy says")
            copula = lemma_of(token) in COPULAS
            told = source_named_by_according(token, by_head) if copula else []
            told = [m for m in told if m not in exclude]
            if told:
                return told
            subject = subject_of(token)
            found = [m for m in actors_at(subject, by_head) if m not in exclude] if subject else []
            if found:
                return found
    speaker = quotation_speaker(trigger, by_head)  # '"Israel must withdraw," Ban said'
    return [speaker] if speaker is not None and speaker not in exclude else []


def source_named_by_according(verb: Token, by_head: dict[int, list[Mention]]) -> list[Mention]:
    """The actors an "according to" phrase on `verb` names: the teller of its clause."""
    return [
        m
        for according in verb.children
        if according.lower_ == "according" and according.dep_ == "prep"
        for to in according.children
        if to.lower_ == "to"
        for pobj in to.children
        if pobj.dep_ == "pobj"
        for m in actors_at(pobj, by_head)
    ]


def force_doer(*, verb: Token) -> Token | None:
    """The noun doing a verb's act: its active subject, or its passive "by" agent ("the
    church was destroyed by a blaze")."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    return subject_of(verb)


def is_natural_force(*, verb: Token) -> bool:
    """A quake, storm or bare fire doing the act: no one's attack (the README's natural
    disasters and accidents). A fire someone's ("tank fire", "Israeli fire", "fire from
    the troops") stays an attack."""
    doer = force_doer(verb=verb)
    if doer is None:
        return False
    words = load_words(EventWords)
    lemma = doer.lemma_.lower()
    if lemma not in words.natural_force_nouns:
        return False
    if lemma not in words.fire_nouns:
        return True
    return not any(
        c.dep_ in ("compound", "nmod", "poss")
        or (c.dep_ == "amod" and c.ent_type_ == "NORP")
        or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
        for c in doer.children
    )


def is_dismissal(*, verb: Token) -> bool:
    """ "Fired" as dismissed: "fired from his job", or a person "was fired" with nothing it
    was fired at; "shots were fired", "rockets fired at the town" and "was fired upon"
    stay shooting."""
    if lemma_of(verb) != "fire":
        return False
    words = load_words(EventWords)
    if any(p.lemma_.lower() in words.job_nouns for p in prep_objects(verb, ("from",))):
        return True
    aims = ("at", "on", "upon", "into")
    stranded = any(
        c.lower_ in aims and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children
    )
    aimed = [p for p in prep_objects(verb, aims) if p.ent_type_ not in ("DATE", "TIME")]
    if stranded or aimed:
        return False  # "was fired upon", "fired at"; "was fired on Sunday" only dates
    passive = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
    if passive is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        passive = verb.head  # "the employee fired last week"
    if passive is None:
        return False
    if passive.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        passive = verb.head  # "a man who was fired"
    return passive.lemma_.lower() not in words.projectile_nouns
