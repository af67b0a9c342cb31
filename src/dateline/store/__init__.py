"""Stores: where analyses are kept and queried. Never imports spaCy.

:func:`open_store` picks the backend from the address: a file path (or ``duckdb:///path``) is an
embedded DuckDB store, ``postgresql://...`` (or ``postgres://``) a PostgreSQL database. Both offer
:class:`Store`: ``save``, ``save_errors``, ``query`` (portable SQL, used by the read models in
``dateline.query``), ``stored``, ``counts``, ``analysis`` and their migrations.
"""

from __future__ import annotations

from pathlib import Path

from .base import SaveStats, Store, StoreBusy, StoreError
from .duckdb import DuckDBStore, open_duckdb

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(url: str | Path) -> bool:
    """Whether ``url`` names a database server rather than a local file."""
    return str(url).startswith(POSTGRES_SCHEMES)


def open_store(url: str | Path = "dateline.duckdb", *, read_only: bool = False) -> Store:
    """Open a store by path (DuckDB file), ``duckdb:///path`` or ``postgresql://user@host/db``.

    Raises :class:`StoreError` when it cannot be opened (read-only: when there is no store yet) and
    :class:`StoreBusy` when another process is writing a DuckDB file this one would write too."""
    url = str(url)
    if is_server_url(url):
        from .postgres import open_postgres

        return open_postgres(url, read_only=read_only)
    if url.startswith("duckdb://"):
        url = url[len("duckdb://"):] or ":memory:"
    return open_duckdb(url, read_only=read_only)


__all__ = ["DuckDBStore", "SaveStats", "Store", "StoreBusy", "StoreError", "is_server_url", "open_duckdb",
           "open_store"]
