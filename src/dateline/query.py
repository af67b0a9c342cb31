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


def contains(column: str) -> str:
    """``column`` contains the text of one parameter, whatever its case. strpos is portable and reads a
    million names in a sixth of the time ``lower(column) LIKE '%...%' ESCAPE`` takes in DuckDB (6 ms
    against 40 on the events' actor names; 105 against 195 for the entities' names and their grouping)."""
    return f"strpos(lower({column}), lower(?)) > 0"


def name_match(store, column: str, value: str, names: dict[str, list[str]] | None = None
               ) -> tuple[str, list[Any]]:
    """``column`` contains ``value`` whatever its case, as SQL and its parameters: ``column`` is one of the
    stored names that contain it (``dateline.store.names``, migration 011: each distinct name once, with its
    lower case), so no row's name is lower-cased at query time; the rows kept are those ``contains`` keeps.
    Written as a subquery, not as the names found first: one query, and DuckDB then joins on the name and
    still pushes a listing's top-N bound on the day into its scan (a person's first 100 of a million events:
    about 80 ms with ``contains``, 25 this way). ``contains`` itself where the store keeps no stored names.
    ``names``: the stored names of some texts found beforehand (``names_of``); a text there is matched
    against them as constants (a claim names its actor in six places: planning a subquery for each cost
    more than its scan)."""
    from .store.names import has_names

    if store is None or not has_names(store):
        return contains(column), [value]
    if names is not None and value in names:
        found = names[value]
        return (f"{column} IN ({', '.join('?' * len(found))})", list(found)) if found else ("FALSE", [])
    return f"{column} IN (SELECT n.name FROM stored_names n WHERE strpos(n.folded, lower(?)) > 0)", [value]


NAMES_MOST = 200  # a text contained in more stored names than this keeps the subquery (``names_of``)


def names_of(store, texts: list[str], most: int = NAMES_MOST) -> dict[str, list[str]]:
    """The stored names containing each text whatever its case (as ``name_match`` matches them), in one
    query; a text that more than ``most`` names contain is left out (its filter keeps the subquery), and
    every text where the store keeps no stored names."""
    from .store.names import has_names

    texts = sorted({t for t in texts if t})
    if not texts or store is None or not has_names(store):
        return {}
    rows = store.query("SELECT t.v, n.name FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS v) t JOIN stored_names n "
                       "ON strpos(n.folded, lower(t.v)) > 0 ORDER BY t.v, n.name", [texts])
    out: dict[str, list[str]] = {t: [] for t in texts}
    for r in rows:
        out[r["v"]].append(r["name"])
    return {t: found for t, found in out.items() if len(found) <= most}


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
    w = Where().add("type = upper(?)", type).add("country = upper(?)", country)
    if name:
        sql, params = name_match(store, "name", name)
        w.parts.append(sql)
        w.params.extend(params)
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
    w = _listed_events(store, actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo, status=status,
                       article=article, min_confidence=min_confidence, country=country, since=since, until=until)
    if limit > BY_ID_LIMIT:
        return store.query(f"SELECT {EVENT_FIELDS} FROM events e{w.sql} ORDER BY {EVENT_ORDER} LIMIT ?",
                           [*w.params, limit])
    # the bound by day pays where most events match; a filter on what the event is would be read twice for it
    broad = not any((actor, recipient, type, mode, cameo, status, article, country))
    ids = _first_event_ids(store, w, limit, bound_by_day=broad)
    if not ids:
        return []
    return store.query(f"SELECT {EVENT_FIELDS} FROM events e WHERE e.id IN ({', '.join('?' * len(ids))}) "
                       f"ORDER BY {EVENT_ORDER}", ids)


def count_events(store, *, since: str | None = None, until: str | None = None, limit: int | None = None,
                 **filters: Any) -> int:
    """How many events ``events`` lists with these filters, however long the listing (its total);
    ``limit`` is taken and ignored, so that one set of filters serves both."""
    w = _listed_events(store, since=since, until=until, **filters)
    return store.query(f"SELECT count(*) AS n FROM events e{w.sql}", w.params)[0]["n"]


