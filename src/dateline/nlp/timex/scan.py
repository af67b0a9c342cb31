"""Finding temporal expressions in text: every rule's matches, context guards, longest-first overlap
resolution, and joining a day to a clock time ("9 a.m. Tuesday", "Jan. 8 at noon")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import CASED_KEYS, KEY_TOKEN, LOWER_KEYS, RULES

@dataclass(frozen=True, slots=True)
class Hit:
    """One rule's match: where, which rule, and its named groups (hashable for caching)."""

    start: int
    end: int
    rule: str
    groups: tuple[tuple[str, str | None], ...]
    priority: int = 0

    @property
    def g(self) -> dict[str, str | None]:
        return dict(self.groups)

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Group:
    """One expression: a hit, or a day hit and a clock hit read together."""

    start: int
    end: int
    hits: tuple[Hit, ...]


PREPOSITIONS = frozenset({
    "in", "since", "by", "until", "till", "before", "after", "during", "of", "from", "through", "to", "between",
    "and", "or", "early", "late", "mid", "last", "next", "this", "that", "around", "each", "every", "on", "for",
    "throughout", "into", "over", "as", "at", "than", "within", "past", "the", "until", "through", "thru",
    "circa", "about", "later", "earlier", "ended", "ending", "starting", "beginning", "end", "start", "year",
    "fiscal", "calendar", "fy", "'s", "s", "whole", "entire", "all", "same", "previous", "following", "every",
    "early-", "late-", "mid-", "per", "like", "toward", "towards", "against", "against",
})
# Words that can stand before a bare month: "Theresa May", "Brian May" and "April Ryan" are people.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "april", "june", "august", "jan", "sept"})
NOT_WEEKDAY_BEFORE = frozenset({
    "black", "cyber", "super", "ash", "good", "holy", "palm", "easter", "shrove", "maundy", "bloody", "giving",
    "fat", "man", "girl", "his", "her", "casual", "terrible", "spy", "the", "a",
})
YEAR_UNITS = re.compile(
    r"\s*(?:%|percent|per\s+cent|people|persons|troops|soldiers|km|kilometers|kilometres|miles|feet|ft|meters|metres|"
    r"tons|tonnes|points|votes|yen|won|dollars|euros|pounds|members|units|cars|workers|jobs|employees|residents|"
    r"students|children|men|women|pages|words|barrels|acres|hectares|rounds|cases|deaths|shares|seats|"
    r"delegates|candidates|copies|calories|degrees|rpm|mph|kph|hp|cc|ml|mg|kg|lbs|pounds|hits|times|fans)\b"
)
YEAR_BEFORE_BAD = re.compile(
    r"(?:[$£€¥#]|No\.|no\.|Nos?\.|number|Number|Room|room|Flight|flight|Route|route|Highway|highway|page|pages|"
    r"p\.|pp\.|Article|article|Section|section|Resolution|resolution|Model|Boeing|Airbus|Unit|unit|Apt\.|Suite|"
    r"suite|PO Box|Box|box|Lot|lot|Gate|gate|Interstate|I-|Channel|channel|Code|code|Chapter|chapter|version|"
    r"Version|v\.|Windows|Office|Galaxy|iPhone|Exhibit|exhibit|Table|table|Figure|figure|Rule|rule|Act|Law|"
    r"bill|Bill|Decree|decree|Order|order|population of|rating of|score of|about|some|nearly|almost|over|than|"
    r"of about|\d[\d,.]*\s*(?:-|–|to)|\d{1,3}(?:,\d{3})*\s+and)\s*$"
)
BARE_UNIT_BEFORE = frozenset({"for", "over", "within", "in", "took", "take", "takes", "last", "lasted", "after",
                              "spend", "spent", "taking", "lasting"})
_WORD_BEFORE = re.compile(r"([A-Za-z'’.-]+)\W*$")
_WORD_AFTER = re.compile(r"^\W{0,2}([A-Za-z]+)")


def _prev_word(text: str, i: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, i - 30):i])
    return m[1] if m else ""


def _next_word(text: str, i: int) -> str:
    m = _WORD_AFTER.match(text[i:i + 30])
    return m[1] if m else ""


def _sentence_initial(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i].rstrip(" \t\"“'‘(`")
    return not before or before[-1] in ".!?\n:;"


