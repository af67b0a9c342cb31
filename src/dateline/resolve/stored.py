"""Occurrences in the store: kept up to date inside :meth:`Store.save`, rebuilt from scratch on demand.

:func:`update` runs in the save's transaction. A re-saved article first gives back its reports (an
occurrence left with none is deleted, the others are recomputed from the reports they keep); then only
the new articles' reports are matched, against candidate occurrences found by type, mode and days
(``occurrences_type_days``), never against the whole store. SQL is portable (DuckDB and PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .identity import GAP_DAYS, PLACEABLE_DAYS, WEAK_DAYS, Report
from .linking import Changes, Occurrence, link, occurrence_id
from .reports import reports_of

IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"
MARGIN = dt.timedelta(days=PLACEABLE_DAYS + WEAK_DAYS + GAP_DAYS)  # how far a candidate's days may lie
LOCK_KEY = 7_204_301_914  # PostgreSQL: concurrent writers link one at a time (advisory lock, held to commit)

OCCURRENCE_COLUMNS = (
    "id, founder, type, mode, actor_name, actor_country, actor_kind, recipient_name, recipient_country, "
    "recipient_kind, start_date, end_date, precise, place, place_country, place_admin1, place_level, n_reports, "
    "n_articles, record")


def update(tx: Any, dialect: str, analyses: Iterable[Any], replaced: Sequence[str]) -> Changes:
    """Link the reports of ``analyses`` (just saved) into the stored occurrences; ``replaced`` are the ids
    of articles that were stored before (their old reports are taken out first)."""
    if dialect == "postgresql":
        tx.execute("SELECT pg_advisory_xact_lock(?)", [LOCK_KEY])
    kept = _take_out(tx, list(replaced))
    reports = [r for a in analyses for r in reports_of(a)]
    pool = _candidates(tx, reports, exclude=set(kept))
    pool += list(kept.values())
    changes = link(reports, pool)
    for o in kept.values():  # recomputed from the reports they keep, even when nothing new joined them
        changes.touched.setdefault(o.id, o)
    _write(tx, changes, loaded={o.id for o in pool})
    return changes


def _take_out(tx: Any, article_ids: list[str]) -> dict[str, Occurrence]:
    """Remove the reports of re-saved articles; the occurrences that keep other reports, recomputed."""
    if not article_ids:
        return {}
    hit = [r[0] for r in tx.execute(
        f"SELECT DISTINCT occurrence_id FROM occurrence_reports WHERE article_id {IN_LIST}", [article_ids])]
    if not hit:
        return {}
    tx.execute(f"DELETE FROM occurrence_reports WHERE article_id {IN_LIST}", [article_ids])
    kept = _load(tx, hit)
    gone = [i for i in hit if i not in kept]
    if gone:
        tx.execute(f"DELETE FROM occurrences WHERE id {IN_LIST}", [gone])
    return kept


def _windows(reports: list[Report]) -> dict[tuple[str, str], list[tuple[dt.date, dt.date]]]:
    """Per (type, mode), the merged day ranges candidates must overlap: one query per range."""
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for r in reports:
        if r.days > PLACEABLE_DAYS:
            continue  # never placed: no candidates to find
        spans[(r.type, r.mode or "")].append((r.start - MARGIN, r.end + MARGIN))
    out: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {}
    for key, items in spans.items():
        merged: list[list[dt.date]] = []
        for lo, hi in sorted(items):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        out[key] = [(lo, hi) for lo, hi in merged]
    return out


def _candidates(tx: Any, reports: list[Report], exclude: set[str]) -> list[Occurrence]:
    """Stored occurrences of the reports' types and modes whose days lie near theirs: one query, the
    windows passed as parallel lists."""
    windows = [(t, m, str(lo), str(hi)) for (t, m), ranges in _windows(reports).items() for lo, hi in ranges]
    if not windows:
        return []
    types, modes, los, his = (list(col) for col in zip(*windows))
    ids = {r[0] for r in tx.execute(
        "SELECT DISTINCT o.id FROM occurrences o JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS t, "
        "unnest(CAST(? AS VARCHAR[])) AS m, unnest(CAST(? AS VARCHAR[])) AS lo, "
        "unnest(CAST(? AS VARCHAR[])) AS hi) w ON o.type = w.t AND coalesce(o.mode, '') = w.m "
        "AND o.start_date <= CAST(w.hi AS DATE) AND o.end_date >= CAST(w.lo AS DATE)",
        [types, modes, los, his])}
    wanted = sorted(ids - exclude)
    return list(_load(tx, wanted).values()) if wanted else []


def _load(tx: Any, ids: list[str]) -> dict[str, Occurrence]:
    """Occurrences with their stored reports, recomputed from them (those left with none are absent)."""
    out: dict[str, Occurrence] = {}
    rows = tx.execute(f"SELECT o.id, o.founder, r.report, r.why FROM occurrences o JOIN occurrence_reports r "
                      f"ON r.occurrence_id = o.id WHERE o.id {IN_LIST} ORDER BY o.id, r.event_id", [ids])
    for oid, founder, report, why in rows:
        o = out.setdefault(oid, Occurrence(oid, founder))
        r = Report.from_dict(_json(report))
        o.reports.append(r)
        o.why[r.event_id] = _json(why)
        o.stored.add(r.event_id)
    for o in out.values():
        o.refresh()
    return out


def _write(tx: Any, changes: Changes, loaded: set[str]) -> None:
    if changes.removed:
        removed = sorted(changes.removed)
        tx.execute(f"DELETE FROM occurrence_reports WHERE occurrence_id {IN_LIST}", [removed])
        tx.execute(f"DELETE FROM occurrences WHERE id {IN_LIST}", [removed])
    touched = list(changes.touched.values())
    if not touched:
        return
    _unique_ids(tx, [o for o in touched if o.id not in loaded])
    stored = {e for o in touched if o.id in loaded for e in o.stored}  # rows already there (merged ones deleted)
    update_rows = [_row(o) for o in touched if o.id in loaded]
    if update_rows:
        cols = [c.strip() for c in OCCURRENCE_COLUMNS.split(",")][1:]
        tx.executemany(f"UPDATE occurrences SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                       [(*row[1:], row[0]) for row in update_rows])
    tx.insert("occurrences", OCCURRENCE_COLUMNS, [_row(o) for o in touched if o.id not in loaded])
    # reports new to the store, and those of a merged occurrence (deleted above) written under their new one
    tx.insert("occurrence_reports", "event_id, occurrence_id, article_id, report, why",
              [(r.event_id, o.id, r.article_id, json.dumps(r.to_dict(), ensure_ascii=False),
                json.dumps(o.why.get(r.event_id, {}), ensure_ascii=False))
               for o in touched for r in o.reports if r.event_id not in stored])


def _unique_ids(tx: Any, new: list[Occurrence]) -> None:
    """A founding event's id may already name an occurrence (one that outlived its founder): salt it."""
    if not new:
        return
    taken = {r[0] for r in tx.execute(f"SELECT id FROM occurrences WHERE id {IN_LIST}", [[o.id for o in new]])}
    for o in new:
        if o.id in taken:
            o.id = occurrence_id(o.founder, taken)
            taken.add(o.id)


