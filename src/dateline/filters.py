"""One validation layer for the filters of every listing, shared by the CLI and the HTTP API.

Each function takes what a user typed (a string, or a number an adapter already parsed) and gives the
value the read models in ``dateline.query`` expect, or raises :class:`FilterError` naming the filter and
saying what is wrong. Adapters turn that error into their usage error (exit 2, HTTP 400). Text filters
are matched literally by the read models (``%`` and ``_`` are no wildcards there), so they are checked
here only for what no name contains: control characters, emptiness, absurd length.

No CLI or web framework is imported here."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

MIN_DAY = dt.date(1000, 1, 1)  # far enough back for any archive, far from date arithmetic's limits
MAX_DAY = dt.date(2999, 12, 31)
MAX_LIMIT = 10_000_000
DEFAULT_LIMIT = 100
MAX_TEXT = 1000
QUOTE_KINDS = ("direct", "partial", "indirect")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class FilterError(ValueError):
    """A filter value that cannot be used: ``param`` names the filter, ``reason`` says why."""

    def __init__(self, param: str, reason: str) -> None:
        super().__init__(f"{param}: {reason}")
        self.param = param
        self.reason = reason


def _given(value: Any) -> bool:
    return value is not None


def day(value: Any, param: str = "since") -> str | None:
    """A calendar day as YYYY-MM-DD, real and within MIN_DAY..MAX_DAY; None when not given."""
    if not _given(value):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        parsed = value
    else:
        s = str(value).strip()
        if not _ISO_DAY.fullmatch(s):
            raise FilterError(param, f"{_show(value)} is not a day as YYYY-MM-DD")
        try:
            parsed = dt.date.fromisoformat(s)
        except ValueError:
            raise FilterError(param, f"{_show(value)} is not a real day") from None
    if not MIN_DAY <= parsed <= MAX_DAY:
        raise FilterError(param, f"{parsed.isoformat()} is outside {MIN_DAY.isoformat()}..{MAX_DAY.isoformat()}")
    return parsed.isoformat()


def days(since: Any, until: Any, *, since_param: str = "since", until_param: str = "until"
         ) -> tuple[str | None, str | None]:
    """Both ends of a span, each checked, and the start not after the end."""
    lo, hi = day(since, since_param), day(until, until_param)
    if lo and hi and lo > hi:
        raise FilterError(since_param, f"the span starts after it ends ({lo} > {hi})")
    return lo, hi


def window(value: Any, param: str = "window") -> tuple[str | None, str | None]:
    """A window START/END (both days, START not after END); None, None when not given. An open end is
    asked for with since or until alone, so a half-written window is an error, never an open one."""
    if not _given(value):
        return None, None
    parts = str(value).split("/")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise FilterError(param, f"{_show(value)} is not START/END (open end: since or until alone)")
    return days(parts[0], parts[1], since_param=f"{param} start", until_param=f"{param} end")


def limit(value: Any, param: str = "limit", *, default: int = DEFAULT_LIMIT) -> int:
    """How many rows: a whole number 1..MAX_LIMIT; ``default`` when not given."""
    if not _given(value):
        return default
    if isinstance(value, bool):
        raise FilterError(param, "is not a whole number")
    if isinstance(value, int):
        n = value
    else:
        s = str(value).strip()
        if not re.fullmatch(r"[+-]?\d{1,30}", s):
            raise FilterError(param, f"{_show(value)} is not a whole number")
        n = int(s)
    if not 1 <= n <= MAX_LIMIT:
        raise FilterError(param, f"{n} is outside 1..{MAX_LIMIT:,}")
    return n


def fraction(value: Any, param: str = "min-confidence") -> float | None:
    """A number 0..1 (a confidence, a share); None when not given."""
    if not _given(value):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise FilterError(param, f"{_show(value)} is not a number") from None
    if math.isnan(x) or not 0.0 <= x <= 1.0:
        raise FilterError(param, f"{_show(value)} is outside 0..1")
    return x


def count_at_least(value: Any, param: str, *, minimum: int = 1) -> int | None:
    """A whole number of at least ``minimum`` (and at most MAX_LIMIT); None when not given."""
    if not _given(value):
        return None
    n = limit(value, param, default=minimum)
    if n < minimum:
        raise FilterError(param, f"{n} is below {minimum}")
    return n


def text(value: Any, param: str) -> str | None:
    """A free-text filter (a name, a code, an id prefix), matched literally; None when not given.
    Empty text is an error rather than "no filter", so a script's empty variable cannot widen a query."""
    if not _given(value):
        return None
    s = str(value)
    if not s.strip():
        raise FilterError(param, "is empty (leave it out to match everything)")
    if len(s) > MAX_TEXT:
        raise FilterError(param, f"is {len(s):,} characters long; at most {MAX_TEXT:,}")
    bad = next((c for c in s if unicodedata.category(c) in ("Cc", "Cs")), None)
    if bad is not None:
        what = "a byte that is not UTF-8" if unicodedata.category(bad) == "Cs" else "a control character"
        raise FilterError(param, f"contains {what} (U+{ord(bad):04X})")
    return s


