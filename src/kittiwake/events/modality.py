"""What a non-factual event *is*: a promise, a threat, a demand or a refusal.

PLOVER and CAMEO code the speech act, not the act spoken about: "Turkey will allow refugees
to return" is a promise (AGREE, CAMEO 03x), "NATO would tighten the blockade" a threat
(THREATEN, 13x), "Russia said Sudan must return the helicopter" a demand by Russia on Sudan
(REQUEST, 10x), "the U.S. said it would not meet the demands" a refusal (REJECT, 12x).
A negated past act ("did not meet") is no event at all and stays negated.

Each mapping below sends the CAMEO code of the act spoken about to the code of the speech
act about it, most specific first; families without an entry fall back to the root's code.
"""

from __future__ import annotations

from enum import StrEnum

# act -> intent to do it (03x)
INTENT_CODES = {
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "06": "031",
    "071": "0331", "072": "0332", "073": "0333", "074": "0334", "07": "033",
    "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "083": "034",
    "081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "08": "035", "04": "036", "045": "039", "05": "032", "057": "030", "09": "030",
}  # fmt: skip
# act -> threat to do it (13x)
THREAT_CODES = {
    "162": "1311", "163": "1312", "161": "1313", "164": "134", "165": "135", "166": "136",
    "16": "131", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "172": "132",
    "17": "137", "14": "133", "15": "138", "18": "1383", "191": "1381", "192": "1382",
    "19": "1384", "20": "1385", "0874": "136",
}  # fmt: skip
# act -> demand that the target do it (10x)
DEMAND_CODES = {
    "061": "1011", "062": "1012", "063": "1013", "064": "1014", "06": "101", "05": "102",
    "071": "1031", "072": "1032", "073": "1033", "074": "1034", "07": "103",
    "0831": "1041", "0832": "1042", "0833": "1043", "0834": "1044", "083": "104",
    "081": "1051", "082": "1052", "084": "1053", "085": "1054", "086": "1055", "087": "1056",
    "08": "105", "04": "106", "046": "106", "045": "108", "057": "107",
}  # fmt: skip
# act -> refusal to do it (12x)
REFUSAL_CODES = {
    "061": "1211", "062": "1212", "06": "121", "07": "122",
    "0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "083": "123",
    "081": "1241", "082": "1242", "084": "1243", "085": "1244", "086": "1245", "087": "1246",
    "08": "124", "04": "125", "045": "126", "057": "127", "03": "120", "05": "120",
}  # fmt: skip


class Speech(StrEnum):
    PROMISE = "promise"
    THREAT = "threat"
    DEMAND = "demand"
    REFUSAL = "refusal"


TABLES = {
    Speech.PROMISE: (INTENT_CODES, "030"),
    Speech.THREAT: (THREAT_CODES, "130"),
    Speech.DEMAND: (DEMAND_CODES, "100"),
    Speech.REFUSAL: (REFUSAL_CODES, "120"),
}
# Acts that already are speech acts keep their code: promising to appeal is still appealing.
SPEECH_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})


def speech_code(cameo: str, speech: Speech) -> str:
    """The CAMEO code of `speech` about the act coded `cameo` ("163", THREAT) -> "1312"."""
    table, fallback = TABLES[speech]
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
    if modality == "refused" or negated:  # "failed to reach agreement", "will not accept"
        refusing = modality in ("refused", "future", "intended")
        return (
            Speech.REFUSAL if cooperative and refusing and cameo[:2] not in ("01", "02") else None
        )
    if spoken:
        return None
    if modality == "threatened":
        return Speech.THREAT
    if modality in ("future", "intended", "conditional"):
        return Speech.PROMISE if cooperative else Speech.THREAT
    if modality == "hypothetical" and not cooperative:
        return Speech.THREAT  # "may halt mediation", "could strike"
    return None
