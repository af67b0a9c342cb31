"""ingest and demo: files in, analyses stored."""

from __future__ import annotations

from pathlib import Path

import typer

from .common import SOURCE_HOMES
from .output import dump_json, err, esc
from .state import app_state


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("demo")(demo_cmd)


def ingest_cmd(
    paths: list[str] = typer.Argument(..., help="Files, directories or - for stdin (.txt, .jsonl[.gz], .html, .rss/.atom, .json)."),
    published: str = typer.Option(None, "--published", help="Published date (YYYY-MM-DD) for items that carry none."),
    source: str = typer.Option("", "--source", help="Source (outlet) for items that carry none."),
    url: str = typer.Option("", "--url", help="URL for items that carry none."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of plain-text files."),
    allow_undated: bool = typer.Option(False, "--allow-undated", help="Store items with no published date."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    source_homes: str = SOURCE_HOMES,
) -> None:
    """Read articles, analyse them and store the results (re-ingesting changes nothing)."""
    from ..ingest import Defaults, ReadOptions, parse_published, read_inputs
    from ..ingest.article import ItemFailure

    if published:
        try:
            published = parse_published(published)
        except ItemFailure as e:
            raise typer.BadParameter(e.message, param_hint="--published") from None
    options = ReadOptions(
        defaults=Defaults(published=published, source=source, url=url, require_date=not allow_undated),
        max_bytes=app_state.get().max_bytes,
        encoding=encoding,
    )
    run_ingest(read_inputs(paths, options), as_json=as_json, resources=homes_resources(source_homes))


def homes_resources(path: str | None):
    """The default resources with the homes of ``path`` (None without one); a bad file exits 2."""
    if not path:
        return None
    from ..geo.homes import HomesFormatError, read_homes
    from ..nlp.resources import default_resources

    try:
        homes = read_homes(path)
    except (OSError, HomesFormatError) as e:
        raise typer.BadParameter(str(e), param_hint="--source-homes") from None
    return default_resources().with_overrides(source_homes=homes)


def demo_cmd() -> None:
    """Ingest the project's own demo articles into the store and print what was found."""
    from importlib import resources

    from ..ingest import ReadOptions, read_inputs
    from .browse import print_overview

    folder = Path(str(resources.files("dateline.demo") / "articles"))
    settings = app_state.get()
    err.print(f"Demo: {esc(folder)} -> {esc(settings.db)}")
    run_ingest(read_inputs([folder], ReadOptions(max_bytes=settings.max_bytes)), as_json=False, exit_on_fail=False)
    print_overview()


def run_ingest(items, *, as_json: bool, exit_on_fail: bool = True, resources=None) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..pipeline import AnalyzeOptions
    from ..runners.inline import ingest
    from ..store import open_store

    settings = app_state.get()
    with open_store(settings.db) as store, Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), console=err, transient=True, disable=as_json,
    ) as progress:
        task = progress.add_task("ingest", total=None, rate="")

        def tick(n: int) -> None:
            progress.advance(task, n)
            t = progress.tasks[0]
            if t.elapsed:
                progress.update(task, rate=f"{t.completed / t.elapsed:.1f} items/s")

        report = ingest(items, store, options=AnalyzeOptions(batch_size=settings.batch_size, model=settings.model),
                        on_item=tick, resources=resources)
    summary = {
        "read": report.read, "stored": report.stored, "new_articles": report.new, "failed": len(report.failed),
        "analysis_errors": len(report.analysis_errors), "db": settings.db,
        "errors": [{"origin": e.origin, "code": e.code, "message": e.message}
                   for e in report.failed + report.analysis_errors],
    }
    if as_json:
        print(dump_json(summary))
    else:
        err.print(f"stored {report.stored} analyses ({report.new} new articles) in {esc(settings.db)}")
        for e in report.failed + report.analysis_errors:  # names and messages come from the input: escaped
            err.print(f"[red]failed[/red] {esc(e.origin)}: {esc(e.code)}: {esc(e.message)}")
    n_bad = len(report.failed) + len(report.analysis_errors)
    if n_bad:
        err.print(f"{n_bad} item(s) failed")
        if exit_on_fail:
            raise typer.Exit(1)
