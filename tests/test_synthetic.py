"""The synthetic-store generator: the count asked for, valid codes, records that decode, offsets that hold."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dateline.synthetic import build


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("synth") / "s.duckdb")
    stats = build(path, 400, seed=5)
    assert stats.events == 400
    return path


def rows(path: str, sql: str) -> list[dict]:
    from dateline.store import open_store

    with open_store(path, read_only=True) as store:
        return store.query(sql)


def test_it_writes_the_requested_number_of_events_with_their_articles(store_path):
    from dateline.store import open_store

    with open_store(store_path, read_only=True) as store:
        counts = store.counts()
    assert counts["events"] == 400
    assert 80 <= counts["articles"] < 400 and counts["article_sources"] == counts["articles"]
    assert 0 < counts["places"] <= 400
    orphans = rows(store_path, "SELECT count(*) AS n FROM events e LEFT JOIN articles a ON a.id = e.article_id "
                               "WHERE a.id IS NULL")
    assert orphans[0]["n"] == 0


def test_codes_are_valid_and_records_decode(store_path):
    from dateline.model import Event, from_dict
    from dateline.ontology.countries import default_countries
    from dateline.ontology.events import PLOVER_TYPES, default_event_ontology

    onto, countries = default_event_ontology(), default_countries()
    events = rows(store_path, "SELECT e.*, a.text FROM events e JOIN articles a ON a.id = e.article_id")
    for r in events:
        assert r["type"] in PLOVER_TYPES and onto.is_cameo(r["cameo"])
        assert onto.plover_for(r["cameo"]).type == r["type"]
        assert r["mode"] is None or r["mode"] in onto.modes(r["type"])
        for side in ("actor", "recipient"):
            c = r[f"{side}_country"]
            assert c is None or c in countries or c in ("IGO", "NGO", "MNC", "IMG")
        assert r["status"] in ("occurred", "reported", "expected", "intended", "denied", "hypothetical")
        assert 0.3 <= r["confidence"] <= 1 and r["date_start"] <= r["date_end"]
        ev = from_dict(Event, json.loads(r["record"]))
        text = r["text"]
        assert text[ev.evidence.sentence.start:ev.evidence.sentence.end] == ev.evidence.sentence.text == r["sentence"]
        assert text[ev.evidence.trigger.start:ev.evidence.trigger.end] == ev.evidence.trigger.text
        assert text[ev.actor.span.start:ev.actor.span.end] == ev.actor.name == r["actor_name"]
        if ev.recipient:
            assert text[ev.recipient.span.start:ev.recipient.span.end] == ev.recipient.name
    assert len({r["type"] for r in events}) >= 8  # the types are mixed, CONSULT the most frequent
    assert Counter(r["type"] for r in events).most_common(1)[0][0] == "CONSULT"


def test_event_places_are_stored_places(store_path):
    located = rows(store_path, "SELECT e.record, p.name, p.country, p.lat, p.geonames_id, p.is_event_location "
                               "FROM events e JOIN places p ON p.id = e.record->'location'->>'place_id'")
    assert located
    for r in located:
        loc = json.loads(r["record"])["location"]
        assert (loc["name"], loc["country"], loc["geonames_id"]) == (r["name"], r["country"], r["geonames_id"])
        assert r["is_event_location"] and len(r["country"]) == 2


def test_actors_are_skewed_and_some_events_are_reported_twice(store_path):
    events = rows(store_path, "SELECT actor_name, recipient_name, cameo, location, date_start, date_end, "
                              "article_id FROM events")
    by_actor = Counter(r["actor_name"] for r in events).most_common()
    assert by_actor[0][1] >= 5 * by_actor[len(by_actor) // 2][1]  # Zipf-like: a head and a long tail
    same = Counter((r["actor_name"], r["recipient_name"], r["cameo"], r["location"], r["date_start"],
                    r["date_end"]) for r in events)
    assert sum(1 for n in same.values() if n > 1) >= 20


def test_the_same_seed_gives_the_same_store(tmp_path, store_path):
    again = str(tmp_path / "again.duckdb")
    build(again, 400, seed=5)
    sql = "SELECT id, type, cameo, actor_name, date_start, location FROM events ORDER BY id"
    assert rows(again, sql) == rows(store_path, sql)
    other = str(tmp_path / "other.duckdb")
    build(other, 400, seed=6)
    assert rows(other, sql) != rows(store_path, sql)


def test_a_count_below_one_is_refused(tmp_path):
    with pytest.raises(ValueError):
        build(str(tmp_path / "x.duckdb"), 0, seed=1)


def test_exports_read_a_synthetic_store(store_path, tmp_path):
    from dateline import exports
    from dateline.store import open_store

    out = tmp_path / "s.tsv"
    with open_store(store_path, read_only=True) as store:
        stats = exports.export(store, "gdelt-tsv", exports.EventFilters(min_confidence=0), out)
    assert stats.mentions == 400 and stats.events < 400  # the re-reports are mentions of one event
