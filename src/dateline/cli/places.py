"""`dateline places`: where the stored articles happen."""

from __future__ import annotations

import typer

from .common import CSV, JSON, LIMIT, article_id_or_exit, check, read_store
from .output import emit, output_format


def register(app: typer.Typer) -> None:
    app.command("places")(places_cmd)


def places_cmd(
    country: str = typer.Option(None, "--country", help="ISO 3166 alpha-2 country code, e.g. KP."),
    article: str = typer.Option(None, "--article", help="One article (id or a unique prefix): every place mention."),
    event_only: bool = typer.Option(False, "--event-only", help="Only where each article's main event happened."),
    limit: int = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Places across articles (resolved to GeoNames where possible), or one article's mentions."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.places, country=country, article=article, event_only=event_only, limit=limit)
    with read_store() as store:
        article_id = wanted["article"] = article_id_or_exit(store, wanted["article"])
        rows = query.places(store, **wanted)
    columns = None
    if fmt == "table" and (article_id or event_only):
        columns = ["article_id", "text", "name", "country", "admin1", "lat", "lon", "is_event_location"]
    emit(rows, fmt=fmt, columns=columns, title="Places")
