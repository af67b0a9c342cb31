"""The Python API: ``dateline.open(...)`` and the same read models the CLI and the HTTP API use.

    import dateline
    with dateline.open("dateline.duckdb") as store:
        visits = store.events(actor="PRK", type="CONSULT", since="2018-01-01")

Listings are :class:`Records`: a list of plain dicts, with ``.df()`` for a pandas DataFrame when pandas
is installed (it is not a dependency). Filters are checked as the CLI checks them (``dateline.filters``):
a bad one raises :class:`dateline.filters.FilterError` naming it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import filters, query
from .store import Store, open_store


class Records(list):
    """Rows as dicts (column -> value), in the read model's order."""

    def df(self) -> Any:
        """The rows as a pandas DataFrame (needs pandas, which Dateline does not install)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Records.df() needs pandas (pip install pandas); the records are plain dicts "
                              "without it") from None
        return pd.DataFrame(list(self))


class Dateline:
    """A store opened for reading (and writing, when opened with ``write=True``)."""

    def __init__(self, store: Store):
        self.store = store

    # -- listings: the filters of the CLI command of the same name ------------------------------
    def articles(self, **given: Any) -> Records:
        return Records(query.articles(self.store, **filters.articles(**given)))

    def entities(self, **given: Any) -> Records:
        return Records(query.entities(self.store, **filters.entities(**given)))

    def places(self, **given: Any) -> Records:
        return Records(query.places(self.store, **filters.places(**given)))

    def dates(self, **given: Any) -> Records:
        return Records(query.dates(self.store, **filters.dates(**given)))

    def events(self, **given: Any) -> Records:
        """Coded events, oldest first: ``actor``, ``recipient``, ``type``, ``mode``, ``cameo``, ``since``,
        ``until``, ``status``, ``article``, ``min_confidence``, ``limit`` as in ``dateline events``."""
        return Records(query.events(self.store, **filters.events(**given)))

    def quotes(self, **given: Any) -> Records:
        return Records(query.quotes(self.store, **filters.quotes(**given)))

    def errors(self, **given: Any) -> Records:
        return Records(query.errors(self.store, **filters.errors(**given)))

    def count(self, *, limit: int | None = None, offset: int = 0, **given: Any) -> dict[str, Any]:
        """How many times something happened, with the reports behind each time (``dateline count``);
        ``limit``/``offset`` list one page of the occurrences (``count`` is always all of them)."""
        if (limit is not None and limit < 1) or offset < 0:
            raise ValueError(f"limit must be at least 1 and offset 0 or more, not {limit} and {offset}")
        return query.occurrences(self.store, **filters.occurrences(**given), limit=limit, offset=offset)

    # -- single records --------------------------------------------------------------------------
    def event(self, event_id: str) -> Any:
        """One event's record (a unique id prefix is enough), or None."""
        return query.event(self.store, event_id)

    def article(self, article_id: str) -> Any:
        """One article's whole analysis (a unique id prefix is enough), or None."""
        found = query.find_article_id(self.store, article_id)
        return self.store.analysis(found) if found else None

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return self.store.counts()

    # -- writing ---------------------------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], *, published: str | None = None, source: str = "",
               allow_undated: bool = False) -> Any:
        """Read, analyse and store files or folders, as ``dateline ingest``; the report of what happened."""
        from .ingest import Defaults, ReadOptions, parse_published, read_inputs
        from .runners.inline import ingest

        if self.store.read_only:
            raise PermissionError("this store was opened for reading: dateline.open(..., write=True) to ingest")
        day = parse_published(published) if published else None
        options = ReadOptions(defaults=Defaults(published=day, source=source, require_date=not allow_undated))
        return ingest(read_inputs([str(p) for p in paths], options), self.store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Dateline":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_dateline(url: str | Path = "dateline.duckdb", *, write: bool = False) -> Dateline:
    """Open a store by path or ``postgresql://`` URL; read-only unless ``write``."""
    return Dateline(open_store(url, read_only=not write))
