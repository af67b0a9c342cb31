"""API load check: N mixed read requests over C concurrent clients against `dateline serve` on loopback.

    .venv/bin/python scripts/api_load.py --db dateline.duckdb [--requests 1000 --clients 4 --seed 7]

Starts the server as its own process (so the clients do not share its interpreter), asks it for real ids,
then sends a fixed, seeded mix of listing, detail, profile, count and search requests from C threads,
each with one keep-alive connection. Prints latencies (p50/p95/max, overall and per route) and exits 1
when any request failed (a status other than 200, or no answer). A measurement, not a test."""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from urllib.parse import quote, urlencode


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Accept": "application/json"})
    r = conn.getresponse()
    return r.status, r.read()


def wait_for(port: int, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with {proc.returncode}")
        try:
            status, _ = get(http.client.HTTPConnection("127.0.0.1", port, timeout=2), "/api/meta")
            if status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer in time")


def request_mix(port: int, n: int, seed: int) -> list[tuple[str, str]]:
    """(route name, path) pairs: real ids and names from the store, filters varied by a seeded draw."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    events = json.loads(get(conn, "/api/events?limit=200&min_confidence=0")[1])["items"]
    articles = json.loads(get(conn, "/api/articles?limit=200")[1])["items"]
    actors = [a["name"] for a in json.loads(get(conn, "/api/actors?limit=30")[1])["items"]]
    if not (events and articles and actors):
        raise SystemExit("the store holds no events, articles or actors to ask about")
    meta = json.loads(get(conn, "/api/meta")[1])
    rnd = random.Random(seed)

    def events_query() -> str:
        q = {"limit": rnd.choice([20, 50, 100])}
        if rnd.random() < 0.5:
            q["actor"] = rnd.choice(actors)
        if rnd.random() < 0.3:
            q["type"] = rnd.choice(meta["types"])
        if rnd.random() < 0.3:
            q["since"], q["until"] = rnd.choice([("2018-01-01", "2018-12-31"), ("2019-01-01", "2019-06-30")])
        if rnd.random() < 0.2:
            q["offset"] = 20
        return "/api/events?" + urlencode(q)

    makers = [
        ("events", 30, events_query),
        ("event", 15, lambda: "/api/events/" + rnd.choice(events)["id"]),
        ("articles", 8, lambda: "/api/articles?limit=50"),
        ("article", 10, lambda: "/api/articles/" + rnd.choice(articles)["id"]),
        ("actors", 7, lambda: "/api/actors?" + urlencode({"name": rnd.choice(actors)[:3], "limit": 20})),
        ("actor", 8, lambda: "/api/actors/" + quote(rnd.choice(actors))),
        ("quotes", 6, lambda: "/api/quotes?" + urlencode({"speaker": rnd.choice(actors), "limit": 50})),
        ("places", 5, lambda: "/api/places?event_only=true&limit=500"),
        ("count", 6, lambda: "/api/count?" + urlencode({"actor": rnd.choice(actors), "type": "CONSULT"})),
        ("search", 3, lambda: "/api/search?" + urlencode({"q": rnd.choice(actors)})),
        ("explain", 2, lambda: "/api/explain/" + rnd.choice(events)["id"]),
    ]
    names = [m[0] for m in makers]
    weights = [m[1] for m in makers]
    by_name = {m[0]: m[2] for m in makers}
    return [(name, by_name[name]()) for name in rnd.choices(names, weights, k=n)]


def run(port: int, mix: list[tuple[str, str]], clients: int) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    shares = [mix[i::clients] for i in range(clients)]

    def client(share: list[tuple[str, str]]) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        for name, path in share:
            t0 = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except OSError:
                status, conn = 0, http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            mine.append((name, time.perf_counter() - t0, status))
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client, args=(s,)) for s in shares]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def report(results: list[tuple[str, float, int]], wall: float, clients: int) -> dict:
    ms = [r[1] * 1000 for r in results]
    failed = [r for r in results if r[2] != 200]
    out = {"requests": len(results), "clients": clients, "failed": len(failed), "wall_s": round(wall, 2),
           "requests_per_s": round(len(results) / wall, 1), "p50_ms": round(statistics.median(ms), 1),
           "p95_ms": round(pct(ms, 0.95), 1), "max_ms": round(max(ms), 1), "routes": {}}
    for name in sorted({r[0] for r in results}):
        times = [r[1] * 1000 for r in results if r[0] == name]
        out["routes"][name] = {"n": len(times), "p50_ms": round(statistics.median(times), 1),
                               "p95_ms": round(pct(times, 0.95), 1), "max_ms": round(max(times), 1)}
    out["failures"] = sorted({f"{r[0]}:{r[2]}" for r in failed})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="The store to serve (e.g. one made by `dateline demo`).")
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="Print the report as JSON only.")
    args = ap.parse_args()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dateline", "--db", args.db, "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(port, proc)
        mix = request_mix(port, args.requests, args.seed)
        t0 = time.perf_counter()
        results = run(port, mix, args.clients)
        out = report(results, time.perf_counter() - t0, args.clients)
    finally:
        proc.terminate()
        proc.wait(10)
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        print(f"{out['requests']} requests, {out['clients']} clients, {out['failed']} failed, "
              f"{out['wall_s']} s ({out['requests_per_s']}/s): p50 {out['p50_ms']} ms, p95 {out['p95_ms']} ms, "
              f"max {out['max_ms']} ms")
        for name, r in out["routes"].items():
            print(f"  {name:9} n={r['n']:4}  p50 {r['p50_ms']:7.1f}  p95 {r['p95_ms']:7.1f}  max {r['max_ms']:7.1f} ms")
        if out["failures"]:
            print("failures:", ", ".join(out["failures"]))
    return 1 if out["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
