"""Paging of the answers that list occurrences (`count`, `timeline`): the total is always counted whole, and
one page of occurrences is listed with its reports (thousands of them cannot be read on a terminal)."""

from __future__ import annotations

import typer

DEFAULT_PAGE = 50
PAGE = typer.Option(DEFAULT_PAGE, "--limit", "-n", help="List at most this many occurrences (the total is counted whole).")
OFFSET = typer.Option(0, "--offset", help="Skip this many occurrences first (the next page: --offset 50).")


def paging(limit: int, offset: int) -> dict[str, int]:
    """The read model's ``limit``/``offset``; a usage error (exit 2) when either is negative or the page empty."""
    from .common import check

    return check(_checked, limit=limit, offset=offset)


def _checked(*, limit: int, offset: int) -> dict[str, int]:
    from ..filters import FilterError

    if limit is None or limit < 1:
        raise FilterError("limit", f"must be at least 1, not {limit}")
    if offset is None or offset < 0:
        raise FilterError("offset", f"must be 0 or more, not {offset}")
    return {"limit": limit, "offset": offset}


def page_note(total: int, offset: int, shown: int) -> str | None:
    """"showing 51-100 of 9,255; --limit/--offset for more" when the page is not the whole answer."""
    if offset == 0 and shown >= total:
        return None
    span = f"{offset + 1:,}-{offset + shown:,}" if shown else "none"
    return f"showing {span} of {total:,}; --limit/--offset for more"