def keep(h: Hit, text: str) -> Hit | None:
    """Context guards: drop matches that are names, numbers or words, not times; retag a few."""
    g = h.g
    prev = _prev_word(text, h.start)
    nxt = _next_word(text, h.end)
    surface = text[h.start:h.end]
    if h.rule == "month" and not g.get("edge") and not g.get("rel"):
        m = (g["m"] or "").lower().rstrip(".")
        after = text[h.end:h.end + 2]
        name_before = prev[:1].isupper() and prev.lower() not in PREPOSITIONS
        if name_before and not _sentence_initial(text, h.start - len(prev) - 1):
            return None  # "Theresa May", "Brian May"
        if nxt[:1].isupper() and not after.startswith((",", ".", ";", ":")):
            return None  # "April Ryan", "June Carter"
        if m in AMBIGUOUS_MONTHS and prev.lower() not in PREPOSITIONS:
            return None  # "May" the modal verb at a sentence start
    if h.rule in ("year",) and not g.get("pre") and not g.get("edge"):
        y = g["y"] or ""
        if y[:1].isalpha():
            pass  # "nineteen ninety-six" is a year wherever it stands
        elif y[:1] in "'’":
            if re.match(r"\s*s\b", text[h.end:h.end + 3]) or prev.lower() not in PREPOSITIONS:
                return None  # "'19" alone is a year after "in", "since", "of"…; "60 Minutes'" is not
        else:
            n = int(y)
            before = text[max(0, h.start - 25):h.start]
            if YEAR_BEFORE_BAD.search(before) or YEAR_UNITS.match(text[h.end:h.end + 14]):
                return None
            if re.search(r"[\d.,:/-]$", before) or re.match(r"[.,:/]\d|-\d", text[h.end:h.end + 2]):
                return None
            if n < 1800 and prev.lower() not in ("in", "since", "of", "year", "from", "until", "by", "c.", "circa",
                                                 "around", "before", "after", "the", "to", "and"):
                return None
            if re.match(r"\s+[a-z]+s\b", text[h.end:h.end + 20]) and prev.lower() not in PREPOSITIONS:
                return None  # "2000 protesters"
    if h.rule == "season" and not g.get("rel") and not g.get("edge") and not g.get("y"):
        s = (g["s"] or "").lower()
        if s in ("fall", "spring") or prev.lower() not in PREPOSITIONS:
            return None
    if h.rule == "season" and (g.get("rel") or "").lower() == "the" and not g.get("y"):
        if re.match(r"\s+of\s+(?!\d|'\d)", text[h.end:h.end + 8]):
            return None  # "the fall of Saigon"
    if h.rule == "season" and surface[:1].isupper() and prev[:1].isupper() \
            and prev.lower() not in PREPOSITIONS and not _sentence_initial(text, h.start):
        return None  # "Arab Spring"
    if h.rule in ("weekday",) and prev.lower() in NOT_WEEKDAY_BEFORE and not g.get("rel") and not g.get("edge"):
        if prev.lower() not in ("the", "a") or nxt.lower() in ("of", "after", "before"):
            return None  # "Black Friday", "the Friday after"
    if h.rule == "relative-day" and surface.startswith("Today") and prev[:1].isupper() \
            and not _sentence_initial(text, h.start):
        return None  # "USA Today"
    if h.rule == "ago" and (g.get("dir") or "").lower() in ("before", "after", "since", "prior", "back"):
        if re.match(r"\s*[A-Za-z0-9\"“]", text[h.end:h.end + 2]) and (g.get("dir") or "").lower() != "back":
            return None  # "two days after the vote": a duration, the vote is the anchor
    if h.rule == "duration" and (g.get("n") or "").lower() in ("a", "an", "one") and not g.get("rel") \
            and not g.get("approx"):
        before = text[max(0, h.start - 16):h.start]
        if re.search(r"(?:\d|million|billion|trillion|times|once|twice|cents?|dollars?|percent|%|each|per)\s*$",
                     before):
            return Hit(h.start, h.end, "set-rate", h.groups, h.priority)  # "$5 a day", "twice a year"
    if h.rule == "clock" and surface[-1:] == "." and (g.get("ap") or "").endswith(".") is False:
        pass
    if h.rule == "edge-the-unit" and (g.get("u") or "").lower() == "day" and "in" in (g.get("edge") or "").lower():
        return None  # "later in the day" is rarely worth a date of its own
    if h.rule == "bare-plural-unit" and prev.lower() not in BARE_UNIT_BEFORE:
        return None  # "years" alone is a time only after "for", "over", "within"…
    if h.rule == "clock-colon" and prev.lower() not in ("at", "by", "until", "from", "after", "before", "around"):
        return None  # "3:2" is a score, "10:30" alone too often a verse or a ratio
    if h.rule == "duration" and (g.get("u") or "").lower().startswith("quarter") and text[h.start:h.end].count("-") \
            and (g.get("u") or "").lower().endswith("s"):
        return None  # "three-quarters of the vote" is a fraction
    if h.rule in ("duration", "relative-unit") and not text[h.start:h.end].isupper():
        unit_word = g.get("u") or ""
        if unit_word[:1].isupper():
            return None  # "60 Minutes", "This Week": titles
        if h.rule == "duration" and (g.get("n") or "").lower() == "a" and unit_word.lower() == "second":
            return None  # "a second time" is an ordinal
    if h.rule == "quarter" and g.get("pre"):
        pre = g["pre"].lower()
        hyphenated = re.search(r"-(?:quarter|half)", surface, re.I)
        if hyphenated or pre not in ("the", "this", "that"):
            return _trimmed(h, text, len(g["pre"]))  # "a third-quarter loss", "its fourth quarter": no determiner
    if h.rule == "duration" and not g.get("rel") and not g.get("approx") and surface[:4].lower() == "the ":
        return _trimmed(h, text, 3)  # "the 30-day period": the determiner belongs to "period"
    if h.rule == "quarter-code" and not g.get("y"):
        return None  # "Q3" alone is too often a product or a code
    if h.rule in ("ref",) and (g.get("w") or "").lower() in ("once", "former", "earlier", "later", "current",
                                                            "recent", "future", "then"):
        if not _ref_ok(g["w"].lower(), prev.lower(), nxt.lower()):
            return None
    if h.rule == "non-gregorian" and g.get("h", "").lower() in ("tet", "holi", "eid") and not surface[:1].isupper():
        return None
    if h.rule == "holiday" and not (g.get("h") or " ")[0].isupper():
        return None
    if h.rule == "relative-unit" and (g.get("rel") or "").lower() == "that" \
            and (g.get("u") or "").lower().endswith("s"):
        return None  # "that weeks" is no expression
    return h


