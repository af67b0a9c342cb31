"""One writer per store file, readers while it writes.

DuckDB lets one process open a file for writing and then nobody else, not even to read. So a store
gives its file up between operations whenever another process waits for it, and after a short idle
time in any case; a process that finds the file taken tries again for a bounded time
(``DATELINE_BUSY_TIMEOUT``), then says the store is busy. While it waits it holds a shared lock on
``<db>.wait``: that is how the holder learns someone waits, and a process about to open the file lets
the waiters in first (up to a second), so back-to-back transactions cannot starve a reader, nor a
stream of queries a writer. Writers are kept to one at a time by an advisory lock on ``<db>.lock``, held
for the writer's whole life: a second writer is refused at once with who holds it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from .base import StoreBusy, StoreError

try:
    import fcntl
except ImportError:  # not on Windows: no cross-process writer lock there
    fcntl = None  # type: ignore[assignment]

T = TypeVar("T")
BUSY_TIMEOUT_S = 30.0  # how long a reader or a transaction waits for the file before "store is busy"

# lock file -> [fd, users]: several writing stores of one process share the lock (tests, the API)
_held: dict[str, list[int]] = {}


def busy_timeout() -> float:
    """``DATELINE_BUSY_TIMEOUT`` seconds, else :data:`BUSY_TIMEOUT_S`."""
    raw = os.environ.get("DATELINE_BUSY_TIMEOUT", "")
    try:
        return max(0.0, float(raw)) if raw else BUSY_TIMEOUT_S
    except ValueError:
        raise StoreError(f"DATELINE_BUSY_TIMEOUT must be a number of seconds, not {raw!r}") from None


def acquire_writer(db_path: str) -> str:
    """Take the writer lock of a store file; raise :class:`StoreBusy` naming the holder when taken."""
    key = os.path.realpath(db_path) + ".lock"
    if key in _held:
        _held[key][1] += 1
        return key
    if fcntl is None:
        return key
    try:
        fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise StoreError(f"cannot write beside the store {db_path}: {e.strerror}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
        os.close(fd)
        raise StoreBusy(f"the store {db_path} is being written by {holder}; one writer at a time: wait for it to "
                        "finish (or stop it) and try again") from None
    os.ftruncate(fd, 0)
    os.write(fd, f"pid {os.getpid()} ({_command()})".encode())
    _held[key] = [fd, 1]
    return key


def release_writer(key: str) -> None:
    entry = _held.get(key)
    if entry is None:
        return
    entry[1] -= 1
    if entry[1] == 0:
        del _held[key]
        os.ftruncate(entry[0], 0)
        os.close(entry[0])  # closing the descriptor releases the flock


def retry_while_locked(open_once: Callable[[], T], *, what: str, timeout: float,
                       is_locked: Callable[[Exception], bool], announce: str | None = None) -> T:
    """Call ``open_once`` until it stops failing with a lock conflict, for at most ``timeout`` seconds;
    with ``announce`` (a store path), say so to its writer while waiting (see :func:`yield_to_readers`)."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    waiting: int | None = None
    try:
        while True:
            try:
                return open_once()
            except Exception as e:  # noqa: BLE001 - only lock conflicts are retried; the rest is re-raised
                if not is_locked(e):
                    raise
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"the store {what} is busy: another process kept it for over {timeout:g} s; "
                                    "try again (DATELINE_BUSY_TIMEOUT sets the wait)") from None
                if announce and waiting is None and fcntl is not None:
                    waiting = _wait_file(announce)
                    if waiting is not None:
                        fcntl.flock(waiting, fcntl.LOCK_SH)
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
    finally:
        if waiting is not None:
            os.close(waiting)


def others_waiting(db_path: str) -> bool:
    """Whether a process waits for the store file (holds the shared lock on ``<db>.wait``)."""
    path = os.path.realpath(db_path) + ".wait"
    if fcntl is None or not os.path.exists(path):
        return False
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def yield_to_waiters(db_path: str, *, most: float = 1.0) -> None:
    """Before taking the file again: wait (up to ``most`` seconds) while another process waits for it."""
    if fcntl is None or not os.path.exists(os.path.realpath(db_path) + ".wait"):
        return
    fd = _wait_file(db_path)
    if fd is None:
        return
    try:
        deadline = time.monotonic() + most
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return  # nobody waits (closing the descriptor below drops the lock)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return
                time.sleep(0.002)
    finally:
        os.close(fd)


def _wait_file(db_path: str) -> int | None:
    try:
        return os.open(os.path.realpath(db_path) + ".wait", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only folder: readers still retry, only without the signal
        return None


def _command() -> str:
    words = [os.path.basename(sys.argv[0] or "python"), *sys.argv[1:]]
    # the verb, not the inputs: `dateline --db x run`, never a long list of files
    text = " ".join(w for w in words[:4])
    return text[:80]
