"""Stores: where analyses are kept and queried. Never imports spaCy."""

from .duckdb import DuckDBStore, SaveStats, open_duckdb


def open_store(url: str = "dateline.duckdb", *, read_only: bool = False) -> DuckDBStore:
    """Open a store by path (DuckDB file) or ``duckdb:///path``."""
    if url.startswith("duckdb://"):
        url = url[len("duckdb://"):] or ":memory:"
    return open_duckdb(url, read_only=read_only)


__all__ = ["DuckDBStore", "SaveStats", "open_duckdb", "open_store"]
