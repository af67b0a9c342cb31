"""Batch runs: partition the input, analyse partitions on an engine, load them through one writer.

    read (this process) ─► partitions of N items ─► engine workers ─► parts/part-N.jsonl.gz
                                                                        └─► loader (this process) ─► store

Partitions are cut from the input stream in order, N items each, so a resumed run cuts the same
partitions again without keeping any list of items: it re-reads the input, checks each partition
against the journal (same count, same first and last item, and the same digest of what the items
hold: text, metadata, where each was read), skips the loaded ones, loads the ones analysed but not
loaded, and analyses the rest. An input that changed in any way (a line added at the top, an
in-place edit, a file removed) is refused rather than resumed, since positions would no longer name
the same items. Loading is an upsert keyed on content hashes, so a partition loaded twice (a kill
between the store's commit and the journal's line) changes nothing; its read errors' counts are
journalled before its load and restored on a reload, so they are not counted twice either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from ..ingest.warc import Page
from ..model import Article, ItemError
from . import partfile
from .inline import save_each
from .local import Failure, InlineEngine, ProcessEngine, default_workers
from .manifest import Run, RunConfig, RunError, RunState, summarise
from .work import PartitionResult, Task, WorkerSetup, peak_rss_mb

LOAD_CHUNK = 64  # analyses per store transaction: the loader holds one chunk, never a whole partition


@dataclass(frozen=True, slots=True, kw_only=True)
class EngineOptions:
    engine: str = "local"  # local | ray
    workers: int | None = None  # None: one per core; 0: analyse in this process
    address: str | None = None  # ray: join this cluster; None starts a local one


@dataclass(slots=True)
class Progress:
    """Callbacks for a progress display; every one optional."""

    total: Callable[[int], None] | None = None  # the number of items, once known or estimated
    advance: Callable[[int, int, bool], None] | None = None  # items, articles, skipped (done in an earlier attempt)


def new_run_id() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


def make_engine(options: EngineOptions, setup: WorkerSetup) -> Any:
    workers = default_workers() if options.workers is None else options.workers
    if options.engine == "ray":
        from .ray import RayEngine

        return RayEngine(setup, max(workers, 1), address=options.address)
    if options.engine != "local":
        raise RunError(f"unknown engine {options.engine!r}: use local or ray")
    return InlineEngine(setup) if workers == 0 else ProcessEngine(setup, workers)


def setup_of(config: RunConfig) -> WorkerSetup:
    return WorkerSetup(model=config.model, batch_size=config.batch_size, analyzer=config.analyzer,
                       source_homes=config.source_homes)


def read_items(config: RunConfig) -> Iterator[Article | ItemError]:
    from ..ingest import Defaults, ReadOptions, read_inputs

    options = ReadOptions(
        defaults=Defaults(published=config.published, source=config.source, url=config.url,
                          require_date=config.require_date),
        max_bytes=config.max_bytes,
        encoding=config.encoding,
        pages=True,  # archived pages are extracted by the workers, not by this process
    )
    items = read_inputs(config.inputs, options)
    return items if config.limit is None else islice(items, config.limit)


def partitions(items: Iterable[Article | ItemError], size: int) -> Iterator[Task]:
    it = iter(items)
    index = 0
    while chunk := tuple(islice(it, size)):
        yield Task(index=index, items=chunk)
        index += 1


def execute(run: Run, store: Any, engine: Any, *, progress: Progress | None = None) -> dict[str, Any]:
    """Run (or resume) ``run`` to the end of its input; return its summary. Ctrl-C stops it resumably."""
    progress = progress or Progress()
    config = run.config()
    run.lock()
    _remove_torn_parts(run)
    # the workers are the parallelism: the loader inserting beside them takes one core, not all of
    # them (DuckDB's default), so it never slows the analysis it is waiting for
    store.limit(threads=1)
    state = run.replay()
    status = "error"  # until the run ends or is interrupted
    run.record("start", engine=engine.name, workers=engine.workers)
    try:
        if state.input_items is not None and progress.total:
            progress.total(state.input_items)
        elif progress.total:
            _estimate_in_background(config.inputs, progress.total, config.limit)
        engine.start()
        # analysed in an earlier attempt but not loaded: load those first
        for p in sorted(state.partitions.values(), key=lambda p: p.index):
            if p.state == "analysed" and run.part_path(p.index).exists():
                _load(run, store, p.index, errors_before=p.errors_before)
                p.state = "loaded"
        tasks = _tasks_to_do(run, config, state, progress)
        for outcome in engine.map(tasks, run.part_path):
            if isinstance(outcome, Failure):
                run.part(outcome.index, "failed", reason=outcome.reason)
                state.partitions[outcome.index].state = "failed"
                if progress.advance:
                    progress.advance(state.partitions[outcome.index].items, 0, False)
                continue
            _analysed(run, outcome)
            _load(run, store, outcome.index, errors_before=state.partitions[outcome.index].errors_before)
            if progress.advance:
                progress.advance(outcome.items, outcome.articles, False)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        engine.close(abort=status != "done")
        run.record("end", status=status, loader_rss_mb=round(peak_rss_mb(), 1))
        run.close()
    return summarise(run)


def _remove_torn_parts(run: Run) -> None:
    """Temporary partition files of a worker killed while writing (it renames a file only once whole):
    never valid, and only the process holding the run's lock starts workers that write here."""
    if run.parts.is_dir():
        for tmp in run.parts.glob(".part-*.tmp"):
            tmp.unlink(missing_ok=True)


