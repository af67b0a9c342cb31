"""Dateline: news in, an explainable record of who did what to whom, when and where, out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dateline")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"


def open(url: str = "dateline.duckdb", *, write: bool = False):  # noqa: A001 - dateline.open reads as intended
    """Open a store (a DuckDB file or a ``postgresql://`` URL) for the Python API; see ``dateline.api``.

    >>> import dateline
    >>> with dateline.open("dateline.duckdb") as store:       # doctest: +SKIP
    ...     rows = store.events(actor="PRK", since="2019-01-01")
    """
    from .api import open_dateline

    return open_dateline(url, write=write)
