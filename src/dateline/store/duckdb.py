"""The embedded DuckDB store: one file, one writer at a time, readers while it writes.

A store keeps its file open while its operations come, and closes it when another process waits for
the file (see ``locks.py``) or after :data:`IDLE_S` without use: `watch`, `run` or `ingest` never keep
queries out for longer than one transaction, and a busy reader (the HTTP API) does not pay for opening
the file on every query. An in-memory store keeps its one connection. Each operation runs on its own
cursor of the open file, so threads never share a DuckDB connection (the HTTP API answers on several).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from .base import SaveStats, Store, StoreError
from .locks import acquire_writer, busy_timeout, others_waiting, release_writer, retry_while_locked, yield_to_waiters
from .migrations import apply_migrations

__all__ = ["DuckDBStore", "SaveStats", "open_duckdb"]

IDLE_S = 1.0  # an open file unused this long is closed, so that nobody waits on an idle store


class DuckDBStore(Store):
    """A Dateline store in a DuckDB file (or ``":memory:"``). Open with :func:`open_duckdb`."""

    dialect = "duckdb"

    def __init__(self, path: str, *, read_only: bool = False, timeout: float | None = None):
        self.path = self.url = path
        self.read_only = read_only
        self.timeout = busy_timeout() if timeout is None else timeout
        self._settings: dict[str, str] = {}
        self._local = threading.local()  # .con: the connection of the operation running in this thread
        self._held: duckdb.DuckDBPyConnection | None = None  # kept until close(): in memory, or asked for as .con
        self._mutex = threading.Condition()
        self._shared: duckdb.DuckDBPyConnection | None = None  # the file, open while operations come
        self._users = 0
        self._last_use = 0.0
        self._reaper: threading.Thread | None = None
        self._writer_key: str | None = None
        if path == ":memory:":
            self._held = duckdb.connect(":memory:")
        elif not read_only:
            self._writer_key = acquire_writer(path)

    # -- connections ---------------------------------------------------------------------------
    def _open(self) -> duckdb.DuckDBPyConnection:
        def once() -> duckdb.DuckDBPyConnection:
            return duckdb.connect(self.path, read_only=self.read_only)

        yield_to_waiters(self.path)
        try:
            con = retry_while_locked(once, what=self.path, timeout=self.timeout, is_locked=_is_lock_conflict,
                                     announce=self.path)
        except duckdb.Error as e:
            raise StoreError(f"cannot open the store {self.path}: {_first_line(e)}") from None
        for name, value in self._settings.items():
            con.execute(f"SET {name} = {value}")
        return con

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        current = getattr(self._local, "con", None)
        if current is not None:  # inside another operation of this thread: share its connection
            yield current
            return
        # each operation gets its own cursor of the open file (a DuckDB connection is not thread-safe)
        con = self._acquire().cursor()
        self._local.con = con
        try:
            yield con
        finally:
            self._local.con = None
            con.close()
            self._release()

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        if self._held is not None:
            return self._held
        with self._mutex:
            if self._shared is not None and others_waiting(self.path):
                # someone waits for the file: no new operation on it; the ones under way finish (within the
                # busy timeout: a stream left unread keeps its operation open), then it goes
                deadline = time.monotonic() + self.timeout
                while self._users > 0 and self._shared is not None and time.monotonic() < deadline:
                    self._mutex.wait(0.05)
                if self._users == 0:
                    self._drop()
            if self._shared is None:
                self._shared = self._open()
                if self._reaper is None or not self._reaper.is_alive():
                    self._reaper = threading.Thread(target=_close_when_idle, args=(weakref.ref(self),),
                                                    name="dateline-store-idle", daemon=True)
                    self._reaper.start()
            self._users += 1
            return self._shared

    def _release(self) -> None:
        if self._held is not None:
            return
        with self._mutex:
            self._users -= 1
            self._last_use = time.monotonic()
            if self._users == 0:
                if others_waiting(self.path):
                    self._drop()
                self._mutex.notify_all()

    def _drop(self) -> None:
        """Close the open file (the mutex held): checkpoints what was written and frees it for others."""
        con, self._shared = self._shared, None
        if con is not None:
            con.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The raw DuckDB connection, kept open (and the file held) until :meth:`close`."""
        if self._held is None:
            self._held = self._open()
        return self._held

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
        """Rows in batches of ``size`` dicts, never the whole result at once (the file is held meanwhile)."""
        with self._connection() as con:
            cur = con.execute(sql, list(params))
            cols = [d[0] for d in cur.description]
            while batch := cur.fetchmany(size):
                yield [dict(zip(cols, row)) for row in batch]

    @contextmanager
    def _transaction(self) -> Iterator["_DuckTx"]:
        with self._connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield _DuckTx(con)
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def _fetch(self, sql: str, params: Sequence[Any] | None) -> tuple[list[str], list[tuple]]:
        with self._connection() as con:
            cur = con.execute(sql, params or [])
            return [d[0] for d in cur.description], cur.fetchall()

    def migrate(self) -> list[str]:
        with self._connection() as con:
            return apply_migrations(con, dialect=self.dialect)

    def limit(self, *, memory: str | None = None, threads: int | None = None) -> None:
        """Bound what DuckDB takes of the machine: its cache (``memory_limit``, e.g. "512MB") and the
        cores it works on (``threads``; by default it takes every core). Kept for every connection."""
        if memory is not None:
            self._settings["memory_limit"] = "'" + memory.replace("'", "") + "'"
        if threads is not None:
            self._settings["threads"] = str(int(threads))
        if self._held is not None:
            for name, value in self._settings.items():
                self._held.execute(f"SET {name} = {value}")

    def close(self) -> None:
        with self._mutex:
            self._drop()
        if self._held is not None:
            self._held.close()
            self._held = None
        if self._writer_key is not None:
            release_writer(self._writer_key)
            self._writer_key = None

    def __enter__(self) -> "DuckDBStore":
        return self


