"""count: how many times did something happen, with the events and sources behind the number."""

from __future__ import annotations

import typer

from .common import JSON, MIN_CONFIDENCE, check, read_store
from .paging import OFFSET, PAGE, page_note, paging
from .output import cell, dump_json, err


def register(app: typer.Typer) -> None:
    app.command("count")(count_cmd)


def count_cmd(
    actor: str = typer.Option(None, help="Actor name (part of it), country (PRK) or code."),
    recipient: str = typer.Option(None, help="Recipient name, country or code."),
    type: str = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
    mode: str = typer.Option(None, help="PLOVER mode, e.g. visit."),
    cameo: str = typer.Option(None, help="CAMEO code or prefix."),
    since: str = typer.Option(None, help="Window start (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Window end (YYYY-MM-DD)."),
    window: str = typer.Option(None, help="Window as START/END, e.g. 2018-01-09/2019-01-08."),
    reports: bool = typer.Option(False, "--reports", help="List every report behind each occurrence."),
    limit: int = PAGE,
    offset: int = OFFSET,
    min_confidence: float = MIN_CONFIDENCE,
    as_json: bool = JSON,
) -> None:
    """Distinct occurrences across articles: `dateline count --actor "Kim Jong Un" --recipient CHN
    --type CONSULT --mode visit --window 2018-01-09/2019-01-08`."""
    from .. import filters, query

    wanted = check(filters.occurrences, actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo,
                   since=since, until=until, window=window, min_confidence=min_confidence)
    page = paging(limit, offset)
    with read_store() as store:
        result = query.occurrences(store, **wanted, **page)
    if as_json:
        print(dump_json(result))
        return
    from rich.console import Console
    from rich.table import Table

    out = Console()
    span = f" between {result['since'] or '…'} and {result['until'] or '…'}" if wanted["since"] or wanted["until"] else ""
    out.print(f"[bold]{result['count']}[/bold] distinct occurrence(s){span}")
    t = Table()
    for c in ("#", "id", "what", "days", "where", "reports", "sources"):
        t.add_column(c, overflow="fold")
    for i, o in enumerate(result["occurrences"], page["offset"] + 1):
        t.add_row(str(i), o["id"][:12], cell(_what(o)), _days(o), cell((o["place"] or {}).get("name") or o["locations"][:3]),
                  f"{len(o['reports'])} in {o['articles']}", cell(o["sources"]))
    out.print(t)
    if note := page_note(result["count"], page["offset"], result["shown"]):
        out.print(note)
    if reports:
        for i, o in enumerate(result["occurrences"], page["offset"] + 1):
            out.print(f"[bold]#{i}[/bold] {o['id']} ", cell(_what(o)), f" {_days(o)}")
            for r in o["reports"]:
                out.print(cell(f"  {r['published']} {r['source']} [{r['event']}] {r['date']}: {r['sentence'][:140]}"))
    if result["unplaced"]:
        err.print(f"{result['unplaced_count']} matching report(s) could not be placed on a calendar "
                  "(no date of their own, or a span too wide); see --json")
    if not result["occurrences"] and _unlinked():
        err.print("this store holds events but no occurrences (made before they were kept): "
                  "run `dateline occurrences rebuild`")


def _what(o: dict) -> str:
    """"Kim Jong Un → China CONSULT/visit"."""
    kind = o["type"] + ("/" + o["mode"] if o["mode"] else "")
    return f"{o['actor']['name'] or '?'} → {o['recipient']['name'] or '-'} {kind}"


def _days(o: dict) -> str:
    return o["start"] if o["start"] == o["end"] else f"{o['start']}–{o['end'][5:] if o['start'][:4] == o['end'][:4] else o['end']}"


def _unlinked() -> bool:
    with read_store() as store:
        return not store.query("SELECT 1 FROM occurrences LIMIT 1") and bool(
            store.query("SELECT 1 FROM events WHERE status IN ('occurred', 'reported') LIMIT 1"))
