"""Named, ordered migrations recorded in one table; each runs once per store.

``schema/NNN_name.sql`` runs on every backend and is written in SQL both understand;
``schema/NNN_name.<dialect>.sql`` (``duckdb`` or ``postgresql``) runs on that backend only.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

DIALECTS = ("duckdb", "postgresql")


def migration_files(dialect: str = "duckdb") -> list[tuple[str, str]]:
    """(name, sql) of the migrations for one backend, in name order."""
    schema = resources.files("dateline.store") / "schema"
    files = []
    for p in schema.iterdir():
        parts = p.name.split(".")
        if parts[-1] != "sql":
            continue
        if len(parts) == 3 and parts[1] != dialect:
            continue
        files.append((p.name, p.read_text(encoding="utf-8")))
    return sorted(files)


def apply_migrations(con: Any, dialect: str = "duckdb") -> list[str]:
    """Apply the migrations this store has not seen; return their names. ``con.execute(sql, params)``
    takes ``?`` placeholders (a DuckDB connection, or the Postgres store's translating executor)."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for name, sql in migration_files(dialect):
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in _statements(sql):
                con.execute(statement)
            con.execute("INSERT INTO migrations VALUES (?, now())", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
