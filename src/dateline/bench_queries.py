"""dateline bench queries: how fast the read models answer over a large store.

A synthetic store of N events (``dateline.synthetic``: realistic actors, types, days and places) is built
once in a child process (its peak memory is that process's) and kept at ``--db`` for later runs; an
existing file is reused only when it holds exactly that synthetic build. Then, in this process, each
query the CLI and the HTTP API answer with (``count``, ``events`` with filters, ``timeline``, ``claim``)
runs ``repeat`` times on the library's read models: wall and CPU milliseconds (first call, median, 95th
percentile, slowest), what it returned, and whether the median is under the 100 ms target. Above
``LINK_LIMIT`` events the store's rows are written without linking and its occurrences are then linked by
``resolve.stored.rebuild`` (the same incremental linker, a batch of articles at a time, in published
order); the time it took and its events per second are reported. The queries' parameters are
taken from the store itself (its most reported state and that state's commonest counterpart, its most
reported named person, its last year), so any size or seed gets comparable questions. Python's start-up
and the CLI's imports (1-3 s a command) are not part of the figures: they are the same for any store.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TARGET_MS = 100.0
LINK_LIMIT = 50_000  # above this many events a build writes rows, then links occurrences (actors are not linked)


class BenchError(Exception):
    """The store cannot be used for the benchmark (a usage or environment error)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryBenchOptions:
    db: str
    events: int = 1_000_000
    seed: int = 7
    repeat: int = 5
    link: bool | None = None  # link occurrences and actors while saving; None: up to LINK_LIMIT events


@dataclass(frozen=True, slots=True)
class Case:
    command: str  # the read model: events, count, timeline, claim
    line: str  # the CLI command it answers
    params: dict[str, Any]
    run: Callable[[Any], Any]


# -- the store -----------------------------------------------------------------------------------------
def _build_child(path: str, n: int, seed: int, link: bool, out: Any) -> None:
    import time

    from .resolve.stored import rebuild
    from .store import open_store
    from .synthetic import build

    stats = build(path, n, seed, link=link)
    got = {"events": stats.events, "articles": stats.articles, "places": stats.places, "seconds": stats.seconds}
    if not link:  # rows only: link the occurrences afterwards, as `dateline occurrences rebuild` does
        t0 = time.perf_counter()
        with open_store(path) as store:
            store.limit(memory="512MB")
            rebuild(store)
        got["link_s"] = round(time.perf_counter() - t0, 1)
        got["link_events_per_s"] = round(stats.events / max(got["link_s"], 0.001))
    out.put(got)


