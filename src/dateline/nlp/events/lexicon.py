"""Closed word lists the event rules use, and how a verb of agreeing, asking, refusing or threatening
combines with the action it governs into one CAMEO code.

"threatened to impose sanctions" is one event, THREATEN 1312, not a threat and a sanction; "offered to
mediate" is AGREE 039; "demanded the release of" is REQUEST 1053. The tables say, for each family, which
code a complement action of a given CAMEO root (or code) gives.
"""

from __future__ import annotations

# Verbs of saying (SPEECH_VERBS) and FUTURE_AUX are shared with other extractors: see nlp/lexicon.py.

# Verbs whose passive with a "to" clause hedges what follows: "is said to have met", "is believed to".
HEDGE_PASSIVES = frozenset({"say", "believe", "think", "report", "rumor", "rumour", "understand", "allege",
                            "suspect", "claim", "reckon", "rumour"})
HEDGE_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "apparently", "supposedly", "seemingly",
                           "reputedly", "ostensibly", "possibly", "probably", "likely", "perhaps", "maybe"})
HEDGE_NOUNS = frozenset({"rumor", "rumour", "report", "speculation", "claim", "allegation", "suggestion"})
PAST_FUTURE_AUX = frozenset({"would", "'d"})
POSSIBILITY_AUX = frozenset({"could", "might", "may", "can", "ca"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
# verbs and adjectives of planning or wanting, with the status of what they govern
PLAN_WORDS = {"plan": "expected", "schedule": "expected", "set": "expected", "due": "expected",
              "expect": "expected", "prepare": "expected", "arrange": "expected", "poise": "expected",
              "intend": "intended", "want": "intended", "wish": "intended", "hope": "intended",
              "seek": "intended", "aim": "intended", "try": "intended", "attempt": "intended",
              "ready": "intended", "willing": "intended", "prepared": "intended", "eager": "intended",
              "keen": "intended", "determined": "intended", "desire": "intended", "look": "intended",
              "propose": "expected", "consider": "hypothetical", "mull": "hypothetical", "weigh": "hypothetical",
              "talk": "hypothetical", "discuss": "hypothetical",  # "talked about banning": nothing banned yet
              "without": "denied",  # "cut taxes without raising fees": the raising is not done
              "agree": "expected", "decide": "expected", "promise": "expected", "pledge": "expected",
              "vow": "expected", "offer": "intended", "threaten": "hypothetical", "refuse": "denied",
              "invite": "expected", "invitation": "expected", "urge": "expected", "ask": "expected",
              "recommend": "expected", "demand": "expected", "request": "expected", "appeal": "expected",
              "yet": "expected", "likely": "expected", "unlikely": "hypothetical",
              "decline": "denied", "fail": "denied", "deny": "denied", "reject": "denied", "balk": "denied",
              # nouns of proposing and pledging, and adjectives of ability: what they govern has not happened
              "proposal": "hypothetical", "commitment": "expected", "bid": "intended", "effort": "intended",
              "able": "hypothetical", "capable": "hypothetical", "threat": "hypothetical",
              "ability": "hypothetical", "capability": "hypothetical", "capacity": "hypothetical",
              # judgements of what ought to be done: "it is essential for the states to contribute"
              "essential": "hypothetical", "necessary": "hypothetical", "vital": "hypothetical",
              "important": "hypothetical", "crucial": "hypothetical", "imperative": "hypothetical",
              # nouns of holding back: "his reluctance to condemn", "the refusal to meet" tell of what was not done
              "refusal": "denied", "failure": "denied", "reluctance": "denied", "hesitancy": "denied",
              "hesitation": "denied", "unwillingness": "denied"}
# modifiers of an event noun that put it in the future or make it uncertain
FUTURE_MODIFIERS = frozenset({"expected", "planned", "proposed", "upcoming", "forthcoming", "possible",
                              "potential", "prospective", "future", "next", "anticipated", "mooted", "scheduled",
                              "coming", "impending", "pending", "likely", "would-be", "rumored", "rumoured",
                              "tentative", "putative", "hoped-for", "mooted"})
FUTURE_PHRASES = ("ahead of", "in the lead-up to", "in the run-up to", "preparations for", "in the works",
                  "yet to be", "on the cards", "in the pipeline", "plans for", "hopes of", "hopes for",
                  "prospect of", "prospects of", "prospects for", "possibility of", "chance of", "talk of")
PAST_PHRASES = ("after", "since", "following", "aftermath of", "in the wake of", "before")
NEGATORS = frozenset({"not", "n't", "never", "no"})
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "rebut"})
# Verbs that put a claim in doubt: "the ministry disputed claims that its jets struck a school".
DOUBT_VERBS = DENIAL_VERBS | frozenset({"dispute", "reject", "contest", "question", "doubt", "challenge"})
# Verbs of accusing: what someone is accused of is alleged, not established ("accused of smuggling arms").
ALLEGE_VERBS = frozenset({"accuse", "allege", "charge", "suspect", "blame", "indict", "convict"})
# Verbs of saying, thinking and meaning whose negation leaves the clause they govern unasserted ("this does
# not mean that the embassy will close", "she did not say that troops had left").
ASSERTING_VERBS = frozenset({"mean", "say", "think", "believe", "suggest", "imply", "indicate", "claim", "know",
                             "confirm", "show", "prove", "signal", "announce", "report", "expect", "mention"})
