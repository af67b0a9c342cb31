"""Calendar arithmetic and TIMEX3 value strings. Pure, stdlib only."""

from __future__ import annotations

import datetime as dt

from .lexicon import SEASON_MONTHS

Date = dt.date


def add_months(d: Date, n: int) -> Date:
    """``d`` moved by n months, the day clipped to the month's length."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return Date(y, m, min(d.day, month_end(y, m).day))


def add_years(d: Date, n: int) -> Date:
    return add_months(d, 12 * n)


def month_end(y: int, m: int) -> Date:
    return (Date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)


def week_start(d: Date) -> Date:
    return d - dt.timedelta(days=d.isoweekday() - 1)


def week_value(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def day_value(d: Date) -> str:
    return d.isoformat()


def month_value(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_span(y: int, q: int) -> tuple[Date, Date]:
    return Date(y, 3 * q - 2, 1), month_end(y, 3 * q)


def half_span(y: int, h: int) -> tuple[Date, Date]:
    return (Date(y, 1, 1), Date(y, 6, 30)) if h == 1 else (Date(y, 7, 1), Date(y, 12, 31))


def season_span(y: int, code: str) -> tuple[Date, Date]:
    """Northern meteorological seasons; winter YYYY runs from December YYYY into February YYYY+1."""
    first, last = SEASON_MONTHS[code]
    if code == "WI":
        return Date(y, 12, 1), month_end(y + 1, 2)
    return Date(y, first, 1), month_end(y, last)


def season_of(d: Date) -> tuple[int, str]:
    """The season a day falls in, as (year, code); January and February belong to the previous winter."""
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1), "WI"
    return d.year, "SP" if m <= 5 else "SU" if m <= 8 else "FA"


def nth_weekday(y: int, m: int, weekday: int, n: int) -> Date:
    """The n-th ISO weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = Date(y, m, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = month_end(y, m)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(y: int) -> Date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return Date(y, month, day)


def weekday_near(anchor: Date, weekday: int, direction: str) -> Date:
    """The given weekday relative to ``anchor``.

    past: the latest such day on or before the anchor; future: the earliest on or after;
    before/after: strictly before/after; nearest: whichever of past/future is closer (past on a tie).
    """
    back = (anchor.isoweekday() - weekday) % 7
    fwd = (weekday - anchor.isoweekday()) % 7
    if direction == "past":
        return anchor - dt.timedelta(days=back)
    if direction == "future":
        return anchor + dt.timedelta(days=fwd)
    if direction == "before":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "after":
        return anchor + dt.timedelta(days=fwd or 7)
    # with no tense, news leans to the past: Thursday said on a Monday is more likely the one just gone
    return anchor - dt.timedelta(days=back) if back <= fwd * AGAINST_NEWS else anchor + dt.timedelta(days=fwd)


def year_for(month: int, day: int | None, anchor: Date, direction: str) -> int:
    """The year of a month (and day) given without one: the occurrence nearest the anchor, where
    distance against the tense counts ``AGAINST_TENSE`` times (past-tense text can still name a date
    two weeks ahead, "was set for Nov. 16", but not one ten months ahead). With no tense, news leans
    to the past a little. The anchor's own month is always this year's.
    """
    if day is None and month == anchor.month:
        return anchor.year

    def cost(y: int) -> float:
        point = Date(y, month, min(day or 15, month_end(y, month).day))
        dist = (point - anchor).days
        if direction == "past" and dist > 0 or direction == "future" and dist < 0:
            return abs(dist) * AGAINST_TENSE
        if direction == "nearest" and dist > 0:
            return abs(dist) * AGAINST_NEWS
        return abs(dist)

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (cost(y), -y))


AGAINST_TENSE = 6.0
AGAINST_NEWS = 1.5


def century_for(two_digits: int, anchor: Date | None) -> int:
    """'19 -> 2019 near a 2019 anchor: the year within 80 years before and 20 after the anchor."""
    base = anchor.year if anchor else 2000
    for y in (base // 100 * 100 + two_digits - 100, base // 100 * 100 + two_digits,
              base // 100 * 100 + two_digits + 100):
        if base - 80 <= y <= base + 20:
            return y
    return base // 100 * 100 + two_digits
