"""dateline watch: follow folders, files and feeds (files or URLs), analysing articles as they appear.

A state file remembers each file's identity (inode, size, modification time) and each feed URL's
validators (ETag, Last-Modified) and the articles it gave, so a restarted watcher reads only what
changed. What decides that an article is new is the store itself: an article whose content hash
is already stored is never analysed again, and the state is saved only after the store has
committed. So a watcher killed at any point, restarted, neither skips nor repeats an article.
"""

from __future__ import annotations

import json
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ingest import Item, ReadOptions, read_inputs
from .model import Article, ItemError

SEEN_PER_FEED = 5000  # a feed shows its latest entries; older ids are forgotten
USER_AGENT = "dateline-watch/0.1"


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchOptions:
    paths: tuple[str, ...]
    read: ReadOptions = ReadOptions()
    timeout: float = 30.0  # seconds for one feed request
    retries: int = 2  # further tries of a feed request that failed for a passing reason (timeout, 5xx, 429)
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one (or the server's Retry-After)


class WatchStateError(Exception):
    """The state file exists but cannot be read: corrupt, truncated, or not written by ``dateline watch``."""


@dataclass(slots=True)
class WatchState:
    files: dict[str, list[int]] = field(default_factory=dict)  # path -> [inode, size, mtime_ns]
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)  # url -> {etag, modified, seen: [ids]}

    @classmethod
    def load(cls, path: Path) -> "WatchState":
        """The state saved at ``path`` (empty when there is none); :class:`WatchStateError` when it is unreadable."""
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            files, feeds = data.get("files", {}), data.get("feeds", {})
            if not (isinstance(files, dict) and isinstance(feeds, dict)
                    and all(isinstance(v, list) and len(v) == 3 for v in files.values())
                    and all(isinstance(v, dict) for v in feeds.values())):
                raise ValueError("not the layout dateline watch writes")
        except (OSError, ValueError, AttributeError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise WatchStateError(f"cannot read the watch state {path}: {e}; remove it to start afresh (files are "
                                  "looked at again, articles already stored are not analysed twice)") from None
        return cls(files=dict(files), feeds=dict(feeds))

    def save(self, path: Path) -> None:
        from .runners.partfile import write_atomic

        write_atomic(path, json.dumps({"files": self.files, "feeds": self.feeds}).encode("utf-8"))


@dataclass(slots=True)
class CycleReport:
    files_checked: int = 0
    files_read: int = 0
    feeds_checked: int = 0
    new: int = 0  # articles analysed and stored this cycle
    known: int = 0  # articles read again but already in the store
    errors: list[ItemError] = field(default_factory=list)


Analyse = Callable[[list[Item]], list[ItemError]]  # stores the items; returns their errors


def is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def cycle(options: WatchOptions, state: WatchState, store: Any, analyse: Analyse, state_path: Path, *,
          sleep: Callable[[float], None] = time.sleep) -> CycleReport:
    """One look at every path: analyse what is new, then save the state."""
    report = CycleReport()
    for p in options.paths:
        if is_url(p):
            report.feeds_checked += 1
            _feed(p, options, state, store, analyse, report, sleep)
        else:
            for f in _files(Path(p)):
                report.files_checked += 1
                _file(f, options, state, store, analyse, report)
        state.save(state_path)
    return report


def _files(path: Path) -> Iterator[Path]:
    from .ingest.reader import _walk, kind_of

    if path.is_dir():
        for f in _walk(path):
            if kind_of(f) is not None:
                yield f
    elif path.exists():
        yield path


def _signature(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _file(path: Path, options: WatchOptions, state: WatchState, store: Any, analyse: Analyse,
          report: CycleReport) -> None:
    key = str(path.resolve())
    sig = _signature(path)
    if sig is None or state.files.get(key) == sig:
        return
    report.files_read += 1
    _store_new(read_inputs([path], options.read), store, analyse, report)
    state.files[key] = sig  # only after the store has the file's articles


def _feed(url: str, options: WatchOptions, state: WatchState, store: Any, analyse: Analyse,
          report: CycleReport, sleep: Callable[[float], None]) -> None:
    from .ingest.formats import read_feed

    entry = state.feeds.setdefault(url, {"etag": None, "modified": None, "seen": []})
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if entry.get("etag"):
        request.add_header("If-None-Match", entry["etag"])
    if entry.get("modified"):
        request.add_header("If-Modified-Since", entry["modified"])
    got = _fetch(request, options, sleep)
    if got is None:
        return  # not modified since the last look
    if isinstance(got, str):
        report.errors.append(ItemError(origin=url, stage="read", code="fetch_failed", message=got))
        return
    data, etag, modified = got
    if len(data) > options.read.max_bytes:
        report.errors.append(ItemError(origin=url, stage="read", code="too_large",
                                       message=f"the feed is over the limit of {options.read.max_bytes:,} bytes"))
        return
    seen = set(entry["seen"])
    items: list[Item] = []
    for where, got in read_feed(data, origin=url, defaults=options.read.defaults):
        if isinstance(got, Article):
            if got.id not in seen:
                items.append(got)
        else:
            items.append(ItemError(origin=where, stage="parse", code=got.code, message=got.message))
    stored = _store_new(items, store, analyse, report)
    entry["seen"] = (entry["seen"] + [i for i in stored if i not in seen])[-SEEN_PER_FEED:]
    entry["etag"], entry["modified"] = etag, modified


TRANSIENT_HTTP = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_WAIT = 60.0  # seconds: a longer Retry-After waits for the next cycle instead


def _fetch(request: urllib.request.Request, options: WatchOptions, sleep: Callable[[float], None]
           ) -> tuple[bytes, str | None, str | None] | str | None:
    """The feed's bytes, ETag and Last-Modified; None when not modified; else why it failed.

    A timeout, a refused or reset connection, 429 or a 5xx is tried again after a pause (the
    server's Retry-After when it gives one, else ``backoff`` doubled each time); other failures
    and the last try's are reported, and the next cycle tries again."""
    for attempt in range(options.retries + 1):
        wait = options.backoff * 2 ** attempt
        try:
            with urllib.request.urlopen(request, timeout=options.timeout) as resp:
                data = resp.read(options.read.max_bytes + 1)
                return data, resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        except urllib.error.HTTPError as e:
            if e.code == 304:
                return None
            why = f"HTTP {e.code}: {e.reason}"
            if e.code not in TRANSIENT_HTTP:
                return why
            retry_after = (e.headers.get("Retry-After") or "").strip() if e.headers else ""
            if retry_after.isdigit():
                wait = float(retry_after)
        except (urllib.error.URLError, OSError, TimeoutError) as e:
            why = str(getattr(e, "reason", "") or e)
        if attempt == options.retries or wait > MAX_WAIT:
            break
        sleep(wait)
    tries = attempt + 1
    return f"{why} ({tries} tr{'y' if tries == 1 else 'ies'})"


def _store_new(items: Iterable[Item], store: Any, analyse: Analyse, report: CycleReport) -> list[str]:
    """Analyse the articles the store does not have; return the ids of all articles read."""
    batch = list(items)
    articles = [i for i in batch if isinstance(i, Article)]
    ids = [a.id for a in articles]
    known = store.stored(ids)
    fresh: list[Item] = []
    queued: set[str] = set()
    for i in batch:
        if isinstance(i, Article):
            if i.id in known or i.id in queued:
                report.known += 1
                continue
            queued.add(i.id)
        fresh.append(i)
    if fresh:
        report.errors.extend(analyse(fresh))
        report.new += len(queued)
    return ids


def inline_analyse(store: Any, *, nlp: Any = None, model: str = "", batch_size: int = 32) -> Analyse:
    """Analyse and store in this process (the model loaded once for the watcher's life)."""
    from .pipeline import AnalyzeOptions
    from .runners.inline import ingest

    def analyse(items: list[Item]) -> list[ItemError]:
        report = ingest(items, store, options=AnalyzeOptions(batch_size=batch_size, model=model), nlp=nlp)
        return report.failed + report.analysis_errors

    return analyse


def follow(options: WatchOptions, store: Any, analyse: Analyse, state_path: Path, *, interval: float,
           once: bool = False, on_cycle: Callable[[CycleReport], None] | None = None,
           sleep: Callable[[float], None] = time.sleep) -> CycleReport:
    """Look every ``interval`` seconds until interrupted (or once); return the last cycle's report."""
    state = WatchState.load(state_path)
    while True:
        started = time.monotonic()
        report = cycle(options, state, store, analyse, state_path, sleep=sleep)
        if on_cycle:
            on_cycle(report)
        if once:
            return report
        sleep(max(0.0, interval - (time.monotonic() - started)))


def default_state_path(db: str) -> Path:
    """Beside a DuckDB file; for a server store (``postgresql://...``), a file in the working folder named
    after the database, so two databases watched from one folder keep their own state."""
    if "://" in db and not db.startswith("duckdb://"):
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", db.rsplit("/", 1)[-1].split("?", 1)[0]) or "server"
        return Path(os.getcwd()) / f"dateline-{name}.watch.json"
    db = db[len("duckdb://"):] if db.startswith("duckdb://") else db
    return Path(f"{db}.watch.json") if db not in (":memory:", "") else Path(os.getcwd()) / "dateline.watch.json"
