"""Options and steps every read-only verb shares."""

from __future__ import annotations

import typer

from .output import err, esc
from .state import app_state

JSON = typer.Option(False, "--json", help="JSON output.")
CSV = typer.Option(False, "--csv", help="CSV output.")
LIMIT = typer.Option(100, "--limit", "-n", help="At most this many rows.")
MIN_CONFIDENCE = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                              help="Keep events of at least this confidence (default: the product's threshold, "
                                   "dateline.config.DEFAULT_MIN_CONFIDENCE; 0 shows every stored event).")
# the filters of `dateline events`, which `dateline export` takes too
EVENT_ACTOR = typer.Option(None, "--actor", help="Actor name (part of it), country (PRK) or code (PRKGOV).")
EVENT_RECIPIENT = typer.Option(None, "--recipient", help="Recipient name, country or code.")
EVENT_TYPE = typer.Option(None, "--type", help="PLOVER event type, e.g. CONSULT.")
EVENT_MODE = typer.Option(None, "--mode", help="PLOVER mode, e.g. visit.")
EVENT_CAMEO = typer.Option(None, "--cameo", help="CAMEO code or its prefix (04 = every consultation).")
EVENT_SINCE = typer.Option(None, "--since", help="Events on or after this day (YYYY-MM-DD).")
EVENT_UNTIL = typer.Option(None, "--until", help="Events on or before this day (YYYY-MM-DD).")
EVENT_STATUS = typer.Option(None, "--status", help="occurred, reported, expected, intended, denied or hypothetical.")
ARTICLE = typer.Option(None, "--article", help="One article (id or a unique prefix).")
SOURCE_HOMES = typer.Option(None, "--source-homes", help="TSV of news sources' homes (`dateline homes --save "
                                                        "FILE`): resolve places with them.")


def read_store():
    """The configured store, read-only; exit 2 with the reason when there is none yet or it cannot be read."""
    from ..store import StoreError, open_store

    try:
        return open_store(app_state.get().db, read_only=True)
    except StoreError as e:
        err.print(esc(e))
        raise typer.Exit(2) from None


def check(validate, **raw):
    """``validate(**raw)`` from ``dateline.filters``; a bad value is a usage error naming its option (exit 2)."""
    from ..filters import FilterError

    try:
        return validate(**raw)
    except FilterError as e:
        hint = e.param if e.param.isupper() else "--" + e.param.split()[0].replace("_", "-")  # ARGUMENT or --option
        raise typer.BadParameter(e.reason, param_hint=hint) from None


def article_id_or_exit(store, prefix: str | None) -> str | None:
    """The full id for an ``--article`` prefix (None when none was given); exit 1 when nothing matches."""
    if not prefix:
        return None
    from .. import query

    found = query.find_article_id(store, prefix)
    if found is None:
        err.print(f"no article with id {esc(repr(prefix))}")
        raise typer.Exit(2)
    return found
