"""`dateline events` (coded events with filters) and `dateline explain EVENT_ID` (why it was coded so)."""

from __future__ import annotations

import typer

from .common import (
    ARTICLE, CSV, EVENT_ACTOR, EVENT_CAMEO, EVENT_MODE, EVENT_RECIPIENT, EVENT_SINCE, EVENT_STATUS, EVENT_TYPE,
    EVENT_UNTIL, JSON, LIMIT, MIN_CONFIDENCE,
    article_id_or_exit, check, read_store,
)
from .output import clean, dump_json, emit, err, esc, output_format

TABLE_COLUMNS = ["id", "date", "event", "status", "actor", "recipient", "location", "conf"]


def register(app: typer.Typer) -> None:
    app.command("events")(events_cmd)
    app.command("explain")(explain_cmd)


def events_cmd(
    actor: str = EVENT_ACTOR,
    recipient: str = EVENT_RECIPIENT,
    type: str = EVENT_TYPE,
    mode: str = EVENT_MODE,
    cameo: str = EVENT_CAMEO,
    since: str = EVENT_SINCE,
    until: str = EVENT_UNTIL,
    status: str = EVENT_STATUS,
    article: str = ARTICLE,
    limit: int = LIMIT,
    min_confidence: float = MIN_CONFIDENCE,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Who did what to whom: coded events with date, place, status and confidence."""
    from .. import filters, query

    fmt = output_format(as_json, as_csv)
    wanted = check(filters.events, actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo,
                   since=since, until=until, status=status, article=article, limit=limit,
                   min_confidence=min_confidence)
    with read_store() as store:
        wanted["article"] = article_id_or_exit(store, wanted["article"])
        rows = query.events(store, **wanted)
    if fmt == "table":  # a terminal is narrow: short ids, codes folded into the names
        rows = [{"id": r["id"][:12], "date": r["date"], "event": "/".join(x for x in (r["type"], r["mode"], r["cameo"])
                                                                         if x),
                 "status": r["status"], "actor": _who(r, "actor"), "recipient": _who(r, "recipient"),
                 "location": r["location"], "conf": r["confidence"]} for r in rows]
    emit(rows, fmt=fmt, columns=TABLE_COLUMNS if fmt == "table" else None, title="Events")


def _who(row: dict, side: str) -> str:
    name = row.get(side) or ""
    code = row.get(f"{side}_code") or row.get(f"{side}_country")
    return f"{name} ({code})" if code and name else name or (code or "")


def explain_cmd(event_id: str = typer.Argument(..., help="Event id, or occurrence id (oc…); a unique prefix is enough."),
                as_json: bool = typer.Option(False, "--json", help="The event record as JSON.")) -> None:
    """Why an event was coded so: sentence and trigger, rule, actor and recipient resolution, date, place
    and status cues."""
    from .. import filters, query
    from ..nlp.events.explain import explain_lines
    from ..ontology.events import default_event_ontology

    check(filters.text, value=event_id, param="EVENT_ID")
    if event_id.startswith("oc"):  # an occurrence: its reports and why each joined
        from .occurrences import explain_occurrence

        explain_occurrence(event_id, as_json=as_json)
        return
    with read_store() as store:
        ev = query.event(store, event_id)
    if ev is None:
        err.print(f"no event with id {esc(repr(event_id))} (or the prefix is not unique)")
        raise typer.Exit(2)
    if as_json:
        from ..model import to_dict

        print(dump_json(to_dict(ev)))
        return
    onto = default_event_ontology()
    c = onto.cameo(ev.cameo)
    for line in explain_lines(ev, cameo_name=c.name if c else None):
        print(clean(line))
