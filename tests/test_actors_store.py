"""Actor links in the store, on DuckDB and PostgreSQL: written at save time, unchanged by saving again,
replaced with a re-analysed article, rebuilt the same for an older store, and read by id in the
events and quotes read models."""

from __future__ import annotations

import pytest

from dateline import query
from dateline.actors import query as actor_query
from dateline.actors.store import rebuild
from dateline.model import ActorRef, Article, ArticleAnalysis, Entity, Event, Evidence, Mention, Quote, Span, article_id
from dateline.store import open_store

TABLES = ("actors", "actor_aliases", "actor_mentions")


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "s.duckdb")
    return request.getfixturevalue("pg_server").new_database()


def m(text, kind="name"):
    return Mention(span=Span(start=0, end=len(text), text=text), kind=kind)


def analysis(text, published, entities=(), events=(), quotes=()):
    art = Article(id=article_id(text), text=text, title=text.split("\n")[0], published=published, source="Wire")
    return ArticleAnalysis(article=art, entities=tuple(entities), events=tuple(events), quotes=tuple(quotes))


def varga_story(name="Tomas Varga"):
    """Tomas Varga of Hungary meets the Austrian chancellor; he is quoted."""
    e1 = Entity(id="en1", name=name, type="PERSON", country="HUN", sector="GOV", role="minister",
                mentions=(m(name), m("Varga", "short_name"), m("Varga", "short_name")))
    e2 = Entity(id="en2", name="Austria", type="GPE", country="AUT", role="country", mentions=(m("Austria"),))
    s = Span(start=0, end=20, text="Varga met Austria.")
    ev = Event(id="ev1", article_id="x", type="CONSULT", actor=ActorRef(text="Varga", name=name, entity_id="en1"),
               recipient=ActorRef(text="Austria", name="Austria", entity_id="en2", country="AUT"),
               evidence=Evidence(sentence=s, trigger=Span(start=6, end=9, text="met"), rule="test"))
    q = Quote(id="q1", content=Span(start=0, end=4, text="Yes."), speaker_entity_id="en1", speaker_name=name)
    return analysis("Varga meets Austria\nTomas Varga met Austria.", "2021-05-04", [e1, e2], [ev], [q])


def other_varga_story():
    """Another Varga, named only by his surname, in another article."""
    e = Entity(id="en9", name="Varga", type="PERSON", mentions=(m("Varga"),))
    return analysis("A Varga wins\nVarga won the race.", "2021-06-01", [e])


def snapshot(store):
    return {t: sorted(tuple(str(v) for v in r.values()) for r in store.query(f"SELECT * FROM {t}")) for t in TABLES}


def test_saving_links_and_saving_again_changes_nothing(url):
    with open_store(url) as store:
        store.save([varga_story(), other_varga_story()])
        first = snapshot(store)
        store.save([varga_story()])  # re-ingest
        store.save([varga_story(), other_varga_story()])
        assert snapshot(store) == first
        rows = actor_query.actors(store, search="Varga")
        assert [(r["name"], r["articles"], r["mentions"]) for r in rows] == [("Tomas Varga", 1, 3), ("Varga", 1, 1)]
        tomas = rows[0]["id"]
        aliases = store.query("SELECT alias, n_mentions FROM actor_aliases WHERE actor_id = ? ORDER BY alias", [tomas])
        assert [(a["alias"], a["n_mentions"]) for a in aliases] == [("Tomas Varga", 1), ("Varga", 2)]


def test_a_new_actor_is_shown_as_most_articles_write_it(url):
    dateline = Entity(id="en5", name="SZEGED", type="GPE", country="HUN", mentions=(m("SZEGED"),))
    body = Entity(id="en6", name="Szeged", type="GPE", country="HUN", mentions=(m("Szeged"), m("Szeged")))
    with open_store(url) as store:
        store.save([analysis("SZEGED, May 4 - A\nB.", "2021-05-04", [dateline]),
                    analysis("SZEGED, May 5 - C\nD.", "2021-05-05", [dateline]),
                    analysis("Szeged fair\nIn Szeged.", "2021-05-06", [body])])
        rows = actor_query.actors(store, search="szeged")
        assert [(r["name"], r["articles"], r["mentions"]) for r in rows] == [("Szeged", 3, 4)]


