"""Store timings: the demo set's analyses saved into, and read back from, DuckDB and a throwaway
PostgreSQL cluster; and how long fresh queries wait while another process writes a DuckDB file.

    .venv/bin/python scripts/bench_stores.py backends DEMO.duckdb   # a store of `dateline demo`
    .venv/bin/python scripts/bench_stores.py readers [N]            # N read-only queries during writes

Needs the PostgreSQL server binaries (Debian's postgresql) for ``backends``. Figures go to stdout."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from dateline import query  # noqa: E402
from dateline.store import open_store  # noqa: E402


def median_ms(f, n: int = 20) -> float:
    times = []
    for _ in range(n):
        t0 = time.monotonic()
        f()
        times.append(time.monotonic() - t0)
    return statistics.median(times) * 1000


def backends(demo: str) -> None:
    from pg_server import PgServer, find_bin_dir

    server = PgServer(find_bin_dir()).start()
    tmp = Path(tempfile.mkdtemp())
    try:
        with open_store(demo, read_only=True) as src:
            analyses = [src.analysis(r["id"]) for r in src.query("SELECT id FROM articles ORDER BY id")]
        shutil.copy(demo, tmp / "copy.duckdb")
        for name, db in (("duckdb", str(tmp / "copy.duckdb")), ("postgresql", server.new_database())) * 2:
            with open_store(db) as s:
                t0 = time.monotonic()
                s.save(analyses)
                save = (time.monotonic() - t0) * 1000
                events = median_ms(lambda: query.events(s, min_confidence=0, limit=100_000))
                articles = median_ms(lambda: query.articles(s, limit=1000))
                count = median_ms(lambda: query.occurrences(s, actor="Kim Jong Un", recipient="CHN", type="CONSULT",
                                                            mode="visit", since="2018-01-09", until="2019-01-08"))
            print(f"{name}: save {len(analyses)} analyses {save:.0f} ms; events {events:.0f} ms; "
                  f"articles {articles:.0f} ms; count {count:.0f} ms (medians of 20)", flush=True)
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def readers(n: int) -> None:
    from test_concurrency import WRITER, start

    tmp = Path(tempfile.mkdtemp())
    db, stop = str(tmp / "r.duckdb"), tmp / "stop"
    writer = start(WRITER, db, str(stop))
    waits = []
    try:
        for _ in range(n):
            t0 = time.monotonic()
            with open_store(db, read_only=True) as s:
                query.articles(s, limit=5)
            waits.append(time.monotonic() - t0)
    finally:
        stop.touch()
        out, _ = writer.communicate()
        shutil.rmtree(tmp, ignore_errors=True)
    waits.sort()
    print(f"{n} queries while another process saved {out.split()[-1]} articles in 64-article transactions: "
          f"median {statistics.median(waits) * 1000:.0f} ms, p90 {waits[int(n * 0.9) - 1] * 1000:.0f} ms, "
          f"max {waits[-1] * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "backends":
        backends(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "readers":
        readers(int(sys.argv[2]) if len(sys.argv) > 2 else 30)
    else:
        sys.exit(__doc__)
