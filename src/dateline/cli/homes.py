"""`dateline homes`: where each news source's readers live, learnt from the stored articles' places."""

from __future__ import annotations

import typer

from .common import CSV, JSON, LIMIT, check, read_store
from .output import emit, err, esc, output_format


def register(app: typer.Typer) -> None:
    app.command("homes")(homes_cmd)


def homes_cmd(
    save: str = typer.Option(None, "--save", help="Also write the homes to this TSV file; edit it and analyse "
                                                   "with `--source-homes FILE` (ingest, run)."),
    min_articles: int = typer.Option(None, "--min-articles", min=1,
                                     help="Articles naming a place a source needs for a home (default 3)."),
    min_share: float = typer.Option(None, "--min-share", min=0.0, max=1.0,
                                    help="Share of them its home state must hold (default 0.5)."),
    limit: int = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """The home state (and town) of each source, learnt from where its stored articles' places are."""
    from dataclasses import asdict

    from .. import filters, query
    from ..geo.homes import MIN_ARTICLES, MIN_SHARE, learn_homes, write_homes

    fmt = output_format(as_json, as_csv)
    limit = check(filters.limit, value=limit)
    min_articles = check(filters.count_at_least, value=min_articles, param="min_articles")
    min_share = check(filters.fraction, value=min_share, param="min_share")
    with read_store() as store:
        articles = query.source_places(store)
    homes = learn_homes(articles, min_articles=min_articles or MIN_ARTICLES,
                        min_share=MIN_SHARE if min_share is None else min_share)
    if save:
        try:
            write_homes(homes, save)
        except OSError as e:
            raise typer.BadParameter(f"cannot write {save!r}: {e.strerror or e}", param_hint="--save") from None
        err.print(f"wrote {len(homes)} source homes to {esc(save)}")
    out = [asdict(h) for h in homes][:limit]
    emit(out, fmt=fmt, columns=["source", "place", "country", "admin1", "lat", "lon", "articles", "share"],
         title="Source homes")
