"""From a matched pattern to a TIMEX3 value: one resolver per rule, given the reference date and tense.

``Ref.anchor`` is the article's published date (None: only absolute expressions get a value);
``Ref.tense`` the tense of the governing verb ("past", "present", "future" or None), which decides
which way a bare "Tuesday" or "June" points; ``Ref.ref`` a narrative reference day for "the next
day", "that week", "two days later" (defaults to the anchor).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import calendar as cal
from .lexicon import (
    CLOCK_UNITS,
    EASTER_HOLIDAYS,
    ERAS,
    FIXED_HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NON_GREGORIAN,
    NTH_WEEKDAY_HOLIDAYS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    number_value,
)
from .model import Timex, unknown

D = dt.date
DAY1 = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Ref:
    anchor: D | None = None
    tense: str | None = None
    ref: D | None = None

    @property
    def base(self) -> D | None:
        """The day relative expressions count from in a narrative: the reference day, else the anchor."""
        return self.ref or self.anchor

    @property
    def direction(self) -> str:
        return {"past": "past", "future": "future"}.get(self.tense or "", "nearest")


Groups = dict[str, str | None]
Resolver = Callable[[Groups, str, Ref], Timex | None]


# --- small builders -------------------------------------------------------------------------------------

def _low(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _month(word: str | None) -> int | None:
    w = _low(word).rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS.get(w)


def _weekday(word: str | None) -> int | None:
    w = _low(word).rstrip(".")
    return WEEKDAYS.get(w) or WEEKDAY_ABBREVIATIONS.get(w)


def _day(s: str | None) -> int | None:
    return int(re.sub(r"\D", "", s)) if s and re.sub(r"\D", "", s) else None


def spoken_year(s: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    w = _low(s).replace("-", " ").split()
    if not w:
        return None
    if w[0] in ("nineteen", "eighteen") and len(w) >= 2:
        century = 1900 if w[0] == "nineteen" else 1800
        rest = [x for x in w[1:] if x != "oh"]
        if rest == ["hundred"]:
            return century
        n = number_value(" ".join(rest))
        return century + int(n) if n is not None and n < 100 else None
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        n = number_value(" ".join(rest)) if rest else 0
        return 2000 + int(n) if n is not None and n < 100 else None
    return None


def _year(s: str | None, anchor: D | None) -> int | None:
    if not s:
        return None
    if s[:1].isalpha():
        return spoken_year(s)
    digits = re.sub(r"\D", "", s)
    if len(digits) == 2:
        return cal.century_for(int(digits), anchor)
    return int(digits) if digits else None


def _edge_mod(edge: str | None) -> str:
    e = _low(edge)
    if not e:
        return ""
    if e in ("early", "the beginning of", "beginning of", "the start of", "start of", "earlier", "the early part of",
             "the first half of", "the dawn of"):
        return "START" if "beginning" in e or "start" in e or "dawn" in e else "EARLY"
    if e in ("late", "later", "the end of", "end of", "the latter part of", "the last part of", "the second half of",
             "the latter half of", "the close of", "the turn of"):
        return "END" if "end" in e or "close" in e or "turn" in e else "LATE"
    if e in ("mid", "middle", "the middle of"):
        return "MID"
    if e in ("around",):
        return "APPROX"
    if e in ("the eve of", "the run-up to"):
        return "BEFORE"
    return ""


def day(d: D, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    return Timex(d.isoformat(), "DATE", "day", d, d, rule, anchored, mod)


def month(y: int, m: int, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    return Timex(cal.month_value(y, m), "DATE", "month", D(y, m, 1), cal.month_end(y, m), rule, anchored, mod)


def year(y: int, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    return Timex(f"{y:04d}", "DATE", "year", D(y, 1, 1), D(y, 12, 31), rule, anchored, mod)


def week(d: D, rule: str, *, anchored: bool = True, mod: str = "") -> Timex:
    s = cal.week_start(d)
    return Timex(cal.week_value(d), "DATE", "week", s, s + dt.timedelta(days=6), rule, anchored, mod)


def weekend(d: D, rule: str, *, anchored: bool = True) -> Timex:
    sat = cal.week_start(d) + dt.timedelta(days=5)
    return Timex(cal.week_value(d) + "-WE", "DATE", "day", sat, sat + DAY1, rule, anchored)


def quarter(y: int, q: int, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    s, e = cal.quarter_span(y, q)
    return Timex(f"{y:04d}-Q{q}", "DATE", "quarter", s, e, rule, anchored, mod)


def half(y: int, h: int, rule: str, *, anchored: bool = False) -> Timex:
    s, e = cal.half_span(y, h)
    return Timex(f"{y:04d}-H{h}", "DATE", "quarter", s, e, rule, anchored)


def season(y: int, code: str, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    s, e = cal.season_span(y, code)
    return Timex(f"{y:04d}-{code}", "DATE", "season", s, e, rule, anchored, mod)


def decade(first_year: int, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    return Timex(f"{first_year // 10:03d}", "DATE", "decade", D(first_year, 1, 1), D(first_year + 9, 12, 31), rule,
                 anchored, mod)


def century(first_year: int, rule: str, *, anchored: bool = False, mod: str = "") -> Timex:
    # TIMEX3 writes the 20th century (1900-1999) as "19"
    return Timex(f"{first_year // 100:02d}", "DATE", "century", D(max(first_year, 1), 1, 1),
                 D(first_year + 99, 12, 31), rule, anchored, mod)


def period(d: D, unit: str, rule: str, *, anchored: bool = True, mod: str = "") -> Timex:
    """The calendar unit (day, week, month, quarter, year, decade, century) that holds ``d``."""
    if unit == "week":
        return week(d, rule, anchored=anchored, mod=mod)
    if unit == "weekend":
        return weekend(d, rule, anchored=anchored)
    if unit == "month":
        return month(d.year, d.month, rule, anchored=anchored, mod=mod)
    if unit == "quarter":
        return quarter(d.year, cal.quarter_of(d), rule, anchored=anchored, mod=mod)
    if unit in ("year", "season"):
        return year(d.year, rule, anchored=anchored, mod=mod)
    if unit == "decade":
        return decade(d.year // 10 * 10, rule, anchored=anchored, mod=mod)
    if unit in ("century", "millennium"):
        return century(d.year // 100 * 100, rule, anchored=anchored, mod=mod)
    return day(d, rule, anchored=anchored, mod=mod)


def shift(d: D, unit: str, n: int) -> D:
    """``d`` moved by n calendar units."""
    if unit in ("day", "night"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return cal.add_months(d, n)
    if unit == "quarter":
        return cal.add_months(d, 3 * n)
    if unit in ("year", "season"):
        return cal.add_years(d, n)
    if unit == "decade":
        return cal.add_years(d, 10 * n)
    if unit in ("century", "millennium"):
        return cal.add_years(d, 100 * n)
    return d


def _unit(word: str | None) -> str:
    w = _low(word).rstrip("'’s") if _low(word).endswith(("'s", "’s")) else _low(word)
    w = UNIT_PLURALS.get(w, w)
    return w if w in UNITS else ""


def _num(s: str | None) -> float | None:
    """A count: digits or words; None for vague quantities ("several")."""
    t = _low(s)
    if not t or t in VAGUE_NUMBERS:
        return None
    half = 0.5 if t.endswith("and a half") or t.endswith(" half") else 0.0
    if half:
        t = re.sub(r"\s*(and\s+)?(a\s+)?half$", "", t)
        if not t:
            return 0.5
    v = number_value(t.replace("½", "").replace(" 1/2", "").strip())
    if "½" in t or t.endswith(" 1/2"):
        half = 0.5
    return None if v is None else v + half


def _fmt(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, PT5H, P2W, P10Y for a decade, PXY for "several years"."""
    letter = UNITS[unit][0]
    if unit == "decade":
        letter, n = "Y", (None if n is None else n * 10)
    elif unit in ("century", "millennium"):
        letter, n = "Y", (None if n is None else n * (100 if unit == "century" else 1000))
    elif unit == "fortnight":
        letter, n = "W", (None if n is None else n * 2)
    elif unit == "weekend":
        letter, n = "D", (None if n is None else n * 2)
    if n is not None and not float(n).is_integer() and letter in _SPLIT:
        # "2 1/2 years" is P2Y6M and "a minute and a half" PT1M30S: TIMEX3 has no fractions of units
        small, per = _SPLIT[letter] if unit not in CLOCK_UNITS or letter != "M" else ("S", 60)
        whole, rest = int(n), round((n - int(n)) * per)
        if letter == "M" and unit in CLOCK_UNITS:
            small, per = "S", 60
        head = f"{whole}{letter}" if whole else ""
        if unit in CLOCK_UNITS:
            return f"PT{head}{rest}{small}"
        return f"P{head}T{rest}{small}" if small == "H" else f"P{head}{rest}{small}"
    count = "X" if n is None else _fmt(n)
    return f"PT{count}{letter}" if unit in CLOCK_UNITS else f"P{count}{letter}"