def _tasks_to_do(run: Run, config: RunConfig, state: RunState, progress: Progress) -> Iterator[Task]:
    n_items = n_parts = 0
    for task in partitions(read_items(config), config.partition_size):
        n_items += len(task.items)
        n_parts += 1
        first, last = _origin(task.items[0]), _origin(task.items[-1])
        digest = digest_of(task.items)
        before = state.partitions.get(task.index)
        if before is not None and (before.items, before.first, before.last) != (len(task.items), first, last):
            raise RunError(
                f"the input changed since the run started: partition {task.index} held {before.items} items "
                f"({before.first} .. {before.last}), now {len(task.items)} ({first} .. {last}); start a new run")
        if before is not None and before.digest and before.digest != digest:
            raise RunError(
                f"the input changed since the run started: the items of partition {task.index} ({first} .. {last}) "
                "are not what they were (a line added or removed before them, or an edit); a resumed run must "
                "read the same input: start a new run to read the changed one")
        if before is not None and before.state == "loaded":
            if progress.advance:
                progress.advance(before.items, before.articles, True)
            continue
        run.part(task.index, "new", items=len(task.items), first=first, last=last, digest=digest)
        state.partitions.setdefault(task.index, _fresh(task.index, len(task.items), first, last))
        yield task
    if state.input_partitions is not None and n_parts < state.input_partitions:
        raise RunError(f"the input changed since the run started: it held {state.input_partitions} partitions "
                       f"({state.input_items:,} items), now {n_parts} ({n_items:,}); start a new run")
    run.record("input_done", items=n_items, partitions=n_parts)
    state.input_items, state.input_partitions = n_items, n_parts


