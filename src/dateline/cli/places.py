"""`dateline places`: where the stored articles happen."""

from __future__ import annotations

import typer

from .output import emit, err, output_format


def register(app: typer.Typer) -> None:
    app.command("places")(places_cmd)


def places_cmd(
    country: str = typer.Option(None, "--country", help="ISO 3166 alpha-2 country code, e.g. KP."),
    article: str = typer.Option(None, "--article", help="One article (id or a unique prefix): every place mention."),
    event_only: bool = typer.Option(False, "--event-only", help="Only where each article's main event happened."),
    limit: int = typer.Option(100, "--limit", "-n", help="At most this many rows."),
    as_json: bool = typer.Option(False, "--json", help="JSON output."),
    as_csv: bool = typer.Option(False, "--csv", help="CSV output."),
) -> None:
    """Places across articles (resolved to GeoNames where possible), or one article's mentions."""
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
        rows = query.places(store, country=country, article=article_id, event_only=event_only, limit=limit)
    columns = None
    if fmt == "table" and (article_id or event_only):
        columns = ["article_id", "text", "name", "country", "admin1", "lat", "lon", "is_event_location"]
    emit(rows, fmt=fmt, columns=columns, title="Places")
