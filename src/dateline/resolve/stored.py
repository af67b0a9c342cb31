"""Occurrences in the store: kept up to date inside :meth:`Store.save`, rebuilt from scratch on demand.

:func:`update` runs in the save's transaction. A re-saved article first gives back its reports (an
occurrence left with none is deleted, the others are recomputed from the reports they keep); then only
the new articles' reports are matched, against candidate occurrences looked up in ``occurrence_buckets``
(migration 008) by type family, week and the countries of the sides and place, never against the whole
store. Candidates are read as summaries (the occurrence's row and record: parties, place, days, words,
the sides and places of its reports); only those a report joins have their reports loaded. An
occurrence that changes is deleted and written again with its bucket rows. SQL is portable (DuckDB and
PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .identity import HAPPENED, PLACEABLE_DAYS, Party, Place, Report, family
from .linking import (Changes, Occurrence, Pool, link, occurrence_buckets, occurrence_id, report_buckets,
                      report_constraints, side_key)
from .reports import reports_of

IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"
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
    kept = _take_out(tx, list(replaced), dialect)
    analyses = list(analyses)
    happened = [e.id for a in analyses for e in a.events if e.status in HAPPENED]
    return link_reports(tx, [r for a in analyses for r in reports_of(a)], kept, dialect, happened)


def link_reports(tx: Any, reports: list[Report], kept: dict[str, Occurrence] | None = None,
                 dialect: str = "duckdb", happened: list[str] | None = None) -> Changes:
    """Link ``reports`` (of articles not linked before) into the stored occurrences and write what changed;
    ``kept``: occurrences already loaded whole (those re-saved articles left), recomputed and written too;
    ``happened``: the ids of those articles' events that happened (reports or not: those that joined none
    are written as unplaced)."""
    kept = kept or {}
    summaries = _candidates(tx, reports, set(kept), dialect)
    raw = _raw_reports(tx, [o.id for o in summaries], dialect)
    pool = Pool([*summaries, *kept.values()], load=lambda partial: _fill(raw, partial))
    loaded = set(pool.by_id)
    changes = link(reports, pool)
    for o in kept.values():  # recomputed from the reports they keep, even when nothing new joined them
        changes.touched.setdefault(o.id, o)
    _write(tx, changes, loaded=loaded)
    _write_events(tx, changes, loaded, happened if happened is not None else [r.event_id for r in reports])
    return changes


def _take_out(tx: Any, article_ids: list[str], dialect: str) -> dict[str, Occurrence]:
    """Remove the reports of re-saved articles; the occurrences that keep other reports, recomputed."""
    if not article_ids:
        return {}
    hit = [r[0] for r in tx.execute(
        f"SELECT DISTINCT occurrence_id FROM occurrence_reports WHERE article_id {IN_LIST}", [article_ids])]
    if not hit:
        return {}
    tx.execute(f"DELETE FROM occurrence_reports WHERE article_id {IN_LIST}", [article_ids])
    tx.execute(f"DELETE FROM occurrence_events WHERE article_id {IN_LIST}", [article_ids])
    kept = _load(tx, hit, dialect)
    gone = [i for i in hit if i not in kept]
    if gone:
        tx.execute(f"DELETE FROM occurrences WHERE id {IN_LIST}", [gone])
        tx.execute(f"DELETE FROM occurrence_buckets WHERE occurrence_id {IN_LIST}", [gone])
    return kept


def _probes(reports: list[Report]) -> list[tuple[str, int, str | None, str | None, str | None]]:
    """(type, week, actor country, target country, place country) rows to look candidates up by, one per
    type of a report's family, week it can reach and reading (a meeting: both ways round); None where the
    report does not constrain that side."""
    from .identity import same_act_pairs

    members: dict[str, set[str]] = defaultdict(set)
    for (a, _), (b, _) in same_act_pairs():
        members[family(a)] |= {a, b}
    probes: set[tuple[str, int, str | None, str | None, str | None]] = set()
    for r in reports:
        if r.days > PLACEABLE_DAYS:
            continue  # never placed: no candidates to find
        types = members.get(family(r.type)) or {r.type}
        for need in report_constraints(r, recipient_too=r.tier < 2):
            keys = {k.split(":")[0]: k.split(":", 1)[1] for keys in need for k in keys[:1]}
            for _, w in report_buckets(r):
                for t in types:
                    probes.add((t, w, keys.get("a"), keys.get("r"), keys.get("p")))
    return sorted(probes, key=lambda p: (p[0], p[1], *(x or "" for x in p[2:])))


def _candidates(tx: Any, reports: list[Report], exclude: set[str], dialect: str) -> list[Occurrence]:
    """Stored occurrences that may take one of the reports, as summaries: one query over the bucket rows
    of the reports' types and weeks whose sides are of the reports' countries (or of none known)."""
    probes = _probes(reports)
    if not probes:
        return []
    types, weeks, actors, targets, places = (list(col) for col in zip(*probes))
    rows = tx.execute(
        "SELECT DISTINCT b.occurrence_id FROM occurrence_buckets b JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS t, "
        "unnest(CAST(? AS BIGINT[])) AS w, unnest(CAST(? AS VARCHAR[])) AS a, unnest(CAST(? AS VARCHAR[])) AS r, "
        "unnest(CAST(? AS VARCHAR[])) AS p) q ON b.type = q.t AND b.week = q.w "
        "WHERE b.week BETWEEN ? AND ? "
        "AND (q.a IS NULL OR b.actor_key = q.a OR b.actor_key = '?') "
        "AND (q.r IS NULL OR b.recipient_key = q.r OR b.recipient_key = '?') "
        "AND (q.p IS NULL OR b.place_key = q.p OR b.place_key = '?')",
        [types, weeks, actors, targets, places, min(weeks), max(weeks)])
    wanted = sorted({r[0] for r in rows} - exclude)
    return _summaries(tx, wanted, dialect) if wanted else []


def _raw_reports(tx: Any, ids: list[str], dialect: str) -> dict[str, list[tuple[str, Any, Any]]]:
    """The stored reports of these occurrences, unparsed (parsed only for those a report joins): one
    query for a batch, where a query per joined occurrence cost 10 ms each."""
    out: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
    if ids:
        for oid, eid, report, why in _records(tx, dialect, "occurrence_reports", f"occurrence_id {IN_LIST}", [ids],
                                              "occurrence_id, event_id, report, why", "occurrence_id, event_id"):
            out[oid].append((eid, report, why))
    return out


def _summaries(tx: Any, ids: list[str], dialect: str) -> list[Occurrence]:
    """Occurrences as their rows and records say, without their reports (``partial``)."""
    out = []
    for oid, founder, type_, mode, start, end, precise, record in _records(
            tx, dialect, "occurrences", f"id {IN_LIST}", [ids], "id, founder, type, mode, start_date, end_date, "
            "precise, record"):
        rec = _json(record)
        actor, recipient = Party.from_dict(rec.get("actor")), Party.from_dict(rec.get("recipient"))
        place = Place.from_dict(rec.get("place"))
        sides = [(Party.from_dict(a), Party.from_dict(t)) for a, t in rec.get("sides") or []] or [(actor, recipient)]
        places = [Place.from_dict(p) for p in rec.get("places") or []] or ([place] if place else [])
        out.append(Occurrence(oid, founder, type=type_, mode=mode, actor=actor, recipient=recipient, place=place,
                              start=_day(start), end=_day(end), precise=bool(precise),
                              words=frozenset(rec.get("words") or ()), sides=sides, places=places, partial=True))
    return out


def _fill(raw: dict[str, list[tuple[str, Any, Any]]], partial: list[Occurrence]) -> None:
    """Parse the stored reports of summaries (a report is about to join them) and recompute them."""
    for o in partial:
        o.reports, o.why, o.stored = [], {}, set()
        for eid, report, why in raw.get(o.id, []):
            o.reports.append(Report.from_dict(_json(report)))
            o.why[eid] = _json(why)
            o.stored.add(eid)
        o.refresh()


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _load(tx: Any, ids: list[str], dialect: str = "duckdb") -> dict[str, Occurrence]:
    """Occurrences with their stored reports, recomputed from them (those left with none are absent)."""
    founders = dict(tx.execute(f"SELECT id, founder FROM occurrences WHERE id {IN_LIST}", [ids]))
    out: dict[str, Occurrence] = {}
    for oid, rows in _raw_reports(tx, sorted(founders), dialect).items():
        o = out[oid] = Occurrence(oid, founders[oid], partial=True)
        _fill({oid: rows}, [o])
        o.partial = False
    return out


def _write(tx: Any, changes: Changes, loaded: set[str]) -> None:
    """Delete what was removed or changed (rows and bucket rows), then write the changed ones whole: one
    statement each, where an UPDATE a row costs a statement a row."""
    touched = list(changes.touched.values())
    rewritten = sorted(changes.removed | {o.id for o in touched if o.id in loaded})
    if changes.removed:
        tx.execute(f"DELETE FROM occurrence_reports WHERE occurrence_id {IN_LIST}", [sorted(changes.removed)])
    if rewritten:
        tx.execute(f"DELETE FROM occurrences WHERE id {IN_LIST}", [rewritten])
        tx.execute(f"DELETE FROM occurrence_buckets WHERE occurrence_id {IN_LIST}", [rewritten])
    if not touched:
        return
    _unique_ids(tx, [o for o in touched if o.id not in loaded])
    stored = {e for o in touched if o.id in loaded for e in o.stored}  # rows already there (merged ones deleted)
    tx.insert("occurrences", OCCURRENCE_COLUMNS, [_row(o) for o in touched])
    tx.insert("occurrence_buckets", "occurrence_id, type, week, actor_key, recipient_key, place_key",
              [row for o in touched for row in _bucket_rows(o)], conflict="")
    # reports new to the store, and those of a merged occurrence (deleted above) written under their new one
    tx.insert("occurrence_reports", "event_id, occurrence_id, article_id, report, why",
              [(r.event_id, o.id, r.article_id, json.dumps(r.to_dict(), ensure_ascii=False),
                json.dumps(o.why.get(r.event_id, {}), ensure_ascii=False))
               for o in touched for r in o.reports if r.event_id not in stored])


def _write_events(tx: Any, changes: Changes, loaded: set[str], happened: list[str]) -> None:
    """The occurrence_events rows (migration 009) of the events placed in changed occurrences, and of the
    new events that happened and joined none; their columns are copied from events."""
    placed = {r.event_id: o for o in changes.touched.values() for r in o.reports}
    rewritten = sorted(changes.removed | {i for i in changes.touched if i in loaded})
    if rewritten:
        tx.execute(f"DELETE FROM occurrence_events WHERE occurrence_id {IN_LIST}", [rewritten])
    ids = sorted(set(placed) | set(happened))
    if not ids:
        return
    tx.execute(f"DELETE FROM occurrence_events WHERE id {IN_LIST}", [ids])
    occ = [placed[i].id if i in placed else None for i in ids]
    starts = [str(placed[i].start) if i in placed else None for i in ids]
    ends = [str(placed[i].end) if i in placed else None for i in ids]
    why = [json.dumps(placed[i].why.get(i, {}), ensure_ascii=False) if i in placed else None for i in ids]
    tx.execute(
        f"INSERT INTO occurrence_events ({EVENT_COLUMNS}) SELECT e.id, m.occ, CAST(m.s AS DATE), CAST(m.en AS DATE), "
        "e.article_id, e.type, e.mode, e.cameo, e.status, e.confidence, e.actor_name, e.actor_country, e.actor_code, "
        "e.recipient_name, e.recipient_country, e.recipient_code, e.date_start, e.date_end, e.date_value, "
        "e.trigger_text, e.sentence, e.location, e.location_country, a.source, a.published, a.url, a.title, "
        "CAST(m.why AS JSON) FROM events e JOIN articles a ON a.id = e.article_id JOIN (SELECT "
        "unnest(CAST(? AS VARCHAR[])) AS id, unnest(CAST(? AS VARCHAR[])) AS occ, unnest(CAST(? AS VARCHAR[])) AS s, "
        "unnest(CAST(? AS VARCHAR[])) AS en, unnest(CAST(? AS VARCHAR[])) AS why) m ON e.id = m.id "
        "WHERE e.status IN ('occurred', 'reported') ORDER BY coalesce(CAST(m.s AS DATE), e.date_start, e.date_end), e.id",
        [ids, occ, starts, ends, why])


EVENT_COLUMNS = (
    "id, occurrence_id, occ_start, occ_end, article_id, type, mode, cameo, status, confidence, actor_name, "
    "actor_country, actor_code, recipient_name, recipient_country, recipient_code, date_start, date_end, date_value, "
    "trigger_text, sentence, location, location_country, source, published, url, title, why")


def _bucket_rows(o: Occurrence) -> list[tuple]:
    keys = (side_key("a", o.actor)[2:], side_key("r", o.recipient)[2:],
            (o.place.country or "?") if o.place else "?")
    return [(o.id, o.type, w, *keys) for _, w in occurrence_buckets(o)]


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
              "place": p.to_dict() if p else None, "words": sorted(o.words),
              "sides": [[x.to_dict() if x else None, y.to_dict() if y else None] for x, y in o.sides],
              "places": [q.to_dict() for q in o.places]}
    return (o.id, o.founder, o.type, o.mode, a.label if a else None, a.country if a else None,
            a.kind if a else None, t.label if t else None, t.country if t else None, t.kind if t else None,
            str(o.start), str(o.end), o.precise, p.name if p else None, p.country if p else None,
            p.admin1 if p else None, p.level if p else None, len(o.reports), o.articles,
            json.dumps(record, ensure_ascii=False))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def rebuild(store: Any, *, batch: int = 2000, on_batch: Any = None) -> dict[str, int]:
    """Recompute every occurrence from the stored events, articles in published order, ``batch`` at a
    time (each batch linked incrementally, as saving them would). Each batch's reports are read from the
    rows of its events, entities and places, not by rebuilding whole analyses."""
    ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY published_date, published, id")]
    with store._transaction() as tx:
        for table in ("occurrence_reports", "occurrence_buckets", "occurrence_events", "occurrences"):
            tx.execute(f"DELETE FROM {table}")
    for i in range(0, len(ids), batch):
        with store._transaction() as tx:
            part = ids[i:i + batch]
            happened = [r[0] for r in tx.execute(f"SELECT id FROM events WHERE article_id {IN_LIST} "
                                                  "AND status IN ('occurred', 'reported')", [part])]
            link_reports(tx, stored_reports(tx, part, store.dialect), dialect=store.dialect, happened=happened)
        if on_batch is not None:
            on_batch(min(i + batch, len(ids)), len(ids))
    got = store.query("SELECT count(*) AS n, coalesce(sum(n_reports), 0) AS r FROM occurrences")[0]
    return {"articles": len(ids), "occurrences": int(got["n"]), "reports": int(got["r"])}


def stored_reports(tx: Any, article_ids: list[str], dialect: str = "duckdb") -> list[Report]:
    """The reports of stored articles, as :func:`reports_of` reads them from their analyses, in the
    order of ``article_ids``. Records are read as plain attribute trees (decoding them into the model's
    records costs a millisecond each, most of a rebuild)."""
    from types import SimpleNamespace

    def tree(record: Any) -> Any:
        return json.loads(record if isinstance(record, str) else json.dumps(record),
                          object_hook=lambda d: SimpleNamespace(**d))

    by: dict[str, SimpleNamespace] = {}
    for aid, published in tx.execute(f"SELECT id, published FROM articles WHERE id {IN_LIST}", [article_ids]):
        by[aid] = SimpleNamespace(article=SimpleNamespace(id=aid, published=published), entities=[], places=[],
                                  events=[])
    for aid, eid, etype in tx.execute(f"SELECT article_id, id, type FROM entities WHERE article_id {IN_LIST}",
                                      [article_ids]):
        by[aid].entities.append(SimpleNamespace(id=eid, type=etype))
    happened = " AND status IN ('occurred', 'reported') AND date_start IS NOT NULL"
    for table, more, out in (("places", "", "places"), ("events", happened, "events")):
        for aid, record in _records(tx, dialect, table, f"article_id {IN_LIST}{more}", [article_ids]):  # noqa
            getattr(by[aid], out).append(tree(record))
    return [r for aid in article_ids if aid in by for r in reports_of(by[aid])]


def _records(tx: Any, dialect: str, table: str, where: str, params: list, columns: str = "article_id, record",
             order: str = "id") -> list[tuple]:
    """``columns`` of the rows of ``table`` matching ``where``, in ``order``. In DuckDB the rows are found
    first and their columns read after, by row id (a range its zone maps prune): a filter on a join
    reads every value of every column asked for, the JSON ones included (6 s a batch at a million
    events). PostgreSQL reads them through its indexes."""
    if dialect != "duckdb":
        return tx.execute(f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {order}", params)
    rowids = sorted(r[0] for r in tx.execute(f"SELECT rowid FROM {table} WHERE {where}", params))
    if not rowids:
        return []
    return tx.execute(f"SELECT {columns} FROM {table} WHERE rowid BETWEEN ? AND ? AND rowid IN "
                      f"(SELECT unnest(CAST(? AS BIGINT[]))) ORDER BY {order}", [rowids[0], rowids[-1], rowids])
