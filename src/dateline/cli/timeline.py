"""`dateline timeline ACTOR` (an actor's occurrences in date order) and `dateline stories` (articles grouped
by the occurrences and actors they share)."""

from __future__ import annotations

import typer

from .common import CSV, EVENT_SINCE, EVENT_TYPE, EVENT_UNTIL, JSON, LIMIT, MIN_CONFIDENCE, check, read_store
from .output import dump_json, emit, err, esc, output_format
from .paging import OFFSET, PAGE, page_note, paging


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_cmd)
    app.command("stories")(stories_cmd)


def timeline_cmd(
    actor: str = typer.Argument(..., metavar="ACTOR", help="Actor name (part of it), country (PRK) or code."),
    with_: str = typer.Option(None, "--with", help="Only occurrences whose other side matches this."),
    type: str = EVENT_TYPE,
    since: str = EVENT_SINCE,
    until: str = EVENT_UNTIL,
    min_confidence: float = MIN_CONFIDENCE,
    limit: int = PAGE,
    offset: int = OFFSET,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """An actor's occurrences in date order: type, mode, other side, place, reports and sources."""
    from .. import filters
    from ..timeline import UnknownActor, timeline

    fmt = output_format(as_json, as_csv)
    wanted = check(_timeline_filters, actor=actor, with_=with_, type=type, since=since, until=until,
                   min_confidence=min_confidence)
    page = paging(limit, offset)
    with read_store() as store:
        try:
            result = timeline(store, **wanted, **page)
        except UnknownActor as e:
            err.print(esc(e.args[0]))
            raise typer.Exit(2) from None
    if fmt == "json":
        print(dump_json(result))
        return
    emit([{"from": o["start"], "to": o["end"], "event": "/".join(x for x in (o["type"], o["mode"]) if x),
           "with": o["counterpart"], "where": o["place"], "reports": o["reports"], "articles": o["articles"],
           "sources": o["sources"]} for o in result["occurrences"]], fmt=fmt, title=f"Timeline of {actor}")
    if fmt != "csv" and (note := page_note(result["count"], page["offset"], result["shown"])):
        err.print(note)


def _timeline_filters(*, actor, with_, type, since, until, min_confidence) -> dict:
    from .. import filters

    lo, hi = filters.days(since, until)
    return {"actor": filters.text(actor, "ACTOR").strip(), "with_": filters.text(with_, "with"),
            "type": filters.event_type(type), "since": lo, "until": hi,
            "min_confidence": filters.fraction(min_confidence)}


def stories_cmd(
    since: str = typer.Option(None, "--since", help="Occurrences on or after this day (YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Occurrences on or before this day (YYYY-MM-DD)."),
    limit: int = LIMIT,
    min_confidence: float = MIN_CONFIDENCE,
    as_json: bool = JSON,
) -> None:
    """Stories: articles that report the same occurrences with the same actors, biggest first."""
    from .. import filters
    from ..timeline import stories

    wanted = check(filters.articles, since=since, until=until, limit=limit)
    conf = check(filters.fraction, value=min_confidence, param="min_confidence")
    with read_store() as store:
        result = stories(store, since=wanted["since"], until=wanted["until"], limit=wanted["limit"],
                         min_confidence=conf)
    if as_json:
        print(dump_json(result))
        return
    emit([{"#": i, "from": s["start"], "to": s["end"], "actors": s["actors"][:3], "articles": len(s["articles"]),
           "occurrences": len(s["occurrences"]), "first headline": s["articles"][0].get("title")}
          for i, s in enumerate(result["stories"], 1)], title="Stories")
