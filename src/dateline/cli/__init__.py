"""The `dateline` command: thin Typer verbs over the library. Heavy imports stay inside commands."""

from __future__ import annotations

import typer

from . import (actors, bench, browse, claim, count, dates, evaluate, events, export, homes, ingest, judge, occurrences,
               places, quotes, run, serve, timeline, watch)
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
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", envvar="DATELINE_DB",
                           help="Store: a DuckDB file or a postgresql://user@host/db URL. Default: dateline.duckdb"),
    model: str = typer.Option(None, "--model", envvar="DATELINE_MODEL", help="spaCy pipeline name."),
) -> None:
    app_state.configure(db=db, model=model)
    if app_state.get().db in (":memory:", "duckdb://", "duckdb://:memory:") and \
            ctx.invoked_subcommand in STORE_COMMANDS:
        # Each command is a process of its own: a store in memory would be empty when read, and what was
        # written to it would be lost when the command ends while the report said "stored".
        raise typer.BadParameter("a store in memory keeps nothing between commands: give a file "
                                 "(or a postgresql:// URL)", param_hint="--db")


# Commands that read or write the store (eval, bench and judge do not use it).
STORE_COMMANDS = frozenset({"ingest", "demo", "articles", "show", "entities", "errors", "places", "homes", "dates",
                            "events", "explain", "count", "quotes", "run", "watch", "serve", "export",
                            "actors", "actor", "rebuild-actors", "occurrences", "claim", "claims", "timeline",
                            "stories"})


for module in (ingest, browse, evaluate, places, homes, dates, events, count, quotes, run, bench, watch, judge, serve,
               export, occurrences, actors, claim, timeline):
    module.register(app)


def main() -> None:
    """The `dateline` command; exit codes in cli/crash.py (3: an internal error, its traceback in a file)."""
    from ..store import StoreError
    from .crash import internal_errors

    with internal_errors():
        try:
            app()
        except StoreError as e:  # busy, missing, unreachable: an environment error, never a traceback
            from .output import err, esc

            err.print(f"[red]error:[/red] {esc(e)}")
            raise SystemExit(2) from None
