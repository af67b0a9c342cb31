"""Temporal expressions, normalised: a fast rule-based TIMEX3 tagger with no spaCy and no I/O.

``scan(text)`` finds expressions; ``resolve(...)`` gives one its value against a reference date
and the tense of its clause; ``normalise(text, anchor, tense=...)`` does both for a single
expression ("late Monday night", "last June") and is cached, so other extractors can date a
clause cheaply.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .model import TENSES, Timex, unknown
from .resolve import RESOLVERS, Ref
from .lexicon import PARTS_OF_DAY
from .scan import CLOCKS, PODS, Group, Hit, keep, scan

TIMEISH = CLOCKS | PODS

__all__ = ["TENSES", "Timex", "Group", "Hit", "keep", "normalise", "resolve", "resolve_hit", "scan", "unknown"]

# Words around an expression that are not part of it: "on Tuesday", "since last year", "by 2020."
_FILLER = re.compile(
    r"^(?:(?i:on|in|at|since|by|from|until|till|through|during|of|for|before|after|as of|starting|"
    r"beginning|ending|around|about|circa|over|within|the|this|that|last|next)\s+)+|[\s,.;:!?\"“”'‘’)(]+$"
)


@lru_cache(maxsize=65536)
def resolve_hit(rule: str, groups: tuple, text: str, anchor: dt.date | None, tense: str | None,
                ref: dt.date | None = None) -> Timex | None:
    """One rule's match resolved; cached on everything the value depends on."""
    fn = RESOLVERS.get(rule)
    if fn is None:
        return None
    try:
        return fn(dict(groups), text, Ref(anchor, tense, ref))
    except (ValueError, OverflowError, KeyError, ZeroDivisionError) as e:
        # a date past year 9999, an unknown word in a table: keep the mention, say why
        return unknown(f"{rule};unresolvable:{type(e).__name__}")


def resolve(group: Group, source: str, anchor: dt.date | None, tense: str | None = None,
            ref: dt.date | None = None) -> Timex | None:
    """The value of one scanned expression. A day next to a clock time or a part of day becomes one
    TIME value ("9 a.m. Tuesday" -> 2019-01-08T09:00, "mid-afternoon yesterday" -> 2019-01-07TAF)."""
    if len(group.hits) == 1:
        h = group.hits[0]
        return resolve_hit(h.rule, h.groups, h.text(source), anchor, tense, ref)
    a, b = group.hits
    clock, dayish = (a, b) if a.rule in TIMEISH else (b, a)
    d = resolve_hit(dayish.rule, dayish.groups, dayish.text(source), anchor, tense, ref)
    if d is None:
        return None
    if clock.rule == "pod":
        code = PARTS_OF_DAY.get(clock.text(source).lower().replace("-", " ").split()[-1], "")
        if not code or "T" in d.value:
            return d
        return Timex(f"{d.value}T{code}", "TIME", "part_of_day", d.start, d.end, f"{d.rule}+pod", d.anchored)
    if d.start is None or d.type != "DATE" or d.granularity != "day":
        t = resolve_hit(clock.rule, clock.groups, clock.text(source), None, tense, None)
        if t is None:
            return d
        day_part = d.value if d.type == "DATE" and "T" not in d.value else "XXXX-XX-XX"
        return Timex(day_part + "T" + t.value.split("T", 1)[1], "TIME", "time", d.start, d.end,
                     f"{d.rule}+{t.rule.split(';')[0]}", d.anchored)
    t = resolve_hit(clock.rule, clock.groups, clock.text(source), d.start, tense, d.start)
    if t is None:
        return d
    return t.but(rule=f"{d.rule}+{t.rule}", anchored=d.anchored)


@lru_cache(maxsize=65536)
def normalise(text: str, anchor: dt.date | None, *, tense: str | None = None,
              ref: dt.date | None = None) -> Timex | None:
    """The meaning of one temporal expression, or None when ``text`` is not one.

    ``anchor`` is the published date; ``tense`` ("past", "present", "future") the tense of the
    verb the expression attaches to: a bare weekday or month points back in past-tense text and
    forward in future-tense text. ``ref`` is a narrative reference day for "the next day".

    >>> normalise("Tuesday", dt.date(2019, 1, 8), tense="past").value
    '2019-01-08'
    >>> normalise("last week", dt.date(2019, 1, 8)).value
    '2019-W01'
    """
    if not text or len(text) > 200:
        return None
    core = _FILLER.sub("", text.strip())
    core = _FILLER.sub("", core)  # twice: "on Tuesday," loses both ends
    for candidate in (text.strip(), core):
        if not candidate:
            continue
        groups = scan(candidate, guards=False)
        if len(groups) == 1 and _covers(groups[0], candidate):
            return resolve(groups[0], candidate, anchor, tense, ref)
    return None


def _covers(g: Group, text: str) -> bool:
    rest = (text[:g.start] + text[g.end:]).strip(" ,.;:!?\"“”'‘’()")
    return not rest or bool(re.fullmatch(r"(?i:on|in|at|the|of|since|by|from)(?:\s+\w+)?", rest)) and len(rest) <= 6
