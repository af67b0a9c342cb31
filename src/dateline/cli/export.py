"""`dateline export`: coded events in the field's formats (PLOVER JSON Lines, GDELT-style tables, Parquet, CSV)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import ARTICLE, MIN_CONFIDENCE, article_id_or_exit, read_store
from .output import err


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)


def export_cmd(
    format: str = typer.Option(..., "--format", "-f", help="plover-json, gdelt-tsv, parquet or csv."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (text formats: stdout when left out; "
                                                              "gdelt-tsv also writes NAME.mentions.tsv beside it)."),
    actor: str = typer.Option(None, "--actor", help="Actor name (part of it), country (PRK) or code (PRKGOV)."),
    recipient: str = typer.Option(None, "--recipient", help="Recipient name, country or code."),
    type: str = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT."),
    mode: str = typer.Option(None, "--mode", help="PLOVER mode, e.g. visit."),
    cameo: str = typer.Option(None, "--cameo", help="CAMEO code or its prefix (04 = every consultation)."),
    since: str = typer.Option(None, help="Events on or after this day (YYYY-MM-DD)."),
    until: str = typer.Option(None, help="Events on or before this day (YYYY-MM-DD)."),
    status: str = typer.Option(None, "--status",
                               help="occurred, reported, expected, intended, denied or hypothetical."),
    article: str = ARTICLE,
    min_confidence: float = MIN_CONFIDENCE,
    with_text: bool = typer.Option(False, "--text", help="PLOVER: include each event's sentence (`text`); "
                                                         "only where you may share the articles' text."),
) -> None:
    """Export events with the filters of `dateline events`, streamed in bounded memory:
    `dateline export --format gdelt-tsv --actor PRK --since 2018-01-01 -o prk.tsv`."""
    from ..exports import FORMATS, EventFilters, ExportError, export

    fmt = format.lower()
    if fmt not in FORMATS:
        _usage(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        _usage("parquet is binary: give a file with -o PATH")
    if output is not None and not output.parent.exists():
        _usage(f"no folder {output.parent} to write {output.name} in")
    _check_filters(since, until, status, type)
    with read_store() as store:
        article_id = article_id_or_exit(store, article)
        filters = EventFilters(actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo, since=since,
                               until=until, status=status, article=article_id, min_confidence=min_confidence)
        try:
            stats = export(store, fmt, filters, output, with_text=with_text)
        except ExportError as e:
            _usage(str(e))
    if output is not None:
        extra = f" and {stats.mentions} mention(s)" if fmt == "gdelt-tsv" else ""
        err.print(f"{stats.events} {'event(s)' if fmt != 'plover-json' else 'record(s)'}{extra} written to {output}")
    elif fmt == "gdelt-tsv":
        err.print("[dim]the Mentions table is written only with -o PATH (as PATH.mentions.tsv)[/dim]")


def _check_filters(since: str | None, until: str | None, status: str | None, type: str | None) -> None:
    import datetime as dt

    from ..model.records import EVENT_STATUSES
    from ..ontology.events import PLOVER_TYPES

    for name, value in (("--since", since), ("--until", until)):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                _usage(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
    if since and until and since > until:
        _usage(f"--since {since} is after --until {until}")
    if status and status.lower() not in EVENT_STATUSES:
        _usage(f"unknown status {status!r}; one of {', '.join(EVENT_STATUSES)}")
    if type and type.upper() not in PLOVER_TYPES:
        _usage(f"unknown PLOVER type {type!r}; one of {', '.join(PLOVER_TYPES)}")


def _usage(message: str) -> None:
    from rich.markup import escape

    err.print(escape(message))
    raise typer.Exit(2)