def _listed_events(store, *, since: str | None = None, until: str | None = None, **filters: Any) -> Where:
    """The WHERE of ``events`` (on ``e``): what each event is, and its days overlapping ``since``..``until``."""
    w = _event_where(**filters, store=store)
    w.add("coalesce(e.date_end, e.date_start) >= CAST(? AS DATE)", since)
    w.add("coalesce(e.date_start, e.date_end) <= CAST(? AS DATE)", until)
    return w


EVENT_FIELDS = (
    "e.id, e.article_id AS article, e.date_value AS date, e.date_start, e.date_end, e.date_inferred, e.type, e.mode, "
    "e.cameo, e.status, e.actor_name AS actor, e.actor_country, e.actor_sector, e.actor_code, "
    "e.recipient_name AS recipient, e.recipient_country, e.recipient_sector, e.recipient_code, e.location, "
    "e.location_country, e.confidence, e.rule, e.trigger_text AS trigger, e.sentence")
EVENT_ORDER = "coalesce(e.date_start, e.date_end), e.article_id, e.trigger_start, e.id"  # oldest first, reading order
BY_ID_LIMIT = 1000  # listings up to this long find their ids first, then fetch those rows by primary key


def _first_event_ids(store, w: Where, limit: int, *, bound_by_day: bool = True) -> list[str]:
    """The ids of the first ``limit`` events matching ``w``, in listing order. Sorting whole rows is what
    a listing over a million events spends its time on (every column of every match is read, 200 ms of
    CPU), so only the order's columns are sorted here, and only events up to the day of the
    ``limit``-th one (none after it can be among them; the bound is written on the date columns
    themselves so that DuckDB skips the row groups whose days all come later)."""
    nth = store.query(f"SELECT coalesce(e.date_start, e.date_end) AS d FROM events e{w.sql} ORDER BY d LIMIT 1 OFFSET ?",
                      [*w.params, limit - 1]) if bound_by_day else []
    bound = Where(list(w.parts), list(w.params))
    if nth and nth[0]["d"] is not None:
        bound.parts.append("(e.date_start <= ? OR (e.date_start IS NULL AND e.date_end <= ?))")
        bound.params += [nth[0]["d"], nth[0]["d"]]
    rows = store.query(f"SELECT e.id FROM events e{bound.sql} ORDER BY {EVENT_ORDER} LIMIT ?", [*bound.params, limit])
    return [r["id"] for r in rows]


