"""run and runs: batch runs over large inputs, on every core or a Ray cluster, resumable."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import typer

from .common import SOURCE_HOMES
from .output import cell, err, esc
from .state import app_state


def register(app: typer.Typer) -> None:
    app.command("run")(run_cmd)
    app.command("runs")(runs_cmd)


def runs_dir_of(runs_dir: str | None) -> Path:
    """``--runs-dir``, else ``runs/`` beside the store file."""
    if runs_dir:
        return Path(runs_dir)
    db = app_state.get().db
    from ..store import is_server_url

    base = Path(db).parent if db and db != ":memory:" and not is_server_url(db) else Path(".")
    return base / "runs"


RUNS_DIR = typer.Option(None, "--runs-dir", envvar="DATELINE_RUNS_DIR",
                        help="Folder of run manifests and partition files. Default: runs/ beside the store.")


def run_cmd(
    paths: list[str] = typer.Argument(None, help="Files or directories (.txt, .jsonl[.gz], .html, .rss/.atom, "
                                                  ".warc[.gz], .sgm, .json)."),
    workers: int = typer.Option(None, "--workers", "-w", min=0,
                                help="Worker processes (or Ray actors). Default: one per core; 0 = this process."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or ray."),
    address: str = typer.Option(None, "--address", help="Ray: join the cluster at this address (default: start one)."),
    run_id: str = typer.Option(None, "--run-id", help="Name of the run (default: date, time and a random suffix)."),
    resume: str = typer.Option(None, "--resume", help="Finish an interrupted run: its id (see `dateline runs`)."),
    partition_size: int = typer.Option(100, "--partition-size", min=1, help="Items per partition."),
    limit: int = typer.Option(None, "--limit", min=1, help="Read only the first N items of the input."),
    runs_dir: str = RUNS_DIR,
    published: str = typer.Option(None, "--published", help="Published date (YYYY-MM-DD) for items that carry none."),
    source: str = typer.Option("", "--source", help="Source (outlet) for items that carry none."),
    url: str = typer.Option("", "--url", help="URL for items that carry none."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of plain-text files."),
    allow_undated: bool = typer.Option(False, "--allow-undated", help="Store items with no published date."),
    loader_memory: str = typer.Option("512MB", "--loader-memory",
                                      help="Memory the store may use for caching while loading (DuckDB "
                                           "memory_limit); keeps the loader flat however large the store grows."),
    as_json: bool = typer.Option(False, "--json", help="Print the run's summary as JSON."),
    source_homes: str = SOURCE_HOMES,
    analyzer: str = typer.Option("dateline.runners.work:default_analyzer", "--analyzer", hidden=True,
                                 help="module:function building each worker's analyzer (for tests)."),
) -> None:
    """Analyse a large input in partitions on every core (or a Ray cluster) and load it into the store.

    Each partition is analysed by a worker, written to the run folder, then loaded by this process;
    a journal records each step, so `dateline run --resume ID` after a crash or Ctrl-C finishes the
    run with nothing lost and nothing loaded twice.
    """
    from ..ingest import parse_published
    from ..ingest.article import ItemFailure
    from ..runners.batch import EngineOptions, make_engine, setup_of, start_run
    from ..runners.manifest import Run, RunConfig, RunError
    from ..store import is_server_url

    settings = app_state.get()
    if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", loader_memory.strip()):
        raise typer.BadParameter("a size such as 512MB or 2GB", param_hint="--loader-memory")
    folder = runs_dir_of(runs_dir)
    run = store = None
    try:
        if resume:
            if paths:
                raise typer.BadParameter("give either inputs or --resume, not both", param_hint="--resume")
            run = Run.open(folder, resume)
            store = _open_store(run.config().db, loader_memory.strip())
        else:
            if not paths:
                raise typer.BadParameter("give the inputs to read, or --resume RUN_ID", param_hint="PATHS")
            if published:
                try:
                    published = parse_published(published)
                except ItemFailure as e:
                    raise typer.BadParameter(e.message, param_hint="--published") from None
            inputs = tuple(p if p == "-" else str(Path(p).resolve()) for p in paths)
            if "-" in inputs:
                raise typer.BadParameter("a run cannot read stdin (it must be re-readable to resume); "
                                         "use `dateline ingest -`", param_hint="PATHS")
            homes = _homes_path(source_homes)
            db = settings.db
            if db != ":memory:" and not is_server_url(db):
                db = str(Path(db).resolve())
            # the store first: a second writer is refused before a run exists, so it leaves no dead run behind
            store = _open_store(db, loader_memory.strip())
            run = start_run(folder, RunConfig(
                run_id=run_id or "", inputs=inputs, db=db, partition_size=partition_size, model=settings.model,
                batch_size=settings.batch_size, analyzer=analyzer, published=published, source=source, url=url,
                require_date=not allow_undated, max_bytes=settings.max_bytes, encoding=encoding,
                limit=limit, source_homes=homes))
        config = run.config()
        eng = make_engine(EngineOptions(engine=engine, workers=workers, address=address), setup_of(config))
        summary = _execute(run, store, eng, quiet=as_json)
    except RunError as e:
        err.print(f"[red]error:[/red] {esc(e)}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print(f"interrupted: finish it with  dateline run --resume {run.run_id if run else '?'}"
                  + (f" --runs-dir {runs_dir}" if runs_dir else ""))
        raise typer.Exit(130) from None
    finally:
        if store is not None:
            store.close()
    _report(summary, as_json=as_json)


def _homes_path(path: str | None) -> str:
    """The homes file as an absolute path, checked here so a bad one fails before any worker starts."""
    if not path:
        return ""
    from .ingest import homes_resources

    homes_resources(path)
    return str(Path(path).resolve())


def _open_store(db: str, memory: str):
    """The run's store, for writing; a RunError (exit 2) when another process writes it or it cannot open."""
    from ..runners.manifest import RunError
    from ..store import StoreError, open_store

    try:
        store = open_store(db)
    except StoreError as e:  # another process writes the file, or it is not a store
        raise RunError(str(e)) from None
    # DuckDB caches table blocks and keys up to its limit (80% of RAM by default): a bound keeps the
    # loader's memory flat in corpus size (100k articles: 387 MB peak with 256MB, 572 MB without)
    store.limit(memory=memory)
    return store


