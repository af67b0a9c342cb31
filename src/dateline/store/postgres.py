"""The PostgreSQL store: a shared server with many readers and concurrent writers (psycopg 3).

The read models' SQL is portable; the differences from DuckDB are handled here:
- placeholders: ``?`` becomes ``%s`` and a literal ``%`` becomes ``%%`` (psycopg's paramstyle);
- JSON columns come back as their text, as DuckDB gives them, not parsed into Python objects;
- bulk inserts are ``executemany`` in a pipeline, where DuckDB inserts whole columns with ``unnest``;
- concurrent writers of the same articles take transaction-scoped advisory locks on their ids (in sorted
  order, so they cannot deadlock), and a transaction that still fails with a deadlock or a serialisation
  failure is tried again;
- migrations are applied under an advisory lock, so two processes starting at once apply them once;
- ``limit()`` (memory, threads) is the server's business and does nothing here.
Each thread gets its own connection, so transactions of concurrent API requests never mix.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .base import Store, StoreError
from .migrations import apply_migrations

MIGRATION_LOCK = 7_204_301_913  # any constant: the advisory lock key migrations run under
RETRIES = 5
_CURSORS = itertools.count()


def to_pyformat(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s``; every literal ``%`` doubled. ``?`` inside quotes stays."""
    out: list[str] = []
    for part in re.split(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")", sql):
        if part[:1] in ("'", '"'):
            out.append(part.replace("%", "%%"))
        else:
            out.append(part.replace("%", "%%").replace("?", "%s"))
    return "".join(out)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore(Store):
    """A Dateline store in a PostgreSQL database. Open with :func:`open_postgres`."""

    dialect = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False):
        self._psycopg = _psycopg()
        self.url, self.read_only = url, read_only
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()
        self.con  # noqa: B018 - connect now, so a wrong address fails at open

    @property
    def con(self) -> Any:
        """This thread's psycopg connection (autocommit; transactions are explicit)."""
        con = getattr(self._local, "con", None)
        if con is None or con.closed:
            con = self._local.con = self._connect()
        return con

    def _connect(self) -> Any:
        psycopg = self._psycopg
        try:
            con = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to {redact(self.url)}: {_first_line(e)}") from None
        from psycopg.types.string import TextLoader

        for name in ("json", "jsonb"):  # JSON as text, as the DuckDB store gives it
            con.adapters.register_loader(name, TextLoader)
        if self.read_only:
            con.execute("SET default_transaction_read_only = on")
        with self._guard:
            self._all.append(con)
        return con

    # -- connections ---------------------------------------------------------------------------
    @contextmanager
    def _transaction(self) -> Iterator["_PgTx"]:
        con = self.con
        with con.transaction():
            yield _PgTx(con)

    def _fetch(self, sql: str, params: Sequence[Any] | None) -> tuple[list[str], list[tuple]]:
        con = self.con
        try:
            cur = con.execute(to_pyformat(sql), list(params or []))
        except self._psycopg.OperationalError as e:
            if con.closed or con.broken:
                raise StoreError(f"lost the connection to {redact(self.url)}: {_first_line(e)}") from None
            raise
        if cur.description is None:
            return [], []
        return [d.name for d in cur.description], cur.fetchall()

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10_000) -> Iterator[list[dict[str, Any]]]:
        """Rows in batches of ``size`` dicts through a server-side cursor, never the whole result at once."""
        con = self.con
        with con.transaction(), con.cursor(name=f"dateline_stream_{next(_CURSORS)}") as cur:
            cur.itersize = size
            cur.execute(to_pyformat(sql), list(params))
            cols = [d.name for d in cur.description]
            while batch := cur.fetchmany(size):
                yield [dict(zip(cols, row)) for row in batch]

    def save(self, analyses):  # type: ignore[no-untyped-def]
        """Upsert analyses (see :meth:`Store.save`), tried again when concurrent writers collide."""
        from psycopg import errors

        batch = list(analyses)
        for attempt in range(RETRIES):
            try:
                return super().save(batch)
            except (errors.DeadlockDetected, errors.SerializationFailure, errors.UniqueViolation):
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _lock_articles(self, tx: "_PgTx", ids: list[str]) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(x, 0) AS k "
                   "FROM unnest(CAST(? AS VARCHAR[])) AS x ORDER BY k) AS s", [sorted(ids)])

    def migrate(self) -> list[str]:
        self.con.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            return apply_migrations(_Executor(self.con), dialect=self.dialect)
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])

    def has_schema(self) -> bool:
        row = self.con.execute("SELECT to_regclass('articles') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def close(self) -> None:
        with self._guard:
            for con in self._all:
                con.close()
            self._all.clear()

    def __enter__(self) -> "PostgresStore":
        return self


class _Executor:
    """A connection that takes ``?`` placeholders (what migrations are written with)."""

    def __init__(self, con: Any):
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        return self.con.execute(to_pyformat(sql), list(params or []))


class _PgTx:
    def __init__(self, con: Any):
        self.con = con

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.con.execute(to_pyformat(sql), list(params))
        return cur.fetchall() if cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.con.cursor() as cur:
            cur.executemany(to_pyformat(sql), rows)

    def insert(self, table: str, columns: str, rows: list[tuple], *, conflict: str = "ON CONFLICT DO NOTHING",
               now_column: str | None = None) -> None:
        if not rows:
            return
        marks = ", ".join("?" * len(rows[0]))
        extra_col, extra_val = (f", {now_column}", ", now()") if now_column else ("", "")
        self.executemany(f"INSERT INTO {table} ({columns}{extra_col}) VALUES ({marks}{extra_val}) {conflict}", rows)


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise StoreError("a PostgreSQL store needs psycopg: pip install 'dateline[postgres]'") from None
    return psycopg


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def open_postgres(url: str, *, read_only: bool = False) -> PostgresStore:
    """Connect to a PostgreSQL database and bring its schema up to date (read-only: it must have one)."""
    store = PostgresStore(url, read_only=read_only)
    try:
        if read_only:
            if not store.has_schema():
                raise StoreError(f"no Dateline store in {redact(url)}: run `dateline --db URL ingest` first")
        else:
            store.migrate()
    except BaseException:
        store.close()
        raise
    return store