def choice(value: Any, allowed: tuple[str, ...], param: str, *, upper: bool = False) -> str | None:
    """One of ``allowed`` (case ignored), in the case ``allowed`` uses; None when not given."""
    s = text(value, param)
    if s is None:
        return None
    by_key = {a.lower(): a for a in allowed}
    got = by_key.get(s.strip().lower())
    if got is None:
        raise FilterError(param, f"{_show(s)} is not one of {', '.join(allowed)}")
    return got.upper() if upper else got


def event_type(value: Any, param: str = "type") -> str | None:
    from .ontology.events import PLOVER_TYPES

    return choice(value, PLOVER_TYPES, param, upper=True)


def event_status(value: Any, param: str = "status") -> str | None:
    from .model.records import EVENT_STATUSES

    return choice(value, EVENT_STATUSES, param)


def cameo(value: Any, param: str = "cameo") -> str | None:
    """A CAMEO code or its prefix: digits (and the letters some codes carry), e.g. 04, 0431, 13A."""
    s = text(value, param)
    if s is not None and not re.fullmatch(r"[0-9][0-9A-Za-z]{0,4}", s.strip()):
        raise FilterError(param, f"{_show(s)} is not a CAMEO code or prefix (e.g. 04)")
    return s.strip() if s is not None else None


_limit, _window = limit, window  # the listings below take parameters of these names


# --- the filters of each listing, ready to pass to the read model of the same name in dateline.query ---

def articles(*, since=None, until=None, source=None, limit=None) -> dict[str, Any]:
    lo, hi = days(since, until)
    return {"since": lo, "until": hi, "source": text(source, "source"), "limit": _limit(limit)}


def entities(*, type=None, country=None, name=None, limit=None) -> dict[str, Any]:
    from typing import get_args

    from .model.records import EntityType

    return {"type": choice(type, get_args(EntityType), "type", upper=True), "country": text(country, "country"),
            "name": text(name, "name"), "limit": _limit(limit)}


def places(*, country=None, article=None, event_only=False, limit=None) -> dict[str, Any]:
    return {"country": text(country, "country"), "article": text(article, "article"),
            "event_only": bool(event_only), "limit": _limit(limit)}


def dates(*, article=None, since=None, until=None, limit=None) -> dict[str, Any]:
    lo, hi = days(since, until)
    return {"article": text(article, "article"), "since": lo, "until": hi, "limit": _limit(limit)}


def _event_filters(actor, recipient, type, mode, cameo_, min_confidence) -> dict[str, Any]:
    return {"actor": text(actor, "actor"), "recipient": text(recipient, "recipient"), "type": event_type(type),
            "mode": text(mode, "mode"), "cameo": cameo(cameo_), "min_confidence": fraction(min_confidence)}


def events(*, actor=None, recipient=None, type=None, mode=None, cameo=None, since=None, until=None,
           status=None, article=None, limit=None, min_confidence=None, country=None) -> dict[str, Any]:
    lo, hi = days(since, until)
    out = {**_event_filters(actor, recipient, type, mode, cameo, min_confidence), "since": lo, "until": hi,
           "status": event_status(status), "article": text(article, "article"), "limit": _limit(limit)}
    if _given(country):  # either side's country (the web page's filter)
        out["country"] = text(country, "country")
    return out


def occurrences(*, actor=None, recipient=None, type=None, mode=None, cameo=None, since=None, until=None,
                window=None, min_confidence=None) -> dict[str, Any]:
    """The filters of ``query.occurrences``; ``window`` (START/END) or ``since``/``until``, not both."""
    if _given(window) and (_given(since) or _given(until)):
        raise FilterError("window", "give a window or since/until, not both")
    lo, hi = _window(window) if _given(window) else days(since, until)
    return {**_event_filters(actor, recipient, type, mode, cameo, min_confidence), "since": lo, "until": hi}


def quotes(*, speaker=None, since=None, until=None, article=None, kind=None, limit=None) -> dict[str, Any]:
    lo, hi = days(since, until)
    return {"speaker": text(speaker, "speaker"), "since": lo, "until": hi, "article": text(article, "article"),
            "kind": choice(kind, QUOTE_KINDS, "kind"), "limit": _limit(limit)}


def errors(*, limit=None) -> dict[str, Any]:
    return {"limit": _limit(limit)}


def _show(value: Any) -> str:
    """A value quoted for an error message: short, control characters made visible."""
    s = str(value)
    s = s if len(s) <= 40 else s[:37] + "..."
    return ascii(s) if any(unicodedata.category(c) == "Cc" for c in s) else repr(s)
