"""Judgements in what is said, and an act told twice dated by the telling that gives its day: sentences of
our own."""

from dateline.ingest import make_article
from dateline.pipeline import analyze
from event_helpers import events_of, on


def test_a_case_of_something_reckless_judges_the_subject():
    e = on(events_of("The Green Party said Governor Hale's budget was another example of reckless spending."),
           "reckless")[0]
    assert (e.type, e.cameo) == ("ACCUSE", "111") and e.recipient.text.endswith("Hale")


def test_a_case_of_something_neutral_judges_no_one():
    assert events_of("The Green Party said Governor Hale's budget was another example of public spending.") == []


def test_namesakes_are_two_people():
    e = on(events_of("Tom Baxter said Anna Baxter was uniquely qualified to lead the council."), "qualified")[0]
    assert e.type == "SUPPORT" and e.actor.text == "Tom Baxter" and e.recipient.text == "Anna Baxter"


def test_a_headline_act_takes_the_day_the_body_gives_it():
    art = make_article(title="President Mills rebukes Norway over fishing row",
                       paragraphs=["President Anna Mills criticised Norway on Tuesday over the fishing row."],
                       published="2019-01-12")
    evs = [e for a in analyze([art]) for e in a.events if e.type == "ACCUSE"]
    assert evs and all(e.date.value == "2019-01-08" and not e.date.inferred for e in evs)


def test_two_days_for_the_same_pair_leave_the_headline_undated_by_the_body():
    art = make_article(title="President Mills rebukes Norway over fishing row",
                       paragraphs=["President Anna Mills criticised Norway on Tuesday over the fishing row.",
                                   "She had also criticised Norway on 2 January over its quotas."],
                       published="2019-01-12")
    head = [e for a in analyze([art]) for e in a.events if e.evidence.trigger.text == "rebukes"]
    assert all(e.date.inferred for e in head)
