"""Looking at what is stored: articles, show, entities, errors."""

from __future__ import annotations

import typer

from .common import CSV, JSON, LIMIT, check, read_store
from .output import cell, dump_json, emit, err, esc, output_format



def register(app: typer.Typer) -> None:
    app.command("articles")(articles_cmd)
    app.command("show")(show_cmd)
    app.command("entities")(entities_cmd)
    app.command("errors")(errors_cmd)


def articles_cmd(
    since: str = typer.Option(None, help="Published on or after (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Published on or before (YYYY-MM-DD)."),
    source: str = typer.Option(None, help="Only this outlet."),
    limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV,
) -> None:
    """List stored articles."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.articles, since=since, until=until, source=source, limit=limit)
    with read_store() as store:
        emit(query.articles(store, **wanted), fmt=fmt)


def entities_cmd(
    type: str = typer.Option(None, "--type", help="PERSON, ORG, GPE, LOC or FAC."),
    country: str = typer.Option(None, help="ISO 3166 alpha-3 country code, e.g. PRK."),
    name: str = typer.Option(None, help="Name contains this."),
    limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV,
) -> None:
    """Entities across all articles with their country and sector codes."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.entities, type=type, country=country, name=name, limit=limit)
    with read_store() as store:
        emit(query.entities(store, **wanted), fmt=fmt)


def errors_cmd(limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV) -> None:
    """Items that failed, with the reason."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.errors, limit=limit)
    with read_store() as store:
        emit(query.errors(store, **wanted), fmt=fmt)


def show_cmd(article_id: str = typer.Argument(..., help="Article id (a unique prefix is enough)."),
             as_json: bool = JSON) -> None:
    """One article with everything found in it."""
    from .. import filters, query
    from ..model import to_dict

    check(filters.text, value=article_id, param="ARTICLE_ID")
    with read_store() as store:
        full = query.find_article_id(store, article_id)
        analysis = store.analysis(full) if full else None
    if analysis is None:
        err.print(f"no article with id {esc(repr(article_id))}")
        raise typer.Exit(2)
    if as_json:
        print(dump_json(to_dict(analysis)))
        return
    from .render import print_analysis

    print_analysis(analysis)


def print_overview() -> None:
    """What the demo job found: counts, top entities and events, and one question answered across articles."""
    from rich.console import Console

    from .. import query

    out = Console()
    with read_store() as store:
        counts = store.counts()
        out.print("[bold]Stored:[/bold] " + ", ".join(f"{v} {k}" for k, v in counts.items()))
        emit(query.entities(store, limit=10), title="Top entities")
        emit(query.events_by_type(store, limit=12), title="Events by type and status")
        question = dict(actor="Kim Jong Un", recipient="CHN", type="CONSULT", mode="visit",
                        since="2018-01-09", until="2019-01-08")
        got = query.occurrences(store, **question)
        out.print("\n[bold]How many times did Kim Jong Un visit China in the year to 2019-01-08?[/bold] "
                  f"{got['count']} distinct visits, each with the articles that reported it:")
        for o in got["occurrences"]:
            out.print(cell(f"  {o['start']} – {o['end']}  {', '.join(o['locations'][:2]) or '?'}  "
                           f"({o['articles']} article{'' if o['articles'] == 1 else 's'}: {', '.join(o['sources'])})"))
        out.print("[dim]Ask your own: dateline count --actor 'Kim Jong Un' --recipient CHN --type CONSULT "
                  "--mode visit --window 2018-01-09/2019-01-08 --reports[/dim]")
