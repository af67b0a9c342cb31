"""Stored occurrences on the demo articles: the founding question, the Singapore summit under its named
leader, and an unfiltered count that keeps different actors and places apart."""

from __future__ import annotations

from dateline import query
from dateline.store import open_store

COUNTRIES = {"China", "North Korea", "South Korea", "United States", "Russia", "Vietnam"}
LEADERS = {"Kim Jong Un", "Xi Jinping", "Donald Trump", "Moon Jae-in", "Kim Yong Chol", "Mike Pompeo",
           "Vladimir Putin", "Kim Jong IL"}


def test_the_singapore_summit_counts_for_kim_with_every_report(demo_db):
    with open_store(demo_db, read_only=True) as store:
        got = query.occurrences(store, actor="Kim Jong Un", recipient="USA", type="CONSULT",
                                since="2018-06-12", until="2018-06-12")
        assert got["count"] == 1
        (summit,) = got["occurrences"]
        assert summit["place"]["name"] == "Singapore" and summit["actor"]["name"] in ("Kim Jong Un", "Donald Trump")
        # reports naming him on either side, from several articles, each saying why it joined
        assert {("Kim Jong Un", "Donald Trump"), ("Donald Trump", "Kim Jong Un")} <= {
            (r["actor"], r["recipient"]) for r in summit["reports"]}
        assert summit["articles"] >= 3 and all(r["why"] for r in summit["reports"])
        assert query.occurrence(store, summit["id"])["n_reports"] == summit["n_reports"]
        # the same occurrence is in Kim's list, whichever side the reports name him on
        assert summit["id"] in [o["id"] for o in query.occurrences_of(store, "Kim Jong Un", other="Donald Trump")]


def test_unfiltered_count_keeps_different_leaders_and_places_apart(demo_db):
    with open_store(demo_db, read_only=True) as store:
        got = query.occurrences(store)
    assert got["count"] > 50
    for o in got["occurrences"]:
        leaders = {x for r in o["reports"] for x in (r["actor"], r["recipient"]) if x in LEADERS}
        assert len(leaders) <= 2, o  # at most the two sides of one meeting
        # a city and its country agree; two cities do not
        assert len({r["location"] for r in o["reports"] if r["location"]} - COUNTRIES) <= 1, o
        assert len({(r["actor"], r["recipient"]) for r in o["reports"]} & {("Kim Jong Un", "Xi Jinping"),
                                                                           ("Kim Jong Un", "Donald Trump")}) <= 1, o
