"""`dateline export`: coded events in the field's formats (PLOVER JSON Lines, GDELT-style tables, Parquet, CSV)."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import (
    ARTICLE, EVENT_ACTOR, EVENT_CAMEO, EVENT_MODE, EVENT_RECIPIENT, EVENT_SINCE, EVENT_STATUS, EVENT_TYPE,
    EVENT_UNTIL, MIN_CONFIDENCE,
    article_id_or_exit, check, read_store,
)
from .output import err


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)


def export_cmd(
    format: str = typer.Option(..., "--format", "-f", help="plover-json, gdelt-tsv, parquet or csv."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (text formats: stdout when left out; "
                                                              "gdelt-tsv also writes NAME.mentions.tsv beside it)."),
    actor: str = EVENT_ACTOR,
    recipient: str = EVENT_RECIPIENT,
    type: str = EVENT_TYPE,
    mode: str = EVENT_MODE,
    cameo: str = EVENT_CAMEO,
    since: str = EVENT_SINCE,
    until: str = EVENT_UNTIL,
    status: str = EVENT_STATUS,
    article: str = ARTICLE,
    min_confidence: float = MIN_CONFIDENCE,
    with_text: bool = typer.Option(False, "--text", help="PLOVER: include each event's sentence (`text`); "
                                                         "only where you may share the articles' text."),
) -> None:
    """Export events with the filters of `dateline events`, streamed in bounded memory:
    `dateline export --format gdelt-tsv --actor PRK --since 2018-01-01 -o prk.tsv`."""
    from .. import filters
    from ..exports import FORMATS, EventFilters, ExportError, export

    fmt = format.lower()
    if fmt not in FORMATS:
        _usage(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        _usage("parquet is binary: give a file with -o PATH")
    if output is not None and not output.parent.is_dir():
        _usage(f"no folder {output.parent} to write {output.name} in")
    if output is not None and output.is_dir():
        _usage(f"{output} is a folder: give a file name")
    wanted = check(filters.events, actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo,
                   since=since, until=until, status=status, article=article, min_confidence=min_confidence)
    wanted.pop("limit", None)  # an export has every event that passes the filters
    with read_store() as store:
        wanted["article"] = article_id_or_exit(store, wanted["article"])
        try:
            stats = export(store, fmt, EventFilters(**wanted), output, with_text=with_text)
        except ExportError as e:
            _usage(str(e))
        except BrokenPipeError:  # stdout closed early (`| head`): what was read is enough
            import os
            import sys

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
    if output is not None:
        from rich.markup import escape

        extra = f" and {stats.mentions} mention(s)" if fmt == "gdelt-tsv" else ""
        noun = "record(s)" if fmt == "plover-json" else "event(s)"
        err.print(f"{stats.events} {noun}{extra} written to {escape(str(output))}")
    elif fmt == "gdelt-tsv":
        err.print("[dim]the Mentions table is written only with -o PATH (as PATH.mentions.tsv)[/dim]")


def _usage(message: str) -> None:
    from rich.markup import escape

    err.print(escape(message))
    raise typer.Exit(2)
