"""The Ray engine: one actor per worker, each with its analyzer (and spaCy model) loaded once.

The only module that imports ray (``pip install 'dateline[ray]'``). ``address`` joins a running
cluster (``ray start --head`` on one machine, ``ray start --address=...`` on the others, the same
Dateline installed on each); without it a local cluster is started for the run and stopped after.
Actors return their encoded partition instead of writing it, so the cluster needs no shared disk:
the driver writes each partition file and loads it, as the local engine's parent does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from .local import Failure, Outcome, PartPath
from .manifest import RunError
from .work import PartitionResult, Task, WorkerSetup, limit_threads, load_analyzer, peak_rss_mb, process

LOCAL_OBJECT_STORE = 256 * 1024 * 1024  # partitions are a few MB; Ray's default takes 30% of RAM


class _Worker:
    """The actor's body (made a Ray actor class in :meth:`RayEngine.start`)."""

    def __init__(self, setup: WorkerSetup):
        limit_threads()
        self.analyzer = load_analyzer(setup)
        self.name = f"ray:{os.uname().nodename}:{os.getpid()}"

    def ready(self) -> float:
        return peak_rss_mb()

    def process(self, task: Task) -> PartitionResult:
        return process(self.analyzer, task, out=None, worker=self.name)


class RayEngine:
    name = "ray"

    def __init__(self, setup: WorkerSetup, workers: int, *, address: str | None = None):
        self.setup = setup
        self.workers = workers
        self.address = address
        self.ready_rss_mb: list[float] = []
        self._actors: list[Any] = []
        self._started_ray = False
        self._actor_class: Any = None

    def start(self) -> None:
        try:
            import ray
        except ImportError:
            raise RunError("the ray engine needs Ray: pip install 'dateline[ray]'") from None
        if not ray.is_initialized():
            if self.address:
                ray.init(address=self.address, log_to_driver=False, include_dashboard=False)
            else:
                ray.init(num_cpus=self.workers, object_store_memory=LOCAL_OBJECT_STORE, log_to_driver=False,
                         include_dashboard=False)
            self._started_ray = True
        self._actor_class = ray.remote(num_cpus=1)(_Worker)
        self._actors = [self._actor_class.remote(self.setup) for _ in range(self.workers)]
        try:
            self.ready_rss_mb = ray.get([a.ready.remote() for a in self._actors])
        except ray.exceptions.RayError as e:
            self.close(abort=True)
            raise RunError(f"Ray actors could not load the analyzer: {_cause(e)}") from None

    def map(self, tasks: Iterator[Task], part_path: PartPath) -> Iterator[Outcome]:
        import ray

        source = iter(tasks)
        idle = list(self._actors)
        pending: dict[Any, tuple[Any, Task]] = {}
        exhausted = False
        deaths_in_a_row = 0

        def dispatch() -> None:
            nonlocal exhausted
            while idle and not exhausted:
                task = next(source, None)
                if task is None:
                    exhausted = True
                    break
                actor = idle.pop()
                pending[actor.process.remote(task)] = (actor, task)

        while True:
            dispatch()
            if not pending:
                return
            done, _ = ray.wait(list(pending), num_returns=1)
            outcomes: list[Outcome] = []
            for ref in done:
                actor, task = pending.pop(ref)
                try:
                    outcomes.append(ray.get(ref))
                    deaths_in_a_row = 0
                    idle.append(actor)
                except ray.exceptions.RayActorError as e:  # the actor's process died: replace it
                    deaths_in_a_row += 1
                    if deaths_in_a_row > 5:
                        raise RunError(f"{deaths_in_a_row} Ray actors died in a row: {_cause(e)}") from None
                    outcomes.append(Failure(task.index, f"the Ray actor died while analysing this partition: "
                                                        f"{_cause(e)}"))
                    fresh = self._actor_class.remote(self.setup)
                    self._actors[self._actors.index(actor)] = fresh
                    idle.append(fresh)
                except ray.exceptions.RayTaskError as e:  # an exception in the analysis: the partition fails
                    outcomes.append(Failure(task.index, _cause(e)))
                    idle.append(actor)
            dispatch()  # idle actors get their next partition before the caller spends time loading these
            yield from outcomes

    def close(self, *, abort: bool = False) -> None:
        try:
            import ray
        except ImportError:
            return
        for actor in self._actors:
            try:
                ray.kill(actor)
            except Exception:  # an actor already gone; nothing to stop
                pass
        self._actors = []
        if self._started_ray and ray.is_initialized():
            ray.shutdown()
            self._started_ray = False


def _cause(e: BaseException) -> str:
    """The user's error inside Ray's wrapper: 'RuntimeError: boom', not a page of Ray traceback."""
    cause = getattr(e, "cause", None)
    if isinstance(cause, BaseException):
        return f"{type(cause).__name__}: {cause}"
    text = str(e).strip().splitlines()
    return text[-1] if text else type(e).__name__
