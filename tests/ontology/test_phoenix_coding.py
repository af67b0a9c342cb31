"""The layered dictionaries as the entity coder and the event coder use them, on our own sentences."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def analysis(body: str, published: str):
    lines = body.strip().split("\n")
    (a,) = analyze([make_article(title=lines[0], paragraphs=lines[1:], published=published)])
    assert not a.errors, a.errors
    return a


def entity(a, name: str):
    return next(e for e in a.entities if e.name == name or any(m.span.text == name for m in e.mentions))


@pytest.fixture(scope="module")
def trade_story():
    return analysis("Trade row deepens\n"
                    "The European Union imposed new tariffs on Norwegian salmon on Tuesday. "
                    "Northwind Foods chief financial officer Maria Lund said the company would cut jobs.",
                    "2021-03-02")


def test_the_eu_is_an_igo_not_a_labour_union(trade_story):
    eu = entity(trade_story, "European Union")
    assert (eu.country, eu.sector) == ("IGO", "IGO")


def test_a_companys_officer_is_business(trade_story):
    assert entity(trade_story, "Maria Lund").sector == "BUS"


def test_an_office_holder_of_the_phoenix_layer_within_and_after_the_dates():
    body = "Visit to Kabul\nHamid Karzai met envoys in Kabul on Monday."
    during = entity(analysis(body, "2010-05-03"), "Hamid Karzai")
    after = entity(analysis(body, "2019-05-06"), "Hamid Karzai")
    assert (during.country, during.sector) == ("AFG", "GOV")
    assert after.country == "AFG" and after.sector != "GOV"


def test_police_are_cop_in_events():
    a = analysis("Clashes in the capital\nPolice in Kenya arrested dozens of protesters on Friday.", "2020-06-05")
    police = [e.actor for e in a.events if e.actor is not None and e.actor.text.lower().startswith("police")]
    assert police and all(x.sector == "COP" for x in police)


@pytest.mark.parametrize("word", ["Youth", "Zero", "Tigers", "Marches"])
def test_ordinary_words_at_a_sentence_start_are_no_actors(word):
    a = analysis(f"Town news\n{word} gathered in the square on Saturday, organisers said.", "2020-06-06")
    assert all(e.country is None for e in a.entities if e.name == word)
    for event in a.events:
        for side in (event.actor, event.recipient):
            assert side is None or side.text != word or side.country is None
