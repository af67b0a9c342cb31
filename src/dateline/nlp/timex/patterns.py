"""The grammar: one regular expression per kind of temporal expression, built from the lexicon.

Patterns are case-sensitive where case carries meaning (month and weekday names must be capitalised,
so "may" the verb and "march" the noun are not months) and case-insensitive elsewhere. Extents
follow TIMEX3: determiners and modifiers ("the", "early", "about") are inside, prepositions ("on",
"in", "at") outside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    EASTER_HOLIDAYS,
    ERAS,
    FIXED_HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NON_GREGORIAN,
    NTH_WEEKDAY_HOLIDAYS,
    NUMBER_WORDS,
    ORDINALS,
    TIMEZONES,
    UNIT_PLURALS,
    UNITS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)


_PLAIN = re.compile(r"[A-Za-z0-9'’.& -]+")


def _trie(words: list[str]) -> str | None:
    """Plain words as one alternation with shared beginnings factored out ("next|nearly|never" ->
    "n(?:e(?:xt|arly|ver))"): the matcher then tests a position's first letter once instead of
    once per word. At every branch a longer continuation is tried before the word ending there,
    which is what a longest-first list of words does, so the matches are the same. A space stands for
    any run of whitespace. None when a word is not plain text, or when two branches differ only in
    case (under a case-insensitive flag their order would then decide)."""
    if not words or not all(_PLAIN.fullmatch(w) for w in words):
        return None
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = [ch for ch in node if ch]
        if len({k.lower() for k in keys}) != len(keys):
            raise ValueError("branches differ only in case")
        parts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in keys]
        if "" in node:
            parts.append("")  # the word ending here, after every longer one
        if len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")"

    try:
        return "(?:" + emit(root) + ")"
    except ValueError:
        return None


def _alt(words, *, cap: bool = False) -> str:
    """An alternation, longest first; ``cap``: each word Capitalised or UPPER only."""
    ordered = sorted(set(words), key=lambda x: (-len(x), x))
    if not cap:
        factored = _trie(ordered)
        if factored is not None:
            return factored
    out = []
    for w in ordered:
        e = re.escape(w).replace(r"\ ", r"\s+")
        if cap:
            head, tail = e[0], e[1:]
            out.append(f"{head.upper()}(?:{tail}|{tail.upper()})")
        else:
            out.append(e)
    return "(?:" + "|".join(out) + ")"


def _ci(s: str) -> str:
    """Case-insensitive; a space stands for any run of whitespace."""
    return "(?i:" + (_words(s.split("|")) or s).replace(" ", r"\s+") + ")"


def _words(alternatives: list[str]) -> str | None:
    """Alternatives given in order (a longer one before its prefix) as a factored alternation, or
    None when they are not plain words or a shorter one comes first (its order then decides)."""
    words = [a.replace(r"\s+", " ") for a in alternatives]
    if any(b.lower().startswith(a.lower()) for i, a in enumerate(words) for b in words[i + 1:]):
        return None
    return _trie(words)


L = r"(?<![\w&])"  # left word boundary ("&" keeps "AT&T" out)
R = r"(?![\w])"
SP = r"\s+"
DASH = r"\s*(?:-|–|—)\s*"

MONTH_FULL = _alt(MONTHS, cap=True)
MONTH_ABBR = _alt(MONTH_ABBREVIATIONS, cap=True)
MONTH = f"(?:{MONTH_FULL}|{MONTH_ABBR}\\.)"  # a month on its own: abbreviations need their period
MONTH_D = f"(?:{MONTH_FULL}|{MONTH_ABBR}\\.?)"  # a month before or after a day number
WEEKDAY = f"(?:{_alt(WEEKDAYS, cap=True)}|{_alt(WEEKDAY_ABBREVIATIONS, cap=True)}\\.)"
WEEKDAY_FULL = _alt(WEEKDAYS, cap=True)
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
YEAR4 = r"(?:1[0-9]|20)[0-9]{2}(?![\d%]|,\d|\.\d)"
YEAR2 = r"['’][0-9]{2}(?![\w'’])"
_TEEN = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
# "nineteen ninety-six", "two thousand and one": years as broadcast transcripts spell them
YEAR_SPOKEN = _ci(
    f"(?:nineteen|eighteen)[- ](?:hundred|{_TEEN}|(?:{_TENS})(?:[- ](?:{_ONES}))?|oh[- ](?:{_ONES}))"
    f"|two thousand(?:[- ]and)?[- ](?:{_TEEN}|(?:twenty)(?:[- ](?:{_ONES}))?|{_ONES})"
)
YEAR = f"(?:{YEAR4}|{YEAR2}|{YEAR_SPOKEN})"
NUMBER_W = _alt(NUMBER_WORDS)
NUMBER = (
    r"(?:\d+(?:[.,]\d+)?(?:\s+(?:and\s+)?(?:a\s+)?half|\s*½|\s+1/2)?|"
    + f"(?i:{NUMBER_W}(?:\\s+and\\s+a\\s+half)?|an?(?:\\s+and\\s+a\\s+half)?))"
)
VAGUE = _ci(
    r"several|a\s+few|few|many|some|numerous|dozens\s+of|hundreds\s+of|thousands\s+of|a\s+number\s+of|"
    r"a\s+couple\s+(?:of\s+)?more|countless|multiple"
)
UNIT = _ci(_alt(list(UNITS) + list(UNIT_PLURALS)))
ORDINAL_W = _ci(_alt(ORDINALS))
QUARTER_ORD = _ci(r"first|second|third|fourth|final|last|1st|2nd|3rd|4th")
TZ = f"(?:{_alt(TIMEZONES)}{R}|" + _ci(r"local\s+time|universal\s+time") + ")"
POD = _ci(r"morning|afternoon|evening|night|overnight|midday|noon|daytime")
APPROX = _ci(
    r"about|around|approximately|nearly|almost|roughly|some|at\s+least|at\s+most|more\s+than|less\s+than|"
    r"fewer\s+than|no\s+more\s+than|no\s+less\s+than|up\s+to|only|just|barely|a\s+full|a\s+whole|"
    r"an\s+additional|another|upwards\s+of|close\s+to|well\s+over|just\s+over|just\s+under|the\s+better\s+part\s+of"
)
RELWORD = _ci(r"this|last|next|past|coming|previous|current|this\s+past|this\s+coming|the\s+past|the\s+previous|"
              r"the\s+current|the\s+coming|the\s+following|the\s+next|the\s+last|the\s+same|the\s+latest|that|"
              r"the\s+preceding|the\s+prior|the\s+present|the\s+upcoming|upcoming|recent|the\s+recent|"
              r"the\s+most\s+recent|the\s+previous|the\s+first|the\s+final|the\s+whole|the\s+entire|all")
EDGE = _ci(r"early|late|mid|middle|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
           r"the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|end\s+of|start\s+of|beginning\s+of|"
           r"the\s+turn\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|the\s+latter\s+half\s+of|"
           r"the\s+early\s+part\s+of|the\s+latter\s+part\s+of|the\s+last\s+part\s+of|around|"
           r"the\s+close\s+of|the\s+dawn\s+of|the\s+eve\s+of|the\s+run-up\s+to|earlier\s+in|later\s+in|early\s+in|"
           r"late\s+in")
# names are matched in any case here; the scanner's guards want them capitalised in running text
HOLIDAY = _ci(_alt(list(FIXED_HOLIDAYS) + list(NTH_WEEKDAY_HOLIDAYS) + list(EASTER_HOLIDAYS)))
NONGREG = _ci(_alt(NON_GREGORIAN))
ERA = _ci(_alt(ERAS))


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int = 0  # breaks ties between equally long matches
    keys: tuple[str, ...] = ()  # word classes one of which every match contains
    reach: tuple[int, int] = (60, 60)  # how far a match can stretch before and after its key word
    also: re.Pattern[str] | None = None  # a cheap pattern every match contains: windows without it are skipped


def _rule(name: str, body: str, priority: int = 0, also: str | None = None) -> Rule:
    keys = RULE_KEYS[name]
    # a unit word ends its expression but for a few words ("three weeks from now", "…-year-old")
    reach = (60, 24) if keys == ("unit",) else (60, 60)
    return Rule(name, re.compile(L + body + R if not body.endswith(R) else L + body), priority, keys, reach,
                re.compile(also) if also else None)


# Word classes that every match of a rule contains. The scanner runs a rule only in windows around
# its keys, found in one pass over the words, instead of running every rule over every character.
def _key_words() -> tuple[dict[str, str], dict[str, str]]:
    cased: dict[str, str] = {}
    for w in list(MONTHS) + list(MONTH_ABBREVIATIONS):
        cased[w.capitalize()] = cased[w.upper()] = "month"
    for w in list(WEEKDAYS) + list(WEEKDAY_ABBREVIATIONS):
        for form in (w.capitalize(), w.upper()):
            cased[form] = cased[form + "s"] = cased[form + "S"] = "weekday"
    cased["New"] = cased["NEW"] = "name"  # "New Year's Day"; the lower-case word is too common to be a key
    lower: dict[str, str] = {}
    units = list(UNITS) + list(UNIT_PLURALS) + ["period", "half"]
    lower.update({w: "unit" for w in units})
    lower.update({w: "season" for w in ("spring", "summer", "fall", "autumn", "winter")})
    lower.update({w: "pod" for w in ("morning", "mornings", "afternoon", "afternoons", "evening", "evenings",
                                     "night", "nights", "noon", "midday", "midnight", "dawn", "dusk", "daybreak",
                                     "nightfall", "lunchtime", "daytime", "tonight", "overnight")})
    lower.update({w: "word" for w in (
        "now", "nowadays", "current", "currently", "recent", "recently", "lately", "late", "future", "past",
        "present", "moment", "these", "today", "yesterday", "tomorrow", "daily", "weekly", "monthly", "annually",
        "yearly", "hourly", "nightly", "biweekly", "biannually", "semiannually", "semi", "bimonthly",
        "fortnightly", "every", "each", "per", "once", "twice", "thrice", "times", "clock")})
    lower.update({w: "name" for w in (
        "christmas", "easter", "halloween", "thanksgiving", "valentine", "valentines", "patrick", "independence",
        "bastille", "veterans", "armistice", "remembrance", "boxing", "labor", "labour", "memorial", "luther",
        "presidents", "columbus", "mother", "father", "women", "saints", "fawkes", "epiphany", "pentecost", "whit",
        "maundy", "fourth", "ramadan", "eid", "muharram", "ashura", "lunar", "seollal", "chuseok", "tet", "rosh",
        "yom", "passover", "hanukkah", "sukkot", "purim", "diwali", "holi", "vesak", "juche", "minguo", "reiwa",
        "heisei", "showa", "buddhist", "nineteen", "eighteen", "thousand", "twenties", "thirties", "forties",
        "fifties", "sixties", "seventies", "eighties", "nineties")})
    return cased, lower


CASED_KEYS, LOWER_KEYS = _key_words()
KEY_TOKEN = re.compile(r"[A-Za-z]+|\d+")
RULE_KEYS: dict[str, tuple[str, ...]] = {
    **{k: ("digit",) for k in ("iso", "numeric", "numeric-ymd", "year-range", "quarter-code", "quarter-code-year",
                               "clock", "clock-24", "clock-colon", "clock-pod", "era-year-suffix")},
    **{k: ("month",) for k in ("month-day-range", "day-month-range", "month-range", "month-day", "day-month",
                               "month-year", "month")},
    **{k: ("unit",) for k in ("century", "quarter", "relative-unit", "edge-the-unit", "year-end", "the-unit",
                              "fin-period", "ago", "in-duration", "duration", "vague-duration", "bare-plural-unit")},
    "decade": ("digit", "name"), "year": ("digit", "name"), "year-words": ("name",),
    "season": ("season",), "relative-day": ("word",), "this-pod": ("pod",), "weekday": ("weekday",),
    "weekday-plural": ("weekday",), "holiday": ("name", "weekday"), "non-gregorian": ("name", "season"),
    "era-year": ("name",), "ref": ("word",), "clock-word": ("pod",), "oclock": ("word",), "part-of-day": ("pod",),
    "pod": ("pod",), "set": ("word",), "set-adverb": ("word", "unit"), "set-frequency": ("word",),
}


def W(*words: str) -> str:
    """Case-insensitive alternatives, in the order given (a longer one must come before its prefix)."""
    return _ci("|".join(words))


MDY_TAIL = f"(?:\\s*,?\\s*(?P<y>{YEAR}))?"
YEAR_WORDS = _ci(r"two thousand(?: and \w+)?")
FREQ = _ci(r"once|twice|thrice|three times|four times|several times|many times|a few times|\d+ times|one time|"
           r"two times")
REL_SHORT = W("last", "next", "this", "this past", "this coming", "past", "coming", "previous")
EDGE_UNIT = W("the end of", "the beginning of", "the start of", "the middle of", "the rest of", "the remainder of",
              "end of", "year end", "the turn of", "earlier in", "later in", "early in", "late in")
YEAR_END = W("year[- ]end", "year[- ]earlier", "year[- ]ago", "the year[- ]earlier period",
             "the year[- ]ago period", "month[- ]end", "quarter[- ]end")
FIN_ADJ = W("latest", "most recent", "comparable", "corresponding", "same", "year-earlier", "year-ago", "prior-year",
            "year-before", "year earlier", "year ago")
QUARTER_ADJ = W("fiscal", "calendar", "flat", "weak", "strong", "same", "comparable", "disappointing", "year-ago",
                "year-earlier")
REL_UNIT = W("week", "weekend", "month", "year", "quarter", "decade", "century", "season", "day", "days", "weeks",
             "months", "years", "quarters", "decades")
AGO_DIR = W("ago", "earlier", "later", "before", "after", "from now", "hence", "back", "prior", "previously",
            "afterwards?", "since", "in the future")
DURATION_REL = W("past", "last", "next", "first", "final", "coming", "previous", "following", "remaining", "latest",
                 "preceding", "prior", "initial", "ensuing", "succeeding", "other", "same", "full")
DURATION_ADJ = W("more", "additional", "full", "straight", "consecutive", "long", "whole", "extra", "trading",
                 "business", "working", "school", "calendar")
VAGUE_REL = W("recent", "coming", "past", "next few", "past few", "last few", "next several", "past several",
              "last several", "following", "ensuing", "subsequent", "preceding", "intervening")
PLURAL_UNIT = W("years", "months", "weeks", "days", "hours", "minutes", "decades", "centuries", "quarters", "seconds",
                "nights", "weekends")
# Measured on TBAQ: words TimeML marks as times in most of their uses. "previously", "soon", "so far",
# "already", "once", "later" are not: most of their uses go unmarked.
REF_WORDS = W("now", "right now", "just now", "currently", "nowadays", "these days", "at present", "at the moment",
              "recently", "lately", "of late", "the past", "the future", "the near future", "the foreseeable future",
              "the distant future", "future", "current", "recent")
CLOCK_APPROX = W("about", "around", "approximately", "shortly after", "shortly before", "just after", "just before",
                 "before", "after", "by", "until", "at", "from")
CLOCK_POD = W("in the morning", "in the afternoon", "in the evening", "at night", "tonight", "this morning",
              "this afternoon", "this evening")
POD_WORD = W("morning", "afternoon", "evening", "night")
PART_OF_DAY = W("overnight", "in the morning", "in the afternoon", "in the evening", "at night", "at dawn", "at dusk",
                "during the night", "the morning", "the afternoon", "the evening", "the night")
SET_ADVERBS = W("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly", "biannually",
                "semiannually", "semi-annually", "bimonthly", "fortnightly", "year-round", "year after year",
                "day after day", "day and night", "around the clock", "round the clock", "24 hours a day", "each day",
                "day-to-day")
SET_UNIT = W("morning", "afternoon", "evening", "night", "summer", "winter", "spring", "fall", "autumn", "weekend")
FREQ_UNIT = W("year", "month", "week", "day", "hour", "minute", "quarter", "decade", "weekend", "morning", "night")

RULES: tuple[Rule, ...] = (
    _rule("iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
          r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?", 9, also=r"\d-\d\d-\d"),
    _rule("numeric", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![/\d])", 8, also=r"\d/\d"),
    _rule("numeric-ymd", r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![/\d])", 8, also=r"\d/\d"),
    _rule("month-day-range",
          f"(?:(?P<wd>{WEEKDAY}),?\\s+)?(?P<m1>{MONTH_D})\\s*(?P<d1>{DAY})"
          f"(?:{DASH}|\\s+(?i:to|through|thru|until|till|and)\\s+|\\s*/\\s*)"
          f"(?:(?P<m2>{MONTH_D})\\s*)?(?P<d2>{DAY}){MDY_TAIL}", 7),
    _rule("day-month-range",
          f"(?P<d1>{DAY})(?:{DASH}|\\s+(?i:to|and|until)\\s+)(?P<d2>{DAY})(?:\\s+of)?\\s+(?P<m1>{MONTH_D})"
          f"(?:\\s*,?\\s*(?P<y>{YEAR4}))?", 7),
    _rule("month-range",
          f"(?P<m1>{MONTH_D})(?:{DASH}|\\s+(?i:to|through|until|and)\\s+)(?P<m2>{MONTH_D})"
          f"(?:\\s*,?\\s*(?P<y>{YEAR4}))?", 5),
    _rule("year-range",
          f"(?P<y1>{YEAR4})(?:{DASH}|/|\\s+(?i:to|through|until)\\s+)(?P<y2>\\d{{4}}|\\d{{2}})(?![\\d%])", 4,
          also=r"\d(?:\s*[-–—/]|\s+(?i:to|through|until)\s)"),
    _rule("month-day",
          f"(?:(?P<edge>{W('around', 'about')})\\s+)?(?:(?P<wd>{WEEKDAY}),?\\s+)?"
          f"(?:(?P<rel>{W('last', 'next', 'this', 'this past', 'this coming')})\\s+)?"
          f"(?P<m>{MONTH_D})\\s*(?P<d>{DAY}){MDY_TAIL}", 6),
    _rule("day-month",
          f"(?:(?P<wd>{WEEKDAY}),?\\s+)?(?:(?i:the)\\s+)?(?P<d>{DAY})(?:\\s+(?i:of))?\\s+(?P<m>{MONTH_D})"
          f"(?:\\s*,?\\s*(?P<y>{YEAR}))?", 6),
    _rule("month-year", f"(?:(?P<edge>{EDGE})[\\s-]+)?(?P<m>{MONTH_D})\\s*,?\\s+(?:(?i:of)\\s+)?"
          f"(?:(?P<y>{YEAR})|(?P<yrel>{W('this', 'last', 'next', 'the previous', 'the following', 'that')})"
          f"\\s+{W('year')})", 5),
    _rule("fin-period",
          f"(?P<pre>{W('the')})\\s+(?:(?P<adj>{FIN_ADJ})|"
          f"(?P<y>{YEAR4}))\\s+(?P<u>{W('period', 'quarter', 'three months')})", 5),
    _rule("month", f"(?:(?P<edge>{EDGE})[\\s-]+)?(?:(?P<rel>{REL_SHORT})\\s+)?(?P<m>{MONTH})", 3),
    _rule("decade",
          f"(?:(?P<edge>{EDGE})[\\s-]+)?(?:(?i:the)\\s+)?(?:(?P<edge2>{W('early', 'mid', 'late')})[\\s-]+)?"
          f"(?:(?P<dec4>\\d{{3}}0)['’]?s|['’](?P<dec2>\\d0)['’]?s|"
          f"(?P<decw>{W('twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties')}"
          f"))", 4, also=r"\d0['’]?s|(?i:ties)"),
    _rule("century",
          f"(?:(?P<edge>{EDGE})[\\s-]+)?(?:(?i:the)\\s+)?(?P<ord>\\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_W})[\\s-]+"
          f"{W('century')}", 4),
    _rule("quarter",
          f"(?:(?P<pre>{W('the', 'its', 'this', 'a', 'an', 'that', 'our', 'their', 'his', 'her')})\\s+)?"
          f"(?:(?P<yrel>{W('this', 'last', 'next')})\\s+{W('year')}['’]s\\s+)?"
          f"(?:(?P<adj>{QUARTER_ADJ})[\\s-]+)*"
          f"(?:(?P<y0>{YEAR4})\\s+)?(?:(?P<adj2>{W('fiscal', 'calendar')})[\\s-]+)?"
          f"(?P<q>{QUARTER_ORD})[\\s-]+(?P<qh>{W('quarter', 'half')})(?!s)"
          f"(?:\\s+(?i:of)\\s+(?:(?i:the\\s+)?(?P<qyrel>{W('this', 'last', 'next', 'current', 'previous')})"
          f"\\s+{W('year')}|(?:(?i:fiscal|calendar)\\s+)?(?P<y>{YEAR4})))?", 4),
    _rule("quarter-code", f"(?P<qh>[QH])(?P<q>[1-4])(?:[\\s-]*(?P<y>{YEAR4}|\\d{{2}}))?", 4, also=r"[QH][1-4]"),
    _rule("quarter-code-year", f"(?P<y>{YEAR4})[\\s-]*(?P<qh>[QH])(?P<q>[1-4])", 4, also=r"[QH][1-4]"),
    _rule("season",
          f"(?:(?P<edge>{EDGE})[\\s-]+)?"
          f"(?:(?P<rel>{REL_SHORT}|{W('the', 'that')})\\s+)?"
          f"(?P<s>{W('spring', 'summer', 'fall', 'autumn', 'winter')})(?:\\s+(?:(?i:of)\\s+)?(?P<y>{YEAR}))?", 3),
    _rule("year",
          f"(?:(?P<edge>{EDGE})[\\s-]+)?"
          f"(?:(?P<pre>{W('the year', 'fiscal year', 'fiscal', 'calendar year', 'calendar', 'model year', 'FY')})"
          f"[\\s-]*)?"
          f"(?P<y>{YEAR4}|{YEAR2}|{YEAR_SPOKEN})", 2, also=YEAR),
    _rule("year-words", f"(?:(?P<pre>{W('the year')})\\s+)(?P<w>{YEAR_WORDS})", 3),
    _rule("relative-day",
          f"(?:(?P<edge>{W('early', 'late', 'later', 'earlier')})\\s+)?"
          f"(?P<w>{W('today', 'tonight', 'yesterday', 'tomorrow')}|"
          f"{W('the day before yesterday', 'the day after tomorrow')})"
          f"(?:\\s+(?P<pod>{POD}))?", 5),
    _rule("this-pod",
          f"(?:(?P<edge>{W('early', 'late')})\\s+)?"
          f"(?P<rel>{W('this', 'last', 'that', 'the same', 'the following', 'the next', 'the previous')})\\s+"
          f"(?P<pod>{POD_WORD})", 4),
    _rule("weekday",
          f"(?:(?P<edge>{W('early', 'late', 'mid', 'midday')})[\\s-]+)?"
          f"(?:(?P<rel>{W('last', 'next', 'this', 'coming', 'past', 'previous', 'this past', 'this coming')}"
          f"|{W('the following', 'the previous', 'that')})\\s+)?"
          f"(?P<wd>{WEEKDAY_FULL})(?:,?\\s+(?P<pod>{POD}))?", 4),
    _rule("weekday-plural", f"(?:(?P<rel>{W('on', 'every', 'most', 'some')})\\s+)(?P<wd>{WEEKDAY_FULL})s", 5),
    _rule("holiday",
          f"(?:(?P<rel>{W('last', 'next', 'this', 'this past', 'this coming', 'past', 'coming', 'the')})\\s+)?"
          f"(?P<h>{HOLIDAY})(?:\\s+(?P<y>{YEAR4}))?", 3),
    _rule("non-gregorian",
          f"(?:(?P<rel>{W('last', 'next', 'this', 'the', 'during', 'the holy month of', 'the month of')})\\s+)?"
          f"(?P<h>{NONGREG})(?:\\s+(?P<y>{YEAR4}))?", 3),
    _rule("era-year", f"(?P<era>{ERA})\\s+(?P<n>\\d{{1,4}})", 4),
    _rule("era-year-suffix", r"(?P<n>\d{3,4})\s+(?P<era>B\.E\.|BE|A\.H\.|AH)(?!\w)", 4, also=r"B\.?E|A\.?H"),
    _rule("relative-unit",
          f"(?:(?P<edge>{EDGE})[\\s-]+)?(?P<rel>{RELWORD})\\s+"
          f"(?:(?P<fiscal>{W('fiscal', 'calendar', 'financial', 'school', 'academic')})\\s+)?"
          f"(?P<u>{REL_UNIT})", 3),
    _rule("edge-the-unit",
          f"(?P<edge>{EDGE_UNIT})\\s+(?:(?i:the)\\s+)?"
          f"(?P<u>{W('week', 'month', 'year', 'quarter', 'decade', 'century', 'day')})", 3),
    _rule("year-end", f"(?P<w>{YEAR_END})", 2),
    _rule("the-unit",
          f"(?P<pre>{W('the')})\\s+(?:(?P<adj>{W('full', 'fiscal', 'calendar', 'financial', 'whole', 'entire')})\\s+)?"
          f"(?P<u>{W('quarter', 'weekend', 'period', 'year', 'week', 'month')})(?![\\s-]*(?:old|long|\\d))", 1),
    _rule("ago",
          f"(?:(?P<approx>{APPROX})\\s+)?(?:(?P<n>{NUMBER}|{VAGUE})[\\s-]+)?(?P<u>{UNIT})(?:\\s+(?i:or\\s+so))?\\s+"
          f"(?P<dir>{AGO_DIR})", 5, also=AGO_DIR),
    _rule("in-duration", f"(?<=[Ii]n )(?P<n>{NUMBER})[\\s-]+(?P<u>{UNIT})(?:['’]s?)?(?:\\s+(?i:time))?", 4),
    _rule("duration",
          f"(?:(?P<approx>{APPROX})\\s+)?(?:(?i:the)\\s+)?(?:(?P<rel>{DURATION_REL})\\s+)?"
          f"(?P<n>{NUMBER})(?:\\s*(?:-|–|(?i:to|or))\\s*(?P<nhi>{NUMBER}))?[\\s-]+(?:{DURATION_ADJ}\\s+)?"
          f"(?P<u>{UNIT})(?:\\s+(?P<n2>(?i:and)\\s+(?:(?i:a\\s+half)|{NUMBER}\\s+{UNIT})))?"
          f"(?P<suffix>[\\s-]+(?i:long|old))?", 3),
    _rule("vague-duration",
          f"(?:(?P<approx>{APPROX})\\s+)?(?:(?P<the>{W('the')})\\s+)?(?P<q>{VAGUE}|{VAGUE_REL})\\s+"
          f"(?P<u>{PLURAL_UNIT})", 2),
    _rule("bare-plural-unit",
          f"(?P<u>{W('years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'centuries', 'ages')})"
          f"(?!\\s+(?:old|of\\s+age|ago))", 1),
    _rule("ref", f"(?P<w>{REF_WORDS})", 0),
    _rule("clock",
          f"(?:(?P<approx>{CLOCK_APPROX})\\s+)?"
          f"(?P<H>[01]?\\d|2[0-3])(?:[:.](?P<M>[0-5]\\d))?\\s*"
          f"(?P<ap>(?i:a\\.\\s?m\\.?|p\\.\\s?m\\.?|am(?!\\w)|pm(?!\\w)|a\\.m|p\\.m))(?:\\s+(?P<tz>{TZ}))?", 6,
          also=r"(?i:[ap](?:\.\s?)?m)"),
    _rule("clock-pod", f"(?P<H>[01]?\\d)(?::(?P<M>[0-5]\\d))?\\s+(?P<ip>{CLOCK_POD})", 6,
          also=r"(?i:morning|afternoon|evening|night)"),
    _rule("pod", f"(?P<pod>(?:{W('early', 'late', 'mid')})[\\s-]?{POD_WORD}|{POD_WORD})", 0),
    _rule("clock-24", f"(?P<H>[01]\\d|2[0-3])[:.]?(?P<M>[0-5]\\d)\\s*(?:h\\s+)?(?P<tz>{TZ}|(?i:hours|hrs|GMT))", 6),
    _rule("clock-colon", f"(?P<H>[01]?\\d|2[0-3]):(?P<M>[0-5]\\d)(?:\\s+(?P<tz>{TZ}))?", 5, also=r"\d:[0-5]\d"),
    _rule("clock-word",
          f"(?:(?P<approx>{W('about', 'around', 'shortly after', 'shortly before', 'just after', 'just before')})"
          f"\\s+)?(?P<w>{W('noon', 'midnight', 'midday')})(?:\\s+(?P<tz>{TZ}))?", 4),
    _rule("oclock",
          f"(?P<H>{W('one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten')}"
          f"|{W('eleven', 'twelve')}|\\d{{1,2}})\\s+o['’]clock", 5),
    _rule("part-of-day", f"(?:(?P<edge>{W('early', 'late')})\\s+)?(?P<w>{PART_OF_DAY})", 1),
    _rule("set",
          f"(?P<every>{W('every', 'each', 'every other', 'per')})\\s+(?:(?P<n>{NUMBER})\\s+)?"
          f"(?P<u>{UNIT}|{WEEKDAY_FULL}|{MONTH_FULL}|{SET_UNIT})", 4),
    _rule("set-adverb", f"(?P<w>{SET_ADVERBS})", 2),
    _rule("set-frequency", f"(?P<f>{FREQ})\\s+(?:(?i:a|an|per|each|every)\\s+)(?P<u>{FREQ_UNIT})", 5),
)

RULE_BY_NAME = {r.name: r for r in RULES}