def test_a_new_actor_has_the_sector_most_of_its_mentions_have_whatever_came_first(url):
    def story(i, sector):
        e = Entity(id="en1", name="Arnor Fisheries", type="ORG", country="HUN", sector=sector,
                   mentions=(m("Arnor Fisheries"),))
        return analysis(f"Fish {i}\nArnor Fisheries grew.", f"2021-05-0{i}", [e])

    with open_store(url) as store:
        store.save([story(1, "GOV")])
        assert actor_query.actors(store)[0]["sector"] == "GOV"
        store.save([story(2, "BUS"), story(3, "BUS")])
        assert actor_query.actors(store)[0]["sector"] == "BUS"


def test_a_reanalysed_article_replaces_its_links(url):
    with open_store(url) as store:
        store.save([varga_story()])
        store.save([varga_story(name="Tamas Varga")])  # the same text read again with another reading
        names = {r["name"] for r in actor_query.actors(store)}
        assert "Tamas Varga" in names and "Tomas Varga" not in names  # an actor left with no mention goes


def test_rebuild_gives_what_saving_gave(url):
    with open_store(url) as store:
        store.save([varga_story(), other_varga_story()])
        saved = snapshot(store)
        for t in TABLES:
            store.query(f"DELETE FROM {t}") if store.dialect == "duckdb" else store.con.execute(f"DELETE FROM {t}")
        assert actor_query.actors(store) == []
        got = rebuild(store, batch=1)
        assert got["articles"] == 2 and snapshot(store) == saved


def test_events_and_quotes_take_an_actor_id(url):
    with open_store(url) as store:
        store.save([varga_story(), other_varga_story()])
        tomas = actor_query.actors(store, search="Tomas")[0]["id"]
        austria = actor_query.actors(store, search="Austria")[0]["id"]
        assert [e["id"] for e in query.events(store, actor=tomas, min_confidence=0)] == ["ev1"]
        assert [e["id"] for e in query.events(store, actor=tomas[:10], recipient=austria, min_confidence=0)] == ["ev1"]
        assert query.events(store, actor=austria, min_confidence=0) == []  # Austria is the target, not the actor
        assert [q["content"] for q in query.quotes(store, speaker=tomas)] == ["Yes."]
        profile = actor_query.actor(store, tomas)
        assert [e["id"] for e in profile["events_as_actor"]] == ["ev1"] and profile["events_as_target"] == []
        assert [(r["code"], r["role"]) for r in profile["roles"]] == [("HUNGOV", "minister")]
        assert actor_query.find_actor_id(store, "ac") is None  # a prefix of several
        assert actor_query.actors(store, search="%") == actor_query.actors(store, search="_") == []  # literal text


def test_concurrent_writers_on_postgres_count_a_shared_actor_right(pg_server):
    import threading

    url = pg_server.new_database()
    open_store(url).close()

    def story(k, i):
        e = Entity(id="en1", name="Tomas Varga", type="PERSON", country="HUN",
                   mentions=(m("Tomas Varga"), m("Varga", "short_name")))
        return analysis(f"Story {k}-{i}\nTomas Varga spoke.", "2021-05-04", [e])

    failures: list[BaseException] = []

    def writer(k):
        try:
            with open_store(url) as store:
                for i in range(6):  # each writer also saves its neighbour's stories again
                    store.save([story(k, i), story((k + 1) % 4, i)])
        except BaseException as e:  # noqa: BLE001 - reported by the assertion below
            failures.append(e)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    with open_store(url, read_only=True) as store:
        rows = actor_query.actors(store, search="Varga")
        assert [(r["name"], r["articles"], r["mentions"]) for r in rows] == [("Tomas Varga", 24, 48)]
        aliases = store.query("SELECT alias, n_mentions FROM actor_aliases ORDER BY alias")
        assert [(a["alias"], a["n_mentions"]) for a in aliases] == [("Tomas Varga", 24), ("Varga", 24)]


def test_the_order_articles_arrive_in_changes_nothing(tmp_path):
    def dateline_story(i, name):
        e = Entity(id="en1", name=name, type="GPE", country="HUN", mentions=(m(name),))
        return analysis(f"{name}, May {i} - x\nBody {i}.", f"2021-05-0{i}", [e])

    stories = [varga_story(), other_varga_story(), dateline_story(1, "SZEGED"), dateline_story(2, "Szeged")]
    snaps = []
    for k, order in enumerate((stories, stories[::-1])):
        with open_store(str(tmp_path / f"{k}.duckdb")) as store:
            for a in order:
                store.save([a])
            snaps.append(snapshot(store))
    assert snaps[0] == snaps[1]
