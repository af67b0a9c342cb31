"""`dateline actors` (canonical actors across articles), `dateline actor ID` (one actor's names, codes and
roles over time, articles, events and quotes) and `dateline rebuild-actors` (link an older store)."""

from __future__ import annotations

import typer

from .common import CSV, JSON, LIMIT, check, read_store
from .output import cell, dump_json, emit, err, esc, output_format

LIST_COLUMNS = ["id", "name", "type", "country", "sector", "articles", "mentions", "first_seen", "last_seen"]


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_cmd)
    app.command("actor")(actor_cmd)
    app.command("rebuild-actors")(rebuild_cmd)


def actors_cmd(
    country: str = typer.Option(None, help="ISO 3166 alpha-3 code (PRK) or a group code (IGO)."),
    sector: str = typer.Option(None, help="CAMEO sector, e.g. GOV, MED, BUS."),
    type: str = typer.Option(None, "--type", help="PERSON, ORG, GPE, NORP, LOC or FAC."),
    search: str = typer.Option(None, "--search", help="Name or any written form of it contains this (or an id prefix)."),
    stats: bool = typer.Option(False, "--stats", help="How the stored mentions are linked, instead of the list."),
    limit: int = LIMIT, as_json: bool = JSON, as_csv: bool = CSV,
) -> None:
    """Canonical actors across articles: one row per person, organisation or place, with its id."""
    from ..actors import query

    fmt = output_format(as_json, as_csv)
    wanted = check(query.filters, country=country, sector=sector, type=type, search=search, limit=limit)
    with read_store() as store:
        if stats and not query.has_actors(store):
            err.print("this store was made before actors were kept: run `dateline rebuild-actors`")
            raise typer.Exit(2)
        if stats:
            figures = query.link_figures(store)
            if fmt == "json":
                print(dump_json(figures))
            else:
                emit([{"role": k, **v} for k, v in figures["roles"].items()], fmt=fmt,
                     title=f"{figures['actors']} actors, {figures['dictionary_actors']} from the dictionaries")
            return
        rows = query.actors(store, **wanted)
        if not rows and _unlinked(store):
            err.print("this store holds articles but no actors (made before they were linked): "
                      "run `dateline rebuild-actors`")
    emit(rows, fmt=fmt, columns=LIST_COLUMNS if fmt == "table" else None, title="Actors")


def _unlinked(store) -> bool:
    from ..actors.query import has_actors

    if not has_actors(store):
        return True
    got = store.query("SELECT (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM articles) AS articles")
    return int(got[0]["actors"]) == 0 and int(got[0]["articles"]) > 0


def actor_cmd(actor_id: str = typer.Argument(..., help="Actor id (a unique prefix is enough)."),
              limit: int = typer.Option(50, "--limit", "-n", help="At most this many rows of each list."),
              as_json: bool = JSON) -> None:
    """One actor: names and written forms, codes and roles over time, articles, events as actor and as
    target, quotes spoken."""
    from .. import filters
    from ..actors import query

    check(filters.text, value=actor_id, param="ACTOR_ID")
    n = check(filters.limit, value=limit, param="limit")
    with read_store() as store:
        found = query.find_actor_id(store, actor_id)
        profile = query.actor(store, found, limit=n) if found else None
    if profile is None:
        err.print(f"no actor with id {esc(repr(actor_id))} (or the prefix is not unique): "
                  "`dateline actors --search NAME` lists the ids")
        raise typer.Exit(2)
    if as_json:
        print(dump_json(profile))
        return
    _print_profile(profile)


def _print_profile(p: dict) -> None:
    from rich.console import Console

    out = Console()
    codes = "/".join(x for x in (p["country"], p["sector"]) if x) or "no codes"
    out.print(cell(f"{p['name']}  ({p['id']}, {p['type'] or '?'}, {codes})"))
    out.print(cell(f"dictionary: {p['dictionary_id'] or 'none (an actor by name)'}; {p['articles']} article(s), "
                   f"{p['mentions']} mention(s), {p['first_seen'] or '?'} to {p['last_seen'] or '?'}"))
    out.print(cell("written as: " + ", ".join(f"{a['alias']} ({a['mentions']})" for a in p["aliases"])))
    emit(p["roles"], fmt="table", columns=["code", "role", "first_day", "last_day", "articles"],
         title="Codes and roles over time")
    emit(p["articles_list"], fmt="table", columns=["published", "source", "title", "mentions", "id"], title="Articles")
    for side, title, other in (("events_as_actor", "Events as actor", "recipient"),
                               ("events_as_target", "Events as target", "actor")):
        emit(p[side], fmt="table", columns=["date", "type", "mode", "status", other, "location", "id"],
             title=title)
    emit(p["quotes"], fmt="table", columns=["published", "kind", "cue", "content", "article_id"], title="Quotes")


def rebuild_cmd() -> None:
    """Link every stored article to canonical actors again (a store made before actors were linked, or
    after the dictionaries changed). New articles are linked as they are saved."""
    from ..actors.store import rebuild
    from ..store import open_store
    from .state import app_state

    with open_store(app_state.get().db) as store:
        got = rebuild(store, progress=lambda done, total: err.print(f"[dim]{done}/{total} articles[/dim]"))
    print(f"{got['articles']} article(s) linked: {got['actors']} actor(s), {got['links']} link(s)")