def _execute(run, store, eng, *, quiet: bool) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..runners.batch import Progress as Callbacks
    from ..runners.batch import execute

    columns = (TextColumn(f"run {run.run_id}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TextColumn("{task.fields[eta]}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=quiet) as bar:
        task = bar.add_task("run", total=None, rate="", eta="")
        started = time.monotonic()
        done = {"items": 0, "articles": 0, "new_items": 0}

        def total(n: int) -> None:
            bar.update(task, total=max(n, done["items"]))

        def advance(items: int, articles: int, skipped: bool) -> None:
            done["items"] += items
            if not skipped:
                done["new_items"] += items
                done["articles"] += articles
            elapsed = time.monotonic() - started
            rate = done["articles"] / elapsed if elapsed else 0.0
            item_rate = done["new_items"] / elapsed if elapsed else 0.0
            t = bar.tasks[0]
            eta = ""
            if t.total and item_rate:
                eta = f"ETA {_clock(max(t.total - done['items'], 0) / item_rate)}"
            bar.update(task, completed=done["items"], rate=f"{rate:.1f} articles/s", eta=eta,
                       total=max(t.total or 0, done["items"]) if t.total else None)

        return execute(run, store, eng, progress=Callbacks(total=total, advance=advance))


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _report(summary: dict, *, as_json: bool) -> None:
    failed = summary["read_errors"] + summary["analysis_errors"] + summary["failed_items"]
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        rate = summary["articles_per_s"]
        err.print(f"run {summary['run_id']}: {summary['status']}; {summary['articles']:,} articles stored in "
                  f"{esc(summary['db'])} from {summary['items']:,} items"
                  + (f", {rate:.1f} articles/s" if rate else ""))
        for code, n in summary["error_codes"].items():
            err.print(f"  {n:,} × {esc(code)}")
        for f in summary["failures"]:
            err.print(f"[red]partition {esc(f['partition'])} failed[/red] ({f['items']} items, {esc(f['first'])} .. "
                      f"{esc(f['last'])}): {esc(f['reason'])}")
    if summary["failures"]:
        err.print(f"{len(summary['failures'])} partition(s) failed: retry them with  dateline run --resume "
                  f"{summary['run_id']}")
    if failed:
        err.print(f"{failed:,} item(s) failed")
        raise typer.Exit(1)


def runs_cmd(
    runs_dir: str = RUNS_DIR,
    as_json: bool = typer.Option(False, "--json", help="Print the runs as JSON."),
) -> None:
    """List batch runs with their state, counts, errors and rates."""
    from rich.console import Console
    from rich.table import Table

    from ..runners.manifest import list_runs, summarise

    folder = runs_dir_of(runs_dir)
    rows = [summarise(r) for r in list_runs(folder)]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not rows:
        err.print(f"no runs in {esc(folder)}")
        return
    table = Table("run", "status", "partitions", "items", "articles", "errors", "failed", "elapsed", "articles/s",
                  "worker RSS")
    for r in rows:
        parts = r["partitions"]
        total = r["partitions_total"]
        table.add_row(
            cell(r["run_id"]), cell(r["status"]), f"{parts['loaded']}/{total if total is not None else '?'}",
            f"{r['items']:,}", f"{r['articles']:,}", f"{r['read_errors'] + r['analysis_errors']:,}",
            f"{r['failed_items']:,}", f"{r['elapsed_s']:.0f}s",
            f"{r['articles_per_s']:.1f}" if r["articles_per_s"] else "-", f"{r['peak_worker_rss_mb']:.0f} MB")
    Console().print(table)
