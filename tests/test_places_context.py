"""Places read with what the rest of the article says: a name the article gives a person is no town,
a namesake is chosen by the places around it, a common word needs a place's syntax. Our own sentences."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import default_gazetteer
from dateline.model import Article
from dateline.nlp.places import find_places


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def places(nlp, gaz, text):
    return find_places(nlp(text), Article(id="a-ctx", text=text), gaz)


def surfaces(found):
    return [p.span.text for p in found]


@pytest.mark.parametrize("text,name,kept", [
    # a title only people take makes the name a person's wherever it recurs
    ("Mr. Lincoln arrived in Springfield on Monday. Later, Lincoln spoke to farmers about the harvest.",
     "Lincoln", "Springfield"),
    # a word of a person's full name is that person, even where a county bears it ("said of")
    ("Byrd praised Emilie Holroyd, a volunteer in Charleston. He said of Holroyd that she never gave up.",
     "Holroyd", "Charleston"),
])
def test_a_name_the_article_gives_a_person_is_no_place(nlp, gaz, text, name, kept):
    found = surfaces(places(nlp, gaz, text))
    assert name not in found and kept in found, found


def test_a_title_in_quotation_marks_is_a_nickname_not_a_person(nlp, gaz):
    from dateline.nlp.place_syntax import titled_names
    doc = nlp("Tom Brand, known as 'Mr. Dalton,' ran the fair for years. Mr. Brand lived in Dalton.")
    names = titled_names(doc)
    assert "Brand" in names and "Dalton" not in names


@pytest.mark.parametrize("text,word,kept", [
    ("Turkey joined NATO in 1952. Troops from NATO arrived in Latvia on Monday.", "NATO", "Latvia"),
    ("The Vice Mayor said the Superior Court would hear the case in Duluth.", "Vice", "Duluth"),
    ("The Vice Mayor said the Superior Court would hear the case in Duluth.", "Superior", "Duluth"),
    ("He said the bill would pass in Congress. The Supreme Court ruled in Washington.", "Congress", "Washington"),
    ("He said the bill would pass in Congress. The Supreme Court ruled in Washington.", "Supreme", "Washington"),
])
def test_words_and_bodies_that_are_also_towns_need_a_place_syntax(nlp, gaz, text, word, kept):
    found = surfaces(places(nlp, gaz, text))
    assert word not in found and kept in found, found


def test_initials_a_region_goes_by_stay_a_place(nlp, gaz):
    from dateline.nlp.place_names import _initials_of_org, Mention
    doc = nlp("The EU said on Monday that the EU would fund the port.")
    m = Mention(1, 2, "GPE", "retagged", text="EU")
    assert not _initials_of_org(doc, m, gaz)


def test_a_town_and_its_state_after_a_comma(nlp, gaz):
    # "Georgia" alone is likelier the country; after a town that has a namesake there, it is the state
    found = places(nlp, gaz, "Kenneth Clarke, the former chancellor, spoke in Athens, Georgia, on Monday.")
    athens = next(p for p in found if p.span.text == "Athens").resolved
    georgia = next(p for p in found if p.span.text == "Georgia").resolved
    assert (athens.country, athens.admin1) == ("US", "GA") and georgia.feature_code == "ADM1", (athens, georgia)


def test_a_stated_distance_keeps_the_namesake_that_lies_there(nlp, gaz):
    found = places(nlp, gaz, "The rally moved on to Lexington, some 35 miles west of Kearney, on Friday.")
    lex = next(p for p in found if p.span.text == "Lexington")
    assert (lex.resolved.country, lex.resolved.admin1) == ("US", "NE"), lex.reason
    assert "from Kearney" in lex.reason


def test_a_village_with_no_entry_near_the_stated_place_stays_unresolved(nlp, gaz):
    # the gazetteer's only "Dudu"s are in China and Romania, thousands of km from Jaipur
    found = places(nlp, gaz, "The bride was from Dudu, a village 60km from Jaipur in Rajasthan.")
    dudu = next(p for p in found if p.span.text == "Dudu")
    assert dudu.resolved is None and "60 km from Jaipur" in dudu.reason
    assert next(p for p in found if p.span.text == "Jaipur").resolved.country == "IN"


@pytest.mark.parametrize("text,km_,bearing", [
    ("Dudu, a small village some 60km from Jaipur", 60.0, None),
    ("Lexington, some 35 miles west of Kearney", 35 * 1.609, 270),
    ("Tavira, 30 km north-east of Faro", 30.0, 45),
])
def test_stated_distance_reads_number_unit_and_bearing(nlp, text, km_, bearing):
    from dateline.nlp.place_distance import stated_distance
    from dateline.nlp.place_names import Mention
    doc = nlp(text)
    got = stated_distance(doc, Mention(0, 1, "GPE", "ner"))
    assert got is not None and abs(got[0] - km_) < 1 and got[1] == bearing
    assert doc[got[2]].text in ("Jaipur", "Kearney", "Faro")


def test_no_distance_without_a_place_it_is_from(nlp):
    from dateline.nlp.place_distance import stated_distance
    from dateline.nlp.place_names import Mention
    doc = nlp("Tavira, where 30 km of beach draw tourists.")
    assert stated_distance(doc, Mention(0, 1, "GPE", "ner")) is None


def test_a_stated_distance_does_not_rule_out_a_country_or_a_state(nlp, gaz):
    # a distance places a point; "Guinea" is an area whose centre may lie far from the town
    found = places(nlp, gaz, "The outbreak spread in Guinea, 60 km from Freetown, officials said.")
    guinea = next(p for p in found if p.span.text == "Guinea")
    assert guinea.resolved is not None and guinea.resolved.country == "GN", guinea.reason


def test_a_town_set_in_capitals_is_no_organisations_initials(nlp, gaz):
    from dateline.nlp.place_names import _initials_of_org, Mention
    # the organisation must stand in running text; a line set in capitals says nothing of initials
    doc = nlp("TORONTO MAN HELD IN TORONTO RAID\nThe theft was reported on Monday.")
    assert any(e.label_ == "ORG" and e.text == "TORONTO" for e in doc.ents)  # the tagger's reading of the headline
    m = Mention(5, 6, "GPE", "ner", text="TORONTO")
    assert not _initials_of_org(doc, m, gaz)


def test_a_word_without_a_capital_is_no_town_even_where_the_tagger_says_so(nlp, gaz):
    from dateline.nlp.place_names import Mention, keep
    doc = nlp("A man drove a van into the crowd in Toronto.")
    van = Mention(4, 5, "GPE", "ner")
    toronto = Mention(9, 10, "GPE", "ner")
    assert doc[4].text == "van" and doc[9].text == "Toronto"
    assert not keep(doc, van, gaz, set(), set()) and keep(doc, toronto, gaz, set(), set())
