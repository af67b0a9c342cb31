"""Stored occurrences on both backends: kept up to date as articles are saved, never doubled by a
re-save, rebuilt the same from scratch, explained, and counted without merging different events.

Articles here are hand-made analyses in our own words (no parse): each names its events directly."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dateline import query
from dateline.model import (ActorRef, Article, ArticleAnalysis, DateRef, Entity, Event, Evidence, GeoRef, Mention,
                            Place, PlaceRef, Span, article_id)
from dateline.store import StoreError, open_store

ADA = ("Ada Lindqvist", "SWE", "PERSON")
BO = ("Bo Ekberg", "SWE", "PERSON")
NORWAY = ("Norway", "NOR", "GPE")
OSLO = GeoRef(name="Oslo", country="NO", lat=59.9, lon=10.7, geonames_id=3143244, admin1="12", feature_class="P",
              feature_code="PPLC")
BERGEN = GeoRef(name="Bergen", country="NO", lat=60.4, lon=5.3, geonames_id=3161732, admin1="46", feature_class="P",
                feature_code="PPLA")
COUNTRY = GeoRef(name="Norway", country="NO", lat=62.0, lon=10.0, geonames_id=3144096, feature_class="A",
                 feature_code="PCLI")


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "s.duckdb")
    return request.getfixturevalue("pg_server").new_database()


def article(name, published, *events, source="Wire"):
    """An analysis whose text is its sentences; each event is (actor, recipient, day or (start, end),
    place GeoRef or None, sentence), optionally with an inferred flag and type/mode."""
    sentences = [e["sentence"] for e in events]
    text = f"{name}\n" + "\n".join(sentences)
    art = Article(id=article_id(text), text=text, title=name, published=published, source=source,
                  url=f"https://example.org/{name.replace(' ', '-')}")
    entities, places, coded = {}, [], []
    offset = len(name) + 1
    for i, e in enumerate(events):
        sent = Span(start=offset, end=offset + len(e["sentence"]), text=e["sentence"])
        offset = sent.end + 1
        refs = []
        for who in (e["actor"], e.get("recipient")):
            if who is None:
                refs.append(None)
                continue
            label, country, etype = who
            ent = entities.setdefault(label, Entity(id=f"en{art.id[:6]}{len(entities)}", name=label, type=etype,
                                                    mentions=(Mention(span=sent),), country=country))
            refs.append(ActorRef(text=label, name=label, entity_id=ent.id, country=country))
        start, end = e["days"] if isinstance(e["days"], tuple) else (e["days"], e["days"])
        loc = None
        if e.get("place"):
            pid = f"pl{art.id[:6]}{i}"
            places.append(Place(id=pid, span=sent, resolved=e["place"], is_event_location=True))
            loc = PlaceRef(name=e["place"].name, place_id=pid, country=e["place"].country)
        coded.append(Event(id=f"ev{art.id[:8]}{i}", article_id=art.id, type=e.get("type", "CONSULT"),
                           mode=e.get("mode", "visit"), actor=refs[0], recipient=refs[1],
                           evidence=Evidence(sentence=sent, trigger=sent, rule="test"),
                           date=DateRef(value=start if start == end else f"{start}/{end}", start=start, end=end,
                                        inferred=e.get("inferred", False)),
                           location=loc, confidence=0.9))
    return ArticleAnalysis(article=art, entities=tuple(entities.values()), places=tuple(places), events=tuple(coded))


def ev(actor, recipient, days, place, sentence, **kw):
    return {"actor": actor, "recipient": recipient, "days": days, "place": place, "sentence": sentence, **kw}


VISIT_A = article("Lindqvist in Oslo", "2021-04-14",
                  ev(ADA, NORWAY, ("2021-04-12", "2021-04-14"), OSLO, "Ada Lindqvist visited Norway from 12 to 14 April."))
VISIT_B = article("Oslo talks end", "2021-04-15",
                  ev(ADA, NORWAY, "2021-04-15", COUNTRY, "Lindqvist ended her visit to Norway.", inferred=True),
                  source="Courier")
OTHER = article("Ekberg in Bergen", "2021-04-13",
                ev(BO, NORWAY, "2021-04-13", BERGEN, "Bo Ekberg visited Bergen on 13 April."),
                ev(ADA, NORWAY, "2021-04-13", BERGEN, "Ada Lindqvist was seen in Bergen on 13 April."),
                source="Post")


def rows(store):
    return sorted((r["id"], r["n_reports"], r["n_articles"]) for r in
                  store.query("SELECT id, n_reports, n_articles FROM occurrences"))


def test_saving_articles_joins_their_reports_incrementally(url):
    with open_store(url) as store:
        store.save([VISIT_A])
        assert [(n, a) for _, n, a in rows(store)] == [(1, 1)]
        store.save([VISIT_B, OTHER])  # another outlet's report of the visit; two other events of its days
        got = query.occurrences(store, type="CONSULT", mode="visit")
        by_actor = sorted((o["actor"]["name"], o["place"]["name"], len(o["reports"])) for o in got["occurrences"])
        # Ada in Oslo twice reported; Ada in Bergen the same day is another place; Bo is another actor
        assert by_actor == [("Ada Lindqvist", "Bergen", 1), ("Ada Lindqvist", "Oslo", 2), ("Bo Ekberg", "Bergen", 1)]
        (visit,) = [o for o in got["occurrences"] if o["place"]["name"] == "Oslo"]
        assert {r["source"] for r in visit["reports"]} == {"Wire", "Courier"}
        joined = [r["why"] for r in visit["reports"] if not r["why"].get("founded")]
        assert joined and joined[0]["place"] == "Oslo is within Norway"


def test_resaving_an_article_never_doubles_and_a_changed_one_gives_back_its_reports(url):
    with open_store(url) as store:
        store.save([VISIT_A, VISIT_B, OTHER])
        first = rows(store)
        reports = store.query("SELECT count(*) AS n FROM occurrence_reports")[0]["n"]
        store.save([VISIT_B])
        store.save([VISIT_A, VISIT_B, OTHER])
        assert rows(store) == first
        assert store.query("SELECT count(*) AS n FROM occurrence_reports")[0]["n"] == reports
        # the same text analysed again without its second event (e.g. a newer model): that report goes
        changed = ArticleAnalysis(article=OTHER.article, entities=OTHER.entities, places=OTHER.places,
                                  events=OTHER.events[:1])
        store.save([changed])
        assert len(rows(store)) == len(first) - 1
        assert store.query("SELECT count(*) AS n FROM occurrence_reports")[0]["n"] == reports - 1


def test_rebuild_gives_what_saving_gave(url):
    from dateline.resolve.stored import rebuild

    with open_store(url) as store:
        for a in (VISIT_A, OTHER, VISIT_B):
            store.save([a])
        before = rows(store)
        assert rebuild(store)["occurrences"] == len(before)
        assert [n for _, n, _ in rows(store)] == [n for _, n, _ in before]


def test_unfiltered_count_never_merges_different_actors_or_places(url):
    with open_store(url) as store:
        store.save([VISIT_A, VISIT_B, OTHER])
        got = query.occurrences(store)
    assert got["count"] == 3
    for o in got["occurrences"]:
        assert len({r["actor"] for r in o["reports"]} - {"Lindqvist"}) == 1 or o["actor"]["name"] == "Ada Lindqvist"
        assert len({r["location"] for r in o["reports"] if r["location"] != "Norway"}) <= 1


def test_explain_an_occurrence(tmp_path):
    from dateline.cli import app

    db = str(tmp_path / "e.duckdb")
    with open_store(db) as store:
        store.save([VISIT_A, VISIT_B])
        (oid,) = [r["id"] for r in store.query("SELECT id FROM occurrences")]
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "explain", oid[:8]])
    assert res.exit_code == 0, res.output
    assert "Ada Lindqvist (SWE, named)" in res.output and "Oslo (city, NO)" in res.output
    assert "founded the occurrence" in res.output and "Oslo is within Norway" in res.output
    assert "same actor Ada Lindqvist" in res.output and "Courier" in res.output
    data = json.loads(runner.invoke(app, ["--db", db, "explain", oid, "--json"]).output)
    assert data["n_reports"] == 2 and all("why" in r for r in data["reports"])
    res = runner.invoke(app, ["--db", db, "explain", "ocffff"])
    assert res.exit_code == 2 and "no occurrence" in res.output
    res = runner.invoke(app, ["--db", db, "count", "--json"])
    assert json.loads(res.output)["occurrences"][0]["reports"][1]["source"] == "Courier"
    res = runner.invoke(app, ["--db", db, "occurrences", "rebuild", "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["occurrences"] == 1


def test_a_store_made_before_occurrences_says_to_rebuild_and_rebuild_fills_it(tmp_path):
    from dateline.cli import app

    db = str(tmp_path / "old.duckdb")
    with open_store(db) as store:
        store.save([VISIT_A, VISIT_B])
        with store._transaction() as tx:  # as a store from before migration 006 was
            tx.execute("DROP TABLE occurrence_reports")
            tx.execute("DROP TABLE occurrences")
            tx.execute("DELETE FROM migrations WHERE name LIKE '006%'")
    runner = CliRunner()
    res = runner.invoke(app, ["--db", db, "count", "--json"])
    # an environment error: `dateline` (cli.main) prints it on one line and exits 2
    assert isinstance(res.exception, StoreError) and "dateline occurrences rebuild" in str(res.exception)
    assert runner.invoke(app, ["--db", db, "occurrences", "rebuild"]).exit_code == 0
    got = json.loads(runner.invoke(app, ["--db", db, "count", "--json"]).output)
    assert got["count"] == 1 and len(got["occurrences"][0]["reports"]) == 2
