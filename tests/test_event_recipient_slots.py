"""Which phrase holds an act's recipient: a deed's doer, the ground an act agreed to holds on, whom a protest is
lodged with, and phrases inside where an act happened (sentences of our own)."""

from __future__ import annotations

import pytest
from event_helpers import events_of, on


def test_whoever_did_a_condemned_deed_is_the_recipient_not_its_victims():
    evs = events_of("The envoy condemned the killing of villagers by the militia.")
    (e,) = on(evs, "condemned")
    assert e.recipient is not None and e.recipient.text == "the militia"


@pytest.mark.parametrize("sentence, trigger, country", [
    # a deed done by someone through a participle
    ("The summit condemned the threats made by the Iranian government.", "condemned", "IRN"),
    # a rejected accusation is aimed back at its maker
    ("The foreign ministry rejected accusations by Britain of meddling in the election.", "rejected", "GBR"),
    # a truce agreed to holds where the governed act does
    ("The rebels agreed to lay down their arms in eastern Congo.", "agreed", "COD"),
    # a protest lodged with a capital is aimed at its government
    ("The Chinese embassy protested to Tokyo over the visit.", "protested", "JPN"),
])
def test_the_recipient_is_the_party_the_act_is_aimed_at(sentence, trigger, country):
    (e,) = on(events_of(sentence), trigger)
    assert e.recipient is not None and e.recipient.country == country


def test_nothing_inside_where_an_act_happened_is_its_target():
    evs = events_of("Rebels carried out an attack in the district of Homs on Sunday.")
    for e in evs:
        assert e.recipient is None or "Homs" not in e.recipient.text, e.recipient


def test_a_suit_is_aimed_at_whom_its_claim_charges():
    evs = events_of("The state prosecutor filed a lawsuit in 2015 alleging that the company had cheated its customers.")
    (e,) = on(evs, "filed")
    assert e.recipient is not None and e.recipient.text == "the company"


def test_a_suit_against_someone_keeps_its_against_phrase():
    evs = events_of("The attorney general filed a lawsuit against the governor last year.")
    (e,) = on(evs, "filed")
    assert e.recipient is not None and e.recipient.text == "the governor"