def _row(o: Occurrence) -> tuple:
    a, t, p = o.actor, o.recipient, o.place
    record = {"actor": a.to_dict() if a else None, "recipient": t.to_dict() if t else None,
              "place": p.to_dict() if p else None, "words": sorted(o.words)}
    return (o.id, o.founder, o.type, o.mode, a.label if a else None, a.country if a else None,
            a.kind if a else None, t.label if t else None, t.country if t else None, t.kind if t else None,
            str(o.start), str(o.end), o.precise, p.name if p else None, p.country if p else None,
            p.admin1 if p else None, p.level if p else None, len(o.reports), o.articles,
            json.dumps(record, ensure_ascii=False))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def rebuild(store: Any, *, batch: int = 200) -> dict[str, int]:
    """Recompute every occurrence from the stored events, articles in published order, ``batch`` at a
    time (each batch linked incrementally, as saving them would)."""
    ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY published_date, published, id")]
    with store._transaction() as tx:
        tx.execute("DELETE FROM occurrence_reports")
        tx.execute("DELETE FROM occurrences")
    for i in range(0, len(ids), batch):
        analyses = [a for a in (store.analysis(x) for x in ids[i:i + batch]) if a is not None]
        with store._transaction() as tx:
            update(tx, store.dialect, analyses, [])
    got = store.query("SELECT count(*) AS n, coalesce(sum(n_reports), 0) AS r FROM occurrences")[0]
    return {"articles": len(ids), "occurrences": int(got["n"]), "reports": int(got["r"])}
