"""Event identity on small hand-made reports: which reports are one occurrence, and which never are."""

from __future__ import annotations

import datetime as dt

from dateline.resolve.identity import (Party, Place, Report, compare_parties, compare_places, content_words,
                                       normalise_name)
from dateline.resolve.linking import link, occurrence_id

D = dt.date.fromisoformat
ADA = Party("ada lindqvist", "Ada Lindqvist", "SWE", "named")
ADA_SHORT = Party("lindqvist", "Lindqvist", "SWE", "named")
BO = Party("bo ekberg", "Bo Ekberg", "SWE", "named")
MINISTER = Party("swedish minister", "Swedish minister", "SWE", "generic")
NORWAY = Party("norway", "Norway", "NOR", "state")
OSLO_STATE = Party("oslo", "Oslo", "NOR", "state")
POLICE = Party("police", "police", None, "generic")
NORWAY_PLACE = Place("Norway", "3144096", "NO", "", "country")
OSLO = Place("Oslo", "3143244", "NO", "12", "city")
BERGEN = Place("Bergen", "3161732", "NO", "46", "city")
DRAMMEN = Place("Drammen", "3159016", "NO", "12", "city")
OPERA = Place("Oslo Opera House", "9000001", "NO", "12", "site")


def rep(i, start, end=None, *, actor=ADA, recipient=NORWAY, place=OSLO, type="CONSULT", mode="visit", weak=False,
        words="", article=None):
    return Report(f"ev{i}", article or f"a{i}", type, mode, actor, recipient, place, D(start), D(end or start),
                  weak, content_words(words))


def shape(changes):
    return sorted(sorted(r.event_id for r in o.reports) for o in changes.touched.values())


def test_parties_named_short_described_and_unknown():
    assert compare_parties(ADA, ADA_SHORT)[0]  # "Lindqvist" is the short form of "Ada Lindqvist"
    assert not compare_parties(ADA, BO)[0]  # never two different named actors
    assert compare_parties(ADA, MINISTER)[0]  # a description of someone of the same country
    assert not compare_parties(ADA, NORWAY)[0]  # different countries
    assert compare_parties(NORWAY, OSLO_STATE)[0]  # a capital stands for its country
    assert compare_parties(ADA, None)[0] and compare_parties(POLICE, NORWAY)[0]


def test_places_in_the_hierarchy():
    assert compare_places(OSLO, NORWAY_PLACE) == (True, "Oslo is within Norway")
    assert not compare_places(OSLO, BERGEN)[0]  # two regions
    assert not compare_places(OSLO, DRAMMEN)[0]  # two cities of one region
    assert compare_places(OSLO, OPERA)[0]  # a landmark and the city of its region
    assert not compare_places(OSLO, Place("Lyon", "2996944", "FR", "84", "city"))[0]
    assert compare_places(None, BERGEN)[0]


def test_content_words_keep_numbers_and_names_and_drop_calendar_words():
    words = content_words("On Tuesday the ferry Nordlys carried 312 passengers into Bergen harbour.")
    assert {"#312", "^nordlys", "^bergen", "passeng"} <= words
    assert not {"tuesday", "the", "^tuesday", "into"} & words
    assert normalise_name("The  Ådalen-Group") == "adalen group"


def test_two_outlets_one_visit_and_a_later_visit_apart():
    got = link([rep(1, "2021-04-12", "2021-04-14"), rep(2, "2021-04-15", weak=True, actor=ADA_SHORT),
                rep(3, "2021-04-13", place=NORWAY_PLACE, recipient=OSLO_STATE), rep(4, "2021-05-20")], [])
    assert shape(got) == [["ev1", "ev2", "ev3"], ["ev4"]]
    (visit,) = [o for o in got.touched.values() if len(o.reports) == 3]
    assert (visit.start, visit.end, visit.place.name, visit.actor.label) == (D("2021-04-12"), D("2021-04-14"), "Oslo",
                                                                             "Ada Lindqvist")
    assert visit.why["ev3"]["founded"]  # the report of one day founds it; the others say why they joined
    why = visit.why["ev1"]
    assert why["place"] == "Oslo is within Norway" and why["recipient"] == "the same country"
    assert visit.why["ev2"]["actor"] == "short form of the same name"


def test_different_actors_types_or_places_are_never_one():
    got = link([rep(1, "2021-04-12"), rep(2, "2021-04-12", actor=BO), rep(3, "2021-04-12", place=BERGEN),
                rep(4, "2021-04-12", mode=None), rep(5, "2021-04-12", type="ASSAULT", mode=None)], [])
    assert shape(got) == [["ev1"], ["ev2"], ["ev3"], ["ev4"], ["ev5"]]


def test_unknown_parties_join_only_on_shared_words():
    quiet = dict(actor=POLICE, recipient=None, place=None, type="ARREST", mode=None)
    got = link([rep(1, "2021-06-02", words="Police detained a man after a fight at a bar.", **quiet),
                rep(2, "2021-06-02", words="Officers held a suspect following a burglary.", **quiet),
                rep(3, "2021-06-02", words="Police arrested Tor Vik, 41, after the fight at the Kroa bar.", **quiet),
                rep(4, "2021-06-03", words="Tor Vik, 41, was charged after the Kroa bar fight.", **quiet)], [])
    # "a fight at a bar" is too little to say which; 3 and 4 share a name, an age and the bar's name
    assert shape(got) == [["ev1"], ["ev2"], ["ev3", "ev4"]]
    assert {"vik", "41", "kroa"} <= set(got.touched[occurrence_id("ev3", set())].why["ev4"]["shared_words"])