# a fraction of a unit in the next smaller one: years in months, days in hours, hours in minutes
_SPLIT = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("D", 30)}


def _approx_mod(a: str | None) -> str:
    a = _low(a)
    if not a:
        return ""
    if a in ("more than", "over", "well over", "just over", "upwards of", "no less than", "at least"):
        return "MORE_THAN" if a != "at least" else "EQUAL_OR_MORE"
    if a in ("less than", "fewer than", "under", "just under", "up to", "at most", "no more than", "nearly", "almost",
             "barely", "close to"):
        return "LESS_THAN" if a not in ("up to", "at most", "no more than") else "EQUAL_OR_LESS"
    return "APPROX" if a in ("about", "around", "approximately", "roughly", "some") else ""


def _valid(y: int, m: int, d: int) -> D | None:
    try:
        return D(y, m, d)
    except ValueError:
        return None


def _invalid_day(m: int, d: int, rule: str) -> Timex:
    name = next(k for k, v in MONTHS.items() if v == m).capitalize()
    return unknown(f"{rule};invalid:{name} has no day {d}", value="XXXX-XX-XX", granularity="day")


def _no_anchor(rule: str, value: str, granularity: str) -> Timex:
    return Timex(value, "DATE", granularity, None, None, f"{rule};no-anchor")


# --- absolute dates ---------------------------------------------------------------------------------------

def _full_date(y: int | None, m: int, d: int, r: Ref, rule: str, wd: int | None = None) -> Timex:
    """A month and day, with the year given or inferred from the anchor and tense."""
    if not 1 <= m <= 12:
        return unknown(f"{rule};invalid:no month {m}", value="XXXX-XX-XX", granularity="day")
    anchored = False
    if y is None:
        if r.anchor is None:
            probe = _valid(2000, m, d)  # a leap year: February 29 is a real day in some year
            if probe is None:
                return _invalid_day(m, d, rule)
            return _no_anchor(rule, f"XXXX-{m:02d}-{d:02d}", "day")
        if _valid(2000, m, d) is None:
            return _invalid_day(m, d, rule)
        y = cal.year_for(m, d, r.anchor, r.direction)
        anchored = True
        if wd is not None:  # "Tuesday, Jan. 8": the weekday picks the year when the anchor is ambiguous
            for cand in (y, y - 1, y + 1):
                x = _valid(cand, m, d)
                if x and x.isoweekday() == wd:
                    y = cand
                    break
    x = _valid(y, m, d)
    if x is None:
        return _invalid_day(m, d, rule) if _valid(2000, m, d) is None else unknown(
            f"{rule};invalid:{y} has no February 29", value="XXXX-XX-XX", granularity="day")
    tag = rule
    if wd is not None and x.isoweekday() != wd:
        tag += ";weekday-mismatch"
    return day(x, tag, anchored=anchored)


