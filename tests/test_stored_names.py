"""Name filters through stored names (migration 011, store/names.py) answer exactly as the plain filter on
the rows does, on DuckDB and PostgreSQL: names with %, _, a backslash and mixed case, fragments of them, a
fragment too many names contain, a renamed actor, and a store made before the table."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dateline import query
from dateline.claims.check import _resolve_actor
from dateline.model import (ActorRef, Article, ArticleAnalysis, DateRef, Entity, Event, Evidence, Mention, Span,
                            article_id)
from dateline.store import names as stored_names
from dateline.store import open_store

# invented parties: (name, country, code); the odd characters are the point
PARTIES = [("Ana 100% Ruiz", "ESP", "ESPGOV"), ("Bo_Lind", "SWE", "SWEGOV"), ("bo lind", "SWE", None),
           ("MARIA de la CRUZ", "MEX", "MEXGOV"), ("Maria Delacroix", "FRA", "FRAGOV"),
           ("Back\\slash Corp", "NOR", "NORBUS"), ("Élodie Ärmel", "CHE", "CHEGOV"), ("Lindqvist", "SWE", "swegov")]
TEXTS = ["ana", "100%", "%", "_", "bo_", "Bo_Lind", "bo l", "BO LIND", "maria", "MARIA DE", "de", "\\", "slash",
         "élodie", "ÄRMEL", "lind", "nobody", "SWE", "swegov", "esp", "a"]
TYPES = ["CONSULT", "ACCUSE", "AID"]


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "names.duckdb")
    return request.getfixturevalue("pg_server").new_database()


def _side(name: str, country: str, code: str | None, at: int) -> ActorRef:
    return ActorRef(text=name, name=name, span=Span(start=at, end=at + len(name), text=name), country=country,
                    code=code, coding="test")


def _analysis(i: int, actor: tuple, recipient: tuple, kind: str, day: str) -> ArticleAnalysis:
    sentence = f"{actor[0]} and {recipient[0]} met on day {i}."
    text = f"Report {i}\n{sentence}\n"
    start = text.index(sentence)
    art = Article(id=article_id(text), text=text, title=f"Report {i}", published=day, source=f"Wire {i % 3}",
                  url=f"https://wire.example/{i}")
    rec_at = start + len(actor[0]) + 5
    ev = Event(id=f"ev{art.id}", article_id=art.id, type=kind, actor=_side(*actor, start),
               recipient=_side(*recipient, rec_at), confidence=0.9,
               evidence=Evidence(sentence=Span(start=start, end=start + len(sentence), text=sentence),
                                 trigger=Span(start=rec_at - 4, end=rec_at - 1, text="and"), rule="test"),
               date=DateRef(value=day, start=day, end=day))
    ents = tuple(Entity(id=f"en{art.id}{n}", name=who[0], type="ORG" if "Corp" in who[0] else "PERSON",
                        mentions=(Mention(span=Span(start=at, end=at + len(who[0]), text=who[0])),), country=who[1])
                 for n, (who, at) in enumerate(((actor, start), (recipient, rec_at))))
    return ArticleAnalysis(article=art, entities=ents, events=(ev,))


def _store_analyses() -> list[ArticleAnalysis]:
    out = []
    for i in range(48):
        a, r = PARTIES[i % len(PARTIES)], PARTIES[(i * 3 + 1) % len(PARTIES)]
        out.append(_analysis(i, a, r, TYPES[i % 3], f"2021-{1 + i % 12:02d}-{1 + i % 27:02d}"))
    return out


def _answers(store, text: str) -> dict:
    occ = query.occurrences(store, actor=text, min_confidence=0)
    return {
        "events": query.events(store, actor=text, min_confidence=0, limit=500),
        "recipients": query.events(store, recipient=text, min_confidence=0, limit=5000),
        "entities": query.entities(store, name=text, limit=500),
        "count": (occ["count"], [o["id"] for o in occ["occurrences"]], occ["unplaced_count"]),
        "either_side": query.actor_occurrences(store, text, other="SWE", min_confidence=0)["count"],
        "resolved": _resolve_actor(store, text, required=False),
    }


def _plain(monkeypatch, store, text: str) -> dict:
    with monkeypatch.context() as m:  # as a store without stored names: the plain filter on every row
        m.setattr(stored_names, "has_names", lambda store: False)
        return _answers(store, text)


def test_stored_names_answer_as_the_plain_filter(url, monkeypatch):
    with open_store(url) as store:
        store.save(_store_analyses())
        assert {r["name"] for r in store.query("SELECT name FROM stored_names")} == {p[0] for p in PARTIES}
        for text in TEXTS:
            got, want = _answers(store, text), _plain(monkeypatch, store, text)
            assert got == want, text
        # the stored names are what the filter reads; a fragment stands for every name that contains it
        assert "stored_names" in query.name_match(store, "e.actor_name", "lind")[0]
        assert stored_names.matching(store, "BO_", most=5) == ["Bo_Lind"]
        assert stored_names.matching(store, "%", most=5) == ["Ana 100% Ruiz"]
        assert sorted(stored_names.matching(store, "lind", most=5)) == ["Bo_Lind", "Lindqvist", "bo lind"]
        assert stored_names.matching(store, "lind", most=2) is None
        assert query.events(store, actor="100%", min_confidence=0, limit=500)
        assert not query.events(store, actor="nobody", min_confidence=0, limit=500)


def test_a_claim_counts_articles_only_for_a_name_shared(url, monkeypatch):
    """One stored name containing the claim's actor is taken without counting; two are ranked by articles."""
    with open_store(url) as store:
        store.save(_store_analyses())
        counted = []
        real = query.entities
        monkeypatch.setattr(query, "entities", lambda *a, **k: counted.append(k["name"]) or real(*a, **k))
        assert _resolve_actor(store, "delacroix") == ("Maria Delacroix", {"as_written": "delacroix",
                                                                         "counted_as": "Maria Delacroix"})
        assert _resolve_actor(store, "nobody", required=False) == ("nobody", {"as_written": "nobody",
                                                                             "counted_as": "nobody"})
        assert counted == []
        got = _resolve_actor(store, "maria")
        assert counted == ["maria"] and set(got[1]["names"]) == {"MARIA de la CRUZ", "Maria Delacroix"}


