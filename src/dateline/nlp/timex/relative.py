"""Resolvers for dates counted from the published date or the story's last date: "yesterday", "Tuesday",
"last week", "two days ago", "the next day", "Christmas", "the latest quarter", "now"."""

from __future__ import annotations

import datetime as dt

from . import calendar as cal
from .lexicon import CLOCK_UNITS, EASTER_HOLIDAYS, FIXED_HOLIDAYS, NTH_WEEKDAY_HOLIDAYS, PARTS_OF_DAY
from .model import Timex
from .values import (
    D,
    GRAINS,
    Groups,
    Ref,
    approx_mod,
    count_of,
    day,
    duration,
    duration_value,
    edge_mod,
    low,
    month,
    no_anchor,
    period,
    quarter,
    shift,
    unit_of,
    weekday_number,
    weekend,
    with_part_of_day,
    year,
    year_number,
)


def r_relative_day(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"])
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}[w]
    pod = PARTS_OF_DAY.get(low(g.get("pod")), "NI" if w == "tonight" else "")
    if low(g.get("pod")) in ("noon", "midday"):
        pod = "MI"
    mod = edge_mod(g.get("edge")) if low(g.get("edge")) in ("early", "late") else ""
    if r.anchor is None:
        return Timex("XXXX-XX-XX" + (f"T{pod}" if pod else ""), "TIME" if pod else "DATE",
                     "part_of_day" if pod else "day", None, None, f"relative-day:{w};no-anchor")
    base = day(r.anchor + dt.timedelta(days=offset), f"relative-day:{w}", anchored=True, mod=mod)
    return with_part_of_day(pod, base, base.rule, mod) if pod else base


def r_this_pod(g: Groups, text: str, r: Ref) -> Timex | None:
    rel, pod = low(g["rel"]), PARTS_OF_DAY[low(g["pod"])]
    narrative = rel in ("that", "the same", "the following", "the next", "the previous")
    base_day = r.base if narrative else r.anchor
    if base_day is None:
        return Timex(f"XXXX-XX-XXT{pod}", "TIME", "part_of_day", None, None, f"part-of-day:{rel};no-anchor")
    offset = {"last": -1, "the following": 1, "the next": 1, "the previous": -1}.get(rel, 0)
    if rel == "last" and pod in ("MO", "AF"):
        offset = -1  # "last morning" is rare; treat like "yesterday morning"
    mod = edge_mod(g.get("edge"))
    base = day(base_day + dt.timedelta(days=offset), "", anchored=True)
    return with_part_of_day(pod, base, f"part-of-day:{rel}", mod)


def r_weekday(g: Groups, text: str, r: Ref) -> Timex | None:
    wd = weekday_number(g["wd"])
    if wd is None:
        return None
    rel = low(g.get("rel"))
    pod_word = low(g.get("pod"))
    pod = "MI" if pod_word in ("noon", "midday") else PARTS_OF_DAY.get(pod_word, "")
    edge = low(g.get("edge"))
    mod = {"early": "EARLY" if not pod else "", "late": "LATE" if not pod else "", "mid": "MID"}.get(edge, "")
    if edge in ("early", "late") and pod:
        mod = "START" if edge == "early" else "END"
    narrative = rel in ("the following", "the previous", "that")
    base_day = r.base if narrative else r.anchor
    if base_day is None:
        value = f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else "")
        return Timex(value, "TIME" if pod else "DATE", "part_of_day" if pod else "day", None, None,
                     "weekday;no-anchor", False, mod)
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
        return with_part_of_day(pod, base, base.rule, mod) if pod else base
    elif rel == "that":
        how = "nearest"
    else:
        how = r.direction
    d = cal.weekday_near(base_day, wd, how)
    base = day(d, f"weekday:{how}", anchored=True, mod=mod)
    return with_part_of_day(pod, base, base.rule, mod) if pod else base


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
    name = low(g["h"]).replace("’", "'")
    rel = low(g.get("rel"))
    y = year_number(g.get("y"), r.anchor)
    if _holiday_date(name, 2000) is None:
        return None
    if y is not None:
        return day(_holiday_date(name, y), f"holiday:{name}")
    if r.anchor is None:
        return no_anchor(f"holiday:{name}", "XXXX-XX-XX", "day")
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


