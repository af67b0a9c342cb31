"""Engines on one machine: worker processes (the default), or the calling process itself.

Each worker process loads its analyzer (the spaCy model with it) once, then takes one partition
at a time over its own pipe, so the engine always knows which partition a worker holds: a worker
that dies (killed for memory, a crash in native code) fails that partition alone, with the reason,
and is replaced; the others go on.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .manifest import RunError
from .work import PartitionResult, Task, WorkerSetup, limit_threads, load_analyzer, peak_rss_mb, process


@dataclass(frozen=True, slots=True)
class Failure:
    index: int
    reason: str


Outcome = PartitionResult | Failure
PartPath = Callable[[int], Path]
MAX_DEATHS_IN_A_ROW = 5  # workers dying with no partition done in between: the setup is broken, not the data


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class InlineEngine:
    """No worker processes: analyse in the caller (``--workers 0``); for debugging and small inputs."""

    name = "inline"

    def __init__(self, setup: WorkerSetup):
        self.setup = setup
        self.workers = 0
        self.ready_rss_mb: list[float] = []
        self._analyzer: Any = None

    def start(self) -> None:
        self._analyzer = load_analyzer(self.setup)
        self.ready_rss_mb = [peak_rss_mb()]

    def map(self, tasks: Iterator[Task], part_path: PartPath) -> Iterator[Outcome]:
        for task in tasks:
            try:
                yield process(self._analyzer, task, out=part_path(task.index), worker=f"pid{os.getpid()}")
            except Exception as e:  # the partition fails, the run goes on
                yield Failure(task.index, f"{type(e).__name__}: {e}")

    def close(self, *, abort: bool = False) -> None:
        self._analyzer = None


@dataclass(slots=True)
class _Worker:
    proc: Any
    conn: Connection
    ready: bool = False
    task: Task | None = None


class ProcessEngine:
    """``workers`` processes, each with its analyzer loaded once (spawned, so nothing is shared by fork)."""

    name = "local"

    def __init__(self, setup: WorkerSetup, workers: int):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.setup = setup
        self.workers = workers
        self.ready_rss_mb: list[float] = []
        self._ctx = mp.get_context("spawn")
        self._pool: list[_Worker] = []
        self._deaths_in_a_row = 0

    # -- life cycle ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start every worker and wait until each has loaded its model (so timings exclude loading)."""
        self._pool = [self._spawn() for _ in range(self.workers)]
        while not all(w.ready for w in self._pool):
            waiting = [w for w in self._pool if not w.ready]
            wait([w.conn for w in waiting] + [w.proc.sentinel for w in waiting])
            for w in waiting:
                if w.conn.poll():
                    try:
                        self._handle(w, self._recv(w))  # a setup that fails (an exception) is a RunError
                        continue
                    except EOFError:
                        pass
                elif w.proc.is_alive():
                    continue
                # it died while loading its model (killed, out of memory): start another in its place;
                # _replace gives up after MAX_DEATHS_IN_A_ROW, when the setup itself is broken
                self._replace(w)

    def close(self, *, abort: bool = False) -> None:
        for w in self._pool:
            try:
                if abort:
                    w.proc.terminate()
                else:
                    w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in self._pool:
            w.proc.join(timeout=10)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join()
            w.conn.close()
        self._pool = []

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child, self.setup), daemon=True,
                                 name="dateline-worker")
        proc.start()
        child.close()
        return _Worker(proc=proc, conn=parent)

    # -- the work ----------------------------------------------------------------------------------
    def map(self, tasks: Iterator[Task], part_path: PartPath) -> Iterator[Outcome]:
        """Outcomes as partitions finish (any order). Idle workers get their next partition before
        an outcome is handed back, so they keep working while the caller loads it."""
        source = iter(tasks)
        exhausted = False
        while True:
            outcomes: list[Outcome] = []
            for w in self._pool:
                while w.ready and w.task is None and not exhausted:
                    task = next(source, None)
                    if task is None:
                        exhausted = True
                        break
                    w.task = task
                    try:
                        w.conn.send((task, str(part_path(task.index))))
                    except OSError:  # it died before taking the partition: replace it, the partition fails
                        outcomes.extend(self._replace(w))
            if outcomes:
                yield from outcomes
                continue
            busy = [w for w in self._pool if w.task is not None or not w.ready]
            if exhausted and not any(w.task is not None for w in self._pool):
                return
            if not busy:
                continue
            wait([w.conn for w in busy] + [w.proc.sentinel for w in busy])
            for w in list(busy):
                if w.conn.poll():
                    try:
                        got = self._handle(w, self._recv(w))
                    except EOFError:
                        outcomes.extend(self._replace(w))
                        continue
                    if got is not None:
                        outcomes.append(got)
                elif not w.proc.is_alive():
                    outcomes.extend(self._replace(w))
            yield from outcomes

    def _recv(self, w: _Worker) -> Any:
        return w.conn.recv()

    def _handle(self, w: _Worker, msg: Any) -> Outcome | None:
        kind = msg[0]
        if kind == "ready":
            w.ready = True
            self.ready_rss_mb.append(msg[2])
            return None
        if kind == "setup_failed":
            raise RunError(f"a worker could not load its analyzer: {msg[1]}")
        task, w.task = w.task, None
        if kind == "done":
            self._deaths_in_a_row = 0
            return msg[1]
        assert task is not None
        return Failure(task.index, msg[2])

    def _replace(self, w: _Worker) -> list[Outcome]:
        """A worker died: fail its partition with the reason, start another in its place."""
        w.proc.join(timeout=5)
        code = w.proc.exitcode
        if code is not None and code < 0:
            try:
                why = f"killed by signal {-code} ({signal.Signals(-code).name})"
            except ValueError:
                why = f"killed by signal {-code}"
        else:
            why = f"exit code {code}"
        out: list[Outcome] = []
        if w.task is not None:
            out.append(Failure(w.task.index, f"the worker process died while analysing this partition ({why}; "
                                             "the OS kills the largest process when memory runs out)"))
        self._deaths_in_a_row += 1
        if self._deaths_in_a_row > MAX_DEATHS_IN_A_ROW:
            raise RunError(f"{self._deaths_in_a_row} worker processes died in a row (last: {why})")
        w.conn.close()
        fresh = self._spawn()
        self._pool[self._pool.index(w)] = fresh
        return out


def _worker_main(conn: Connection, setup: WorkerSetup) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us cleanly
    _die_with_parent()
    limit_threads()
    try:
        analyzer = load_analyzer(setup)
    except Exception as e:  # report why, instead of a bare exit code
        conn.send(("setup_failed", f"{type(e).__name__}: {e}"))
        return
    conn.send(("ready", os.getpid(), peak_rss_mb()))
    name = f"pid{os.getpid()}"
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        task, out = msg
        try:
            result = process(analyzer, task, out=Path(out), worker=name)
        except Exception as e:  # the partition fails with the reason; the worker takes the next one
            conn.send(("error", task.index, f"{type(e).__name__}: {e}"))
            continue
        conn.send(("done", result))


def _die_with_parent() -> None:
    """Linux: end this worker when the parent dies (a killed run must not leave workers behind)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
