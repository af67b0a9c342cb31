"""Verbal acts (rejecting, accusing, demanding) by one actor in one week: one act only where the target or
what the sentences say agrees; the same actor and verb alone is not enough. Sentences are invented."""

from __future__ import annotations

import datetime as dt

from dateline.resolve.identity import Party, Place, Report, content_words
from dateline.resolve.linking import link

D = dt.date.fromisoformat
MINISTER = Party("ada lindqvist", "Ada Lindqvist", "SWE", "named")
PARTY = Party("green league", "Green League", "SWE", "named")
NORWAY = Party("norway", "Norway", "NOR", "state")
STOCKHOLM = Place("Stockholm", "2673730", "SE", "26", "city")


def rep(i, day, words, *, actor=MINISTER, recipient=None, type="REJECT", mode=None, place=None):
    return Report(f"ev{i}", f"a{i}", type, mode, actor, recipient, place, D(day), D(day), False,
                  content_words(words))


def shape(changes):
    return sorted(sorted(r.event_id for r in o.reports) for o in changes.touched.values())


def test_two_different_rejections_by_one_minister_in_a_week_stay_apart():
    got = link([rep(1, "2022-03-07", "Ada Lindqvist rejected calls to pause the fisheries bill."),
                rep(2, "2022-03-09", "Ada Lindqvist rejected the use of phone records as evidence.")], [])
    assert shape(got) == [["ev1"], ["ev2"]]


def test_one_party_opposing_two_bills_stays_two():
    got = link([rep(1, "2022-03-07", "The Green League voted against the rent bill.", actor=PARTY, type="PROTEST"),
                rep(2, "2022-03-08", "The Green League opposed the mining permit law.", actor=PARTY,
                    type="PROTEST")], [])
    assert shape(got) == [["ev1"], ["ev2"]]


def test_two_reports_of_one_rejection_of_a_named_plan_join():
    got = link([rep(1, "2022-03-07", "Ada Lindqvist rejected the Harbour Link plan on Monday."),
                rep(2, "2022-03-08", "Lindqvist turned down the Harbour Link plan.",
                    actor=Party("lindqvist", "Lindqvist", "SWE", "named"))], [])
    assert shape(got) == [["ev1", "ev2"]]
    why = next(iter(got.touched.values())).why
    joined = next(w for w in why.values() if "shared_words" in w)  # the one that did not found it
    assert {"harbour", "link"} <= set(joined["shared_words"])


def test_a_named_target_is_enough_for_a_verbal_act():
    got = link([rep(1, "2022-03-07", "Ada Lindqvist accused Norway of overfishing.", recipient=NORWAY,
                    type="ACCUSE"),
                rep(2, "2022-03-07", "Sweden's minister blamed Oslo for the dispute.", recipient=NORWAY,
                    type="ACCUSE")], [])
    assert shape(got) == [["ev1", "ev2"]]


def test_visits_by_one_actor_still_join_on_the_actor():
    visit = dict(type="CONSULT", mode="visit", place=STOCKHOLM)  # no target known: the actor is the anchor
    got = link([rep(1, "2022-03-07", "Ada Lindqvist arrived for talks.", **visit),
                rep(2, "2022-03-08", "The minister spoke to reporters.", **visit)], [])
    assert shape(got) == [["ev1", "ev2"]]
