"""Query parameters of the API, checked before any read model runs: a bad value is a 400 that names it."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from .errors import ApiError

MAX_LIMIT = 1000  # rows in one page; more is a client mistake, not a request to honour
MAX_OFFSET = 100_000  # pages are cut from the head of a listing, so a deep offset costs as much as its rows
MAX_TEXT = 200  # characters of a free-text filter

# Days outside these years are refused: no news falls there, and a window's margins must stay on the calendar.
FIRST_YEAR, LAST_YEAR = 1000, 9000
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CAMEO = re.compile(r"^\d{1,4}$")


def bad(name: str, message: str, value: Any = None) -> ApiError:
    return ApiError(400, "invalid_parameter", f"{name}: {message}", {"param": name, "value": value})


def day(name: str, value: str | None) -> str | None:
    """A calendar day as YYYY-MM-DD; 2019-02-30 and 2019-1-1 are refused."""
    if value is None:
        return None
    if not _DAY.match(value):
        raise bad(name, f"{value[:40]!r} is not a date (YYYY-MM-DD)", value[:40])
    try:
        year = dt.date.fromisoformat(value).year
    except ValueError:
        raise bad(name, f"{value!r} is not a day on the calendar", value) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise bad(name, f"{value!r} is outside the years {FIRST_YEAR} to {LAST_YEAR}", value)
    return value


def window(since: str | None, until: str | None, window: str | None = None) -> tuple[str | None, str | None]:
    """``since``/``until``, or both from ``window`` (START/END); the start may not follow the end."""
    if window is not None:
        if since or until:
            raise bad("window", "give either window or since/until, not both", window[:40])
        parts = window.split("/")
        if len(parts) != 2 or not all(parts):
            raise bad("window", f"{window[:40]!r} is not START/END (YYYY-MM-DD/YYYY-MM-DD)", window[:40])
        since, until = parts
        name_lo, name_hi = "window", "window"
    else:
        name_lo, name_hi = "since", "until"
    lo, hi = day(name_lo, since), day(name_hi, until)
    if lo and hi and lo > hi:
        raise bad("until" if window is None else "window", f"{lo} is after {hi}", f"{lo}/{hi}")
    return lo, hi


def text(name: str, value: str | None) -> str | None:
    """A free-text filter: blank means no filter; control characters and very long values are refused."""
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise bad(name, f"longer than {MAX_TEXT} characters", value[:40])
    if any(ord(c) < 32 for c in value):
        raise bad(name, "contains control characters", value[:40])
    return value.strip()


def choice(name: str, value: str | None, allowed: tuple[str, ...] | list[str], *, upper: bool = False) -> str | None:
    value = text(name, value)
    if value is None:
        return None
    key = value.upper() if upper else value.lower()
    if key not in allowed:
        raise bad(name, f"unknown value {value[:40]!r}; one of {', '.join(allowed)}", value[:40])
    return key


def event_type(value: str | None) -> str | None:
    from ..ontology.events import PLOVER_TYPES

    return choice("type", value, tuple(PLOVER_TYPES), upper=True)


def status(value: str | None) -> str | None:
    from ..model.records import EVENT_STATUSES

    return choice("status", value, EVENT_STATUSES)


def cameo(value: str | None) -> str | None:
    value = text("cameo", value)
    if value is not None and not _CAMEO.match(value):
        raise bad("cameo", f"{value[:40]!r} is not a CAMEO code or prefix (1 to 4 digits)", value[:40])
    return value


def confidence(value: float | None) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise bad("min_confidence", "must be a number from 0 to 1", str(value))
    return value


def country(name: str, value: str | None) -> str | None:
    value = text(name, value)
    if value is not None and not re.fullmatch(r"[A-Za-z]{2,3}", value):
        raise bad(name, f"{value[:40]!r} is not an ISO country code (2 or 3 letters)", value[:40])
    return value
