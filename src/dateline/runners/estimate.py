"""A quick count of the items in the inputs, for the progress bar's total and ETA.

It counts record markers without parsing anything (lines of JSONL, ``<REUTERS`` in SGML, response
records in WARC, entries in feeds, files in directories), so it is an estimate: the reader may
still find fewer articles. Runs in a background thread while the run starts.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from pathlib import Path

CHUNK = 1 << 20
_MARKERS = {"reuters": (b"<REUTERS ",), "warc": (b"WARC-Type: response",), "feed": (b"<item", b"<entry")}


def estimate_items(inputs: Iterable[str]) -> int:
    """The estimate; 0 when the inputs defeat it (it is only a progress bar's total)."""
    try:
        return _estimate(inputs)
    except Exception:  # noqa: BLE001 - the reader, not the estimate, reports what is wrong with an input
        return 0


def _estimate(inputs: Iterable[str]) -> int:
    from ..ingest.reader import walk_entries

    total = 0
    for p in inputs:
        path = Path(p)
        if p == "-":
            continue
        files = walk_entries(path) if path.is_dir() else [path]
        for f in files:
            total += 1 if not isinstance(f, Path) else _count(f)  # an entry the walk cannot read is one error
    return total


def _count(path: Path) -> int:
    from ..ingest.reader import kind_of

    kind = kind_of(path)
    if kind is None:
        return 0
    if kind == "json" and path.with_suffix(".txt").exists():
        return 0  # a sidecar
    if kind == "jsonl":
        return _count_markers(path, (b"\n",))
    if kind in _MARKERS:
        return _count_markers(path, _MARKERS[kind])
    return 1


def _count_markers(path: Path, markers: tuple[bytes, ...]) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    n = 0
    tail = b""
    try:
        with opener(path, "rb") as fh:
            while chunk := fh.read(CHUNK):
                data = tail + chunk
                n += sum(data.count(m) for m in markers)
                keep = max(len(m) for m in markers) - 1
                # a marker cut by the chunk boundary is counted once, in the next round
                tail = data[-keep:] if keep else b""
                if keep:
                    n -= sum(tail.count(m) for m in markers)
    except (OSError, EOFError):
        pass  # a broken file: the reader will say so; the estimate keeps what it counted
    return n