def r_iso(g: Groups, text: str, r: Ref) -> Timex | None:
    y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    x = _valid(y, m, d)
    if x is None:
        return unknown(f"iso;invalid:{text}", value="XXXX-XX-XX", granularity="day")
    if g.get("H"):
        h, mi = int(g["H"]), int(g["M"])
        if h > 24 or mi > 59:
            return day(x, "iso;invalid-time")
        return Timex(f"{x.isoformat()}T{h:02d}:{mi:02d}", "TIME", "time", x, x, "iso")
    return day(x, "iso")


def r_numeric(g: Groups, text: str, r: Ref) -> Timex | None:
    a, b, y = int(g["a"]), int(g["b"]), _year(g["y"], r.anchor)
    m, d, rule = a, b, "numeric:us"
    if a > 12 and b <= 12:  # 25/12/2018 can only be day first
        m, d, rule = b, a, "numeric:day-first"
    if not 1 <= m <= 12:
        return unknown(f"{rule};invalid:no month {m}", value="XXXX-XX-XX", granularity="day")
    return _full_date(y, m, d, r, rule)


def r_numeric_ymd(g: Groups, text: str, r: Ref) -> Timex | None:
    return _full_date(int(g["y"]), int(g["m"]), int(g["d"]), r, "numeric:ymd")


def r_month_day(g: Groups, text: str, r: Ref) -> Timex | None:
    m, d = _month(g["m"]), _day(g["d"])
    if m is None or d is None:
        return None
    rel = _low(g.get("rel"))
    if rel in ("last", "next", "this past", "this coming") and not g.get("y"):
        # "last Oct. 23": the latest one before the anchor; "next May 5": the first after it
        return _full_date(None, m, d, Ref(r.anchor, "past" if rel in ("last", "this past") else "future", r.ref),
                          f"month-day:{rel}", _weekday(g.get("wd")))
    tx = _full_date(_year(g.get("y"), r.anchor), m, d, r, "month-day", _weekday(g.get("wd")))
    mod = _approx_mod(g.get("edge"))
    return tx.but(mod=mod) if mod else tx


def _range(a: Timex, b: Timex, rule: str, granularity: str) -> Timex:
    if a.start is None or b.end is None:
        if "invalid" in a.rule or "invalid" in b.rule:
            return unknown(f"{rule};{a.rule if 'invalid' in a.rule else b.rule}", value="XXXX-XX-XX", granularity=granularity)
        return Timex(f"{a.value}/{b.value}", "DATE", granularity, None, None, f"{rule};no-anchor")
    return Timex(f"{a.value}/{b.value}", "DATE", granularity, a.start, b.end, rule, a.anchored or b.anchored)


def r_month_day_range(g: Groups, text: str, r: Ref) -> Timex | None:
    m1, d1, d2 = _month(g["m1"]), _day(g["d1"]), _day(g["d2"])
    m2 = _month(g.get("m2")) or m1
    if None in (m1, d1, d2, m2):
        return None
    y = _year(g.get("y"), r.anchor)
    a = _full_date(y, m1, d1, r, "range", _weekday(g.get("wd")))
    y2 = a.start.year if a.start else y
    if a.start and (m2, d2) < (m1, d1):
        y2 = a.start.year + 1  # Dec. 30-Jan. 2
    if y is not None and a.start and (m2, d2) < (m1, d1):
        a = _full_date(y - 1, m1, d1, r, "range")  # "Dec. 30-Jan. 2, 2019": the year goes with the end
        y2 = y
    b = _full_date(y2, m2, d2, r, "range") if y2 is not None else _full_date(None, m2, d2, r, "range")
    if a.start and b.start and b.start < a.start:
        return None  # "May 7 to 3" is no range
    return _range(a, b, "month-day-range", "day")


def r_day_month_range(g: Groups, text: str, r: Ref) -> Timex | None:
    return r_month_day_range({**g, "m2": None}, text, r)


def r_month_range(g: Groups, text: str, r: Ref) -> Timex | None:
    m1, m2 = _month(g["m1"]), _month(g["m2"])
    if m1 is None or m2 is None:
        return None
    y = _year(g.get("y"), r.anchor)
    if y is None:
        if r.anchor is None:
            return _no_anchor("month-range", f"XXXX-{m1:02d}/XXXX-{m2:02d}", "month")
        y = cal.year_for(m2 if r.direction == "past" else m1, None, r.anchor, r.direction)
        y1, y2 = (y, y) if m1 <= m2 else ((y - 1, y) if r.direction == "past" else (y, y + 1))
        return _range(month(y1, m1, ""), month(y2, m2, ""), "month-range", "month").but(anchored=True)
    y1 = y if m1 <= m2 else y - 1
    return _range(month(y1, m1, ""), month(y, m2, ""), "month-range", "month")


def r_year_range(g: Groups, text: str, r: Ref) -> Timex | None:
    y1 = int(g["y1"])
    s2 = g["y2"]
    y2 = int(s2) if len(s2) == 4 else y1 // 100 * 100 + int(s2)
    if len(s2) == 2 and y2 < y1:
        y2 += 100  # 1999-00
    if not y1 < y2 <= y1 + 100:
        return None
    return _range(year(y1, ""), year(y2, ""), "year-range", "year")


def r_month_year(g: Groups, text: str, r: Ref) -> Timex | None:
    m = _month(g["m"])
    if m is None:
        return None
    if g.get("yrel"):  # "January this year", "June last year"
        rel = _low(g["yrel"])
        base = r.base if rel in ("the previous", "the following", "that") else r.anchor
        if base is None:
            return _no_anchor("month-year:relative", f"XXXX-{m:02d}", "month")
        step = {"this": 0, "that": 0, "last": -1, "the previous": -1, "next": 1, "the following": 1}[rel]
        return month(base.year + step, m, f"month-year:{rel}", anchored=True, mod=_edge_mod(g.get("edge")))
    y = _year(g.get("y"), r.anchor)
    if y is None:
        return None
    return month(y, m, "month-year", mod=_edge_mod(g.get("edge")))


