"""Reading matched words (numbers, months, units) and building TIMEX3 values with their calendar extent."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import calendar as cal
from .lexicon import (
    CLOCK_UNITS,
    MONTHS,
    MONTH_ABBREVIATIONS,
    UNITS,
    UNIT_PLURALS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    WEEKDAY_ABBREVIATIONS,
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


def low(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def month_number(word: str | None) -> int | None:
    w = low(word).rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS.get(w)


def weekday_number(word: str | None) -> int | None:
    w = low(word).rstrip(".")
    return WEEKDAYS.get(w) or WEEKDAY_ABBREVIATIONS.get(w)


def day_number(s: str | None) -> int | None:
    return int(re.sub(r"\D", "", s)) if s and re.sub(r"\D", "", s) else None


def spoken_year(s: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    w = low(s).replace("-", " ").split()
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


def year_number(s: str | None, anchor: D | None) -> int | None:
    if not s:
        return None
    if s[:1].isalpha():
        return spoken_year(s)
    digits = re.sub(r"\D", "", s)
    if len(digits) == 2:
        return cal.century_for(int(digits), anchor)
    return int(digits) if digits else None


def edge_mod(edge: str | None) -> str:
    e = low(edge)
    if not e:
        return ""
    if e in ("early", "the beginning of", "beginning of", "the start of", "start of", "earlier", "the early part of",
             "the first half of", "the dawn of", "earlier in", "early in"):
        return "START" if "beginning" in e or "start" in e or "dawn" in e else "EARLY"
    if e in ("late", "later", "the end of", "end of", "the latter part of", "the last part of", "the second half of",
             "the latter half of", "the close of", "the turn of", "later in", "late in"):
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


def unit_of(word: str | None) -> str:
    w = low(word).rstrip("'’s") if low(word).endswith(("'s", "’s")) else low(word)
    w = UNIT_PLURALS.get(w, w)
    return w if w in UNITS else ""


def count_of(s: str | None) -> float | None:
    """A count: digits or words; None for vague quantities ("several")."""
    t = low(s)
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


def fmt_number(n: float) -> str:
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
    if n is not None and not float(n).is_integer() and letter in SPLIT:
        # "2 1/2 years" is P2Y6M and "a minute and a half" PT1M30S: TIMEX3 has no fractions of units
        small, per = SPLIT[letter] if unit not in CLOCK_UNITS or letter != "M" else ("S", 60)
        whole, rest = int(n), round((n - int(n)) * per)
        if letter == "M" and unit in CLOCK_UNITS:
            small, per = "S", 60
        head = f"{whole}{letter}" if whole else ""
        if unit in CLOCK_UNITS:
            return f"PT{head}{rest}{small}"
        return f"P{head}T{rest}{small}" if small == "H" else f"P{head}{rest}{small}"
    count = "X" if n is None else fmt_number(n)
    return f"PT{count}{letter}" if unit in CLOCK_UNITS else f"P{count}{letter}"


# a fraction of a unit in the next smaller one: years in months, days in hours, hours in minutes
SPLIT = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("D", 30)}


def approx_mod(a: str | None) -> str:
    a = low(a)
    if not a:
        return ""
    if a in ("more than", "over", "well over", "just over", "upwards of", "no less than", "at least"):
        return "MORE_THAN" if a != "at least" else "EQUAL_OR_MORE"
    if a in ("less than", "fewer than", "under", "just under", "up to", "at most", "no more than", "nearly", "almost",
             "barely", "close to"):
        return "LESS_THAN" if a not in ("up to", "at most", "no more than") else "EQUAL_OR_LESS"
    return "APPROX" if a in ("about", "around", "approximately", "roughly", "some") else ""


def valid_date(y: int, m: int, d: int) -> D | None:
    try:
        return D(y, m, d)
    except ValueError:
        return None


def invalid_day(m: int, d: int, rule: str) -> Timex:
    name = next(k for k, v in MONTHS.items() if v == m).capitalize()
    return unknown(f"{rule};invalid:{name} has no day {d}", value="XXXX-XX-XX", granularity="day")


def no_anchor(rule: str, value: str, granularity: str) -> Timex:
    return Timex(value, "DATE", granularity, None, None, f"{rule};no-anchor")


def with_part_of_day(code: str, base: Timex, rule: str, mod: str = "") -> Timex:
    return Timex(f"{base.value}T{code}", "TIME", "part_of_day", base.start, base.end, rule, base.anchored, mod)


GRAINS = {"day", "week", "month", "quarter", "year", "decade", "century", "time"}


def duration(n: float | None, unit: str, mod: str, rule: str) -> Timex:
    grain = unit if unit in GRAINS else ("time" if unit in CLOCK_UNITS else "day" if unit in (
        "night", "weekend") else "week" if unit == "fortnight" else "century")
    return Timex(duration_value(n, unit), "DURATION", grain, rule=rule, mod=mod)
