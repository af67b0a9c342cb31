"""`dateline dates`: the temporal expressions found in stored articles, with what they mean."""

from __future__ import annotations

import typer

from .common import ARTICLE, CSV, JSON, LIMIT, article_id_or_exit, check, read_store
from .output import emit, output_format


def register(app: typer.Typer) -> None:
    app.command("dates")(dates_cmd)


def dates_cmd(
    article: str = ARTICLE,
    since: str = typer.Option(None, help="Only dates reaching on or after this day (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Only dates starting on or before this day (YYYY-MM-DD)."),
    limit: int = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Date mentions: the text, its TIMEX3 value, granularity and the days it covers."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.dates, article=article, since=since, until=until, limit=limit)
    with read_store() as store:
        wanted["article"] = article_id_or_exit(store, wanted["article"])
        rows = query.dates(store, **wanted)
    columns = ["article", "text", "value", "granularity", "start", "end"] if fmt == "table" else None
    emit(rows, fmt=fmt, columns=columns, title="Dates")