def digest_of(items: Iterable[Article | ItemError | Page]) -> str:
    """A hash of what a partition's items hold (text, metadata, where each was read), not of their
    positions alone: the same positions holding other items give another digest."""
    h = hashlib.blake2b(digest_size=16)
    for item in items:
        if isinstance(item, Article):
            key: list[Any] = ["a", item.id, item.origin, item.published, item.source, item.url, item.author,
                              item.title, item.language, item.meta]
        elif isinstance(item, Page):
            key = ["p", item.origin, item.url, item.record_id, hashlib.blake2b(item.data, digest_size=16).hexdigest()]
        else:
            key = ["e", item.origin, item.stage, item.code, item.message]
        h.update(json.dumps(key, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8", "backslashreplace"))
        h.update(b"\n")
    return h.hexdigest()


def _fresh(index: int, items: int, first: str, last: str) -> Any:
    from .manifest import PartitionState

    return PartitionState(index=index, items=items, first=first, last=last)


def _origin(item: Article | ItemError) -> str:
    return item.origin


def _analysed(run: Run, result: PartitionResult) -> None:
    if result.data is not None:  # shipped back by a remote worker: this process writes the file
        partfile.write_atomic(run.part_path(result.index), result.data)
    run.part(result.index, "analysed", articles=result.articles, read_errors=result.read_errors,
             analysis_errors=result.analysis_errors, words=result.words, analyse_s=round(result.analyse_s, 3),
             rss_mb=round(result.rss_mb, 1), worker=result.worker, started=result.started, ended=result.ended)


def _load(run: Run, store: Any, index: int, *, errors_before: dict[str, int] | None = None) -> None:
    t0 = time.perf_counter()

    def journal_counts(counts: dict[str, int]) -> None:
        # fsynced before the errors are written: a reload after a kill restores from these counts
        run.record("errors_before", p=index, errors_before=counts)

    codes = load_partition(store, run.part_path(index), errors_before=errors_before, on_counts=journal_counts)
    run.part(index, "loaded", load_s=round(time.perf_counter() - t0, 3), codes=codes)


def load_partition(store: Any, path: Path, *, chunk: int = LOAD_CHUNK, errors_before: dict[str, int] | None = None,
                   on_counts: Callable[[dict[str, int]], None] | None = None) -> dict[str, int]:
    """Upsert one partition file into the store, a chunk at a time; return its error codes counted.

    Read errors are counted in the store (``errors.count``: how often an item failed). A partition
    loaded again after a kill between the store's commit and the journal's "loaded" line must not
    count its errors twice: ``errors_before`` (their counts before the first load, journalled through
    ``on_counts``) is then given, and each count ends at its value before plus one, however many
    loads were cut short."""
    batch: list[Any] = []
    errors: list[ItemError] = []
    codes: Counter[str] = Counter()
    for entry in partfile.read_entries(path):
        if isinstance(entry, ItemError):
            errors.append(entry)
            codes[entry.code] += 1
            continue
        codes.update(e.code for e in entry.errors)
        batch.append(entry)
        if len(batch) >= chunk:
            codes.update(e.code for e in save_each(store, batch))
            batch = []
    if batch:
        codes.update(e.code for e in save_each(store, batch))
    if errors:
        _save_errors_once(store, errors, errors_before, on_counts)
    return dict(codes)


def _save_errors_once(store: Any, errors: list[ItemError], before: dict[str, int] | None,
                      on_counts: Callable[[dict[str, int]], None] | None) -> None:
    from ..store.base import IN_LIST
    from ..store.rows import error_row

    ids = sorted({error_row(e)[0] for e in errors})
    rows = store.query(f"SELECT id, count FROM errors WHERE id {IN_LIST}", [ids])
    now = {r["id"]: int(r["count"] or 0) for r in rows}
    if before is None:  # the first load: remember the counts, then count each error once
        if on_counts:
            on_counts({i: now.get(i, 0) for i in ids})
        store.save_errors(errors)
        return
    # a reload: save_errors is one transaction, so an error counted by a cut load was counted with all of them
    store.save_errors([e for e in errors if now.get(error_row(e)[0], 0) <= before.get(error_row(e)[0], 0)])


def _estimate_in_background(inputs: Iterable[str], report: Callable[[int], None], limit: int | None) -> None:
    from .estimate import estimate_items

    def work() -> None:
        n = estimate_items(inputs)
        if n:
            report(min(n, limit) if limit else n)

    threading.Thread(target=work, name="dateline-estimate", daemon=True).start()


def start_run(runs_dir: Path, config: RunConfig) -> Run:
    if not config.run_id:
        config = replace(config, run_id=new_run_id())
    if not config.created:
        config = replace(config, created=dt.datetime.now().isoformat(timespec="seconds"))
    return Run.create(runs_dir, config)
