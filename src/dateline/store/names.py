"""Stored names (migration 011): every entity name and event actor or recipient name once, with its lower
case, so that a name filter reads the distinct names instead of lower-casing every row.

A filter's text ("gauck", "Kim") stands for the stored names that contain it whatever its case, matched
with the very expression the plain filter uses on the rows (``strpos(lower(name), lower(?)) > 0``, the
lower case written by the same engine), so rows kept by those names are the rows the plain filter keeps
(``query.name_match``). Names are added with every save and never taken out: a name no row carries any more matches no
row, so it changes no answer (the table only grows by names never seen before)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

def analysis_names(analyses: Iterable[Any]) -> set[str]:
    """The names these analyses give entities and the two sides of events."""
    out: set[str] = set()
    for a in analyses:
        out.update(e.name for e in a.entities)
        for ev in a.events:
            out.add(ev.actor.name)
            if ev.recipient is not None:
                out.add(ev.recipient.name)
    out.discard(None)  # type: ignore[arg-type]
    out.discard("")
    return out


def save_names(tx: Any, analyses: Iterable[Any]) -> None:
    """Add the names of these analyses that the store does not hold yet (in one transaction with their rows).
    In name order, so that two PostgreSQL writers adding the same new names wait on each other, never lock."""
    names = sorted(analysis_names(analyses))
    if names:
        tx.execute("INSERT INTO stored_names (name, folded) SELECT n, lower(n) FROM "
                   "(SELECT DISTINCT unnest(CAST(? AS VARCHAR[])) AS n) x ORDER BY n ON CONFLICT DO NOTHING", [names])


def has_names(store: Any) -> bool:
    """Whether the store keeps stored_names (a store made before migration 011 and opened read-only does not)."""
    known = getattr(store, "_has_stored_names", None)
    if known is None:
        known = bool(store.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'stored_names'"))
        store._has_stored_names = known
    return known


def matching(store: Any, text: str, most: int) -> list[str] | None:
    """The stored names that contain ``text`` whatever its case, in name order; None when the store keeps
    no stored names or more than ``most`` match."""
    if not has_names(store):
        return None
    rows = store.query("SELECT name FROM stored_names WHERE strpos(folded, lower(?)) > 0 ORDER BY name LIMIT ?",
                       [text, most + 1])
    return None if len(rows) > most else [r["name"] for r in rows]