def _trimmed(h: Hit, text: str, n: int) -> Hit:
    """The hit without its first n characters and the space after them."""
    start = h.start + n
    while start < h.end and text[start].isspace():
        start += 1
    return Hit(start, h.end, h.rule, h.groups, h.priority)


def _ref_ok(w: str, prev: str, nxt: str) -> bool:
    if w == "current":
        return False
    if w == "future":
        return prev in ("the", "near", "in") or nxt in ("plans", "talks", "meetings", "visits", "summits")
    return False


def scan(text: str, *, guards: bool = True) -> list[Group]:
    """Every temporal expression in ``text``, left to right, as non-overlapping groups."""
    by_class = _keys(text)
    if not by_class:
        return []
    windows: dict[tuple, list[tuple[int, int]]] = {}
    found: list[Hit] = []
    for rule in RULES:
        spans = windows.get((rule.keys, rule.reach))
        if spans is None:
            keys = sorted(x for k in rule.keys for x in by_class.get(k, ()))
            spans = windows[(rule.keys, rule.reach)] = _windows(text, keys, rule.reach) if keys else []
        for ws, we in spans:
            if rule.also is not None and not rule.also.search(text, ws, we):
                continue
            for m in rule.pattern.finditer(text, ws, we):
                if m.end() == m.start():
                    continue
                h = Hit(m.start(), m.end(), rule.name,
                        tuple((k, v) for k, v in m.groupdict().items() if v is not None), rule.priority)
                if guards:
                    h = keep(h, text)
                    if h is None:
                        continue
                found.append(h)
    chosen = _non_overlapping(found)
    return _join(chosen, text)


def _keys(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each class of key word occurs: one pass over the words of the text."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in KEY_TOKEN.finditer(text):
        w = m.group()
        k = "digit" if w[0].isdigit() else CASED_KEYS.get(w) or LOWER_KEYS.get(w.lower())
        if k:
            out.setdefault(k, []).append(m.span())
    return out


_SPACE = re.compile(r"\s")


def _windows(text: str, keys: list[tuple[int, int]], reach: tuple[int, int]) -> list[tuple[int, int]]:
    """Stretches of text around the key words, cut at whitespace so no word is split, merged."""
    out: list[tuple[int, int]] = []
    n = len(text)
    before, after = reach
    for s, e in keys:
        a = max(0, s - before)
        if a:
            sp = text.rfind(" ", 0, a)
            nl = text.rfind("\n", 0, a)
            a = max(sp, nl) + 1 if max(sp, nl) >= 0 else 0
        b = e + after
        if b < n:
            m = _SPACE.search(text, b)
            b = m.start() if m else n
        else:
            b = n
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), -h.priority, h.start))
    taken: list[Hit] = []
    for h in hits:
        if all(h.end <= t.start or h.start >= t.end for t in taken):
            taken.append(h)
    return sorted(taken, key=lambda h: h.start)


DAYISH = frozenset({"iso", "numeric", "numeric-ymd", "month-day", "day-month", "weekday", "relative-day", "holiday"})
PODS = frozenset({"pod"})
CLOCKS = frozenset({"clock", "clock-24", "clock-colon", "clock-word", "oclock"})
_JOINER = re.compile(r"^(?:\s*,?\s*(?:(?i:at|on|of|from|this|by|around|about))?\s*|\s*,\s*)$")


def _join(hits: list[Hit], text: str) -> list[Group]:
    """Read a day next to a clock time or a part of day as one expression: "9 a.m. Tuesday",
    "Jan. 8 at noon", "mid-afternoon yesterday". A part of day alone ("morning") is dropped."""
    out: list[Group] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        if i + 1 < len(hits):
            b = hits[i + 1]
            between = text[a.end:b.start]
            timeish = CLOCKS | PODS
            if len(between) <= 6 and _JOINER.match(between) and (
                    (a.rule in DAYISH and b.rule in timeish) or (a.rule in timeish and b.rule in DAYISH)):
                if not (a.rule in timeish and between.strip().lower() in ("this", "by")):
                    out.append(Group(a.start, b.end, (a, b)))
                    i += 2
                    continue
        if a.rule not in PODS:
            out.append(Group(a.start, a.end, (a,)))
        i += 1
    return out
