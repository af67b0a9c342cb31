"""Whom an act is aimed at: recipients on news-like sentences of our own."""

from __future__ import annotations

import pytest

from dateline.model import Event
from event_helpers import events_of, on


def recipient_texts(events: list[Event]) -> list[str]:
    return [e.recipient.text if e.recipient is not None else "" for e in events]


# -- a phrase that sets the scene is not whom the act is aimed at ---------------------------------------

def test_a_fronted_channel_is_not_the_recipient():
    evs = events_of("On his blog, the Arnorian minister called for an inquiry into the contracts.",
                    "Writing on her personal blog, Senator Ana Ruiz refused to back down.")
    for e in [*on(evs, "called"), *on(evs, "refused")]:
        assert e.recipient is None or "blog" not in e.recipient.text, e.recipient


def test_a_fronted_phrase_leaves_the_real_object_in_place():
    evs = events_of("In a speech in Oslo, the Norwegian prime minister criticised Sweden.")
    (e,) = on(evs, "criticised")
    assert e.recipient is not None and e.recipient.country == "SWE"


def test_ones_own_website_is_where_it_was_said():
    evs = events_of("The Norwegian minister complained on his website.")
    for e in on(evs, "complained"):
        assert e.recipient is None or "website" not in e.recipient.text


def test_a_party_after_the_verb_is_still_the_recipient():
    evs = events_of("The European Union imposed sanctions on Russia.", "The union called on the government to resign.")
    # a light verb's event noun is the trigger shown ("imposed sanctions": "sanctions")
    assert [e.recipient.country for e in on(evs, "sanctions")] == ["RUS"]
    assert recipient_texts(on(evs, "called")) == ["the government"]


# -- an offer, pledge or threat is aimed at whom the promised act is aimed at ----------------------------

def test_an_offer_to_help_is_aimed_at_those_helped():
    evs = events_of("Egypt offered to help Israel and the Palestinians reach a deal.")
    got = {e.recipient.country for e in on(evs, "offered") if e.recipient is not None}
    assert got == {"ISR", "PSE"}


def test_a_threat_to_punish_is_aimed_at_the_punished():
    evs = events_of("The French president threatened to punish Iran with new sanctions.")
    (e,) = on(evs, "threatened")
    assert e.actor.country == "FRA" and e.recipient is not None and e.recipient.country == "IRN"


def test_a_pledge_to_make_someone_act_is_aimed_at_them():
    evs = events_of("Norway promised to make Sweden repay the loan.")
    got = [e.recipient.country for e in on(evs, "promised") if e.recipient is not None]
    assert got == ["SWE"]


def test_a_promise_about_a_thing_names_no_recipient():
    evs = events_of("Norway promised to pay for the new bridge.")
    for e in on(evs, "promised"):
        assert e.recipient is None or "bridge" not in e.recipient.text


def test_a_promise_about_ones_own_country_names_no_recipient():
    evs = events_of("The Serbian president promised to reform Serbia.",
                    "The Serbian president offered to help Croatia rebuild its ports.")
    assert [e.recipient for e in on(evs, "promised")] == [None]
    assert [e.recipient.country for e in on(evs, "offered") if e.recipient is not None] == ["HRV"]


def test_the_one_interviewed_by_is_addressed_even_when_fronted():
    evs = events_of("In an interview with the Oslo Times, the Norwegian prime minister refused to apologise.",
                    "In a column for the Oslo Times, the Norwegian prime minister refused to apologise.")
    assert recipient_texts(on(evs, "refused")) == ["the Oslo Times", ""]


# -- the charge is not part of whom it is laid against ---------------------------------------------

@pytest.mark.parametrize("sentence, recipient", [
    ("The Danish senator accused the minister of lying.", "the minister"),
    ("Prosecutors accused the leader of the opposition of bribery.", "the leader of the opposition"),
    ("The mayor accused the police chief of lying to the council.", "the police chief"),
])
def test_the_charge_after_of_is_not_part_of_the_accused(sentence, recipient):
    evs = events_of(sentence)
    assert recipient_texts(on(evs, "accused")) == [recipient]
