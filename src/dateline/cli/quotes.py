"""`dateline quotes`: who said what, when and where, across the stored articles."""

from __future__ import annotations

import typer

from .output import emit, err, output_format


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_cmd)


def quotes_cmd(
    speaker: str = typer.Option(None, "--speaker", help="Speaker name (or their own words, e.g. 'spokesperson') contains this."),
    since: str = typer.Option(None, "--since", help="Said on or after (YYYY-MM-DD): the statement's date, else the article's."),
    until: str = typer.Option(None, "--until", help="Said on or before (YYYY-MM-DD)."),
    article: str = typer.Option(None, "--article", help="One article (id or a unique prefix)."),
    kind: str = typer.Option(None, "--kind", help="direct, partial or indirect."),
    limit: int = typer.Option(100, "--limit", "-n", help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV output."),
) -> None:
    """Quotes and reported speech with their speaker, cue, date and place."""
    from .. import query
    from .browse import _store

    if kind and kind.lower() not in ("direct", "partial", "indirect"):
        raise typer.BadParameter("--kind is one of direct, partial, indirect")
    fmt = output_format(as_json, as_csv)
    with _store() as store:
        article_id = None
        if article:
            article_id = query.find_article_id(store, article)
            if article_id is None:
                err.print(f"no article with id {article!r}")
                raise typer.Exit(1)
        rows = query.quotes(store, speaker=speaker, since=since, until=until, article=article_id, kind=kind,
                            limit=limit)
    columns = ["said_on", "speaker_name", "cue", "kind", "content", "place", "article_id"] if fmt == "table" else None
    if fmt == "table":
        rows = [{**r, "speaker_name": r["speaker_name"] or "(unknown)", "article_id": r["article_id"][:10]}
                for r in rows]
    emit(rows, fmt=fmt, columns=columns, title="Quotes")
