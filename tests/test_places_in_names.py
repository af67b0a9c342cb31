"""Words of a company's or a party's name are no towns; a governor's race is held in a state or province.
Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import default_gazetteer
from dateline.model import Article
from dateline.nlp.places import PlaceOptions, find_places


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def places(nlp, gaz, text):
    found = find_places(nlp(text), Article(id="a-in-names", text=text), gaz, PlaceOptions())
    return {p.span.text: p.resolved for p in found}


def test_the_first_word_of_a_party_name_is_no_town(nlp, gaz):
    got = places(nlp, gaz, "Schools plan attacked\nLONDON - A Liberal Democrat government would scrap the "
                           "plan, the party's schools spokesman told a meeting in Leeds.")
    assert "Liberal" not in got and "Leeds" in got


def test_a_company_name_the_tagger_calls_a_place_is_no_town(nlp, gaz):
    # the tagger calls this whole company name a place; its town is not where the story is
    got = places(nlp, gaz, "Casino sold\nThe casino owner, chief executive of Las Vegas Sands Corp, gave money "
                           "to the party, aides said in Macau.")
    assert got.get("Las Vegas Sands Corp") is None and "Macau" in got  # kept unresolved at most


def test_a_gubernatorial_race_is_held_in_a_prefecture_not_its_city(nlp, gaz):
    got = places(nlp, gaz, "Party braces for losses\nTOKYO - The prime minister said any losses would come in "
                           "gubernatorial elections on the northern island of Hokkaido and in Fukuoka in the south.")
    assert got["Fukuoka"].feature_code == "ADM1"
