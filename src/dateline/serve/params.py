"""Query parameters of the API, checked by :mod:`dateline.filters` (the CLI's checks) before any read model
runs: a bad value is a 400 that names it. Only what is the API's own is checked here: page bounds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import filters
from .errors import ApiError

MAX_LIMIT = 1000  # rows in one page; more is a client mistake, not a request to honour
MAX_OFFSET = 100_000  # pages are cut from the head of a listing, so a deep offset costs as much as its rows


def bad(name: str, message: str, value: Any = None) -> ApiError:
    return ApiError(400, "invalid_parameter", f"{name}: {message}", {"param": name, "value": value})


def checked(listing: Callable[..., dict[str, Any]], **given: Any) -> dict[str, Any]:
    """``filters.<listing>(**given)``, its FilterError as a 400 naming the parameter."""
    try:
        return listing(**given)
    except filters.FilterError as e:
        raise bad(e.param, e.reason) from None


def one(check: Callable[..., Any], value: Any, name: str) -> Any:
    """One value through a single check of :mod:`dateline.filters` (``filters.text`` ...)."""
    try:
        return check(value, name)
    except filters.FilterError as e:
        raise bad(e.param, e.reason) from None
