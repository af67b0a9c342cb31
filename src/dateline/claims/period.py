"""The period a claim counts in, read from its words and put on the calendar relative to a day (the claim's
"as of": the article's published date, or today).

Forms: a span back from that day ("in a year", "in ten months", "within a week", "over the past two years",
"in 14 years"), the current or previous calendar unit ("this year", "so far this month", "last year"), a
named year or month ("in 2018", "in March 2019"), and a start ("since March", "since last March",
"since 2011", "since 2018-03-01"). A period never ends after the day it is read from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .words import MONTH, NUMBER, UNIT, month_number, number_value


@dataclass(frozen=True, slots=True)
class Period:
    """A period as written: ``kind`` is back (``n`` units back from the day), this / last (calendar unit),
    year / month (named), since (from an anchor, ``anchor`` as YYYY, YYYY-MM or YYYY-MM-DD or a month word)."""

    text: str
    kind: str
    n: int = 1
    unit: str = "year"
    anchor: str = ""
    start: int = 0  # where the phrase starts in the claim
    end: int = 0

    def window(self, as_of: dt.date, *, after_anchor: bool = False) -> tuple[dt.date, dt.date]:
        """The days the period covers, as of ``as_of``. With ``after_anchor`` a since-period starts the
        day after its anchor ("the first since 2011": the one before was in 2011)."""
        if self.kind == "back":
            return _back(as_of, self.n, self.unit) + dt.timedelta(days=1), as_of
        if self.kind in ("this", "last"):
            lo, hi = _calendar(as_of, self.unit, previous=self.kind == "last")
            return lo, min(hi, as_of)
        if self.kind in ("year", "month"):
            lo, hi = _named(self.anchor)
            return lo, min(hi, as_of)
        lo, hi = _anchor(self.anchor, as_of)
        return (hi + dt.timedelta(days=1) if after_anchor else lo), as_of


_A = r"(?:just |only |less than |under |about |nearly |almost |more than |over )?"
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("back", rf"\b(?:in|within|over|during|across|for) (?:the )?(?:past|last|previous|preceding) "
             rf"(?:(?P<n>{NUMBER}) )?(?P<unit>{UNIT})\b"),
    ("back", rf"\b(?:in|within|inside|over) {_A}(?:the space of )?(?P<n>{NUMBER}|a few) (?P<unit>{UNIT})\b"),
    ("this", rf"\b(?:so far )?this (?P<unit>week|month|year|decade)\b(?: so far)?"),
    ("since", rf"\bsince (?:the start of |the beginning of |early |late )?(?P<anchor>(?:last )?{MONTH}"
              rf"(?: \d{{1,2}})?(?:,? \d{{4}}| last year| this year)?|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}}|"
              rf"last (?:week|month|year))\b"),
    ("last", r"\blast (?P<unit>week|month|year)\b"),
    ("month", rf"\b(?:in|during) (?P<anchor>{MONTH},? \d{{4}})\b"),
    ("year", r"\b(?:in|during) (?P<anchor>\d{4})\b"),
)


def find_period(text: str) -> Period | None:
    """The first period phrase in ``text`` (the earliest in the text when several forms match)."""
    found: list[Period] = []
    for kind, pattern in _PATTERNS:
        for m in re.finditer(pattern, text, re.I):
            if re.match(r"'s\b", text[m.end():]):
                continue  # "this week's visit": which visit, not the period counted in
            p = _period(kind, m)
            if p is not None:
                found.append(p)
                break
    return min(found, key=lambda p: (p.start, -(p.end - p.start))) if found else None


def _period(kind: str, m: re.Match) -> Period | None:
    g = m.groupdict()
    unit = (g.get("unit") or "year").lower().rstrip("s")
    if kind == "back":
        n = 3 if (g.get("n") or "").lower() == "a few" else number_value(g["n"]) if g.get("n") else 1
        if not n:
            return None
        return Period(m.group(0), kind, n, unit, start=m.start(), end=m.end())
    return Period(m.group(0), kind, 1, unit, (g.get("anchor") or "").strip(), m.start(), m.end())


def _back(day: dt.date, n: int, unit: str) -> dt.date:
    if unit in ("day", "week"):
        return day - dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = n * {"month": 1, "year": 12, "decade": 120}[unit]
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    return dt.date(y, m, min(day.day, _month_days(y, m)))


def _month_days(y: int, m: int) -> int:
    return ((dt.date(y + m // 12, m % 12 + 1, 1)) - dt.date(y, m, 1)).days


def _calendar(day: dt.date, unit: str, *, previous: bool) -> tuple[dt.date, dt.date]:
    if unit == "week":
        lo = day - dt.timedelta(days=day.weekday() + (7 if previous else 0))
        return lo, lo + dt.timedelta(days=6)
    if unit == "month":
        y, m = (day.year, day.month - 1) if previous else (day.year, day.month)
        y, m = (y - 1, 12) if m == 0 else (y, m)
        return dt.date(y, m, 1), dt.date(y, m, _month_days(y, m))
    if unit == "decade":
        lo = day.year // 10 * 10 - (10 if previous else 0)
        return dt.date(lo, 1, 1), dt.date(lo + 9, 12, 31)
    y = day.year - (1 if previous else 0)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _named(anchor: str) -> tuple[dt.date, dt.date]:
    if re.fullmatch(r"\d{4}", anchor):
        return dt.date(int(anchor), 1, 1), dt.date(int(anchor), 12, 31)
    word, year = re.split(r",? ", anchor, maxsplit=1)
    y, m = int(year), month_number(word)
    return dt.date(y, m, 1), dt.date(y, m, _month_days(y, m))


def _anchor(anchor: str, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The days an anchor of "since ..." covers, the most recent such days on or before ``as_of``."""
    a = anchor.lower()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", a):
        d = dt.date.fromisoformat(a)
        return d, d
    if re.fullmatch(r"\d{4}", a):
        return _named(a)
    if a.startswith("last ") and a[5:] in ("week", "month", "year"):
        return _calendar(as_of, a[5:], previous=True)
    last = a.startswith("last ") or a.endswith(" last year")
    if a.endswith(" this year"):
        a = f"{a[:-len(' this year')]} {as_of.year}"
    a = a.removesuffix(" last year")
    m = re.fullmatch(r"(?:last )?([a-z]+)\.?(?: (\d{1,2}))?(?:,? (\d{4}))?", a)
    if not m:
        raise ValueError(f"cannot read the date {anchor!r}")
    month = month_number(m.group(1))
    year = int(m.group(3)) if m.group(3) else as_of.year - (1 if last or month > as_of.month else 0)
    if m.group(2):
        d = dt.date(year, month, int(m.group(2)))
        return d, d
    return dt.date(year, month, 1), dt.date(year, month, _month_days(year, month))
