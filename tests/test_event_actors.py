"""Who the sides of an event are: actors and recipients on news-like sentences of our own."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.model import Event
from dateline.pipeline import analyze


def events_of(body: str, published: str = "2019-01-08") -> list[Event]:
    lines = body.strip().split("\n")
    art = make_article(title=lines[0], paragraphs=lines[1:] or ["."], published=published)
    (a,) = analyze([art])
    for e in a.events:
        for ref in (e.actor, e.recipient):
            if ref is not None and ref.span is not None:
                assert art.text[ref.span.start:ref.span.end] == ref.span.text
    return list(a.events)


def by_trigger(events: list[Event], word: str) -> list[Event]:
    got = [e for e in events if e.evidence.trigger.text == word]
    assert got, f"no event on '{word}' among {[(e.evidence.trigger.text, e.type) for e in events]}"
    return got


# -- datelines ----------------------------------------------------------------------------------------

def test_a_dateline_is_not_the_actor():
    evs = events_of("Tax\nOSLO, May 4 - Finance minister Ola Brand rejected a request by fish exporters to cut "
                    "the export tax.")
    (e,) = by_trigger(evs, "rejected")
    assert e.actor.name == "Ola Brand"
    assert "OSLO" not in e.actor.text and e.actor.sector == "GOV"


def test_a_dateline_is_not_part_of_the_name():
    evs = events_of("Visit\nLISBON - Maria Tavares criticised the archbishop on Sunday.")
    (e,) = by_trigger(evs, "criticised")
    assert e.actor.text == "Maria Tavares" and e.actor.name == "Maria Tavares"


def test_a_hyphen_between_two_names_is_no_dateline():
    from dateline.nlp.build import build_nlp
    from dateline.nlp.events.phrases import dateline_end

    doc = build_nlp()("US-China talks resumed in Geneva on Monday.")
    assert dateline_end(doc[0]) == -1
    doc = build_nlp()("GENEVA, June 2 - Trade talks resumed on Monday.")
    assert doc[dateline_end(doc[0])].text == "-"


# -- a person's name that is also a place -------------------------------------------------------------

def test_a_surname_that_is_a_city_is_no_country():
    evs = events_of("Council\nMr Denver criticised the mayor over the budget.")
    (e,) = by_trigger(evs, "criticised")
    assert e.actor.name == "Denver" and e.actor.country is None
    assert "United States" not in e.actor.coding


def test_one_person_one_code_in_an_article():
    evs = events_of("Oil\nVenezuelan president Hugo Chavez praised Chinese firms on Monday.\n"
                    "Mr Chavez also criticised Exxon.")
    codes = {e.actor.code for e in evs if e.actor.name == "Hugo Chavez"}
    assert codes == {"VENGOV"}, codes


# -- pairs ---------------------------------------------------------------------------------------------

def test_the_two_countries_are_countries_not_a_person():
    evs = events_of("Oil\nVenezuelan president Hugo Chavez met Chinese officials in Beijing.\n"
                    "The two countries signed a trade accord on Friday.")
    signed = by_trigger(evs, "signed")
    names = {e.actor.name for e in signed} | {e.recipient.name for e in signed if e.recipient}
    assert "Hugo Chavez" not in names
    assert {e.actor.country for e in signed} == {"VEN", "CHN"}


# -- things are not parties ------------------------------------------------------------------------

def test_a_request_is_no_recipient_its_maker_is():
    evs = events_of("Tax\nThe finance minister of Norway rejected a plea by shoe makers to cut the sales tax.")
    (e,) = by_trigger(evs, "rejected")
    assert e.recipient is not None and e.recipient.text == "shoe makers"


def test_a_thing_with_no_party_leaves_no_recipient():
    evs = events_of("Row\nGerman Chancellor Olaf Scholz criticised unfair taxes on Monday.")
    for e in by_trigger(evs, "criticised"):
        assert e.recipient is None or "taxes" not in e.recipient.text


def test_a_thing_is_no_actor_and_an_attack_keeps_an_unknown_attacker():
    evs = events_of("Blast\nA parcel bomb killed three journalists in Baghdad on Monday.")
    (e,) = by_trigger(evs, "killed")
    assert e.actor.name == "(unknown)" and "bomb" not in e.actor.name
    assert e.recipient is not None and e.recipient.sector == "MED"


def test_plain_people_are_recipients():
    evs = events_of("Attack\nIraqi soldiers arrested two men near Mosul on Monday.")
    (e,) = by_trigger(evs, "arrested")
    assert e.recipient is not None and e.recipient.text == "two men"


# -- parties, and the article's own country -------------------------------------------------------------

def test_a_party_leader_is_the_party_not_a_government():
    evs = events_of("Budget\nThe Lib Dem leader criticised the chancellor over pensions.\n"
                    "A spokesman for UKIP attacked the plan.")
    (e,) = by_trigger(evs, "criticised")
    assert (e.actor.country, e.actor.sector, e.actor.code) == ("GBR", "PTY", "GBRPTY")


def test_a_party_word_in_a_title_gives_the_country():
    evs = events_of("Race\nThe Democratic presidential candidate Ann Crowley criticised the governor on Monday.")
    (e,) = by_trigger(evs, "criticised")
    assert (e.actor.name, e.actor.country, e.actor.sector) == ("Ann Crowley", "USA", "PTY")


def test_a_state_branch_of_a_party_is_of_its_country():
    evs = events_of("Race\nThe Ohio Republican Party criticised the governor on Monday.")
    (e,) = by_trigger(evs, "criticised")
    assert (e.actor.country, e.actor.sector) == ("USA", "PTY")


def test_offices_and_bodies_take_the_one_country_the_article_is_set_in():
    evs = events_of("Race\nRep. Jane Doe won her primary in Miami, Florida, on Tuesday.\n"
                    "The state party eventually backed down.\nSen. Bob Hale criticised the governor.")
    (party,) = by_trigger(evs, "backed down")
    assert (party.actor.country, party.actor.sector) == ("USA", "PTY")
    (e,) = by_trigger(evs, "criticised")
    assert (e.actor.country, e.actor.sector) == ("USA", "LEG")
    assert "the one country the article is set in" in e.actor.coding


def test_no_home_country_when_the_article_names_two():
    evs = events_of("Talks\nThe government in Oslo criticised Swedish fishing fleets on Monday.\n"
                    "The minister rejected the plan.")
    (e,) = by_trigger(evs, "rejected")
    assert e.actor.country is None


def test_a_faith_group_is_not_placed_by_the_article_country():
    evs = events_of("Hack\nMuslim hackers defaced 300 Danish web sites last month.")
    (e,) = by_trigger(evs, "defaced")
    assert e.actor.country != "DNK"
