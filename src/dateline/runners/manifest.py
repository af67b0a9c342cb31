"""A batch run on disk: its settings, a journal of every partition's state, the partition files.

    <runs>/<run-id>/run.json            settings, written once
    <runs>/<run-id>/journal.jsonl       append-only: start, part (new → analysed → loaded | failed), input_done, end
    <runs>/<run-id>/parts/part-NNNNNN.jsonl.gz

The manifest is a journal of files rather than tables in the store: workers and Ray actors on
other machines never touch the store, ``dateline runs`` can read a run while its loader holds
the DuckDB file's write lock, and a run folder can be inspected, copied or deleted whole. Each
line is flushed and fsynced before the step after it starts; a line torn by a kill is ignored.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STATES = ("new", "analysed", "loaded", "failed")


class RunError(Exception):
    """A run cannot start or go on (not an item's failure: those are recorded and the run continues)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RunConfig:
    run_id: str
    inputs: tuple[str, ...]
    db: str
    partition_size: int = 100
    model: str = ""
    batch_size: int = 32
    analyzer: str = "dateline.runners.work:default_analyzer"
    published: str | None = None
    source: str = ""
    url: str = ""
    require_date: bool = True
    max_bytes: int = 10 * 1024 * 1024
    encoding: str = "utf-8"
    limit: int | None = None  # read only the first N items of the input
    source_homes: str = ""  # a TSV of news sources' homes (geo.homes), an absolute path; "" for none
    created: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RunConfig":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["inputs"] = tuple(known.get("inputs", ()))
        return cls(**known)


@dataclass(slots=True)
class PartitionState:
    index: int
    state: str = "new"
    items: int = 0
    first: str = ""
    last: str = ""
    digest: str = ""  # what its items hold (batch.digest_of): a resume refuses a partition whose items changed
    errors_before: dict[str, int] | None = None  # its read errors' counts in the store before its load began
    articles: int = 0
    read_errors: int = 0
    analysis_errors: int = 0
    words: int = 0
    analyse_s: float = 0.0
    load_s: float = 0.0
    rss_mb: float = 0.0
    worker: str = ""
    reason: str = ""
    codes: dict[str, int] = field(default_factory=dict)  # error codes of its items, counted at load
    started: float = 0.0  # wall-clock times: the worker's start and end, the loader's end
    ended: float = 0.0
    loaded_at: float = 0.0


@dataclass(slots=True)
class Attempt:
    number: int
    started: float
    ended: float
    engine: str = ""
    workers: int = 0
    status: str = "killed"  # until its end line says otherwise
    loader_rss_mb: float = 0.0


@dataclass(slots=True)
class RunState:
    partitions: dict[int, PartitionState] = field(default_factory=dict)
    attempts: list[Attempt] = field(default_factory=list)
    input_items: int | None = None  # set once the whole input has been partitioned
    input_partitions: int | None = None


class Run:
    """One run folder. Only the process holding :meth:`lock` appends to the journal."""

    def __init__(self, root: Path):
        self.root = root
        self._journal: Any = None
        self._lock: Any = None

    @property
    def run_id(self) -> str:
        return self.root.name

    @property
    def parts(self) -> Path:
        return self.root / "parts"

    def part_path(self, index: int) -> Path:
        return self.parts / f"part-{index:06d}.jsonl.gz"

    # -- creating and opening -------------------------------------------------------------------
    @classmethod
    def create(cls, runs_dir: Path, config: RunConfig) -> "Run":
        root = runs_dir / config.run_id
        if (root / "run.json").exists():
            raise RunError(f"run {config.run_id!r} already exists in {runs_dir}: resume it with --resume")
        root.mkdir(parents=True, exist_ok=True)
        from .partfile import write_atomic

        write_atomic(root / "run.json", json.dumps(asdict(config), indent=1).encode())
        return cls(root)

    @classmethod
    def open(cls, runs_dir: Path, run_id: str) -> "Run":
        root = runs_dir / run_id
        if not (root / "run.json").exists():
            raise RunError(f"no run {run_id!r} in {runs_dir}")
        return cls(root)

    def config(self) -> RunConfig:
        return RunConfig.from_json(json.loads((self.root / "run.json").read_text()))

    # -- the lock: one process drives a run at a time; the OS drops it when that process dies ----
    def lock(self) -> None:
        fh = (self.root / "lock").open("a")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise RunError(f"run {self.run_id!r} is being run by another process") from None
        self._lock = fh

    def is_running(self) -> bool:
        if self._lock is not None:
            return True
        try:
            with (self.root / "lock").open("a") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fh, fcntl.LOCK_UN)
            return False
        except BlockingIOError:
            return True

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # -- the journal ---------------------------------------------------------------------------
    def record(self, event: str, **fields: Any) -> None:
        if self._journal is None:
            self._journal = (self.root / "journal.jsonl").open("a", encoding="utf-8")
        line = json.dumps({"ev": event, "t": round(time.time(), 3), **fields}, ensure_ascii=False)
        self._journal.write(line + "\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def part(self, index: int, state: str, **fields: Any) -> None:
        assert state in STATES, state
        self.record("part", p=index, state=state, **fields)

    def replay(self) -> RunState:
        st = RunState()
        path = self.root / "journal.jsonl"
        if not path.exists():
            return st
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    e = json.loads(line)
                except json.JSONDecodeError:
                    continue  # the last line of a killed run may be torn
                _apply(st, e)
        return st


def _apply(st: RunState, e: dict[str, Any]) -> None:
    ev, t = e.get("ev"), float(e.get("t", 0))
    if st.attempts and ev != "start":
        st.attempts[-1].ended = max(st.attempts[-1].ended, t)
    if ev == "start":
        st.attempts.append(Attempt(number=len(st.attempts) + 1, started=t, ended=t, engine=e.get("engine", ""),
                                   workers=int(e.get("workers", 0))))
    elif ev == "end" and st.attempts:
        st.attempts[-1].status = e.get("status", "")
        st.attempts[-1].loader_rss_mb = float(e.get("loader_rss_mb", 0))
    elif ev == "input_done":
        st.input_items = int(e["items"])
        st.input_partitions = int(e["partitions"])
    elif ev == "errors_before":
        st.partitions.setdefault(int(e["p"]), PartitionState(index=int(e["p"]))).errors_before = dict(e["errors_before"])
    elif ev == "part":
        p = st.partitions.setdefault(int(e["p"]), PartitionState(index=int(e["p"])))
        p.state = e["state"]
        if p.state != "failed":
            p.reason = ""
        if p.state == "loaded":
            p.loaded_at = t
        for key in PartitionState.__dataclass_fields__:
            if key in e and key not in ("index", "state"):
                setattr(p, key, e[key])


# -- summaries for `dateline runs` -----------------------------------------------------------------
def summarise(run: Run) -> dict[str, Any]:
    cfg = run.config()
    st = run.replay()
    parts = st.partitions.values()
    by_state = {s: sum(1 for p in parts if p.state == s) for s in STATES}
    loaded = [p for p in parts if p.state == "loaded"]
    elapsed = sum(a.ended - a.started for a in st.attempts)
    articles = sum(p.articles for p in loaded)
    complete = st.input_partitions is not None and by_state["loaded"] == st.input_partitions
    if run.is_running():
        status = "running"
    elif complete:
        status = "complete"
    elif st.input_partitions is not None and by_state["loaded"] + by_state["failed"] == st.input_partitions:
        status = "failed"
    else:
        status = "incomplete"
    analyse_s = sum(p.analyse_s for p in loaded)
    return {
        "run_id": cfg.run_id,
        "status": status,
        "created": cfg.created,
        "inputs": list(cfg.inputs),
        "db": cfg.db,
        "partitions": by_state,
        "partitions_total": st.input_partitions,
        "items": sum(p.items for p in parts if p.state in ("analysed", "loaded")),
        "items_total": st.input_items,
        "articles": articles,
        "read_errors": sum(p.read_errors for p in loaded),
        "analysis_errors": sum(p.analysis_errors for p in loaded),
        "failed_items": sum(p.items for p in parts if p.state == "failed"),
        "error_codes": dict(sum((Counter(p.codes) for p in loaded), Counter()).most_common()),
        "failures": [{"partition": p.index, "items": p.items, "first": p.first, "last": p.last, "reason": p.reason}
                     for p in parts if p.state == "failed"],
        "attempts": len(st.attempts),
        "elapsed_s": round(elapsed, 1),
        "articles_per_s": round(articles / elapsed, 2) if elapsed else None,
        "articles_per_worker_s": round(articles / analyse_s, 2) if analyse_s else None,
        "peak_worker_rss_mb": round(max((p.rss_mb for p in parts), default=0.0), 1),
        "peak_loader_rss_mb": round(max((a.loader_rss_mb for a in st.attempts), default=0.0), 1),
    }


def list_runs(runs_dir: Path) -> list[Run]:
    if not runs_dir.is_dir():
        return []
    return [Run(p) for p in sorted(runs_dir.iterdir()) if (p / "run.json").exists()]
