"""The country of a side of an event where the phrase's words alone would give the wrong one or none:
refugees are of the country they fled, a city is in the state it was in on the article's date, and a
community is of its own country, not of the one its name recalls."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.model import Event
from dateline.pipeline import analyze


def events_of(body: str, published: str) -> list[Event]:
    lines = body.strip().split("\n")
    (a,) = analyze([make_article(title=lines[0], paragraphs=lines[1:], published=published)])
    return list(a.events)


def sides(events: list[Event], trigger: str) -> list[tuple[str | None, str | None]]:
    got = [(e.actor.country, e.recipient.country if e.recipient else None)
           for e in events if e.evidence.trigger.text == trigger]
    assert got, [(e.evidence.trigger.text, e.type) for e in events]
    return got


def test_refugees_are_of_the_country_they_fled():
    evs = events_of("Border\nGuinean soldiers expelled refugees fleeing the fighting in Sierra Leone.", "1999-05-02")
    assert sides(evs, "expelled") == [("GIN", "SLE")]


def test_refugees_from_a_country_are_its_people():
    evs = events_of("Camps\nRefugees from Somalia protested against Kenyan police on Monday.", "2011-03-01")
    assert sides(evs, "protested") == [("SOM", "KEN")]


def test_a_town_is_in_the_state_it_was_in_on_the_day():
    body = "Juba\nSudanese rebels shelled Juba on Sunday."
    assert sides(events_of(body, "2000-01-10"), "shelled") == [("SDN", "SDN")]
    assert sides(events_of(body, "2014-01-10"), "shelled") == [("SDN", "SSD")]


def test_greek_cypriots_are_cypriots():
    evs = events_of("Protest\nGreek Cypriots protested against Turkish troops on Saturday.", "1996-08-12")
    assert sides(evs, "protested") == [("CYP", "TUR")]


def test_a_capitalised_first_word_keeps_its_place_phrase():
    # the tagger reads a sentence's capitalised first noun as a name; the people are still of the place
    evs = events_of("Hostages\nRebels in Sierra Leone freed twelve aid workers on Monday.", "1999-06-01")
    assert {a for a, _ in sides(evs, "freed")} == {"SLE"}
