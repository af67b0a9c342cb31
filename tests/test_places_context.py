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
    from dateline.nlp.place_names import titled_names
    doc = nlp("Tom Brand, known as 'Mr. Dalton,' ran the fair for years. Mr. Brand lived in Dalton.")
    names = titled_names(doc)
    assert "Brand" in names and "Dalton" not in names
