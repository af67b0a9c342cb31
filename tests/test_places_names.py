"""Place names: abbreviations that begin a name, and a name said twice across a comma."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import default_gazetteer
from dateline.geo.homes import SourceHome, SourceHomes
from dateline.model import Article
from dateline.nlp.places import PlaceOptions, find_places


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def places(nlp, gaz, text, homes=None, source=""):
    found = find_places(nlp(text), Article(id="a-names", text=text, source=source), gaz, PlaceOptions(homes=homes))
    for p in found:
        assert text[p.span.start:p.span.end] == p.span.text
    return {p.span.text: p.resolved for p in found}


def test_a_saints_name_in_a_capitals_dateline_is_whole(nlp, gaz):
    got = places(nlp, gaz, "Crash kills man\nST. PARIS -- A man was killed Monday in a crash.")
    assert "PARIS" not in got and (got["ST. PARIS"].name, got["ST. PARIS"].admin1) == ("Saint Paris", "OH")
    got = places(nlp, gaz, "Taxes\nST. PAUL, Minn. -- The governor said on Monday that taxes would rise.")
    assert (got["ST. PAUL"].name, got["ST. PAUL"].admin1) == ("Saint Paul", "MN")


def test_a_city_named_again_after_a_comma_is_that_city(nlp, gaz):
    # a Georgia paper's bare "Washington" may be the Georgia town; ", D.C." says which one is meant
    homes = SourceHomes([SourceHome("gp.example", "US", "GA", 33.50, -82.07, "Grovetown, GA")])
    text = "Crash in Augusta\nShe called her mother in Washington, D.C., after the crash in Augusta."
    got = places(nlp, gaz, text, homes, "gp.example")
    assert (got["Washington"].admin1, got["Washington"].feature_code) == ("DC", "PPLC")
    assert got["Augusta"].admin1 == "GA"


def test_a_dateline_may_end_in_a_colon(nlp, gaz):
    got = places(nlp, gaz, "Graves desecrated near a church . BEIRUT: Unknown people removed the doors of eight cemeteries.")
    assert got["BEIRUT"].country == "LB"


def test_a_politicians_or_a_businesss_town_before_its_noun(nlp, gaz):
    got = places(nlp, gaz, "The bill was written by Sen. Jon Husted, a Kettering Republican who led the Ohio House.")
    assert (got["Kettering"].country, got["Kettering"].admin1) == ("US", "OH")


def test_a_town_of_the_storys_state_owns_its_institutions(nlp, gaz):
    homes = SourceHomes([SourceHome("gt.example", "US", "TX", 33.63, -97.13, "Gainesville, TX")])
    text = "Parade planned in Cooke County\nVeterans met at Gainesville’s VFW Post No. 7 on Friday to plan a parade."
    got = places(nlp, gaz, text, homes, "gt.example")
    assert (got["Gainesville"].country, got["Gainesville"].admin1) == ("US", "TX")
    # without a state to be about, a possessive name is no town's: "Macy's", "Baker's"
    assert "Gainesville" not in places(nlp, gaz, "Veterans met at Gainesville’s VFW Post No. 7 on Friday.")
