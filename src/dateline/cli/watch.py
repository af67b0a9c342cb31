"""watch: follow folders, files and feed URLs; analyse new articles as they arrive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from .output import err, esc
from .state import app_state


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_cmd)


def watch_cmd(
    paths: list[str] = typer.Argument(..., help="Folders, files (.txt, .jsonl, .html, .rss/.atom, .warc, .sgm …) "
                                                 "or feed URLs (http/https) to follow."),
    interval: float = typer.Option(900.0, "--interval", min=1.0, help="Seconds between looks (GDELT: every 900)."),
    once: bool = typer.Option(False, "--once", help="Look once and exit (for cron)."),
    state: str = typer.Option(None, "--state", help="State file (default: <db>.watch.json)."),
    published: str = typer.Option(None, "--published", help="Published date (YYYY-MM-DD) for items that carry none."),
    source: str = typer.Option("", "--source", help="Source (outlet) for items that carry none."),
    allow_undated: bool = typer.Option(False, "--allow-undated", help="Store items with no published date."),
    retries: int = typer.Option(2, "--retries", min=0, help="Further tries of a feed URL after a timeout, 429 or 5xx "
                                "(2 s, then 4 s … apart, or the server's Retry-After)."),
) -> None:
    """Follow folders and feeds: analyse each new article once; a restart neither skips nor repeats one."""
    from ..ingest import Defaults, ReadOptions, parse_published
    from ..ingest.article import ItemFailure
    from ..store import open_store
    from ..watch import WatchOptions, WatchState, WatchStateError, default_state_path, follow, inline_analyse, is_url

    if published:
        try:
            published = parse_published(published)
        except ItemFailure as e:
            raise typer.BadParameter(e.message, param_hint="--published") from None
    settings = app_state.get()
    for p in paths:
        if not is_url(p) and not Path(p).exists():
            raise typer.BadParameter(f"no such file or folder: {p}", param_hint="PATHS")
    options = WatchOptions(
        paths=tuple(paths),
        read=ReadOptions(defaults=Defaults(published=published, source=source, require_date=not allow_undated),
                         max_bytes=settings.max_bytes),
        retries=retries,
    )
    state_path = Path(state) if state else default_state_path(settings.db)
    try:
        WatchState.load(state_path)  # a corrupt state is an environment error, found before the store opens
    except WatchStateError as e:
        err.print(f"[red]error:[/red] {esc(e)}")
        raise typer.Exit(2) from None
    failed = 0

    def show(report) -> None:
        nonlocal failed
        failed += len(report.errors)
        err.print(f"{dt.datetime.now():%H:%M:%S} {report.files_checked} file(s) checked, {report.files_read} read, "
                  f"{report.feeds_checked} feed(s): {report.new} new article(s), {report.known} already stored, "
                  f"{len(report.errors)} error(s)")
        for e in report.errors[:20]:
            err.print(f"  [red]failed[/red] {esc(e.origin)}: {esc(e.code)}: {esc(e.message)}")

    with open_store(settings.db) as store:
        analyse = inline_analyse(store, model=settings.model, batch_size=settings.batch_size)
        try:
            follow(options, store, analyse, state_path, interval=interval, once=once, on_cycle=show)
        except KeyboardInterrupt:
            err.print("stopped; the next start goes on from here")
            return
    if once and failed:
        err.print(f"{failed} item(s) failed")
        raise typer.Exit(1)
