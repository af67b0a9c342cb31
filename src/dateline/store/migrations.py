"""Named, ordered migrations recorded in one table; each runs once per store."""

from __future__ import annotations

from importlib import resources
from typing import Any


def migration_files() -> list[tuple[str, str]]:
    schema = resources.files("dateline.store") / "schema"
    files = sorted((p.name, p.read_text(encoding="utf-8")) for p in schema.iterdir() if p.name.endswith(".sql"))
    return files


def apply_migrations(con: Any) -> list[str]:
    """Apply the migrations this store has not seen; return their names."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for name, sql in migration_files():
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
