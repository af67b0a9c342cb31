"""What every store offers, and the save logic the backends share.

A backend supplies a connection scope (``_connection``), a transaction (``_transaction``, yielding a
:class:`Tx`) and its own bulk insert. SQL written here and in ``query.py`` is portable: ``?``
placeholders, ``CAST(? AS VARCHAR[])`` for lists, ``record->'a'->>'b'`` for JSON fields, standard types.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import ArticleAnalysis, ItemError, from_dict
from .rows import ARTICLE_COLUMNS, CHILD_TABLES, article_row, error_row, source_row
from .names import save_names

TABLES = ("articles", "article_sources", *CHILD_TABLES, "errors")
IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"  # a list parameter, portable across backends


class StoreError(Exception):
    """The store cannot be opened or used (missing, not a store, unreachable): an environment error."""


class StoreBusy(StoreError):
    """Another process holds the store: a second writer, or a writer that kept it past the wait."""


@dataclass(frozen=True, slots=True)
class SaveStats:
    articles: int
    errors: int


class Tx(Protocol):
    """One open transaction of a backend."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def insert(self, table: str, columns: str, rows: list[tuple], *, conflict: str = "ON CONFLICT DO NOTHING",
               now_column: str | None = None) -> None: ...


class Store:
    """A Dateline store. Open one with :func:`dateline.store.open_store`; use it as a context manager."""

    dialect = "?"
    url: str
    read_only: bool

    # -- what a backend supplies ---------------------------------------------------------------
    def _transaction(self) -> Any:  # a context manager yielding a Tx
        raise NotImplementedError

    def _fetch(self, sql: str, params: Sequence[Any] | None) -> tuple[list[str], list[tuple]]:
        raise NotImplementedError

    @contextmanager
    def _connection(self) -> Iterator[None]:
        """Keep one connection for the queries inside (backends that connect per operation)."""
        yield

    def _lock_articles(self, tx: Tx, ids: list[str]) -> None:
        """Serialise concurrent writers of the same articles (a backend with many writers)."""

    def close(self) -> None:
        raise NotImplementedError

    def limit(self, *, memory: str | None = None, threads: int | None = None) -> None:
        """Bound what the store takes of this machine (an embedded backend); a server ignores it."""

    # -- writing -------------------------------------------------------------------------------
    def save(self, analyses: Iterable[ArticleAnalysis]) -> SaveStats:
        """Upsert analyses: an article's rows are replaced as a whole, so a re-run never doubles."""
        batch = list(analyses)
        if not batch:
            return SaveStats(0, 0)
        by_id = {a.article.id: a for a in batch}  # the same text twice in one batch is one article
        ids = list(by_id)
        errors = [e for a in batch for e in a.errors]
        with self._transaction() as tx:
            self._lock_articles(tx, ids)
            # only articles stored before can have old rows to replace; skipping the deletes for new ones
            # keeps a load from scanning every child table per batch (time would grow with the store)
            existing = [r[0] for r in tx.execute(f"SELECT id FROM articles WHERE id {IN_LIST}", [ids])]
            tx.insert("articles", ARTICLE_COLUMNS, [article_row(a) for a in by_id.values()], now_column="analysed_at",
                      # the published date travels with the analysis: the one stored last dates the article
                      # and everything derived from it (each outlet's own date stays in article_sources)
                      conflict="ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, "
                      "published = excluded.published, published_date = excluded.published_date, "
                      "provenance = excluded.provenance, analysed_at = excluded.analysed_at")
            tx.insert("article_sources", "article_id, source, url, published, origin",
                      sorted({source_row(a) for a in batch}, key=_sort_key))
            for table, (columns, build) in CHILD_TABLES.items():
                if existing:
                    tx.execute(f"DELETE FROM {table} WHERE article_id {IN_LIST}", [existing])
                tx.insert(table, columns, [r for a in by_id.values() for r in build(a)])
            # the names a name filter is matched against (migration 011): theirs, added when new
            save_names(tx, by_id.values())
            # the new reports joined to the stored occurrences (only theirs: no recompute of the rest)
            from ..resolve.stored import update as update_occurrences

            update_occurrences(tx, self.dialect, by_id.values(), existing)
            # an article's analysis errors are part of its analysis: replaced with it
            tx.execute(f"DELETE FROM errors WHERE article_id {IN_LIST}", [ids])
            _save_errors(tx, errors)
            # entities, event parties and speakers linked to canonical actors (dateline.actors.store)
            from ..actors.store import save_links

            save_links(tx, list(by_id.values()), existing, self._lock_articles)
        return SaveStats(len(ids), len(errors))

    def save_errors(self, errors: Sequence[ItemError]) -> None:
        if errors:
            with self._transaction() as tx:
                _save_errors(tx, errors)

    # -- reading -------------------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of portable SQL (``?`` placeholders) as dicts. Read models in ``query.py`` use this."""
        cols, rows = self._fetch(sql, params)
        return [dict(zip(cols, row)) for row in rows]

    def stored(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids the store holds."""
        if not ids:
            return set()
        return {r["id"] for r in self.query(f"SELECT id FROM articles WHERE id {IN_LIST}", [list(ids)])}

    def counts(self) -> dict[str, int]:
        sql = " UNION ALL ".join(f"SELECT '{t}' AS t, count(*) AS n FROM {t}" for t in TABLES)
        got = {r["t"]: int(r["n"]) for r in self.query(sql)}
        return {t: got[t] for t in TABLES}

    def analysis(self, article_id: str) -> ArticleAnalysis | None:
        """The stored analysis of one article, rebuilt as records."""
        with self._connection():
            rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
            if not rows:
                return None
            r = rows[0]
            article = {k: r[k] for k in ("id", "text", "title", "standfirst", "published", "source", "url",
                                          "author", "language", "origin")}
            article["meta"] = _json(r["meta"]) or {}
            data: dict[str, Any] = {"article": article, "provenance": _json(r["provenance"]) or {},
                                    "summary": _json(r["summary"])}
            for table in CHILD_TABLES:
                recs = self.query(f"SELECT record FROM {table} WHERE article_id = ? ORDER BY id", [article_id])
                data[table] = [_json(x["record"]) for x in recs]
            data["errors"] = [
                {k: e[k] for k in ("origin", "stage", "code", "message", "article_id")}
                for e in self.query("SELECT * FROM errors WHERE article_id = ? ORDER BY id", [article_id])
            ]
        return from_dict(ArticleAnalysis, data)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _save_errors(tx: Tx, errors: Sequence[ItemError]) -> None:
    if errors:
        tx.executemany(
            "INSERT INTO errors (id, origin, stage, code, message, article_id, first_seen, last_seen, count) "
            "VALUES (?, ?, ?, ?, ?, ?, now(), now(), 1) ON CONFLICT (id) DO UPDATE SET "
            "message = excluded.message, last_seen = excluded.last_seen, count = errors.count + 1",
            [error_row(e) for e in errors],
        )


def _sort_key(row: tuple) -> tuple:
    return tuple("" if v is None else str(v) for v in row)


def _json(value: Any) -> Any:
    if value is None or value == "":
        return None
    return json.loads(value) if isinstance(value, str) else value