def test_a_renamed_party_is_found_by_its_new_name_only(url, monkeypatch):
    with open_store(url) as store:
        first = _analysis(1, PARTIES[0], PARTIES[1], "CONSULT", "2021-03-04")
        store.save([first])
        other = _analysis(1, ("Anabel Ruiz-Ortega", "ESP", "ESPGOV"), PARTIES[1], "CONSULT", "2021-03-04")
        renamed = replace(first, entities=other.entities, events=tuple(
            replace(e, id=first.events[0].id, article_id=first.article.id) for e in other.events))
        store.save([renamed])  # the article re-analysed: its old actor's name is kept in stored_names, matching nothing
        assert "Ana 100% Ruiz" in {r["name"] for r in store.query("SELECT name FROM stored_names")}
        for text in ("100%", "ruiz", "anabel", "ortega"):
            assert _answers(store, text) == _plain(monkeypatch, store, text), text
        assert not query.events(store, actor="100%", min_confidence=0)
        assert [e["actor"] for e in query.events(store, actor="ruiz", min_confidence=0)] == ["Anabel Ruiz-Ortega"]


def test_an_older_store_is_given_its_names_on_upgrade(tmp_path, monkeypatch):
    path = str(tmp_path / "old.duckdb")
    with open_store(path) as store:
        store.save(_store_analyses())
        # as a store made before migration 011 is: no table, the migration not recorded
        with store._transaction() as tx:
            tx.execute("DROP TABLE stored_names")
            tx.execute("DELETE FROM migrations WHERE name LIKE '011_%'")
    with open_store(path, read_only=True) as old:  # read-only, not upgraded: the plain filter answers
        assert not stored_names.has_names(old) and stored_names.matching(old, "lind", most=5) is None
        before = {t: _answers(old, t) for t in TEXTS}
    with open_store(path) as store:  # writable: upgraded, every stored name filled in
        assert {r["name"] for r in store.query("SELECT name FROM stored_names")} == {p[0] for p in PARTIES}
        assert {t: _answers(store, t) for t in TEXTS} == before


@pytest.mark.parametrize("link", [True, False])
def test_every_writer_stores_the_names(tmp_path, link):
    """Both ways rows are written (Store.save, and the synthetic build's rows alone) keep stored_names whole."""
    from dateline.synthetic import build

    path = str(tmp_path / "synthetic.duckdb")
    build(path, 300, seed=3, link=link, batch_articles=40)
    with open_store(path, read_only=True) as store:
        have = {r["name"] for r in store.query("SELECT name FROM stored_names")}
        used = {r["n"] for r in store.query("SELECT name AS n FROM entities UNION SELECT actor_name FROM events "
                                            "UNION SELECT recipient_name FROM events") if r["n"]}
    assert used and have == used