def _event_where(*, actor: str | None = None, recipient: str | None = None, type: str | None = None,
                 mode: str | None = None, cameo: str | None = None, status: str | None = None,
                 article: str | None = None, min_confidence: float | None = None,
                 country: str | None = None, store=None, names: dict[str, list[str]] | None = None) -> Where:
    """The filters of ``events`` on table ``e`` (days apart), shared with the occurrence read models;
    ``store``: a name is matched through its stored names (``name_match``; ``names``: those found already)."""
    from .config import DEFAULT_MIN_CONFIDENCE

    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence

    w = (Where().add("e.type = upper(?)", type).add("lower(e.mode) = lower(?)", mode)
         .add(f"e.cameo {PREFIX}", like_literal(cameo) if cameo else None).add("lower(e.status) = lower(?)", status)
         .add("e.article_id = ?", article).add("e.confidence >= ?", floor if floor > 0 else None))
    _party("actor", actor, w, store, names)
    _party("recipient", recipient, w, store, names)
    if country:
        w.parts.append("(e.actor_country = upper(?) OR e.recipient_country = upper(?))")
        w.params.extend([country, country])
    return w


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
        w.parts.append(f"({contains('q.speaker_name')} OR {contains('q.speaker_text')})")
        w.params += [speaker, speaker]
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
                until: str | None = None, min_confidence: float | None = None, limit: int | None = None,
                offset: int = 0, unplaced: bool = True, facts: dict[str, dict[str, Any]] | None = None
                ) -> dict[str, Any]:
    """How many times something happened, and every report behind each time.

    Reads the stored occurrences (``resolve.stored``: reports joined across articles by what the event
    is). An occurrence counts when one of its reports matches the filters (as ``events`` matches them)
    and its days overlap ``since``..``until``; each lists all its reports at the confidence floor, with
    outlet, date, address, sentence and why it joined. With no filters every occurrence counts, and two
    events of different actors, types or places are never one. ``unplaced``: matching reports that
    joined none (no calendar date, a span too wide, or a month holding two occurrences).

    ``count`` is every occurrence found, counted in SQL; ``limit``/``offset`` page the ones listed with
    their reports (oldest first; None lists all), and the unplaced reports the same way
    (``unplaced_count`` is all of them); without ``unplaced`` they are not looked for (empty, count None:
    a claim counts occurrences only). ``facts``: filled with what each listed report is (``report_facts``)."""
    _require_occurrences(store)
    w = _event_where(actor=actor, recipient=recipient, type=type, mode=mode, cameo=cameo,
                     min_confidence=min_confidence, store=store)
    w.parts.append("e.status IN ('occurred', 'reported')")
    found, total = _found_occurrences(store, w, since, until, limit, offset)
    listed = _with_reports(store, found, min_confidence, facts)
    if not unplaced:
        return {"count": total, "since": since or None, "until": until or None, "offset": offset, "limit": limit,
                "shown": len(listed), "occurrences": listed, "unplaced_count": None, "unplaced": []}
    unplaced_where = Where(list(w.parts), list(w.params))
    unplaced_where.add("coalesce(e.date_end, e.date_start) >= CAST(? AS DATE)", since)
    unplaced_where.add("coalesce(e.date_start, e.date_end) <= CAST(? AS DATE)", until)
    unplaced_where.parts.append("e.occurrence_id IS NULL")
    lone, n_unplaced = _unplaced_rows(store, unplaced_where, 10_000 if limit is None else limit, offset)
    return {"count": total, "since": since or None, "until": until or None, "offset": offset, "limit": limit,
            "shown": len(listed), "occurrences": listed, "unplaced_count": n_unplaced,
            "unplaced": [_report(r) for r in lone]}


