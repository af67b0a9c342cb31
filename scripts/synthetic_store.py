"""Write a synthetic store (N events with their articles and places) for benchmarks and export checks.

    .venv/bin/python scripts/synthetic_store.py /tmp/synth.duckdb --events 1000000 --seed 7
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="DuckDB file to write (created if needed; must not hold articles)")
    ap.add_argument("--events", type=int, default=1_000_000, help="how many events (default 1,000,000)")
    ap.add_argument("--seed", type=int, default=0, help="the same seed gives the same store")
    ap.add_argument("--link", action="store_true", help="save through Store.save, linking occurrences and actors "
                                                       "(minutes for 20,000 events; rows only without it)")
    args = ap.parse_args(argv)
    if args.events < 1:
        ap.error("--events must be at least 1")
    if args.store.exists():
        ap.error(f"{args.store} exists: give a new file")
    from dateline.synthetic import build

    stats = build(args.store, args.events, args.seed, link=args.link)
    print(f"{stats.events} events, {stats.articles} articles, {stats.places} places in {stats.seconds} s "
          f"-> {args.store}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
