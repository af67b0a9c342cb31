"""The words a count claim is made of: numbers, ordinals, counting adverbs, time units and the event
words that name what is counted, each mapped to its PLOVER type and mode (ontology/data/plover.tsv)."""

from __future__ import annotations

import re

UNITS_1_19 = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
              "sixteen seventeen eighteen nineteen").split()
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS_1_19 = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                 "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
COUNT_ADVERBS = {"once": 1, "twice": 2, "thrice": 3}

NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS_1_19, 1)} | TENS | {"a": 1, "an": 1, "a dozen": 12,
                                                                                    "dozen": 12}
ORDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate(ORDINALS_1_19, 1)} | ORDINAL_TENS
for _ten, _value in TENS.items():  # twenty-one, twenty-first ...
    for _i, (_unit, _nth) in enumerate(zip(UNITS_1_19[:9], ORDINALS_1_19[:9]), 1):
        NUMBER_WORDS[f"{_ten}-{_unit}"] = _value + _i
        ORDINAL_WORDS[f"{_ten}-{_nth}"] = _value + _i

NUMBER = r"(?:\d{1,4}|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True)) + ")"
ORDINAL = (r"(?:\d{1,4}(?:st|nd|rd|th)|" +
           "|".join(sorted((re.escape(w) for w in ORDINAL_WORDS), key=len, reverse=True)) + ")")
UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
MONTHS = ("january february march april may june july august september october november december").split()
MONTH = r"(?:" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"


def number_value(word: str) -> int | None:
    """A cardinal as written ("4", "four", "a", "twenty-one") as an int; None when it is none."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def ordinal_value(word: str) -> int | None:
    """An ordinal as written ("4th", "fourth", "twenty-first") as an int; None when it is none."""
    w = word.lower().strip()
    m = re.fullmatch(r"(\d{1,4})(st|nd|rd|th)", w)
    if m:
        return int(m.group(1))
    return ORDINAL_WORDS.get(w)


def month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(w[:3]))


# What is counted: the noun (singular, plural) or verb forms of an event word -> (PLOVER type, mode).
# A mode is given where the word names one; only the modes in STRICT_MODES narrow the count (a visit
# is not any meeting, a call is not a visit); the others describe (a bombing is an attack).
EVENT_NOUNS: dict[str, tuple[str, str | None]] = {
    "visit": ("CONSULT", "visit"), "state visit": ("CONSULT", "visit"), "trip": ("CONSULT", "visit"),
    "journey": ("CONSULT", "visit"), "tour": ("CONSULT", "visit"),
    "meeting": ("CONSULT", None), "talks": ("CONSULT", None), "summit": ("CONSULT", None),
    "encounter": ("CONSULT", None), "phone call": ("CONSULT", "phone"), "call": ("CONSULT", "phone"),
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "strike": ("ASSAULT", None),
    "airstrike": ("ASSAULT", None), "air strike": ("ASSAULT", None), "raid": ("ASSAULT", None),
    "bombing": ("ASSAULT", "explosives"), "shooting": ("ASSAULT", "firearms"),
    "suicide bombing": ("ASSAULT", "suicide-attack"), "massacre": ("ASSAULT", "massacre"),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "arrest": ("COERCE", "arrest"), "deportation": ("COERCE", "deport"),
}
PLURALS = {"talks": "talks", "rallies": "rally"}
EVENT_VERBS: dict[str, str] = {  # a verb form -> the noun it counts
    "visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit",
    "travel": "trip", "travels": "trip", "travelled": "trip", "traveled": "trip", "travelling": "trip",
    "traveling": "trip", "tour": "tour", "tours": "tour", "toured": "tour", "touring": "tour",
    "host": "visit", "hosts": "visit", "hosted": "visit", "hosting": "visit", "welcomed": "visit",
    "welcomes": "visit", "meet": "meeting", "meets": "meeting", "met": "meeting", "meeting": "meeting",
    "attack": "attack", "attacks": "attack", "attacked": "attack", "attacking": "attack",
    "strike": "strike", "strikes": "strike", "struck": "strike", "striking": "strike",
    "bomb": "bombing", "bombs": "bombing", "bombed": "bombing", "bombing": "bombing",
    "raid": "raid", "raids": "raid", "raided": "raid",
    "protest": "protest", "protests": "protest", "protested": "protest", "protesting": "protest",
    "arrest": "arrest", "arrests": "arrest", "arrested": "arrest",
}
STRICT_MODES = frozenset({"visit", "phone"})

# Verbs that carry an event noun ("makes a visit", "holds talks") or introduce it; they end the subject.
LIGHT_VERBS = frozenset(
    "make makes made making pay pays paid paying hold holds held holding have has had having begin begins began "
    "start starts started arrive arrives arrived arriving carry carries carried launch launches launched stage "
    "stages staged suffer suffers suffered mark marks marked embark embarks embarked conclude concludes "
    "concluded end ends ended wrap wraps wrapped head heads headed set sets go goes went is are was were "
    "be been sees saw see hit hits rock rocks rocked kill kills killed take takes took come comes came "
    "host hosts hosted hosting welcome welcomes welcomed receive receives received".split())
HOST_VERBS = frozenset("host hosts hosted hosting welcome welcomes welcomed receive receives received".split())
# Words before a name that say what the person is, not who ("North Korean leader Kim Jong Un").
TITLES = frozenset(
    "president premier prime minister chancellor king queen prince secretary general leader chairman chairwoman "
    "supreme mr mrs ms dr sir envoy foreign defence defense state vice deputy senator governor mayor "
    "pope emperor commander chief top spokesman spokeswoman official officials".split())


def event_word(word: str) -> str | None:
    """The event noun a token (a noun, plural or verb form) counts, or None."""
    w = word.lower()
    if w in EVENT_NOUNS:
        return w
    if w in PLURALS:
        return PLURALS[w]
    if w.endswith("s") and w[:-1] in EVENT_NOUNS:
        return w[:-1]
    return None
