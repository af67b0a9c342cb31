"""Timelines and stories: read models over the occurrences ``query.occurrences`` finds (it alone groups
reports across articles; nothing here groups events again).

``timeline``: one actor's occurrences in date order, with what each was (type, mode), the other side,
where, and the reports and sources behind it. ``stories``: articles that report the same occurrence as news with
the same actor are one story (connected components over those links; recalling it later is no link), each story with its articles,
occurrences and main actors."""

from __future__ import annotations

from collections import Counter
from typing import Any

IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"
NEWS_DAYS = 3  # an article tells an occurrence as news when it ended at most this many days before
MAX_OCCURRENCES = 10_000  # a timeline's rows


class UnknownActor(LookupError):
    """No stored article names the actor asked for."""


def event_facts(store, event_ids: list[str], starts: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """What each event is (type, mode, both sides, place), by event id: from occurrence_events, which holds
    every event that happened (the only ones occurrences and their reports list). ``starts``: the first
    days of the occurrences the events joined, when all are known; the rows are bounded by them, so DuckDB
    reads only that stretch of the table (rows lie in the order of those days) instead of every id."""
    ids = sorted(set(event_ids))
    if not ids:
        return {}
    bound, params = "", [ids]
    if starts:
        bound, params = " AND occ_start BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)", [ids, min(starts), max(starts)]
    rows = store.query(
        "SELECT id, article_id, type, mode, actor_name AS actor, actor_country, recipient_name AS recipient, "
        f"recipient_country, location, location_country FROM occurrence_events WHERE id {IN_LIST}{bound}", params)
    return {r["id"]: r for r in rows}


def named(store, actor: str) -> bool:
    """Whether any stored article names ``actor`` (as an entity or an event's actor or recipient)."""
    from . import query

    return bool(query.entities(store, name=actor, limit=1) or query.events(store, actor=actor, limit=1,
                                                                          min_confidence=0)
                or query.events(store, recipient=actor, limit=1, min_confidence=0))


def timeline(store, actor: str, *, with_: str | None = None, type: str | None = None, since: str | None = None,
             until: str | None = None, min_confidence: float | None = None,
             limit: int = MAX_OCCURRENCES, offset: int = 0) -> dict[str, Any]:
    """``actor``'s occurrences on either side (``with_``: only those with that other side), oldest first:
    ``count`` is all of them (counted in SQL), ``occurrences`` the page ``limit``/``offset`` of them."""
    from . import query

    facts: dict[str, dict[str, Any]] = {}  # what each report is, read with the reports (query.report_facts)
    page = query.actor_occurrences(store, actor, other=with_, type=type, since=since, until=until,
                                   min_confidence=min_confidence, limit=limit, offset=offset, facts=facts)
    # an actor with occurrences is named; only an empty answer asks whether it is named at all (a scan of names)
    if not page["count"] and not named(store, actor):
        raise UnknownActor(f"no stored article names {actor!r}")
    found = page["occurrences"]
    missing = [r["event"] for o in found for r in o["reports"] if r["event"] not in facts]
    if missing:
        facts.update(event_facts(store, missing, [o["start"] for o in found]))
    rows = [_describe(o, facts, actor) for o in found]
    rows.sort(key=lambda o: (o["start"], o["end"], o["type"] or "", o["counterpart"] or ""))
    return {"actor": actor, "with": with_, "type": type, "since": since, "until": until, "count": page["count"],
            "offset": offset, "limit": limit, "shown": len(rows), "occurrences": rows}


def _describe(o: dict[str, Any], facts: dict[str, dict], actor: str | None = None) -> dict[str, Any]:
    """An occurrence with what its reports say together: the commonest type, mode, place, and the other
    side (for ``actor``'s timeline: whichever side of each report is not ``actor``)."""
    fs = [facts.get(r["event"], {}) for r in o["reports"]]

    def commonest(key: str) -> str | None:
        c = Counter(f.get(key) for f in fs if f.get(key))
        return c.most_common(1)[0][0] if c else None

    others = Counter(_other_side(f, actor) for f in fs)
    others.pop(None, None)
    counterpart = others.most_common(1)[0][0] if others else None
    return {
        "id": o.get("id"), "start": o["start"], "end": o["end"], "type": o.get("type") or commonest("type"),
        "mode": o.get("mode") or commonest("mode"), "counterpart": counterpart[0] if counterpart else None,
        "counterparts": [c[0] for c, _ in others.most_common()],
        "counterpart_country": counterpart[1] if counterpart else None,
        "place": (o.get("locations") or [None])[0] or commonest("location"),
        "places": o.get("locations") or [], "reports": len(o["reports"]), "articles": o["articles"],
        "sources": o["sources"],
        "evidence": [{"event": r["event"], "article": r["article"], "source": r.get("source"),
                      "published": r.get("published"), "sentence": r.get("sentence")} for r in o["reports"]],
    }


def stories(store, *, since: str | None = None, until: str | None = None,
            min_confidence: float | None = None, limit: int = 100) -> dict[str, Any]:
    """Articles joined when they report one occurrence with the same actor; biggest stories first."""
    from . import query

    occurrences = query.occurrences(store, since=since, until=until, min_confidence=min_confidence)["occurrences"]
    facts = event_facts(store, [r["event"] for o in occurrences for r in o["reports"]])
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    links: list[tuple[int, str, set[str]]] = []  # (occurrence, actor, articles)
    for i, o in enumerate(occurrences):
        by_actor: dict[str, set[str]] = {}
        for r in o["reports"]:
            if not _as_news(o, r):
                continue
            for who in _parties(facts.get(r["event"], {})):
                by_actor.setdefault(who, set()).add(r["article"])
        for who, arts in by_actor.items():
            links.append((i, who, arts))
            first = next(iter(arts))
            for a in arts:
                parent[root(a)] = root(first)
    groups: dict[str, dict[str, Any]] = {}
    for i, who, arts in links:
        g = groups.setdefault(root(next(iter(arts))), {"articles": set(), "occurrences": set(), "actors": Counter()})
        g["articles"] |= arts
        g["occurrences"].add(i)
        if not _is_place(who, occurrences[i]):
            g["actors"][who] += len(arts)
    meta = _article_meta(store, sorted({a for g in groups.values() for a in g["articles"]}))
    out = [_story(g, occurrences, facts, meta) for g in groups.values() if len(g["articles"]) > 1]
    out.sort(key=lambda s: (-len(s["articles"]), -len(s["occurrences"]), s["start"]))
    return {"since": since, "until": until, "count": len(out), "stories": out[:limit]}


def _other_side(f: dict[str, Any], actor: str | None) -> tuple[str, str | None] | None:
    """(name, country) of the side of a report that is not ``actor`` (matched as the read models match:
    part of the name, or the country code)."""
    def matches(side: str) -> bool:
        a = (actor or "").lower()
        return bool(a) and (a in (f.get(side) or "").lower() or a == (f.get(f"{side}_country") or "").lower())

    side = "actor" if actor and matches("recipient") and not matches("actor") else "recipient"
    name = f.get(side)
    return (name, f.get(f"{side}_country")) if name else None


def _as_news(o: dict[str, Any], r: dict[str, Any]) -> bool:
    """Whether a report tells its occurrence as news (it ended at most NEWS_DAYS before the article's day):
    a later article that recalls it ("his first visit, last March") does not make the two stories one."""
    import datetime as dt

    day = str(r.get("published") or "")[:10]
    if not day:
        return False
    published = dt.date.fromisoformat(day)
    return str(published - dt.timedelta(days=NEWS_DAYS)) <= o["end"] and o["start"] <= str(published)


def _is_place(name: str, o: dict[str, Any]) -> bool:
    """A party that is a place ("a visit to Beijing"), not an actor to name as the story's."""
    from .ontology.countries import default_countries

    return name in (o.get("locations") or []) or default_countries().find(name) is not None


def _parties(f: dict[str, Any]) -> list[str]:
    """Both sides of a report, by name (or country when unnamed)."""
    return [who for side in ("actor", "recipient")
            if (who := (f.get(side) or "").strip() or f.get(f"{side}_country"))]


def _article_meta(store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    rows = store.query(f"SELECT id, published, source, title FROM articles WHERE id {IN_LIST}", [ids])
    return {r["id"]: r for r in rows}


def _story(g: dict[str, Any], occurrences: list[dict], facts: dict[str, dict], meta: dict[str, dict]
           ) -> dict[str, Any]:
    occ = sorted((_describe(occurrences[i], facts) for i in g["occurrences"]), key=lambda o: (o["start"], o["end"]))
    arts = sorted((meta.get(a, {"id": a}) for a in g["articles"]), key=lambda a: (str(a.get("published") or ""), a["id"]))
    return {"start": occ[0]["start"], "end": max(o["end"] for o in occ),
            "actors": [a for a, _ in g["actors"].most_common(5)],
            "articles": [{"id": a["id"], "published": a.get("published"), "source": a.get("source"),
                          "title": a.get("title")} for a in arts],
            "occurrences": [{k: o[k] for k in ("id", "start", "end", "type", "mode", "counterpart", "place",
                                               "reports", "articles", "sources")} for o in occ]}
