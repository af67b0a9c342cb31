"""Stores: where analyses are kept and queried. Never imports spaCy."""

from pathlib import Path

from .duckdb import DuckDBStore, SaveStats, open_duckdb


def open_store(url: str | Path = "dateline.duckdb", *, read_only: bool = False) -> DuckDBStore:
    """Open a store by path (DuckDB file) or ``duckdb:///path``."""
    url = str(url)
    if url.startswith("duckdb://"):
        url = url[len("duckdb://"):] or ":memory:"
    return open_duckdb(url, read_only=read_only)


__all__ = ["DuckDBStore", "SaveStats", "open_duckdb", "open_store"]
