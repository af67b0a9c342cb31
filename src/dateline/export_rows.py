"""The read model behind ``dateline export``: every stored event that passes the filters, with its
article's and its place's fields, read in bounded memory from DuckDB or PostgreSQL.

A store of a million events cannot be sorted or grouped in one query under a small memory limit (DuckDB
then needs far more than its limit for the sort), so events are read a span of days at a time: events are
counted per day first, consecutive days are joined into spans of at most ``CHUNK`` events, and each span is
read whole through a cursor and sorted in Python. Events are filed under their first day, else
their last ("before the published date"); the few with neither come last.
Each stored record is parsed once in Python (DuckDB parses the JSON again for every field read with
``->>``, which costs more), and articles and places are looked up once per span by their ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

BATCH = 5000
CHUNK = 10_000  # events read and sorted at once (each span's rows and articles are held meanwhile)
IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"  # a list parameter, portable across backends
DAY = "coalesce(e.date_start, e.date_end)"  # the day an event is filed under: its first, else its last
COLUMNS = ("e.id, e.article_id, e.type, e.mode, e.cameo, e.status, e.confidence, e.actor_name, e.actor_country, "
           "e.actor_sector, e.recipient_name, e.recipient_country, e.recipient_sector, e.date_value, e.date_start, "
           "e.date_end, e.date_inferred, e.location, e.location_country, e.rule, e.sentence, e.record")


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters of ``dateline events`` (see ``query.events``); None is no filter."""

    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    mode: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    status: str | None = None
    article: str | None = None
    min_confidence: float | None = None


def dialect(store) -> str:
    """'postgresql' or 'duckdb': what the store says, else what its class is called."""
    named = getattr(store, "dialect", None)
    if isinstance(named, str):
        return named
    return "postgresql" if "postgres" in type(store).__name__.lower() else "duckdb"


def where(f: EventFilters) -> tuple[list[str], list[Any]]:
    """The conditions of ``query.events`` for these filters (the same SQL: text matched literally)."""
    from .config import DEFAULT_MIN_CONFIDENCE
    from .query import CONTAINS, PREFIX, Where, like_literal

    floor = DEFAULT_MIN_CONFIDENCE if f.min_confidence is None else f.min_confidence
    w = (Where().add("e.type = upper(?)", f.type).add("lower(e.mode) = lower(?)", f.mode)
         .add(f"e.cameo {PREFIX}", like_literal(f.cameo) if f.cameo else None)
         .add("lower(e.status) = lower(?)", f.status)
         .add("e.article_id = ?", f.article).add("e.confidence >= ?", floor if floor > 0 else None)
         .add("coalesce(e.date_end, e.date_start) >= CAST(? AS DATE)", f.since)
         .add("coalesce(e.date_start, e.date_end) <= CAST(? AS DATE)", f.until))
    for side, value in (("actor", f.actor), ("recipient", f.recipient)):
        if value:
            w.parts.append(f"(lower(e.{side}_name) {CONTAINS} OR e.{side}_country = upper(?) "
                           f"OR upper(e.record->'{side}'->>'code') = upper(?))")
            w.params.extend([like_literal(value), value, value])
    return w.parts, w.params


def _sql_where(parts: list[str]) -> str:
    return (" WHERE " + " AND ".join(parts)) if parts else ""


def stream_rows(store, sql: str, params: Sequence[Any], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    """Rows of a query in batches, never the whole result at once. DuckDB: on a cursor of its own, so the
    lookups made between batches (through ``store.query``) do not end the stream; other stores: their
    ``stream`` (PostgreSQL: a server-side cursor, which other statements of its transaction leave open)."""
    if dialect(store) != "duckdb":
        yield from store.stream(sql, params, size)
        return
    cur = store.con.cursor()
    try:
        cur.execute("SET enable_progress_bar = false")  # stderr is for our messages
        cur.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        while batch := cur.fetchmany(size):
            yield [dict(zip(cols, row)) for row in batch]
    finally:
        cur.close()


def spans(store, parts: list[str], params: list[Any], chunk: int = CHUNK) -> list[tuple[str, str] | None]:
    """Spans of days [first, after) holding at most ``chunk`` events each (a day with more is a span of its
    own), oldest first, then None for the events with no day at all."""
    import datetime as dt

    counts = store.query(f"SELECT {DAY} AS day, count(*) AS n FROM events e{_sql_where(parts)} GROUP BY 1", params)
    days = sorted((str(r["day"])[:10], r["n"]) for r in counts if r["day"] is not None)
    out: list[tuple[str, str] | None] = []
    start, size = None, 0
    for day, n in days:
        if start is not None and size + n > chunk:
            out.append((start, day))
            start, size = None, 0
        start, size = start or day, size + n
    if start is not None:
        out.append((start, (dt.date.fromisoformat(days[-1][0]) + dt.timedelta(days=1)).isoformat()))
    if any(r["day"] is None for r in counts):
        out.append(None)
    return out


def _span_sql(span: tuple[str, str] | None, parts: list[str], params: list[Any]) -> list[tuple[str, list]]:
    """The queries of one span. Dated by their first day, or only by their last: two queries, because a
    condition on a plain column is applied while scanning (the stored records of other days are then not
    read), a condition on coalesce(...) is not."""
    if span is None:
        return [(f"SELECT {COLUMNS} FROM events e{_sql_where([*parts, 'e.date_start IS NULL', 'e.date_end IS NULL'])}"
                 " ORDER BY e.id", params)]
    first = ["e.date_start >= CAST(? AS DATE)", "e.date_start < CAST(? AS DATE)"]
    last = ["e.date_start IS NULL", "e.date_end >= CAST(? AS DATE)", "e.date_end < CAST(? AS DATE)"]
    return [(f"SELECT {COLUMNS} FROM events e{_sql_where([*parts, *first])}", [*params, *span]),
            (f"SELECT {COLUMNS} FROM events e{_sql_where([*parts, *last])}", [*params, *span])]


def event_batches(store, filters: EventFilters, size: int = BATCH, chunk: int = CHUNK
                  ) -> Iterator[tuple[tuple[str, str] | None, list[dict[str, Any]]]]:
    """(span, batch) for every stored event that passes the filters, oldest first, each row with its
    record's fields, its article's and its place's. A span's rows are read whole (at most ``chunk``, or
    the events of one day), so its articles and places are looked up once."""
    parts, params = where(filters)
    for span in spans(store, parts, params, chunk):
        if span is None:  # however many have no day, a batch at a time
            for sql, args in _span_sql(span, parts, params):
                for batch in stream_rows(store, sql, args, size):
                    _enrich(store, batch)
                    yield span, batch
            continue
        rows = [r for sql, args in _span_sql(span, parts, params) for b in stream_rows(store, sql, args, size)
                for r in b]
        rows.sort(key=lambda r: (str(r["date_start"] or r["date_end"]), str(r["date_end"]), r["id"]))
        _enrich(store, rows)
        for i in range(0, len(rows), size):
            yield span, rows[i:i + size]


def _lookup(store, sql: str, ids: list[str], size: int = 50_000) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), size):
        out.update((r["id"], r) for r in store.query(sql, [ids[i:i + size]]))
    return out


