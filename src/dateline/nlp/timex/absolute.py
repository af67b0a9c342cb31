"""Resolvers for dates written out: "Jan. 8, 2019", "Jan. 7-10", "June", "the 1990s", "the third quarter",
"spring 2018", "Juche 108". The anchor only supplies a missing year."""

from __future__ import annotations

import re

from . import calendar as cal
from .lexicon import ERAS, NON_GREGORIAN, ORDINALS, SEASONS, number_value
from .model import Timex, unknown
from .values import (
    Groups,
    Ref,
    approx_mod,
    century,
    day,
    day_number,
    decade,
    edge_mod,
    half,
    invalid_day,
    low,
    month,
    month_number,
    no_anchor,
    quarter,
    season,
    valid_date,
    weekday_number,
    year,
    year_number,
)


def _full_date(y: int | None, m: int, d: int, r: Ref, rule: str, wd: int | None = None) -> Timex:
    """A month and day, with the year given or inferred from the anchor and tense."""
    if not 1 <= m <= 12:
        return unknown(f"{rule};invalid:no month {m}", value="XXXX-XX-XX", granularity="day")
    anchored = False
    if y is None:
        if r.anchor is None:
            probe = valid_date(2000, m, d)  # a leap year: February 29 is a real day in some year
            if probe is None:
                return invalid_day(m, d, rule)
            return no_anchor(rule, f"XXXX-{m:02d}-{d:02d}", "day")
        if valid_date(2000, m, d) is None:
            return invalid_day(m, d, rule)
        y = cal.year_for(m, d, r.anchor, r.direction)
        anchored = True
        if wd is not None:  # "Tuesday, Jan. 8": the weekday picks the year when the anchor is ambiguous
            for cand in (y, y - 1, y + 1):
                x = valid_date(cand, m, d)
                if x and x.isoweekday() == wd:
                    y = cand
                    break
    x = valid_date(y, m, d)
    if x is None:
        return invalid_day(m, d, rule) if valid_date(2000, m, d) is None else unknown(
            f"{rule};invalid:{y} has no February 29", value="XXXX-XX-XX", granularity="day")
    tag = rule
    if wd is not None and x.isoweekday() != wd:
        tag += ";weekday-mismatch"
    return day(x, tag, anchored=anchored)


def r_iso(g: Groups, text: str, r: Ref) -> Timex | None:
    y, m, d = int(g["y"]), int(g["m"]), int(g["d"])
    x = valid_date(y, m, d)
    if x is None:
        return unknown(f"iso;invalid:{text}", value="XXXX-XX-XX", granularity="day")
    if g.get("H"):
        h, mi = int(g["H"]), int(g["M"])
        if h > 24 or mi > 59:
            return day(x, "iso;invalid-time")
        return Timex(f"{x.isoformat()}T{h:02d}:{mi:02d}", "TIME", "time", x, x, "iso")
    return day(x, "iso")


def r_numeric(g: Groups, text: str, r: Ref) -> Timex | None:
    a, b, y = int(g["a"]), int(g["b"]), year_number(g["y"], r.anchor)
    m, d, rule = a, b, "numeric:us"
    if a > 12 and b <= 12:  # 25/12/2018 can only be day first
        m, d, rule = b, a, "numeric:day-first"
    if not 1 <= m <= 12:
        return unknown(f"{rule};invalid:no month {m}", value="XXXX-XX-XX", granularity="day")
    return _full_date(y, m, d, r, rule)


def r_numeric_ymd(g: Groups, text: str, r: Ref) -> Timex | None:
    return _full_date(int(g["y"]), int(g["m"]), int(g["d"]), r, "numeric:ymd")


def r_month_day(g: Groups, text: str, r: Ref) -> Timex | None:
    m, d = month_number(g["m"]), day_number(g["d"])
    if m is None or d is None:
        return None
    rel = low(g.get("rel"))
    if rel in ("last", "next", "this past", "this coming") and not g.get("y"):
        # "last Oct. 23": the latest one before the anchor; "next May 5": the first after it
        return _full_date(None, m, d, Ref(r.anchor, "past" if rel in ("last", "this past") else "future", r.ref),
                          f"month-day:{rel}", weekday_number(g.get("wd")))
    tx = _full_date(year_number(g.get("y"), r.anchor), m, d, r, "month-day", weekday_number(g.get("wd")))
    mod = approx_mod(g.get("edge"))
    return tx.but(mod=mod) if mod else tx


def _range(a: Timex, b: Timex, rule: str, granularity: str) -> Timex:
    if a.start is None or b.end is None:
        if "invalid" in a.rule or "invalid" in b.rule:
            why = a.rule if "invalid" in a.rule else b.rule
            return unknown(f"{rule};{why}", value="XXXX-XX-XX", granularity=granularity)
        return Timex(f"{a.value}/{b.value}", "DATE", granularity, None, None, f"{rule};no-anchor")
    return Timex(f"{a.value}/{b.value}", "DATE", granularity, a.start, b.end, rule, a.anchored or b.anchored)


