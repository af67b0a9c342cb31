"""Which phrase holds an act's recipient: a deed's doer, the ground an act agreed to holds on, whom a protest is
lodged with, and phrases inside where an act happened (sentences of our own)."""

from __future__ import annotations

from event_helpers import events_of, on


def test_whoever_did_a_condemned_deed_is_the_recipient_not_its_victims():
    evs = events_of("The envoy condemned the killing of villagers by the militia.")
    (e,) = on(evs, "condemned")
    assert e.recipient is not None and e.recipient.text == "the militia"


def test_a_deed_done_by_someone_through_a_participle():
    evs = events_of("The summit condemned the threats made by the Iranian government.")
    (e,) = on(evs, "condemned")
    assert e.recipient is not None and e.recipient.country == "IRN"


def test_a_rejected_accusation_is_aimed_back_at_its_maker():
    evs = events_of("The foreign ministry rejected accusations by Britain of meddling in the election.")
    (e,) = on(evs, "rejected")
    assert e.recipient is not None and e.recipient.country == "GBR"


def test_a_truce_agreed_to_holds_where_the_governed_act_does():
    evs = events_of("The rebels agreed to lay down their arms in eastern Congo.")
    (e,) = on(evs, "agreed")
    assert e.recipient is not None and e.recipient.country == "COD"


def test_a_protest_lodged_with_a_capital_is_aimed_at_its_government():
    evs = events_of("The Chinese embassy protested to Tokyo over the visit.")
    (e,) = on(evs, "protested")
    assert e.recipient is not None and e.recipient.country == "JPN"


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
