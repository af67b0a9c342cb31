"""Incremental, bucketed linking: a report's candidates come from its type family's weeks and the
countries of its sides; reports of two types that name one act join (below a join of the same type);
rebuild reads reports from the stored rows as saving read them from the analyses."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.resolve.identity import Party, Place, Report, content_words, family, match, same_act
from dateline.resolve.linking import Pool, link, occurrence_id
from dateline.store import open_store

D = dt.date.fromisoformat
ADA = Party("ada lindqvist", "Ada Lindqvist", "SWE", "named")
KARI = Party("kari berg", "Kari Berg", "NOR", "named")
NORWAY = Party("norway", "Norway", "NOR", "state")
POLICE = Party("norwegian police", "Norwegian police", "NOR", "generic")
GUNMEN = Party("gunmen", "gunmen", None, "generic")
TOR = Party("tor vik", "Tor Vik", "NOR", "named")
OSLO = Place("Oslo", "3143244", "NO", "12", "city")


def rep(i, day, *, actor=ADA, recipient=NORWAY, place=OSLO, type="CONSULT", mode="visit", words="", end=None):
    return Report(f"ev{i}", f"a{i}", type, mode, actor, recipient, place, D(day), D(end or day), False,
                  content_words(words))


def groups(changes):
    return sorted(sorted(r.event_id for r in o.reports) for o in changes.touched.values())


def test_candidates_are_the_family_weeks_and_countries_a_report_can_match():
    first = link([rep(1, "2021-04-12"), rep(2, "2021-06-01"), rep(3, "2021-04-12", actor=KARI),
                  rep(4, "2021-04-12", type="ASSAULT", mode=None, actor=GUNMEN)], [])
    pool = Pool(first.touched.values())
    ids = lambda r: sorted(o.id for o in pool.candidates(r))  # noqa: E731
    # the same week, an actor of the same country: only the first (Kari Berg is Norwegian, June is far)
    assert ids(rep(9, "2021-04-13")) == [occurrence_id("ev1", set())]
    # a side whose country nobody knows may be anyone: the attack by gunmen is a candidate of any attack
    assert ids(rep(9, "2021-04-13", type="ASSAULT", mode=None, actor=POLICE)) == [occurrence_id("ev4", set())]
    # an arrest is of the attack's family (a capture may be told as an arrest), a meeting is not
    assert family("COERCE") == family("ASSAULT") != family("CONSULT")
    assert ids(rep(9, "2021-04-13", type="COERCE", mode="arrest", actor=POLICE)) == [occurrence_id("ev4", set())]
    # a meeting may be named either way round: Kari Berg meeting Ada finds Ada meeting Kari
    meet = link([rep(5, "2021-09-01", mode=None, recipient=KARI)], [])
    pool = Pool(meet.touched.values())
    assert len(pool.candidates(rep(9, "2021-09-02", mode=None, actor=KARI, recipient=ADA))) == 1
    assert not pool.candidates(rep(9, "2021-09-02", mode="visit", actor=KARI, recipient=ADA))


def test_a_capture_told_as_an_arrest_is_one_act():
    capture = rep(1, "2022-03-08", type="ASSAULT", mode=None, actor=GUNMEN, recipient=TOR,
                  words="Gunmen captured the trawler captain Tor Vik off Hammerfest.")
    arrest = rep(2, "2022-03-08", type="COERCE", mode="arrest", actor=POLICE, recipient=TOR,
                 words="Tor Vik, captain of a trawler, was arrested near Hammerfest.")
    got = link([capture, arrest], [])
    assert groups(got) == [["ev1", "ev2"]]
    why = next(iter(got.touched.values())).why
    joined = why["ev2"] if "ev2" in why and not why["ev2"].get("founded") else why["ev1"]
    assert "same act" in joined["same_act"]


def test_types_that_name_different_acts_or_an_unknown_target_stay_apart():
    attack = rep(1, "2022-03-08", type="ASSAULT", mode=None, actor=GUNMEN, recipient=TOR, words="Tor Vik")
    talks = rep(2, "2022-03-08", type="CONSULT", mode=None, actor=KARI, recipient=TOR, words="Tor Vik")
    anyone = rep(3, "2022-03-08", type="COERCE", mode="arrest", actor=POLICE, recipient=None,
                 words="Police arrested Tor Vik, captain of a trawler, near Hammerfest on Tuesday.")
    assert groups(link([attack, talks], [])) == [["ev1"], ["ev2"]]
    assert not same_act("ASSAULT", None, "CONSULT", None)
    occ = link([attack], []).touched.popitem()[1]
    assert not match(occ, anyone).ok and "target not known" in match(occ, anyone).reason


def test_a_report_of_the_same_type_wins_over_one_of_another_type():
    shooting = rep(1, "2022-05-02", type="ASSAULT", mode="firearms", actor=GUNMEN, recipient=TOR,
                   words="Gunmen shot Tor Vik in Tromso.")
    attack = rep(2, "2022-05-02", type="ASSAULT", mode=None, actor=GUNMEN, recipient=TOR,
                 words="Gunmen attacked Tor Vik in Tromso.")
    first = link([shooting, attack], [])
    assert groups(first) == [["ev1", "ev2"]]  # an attack told by its means and without: one act
    occ = next(iter(first.touched.values()))
    again = rep(3, "2022-05-02", type="ASSAULT", mode="firearms", actor=GUNMEN, recipient=TOR,
                words="Gunmen shot Tor Vik in Tromso.")
    cross = rep(4, "2022-05-02", type="ASSAULT", mode=None, actor=GUNMEN, recipient=TOR,
                words="Gunmen shot Tor Vik in Tromso.")
    assert match(occ, again).score > match(occ, cross).score


@pytest.fixture(params=["duckdb", "postgresql"])
def url(request, tmp_path):
    if request.param == "duckdb":
        return str(tmp_path / "s.duckdb")
    return request.getfixturevalue("pg_server").new_database()


def test_rebuild_reads_the_reports_saving_read_and_links_the_same(url):
    from dateline.resolve.reports import reports_of
    from dateline.resolve.stored import rebuild, stored_reports
    from dateline.synthetic import Generator

    analyses = list(Generator(3).analyses(400))
    with open_store(url) as store:
        store.save(analyses[:150])
        store.save(analyses[150:])  # two saves: the second links against what the first stored
        saved = _groups(store)
        with store._transaction() as tx:
            got = stored_reports(tx, [a.article.id for a in analyses], store.dialect)
        key = lambda r: r.event_id  # noqa: E731
        assert [r.to_dict() for r in sorted(got, key=key)] == [
            r.to_dict() for r in sorted((r for a in analyses for r in reports_of(a)), key=key)]
        assert rebuild(store, batch=97)["reports"] == len(got)
        assert _groups(store) == saved
        buckets = store.query("SELECT count(DISTINCT occurrence_id) AS n FROM occurrence_buckets")[0]["n"]
        assert buckets == store.query("SELECT count(*) AS n FROM occurrences")[0]["n"]


def _groups(store):
    rows = store.query("SELECT occurrence_id, event_id FROM occurrence_reports")
    by: dict[str, list[str]] = {}
    for r in rows:
        by.setdefault(r["occurrence_id"], []).append(r["event_id"])
    return sorted(sorted(v) for v in by.values())


def test_the_migration_files_the_occurrences_of_a_store_made_before_it(tmp_path):
    from dateline.synthetic import Generator

    db = str(tmp_path / "old.duckdb")
    analyses = list(Generator(5).analyses(300))
    with open_store(db) as store:
        store.save(analyses[:200])
        with store._transaction() as tx:  # as a store from before migration 008 was
            tx.execute("DROP TABLE occurrence_buckets")
            tx.execute("DELETE FROM migrations WHERE name LIKE '008%'")
    with open_store(db) as store:
        weeks = store.query("SELECT count(*) AS n FROM occurrence_buckets")[0]["n"]
        assert weeks >= store.query("SELECT count(*) AS n FROM occurrences")[0]["n"] > 0
        store.save(analyses[200:])
        incremental = _groups(store)
    fresh = str(tmp_path / "fresh.duckdb")
    with open_store(fresh) as store:
        store.save(analyses[:200])
        store.save(analyses[200:])
        assert _groups(store) == incremental  # the filled rows find what rows written by saves find
