"""Re-coding modal statements as the speech acts they are: promise, threat, demand, refusal."""

from __future__ import annotations

import pytest

from kittiwake.events.codebook import load_codebook
from kittiwake.events.modality import (
    SPEECH_ROOTS,
    Speech,
    speech_act,
    speech_code,
    speech_table,
)

# The CAMEO root and PLOVER type every code of a speech act's table must have.
SPEECH_ROOT = {Speech.PROMISE: "03", Speech.THREAT: "13", Speech.DEMAND: "10", Speech.REFUSAL: "12"}
SPEECH_PLOVER = {
    Speech.PROMISE: "AGREE",
    Speech.THREAT: "THREATEN",
    Speech.DEMAND: "REQUEST",
    Speech.REFUSAL: "REJECT",
}


@pytest.mark.parametrize(
    ("cameo", "speech", "expected"),
    [
        ("163", Speech.THREAT, "1312"),  # threaten with sanctions (embargo)
        ("162", Speech.THREAT, "1311"),
        ("1724", Speech.THREAT, "1324"),  # 4-digit key wins over its 3-digit family
        ("1721", Speech.THREAT, "1321"),
        ("173", Speech.THREAT, "137"),  # family 17 without an entry of its own
        ("195", Speech.THREAT, "1384"),  # root fallback "19"
        ("0874", Speech.THREAT, "136"),
        ("0874", Speech.PROMISE, "0356"),  # no 4-digit entry: the 3-digit family "087"
        ("0831", Speech.PROMISE, "0341"),
        ("0833", Speech.PROMISE, "0343"),
        ("071", Speech.PROMISE, "0331"),
        ("070", Speech.PROMISE, "033"),
        ("042", Speech.PROMISE, "036"),  # meet -> express intent to meet
        ("073", Speech.DEMAND, "1033"),
        ("0831", Speech.DEMAND, "1041"),  # "X must step down" -> demand leadership change
        ("084", Speech.DEMAND, "1053"),  # "must release" -> demand release
        ("057", Speech.DEMAND, "107"),
        ("057", Speech.REFUSAL, "127"),
        ("081", Speech.REFUSAL, "1241"),
        ("061", Speech.REFUSAL, "1211"),
        ("040", Speech.REFUSAL, "125"),
        # no entry at any length: the speech act's own root code
        ("150", Speech.PROMISE, "030"),
        ("190", Speech.DEMAND, "100"),
        ("190", Speech.REFUSAL, "120"),
        ("020", Speech.THREAT, "130"),
    ],
)
def test_speech_code(cameo: str, speech: Speech, expected: str) -> None:
    assert speech_code(cameo, speech) == expected


@pytest.mark.parametrize("speech", list(Speech))
def test_every_mapped_code_is_in_the_codebook_with_the_speech_acts_root_and_type(
    speech: Speech,
) -> None:
    codebook = load_codebook()
    table, fallback = speech_table(speech)
    for act, code in [*table.items(), ("", fallback)]:
        assert act == "" or act in codebook, f"{speech.value}: act {act!r} is no CAMEO code"
        assert code in codebook, f"{speech.value}: {act} -> {code!r} is no CAMEO code"
        assert code[:2] == SPEECH_ROOT[speech], f"{speech.value}: {act} -> {code}"
        assert codebook[code].plover_type == SPEECH_PLOVER[speech], (
            f"{speech.value}: {act} -> {code}"
        )


@pytest.mark.parametrize("speech", list(Speech))
def test_every_code_of_the_codebook_maps_to_a_code_of_the_codebook(speech: Speech) -> None:
    codebook = load_codebook()
    for entry in codebook:
        assert speech_code(entry.code, speech) in codebook


@pytest.mark.parametrize(
    ("cameo", "modality", "negated", "expected"),
    [
        # obligation: someone says the actor must act -> a demand, whatever the act
        ("084", "obligation", False, Speech.DEMAND),
        ("190", "obligation", False, Speech.DEMAND),
        # a future cooperative act is promised, a future conflictive act threatened
        ("070", "future", False, Speech.PROMISE),
        ("042", "intended", False, Speech.PROMISE),
        ("036", "future", False, None),  # already a speech act (root 03)
        ("163", "future", False, Speech.THREAT),
        ("190", "intended", False, Speech.THREAT),
        # the act of an "if"/"unless" clause is a supposition, not its subject's speech act
        ("190", "conditional", False, None),
        ("087", "conditional", False, None),
        ("163", "threatened", False, Speech.THREAT),
        # negated or refused cooperation that was to come: a refusal
        ("040", "future", True, Speech.REFUSAL),
        ("081", "intended", True, Speech.REFUSAL),
        ("040", "refused", False, Speech.REFUSAL),
        ("040", "refused", True, Speech.REFUSAL),
        # a negated past act is no speech act: it stays a negated event
        ("040", None, True, None),
        ("163", None, True, None),
        # "will not attack", "will not use force": no threat, a promise to hold back (0356)
        ("190", "future", True, Speech.PROMISE),
        ("183", "intended", True, Speech.PROMISE),
        ("163", "future", True, None),  # "will not impose sanctions" is neither
        ("190", "refused", False, None),
        # hypothetical cooperation is no act; hypothetical force is a threat ("could strike")
        ("070", "hypothetical", False, None),
        ("040", "hypothetical", False, None),
        ("190", "hypothetical", False, Speech.THREAT),
        # the subject's own wish to cooperate is an intent; a wish to attack is no threat
        ("061", "wished", False, Speech.PROMISE),
        ("190", "wished", False, None),
        # a reported act is no speech act about another act
        ("190", None, False, None),
        ("040", None, False, None),
        ("040", "requested", False, None),
        # speech acts: an obligation to speak is still demanded, a withheld promise refused
        ("020", "obligation", False, Speech.DEMAND),  # "Iran must appeal to ..."
        ("030", "future", True, Speech.REFUSAL),  # "will not agree to"
        ("036", "refused", False, Speech.REFUSAL),  # "refused to promise talks"
        ("030", None, True, None),  # "did not agree" is a negated act
        ("084", "obligation", True, None),  # "must not release" is no demand to release
    ],
)
def test_speech_act(
    cameo: str, modality: str | None, negated: bool, expected: Speech | None
) -> None:
    assert speech_act(cameo, modality=modality, negated=negated) is expected


@pytest.mark.parametrize("root", sorted(SPEECH_ROOTS))
@pytest.mark.parametrize(
    "modality", ["future", "intended", "threatened", "hypothetical", "conditional"]
)
def test_speech_roots_are_left_untouched(root: str, modality: str) -> None:
    """Promising to appeal is still appealing; threatening to threaten still threatening."""
    assert speech_act(f"{root}0", modality=modality, negated=False) is None


@pytest.mark.parametrize("root", sorted(SPEECH_ROOTS - {"03"}))
@pytest.mark.parametrize("modality", [None, "future", "intended", "refused"])
def test_negated_speech_acts_other_than_intents_are_no_refusals(
    root: str, modality: str | None
) -> None:
    """ "did not criticise", "will not appeal": no event, not a refusal of anything."""
    assert speech_act(f"{root}0", modality=modality, negated=True) is None
