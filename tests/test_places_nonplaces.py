"""Names that are towns' names too but mean something else in the article: a deity, the planet (no
town's reading), a branch of government's business, a person the article shows doing what people do."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import default_gazetteer
from dateline.model import Article
from dateline.nlp.places import find_places


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def places(nlp, gaz, text, resolved=False):
    found = find_places(nlp(text), Article(id="a-nonplaces", text=text), gaz)
    for p in found:
        assert text[p.span.start:p.span.end] == p.span.text
    return [p.span.text for p in found if p.resolved or not resolved]


def test_a_deity_and_the_planet_are_no_towns(nlp, gaz):
    text = "Rains in Ohio\nShe prayed to God for rain. Farmers near Dayton said the Earth had never been so dry."
    assert "God" not in places(nlp, gaz, text)
    got = places(nlp, gaz, text, resolved=True)
    assert "Earth" not in got and "Ohio" in got  # the planet, with no reading as Earth, Texas


def test_the_business_of_a_department_is_no_town(nlp, gaz):
    got = places(nlp, gaz, "Jobs report\nThe Labor Department said hiring slowed in Ohio. The Department of "
                           "Justice opened an inquiry in Texas.")
    assert "Labor" not in got and "Justice" not in got
    assert {"Ohio", "Texas"} <= set(got)


def test_a_name_the_article_shows_living_and_dying_is_a_person(nlp, gaz):
    got = places(nlp, gaz, "History talk\nThe author spoke on Monday. Lincoln visited the troops in 1864, and "
                           "Lincoln's widow kept his letters.")
    assert "Lincoln" not in got
    got = places(nlp, gaz, "Old case\nDeputies were called to a farm near Tyler. Paris had been shot once. "
                           "The reward in Paris' case rose to $5,000.")
    assert "Paris" not in got and "Tyler" in got


def test_a_town_the_article_also_puts_where_places_stand_stays_a_town(nlp, gaz):
    got = places(nlp, gaz, "Travel\nTyler said on Monday that the roads into Tyler were closed.")
    assert got.count("Tyler") == 2
