"""Read models shared by the CLI, the HTTP API and the web page. SQL lives here, not in adapters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Where:
    """A WHERE clause built from optional filters, with parameters kept apart from SQL."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, value: Any) -> "Where":
        if value not in (None, ""):
            self.parts.append(sql)
            self.params.append(value)
        return self

    @property
    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def articles(store, *, since: str | None = None, until: str | None = None, source: str | None = None,
             limit: int = 100) -> list[dict[str, Any]]:
    w = (Where().add("published_date >= CAST(? AS DATE)", since).add("published_date <= CAST(? AS DATE)", until)
         .add("lower(source) = lower(?)", source))
    return store.query(
        "SELECT a.id, a.published, a.source, a.title, "
        "(SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS entities, "
        "(SELECT count(*) FROM events v WHERE v.article_id = a.id) AS events, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes "
        f"FROM articles a{w.sql} ORDER BY a.published, a.id LIMIT ?",
        [*w.params, limit],
    )


def entities(store, *, type: str | None = None, country: str | None = None, name: str | None = None,
             limit: int = 100) -> list[dict[str, Any]]:
    """Entities across articles, one row per (name, type, country, sector)."""
    w = (Where().add("type = upper(?)", type).add("country = upper(?)", country)
         .add("lower(name) LIKE '%' || lower(?) || '%'", name))
    return store.query(
        "SELECT name, type, country, sector, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions "
        f"FROM entities{w.sql} GROUP BY name, type, country, sector "
        "ORDER BY articles DESC, mentions DESC, name LIMIT ?",
        [*w.params, limit],
    )


def errors(store, *, limit: int = 100) -> list[dict[str, Any]]:
    return store.query(
        "SELECT origin, stage, code, message, count, last_seen FROM errors ORDER BY last_seen DESC, origin LIMIT ?",
        [limit],
    )


def find_article_id(store, prefix: str) -> str | None:
    """An article id from a unique prefix of it."""
    rows = store.query("SELECT id FROM articles WHERE id LIKE ? || '%' LIMIT 2", [prefix])
    return rows[0]["id"] if len(rows) == 1 else None