# Nouns whose "that" clause is what someone wants or proposes, not what happened ("on condition that the
# network pay", "the demand that he resign").
# Verbs of believing and expecting: what they govern is the subject's view ("she believes voters will back
# the plan"), not something that happened.
COGNITION_VERBS = frozenset({"believe", "think", "expect", "predict", "hope", "fear", "suspect", "doubt",
                             "guess", "reckon", "assume", "forecast", "anticipate", "imagine", "suppose", "feel"})
PROPOSAL_NOUNS = frozenset({"condition", "demand", "request", "proposal", "idea", "suggestion", "call", "offer",
                            "hope", "wish", "insistence", "plea", "recommendation", "requirement"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "provided", "should"})
# verbs that bring an event noun about, so the noun's event is the verb's clause's event ("stag": the small
# English model lemmatises "staged" as "stag", so "staged a walkout" needs it)
LIGHT_VERBS = frozenset({"hold", "have", "conduct", "stage", "launch", "begin", "start", "continue", "carry",
                         "mount", "make", "give", "pay", "issue", "organize", "organise", "open", "resume",
                         "attend", "host", "undertake", "wage", "unleash", "lead", "join", "complete", "finish",
                         "end", "conclude", "take", "perform", "stag", "step", "intensify", "escalate", "sign",
                         "reach", "strike", "seal", "clinch", "agree", "announce", "declare", "impose", "order",
                         "grant", "provide", "send", "deliver", "offer", "extend", "file", "lodge", "level",
                         "renew", "call", "convene", "co-host", "chair", "kick", "wrap", "round", "arrange",
                         "set", "stage", "enforce", "slap", "tighten", "institute", "introduce", "adopt",
                         # support verbs whose subject does the act its noun names: "resorted to violence",
                         # "engaged in talks", "committed atrocities", "pursued negotiations"
                         "resort", "engage", "commit", "perpetrate", "pursue", "initiate", "maintain", "keep",
                         "expand", "broaden", "widen", "step", "press", "deploy", "use", "employ", "make"})
# verbs of stopping: "talks stalled", "the summit was cancelled" do not say the talks happened now
HALT_VERBS = frozenset({"stall", "stop", "halt", "suspend", "cancel", "postpone", "delay", "collapse", "break",
                        "freeze", "end", "fail", "derail", "scrap", "call"})

COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})

# family -> {complement code or root -> resulting code}; the longest key that prefixes the complement wins
COMPOSE: dict[str, dict[str, str]] = {
    "AGREE": {
        "03": "", "04": "036", "045": "039", "046": "036", "05": "032", "057": "030", "06": "031", "061": "0311",
        "062": "0312", "063": "0313", "064": "0314", "07": "033", "071": "0331", "072": "0332", "073": "0333",
        "074": "0334", "08": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354",
        "086": "0355", "087": "0356", "09": "030", "10": "030", "11": "030", "12": "030", "13": "",
    },
    "REQUEST": {
        "03": "100", "04": "106", "045": "108", "05": "102", "06": "101", "061": "1011", "062": "1012",
        "063": "1013", "064": "1014", "07": "103", "071": "1031", "072": "1032", "073": "1033", "074": "1034",
        "08": "105", "081": "1051", "082": "1052", "083": "104", "084": "1053", "085": "1054", "086": "1055",
        "087": "1056", "10": "", "09": "100",
    },
    "REJECT": {
        "03": "120", "04": "125", "045": "126", "05": "120", "057": "127", "06": "121", "061": "1211",
        "062": "1212", "063": "1213", "064": "1214", "07": "122", "071": "1221", "072": "1222", "073": "1223",
        "074": "1224", "08": "124", "081": "1241", "082": "1242", "083": "123", "084": "1243", "085": "1244",
        "086": "1245", "087": "1246", "10": "120", "12": "",
    },
    "THREATEN": {
        "03": "130", "04": "130", "05": "130", "06": "130", "07": "130", "08": "130", "09": "130", "10": "130",
        "11": "130", "12": "130", "13": "", "14": "133", "143": "1312", "15": "138", "16": "131", "161": "1313",
        "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136", "17": "130", "172": "132",
        "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324", "175": "137", "18": "1383", "19": "1384",
        "191": "1381", "192": "1382", "20": "1385",
    },
}
DEFAULT_CODE = {"AGREE": "030", "REQUEST": "100", "REJECT": "120", "THREATEN": "130"}


def compose(family: str, complement: str | None) -> str:
    """The code of ``family`` governing an action coded ``complement`` ("" or None: the family's default).

    A cooperative family governing a conflict action becomes a threat ("vowed to attack" -> 138)."""
    if family == "AGREE" and complement and complement[:2] in CONFLICT_ROOTS:
        family = "THREATEN"
    table = COMPOSE.get(family, {})
    if complement:
        for n in range(len(complement), 1, -1):
            hit = table.get(complement[:n])
            if hit is not None:
                return hit or complement  # "" in the table: the complement is already of this family
    return DEFAULT_CODE.get(family, "")


def intent_family(code: str) -> str | None:
    """Which family a future or intended action expresses: cooperation -> AGREE, conflict -> THREATEN."""
    root = code[:2]
    if root in COOPERATIVE_ROOTS:
        return "AGREE"
    if root in CONFLICT_ROOTS:
        return "THREATEN"
    return None
