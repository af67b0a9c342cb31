"""The present perfect tells an act done some time before the report without saying when (issue 11);
a state still holding, a word of the present moment or a headline's tense keeps the day. Every
sentence is invented for the case it tests."""

from __future__ import annotations

import pytest

from test_event_dates import events_of, is_past_ref, one


@pytest.mark.parametrize("text, trigger", [
    ("Vote\nThe Kenyan senator has endorsed the Ugandan candidate.", "endorsed"),
    ("Tariffs\nThe Brazilian minister has denounced the Argentine tariff plan, officials said.", "denounced"),
    ("Border\nThe Polish government has accused Belarus of staging the crossings.", "accused"),
])
def test_a_present_perfect_act_without_a_date_came_before_the_report(text, trigger):
    e = one(events_of(text), trigger)
    assert is_past_ref(e, "2019-01-08"), e.date
    assert "present perfect" in e.evidence.date_source


@pytest.mark.parametrize("text, trigger", [
    ("Vote\nThe Kenyan senator has endorsed the Ugandan candidate today.", "endorsed"),
    ("Vote\nThe Kenyan senator has just endorsed the Ugandan candidate.", "endorsed"),
])
def test_a_present_perfect_of_the_present_moment_keeps_the_day(text, trigger):
    e = one(events_of(text), trigger)
    assert e.date.value == "2019-01-08", e.date


def test_a_headline_present_perfect_keeps_the_day():
    e = one(events_of("Kenyan senator has endorsed Ugandan candidate\nThe vote is next month."), "endorsed")
    assert e.date.value == "2019-01-08", e.date


def test_a_negated_present_perfect_is_no_earlier_act():
    evs = [e for e in events_of("Vote\nThe Kenyan senator has not endorsed the Ugandan candidate.")
           if e.evidence.trigger.text == "endorsed"]
    assert all(e.date is None or e.date.value != "PAST_REF" for e in evs), [e.date for e in evs]


def test_plain_perfect_reads_the_verbs_own_auxiliaries(nlp):
    from dateline.nlp.events.event_time import plain_perfect
    doc = nlp("Chile has signed the pact. Chile had signed it. Chile may have signed it. "
              "Chile is said to have signed it. Chile has remained neutral. Chile has not signed it.")
    signed = [t for t in doc if t.text in ("signed", "remained")]
    assert plain_perfect(signed[0]) != ""
    assert [plain_perfect(t) for t in signed[1:]] == [""] * 5


def test_a_weekday_possessive_dates_the_noun_it_owns_not_the_verb():
    # "Saturday's attack" is an attack on Saturday; condemning it is the day's news
    evs = events_of("Convoy\nSaturday's attack on the Malian convoy killed ten soldiers.")
    assert one(evs, "attack").date.value == "2019-01-05"
    e = one(events_of("Vote\nThe Kenyan opposition rejected Saturday's vote in the assembly."), "rejected")
    assert e.date.value == "2019-01-08" and e.date.inferred, e.date
