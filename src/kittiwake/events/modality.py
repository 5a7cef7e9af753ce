"""What a non-factual event *is*: a promise, a threat, a demand or a refusal.

PLOVER and CAMEO code the speech act, not the act spoken about: "Turkey will allow refugees
to return" is a promise (AGREE, CAMEO 03x), "NATO would tighten the blockade" a threat
(THREATEN, 13x), "Russia said Sudan must return the helicopter" a demand by Russia on Sudan
(REQUEST, 10x), "the U.S. said it would not meet the demands" a refusal (REJECT, 12x).
A negated past act ("did not meet") is no event at all and stays negated.

The codebook's `data/speech_acts.yaml` sends the CAMEO code of the act spoken about to the
code of the speech act about it, most specific first; families without an entry fall back to
the speech act's root code.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from kittiwake.lang import SpeechActs, SpeechActTable, load_words


class Speech(StrEnum):
    PROMISE = "promise"
    THREAT = "threat"
    DEMAND = "demand"
    REFUSAL = "refusal"


# Acts that already are speech acts keep their code: promising to appeal is still appealing.
SPEECH_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
# Acts of violence (assault, fight, mass violence), which a promise not to do holds back.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def speech_table(speech: Speech) -> tuple[Mapping[str, str], str]:
    """The codes of `speech` by the act spoken about, and the code when none applies."""
    table: SpeechActTable = getattr(load_words(SpeechActs), speech.value)
    return table.codes, table.fallback


def speech_code(cameo: str, speech: Speech) -> str:
    """The CAMEO code of `speech` about the act coded `cameo` ("163", THREAT) -> "1312"."""
    table, fallback = speech_table(speech)
    for length in (4, 3, 2):
        if cameo[:length] in table and len(cameo) >= length:
            return table[cameo[:length]]
    return fallback


def is_cooperative(cameo: str) -> bool:
    return cameo[:2] <= "09"


def speech_act(cameo: str, *, modality: str | None, negated: bool) -> Speech | None:
    """Which speech act a modal or negated statement about act `cameo` performs, if any."""
    if modality is None and not negated:
        return None
    cooperative = is_cooperative(cameo)
    spoken = cameo[:2] in SPEECH_ROOTS  # already a speech act: promising to appeal is appealing
    if modality == "obligation" and not negated:
        return Speech.DEMAND  # "Russia said Sudan must return the helicopter"
    if negated and modality in ("future", "intended") and cameo[:2] in VIOLENT_ROOTS:
        return Speech.PROMISE  # "will not use force against them": to hold back (0356)
    if modality == "refused" or negated:  # "failed to reach agreement", "will not accept"
        refusing = modality in ("refused", "future", "intended")
        return (
            Speech.REFUSAL if cooperative and refusing and cameo[:2] not in ("01", "02") else None
        )
    if spoken:
        return None
    if modality == "threatened":
        return Speech.THREAT
    if modality in ("future", "intended"):
        return Speech.PROMISE if cooperative else Speech.THREAT
    if modality == "wished":  # "would like to deepen ties"; a wish to attack is no threat
        return Speech.PROMISE if cooperative else None
    # "unless Romania withdraws its troops", "if the U.S. does attack": the condition is a
    # supposition of whoever speaks, neither a promise nor a threat of its own subject
    if modality == "hypothetical" and not cooperative:
        return Speech.THREAT  # "may halt mediation", "could strike"
    return None
