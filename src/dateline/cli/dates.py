"""`dateline dates`: the temporal expressions found in stored articles, with what they mean."""

from __future__ import annotations

import typer

from .output import emit, err, output_format


def register(app: typer.Typer) -> None:
    app.command("dates")(dates_cmd)


def dates_cmd(
    article: str = typer.Option(None, "--article", help="One article (id or a unique prefix)."),
    since: str = typer.Option(None, help="Only dates reaching on or after this day (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Only dates starting on or before this day (YYYY-MM-DD)."),
    limit: int = typer.Option(100, "--limit", "-n", help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV output."),
) -> None:
    """Date mentions: the text, its TIMEX3 value, granularity and the days it covers."""
    from .. import query
    from .browse import _store

    fmt = output_format(as_json, as_csv)
    with _store() as store:
        article_id = None
        if article:
            article_id = query.find_article_id(store, article)
            if article_id is None:
                err.print(f"no article with id {article!r}")
                raise typer.Exit(1)
        rows = query.dates(store, article=article_id, since=since, until=until, limit=limit)
    columns = ["article", "text", "value", "granularity", "start", "end"] if fmt == "table" else None
    emit(rows, fmt=fmt, columns=columns, title="Dates")
