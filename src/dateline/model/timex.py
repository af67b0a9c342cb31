"""Calendar intervals of TIMEX3-style values, for comparing dates of different granularity."""

from __future__ import annotations

import datetime as dt
import re

Interval = tuple[dt.date, dt.date]  # first and last day, inclusive

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})$")


def interval(value: str | None) -> Interval | None:
    """The days a value covers: "2019-01-08", "2019-W01", "2018-06", "2018", "2018-Q2", "201" (a decade),
    "2019-01-07TNI", or a range "A/B" of any two of them. None when it is not on a calendar."""
    if not value:
        return None
    value = value.strip()
    if "/" in value:
        a, _, b = value.partition("/")
        ia, ib = interval(a), interval(b)
        return (ia[0], ib[1]) if ia and ib and ia[0] <= ib[1] else None
    try:
        if m := _DAY.match(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _WEEK.match(value):
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + dt.timedelta(days=6)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _month_end(y, mo)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := _YEAR.match(value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    except ValueError:
        return None
    return None


def _month_end(y: int, mo: int) -> dt.date:
    nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def days(iv: Interval) -> int:
    return (iv[1] - iv[0]).days + 1


def compatible(found: Interval | None, wanted: Interval | None, *, max_ratio: int = 10) -> bool:
    """True when one interval holds the other and the found one is not much coarser.

    "Tuesday" found as 2019-01-08 matches a wanted 2019-01-08; a visit dated 2019-01-07/2019-01-10
    matches a wanted 2019-01-08; a bare "2019" does not match 2019-01-08.
    """
    if found is None or wanted is None:
        return False
    inside = wanted[0] <= found[0] and found[1] <= wanted[1]
    holds = found[0] <= wanted[0] and wanted[1] <= found[1]
    return inside or (holds and days(found) <= max_ratio * days(wanted))
