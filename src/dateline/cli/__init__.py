"""The `dateline` command: thin Typer verbs over the library. Heavy imports stay inside commands."""

from __future__ import annotations

import typer

from . import (bench, browse, count, dates, evaluate, events, export, homes, ingest, judge, places, quotes, run,
               serve, watch)
from .state import app_state

app = typer.Typer(
    name="dateline",
    help="Read news into an explainable record of who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    db: str = typer.Option(None, "--db", envvar="DATELINE_DB",
                           help="Store: a DuckDB file or a postgresql://user@host/db URL. Default: dateline.duckdb"),
    model: str = typer.Option(None, "--model", envvar="DATELINE_MODEL", help="spaCy pipeline name."),
) -> None:
    app_state.configure(db=db, model=model)


for module in (ingest, browse, evaluate, places, homes, dates, events, count, quotes, run, bench, watch, judge, serve,
               export):
    module.register(app)


def main() -> None:
    from ..store import StoreError

    try:
        app()
    except StoreError as e:  # busy, missing, unreachable: an environment error, never a traceback
        from rich.markup import escape

        from .output import err

        err.print(f"[red]error:[/red] {escape(str(e))}")
        raise SystemExit(2) from None
