"""Resolvers for durations, clock times, parts of day and sets: "three months", "9 a.m.", "overnight",
"every Monday", "twice a year"."""

from __future__ import annotations

import re

from .lexicon import PARTS_OF_DAY, SEASONS, VAGUE_NUMBERS, number_value
from .model import Timex
from .values import (
    DAY1,
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
    month_number,
    unit_of,
    weekday_number,
    with_part_of_day,
)


def r_duration(g: Groups, text: str, r: Ref) -> Timex | None:
    if low(g.get("suffix")).endswith("old"):
        return None  # "36 years old", "a five-year-old": an age, not a time
    unit = unit_of(g["u"])
    n = count_of(g["n"])  # "two to three weeks": TIMEX3 keeps the lower bound
    if n is not None and n >= 1000 and unit not in ("year", "decade", "century", "millennium"):
        return None  # "the 1988 quarter" is a quarter of 1988
    if not unit:
        return None
    if n is None and low(g["n"]) not in VAGUE_NUMBERS:
        return None
    extra = low(g.get("n2"))
    if extra and n is not None:
        if extra in ("and a half", "and half"):
            n += 0.5
        else:
            m = re.fullmatch(r"and\s+(\S+(?:\s+\S+)?)\s+(\w+)", extra)
            sub = unit_of(m[2]) if m else ""
            k = count_of(m[1]) if m else None
            if sub and k is not None and unit != sub:
                first = duration_value(n, unit)
                second = duration_value(k, sub)
                joined = first + (second[2:] if second.startswith("PT") and "T" not in first else second[1:])
                return Timex(joined, "DURATION", unit if unit in GRAINS else "time", rule="duration:compound",
                             mod=approx_mod(g.get("approx")))
    return duration(n, unit, approx_mod(g.get("approx")), "duration")


def r_vague_duration(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = unit_of(g["u"])
    if not unit:
        return None
    q = low(g.get("q"))
    return duration(None, unit, approx_mod(g.get("approx")), f"vague-duration:{q}")


def r_bare_plural_unit(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = unit_of(g["u"])
    return duration(None, unit, "", "vague-duration:bare") if unit else None


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
    return _clock(int(g["H"]), int(g.get("M") or 0), g.get("ap") or "", r, "clock", approx_mod(g.get("approx")),
                  g.get("tz") or "")


def r_clock24(g: Groups, text: str, r: Ref) -> Timex | None:
    return _clock(int(g["H"]), int(g["M"]), "", r, "clock-24", "", g.get("tz") or "")


def r_clock_word(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"])
    h = 24 if w == "midnight" else 12
    return _clock(h, 0, "", r, f"clock:{w}", approx_mod(g.get("approx")), g.get("tz") or "")


def r_oclock(g: Groups, text: str, r: Ref) -> Timex | None:
    h = g["H"]
    n = int(h) if h.isdigit() else int(number_value(h) or 0)
    return _clock(n, 0, "", r, "oclock") if 1 <= n <= 24 else None


def r_part_of_day(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"])
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
    return with_part_of_day(code, day(base_day, "", anchored=True), f"part-of-day:{w}", edge_mod(g.get("edge")))


def r_clock_pod(g: Groups, text: str, r: Ref) -> Timex | None:
    ip = low(g["ip"])
    ap = "am" if "morning" in ip else "pm"
    if ip.endswith("night") and int(g["H"]) < 5 or int(g["H"]) == 12 and ip.endswith("night"):
        ap = "am"
    day_shift = ip.startswith(("tonight", "this"))
    t = _clock(int(g["H"]), int(g.get("M") or 0), ap, Ref(r.anchor, r.tense, r.ref if not day_shift else None),
               "clock-pod")
    return t


SET_LETTERS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "biannually": "P6M",
               "semiannually": "P6M", "semi-annually": "P6M", "bimonthly": "P2M", "fortnightly": "P2W",
               "each day": "P1D", "year-round": "P1Y", "year after year": "P1Y", "day after day": "P1D",
               "24 hours a day": "P1D", "around the clock": "P1D", "day and night": "P1D", "day-to-day": "P1D"}


def r_set(g: Groups, text: str, r: Ref) -> Timex | None:
    u = low(g["u"])
    every = low(g["every"])
    n = count_of(g.get("n")) if g.get("n") else 1
    if every == "every other":
        n = 2
    wd = weekday_number(u)
    if wd:
        return Timex(f"XXXX-WXX-{wd}", "SET", "day", rule="set:every-weekday")
    m = month_number(u)
    if m:
        return Timex(f"XXXX-{m:02d}", "SET", "month", rule="set:every-month-name")  # "every July"
    if u in PARTS_OF_DAY:
        return Timex(f"XXXX-XX-XXT{PARTS_OF_DAY[u]}", "SET", "part_of_day", rule="set:every-part-of-day")
    if u in SEASONS:
        return Timex(f"XXXX-{SEASONS[u]}", "SET", "season", rule="set:every-season")
    unit = unit_of(u)
    if not unit:
        return None
    grain = unit if unit in GRAINS else "day"
    return Timex(duration_value(n, unit), "SET", grain, rule=f"set:{every}")


def r_set_adverb(g: Groups, text: str, r: Ref) -> Timex | None:
    w = low(g["w"])
    v = SET_LETTERS.get(w)
    if v is None:
        return None
    grain = {"D": "day", "W": "week", "M": "month", "Y": "year", "H": "time"}[v[-1]]
    return Timex(v, "SET", grain, rule=f"set:{w}")


def r_set_frequency(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = unit_of(g["u"])
    if low(g["u"]) in ("morning", "night"):
        return Timex(f"XXXX-XX-XXT{PARTS_OF_DAY[low(g['u'])]}", "SET", "part_of_day", rule="set:frequency")
    if not unit:
        return None
    return Timex(duration_value(1, unit), "SET", unit if unit in GRAINS else "day",
                 rule=f"set:frequency:{low(g['f'])}")


def r_set_rate(g: Groups, text: str, r: Ref) -> Timex | None:
    unit = unit_of(g["u"])
    if not unit:
        return None
    return Timex(duration_value(1, unit), "SET", unit if unit in GRAINS else "day", rule="set:rate")


def r_weekday_plural(g: Groups, text: str, r: Ref) -> Timex | None:
    wd = weekday_number(g["wd"])
    return Timex(f"XXXX-WXX-{wd}", "SET", "day", rule="set:weekday") if wd else None
