"""Read models of canonical actors, shared by `dateline actors`, `dateline actor ID` and the HTTP API.
Portable SQL (DuckDB and PostgreSQL), as in :mod:`dateline.query`."""

from __future__ import annotations

from typing import Any

from ..query import CONTAINS, PREFIX, Where, like_literal

ACTOR_FIELDS = ("a.id, a.name, a.type, a.country, a.sector, a.dictionary_id, a.n_articles AS articles, "
                "a.n_mentions AS mentions, a.first_seen, a.last_seen")


def has_actors(store) -> bool:
    """Does the store have the actor tables? A store made before them and opened only to read has not (any
    write brings its schema up to date; `dateline rebuild-actors` links what it holds)."""
    rows = store.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'actor_mentions'")
    return int(rows[0]["n"]) > 0


def actors(store, *, country: str | None = None, sector: str | None = None, type: str | None = None,
           search: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Canonical actors, most written about first. ``search`` matches part of the name or of any written
    form of it ("Kim" finds Kim Jong Un once, however often he was written "Kim"), or an id prefix."""
    if not has_actors(store):
        return []
    w = (Where().add("a.country = upper(?)", country).add("a.sector = upper(?)", sector)
         .add("a.type = upper(?)", type))
    if search:
        text = like_literal(search.strip())
        w.parts.append(f"(lower(a.name) {CONTAINS} OR a.id {PREFIX} OR a.id IN (SELECT l.actor_id FROM actor_aliases l "
                       f"WHERE lower(l.alias) {CONTAINS}))")
        w.params += [text, text.lower(), text]
    return store.query(
        f"SELECT {ACTOR_FIELDS} FROM actors a{w.sql} "
        "ORDER BY a.n_articles DESC, a.n_mentions DESC, a.name, a.id LIMIT ?", [*w.params, limit])


def find_actor_id(store, prefix: str) -> str | None:
    """An actor's id from a unique prefix of it (None: no actor, or several)."""
    if not has_actors(store):
        return None
    rows = store.query(f"SELECT id FROM actors WHERE id {PREFIX} LIMIT 2", [like_literal(prefix.strip())])
    return rows[0]["id"] if len(rows) == 1 else None


def actor(store, actor_id: str, *, limit: int = 200) -> dict[str, Any] | None:
    """One actor: its names and written forms, the codes and roles it had over time, the articles that name
    it, its events as actor and as target, and what it said (``limit`` rows of each list), or None."""
    rows = store.query(f"SELECT {ACTOR_FIELDS}, a.key FROM actors a WHERE a.id = ?", [actor_id])
    if not rows:
        return None
    out = dict(rows[0])
    out["aliases"] = store.query("SELECT alias, n_mentions AS mentions FROM actor_aliases WHERE actor_id = ? "
                                 "ORDER BY n_mentions DESC, alias", [actor_id])
    out["roles"] = store.query(
        "SELECT code, title AS role, min(day) AS first_day, max(day) AS last_day, count(DISTINCT article_id) AS articles "
        "FROM actor_mentions WHERE actor_id = ? AND role = 'entity' GROUP BY code, title "
        "ORDER BY first_day, last_day, code, role", [actor_id])
    out["articles_list"] = store.query(
        "SELECT m.article_id AS id, a.published, a.source, a.title, sum(m.n) AS mentions, min(m.rule) AS rule "
        "FROM actor_mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = ? AND m.role = 'entity' "
        "GROUP BY m.article_id, a.published, a.source, a.title ORDER BY a.published, m.article_id LIMIT ?",
        [actor_id, limit])
    out["events_as_actor"] = _events(store, actor_id, "actor", limit)
    out["events_as_target"] = _events(store, actor_id, "recipient", limit)
    out["quotes"] = store.query(
        "SELECT q.id, q.article_id, a.published, q.kind, q.cue, q.content, q.speaker_text "
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.id IN (SELECT quote_id FROM actor_mentions WHERE actor_id = ? AND role = 'speaker') "
        "ORDER BY a.published, q.article_id, q.start_char LIMIT ?", [actor_id, limit])
    return out


def _events(store, actor_id: str, side: str, limit: int) -> list[dict[str, Any]]:
    other = "recipient" if side == "actor" else "actor"
    return store.query(
        "SELECT e.id, e.article_id, e.date_value AS date, e.date_start, e.type, e.mode, e.cameo, e.status, "
        f"e.{side}_name AS as_written, e.record->'{side}'->>'code' AS code, e.{other}_name AS {other}, "
        f"e.{other}_country AS {other}_country, e.location, e.confidence, e.sentence "
        f"FROM events e WHERE e.id IN (SELECT event_id FROM actor_mentions WHERE actor_id = ? AND role = '{side}') "
        "ORDER BY coalesce(e.date_start, e.date_end), e.article_id, e.id LIMIT ?", [actor_id, limit])


def link_figures(store) -> dict[str, Any]:
    """How the stored mentions are linked: per role, how many went to a dictionary actor (the actor
    dictionaries or the country table), to an actor by name, or nowhere (event parties and speakers that
    name no actor)."""
    linked = store.query(
        "SELECT m.role, (a.dictionary_id IS NOT NULL) AS dictionary, count(*) AS rows, sum(m.n) AS mentions "
        "FROM actor_mentions m JOIN actors a ON a.id = m.actor_id GROUP BY m.role, (a.dictionary_id IS NOT NULL)")
    totals = store.query(
        "SELECT (SELECT count(*) FROM entities) AS entity, (SELECT count(*) FROM events) AS actor, "
        "(SELECT count(*) FROM events WHERE recipient_name IS NOT NULL) AS recipient, "
        "(SELECT count(*) FROM quotes WHERE speaker_name IS NOT NULL OR speaker_entity_id IS NOT NULL) AS speaker, "
        "(SELECT count(DISTINCT entity_id) FROM actor_mentions WHERE role = 'entity') AS entities_linked, "
        "(SELECT count(*) FROM actors) AS actors, "
        "(SELECT count(*) FROM actors WHERE dictionary_id IS NOT NULL) AS dictionary_actors")[0]
    out: dict[str, Any] = {"actors": int(totals["actors"]), "dictionary_actors": int(totals["dictionary_actors"]),
                           "roles": {}}
    for role in ("entity", "actor", "recipient", "speaker"):
        rows = [r for r in linked if r["role"] == role]
        dictionary = sum(int(r["rows"]) for r in rows if r["dictionary"])
        by_name = sum(int(r["rows"]) for r in rows if not r["dictionary"])
        total = int(totals[role])
        if role == "entity":  # an entity has a row per written form: count entities
            linked_total = int(totals["entities_linked"])
            dictionary = int(store.query(
                "SELECT count(DISTINCT m.entity_id) AS n FROM actor_mentions m JOIN actors a ON a.id = m.actor_id "
                "WHERE m.role = 'entity' AND a.dictionary_id IS NOT NULL")[0]["n"])
            by_name = linked_total - dictionary
        out["roles"][role] = {"stored": total, "dictionary": dictionary, "by_name": by_name,
                              "not_linked": total - dictionary - by_name}
    return out


def filters(*, country=None, sector=None, type=None, search=None, limit=None) -> dict[str, Any]:
    """The filters of :func:`actors`, checked as :mod:`dateline.filters` checks every listing's (a bad one
    raises its ``FilterError``, naming the parameter)."""
    from typing import get_args

    from .. import filters as checks
    from ..model.records import EntityType

    return {"country": checks.text(country, "country"), "sector": checks.text(sector, "sector"),
            "type": checks.choice(type, get_args(EntityType), "type", upper=True),
            "search": checks.text(search, "search"), "limit": checks.limit(limit)}
