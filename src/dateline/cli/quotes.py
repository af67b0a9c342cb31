"""`dateline quotes`: who said what, when and where, across the stored articles."""

from __future__ import annotations

import typer

from .common import ARTICLE, CSV, JSON, LIMIT, article_id_or_exit, check, read_store
from .output import emit, output_format


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cmd)


def quotes_cmd(
    speaker: str = typer.Option(None, "--speaker", help="Speaker name (or their own words, e.g. 'spokesperson') contains this."),
    since: str = typer.Option(None, "--since", help="Said on or after (YYYY-MM-DD): the statement's date, else the article's."),
    until: str = typer.Option(None, "--until", help="Said on or before (YYYY-MM-DD)."),
    article: str = ARTICLE,
    kind: str = typer.Option(None, "--kind", help="direct, partial or indirect."),
    limit: int = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Quotes and reported speech with their speaker, cue, date and place."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.quotes, speaker=speaker, since=since, until=until, article=article, kind=kind,
                   limit=limit)
    with read_store() as store:
        wanted["article"] = article_id_or_exit(store, wanted["article"])
        rows = query.quotes(store, **wanted)
    columns = ["said_on", "speaker_name", "cue", "kind", "content", "place", "article_id"] if fmt == "table" else None
    if fmt == "table":
        rows = [{**r, "speaker_name": speaker_cell(r["speaker_name"], r.get("principal")),
                 "article_id": r["article_id"][:10]} for r in rows]
    emit(rows, fmt=fmt, columns=columns, title="Quotes")


def speaker_cell(name: str | None, principal: str | None) -> str:
    """The speaker as a person reads it: a spokesperson with whom they speak for."""
    shown = name or "(unknown)"
    return f"{shown} (for {principal})" if principal else shown
