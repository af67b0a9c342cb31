"""Read models shared by the CLI, the HTTP API, the web page, exports and the Python API. SQL lives here
and in the stores, not in adapters. It is portable (DuckDB and PostgreSQL): ``?`` placeholders, standard
types and casts, ``record->'a'->>'b'`` for a JSON field, ``CAST(? AS VARCHAR[])`` for a list."""

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


def like_literal(value: str) -> str:
    """``value`` inside a LIKE pattern with ``ESCAPE '\\'``: its ``%``, ``_`` and ``\\`` match themselves, so a
    filter's text is matched literally (``--actor %`` is no wildcard)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


CONTAINS = "LIKE '%' || lower(?) || '%' ESCAPE '\\'"  # lower(column) contains the literal text
PREFIX = "LIKE ? || '%' ESCAPE '\\'"  # the column starts with the literal text


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
         .add(f"lower(name) {CONTAINS}", like_literal(name) if name else None))
    return store.query(
        "SELECT name, type, country, sector, count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions "
        f"FROM entities{w.sql} GROUP BY name, type, country, sector "
        "ORDER BY articles DESC, mentions DESC, name, type, country, sector LIMIT ?",
        [*w.params, limit],
    )


def places(store, *, country: str | None = None, article: str | None = None, event_only: bool = False,
           limit: int = 100) -> list[dict[str, Any]]:
    """Places: per resolved place across articles; per mention within one article (``article`` is its
    id); with ``event_only``, where each article's main event happened."""
    w = (Where().add("p.country = upper(?)", country).add("p.article_id = ?", article))
    if event_only:
        w.parts.append("p.is_event_location")
    if article or event_only:
        return store.query(
            "SELECT p.article_id, a.published, p.start_char, p.end_char, p.text, p.name, p.country, p.admin1, "
            "p.lat, p.lon, p.geonames_id, p.feature_class, p.is_event_location, "
            "p.record->>'reason' AS reason "
            f"FROM places p JOIN articles a ON a.id = p.article_id{w.sql} "
            "ORDER BY a.published, p.article_id, p.start_char LIMIT ?",
            [*w.params, limit],
        )
    return store.query(
        "SELECT coalesce(p.name, p.text) AS name, p.country, p.admin1, p.lat, p.lon, p.geonames_id, p.feature_class, "
        "count(DISTINCT p.article_id) AS articles, count(*) AS mentions, "
        "count(DISTINCT CASE WHEN p.is_event_location THEN p.article_id END) AS event_articles "
        f"FROM places p{w.sql} GROUP BY 1, 2, 3, 4, 5, 6, 7 "
        "ORDER BY articles DESC, mentions DESC, name, country, admin1, geonames_id, lat, lon, feature_class LIMIT ?",
        [*w.params, limit],
    )


def source_places(store) -> list[tuple[str, list]]:
    """Every stored article's source (its url when it names none) and its places, as records: what
    source homes are learnt from (``geo.homes.learn_homes``)."""
    from .model import Place
    from .model.codec import loads

    rows = store.query(
        "SELECT a.id, coalesce(nullif(a.source, ''), a.url, '') AS source, p.record "
        "FROM articles a LEFT JOIN places p ON p.article_id = a.id ORDER BY a.id, p.start_char")
    by_article: dict[str, tuple[str, list]] = {}
    for r in rows:
        _, places = by_article.setdefault(r["id"], (r["source"] or "", []))
        if r["record"]:
            places.append(loads(Place, r["record"]))
    return list(by_article.values())


def dates(store, *, article: str | None = None, since: str | None = None, until: str | None = None,
          limit: int = 100) -> list[dict[str, Any]]:
    """Date mentions in reading order. ``since``/``until`` keep those whose days overlap the window, so a
    mention that cannot be put on a calendar ("Ramadan", "February 30") only shows without them."""
    w = (Where().add("d.article_id = ?", article).add("d.end_date >= CAST(? AS DATE)", since)
         .add("d.start_date <= CAST(? AS DATE)", until))
    return store.query(
        "SELECT d.article_id AS article, a.published, d.start_char, d.end_char, d.text, d.value, d.type, "
        "d.granularity, d.start_date AS start, d.end_date AS \"end\", "
        "d.record->>'anchor' AS anchor, d.record->>'rule' AS rule "
        f"FROM dates d JOIN articles a ON a.id = d.article_id{w.sql} "
        "ORDER BY a.published, d.article_id, d.start_char LIMIT ?",
        [*w.params, limit],
    )