def prepare(options: QueryBenchOptions, on_step: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """Build the synthetic store at ``options.db`` unless it is there already; what was built (or found)."""
    import multiprocessing

    path = Path(options.db)
    if path.exists():
        return {"built": False, **check_store(options)}
    link = options.link if options.link is not None else options.events <= LINK_LIMIT
    on_step(f"building {options.events:,} synthetic events in {path}")
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    child = ctx.Process(target=_build_child, args=(str(path), options.events, options.seed, link, out))
    child.start()
    child.join()
    if child.exitcode != 0 or out.empty():
        raise BenchError(f"building the synthetic store at {path} failed (exit code {child.exitcode})")
    stats = out.get()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    return {"built": True, "linked_on_save": link, "build_s": stats["seconds"], "build_peak_rss_mb": round(peak),
            **{k: stats[k] for k in ("link_s", "link_events_per_s") if k in stats}, **check_store(options)}


def check_store(options: QueryBenchOptions) -> dict[str, Any]:
    """What the store at ``options.db`` holds; BenchError unless it is the synthetic build asked for."""
    from .store import StoreError, open_store

    try:
        store = open_store(options.db)  # writable: brings the schema up to date (its indexes included)
    except StoreError as e:
        raise BenchError(str(e)) from None
    with store:
        got = store.query(
            "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(*) FROM articles WHERE origin NOT LIKE ?) AS other, "
            "(SELECT count(*) FROM occurrences) AS occurrences, (SELECT count(*) FROM actor_mentions) AS links",
            [f"synthetic:{options.seed}:%"])[0]
    if got["other"] or got["events"] != options.events:
        raise BenchError(f"{options.db} exists and is not the synthetic store of {options.events:,} events with seed "
                         f"{options.seed} (it holds {got['events']:,} events, {got['other']:,} other articles): "
                         "give a new file to --db")
    return {"events": got["events"], "articles": got["articles"], "occurrences": got["occurrences"],
            "actor_links": got["links"], "linked": got["occurrences"] > 0}


# -- the questions -------------------------------------------------------------------------------------
def pick(store) -> dict[str, Any]:
    """The parameters every case uses, read from the store so that any size and seed asks alike."""
    state = store.query("SELECT actor_country AS c FROM events WHERE actor_country IS NOT NULL AND actor_sector IS NULL "
                        "GROUP BY actor_country ORDER BY count(*) DESC, actor_country LIMIT 1")[0]["c"]
    other = store.query("SELECT recipient_country AS c FROM events WHERE actor_country = ? AND recipient_country "
                        "IS NOT NULL AND recipient_country <> ? GROUP BY recipient_country "
                        "ORDER BY count(*) DESC, recipient_country LIMIT 1", [state, state])[0]["c"]
    person = store.query("SELECT name AS n FROM entities WHERE type = 'PERSON' GROUP BY name "
                         "ORDER BY count(*) DESC, name LIMIT 1")
    person = person[0]["n"] if person else None
    visited = store.query("SELECT recipient_country AS c FROM events WHERE actor_name = ? AND recipient_country <> "
                          "coalesce(actor_country, '') GROUP BY recipient_country ORDER BY count(*) DESC, "
                          "recipient_country LIMIT 1", [person]) if person else []
    last = store.query("SELECT max(date_end) AS d FROM events")[0]["d"]
    last = last if isinstance(last, dt.date) else dt.date.fromisoformat(str(last)[:10])
    from .ontology.countries import default_countries

    names = {c.iso3: c.name for c in default_countries()}
    visited = visited[0]["c"] if visited else other
    return {"state": state, "other": other, "person": person or names.get(state, state),
            "visited": visited, "visited_name": names.get(visited, visited),
            "year": (str(last - dt.timedelta(days=364)), str(last)), "week": (str(last - dt.timedelta(days=6)), str(last))}


PAGE = 50  # the occurrences `count` and `timeline` list by default (cli/paging.py); the total is counted whole


def cases(p: dict[str, Any]) -> list[Case]:
    from . import query
    from .claims import check as check_claim, parse_claim
    from .timeline import timeline

    (y0, y1), (w0, w1), person, state, other = p["year"], p["week"], p["person"], p["state"], p["other"]
    claim = f"{person} makes 2nd visit to {p['visited_name']} in a year"

    def ev(**f: Any) -> Callable[[Any], Any]:
        return lambda store: query.events(store, **f)

    def count(**f: Any) -> Callable[[Any], Any]:  # the total and the first page, as `dateline count` asks
        return lambda store: query.occurrences(store, **f, limit=PAGE)

    return [
        Case("events", "dateline events", {}, ev()),
        Case("events", f"dateline events --actor {state} --type CONSULT --since {y0} --until {y1}",
             {"actor": state, "type": "CONSULT", "since": y0, "until": y1},
             ev(actor=state, type="CONSULT", since=y0, until=y1)),
        Case("events", f'dateline events --actor "{person}"', {"actor": person}, ev(actor=person)),
        Case("events", f"dateline events --country {other} --cameo 04 --status occurred --since {y0}",
             {"country": other, "cameo": "04", "status": "occurred", "since": y0},
             ev(country=other, cameo="04", status="occurred", since=y0)),
        Case("count", f"dateline count --actor {state} --recipient {other} --type CONSULT --window {y0}/{y1}",
             {"actor": state, "recipient": other, "type": "CONSULT", "since": y0, "until": y1},
             count(actor=state, recipient=other, type="CONSULT", since=y0, until=y1)),
        Case("count", f'dateline count --actor "{person}" --type ACCUSE', {"actor": person, "type": "ACCUSE"},
             count(actor=person, type="ACCUSE")),
        Case("count", f"dateline count --type ASSAULT --window {w0}/{w1}", {"type": "ASSAULT", "since": w0, "until": w1},
             count(type="ASSAULT", since=w0, until=w1)),
        Case("timeline", f'dateline timeline "{person}" --since {y0} --until {y1}',
             {"actor": person, "since": y0, "until": y1}, lambda store: timeline(store, person, since=y0, until=y1, limit=PAGE)),
        Case("timeline", f"dateline timeline {state} --with {other} --type CONSULT --since {y0} --until {y1}",
             {"actor": state, "with_": other, "type": "CONSULT", "since": y0, "until": y1},
             lambda store: timeline(store, state, with_=other, type="CONSULT", since=y0, until=y1, limit=PAGE)),
        Case("claim", f'dateline claim "{claim}" --as-of {y1}', {"claim": claim, "as_of": y1},
             lambda store: check_claim(store, parse_claim(claim), dt.date.fromisoformat(y1))),
    ]


def size(result: Any) -> int:
    """Rows a listing returned, or the occurrences a count, timeline or claim found."""
    return result["count"] if isinstance(result, dict) else len(result)


# -- timing --------------------------------------------------------------------------------------------
def measure(store, case: Case, repeat: int) -> dict[str, Any]:
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = case.run(store)
        cpus.append((time.process_time() - c0) * 1000)
        walls.append((time.perf_counter() - w0) * 1000)
    median = statistics.median(walls)
    p95 = sorted(walls)[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
    return {"command": case.command, "line": case.line, "params": case.params, "result": size(result),
            "first_ms": round(walls[0], 1), "median_ms": round(median, 1), "p95_ms": round(p95, 1),
            "max_ms": round(max(walls), 1),
            "median_cpu_ms": round(statistics.median(cpus), 1), "under_target": median < TARGET_MS}


def bench(options: QueryBenchOptions, on_step: Callable[[str], None] = lambda s: None) -> dict[str, Any]:
    """Prepare the store, then time every case; the report as a dict."""
    from .store import open_store

    if options.events < 1 or options.repeat < 1:
        raise BenchError("--events and --repeat must be at least 1")
    built = prepare(options, on_step)
    load_before = os.getloadavg()
    with open_store(options.db, read_only=True) as store:
        params = pick(store)
        results = []
        for case in cases(params):
            on_step(case.line)
            results.append(measure(store, case, options.repeat))
    files = [Path(options.db), Path(options.db + ".wal")]
    return {"db": options.db, "seed": options.seed, "repeat": options.repeat, "store": built, "params": params,
            "store_mb": round(sum(f.stat().st_size for f in files if f.exists()) / 2**20, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(),
            "target_ms": TARGET_MS, "queries": results,
            "all_under_target": all(r["under_target"] for r in results)}