def r_month(g: Groups, text: str, r: Ref) -> Timex | None:
    m = _month(g["m"])
    if m is None:
        return None
    rel, mod = _low(g.get("rel")), _edge_mod(g.get("edge"))
    if r.anchor is None:
        return _no_anchor("month", f"XXXX-{m:02d}", "month")
    a = r.anchor
    if rel in ("last", "past", "previous", "this past"):
        # "last February" said in March is the February of last year; "last June" said in October, this year's
        y = a.year if m < a.month - 1 or (rel == "this past" and m < a.month) else a.year - 1
        return month(y, m, f"month:{rel}", anchored=True, mod=mod)
    if rel in ("next", "coming", "this coming"):
        y = a.year if m > a.month else a.year + 1
        return month(y, m, f"month:{rel}", anchored=True, mod=mod)
    if rel == "this":
        return month(a.year, m, "month:this", anchored=True, mod=mod)
    return month(cal.year_for(m, None, a, r.direction), m, f"month:{r.direction}", anchored=True, mod=mod)


def r_decade(g: Groups, text: str, r: Ref) -> Timex | None:
    mod = _edge_mod(g.get("edge") or g.get("edge2"))
    if g.get("dec4"):
        first = int(g["dec4"])
        if first % 100 == 0:  # "the 1800s": the century
            return century(first, "decade:hundreds", mod=mod)
        return decade(first, "decade", mod=mod)
    if g.get("dec2"):
        y = cal.century_for(int(g["dec2"]), r.anchor)
        if r.anchor and y > r.anchor.year:
            y -= 100  # "the '90s" said in 2019 is the 1990s
        return decade(y, "decade:short", anchored=r.anchor is not None, mod=mod)
    words = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
             "eighties": 80, "nineties": 90}
    n = words.get(_low(g.get("decw")))
    if n is None:
        return None
    base = (r.anchor.year if r.anchor else 2000) // 100 * 100
    y = base + n if base + n <= (r.anchor.year if r.anchor else 2000) else base - 100 + n
    return decade(y, "decade:words", anchored=r.anchor is not None, mod=mod)