def events(store, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
           mode: str | None = None, cameo: str | None = None, since: str | None = None, until: str | None = None,
           status: str | None = None, article: str | None = None, limit: int = 100,
           min_confidence: float | None = None, country: str | None = None) -> list[dict[str, Any]]:
    """Coded events, oldest first. ``actor``/``recipient`` match a name (part of it), a country, a
    CAMEO actor code or a canonical actor's id (``ac`` and at least eight of its hex digits);
    ``country`` (ISO alpha-3) keeps events where either side is of that country;
    ``cameo`` is a code prefix ("04" is every CONSULT code); ``since``/``until`` keep
    events whose days overlap the window (an event known only as "before the published date" counts
    from nothing to that date); events below ``min_confidence`` (default: the product's threshold) are
    left out."""
    from .config import DEFAULT_MIN_CONFIDENCE

    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    def party(prefix: str, value: str | None, w: Where) -> None:
        from .actors.names import looks_like_actor_id

        if value and looks_like_actor_id(value):  # a canonical actor's id (`dateline actors`) or its prefix
            w.parts.append(f"e.id IN (SELECT m.event_id FROM actor_mentions m WHERE m.role = '{prefix}' "
                           f"AND m.actor_id {PREFIX})")
            w.params.append(like_literal(value.strip()))
        elif value:
            w.parts.append(f"(lower({prefix}_name) {CONTAINS} OR {prefix}_country = upper(?) "
                           f"OR upper(e.record->'{prefix}'->>'code') = upper(?))")
            w.params.extend([like_literal(value), value, value])

    w = (Where().add("e.type = upper(?)", type).add("lower(e.mode) = lower(?)", mode)
         .add(f"e.cameo {PREFIX}", like_literal(cameo) if cameo else None).add("lower(e.status) = lower(?)", status)
         .add("e.article_id = ?", article).add("e.confidence >= ?", floor if floor > 0 else None)
         .add("coalesce(e.date_end, e.date_start) >= CAST(? AS DATE)", since)
         .add("coalesce(e.date_start, e.date_end) <= CAST(? AS DATE)", until))
    party("actor", actor, w)
    party("recipient", recipient, w)
    if country:
        w.parts.append("(e.actor_country = upper(?) OR e.recipient_country = upper(?))")
        w.params.extend([country, country])
    return store.query(
        "SELECT e.id, e.article_id AS article, e.date_value AS date, e.date_start, e.date_end, e.date_inferred, "
        "e.type, e.mode, e.cameo, e.status, e.actor_name AS actor, e.actor_country, e.actor_sector, "
        "e.record->'actor'->>'code' AS actor_code, e.recipient_name AS recipient, "
        "e.recipient_country, e.recipient_sector, e.record->'recipient'->>'code' AS recipient_code, "
        "e.location, e.location_country, e.confidence, e.rule, "
        "e.record->'evidence'->'trigger'->>'text' AS trigger, e.sentence "
        f"FROM events e{w.sql} ORDER BY coalesce(e.date_start, e.date_end), e.article_id, "
        "CAST(e.record->'evidence'->'trigger'->>'start' AS INTEGER), e.id LIMIT ?",
        [*w.params, limit],
    )


def event(store, event_id: str):
    """One event (a unique id prefix is enough) as its record, or None."""
    from .model import Event, from_dict

    rows = store.query(f"SELECT record FROM events WHERE id {PREFIX} LIMIT 2", [like_literal(event_id)])
    if len(rows) != 1:
        return None
    import json

    rec = rows[0]["record"]
    return from_dict(Event, json.loads(rec) if isinstance(rec, str) else rec)