def r_relative_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    rel = low(g["rel"])
    raw_unit = low(g["u"])
    unit = unit_of(raw_unit)
    mod = edge_mod(g.get("edge"))
    if not unit:
        return None
    plural = raw_unit != unit and raw_unit.endswith("s")
    if plural:  # "recent years", "the coming months": sometime before or after now (TimeML: PAST_REF)
        if rel in ("recent", "the recent", "the past", "past", "the last", "last", "the previous", "previous"):
            return Timex("PAST_REF", "DATE", unit if unit in GRAINS else "unknown",
                         rule=f"relative-unit:{rel}-{raw_unit}", anchored=True)
        if rel in ("the coming", "coming", "the next", "next", "the following", "upcoming", "the upcoming"):
            return Timex("FUTURE_REF", "DATE", unit if unit in GRAINS else "unknown",
                         rule=f"relative-unit:{rel}-{raw_unit}", anchored=True)
        return None
    if rel in ("the next", "the following") and unit == "day":
        rel = "the following"  # "the next day" is a day, "the next week" a stretch of time
    elif rel in ("the past", "the last") and unit not in ("day",) and not mod:
        rel = "last"  # TimeML reads "the past year" as last year: "profits rose over the past year"
    elif rel in ("the first", "the final", "the whole", "the entire", "all", "the next", "the coming") and not mod:
        return Timex(duration_value(1, unit), "DURATION", unit if unit in GRAINS else "unknown",
                     rule=f"relative-unit:{rel}")
    narrative = rel in ("the following", "the previous", "the preceding", "the prior", "the same", "that")
    base_day = r.base if narrative else r.anchor
    if base_day is None:
        return no_anchor(f"relative-unit:{rel}-{unit}", "XXXX", unit if unit in GRAINS else "unknown")
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
        elif r.tense == "past" and not narrative:
            # "This weekend, the senator complained ..." told on a Wednesday: the weekend just gone
            sat = cal.weekday_near(base_day, 6, "past")
        else:
            sat = cal.week_start(base_day) + dt.timedelta(days=5)
        return weekend(sat, f"relative-unit:{rel}-weekend")
    d = shift(base_day, unit, step)
    return period(d, unit, f"relative-unit:{rel}-{unit}", mod=mod)


def r_edge_the_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = unit_of(g["u"])
    if not unit or r.anchor is None:
        return no_anchor(f"edge:{unit}", "XXXX", unit or "unknown") if unit else None
    mod = edge_mod(g.get("edge")) or "END"
    base = r.anchor
    if unit == "day":
        return day(base, "edge:day", anchored=True, mod=mod)
    return period(base, unit, f"edge:{unit}", mod=mod)


def r_year_end(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"]).replace("-", " ")
    if r.anchor is None:
        return no_anchor("year-end", "XXXX", "year")
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
    unit = unit_of(g["u"])
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
    if unit == "year" and low(g.get("adj")) in ("full", "calendar"):
        return year(a.year, "the-full-year", anchored=True)  # "results for the full year"
    if unit in ("year", "week", "month"):
        return Timex(duration_value(1, unit), "DURATION", unit, rule=f"the-{unit}")
    return None


def r_fin_period(g: Groups, text: str, r: Ref) -> Timex | None:
    """Results news: "the latest period" is the quarter just reported; "the year-earlier period" the same
    quarter a year before; "the 1988 quarter" that quarter of 1988."""
    if r.anchor is None:
        return no_anchor("fin-period", "XXXX-QX", "quarter")
    last = shift(r.anchor, "quarter", -1)
    q = cal.quarter_of(last)
    adj = low(g.get("adj"))
    if g.get("y"):
        return quarter(int(g["y"]), q, "fin-period:year", anchored=True)
    if adj in ("latest", "most recent"):
        return quarter(last.year, q, "fin-period:latest", anchored=True)
    return quarter(last.year - 1, q, f"fin-period:{adj}", anchored=True)


def r_ago(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = unit_of(g["u"])
    if not unit:
        return None
    direction = low(g["dir"])
    n = count_of(g.get("n")) if g.get("n") else None
    vague = g.get("n") is None or n is None
    mod = approx_mod(g.get("approx"))
    sign = 1 if direction in ("later", "after", "from now", "hence", "afterward", "afterwards", "in the future") else -1
    # "three months later" counts from the story's last date; "a year earlier" in news from the article's
    narrative = direction in ("earlier", "later", "before", "after", "afterward", "afterwards", "prior") and \
        unit in ("day", "night", "week", "weekend", "fortnight", "month", "hour", "minute", "second")
    base_day = r.base if narrative else r.anchor
    if vague:
        return Timex("FUTURE_REF" if sign > 0 else "PAST_REF", "DATE", unit if unit in GRAINS else "unknown",
                     rule=f"ago:vague-{direction}", anchored=True, mod=mod)
    if base_day is None:
        return no_anchor(f"ago:{direction}", "XXXX", unit if unit in GRAINS else "unknown")
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
    unit = unit_of(g["u"])
    n = count_of(g["n"])
    if not unit:
        return None
    if r.tense == "future" and n is not None and float(n).is_integer() and r.anchor is not None \
            and unit not in CLOCK_UNITS:
        d = shift(r.anchor, unit, int(n))
        grain = {"decade": "year", "century": "year", "night": "day", "fortnight": "week"}.get(unit, unit)
        return period(d, grain, "in-duration:future")
    return duration(n, unit, "", "in-duration")


REFS = {
    "PRESENT_REF": ("now", "right now", "just now", "currently", "at present", "nowadays", "these days",
                    "at the moment", "current"),
    "PAST_REF": ("recently", "lately", "of late", "the past", "recent"),
    "FUTURE_REF": ("the future", "the near future", "the foreseeable future", "the distant future", "future"),
}


_REF_OF = {w: k for k, ws in REFS.items() for w in ws}


def r_ref(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"])
    kind = _REF_OF.get(w)
    if kind is None:
        return None
    return Timex(kind, "DATE", "unknown", rule=f"ref:{w}", anchored=True)