def r_month_day_range(g: Groups, text: str, r: Ref) -> Timex | None:
    m1, d1, d2 = month_number(g["m1"]), day_number(g["d1"]), day_number(g["d2"])
    m2 = month_number(g.get("m2")) or m1
    if None in (m1, d1, d2, m2):
        return None
    y = year_number(g.get("y"), r.anchor)
    a = _full_date(y, m1, d1, r, "range", weekday_number(g.get("wd")))
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
    m1, m2 = month_number(g["m1"]), month_number(g["m2"])
    if m1 is None or m2 is None:
        return None
    y = year_number(g.get("y"), r.anchor)
    if y is None:
        if r.anchor is None:
            return no_anchor("month-range", f"XXXX-{m1:02d}/XXXX-{m2:02d}", "month")
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
    m = month_number(g["m"])
    if m is None:
        return None
    if g.get("yrel"):  # "January this year", "June last year"
        rel = low(g["yrel"])
        base = r.base if rel in ("the previous", "the following", "that") else r.anchor
        if base is None:
            return no_anchor("month-year:relative", f"XXXX-{m:02d}", "month")
        step = {"this": 0, "that": 0, "last": -1, "the previous": -1, "next": 1, "the following": 1}[rel]
        return month(base.year + step, m, f"month-year:{rel}", anchored=True, mod=edge_mod(g.get("edge")))
    y = year_number(g.get("y"), r.anchor)
    if y is None:
        return None
    return month(y, m, "month-year", mod=edge_mod(g.get("edge")))


def r_month(g: Groups, text: str, r: Ref) -> Timex | None:
    m = month_number(g["m"])
    if m is None:
        return None
    rel, mod = low(g.get("rel")), edge_mod(g.get("edge"))
    if r.anchor is None:
        return no_anchor("month", f"XXXX-{m:02d}", "month")
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
    mod = edge_mod(g.get("edge") or g.get("edge2"))
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
    n = words.get(low(g.get("decw")))
    if n is None:
        return None
    base = (r.anchor.year if r.anchor else 2000) // 100 * 100
    y = base + n if base + n <= (r.anchor.year if r.anchor else 2000) else base - 100 + n
    return decade(y, "decade:words", anchored=r.anchor is not None, mod=mod)


def r_century(g: Groups, text: str, r: Ref) -> Timex | None:
    o = low(g["ord"])
    n = int(re.sub(r"\D", "", o)) if re.match(r"\d", o) else ORDINALS.get(o)
    mod = edge_mod(g.get("edge"))
    if n == -1:
        if r.anchor is None:
            return no_anchor("century:last", "XX", "century")
        return century((r.anchor.year // 100 - 1) * 100, "century:last", anchored=True, mod=mod)
    if not n or n > 30:
        return None
    return century((n - 1) * 100, "century", mod=mod)


def r_quarter(g: Groups, text: str, r: Ref) -> Timex | None:
    qw = low(g["q"])
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4, "last": 4}.get(qw) or (int(qw) if qw.isdigit() else None)
    is_half = low(g.get("qh")) in ("half", "h")
    if n is None or (is_half and qw in ("third", "fourth")):
        return None
    if is_half and qw in ("final", "last"):
        n = 2
    y = year_number(g.get("y") or g.get("y0"), r.anchor)
    adj = low(g.get("adj"))
    yrel = low(g.get("yrel") or g.get("qyrel"))
    anchored = False
    if y is None:
        if r.anchor is None:
            return no_anchor("quarter", f"XXXX-{'H' if is_half else 'Q'}{n}", "quarter")
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
    code = SEASONS[low(g["s"])]
    rel, mod = low(g.get("rel")), edge_mod(g.get("edge"))
    y = year_number(g.get("y"), r.anchor)
    if y is not None:
        return season(y, code, "season", mod=mod)
    if r.anchor is None:
        return no_anchor("season", f"XXXX-{code}", "season")
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
    y = year_number(g["y"], r.anchor)
    if y is None:
        return None
    rule = "year:short" if len(re.sub(r"\D", "", g["y"])) == 2 else "year"
    if low(g.get("pre")) in ("fiscal", "fiscal year", "fy"):
        rule += ":fiscal"
    return year(y, rule, anchored=rule.startswith("year:short"), mod=edge_mod(g.get("edge")))


def r_year_words(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"])
    extra = 0
    if " and " in w:
        extra = int(number_value(w.split(" and ", 1)[1]) or 0)
    return year(2000 + extra, "year:words")


def r_non_gregorian(g: Groups, text: str, r: Ref) -> Timex | None:
    name = low(g["h"])
    cal_name = NON_GREGORIAN.get(name, "a non-Gregorian calendar")
    yr = f" of {g['y']}" if g.get("y") else ""
    return unknown(f"non-gregorian:{name}{yr};follows the {cal_name}, not placed on a Gregorian date")


def r_era_year(g: Groups, text: str, r: Ref) -> Timex | None:
    era = low(g["era"])
    n = int(g["n"])
    if era in ("a.h.", "ah"):
        return unknown(f"era-year:hijri {n};the Islamic year straddles two Gregorian years")
    offset, note = ERAS.get(era, (None, ""))
    if offset is None or n <= 0:
        return unknown(f"era-year:{era} {n};unknown era")
    return year(n + offset, f"era-year:{era};{note}")
