"""Writing actor links: at save time, inside the transaction that stores the articles, and in a rebuild.

The ``actor_mentions`` of a saved article are replaced as a whole, like its other rows; the actors they
link to are inserted once (an actor's id is its key's hash, so the same mention links to the same id in
every store and every order), and what is counted over an actor's mentions (aliases, articles, mentions,
first and last day, a new actor's shown name) is counted again for the actors the batch touched. Saving
the same articles again therefore changes nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .dictionary import Dictionaries
from .link import Linked, link_article
from .names import normalise

IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"
MENTION_COLUMNS = ("id, actor_id, article_id, role, entity_id, event_id, quote_id, text, n, day, code, title, "
                   "rule")
ACTOR_COLUMNS = "id, key, name, type, country, sector, dictionary_id"


@functools.cache
def dictionaries() -> Dictionaries:
    """The shipped dictionaries, loaded once per process (about two seconds) on the first save."""
    return Dictionaries()


def link_analyses(analyses: Iterable[Any], dicts: Dictionaries | None = None) -> list[Linked]:
    """Links of each analysis (records of :mod:`dateline.model`)."""
    dicts = dicts or dictionaries()
    return [link_article(dicts, a.article.id, a.article.published, a.entities, a.events, a.quotes)
            for a in analyses]


def save_links(tx: Any, analyses: Sequence[Any], replaced: Sequence[str],
               lock: Callable[[Any, list[str]], None] | None = None) -> None:
    """The store's save hook: link the saved analyses and write the links in the open transaction ``tx``.
    ``replaced`` are the ids of articles stored before (their old links go); ``lock`` serialises writers
    of the same actors on a server (sorted ids, so two writers cannot deadlock)."""
    write_links(tx, link_analyses(analyses), replaced, lock)


def write_links(tx: Any, linked: Sequence[Linked], replaced: Sequence[str],
                lock: Callable[[Any, list[str]], None] | None = None) -> None:
    touched: set[str] = set()
    if replaced:
        touched |= {r[0] for r in tx.execute(f"SELECT DISTINCT actor_id FROM actor_mentions WHERE article_id "
                                             f"{IN_LIST}", [list(replaced)])}
        tx.execute(f"DELETE FROM actor_mentions WHERE article_id {IN_LIST}", [list(replaced)])
    actors = {aid: info for one in linked for aid, info in one.actors.items()}
    touched |= set(actors)
    if not touched:
        return
    ids = sorted(touched)
    if lock is not None:
        lock(tx, ids)
    tx.insert("actors", ACTOR_COLUMNS, [(aid, i.key, i.name, i.type, i.country, i.sector, i.dictionary_id)
                                        for aid, i in sorted(actors.items())], conflict="ON CONFLICT (id) DO NOTHING")
    rows = [(x.id, x.actor_id, x.article_id, x.role, x.entity_id, x.event_id, x.quote_id, x.text, x.n, x.day,
             x.code, x.title, x.rule) for one in linked for x in one.links]
    tx.insert("actor_mentions", MENTION_COLUMNS, rows, conflict="")
    recount(tx, ids)


def recount(tx: Any, ids: list[str]) -> None:
    """Aliases, counts, first and last day and new actors' shown names of these actors, from their
    mentions; an actor left with no mention goes."""
    tx.execute(f"DELETE FROM actor_aliases WHERE actor_id {IN_LIST}", [ids])
    tx.execute("INSERT INTO actor_aliases (actor_id, alias, n_mentions) "
               f"SELECT actor_id, text, sum(n) FROM actor_mentions WHERE actor_id {IN_LIST} AND role = 'entity' "
               "GROUP BY actor_id, text", [ids])
    tx.execute("UPDATE actors SET n_articles = s.n_articles, n_mentions = s.n_mentions, first_seen = s.first_seen, "
               "last_seen = s.last_seen FROM (SELECT actor_id, count(DISTINCT article_id) AS n_articles, "
               "sum(CASE WHEN role = 'entity' THEN n ELSE 0 END) AS n_mentions, min(day) AS first_seen, "
               f"max(day) AS last_seen FROM actor_mentions WHERE actor_id {IN_LIST} GROUP BY actor_id) s "
               "WHERE actors.id = s.actor_id", [ids])
    tx.execute(f"DELETE FROM actors WHERE id {IN_LIST} AND id NOT IN "
               f"(SELECT actor_id FROM actor_mentions WHERE actor_id {IN_LIST})", [ids, ids])
    _rename(tx, ids)
    _resector(tx, ids)


def _resector(tx: Any, ids: list[str]) -> None:
    """A new actor's sector is the one its mentions were coded with most (then alphabetical), so it does not
    depend on which article came first."""
    rows = tx.execute("SELECT m.actor_id, substr(m.code, 4, 3) AS sector, sum(m.n) AS n, a.sector AS current "
                      "FROM actor_mentions m JOIN actors a ON a.id = m.actor_id "
                      f"WHERE m.actor_id {IN_LIST} AND a.dictionary_id IS NULL AND m.role = 'entity' "
                      "AND length(m.code) >= 6 GROUP BY m.actor_id, substr(m.code, 4, 3), a.sector", [ids])
    best: dict[str, tuple] = {}
    for aid, sector, n, current in rows:
        rank = (-int(n), sector)
        if aid not in best or rank < best[aid][0]:
            best[aid] = (rank, sector, current)
    changed = [(sector, aid) for aid, (_, sector, current) in best.items() if sector != current]
    if changed:
        tx.executemany("UPDATE actors SET sector = ? WHERE id = ?", changed)


def _rename(tx: Any, ids: list[str]) -> None:
    """A new actor is shown by the written form of its full name used most (mixed case before capitals,
    then most used, then alphabetical): "Kim Jong-un" and "Kim Jong Un" are one actor, shown one way in every store."""
    rows = tx.execute(f"SELECT a.id, a.key, a.type, a.name, l.alias, l.n_mentions FROM actors a JOIN actor_aliases l "
                      f"ON l.actor_id = a.id WHERE a.id {IN_LIST} AND a.dictionary_id IS NULL", [ids])
    best: dict[str, tuple] = {}
    current: dict[str, str] = {}
    for aid, key, type, name, alias, n in rows:
        current[aid] = name
        if normalise(alias, type) != key.split(":")[2]:
            continue  # a short form or another spelling of the name: not the actor's full name
        rank = (alias.isupper(), -int(n), alias)  # a dateline's "NEW YORK" is shown as its text writes it
        if aid not in best or rank < best[aid][0]:
            best[aid] = (rank, alias)
    changed = [(alias, aid) for aid, (_, alias) in best.items() if current.get(aid) != alias]
    if changed:
        tx.executemany("UPDATE actors SET name = ? WHERE id = ?", changed)


def rebuild(store: Any, *, batch: int = 200, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Link every stored article again from its stored records (a store made before actors were linked,
    or after the dictionaries changed): the actor tables are emptied, then filled a batch at a time."""
    import json

    from ..model import Entity, Event, Quote, from_dict

    ids = [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]
    with store._transaction() as tx:
        for table in ("actor_mentions", "actor_aliases", "actors"):
            tx.execute(f"DELETE FROM {table}")
    dicts = dictionaries()
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        published = {r["id"]: r["published"] for r in
                     store.query(f"SELECT id, published FROM articles WHERE id {IN_LIST}", [chunk])}
        parts: dict[str, dict[str, list]] = {a: {"entities": [], "events": [], "quotes": []} for a in chunk}
        for table, cls in (("entities", Entity), ("events", Event), ("quotes", Quote)):
            for r in store.query(f"SELECT article_id, record FROM {table} WHERE article_id {IN_LIST} ORDER BY id",
                                 [chunk]):
                rec = r["record"]
                parts[r["article_id"]][table].append(from_dict(cls, json.loads(rec) if isinstance(rec, str) else rec))
        linked = [link_article(dicts, a, published.get(a), **parts[a]) for a in chunk]
        with store._transaction() as tx:
            write_links(tx, linked, [], getattr(store, "_lock_articles", None))
        if progress is not None:
            progress(min(start + batch, len(ids)), len(ids))
    got = store.query("SELECT (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM actor_mentions) AS links")
    return {"articles": len(ids), "actors": int(got[0]["actors"]), "links": int(got[0]["links"])}