class _DuckTx:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(sql, list(params))
        return cur.fetchall() if cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.con.executemany(sql, rows)

    def insert(self, table: str, columns: str, rows: list[tuple], *, conflict: str = "ON CONFLICT DO NOTHING",
               now_column: str | None = None) -> None:
        """Insert rows column-wise in one statement: executemany runs one statement per row, 30-50x slower."""
        if not rows:
            return
        values = [list(col) for col in zip(*rows)]
        select = ", ".join(f"unnest(${i + 1})" for i in range(len(values)))
        extra_col, extra_val = (f", {now_column}", ", now()") if now_column else ("", "")
        self.con.execute(f"INSERT INTO {table} ({columns}{extra_col}) SELECT {select}{extra_val} {conflict}", values)


def _close_when_idle(ref: "weakref.ref[DuckDBStore]") -> None:
    """A store's watcher thread: closes its file once unused for IDLE_S, or as soon as another process
    waits for it between two operations; ends when the file is closed (the next open starts another)."""
    while True:
        time.sleep(0.05)
        store = ref()
        if store is None:
            return
        with store._mutex:
            if store._shared is not None and store._users == 0 and (
                    time.monotonic() - store._last_use > IDLE_S or others_waiting(store.path)):
                store._drop()
            if store._shared is None:
                return
        del store


def _is_lock_conflict(e: Exception) -> bool:
    # another process holds the file; or this process holds it in the other mode (read-only vs writing)
    text = str(e).lower()
    return isinstance(e, duckdb.Error) and ("could not set lock" in text or "different configuration" in text)


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def open_duckdb(path: str | Path = "dateline.duckdb", *, read_only: bool = False,
                timeout: float | None = None) -> DuckDBStore:
    """Open (creating if needed) a store file and bring its schema up to date. Read-only: the file must
    exist. A writer is refused with :class:`StoreBusy` while another process writes the same file."""
    path = str(path)
    if path != ":memory:":
        p = Path(path)
        if p.is_dir():
            raise StoreError(f"the store {path} is a folder, not a DuckDB file")
        if read_only and not p.exists():
            raise StoreError(f"no store at {path}: run `dateline ingest` or `dateline demo` first")
        if not read_only:
            p.parent.mkdir(parents=True, exist_ok=True)
    store = DuckDBStore(path, read_only=read_only, timeout=timeout)
    try:
        if read_only:
            store.query("SELECT 1")  # fails here, not at the first query, on a file that is no store
        else:
            store.migrate()
    except BaseException:
        store.close()
        raise
    return store