def r_century(g: Groups, text: str, r: Ref) -> Timex | None:
    o = _low(g["ord"])
    n = int(re.sub(r"\D", "", o)) if re.match(r"\d", o) else ORDINALS.get(o)
    mod = _edge_mod(g.get("edge"))
    if n == -1:
        if r.anchor is None:
            return _no_anchor("century:last", "XX", "century")
        return century((r.anchor.year // 100 - 1) * 100, "century:last", anchored=True, mod=mod)
    if not n or n > 30:
        return None
    return century((n - 1) * 100, "century", mod=mod)


def r_quarter(g: Groups, text: str, r: Ref) -> Timex | None:
    qw = _low(g["q"])
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4, "last": 4}.get(qw) or (int(qw) if qw.isdigit() else None)
    is_half = _low(g.get("qh")) in ("half", "h")
    if n is None or (is_half and qw in ("third", "fourth")):
        return None
    if is_half and qw in ("final", "last"):
        n = 2
    y = _year(g.get("y") or g.get("y0"), r.anchor)
    adj = _low(g.get("adj"))
    yrel = _low(g.get("yrel") or g.get("qyrel"))
    anchored = False
    if y is None:
        if r.anchor is None:
            return _no_anchor("quarter", f"XXXX-{'H' if is_half else 'Q'}{n}", "quarter")
        a, anchored = r.anchor, True
        y = a.year
        if yrel in ("last", "previous") or adj in ("year-ago", "year-earlier"):
            y -= 1
        elif yrel == "next":
            y += 1
        elif not yrel:
            cur = cal.quarter_of(a) if not is_half else (1 if a.month <= 6 else 2)
            if r.tense == "past" and n > cur:
                y -= 1  # results news names the quarter just reported, this year's unless still to come
    rule = "half" if is_half else "quarter"
    return half(y, n, rule, anchored=anchored) if is_half else quarter(y, n, rule, anchored=anchored)


def r_quarter_code(g: Groups, text: str, r: Ref) -> Timex | None:
    return r_quarter({"q": g["q"], "qh": g["qh"], "y": g.get("y")}, text, r)


def r_season(g: Groups, text: str, r: Ref) -> Timex | None:
    code = SEASONS[_low(g["s"])]
    rel, mod = _low(g.get("rel")), _edge_mod(g.get("edge"))
    y = _year(g.get("y"), r.anchor)
    if y is not None:
        return season(y, code, "season", mod=mod)
    if r.anchor is None:
        return _no_anchor("season", f"XXXX-{code}", "season")
    a = r.anchor
    cur_y, cur = cal.season_of(a)
    starts = [(yy, cal.season_span(yy, code)) for yy in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if rel in ("last", "past", "previous", "this past"):
        y = max(yy for yy, (s, e) in starts if e < a)
    elif rel in ("next", "coming", "this coming"):
        y = min(yy for yy, (s, e) in starts if s > a)
    elif rel == "this" or (rel in ("", "the", "that") and r.direction == "nearest"):
        y = cur_y if code == cur else (a.year if code != "WI" else (a.year if a.month == 12 else a.year - 1
                                                                   if a.month <= 2 else a.year))
    elif r.direction == "past":
        y = max(yy for yy, (s, e) in starts if s <= a)
    else:
        y = min(yy for yy, (s, e) in starts if e >= a)
    return season(y, code, f"season:{rel or r.direction}", anchored=True, mod=mod)


def r_year(g: Groups, text: str, r: Ref) -> Timex | None:
    y = _year(g["y"], r.anchor)
    if y is None:
        return None
    rule = "year:short" if len(re.sub(r"\D", "", g["y"])) == 2 else "year"
    if _low(g.get("pre")) in ("fiscal", "fiscal year", "fy"):
        rule += ":fiscal"
    return year(y, rule, anchored=rule.startswith("year:short"), mod=_edge_mod(g.get("edge")))


def r_year_words(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"])
    extra = 0
    if " and " in w:
        extra = int(number_value(w.split(" and ", 1)[1]) or 0)
    return year(2000 + extra, "year:words")


# --- relative to the anchor ------------------------------------------------------------------------------

def _pod(code: str, base: Timex, rule: str, mod: str = "") -> Timex:
    return Timex(f"{base.value}T{code}", "TIME", "part_of_day", base.start, base.end, rule, base.anchored, mod)


def r_relative_day(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"])
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[w]
    pod = PARTS_OF_DAY.get(_low(g.get("pod")), "NI" if w == "tonight" else "")
    if _low(g.get("pod")) in ("noon", "midday"):
        pod = "MI"
    mod = _edge_mod(g.get("edge")) if _low(g.get("edge")) in ("early", "late") else ""
    if r.anchor is None:
        return Timex("XXXX-XX-XX" + (f"T{pod}" if pod else ""), "TIME" if pod else "DATE",
                     "part_of_day" if pod else "day", None, None, f"relative-day:{w};no-anchor")
    base = day(r.anchor + dt.timedelta(days=offset), f"relative-day:{w}", anchored=True, mod=mod)
    return _pod(pod, base, base.rule, mod) if pod else base


def r_this_pod(g: Groups, text: str, r: Ref) -> Timex | None:
    rel, pod = _low(g["rel"]), PARTS_OF_DAY[_low(g["pod"])]
    narrative = rel in ("that", "the same", "the following", "the next", "the previous")
    base_day = r.base if narrative else r.anchor
    if base_day is None:
        return Timex(f"XXXX-XX-XXT{pod}", "TIME", "part_of_day", None, None, f"part-of-day:{rel};no-anchor")
    offset = {"last": -1, "the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
    if rel == "last" and pod in ("MO", "AF"):
        offset = -1  # "last morning" is rare; treat like "yesterday morning"
    mod = _edge_mod(g.get("edge"))
    return _pod(pod, day(base_day + dt.timedelta(days=offset), "", anchored=True), f"part-of-day:{rel}", mod)


def r_weekday(g: Groups, text: str, r: Ref) -> Timex | None:
    wd = _weekday(g["wd"])
    if wd is None:
        return None
    rel = _low(g.get("rel"))
    pod_word = _low(g.get("pod"))
    pod = "MI" if pod_word in ("noon", "midday") else PARTS_OF_DAY.get(pod_word, "")
    edge = _low(g.get("edge"))
    mod = {"early": "EARLY" if not pod else "", "late": "LATE" if not pod else "", "mid": "MID"}.get(edge, "")
    if edge in ("early", "late") and pod:
        mod = "START" if edge == "early" else "END"
    narrative = rel in ("the following", "the previous", "that")
    base_day = r.base if narrative else r.anchor
    if base_day is None:
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return Timex(value, "TIME" if pod else "DATE", "part_of_day" if pod else "day", None, None,
                     f"weekday;no-anchor", False, mod)
    if rel in ("last", "past", "previous", "this past", "the previous"):
        how = "before"
    elif rel in ("next", "coming", "this coming", "the following"):
        how = "after"
    elif rel == "this":
        d = cal.week_start(base_day) + dt.timedelta(days=wd - 1)  # the one in this Monday-Sunday week
        if r.tense == "future" and d < base_day:
            d += dt.timedelta(days=7)
        elif r.tense == "past" and d > base_day:
            d -= dt.timedelta(days=7)
        base = day(d, "weekday:this", anchored=True, mod=mod)
        return _pod(pod, base, base.rule, mod) if pod else base
    elif rel == "that":
        how = "nearest"
    else:
        how = r.direction
    d = cal.weekday_near(base_day, wd, how)
    base = day(d, f"weekday:{how}", anchored=True, mod=mod)
    return _pod(pod, base, base.rule, mod) if pod else base


def r_weekday_plural(g: Groups, text: str, r: Ref) -> Timex | None:
    wd = _weekday(g["wd"])
    return Timex(f"XXXX-WXX-{wd}", "SET", "day", rule="set:weekday") if wd else None


def _holiday_date(name: str, y: int) -> D | None:
    if name in FIXED_HOLIDAYS:
        m, d = FIXED_HOLIDAYS[name]
        return D(y, m, d)
    if name in NTH_WEEKDAY_HOLIDAYS:
        m, wd, n = NTH_WEEKDAY_HOLIDAYS[name]
        return cal.nth_weekday(y, m, wd, n)
    if name in EASTER_HOLIDAYS:
        return cal.easter(y) + dt.timedelta(days=EASTER_HOLIDAYS[name])
    return None


def r_holiday(g: Groups, text: str, r: Ref) -> Timex | None:
    name = _low(g["h"]).replace("’", "'")
    rel = _low(g.get("rel"))
    y = _year(g.get("y"), r.anchor)
    if _holiday_date(name, 2000) is None:
        return None
    if y is not None:
        return day(_holiday_date(name, y), f"holiday:{name}")
    if r.anchor is None:
        return _no_anchor(f"holiday:{name}", "XXXX-XX-XX", "day")
    a = r.anchor
    cands = [_holiday_date(name, yy) for yy in (a.year - 1, a.year, a.year + 1)]
    if rel in ("last", "past", "this past"):
        d = max(c for c in cands if c < a)
    elif rel in ("next", "coming", "this coming"):
        d = min(c for c in cands if c > a)
    elif r.direction == "past":
        d = max(c for c in cands if c <= a)
    elif r.direction == "future":
        d = min(c for c in cands if c >= a)
    else:
        d = min(cands, key=lambda c: (abs((c - a).days), c > a))
    return day(d, f"holiday:{name}", anchored=True)


def r_non_gregorian(g: Groups, text: str, r: Ref) -> Timex | None:
    name = _low(g["h"])
    cal_name = NON_GREGORIAN.get(name, "a non-Gregorian calendar")
    yr = f" of {g['y']}" if g.get("y") else ""
    return unknown(f"non-gregorian:{name}{yr};follows the {cal_name}, not placed on a Gregorian date")


def r_era_year(g: Groups, text: str, r: Ref) -> Timex | None:
    era = _low(g["era"])
    n = int(g["n"])
    if era in ("a.h.", "ah"):
        return unknown(f"era-year:hijri {n};the Islamic year straddles two Gregorian years")
    offset, note = ERAS.get(era, (None, ""))
    if offset is None or n <= 0:
        return unknown(f"era-year:{era} {n};unknown era")
    return year(n + offset, f"era-year:{era};{note}")


def r_relative_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    rel = _low(g["rel"])
    raw_unit = _low(g["u"])
    unit = _unit(raw_unit)
    mod = _edge_mod(g.get("edge"))
    if not unit:
        return None
    plural = raw_unit != unit and raw_unit.endswith("s")
    if plural:  # "recent years", "the coming months": sometime before or after now (TimeML: PAST_REF)
        if rel in ("recent", "the recent", "the past", "past", "the last", "last", "the previous", "previous"):
            return Timex("PAST_REF", "DATE", unit if unit in _GRAINS else "unknown",
                         rule=f"relative-unit:{rel}-{raw_unit}", anchored=True)
        if rel in ("the coming", "coming", "the next", "next", "the following", "upcoming", "the upcoming"):
            return Timex("FUTURE_REF", "DATE", unit if unit in _GRAINS else "unknown",
                         rule=f"relative-unit:{rel}-{raw_unit}", anchored=True)
        return None
    if rel in ("the next", "the following") and unit == "day":
        rel = "the following"  # "the next day" is a day, "the next week" a stretch of time
    elif rel in ("the past", "the last") and unit not in ("day",) and not mod:
        rel = "last"  # TimeML reads "the past year" as last year: "profits rose over the past year"
    elif rel in ("the first", "the final", "the whole", "the entire", "all", "the next", "the coming") and not mod:
        return Timex(duration_value(1, unit), "DURATION", unit if unit in _GRAINS else "unknown",
                     rule=f"relative-unit:{rel}")
    narrative = rel in ("the following", "the previous", "the preceding", "the prior", "the same", "that")
    base_day = r.base if narrative else r.anchor
    if base_day is None:
        return _no_anchor(f"relative-unit:{rel}-{unit}", "XXXX", unit if unit in _GRAINS else "unknown")
    step = {"this": 0, "current": 0, "the current": 0, "the present": 0, "the same": 0, "that": 0,
            "last": -1, "past": -1, "previous": -1, "this past": -1, "the previous": -1, "the preceding": -1,
            "the prior": -1, "the latest": -1, "the most recent": -1, "recent": -1, "the recent": -1,
            "next": 1, "coming": 1, "this coming": 1, "the following": 1, "upcoming": 1, "the upcoming": 1,
            "the next": 1,
            }.get(rel)
    if step is None:
        return None
    if unit == "day":
        if rel in ("this", "current", "the current", "the present"):
            return None  # "this day" is rarely a date in news
        return day(base_day + dt.timedelta(days=step), f"relative-unit:{rel}-day", anchored=True, mod=mod)
    if unit == "quarter" and rel in ("the latest", "the most recent", "last", "the previous", "previous", "past"):
        step = -1
    if unit == "weekend":
        if rel in ("last", "past", "previous", "this past", "the previous"):
            sat = cal.weekday_near(base_day, 6, "before")
        elif rel in ("next", "coming", "this coming", "the following"):
            sat = cal.weekday_near(base_day, 6, "after")
        else:
            sat = cal.week_start(base_day) + dt.timedelta(days=5)
        return weekend(sat, f"relative-unit:{rel}-weekend")
    d = shift(base_day, unit, step)
    return period(d, unit, f"relative-unit:{rel}-{unit}", mod=mod)


_GRAINS = {"day", "week", "month", "quarter", "year", "decade", "century", "time"}


def r_edge_the_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    if not unit or r.anchor is None:
        return _no_anchor(f"edge:{unit}", "XXXX", unit or "unknown") if unit else None
    mod = _edge_mod(g.get("edge")) or "END"
    base = r.anchor
    if unit == "day":
        return day(base, "edge:day", anchored=True, mod=mod)
    return period(base, unit, f"edge:{unit}", mod=mod)


def r_year_end(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"]).replace("-", " ")
    if r.anchor is None:
        return _no_anchor("year-end", "XXXX", "year")
    a = r.anchor
    if "earlier" in w or "ago" in w:
        if "period" in w:
            return quarter(a.year - 1, cal.quarter_of(shift(a, "quarter", -1)), "year-ago-period", anchored=True)
        return year(a.year - 1, "year-ago", anchored=True)
    if w.startswith("month"):
        return month(a.year, a.month, "month-end", anchored=True, mod="END")
    if w.startswith("quarter"):
        return quarter(a.year, cal.quarter_of(a), "quarter-end", anchored=True, mod="END")
    return year(a.year, "year-end", anchored=True, mod="END")


def r_the_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    if r.anchor is None:
        return None
    a = r.anchor
    if unit == "quarter":
        # in results news "the quarter" is the one just reported: the last completed quarter
        d = shift(a, "quarter", -1)
        return quarter(d.year, cal.quarter_of(d), "the-quarter", anchored=True)
    if unit == "weekend":
        if r.tense == "past":
            sat = cal.weekday_near(a, 6, "past")
        elif r.tense == "future":
            sat = cal.weekday_near(a, 6, "future")
        else:
            sat = cal.week_start(a) + dt.timedelta(days=5)
        return weekend(sat, f"the-weekend:{r.direction}")
    if unit == "year" and _low(g.get("adj")) in ("full", "calendar"):
        return year(a.year, "the-full-year", anchored=True)  # "results for the full year"
    if unit in ("year", "week", "month"):
        return Timex(duration_value(1, unit), "DURATION", unit, rule=f"the-{unit}")
    return None


def r_ago(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    if not unit:
        return None
    direction = _low(g["dir"])
    n = _num(g.get("n")) if g.get("n") else None
    vague = g.get("n") is None or n is None
    mod = _approx_mod(g.get("approx"))
    sign = 1 if direction in ("later", "after", "from now", "hence", "afterward", "afterwards", "in the future") else -1
    # "two days later" counts from the story's last day; "a year earlier" in news from the article's date
    narrative = direction in ("earlier", "later", "before", "after", "afterward", "afterwards", "prior") and \
        unit in ("day", "night", "week", "weekend", "fortnight", "hour", "minute", "second")
    base_day = r.base if narrative else r.anchor
    if vague:
        return Timex("FUTURE_REF" if sign > 0 else "PAST_REF", "DATE", unit if unit in _GRAINS else "unknown",
                     rule=f"ago:vague-{direction}", anchored=True, mod=mod)
    if base_day is None:
        return _no_anchor(f"ago:{direction}", "XXXX", unit if unit in _GRAINS else "unknown")
    if unit in CLOCK_UNITS:
        return day(base_day, f"ago:{direction}-{unit}", anchored=True, mod=mod)
    whole = int(n) if float(n).is_integer() else None
    if whole is None:  # "a year and a half ago": count in months
        months = round(n * {"year": 12, "month": 1, "decade": 120}.get(unit, 0))
        if not months:
            return day(base_day + dt.timedelta(days=sign * round(n * 7 if unit == "week" else n)),
                       f"ago:{direction}", anchored=True, mod=mod)
        d = cal.add_months(base_day, sign * months)
        return month(d.year, d.month, f"ago:{direction}", anchored=True, mod=mod)
    d = shift(base_day, unit, sign * whole)
    grain = {"decade": "year", "century": "year", "night": "day", "fortnight": "week"}.get(unit, unit)
    return period(d, grain, f"ago:{direction}", mod=mod)


def r_in_duration(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    n = _num(g["n"])
    if not unit:
        return None
    if r.tense == "future" and n is not None and float(n).is_integer() and r.anchor is not None \
            and unit not in CLOCK_UNITS:
        d = shift(r.anchor, unit, int(n))
        grain = {"decade": "year", "century": "year", "night": "day", "fortnight": "week"}.get(unit, unit)
        return period(d, grain, "in-duration:future")
    return _duration(n, unit, "", "in-duration")


def _duration(n: float | None, unit: str, mod: str, rule: str) -> Timex:
    grain = unit if unit in _GRAINS else ("time" if unit in CLOCK_UNITS else "day" if unit in (
        "night", "weekend") else "week" if unit == "fortnight" else "century")
    return Timex(duration_value(n, unit), "DURATION", grain, rule=rule, mod=mod)


def r_duration(g: Groups, text: str, r: Ref) -> Timex | None:
    if _low(g.get("suffix")).endswith("old"):
        return None  # "36 years old", "a five-year-old": an age, not a time
    unit = _unit(g["u"])
    n = _num(g["n"])  # "two to three weeks": TIMEX3 keeps the lower bound
    if n is not None and n >= 1000 and unit not in ("year", "decade", "century", "millennium"):
        return None  # "the 1988 quarter" is a quarter of 1988
    if not unit:
        return None
    if n is None and _low(g["n"]) not in VAGUE_NUMBERS:
        return None
    extra = _low(g.get("n2"))
    if extra and n is not None:
        if extra in ("and a half", "and half"):
            n += 0.5
        else:
            m = re.fullmatch(r"and\s+(\S+(?:\s+\S+)?)\s+(\w+)", extra)
            sub = _unit(m[2]) if m else ""
            k = _num(m[1]) if m else None
            if sub and k is not None and unit != sub:
                first = duration_value(n, unit)
                second = duration_value(k, sub)
                joined = first + (second[2:] if second.startswith("PT") and "T" not in first else second[1:])
                return Timex(joined, "DURATION", unit if unit in _GRAINS else "time", rule="duration:compound",
                             mod=_approx_mod(g.get("approx")))
    return _duration(n, unit, _approx_mod(g.get("approx")), "duration")


def r_vague_duration(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    if not unit:
        return None
    q = _low(g.get("q"))
    return _duration(None, unit, _approx_mod(g.get("approx")), f"vague-duration:{q}")


def r_bare_plural_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    return _duration(None, unit, "", "vague-duration:bare") if unit else None


REFS = {
    "PRESENT_REF": ("now", "right now", "just now", "currently", "at present", "nowadays", "these days",
                    "at the moment", "current"),
    "PAST_REF": ("recently", "lately", "of late", "the past", "recent"),
    "FUTURE_REF": ("the future", "the near future", "the foreseeable future", "the distant future", "future"),
}
_REF_OF = {w: k for k, ws in REFS.items() for w in ws}


def r_ref(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"])
    kind = _REF_OF.get(w)
    if kind is None:
        return None
    return Timex(kind, "DATE", "unknown", rule=f"ref:{w}", anchored=True)


def _clock(h: int, m: int, ap: str, r: Ref, rule: str, mod: str = "", tz: str = "") -> Timex | None:
    ap = ap.replace(".", "").replace(" ", "").lower()
    if ap:
        if not 1 <= h <= 12:
            return None
        h = (0 if h == 12 else h) + (12 if ap.startswith("p") else 0)
    if h > 24 or m > 59:
        return None
    t = f"T{h:02d}:{m:02d}"
    base = r.base
    if base is None:
        return Timex("XXXX-XX-XX" + t, "TIME", "time", None, None, f"{rule};no-anchor", False, mod)
    return Timex(base.isoformat() + t, "TIME", "time", base, base, rule + (f";tz={tz}" if tz else ""), True, mod)


def r_clock(g: Groups, text: str, r: Ref) -> Timex | None:
    return _clock(int(g["H"]), int(g.get("M") or 0), g.get("ap") or "", r, "clock", _approx_mod(g.get("approx")),
                  g.get("tz") or "")


def r_clock24(g: Groups, text: str, r: Ref) -> Timex | None:
    return _clock(int(g["H"]), int(g["M"]), "", r, "clock-24", "", g.get("tz") or "")


def r_clock_word(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"])
    h = 24 if w == "midnight" else 12
    return _clock(h, 0, "", r, f"clock:{w}", _approx_mod(g.get("approx")), g.get("tz") or "")


def r_oclock(g: Groups, text: str, r: Ref) -> Timex | None:
    h = g["H"]
    n = int(h) if h.isdigit() else int(number_value(h) or 0)
    return _clock(n, 0, "", r, "oclock") if 1 <= n <= 24 else None


def r_part_of_day(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"])
    code = PARTS_OF_DAY.get(w.split()[-1], "MI" if w.endswith("midday") else "")
    if w.endswith(("dawn", "dusk")):
        code = "MO" if w.endswith("dawn") else "EV"
    if not code:
        return None
    if r.anchor is None and r.ref is None:
        return Timex(f"XXXX-XX-XXT{code}", "TIME", "part_of_day", rule=f"part-of-day:{w};no-anchor")
    base_day = r.base
    if w == "overnight" and r.ref is None and r.tense in (None, "past"):
        base_day = base_day - DAY1  # "overnight" in a morning report is the night before
    return _pod(code, day(base_day, "", anchored=True), f"part-of-day:{w}", _edge_mod(g.get("edge")))


SET_LETTERS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "biannually": "P6M",
               "semiannually": "P6M", "semi-annually": "P6M", "bimonthly": "P2M", "fortnightly": "P2W",
               "each day": "P1D", "year-round": "P1Y", "year after year": "P1Y", "day after day": "P1D",
               "24 hours a day": "P1D", "around the clock": "P1D", "day and night": "P1D", "day-to-day": "P1D"}


def r_set(g: Groups, text: str, r: Ref) -> Timex | None:
    u = _low(g["u"])
    every = _low(g["every"])
    n = _num(g.get("n")) if g.get("n") else 1
    if every == "every other":
        n = 2
    wd = _weekday(u)
    if wd:
        return Timex(f"XXXX-WXX-{wd}", "SET", "day", rule="set:every-weekday")
    if u in PARTS_OF_DAY:
        return Timex(f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", "SET", "part_of_day", rule="set:every-part-of-day")
    if u in SEASONS:
        return Timex(f"XXXX-{SEASONS[u]}", "SET", "season", rule="set:every-season")
    unit = _unit(u)
    if not unit:
        return None
    grain = unit if unit in _GRAINS else "day"
    return Timex(duration_value(n, unit), "SET", grain, rule=f"set:{every}")


def r_set_adverb(g: Groups, text: str, r: Ref) -> Timex | None:
    w = _low(g["w"])
    v = SET_LETTERS.get(w)
    if v is None:
        return None
    grain = {"D": "day", "W": "week", "M": "month", "Y": "year", "H": "time"}[v[-1]]
    return Timex(v, "SET", grain, rule=f"set:{w}")


def r_set_frequency(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    if _low(g["u"]) in ("morning", "night"):
        return Timex(f"XXXX-XX-XXT{PARTS_OF_DAY[_low(g['u'])]}", "SET", "part_of_day", rule="set:frequency")
    if not unit:
        return None
    return Timex(duration_value(1, unit), "SET", unit if unit in _GRAINS else "day",
                 rule=f"set:frequency:{_low(g['f'])}")


def r_set_rate(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = _unit(g["u"])
    if not unit:
        return None
    return Timex(duration_value(1, unit), "SET", unit if unit in _GRAINS else "day", rule="set:rate")


def r_fin_period(g: Groups, text: str, r: Ref) -> Timex | None:
    """Results news: "the latest period" is the quarter just reported; "the year-earlier period" the same
    quarter a year before; "the 1988 quarter" that quarter of 1988."""
    if r.anchor is None:
        return _no_anchor("fin-period", "XXXX-QX", "quarter")
    last = shift(r.anchor, "quarter", -1)
    q = cal.quarter_of(last)
    adj = _low(g.get("adj"))
    if g.get("y"):
        return quarter(int(g["y"]), q, "fin-period:year", anchored=True)
    if adj in ("latest", "most recent"):
        return quarter(last.year, q, "fin-period:latest", anchored=True)
    return quarter(last.year - 1, q, f"fin-period:{adj}", anchored=True)


def r_clock_pod(g: Groups, text: str, r: Ref) -> Timex | None:
    ip = _low(g["ip"])
    ap = "am" if "morning" in ip else "pm"
    if ip.endswith("night") and int(g["H"]) < 5 or int(g["H"]) == 12 and ip.endswith("night"):
        ap = "am"
    day_shift = ip.startswith(("tonight", "this"))
    t = _clock(int(g["H"]), int(g.get("M") or 0), ap, Ref(r.anchor, r.tense, r.ref if not day_shift else None),
               "clock-pod")
    return t


RESOLVERS: dict[str, Resolver] = {
    "iso": r_iso, "numeric": r_numeric, "numeric-ymd": r_numeric_ymd, "month-day-range": r_month_day_range,
    "day-month-range": r_day_month_range, "month-range": r_month_range, "year-range": r_year_range,
    "month-day": r_month_day, "day-month": r_month_day, "month-year": r_month_year, "month": r_month,
    "decade": r_decade, "century": r_century, "quarter": r_quarter, "quarter-code": r_quarter_code,
    "quarter-code-year": r_quarter_code, "season": r_season, "year": r_year, "year-words": r_year_words,
    "relative-day": r_relative_day, "this-pod": r_this_pod, "weekday": r_weekday,
    "weekday-plural": r_weekday_plural, "holiday": r_holiday, "non-gregorian": r_non_gregorian,
    "era-year": r_era_year, "era-year-suffix": r_era_year, "relative-unit": r_relative_unit,
    "edge-the-unit": r_edge_the_unit, "year-end": r_year_end, "the-unit": r_the_unit, "ago": r_ago,
    "in-duration": r_in_duration, "duration": r_duration, "vague-duration": r_vague_duration,
    "bare-plural-unit": r_bare_plural_unit, "ref": r_ref, "clock": r_clock, "clock-24": r_clock24,
    "clock-colon": r_clock24, "clock-word": r_clock_word, "oclock": r_oclock, "part-of-day": r_part_of_day,
    "set": r_set, "set-adverb": r_set_adverb, "set-frequency": r_set_frequency, "set-rate": r_set_rate,
    "fin-period": r_fin_period, "clock-pod": r_clock_pod,
}