def test_a_meeting_reported_either_way_round_is_one_but_a_visit_has_a_direction():
    meet = dict(type="CONSULT", mode=None, place=OSLO)
    got = link([rep(1, "2021-09-01", actor=ADA, recipient=Party("kari berg", "Kari Berg", "NOR", "named"), **meet),
                rep(2, "2021-09-01", actor=Party("kari berg", "Kari Berg", "NOR", "named"), recipient=ADA, **meet)], [])
    assert shape(got) == [["ev1", "ev2"]]
    assert next(iter(got.touched.values())).why["ev2"]["crossed"] is True
    host = Party("sweden", "Sweden", "SWE", "state")
    got = link([rep(1, "2021-09-01", actor=ADA, recipient=NORWAY),
                rep(2, "2021-09-01", actor=Party("jonas dahl", "Jonas Dahl", "NOR", "named"), recipient=host)], [])
    assert len(got.touched) == 2


def test_vague_reports_join_the_one_they_hold_and_stay_aside_when_they_hold_two():
    got = link([rep(1, "2021-03-03"), rep(2, "2021-03-01", "2021-03-31"), rep(3, "2021-07-01", "2021-07-31")], [])
    assert shape(got) == [["ev1", "ev2"], ["ev3"]]
    got = link([rep(1, "2021-03-03"), rep(2, "2021-03-24"), rep(3, "2021-03-01", "2021-03-31")], [])
    assert shape(got) == [["ev1"], ["ev2"]] and [r.event_id for r in got.unplaced] == ["ev3"]
    got = link([rep(1, "2021-01-01", "2021-12-31")], [])
    assert not got.touched and len(got.unplaced) == 1


def test_a_report_of_its_own_days_bridges_arrival_and_talks():
    first = link([rep(1, "2021-10-04"), rep(2, "2021-10-07")], [])
    pool = list(first.touched.values())
    assert len(pool) == 2
    got = link([rep(3, "2021-10-04", "2021-10-07")], pool)
    assert [sorted(r.event_id for r in o.reports) for o in got.touched.values()] == [["ev1", "ev2", "ev3"]]
    assert got.removed == {occurrence_id("ev2", set())}


def test_ids_are_stable_and_incremental_linking_groups_as_one_batch():
    reports = [rep(1, "2021-04-12", "2021-04-14"), rep(2, "2021-04-13"), rep(3, "2021-05-20"), rep(4, "2021-05-21")]
    once = link(reports, [])
    assert sorted(once.touched) == sorted(link(list(reversed(reports)), []).touched)  # same input, same ids
    assert sorted(once.touched) == sorted([occurrence_id("ev2", set()), occurrence_id("ev3", set())])
    pool: list = []
    for r in reports:  # one article at a time, as they arrive
        step = link([r], pool)
        pool = [o for o in pool if o.id not in step.removed]
        pool += [o for o in step.touched.values() if o not in pool]
    assert sorted(sorted(r.event_id for r in o.reports) for o in pool) == shape(once)


def test_a_description_joins_the_named_leader_on_what_the_sentences_share():
    named = rep(1, "2021-11-02", actor=ADA, recipient=NORWAY, mode=None,
                words="Ada Lindqvist met Norwegian officials in Oslo on Tuesday to sign the Skagerrak fishing accord.")
    described = rep(2, "2021-11-02", actor=MINISTER, recipient=None, place=None, mode=None,
                    words="The Swedish minister signed the Skagerrak fishing accord in Oslo.")
    unrelated = rep(3, "2021-11-02", actor=MINISTER, recipient=None, place=None, mode=None,
                    words="A Swedish minister opened a school.")
    got = link([named, described, unrelated], [])
    assert shape(got) == [["ev1", "ev2"], ["ev3"]]
    why = got.touched[occurrence_id("ev1", set())].why["ev2"]
    assert why["actor"] == "a description of the same country" and "skagerrak" in why["shared_words"]


def test_a_report_must_agree_with_every_report_joined_not_only_the_occurrence_name():
    words = "Lending rules for Haldor Bank and Vestby Savings were debated in Tromso."
    nameless = Party("rune aas", "Rune Aas", None, "named")  # a person whose country nothing says
    swedes = Party("swedish bankers", "Swedish bankers", "SWE", "generic")
    norwegians = Party("norwegian bankers", "Norwegian bankers", "NOR", "generic")
    got = link([rep(1, "2021-02-01", actor=nameless, recipient=None, place=None, mode=None, words=words),
                rep(2, "2021-02-01", actor=swedes, recipient=None, place=None, mode=None, words=words),
                rep(3, "2021-02-01", actor=norwegians, recipient=None, place=None, mode=None, words=words)], [])
    # Rune Aas may be Swedish or Norwegian, but the Swedish and the Norwegian bankers are not one party
    assert shape(got) == [["ev1", "ev2"], ["ev3"]]


def test_one_city_and_one_day_are_not_enough_to_join_two_arrests():
    police = dict(actor=POLICE, recipient=None, place=OSLO, type="ARREST", mode=None)
    got = link([rep(1, "2021-08-09", words="Police arrested a cyclist near the harbour.", **police),
                rep(2, "2021-08-09", words="Police held two teenagers after a shop theft.", **police)], [])
    assert shape(got) == [["ev1"], ["ev2"]]