def _enrich(store, batch: list[dict[str, Any]]) -> None:
    """Each row with the fields of its record, its article and its place (one lookup of each)."""
    articles = _lookup(store, "SELECT id, published, published_date, source, url, title, standfirst, language, "
                              "analysed_at, length(text) AS doc_len, substr(text, 1, 1200) AS lead "
                              f"FROM articles WHERE id {IN_LIST}", sorted({r["article_id"] for r in batch}))
    for r in batch:
        rec = r.pop("record")
        rec = json.loads(rec) if isinstance(rec, str) else rec or {}
        ev, loc = rec.get("evidence") or {}, rec.get("location") or {}
        for side in ("actor", "recipient"):
            part = rec.get(side) or {}
            r[f"{side}_text"], r[f"{side}_code"] = part.get("text"), part.get("code")
            r[f"{side}_start"] = (part.get("span") or {}).get("start")
        sentence, trigger = ev.get("sentence") or {}, ev.get("trigger") or {}
        r.update(sentence_start=sentence.get("start"), sentence_end=sentence.get("end"),
                 trigger=trigger.get("text"), trigger_start=trigger.get("start"), trigger_end=trigger.get("end"),
                 place_id=loc.get("place_id"), lat=loc.get("lat"), lon=loc.get("lon"),
                 geonames_id=loc.get("geonames_id"))
        a = articles.get(r["article_id"], {})
        for k in ("published", "published_date", "source", "url", "title", "language", "analysed_at", "doc_len"):
            r[k] = a.get(k)
        r["is_root"] = _in_lead(a, r.get("sentence_start"))
    # only plain columns: reading each place's stored record for its feature code would read them all
    places = _lookup(store, f"SELECT id, admin1, feature_class FROM places WHERE id {IN_LIST}",
                     sorted({r["place_id"] for r in batch if r.get("place_id")}))
    for r in batch:
        p = places.get(r.get("place_id") or "", {})
        r["admin1"], r["feature_class"] = p.get("admin1"), p.get("feature_class")


def _in_lead(a: dict[str, Any], start: Any) -> bool:
    """Whether a sentence starting at ``start`` is in the headline, the standfirst or the first paragraph
    (GDELT's IsRootEvent: an event of the article's lead)."""
    if not a or not isinstance(start, int):
        return False
    pos = 0
    skip = {(a.get("title") or "").strip(), (a.get("standfirst") or "").strip()} - {""}
    for line in (a.get("lead") or "").split("\n"):
        pos += len(line) + 1
        if line.strip() and line.strip() not in skip:
            break
    return start < pos


def group_key(r: dict[str, Any]) -> tuple:
    """What makes two reports one GDELT event: the same coding of actor, recipient, act, place and days."""
    low = lambda v: v.lower() if isinstance(v, str) else v  # noqa: E731
    return (low(r.get("actor_name")), r.get("actor_country"), r.get("actor_sector"), low(r.get("recipient_name")),
            r.get("recipient_country"), r.get("recipient_sector"), r.get("type"), r.get("mode"), r.get("cameo"),
            low(r.get("location")), str(r.get("date_start")), str(r.get("date_end")))


def groups(store, filters: EventFilters, size: int = BATCH, chunk: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    """The reports of each GDELT event, root (earliest id) first, span by span: memory holds one span.
    An event with no day at all is an event of its own, as ``dateline count`` never counts it."""
    pending: dict[tuple, list[dict[str, Any]]] = {}
    current: Any = object()
    for span, batch in event_batches(store, filters, size, chunk):
        if span != current:
            yield from _flush(pending)
            current = span
        for r in batch:
            if span is None:
                yield [r]
            else:
                pending.setdefault(group_key(r), []).append(r)
    yield from _flush(pending)


def _flush(pending: dict[tuple, list[dict[str, Any]]]) -> Iterator[list[dict[str, Any]]]:
    found = sorted((sorted(g, key=lambda r: r["id"]) for g in pending.values()),
                   key=lambda g: (str(g[0].get("date_start") or g[0].get("date_end")), g[0]["id"]))
    pending.clear()
    yield from found
