"""bench: articles/s of the full analysis against a bare spaCy pass, per core and across workers; `bench queries`:
the read models' speed over a large synthetic store."""

from __future__ import annotations

import json

import typer

from .output import err
from .state import app_state


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="Benchmarks: the analysis (`dateline bench`) and the queries (`dateline bench queries`).")
    group.callback(invoke_without_command=True)(bench_cmd)
    group.command("queries")(queries_cmd)
    app.add_typer(group, name="bench")


def bench_cmd(
    ctx: typer.Context,
    articles: int = typer.Option(200, "--articles", "-n", min=1, help="Articles to analyse."),
    corpus: str = typer.Option(None, "--corpus", help="Files or a directory to take the articles from "
                                                       "(e.g. Reuters-21578 .sgm); default: generated text."),
    words: int = typer.Option(300, "--words", min=10, help="Words per generated article (without --corpus)."),
    workers: str = typer.Option("1", "--workers", "-w", help="Worker counts to compare, e.g. 1,2."),
    partition_size: int = typer.Option(25, "--partition-size", min=1, help="Articles per partition."),
    profile: int = typer.Option(100, "--profile", min=0, help="Articles in the per-extractor profile (0: none)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Benchmark: bare spaCy parse vs full analysis (+ load), articles/s per core, words/s, peak RSS, scaling."""
    if ctx.invoked_subcommand is not None:
        return  # `dateline bench queries`: the analysis is not benchmarked
    from ..bench import BenchOptions, bench

    try:
        counts = tuple(int(w) for w in workers.split(",") if w.strip())
    except ValueError:
        raise typer.BadParameter("a comma-separated list of numbers, e.g. 1,2", param_hint="--workers") from None
    if not counts or min(counts) < 1:
        raise typer.BadParameter("worker counts must be 1 or more", param_hint="--workers")
    settings = app_state.get()
    options = BenchOptions(articles=articles, corpus=corpus, words=words, workers=counts, model=settings.model,
                           batch_size=settings.batch_size, partition_size=partition_size, profile_articles=profile)
    with err.status("benchmark") as status:
        report = bench(options, on_step=lambda s: status.update(f"benchmark: {s}"))
    if as_json:
        print(json.dumps(report, indent=1))
        return
    _print(report)


def _print(report: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    out = Console()
    out.print(f"{report['articles']} articles, {report['words']:,} words ({report['words_per_article']} an article) "
              f"from {report['corpus']}; model {report['model']}, batch {report['batch_size']}; "
              f"load average {report['load_average_before'][0]} before, {report['load_average_after'][0]} after")
    table = Table("workers", "pass", "articles/s", "articles/s per core", "words/s", "peak RSS per worker (MB)",
                  "full / bare")
    for r in report["runs"]:
        for name in ("bare", "full"):
            x = r[name]
            table.add_row(str(r["workers"]), name, f"{x['articles_per_s']:.1f}", f"{x['articles_per_core_s']:.1f}",
                          f"{x['words_per_s']:,.0f}", ", ".join(f"{m:.0f}" for m in x["peak_rss_mb_per_worker"]),
                          f"{r['ratio_full_to_bare']:.2f}" if name == "full" else "")
    out.print(table)
    for r in report["runs"]:
        f = r["full"]
        out.print(f"{r['workers']} worker(s): load {f['load_s']:.1f}s ({f['load_articles_per_s']} articles/s), "
                  f"end to end {f['end_to_end_articles_per_s']:.1f} articles/s, loader peak RSS "
                  f"{f['loader_peak_rss_mb']:.0f} MB")
    if "scaling" in report:
        out.print("scaling: " + ", ".join(f"{w} workers ×{s['full']:.2f} (bare ×{s['bare']:.2f})"
                                          for w, s in report["scaling"].items()))
    if "stages" in report:
        st = report["stages"]
        out.print(f"stages (ms per article over {st['articles']} articles): "
                  + ", ".join(f"{k} {v}" for k, v in st["ms_per_article"].items()))


def queries_cmd(
    events: int = typer.Option(1_000_000, "--events", "-n", min=1, max=100_000_000,
                               help="Synthetic events in the store."),
    db: str = typer.Option(..., "--db", help="DuckDB file of the synthetic store: built when missing (minutes for "
                                             "a million events), reused when it holds the same build."),
    seed: int = typer.Option(7, "--seed", help="The synthetic build's seed."),
    repeat: int = typer.Option(5, "--repeat", min=1, max=1000, help="Runs of each query (the median is reported)."),
    link: bool = typer.Option(None, "--link/--no-link", help="Link occurrences and actors while saving (default: "
                                                             "up to 50,000 events; above, the rows are written and "
                                                             "then the occurrences linked)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Time `count`, `events` with filters, `timeline` and `claim` over a synthetic store of N events, with
    memory: `dateline bench queries --events 1000000 --db /tmp/bench.duckdb`."""
    from ..bench_queries import BenchError, QueryBenchOptions, bench

    if db.startswith(("postgresql://", "postgres://", "duckdb://")) or db in ("", ":memory:"):
        raise typer.BadParameter("a DuckDB file path (the benchmark builds its own store)", param_hint="--db")
    options = QueryBenchOptions(db=db, events=events, seed=seed, repeat=repeat, link=link)
    try:
        with err.status("query benchmark") as status:
            report = bench(options, on_step=lambda s: status.update(f"query benchmark: {s}"))
    except BenchError as e:
        from .output import esc

        err.print(f"[red]error:[/red] {esc(e)}")
        raise typer.Exit(2) from None
    if as_json:
        print(json.dumps(report, indent=1, default=str))
        return
    _print_queries(report)


def _print_queries(report: dict) -> None:
    from .output import clean

    st = report["store"]
    made = (f"built in {st['build_s']} s, build peak RSS {st['build_peak_rss_mb']} MB" if st["built"] else "reused")
    if st.get("link_s"):
        made += f", occurrences linked in {st['link_s']} s ({st['link_events_per_s']:,} events/s)"
    print(f"{st['events']:,} events, {st['articles']:,} articles, {st['occurrences']:,} occurrences in "
          f"{clean(report['db'])} ({report['store_mb']:,} MB; {made}); query process peak RSS {report['peak_rss_mb']} MB; "
          f"load average {report['load_average_before'][0]} before, {report['load_average_after'][0]} after, "
          f"{report['cpus']} CPUs; {report['repeat']} runs each")
    print(f"{'median ms':>10} {'p95':>8} {'first':>8} {'max':>8} {'CPU ms':>8} {'result':>7}  query")
    for r in report["queries"]:
        mark = "" if r["under_target"] else f"  (over {report['target_ms']:.0f} ms)"
        print(f"{r['median_ms']:>10.1f} {r['p95_ms']:>8.1f} {r['first_ms']:>8.1f} {r['max_ms']:>8.1f} {r['median_cpu_ms']:>8.1f} "
              f"{r['result']:>7}  {clean(r['line'])}{mark}")