def quotes(store, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
           article: str | None = None, kind: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Statements, oldest first. ``speaker`` matches the resolved name or the speaker's own words (part of
    either), or is a canonical actor's id; ``since``/``until`` keep statements whose day overlaps the
    window: the day the text dates
    the statement to ("Trump said Sunday") when it does, else the article's published date."""
    w = Where().add("q.article_id = ?", article).add("q.kind = lower(?)", kind)
    from .actors.names import looks_like_actor_id

    if speaker and looks_like_actor_id(speaker):  # a canonical actor's id (`dateline actors`) or its prefix
        w.parts.append(f"q.id IN (SELECT m.quote_id FROM actor_mentions m WHERE m.role = 'speaker' "
                       f"AND m.actor_id {PREFIX})")
        w.params.append(like_literal(speaker.strip()))
    elif speaker:
        w.parts.append(f"(lower(q.speaker_name) {CONTAINS} OR lower(q.speaker_text) {CONTAINS})")
        w.params += [like_literal(speaker), like_literal(speaker)]
    w.add("coalesce(d.last_day, a.published_date) >= CAST(? AS DATE)", since)
    w.add("coalesce(d.first_day, a.published_date) <= CAST(? AS DATE)", until)
    return store.query(
        "SELECT q.article_id, a.published, coalesce(d.first_day, a.published_date) AS said_on, q.speaker_name, "
        "q.speaker_text, q.principal, q.cue, q.kind, q.content, q.date, q.place, q.start_char, q.end_char, "
        "q.record->>'rule' AS rule "
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN (SELECT article_id, value, min(start_date) AS first_day, max(end_date) AS last_day "
        "           FROM dates GROUP BY article_id, value) d ON d.article_id = q.article_id AND d.value = q.date"
        f"{w.sql} ORDER BY said_on, q.article_id, q.start_char LIMIT ?",
        [*w.params, limit],
    )


def events_by_type(store, *, limit: int = 12) -> list[dict[str, Any]]:
    """How many events of each type and status are stored (every confidence)."""
    return store.query("SELECT type, status, count(*) AS events FROM events GROUP BY type, status "
                       "ORDER BY events DESC, type, status LIMIT ?", [limit])


def errors(store, *, limit: int = 100) -> list[dict[str, Any]]:
    return store.query(
        "SELECT origin, stage, code, message, count, last_seen FROM errors ORDER BY last_seen DESC, origin LIMIT ?",
        [limit],
    )


def article_outlets(store, article_id: str) -> list[dict[str, Any]]:
    """Every outlet and address that carried one article (the same text read from several is stored once)."""
    return store.query("SELECT source, url, published, origin FROM article_sources WHERE article_id = ? "
                       "ORDER BY published, source, url", [article_id])


def find_article_id(store, prefix: str) -> str | None:
    """An article id from a unique prefix of it."""
    rows = store.query(f"SELECT id FROM articles WHERE id {PREFIX} LIMIT 2", [like_literal(prefix)])
    return rows[0]["id"] if len(rows) == 1 else None


def occurrences(store, *, actor: str | None = None, recipient: str | None = None, type: str | None = None,
                mode: str | None = None, cameo: str | None = None, since: str | None = None,
                until: str | None = None, min_confidence: float | None = None) -> dict[str, Any]:
    """How many times something happened, and the reports behind each time.

    Events that happened (status occurred or reported) matching the filters are grouped across
    articles into occurrences (see ``resolve.occurrences``); those overlapping ``since``..``until``
    are counted. Each occurrence lists its reports with outlet, date, address and sentence."""
    import datetime as dt

    from .resolve.occurrences import HAPPENED, PLACEABLE_DAYS, Report, group, in_window

    def day(v: Any) -> dt.date | None:
        return v if isinstance(v, dt.date) or v is None else dt.date.fromisoformat(str(v)[:10])

    lo, hi = day(since), day(until)
    margin = dt.timedelta(days=PLACEABLE_DAYS)
    rows = [r for r in events(store, actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo,
                              since=str(lo - margin) if lo else None, until=str(hi + margin) if hi else None,
                              limit=1_000_000, min_confidence=min_confidence)
            if r["status"] in HAPPENED]
    ids = sorted({r["article"] for r in rows})
    meta = {a["id"]: a for a in store.query(
        "SELECT id, published, source, url, title FROM articles WHERE id IN (SELECT unnest(CAST(? AS VARCHAR[])))",
        [ids])} if ids else {}
    reports = [Report(r["id"], day(r["date_start"]), day(r["date_end"]), r["location"],
                      {**r, **{f"article_{k}": v for k, v in meta.get(r["article"], {}).items()}}) for r in rows]
    found, unplaced = group(reports)
    counted = [o for o in found if in_window(o, lo, hi)]

    def report(r: Report) -> dict[str, Any]:
        x = r.row
        return {"event": r.event_id, "date": x["date"], "status": x["status"], "trigger": x["trigger"],
                "sentence": (x["sentence"] or "").strip(), "article": x["article"],
                "source": x.get("article_source"), "published": x.get("article_published"),
                "url": x.get("article_url"), "title": x.get("article_title")}

    return {
        "count": len(counted),
        "since": str(lo) if lo else None,
        "until": str(hi) if hi else None,
        "occurrences": [
            {"start": str(o.start), "end": str(o.end), "locations": o.locations,
             "articles": len({r.row["article"] for r in o.reports}),
             "sources": sorted({r.row.get("article_source") or "?" for r in o.reports}),
             "reports": [report(r) for r in sorted(o.reports, key=lambda r: (r.row.get("article_published") or "", r.event_id))]}
            for o in counted
        ],
        "unplaced": [report(r) for r in unplaced if not (r.start and not in_window_days(r, lo, hi))],
    }


def in_window_days(r: Any, lo: Any, hi: Any) -> bool:
    return (lo is None or r.end is None or r.end >= lo) and (hi is None or r.start is None or r.start <= hi)