def _found_occurrences(store, w: Where, since: str | None, until: str | None, limit: int | None = None,
                       offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One page of the occurrences one of whose events matches ``w`` (on ``occurrence_events e``, migration
    009) and whose days overlap ``since``..``until``, oldest first, and how many there are in all: the ids
    and the total from the short columns of that table in one query (each row holds its occurrence's days,
    so the page is cut there), then the page's rows by primary key."""
    days = Where(list(w.parts), list(w.params))
    days.add("e.occ_end >= CAST(? AS DATE)", since).add("e.occ_start <= CAST(? AS DATE)", until)
    days.parts.append("e.occurrence_id IS NOT NULL")
    grouped = (f"SELECT e.occurrence_id AS id, min(e.occ_start) AS s, min(e.occ_end) AS t "
               f"FROM occurrence_events e{days.sql} GROUP BY e.occurrence_id")
    page = (f" LIMIT {int(limit)}" if limit is not None else "") + (f" OFFSET {int(offset)}" if offset else "")
    rows = store.query(f"SELECT f.id, count(*) OVER () AS total FROM ({grouped}) f ORDER BY f.s, f.t, f.id{page}",
                       days.params)
    if not rows:  # nothing found, or a page past the end: the total alone
        total = store.query(f"SELECT count(*) AS n FROM ({grouped}) f", days.params)[0]["n"] if offset else 0
        return [], total
    ids, total = [r["id"] for r in rows], rows[0]["total"]
    tail = " ORDER BY o.start_date, o.end_date, o.id"
    if len(ids) <= 5 * BY_ID_LIMIT:
        return store.query(f"SELECT {OCCURRENCE_FIELDS} FROM occurrences o WHERE o.id IN "
                           f"({', '.join('?' * len(ids))}){tail}", ids), total
    return store.query(f"SELECT {OCCURRENCE_FIELDS} FROM occurrences o WHERE o.id IN "
                       f"(SELECT unnest(CAST(? AS VARCHAR[]))){tail}", [ids]), total


def occurrences_of(store, actor: str, *, other: str | None = None, type: str | None = None,
                   mode: str | None = None, since: str | None = None, until: str | None = None,
                   min_confidence: float | None = None, limit: int = 1000,
                   facts: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The occurrences an actor took part in, on either side (``actor`` matches as in ``events``), oldest
    first; ``other`` keeps those where the other side matches it. Each with its reports, as in
    ``occurrences``."""
    return actor_occurrences(store, actor, other=other, type=type, mode=mode, since=since, until=until,
                             min_confidence=min_confidence, limit=limit, facts=facts)["occurrences"]


def actor_occurrences(store, actor: str, *, other: str | None = None, type: str | None = None,
                      mode: str | None = None, since: str | None = None, until: str | None = None,
                      min_confidence: float | None = None, limit: int | None = 1000,
                      offset: int = 0, facts: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """``occurrences_of`` with how many there are in all: ``count`` (every one found) and one page of
    them with their reports (``limit``/``offset``, oldest first)."""
    _require_occurrences(store)
    from .actors.names import looks_like_actor_id

    w = _event_where(type=type, mode=mode, min_confidence=min_confidence)
    w.parts.append("e.status IN ('occurred', 'reported')")
    # each side is asked on both columns: its stored names found once, matched as constants (name_match)
    names = names_of(store, [v for v in (actor, other) if v and not looks_like_actor_id(v)])
    sides = []
    for first, second in (("actor", "recipient"), ("recipient", "actor")):
        part = Where()
        _party(first, actor, part, store, names)
        if other:
            _party(second, other, part, store, names)
        sides.append(part)
    w.parts.append("(" + " OR ".join("(" + " AND ".join(p.parts) + ")" for p in sides) + ")")
    w.params += [v for p in sides for v in p.params]
    found, total = _found_occurrences(store, w, since, until, limit, offset)
    return {"count": total, "occurrences": _with_reports(store, found, min_confidence, facts)}


def occurrence_sets(store, filter_sets: list[dict[str, Any]], *, since: str | None = None,
                    until: str | None = None, min_confidence: float | None = None) -> list[list[dict[str, Any]]]:
    """For each set of filters (those of ``occurrences`` but the days and the floor, which all share), the
    occurrences ``occurrences(..., unplaced=False)`` finds for it, as rows of the occurrences table in the
    same order, without their reports (``with_reports`` reads them), in one pass: one query finds every
    occurrence matching some set and which sets it matches, one reads those rows. A claim asks for a
    visit, the same days' meetings and the host's side, which overlap, and needs the reports of only a few
    of the others (those within a visit's days): read for every set, they were most of its time."""
    _require_occurrences(store)
    if not filter_sets:
        return []
    from .actors.names import looks_like_actor_id

    # the names of every side, found once: the sets name the same sides (a visitor in all three)
    names = names_of(store, [v for f in filter_sets for k in ("actor", "recipient")
                             if (v := f.get(k)) and not looks_like_actor_id(v)])
    sets = [_conjuncts(_event_where(**f, min_confidence=min_confidence, store=store, names=names))
            for f in filter_sets]
    # what every set asks (the type, the floor) is asked once, among the scan's own filters; each set's
    # flag is its other conjuncts, written once (SQL naming each condition twice planned slower than it ran)
    shared = [c for c in sets[0] if all(c in other for other in sets[1:])]
    rests = [[c for c in conj if c not in shared] for conj in sets]
    conds = ["(" + (" AND ".join(sql for sql, _ in rest) or "TRUE") + ")" for rest in rests]
    days = Where(["e.status IN ('occurred', 'reported')"])
    days.add("e.occ_end >= CAST(? AS DATE)", since).add("e.occ_start <= CAST(? AS DATE)", until)
    days.parts += ["e.occurrence_id IS NOT NULL", *(sql for sql, _ in shared)]
    days.params += [p for _, params in shared for p in params]
    flags = ", ".join(f"{c} AS m{i}" for i, c in enumerate(conds))
    rows = store.query(f"SELECT x.id, {', '.join(f'bool_or(x.m{i}) AS m{i}' for i in range(len(conds)))} FROM "
                       f"(SELECT e.occurrence_id AS id, {flags} FROM occurrence_events e{days.sql}) x "
                       f"WHERE {' OR '.join(f'x.m{i}' for i in range(len(conds)))} GROUP BY x.id",
                       [*(p for rest in rests for _, params in rest for p in params), *days.params])
    if not rows:
        return [[] for _ in filter_sets]
    ids = [r["id"] for r in rows]
    tail = " ORDER BY o.start_date, o.end_date, o.id"  # the order each set's own lookup gives
    if len(ids) <= 5 * BY_ID_LIMIT:
        found = store.query(f"SELECT {OCCURRENCE_FIELDS} FROM occurrences o WHERE o.id IN "
                            f"({', '.join('?' * len(ids))}){tail}", ids)
    else:
        found = store.query(f"SELECT {OCCURRENCE_FIELDS} FROM occurrences o WHERE o.id IN "
                            f"(SELECT unnest(CAST(? AS VARCHAR[]))){tail}", [ids])
    member = {r["id"]: [bool(r[f"m{i}"]) for i in range(len(sets))] for r in rows}
    return [[o for o in found if member[o["id"]][i]] for i in range(len(sets))]


def _conjuncts(w: Where) -> list[tuple[str, tuple]]:
    """A WHERE's parts, each with its own parameters (one for each ``?`` it holds)."""
    out, at = [], 0
    for part in w.parts:
        n = part.count("?")
        out.append((part, tuple(w.params[at:at + n])))
        at += n
    return out


def with_reports(store, found: list[dict[str, Any]], min_confidence: float | None = None,
                 facts: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Occurrence rows (``occurrence_sets``) as ``occurrences`` lists them: with every report at the
    confidence floor and why each joined, in the order given."""
    return _with_reports(store, found, min_confidence, facts)


def entity_named(store, name: str, types: tuple[str, ...]) -> bool:
    """Whether some article names an entity ``name`` (exactly) of one of ``types``."""
    return bool(store.query(f"SELECT 1 FROM entities WHERE name = ? AND type IN ({', '.join('?' * len(types))}) "
                            "LIMIT 1", [name, *types]))


def occurrence(store, occurrence_id: str, *, min_confidence: float | None = 0.0) -> dict[str, Any] | None:
    """One occurrence (a unique id prefix is enough) with every report and why it joined, or None."""
    _require_occurrences(store)
    rows = store.query(f"SELECT {OCCURRENCE_FIELDS} FROM occurrences o WHERE o.id {PREFIX} LIMIT 2",
                       [like_literal(occurrence_id)])
    if len(rows) != 1:
        return None
    return _with_reports(store, rows, min_confidence)[0]


OCCURRENCE_FIELDS = (
    "o.id, o.type, o.mode, o.actor_name, o.actor_country, o.actor_kind, o.recipient_name, o.recipient_country, "
    "o.recipient_kind, o.start_date, o.end_date, o.precise, o.place, o.place_country, o.place_admin1, "
    "o.place_level, o.n_reports, o.n_articles")


def _require_occurrences(store) -> None:
    """A store made before occurrences were kept, opened read-only, has no such table: say what to do."""
    if getattr(store, "_has_occurrences", False):
        return
    # migrations 006, 009 and 010 (what a report shows, in occurrence_events) must all have run
    if len(store.query("SELECT DISTINCT table_name FROM information_schema.tables "
                       "WHERE table_name IN ('occurrences', 'occurrence_reports', 'occurrence_events')")) < 3 or \
            not store.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'occurrence_events' "
                            "AND column_name = 'why'"):
        from .store import StoreError

        raise StoreError("this store was made before occurrences were kept: run "
                         "`dateline occurrences rebuild` once (it adds and fills them)")
    store._has_occurrences = True


def _party(prefix: str, value: str | None, w: Where, store=None, names: dict[str, list[str]] | None = None
           ) -> None:
    """One side of an event (``e``) matching a name (part of it), a country, a CAMEO code or an actor id
    (with ``store``, the name through its stored names: ``name_match``)."""
    from .actors.names import looks_like_actor_id

    if value and looks_like_actor_id(value):  # a canonical actor's id (`dateline actors`) or its prefix
        w.parts.append(f"e.id IN (SELECT m.event_id FROM actor_mentions m WHERE m.role = '{prefix}' "
                       f"AND m.actor_id {PREFIX})")
        w.params.append(like_literal(value.strip()))
    elif value:
        named, params = name_match(store, f"e.{prefix}_name", value, names)
        w.parts.append(f"({named} OR e.{prefix}_country = upper(?) OR upper(e.{prefix}_code) = upper(?))")
        w.params.extend([*params, value, value])


def _report(x: dict[str, Any], why: Any = None) -> dict[str, Any]:
    out = {"event": x["id"], "date": x["date"], "status": x["status"], "trigger": x["trigger"],
           "sentence": (x["sentence"] or "").strip(), "article": x["article"], "source": x["source"],
           "published": x["published"], "url": x["url"], "title": x["title"], "actor": x["actor"],
           "recipient": x["recipient"], "location": x["location"], "confidence": x["confidence"]}
    if why is not None:
        import json

        out["why"] = json.loads(why) if isinstance(why, str) else why
    return out


def _unplaced_rows(store, w: Where, most: int = 10_000, skip: int = 0) -> tuple[list[dict[str, Any]], int]:
    """``most`` reports matching ``w`` that joined no occurrence (after the first ``skip``), oldest article
    first, and how many match in all: read from occurrence_events, which keeps what a report shows beside
    its filters (migration 010)."""
    return _stored_reports(store, w, most, skip, with_total=True)


def _stored_reports(store, w: Where, most: int | None = None, skip: int = 0, with_total: bool = False):
    """Report rows of occurrence_events matching ``w``, oldest article first (with ``with_total``: and how
    many match, counted in the same scan). DuckDB finds the rows on the short columns first and reads the
    long ones (sentence, title, why) of those rows only, by row id: a filter it cannot push into its scan
    reads every long value of the rows it scans."""
    limit = (" LIMIT ?" if most is not None else "") + (" OFFSET ?" if skip else "")
    params = [*w.params, *([most] if most is not None else []), *([skip] if skip else [])]

    def counted(n: int | None) -> Any:
        if not with_total:
            return rows
        if n is None:  # nothing on this page: the total alone
            n = store.query(f"SELECT count(*) AS n FROM occurrence_events e{w.sql}", w.params)[0]["n"]
        return rows, n

    if getattr(store, "dialect", "") != "duckdb":
        rows = store.query(f"SELECT {STORED_REPORT_FIELDS} FROM occurrence_events e{w.sql} "
                           f"ORDER BY e.published, e.id{limit}", params)
        return counted(None)
    total = ", count(*) OVER () AS total" if with_total else ""
    found = store.query(f"SELECT e.rowid AS r, e.id AS i{total} FROM occurrence_events e{w.sql} "
                        f"ORDER BY e.published, e.id{limit}", params)
    rowids = sorted(r["r"] for r in found)
    if not rowids:
        rows = []
        return counted(0 if not skip else None)
    if len(found) <= BY_KEY_MOST:  # a few rows, often far apart: by primary key, not their row groups
        rows = store.query(f"SELECT {STORED_REPORT_FIELDS} FROM occurrence_events e WHERE e.id IN "
                           f"({', '.join('?' * len(found))}) ORDER BY e.published, e.id", [r["i"] for r in found])
        return counted(found[0]["total"] if with_total else None)
    rows = store.query(f"SELECT {STORED_REPORT_FIELDS} FROM occurrence_events e WHERE e.rowid BETWEEN ? AND ? "
                       "AND e.rowid IN (SELECT unnest(CAST(? AS BIGINT[]))) ORDER BY e.published, e.id",
                       [rowids[0], rowids[-1], rowids])
    return counted(found[0]["total"] if with_total else None)


# Up to this many report rows are read by primary key (a list of constants: DuckDB looks each up in the
# key's index) rather than by row id, which decompresses the long columns (sentence, title, why) of every
# row group holding one of them: 50 unplaced reports spread over 200,000 rows took 24 ms by row id and 6 by
# key; past about 200 rows the row groups are cheaper.
BY_KEY_MOST = 64


STORED_REPORT_FIELDS = (
    "e.id, e.date_value AS date, e.status, e.trigger_text AS trigger, e.sentence, e.article_id AS article, "
    "e.actor_name AS actor, e.recipient_name AS recipient, e.location, e.confidence, e.source, e.published, e.url, "
    "e.title, e.occurrence_id, e.why, e.type, e.mode, e.actor_country, e.recipient_country, e.location_country")


def report_facts(row: dict[str, Any]) -> dict[str, Any]:
    """What a report row of occurrence_events is, as ``timeline.event_facts`` gives it: the claim and the
    timeline read it from the rows their reports came in, not in a second lookup of the same rows by id
    (12 ms of a claim's CPU at a million events)."""
    return {"id": row["id"], "article_id": row["article"], "type": row["type"], "mode": row["mode"],
            "actor": row["actor"], "actor_country": row["actor_country"], "recipient": row["recipient"],
            "recipient_country": row["recipient_country"], "location": row["location"],
            "location_country": row["location_country"]}


def _report_rows(store, found: list[dict[str, Any]], floor: float) -> list[dict[str, Any]]:
    """The reports of these occurrences at the confidence floor, oldest article first, from the rows
    occurrence_events keeps for them (their occurrence's first day bounds the rows DuckDB reads)."""
    w = Where(["e.occurrence_id IN (SELECT unnest(CAST(? AS VARCHAR[])))",
               "e.occ_start BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)", "e.confidence >= ?"],
              [[o["id"] for o in found], min(str(o["start_date"]) for o in found),
               max(str(o["start_date"]) for o in found), floor])
    return _stored_reports(store, w)


def _with_reports(store, found: list[dict[str, Any]], min_confidence: float | None,
                  facts: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Occurrence rows with every report (at the confidence floor) and why each joined. ``facts``: filled
    with what each report is (``report_facts``), read in the same rows."""
    from .config import DEFAULT_MIN_CONFIDENCE

    if not found:
        return []
    floor = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    rows = _report_rows(store, found, floor)
    by: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by.setdefault(r["occurrence_id"], []).append(_report(r, r["why"]))
    if facts is not None:
        facts.update((r["id"], report_facts(r)) for r in rows)
    out = []
    for o in found:
        reports = by.get(o["id"], [])
        locations: dict[str, int] = {}
        for r in reports:
            if r["location"]:
                locations[r["location"]] = locations.get(r["location"], 0) + 1
        out.append({
            "id": o["id"], "type": o["type"], "mode": o["mode"], "start": str(o["start_date"]),
            "end": str(o["end_date"]), "precise": o["precise"],
            "actor": {"name": o["actor_name"], "country": o["actor_country"], "kind": o["actor_kind"]},
            "recipient": {"name": o["recipient_name"], "country": o["recipient_country"], "kind": o["recipient_kind"]},
            "place": {"name": o["place"], "country": o["place_country"], "admin1": o["place_admin1"],
                      "level": o["place_level"]} if o["place"] else None,
            "locations": sorted(locations, key=lambda k: -locations[k]),
            "n_reports": o["n_reports"], "articles": len({r["article"] for r in reports}),
            "sources": sorted({r["source"] or "?" for r in reports}), "reports": reports})
    return out
