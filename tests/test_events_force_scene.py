"""Unnamed acts of force placed where they happened, and trigger words read in their event sense.

Every article here is invented. An explosion or an arrest by someone the story does not name is placed in
the country most of the story is set in, even when a foreign country is named in passing; a story split
between countries leaves it unplaced, and so uncoded.
"""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _events(nlp, paragraphs: list[str], sentence: str):
    art = make_article(title="Report", paragraphs=paragraphs, published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.evidence.sentence.text.strip() == sentence]


# a story mostly set in Spain that names one foreign country in passing
SPANISH_STORY = [
    "Spanish police said on Monday that the investigation in Madrid was continuing.",
    "The Spanish interior minister spoke to reporters in Barcelona, and a Portuguese diplomat "
    "sent his condolences.",
    "Officials in Seville and Valencia raised the security level.",
]


def test_an_unnamed_arrest_is_placed_in_the_country_most_of_the_story_is_set_in(nlp):
    sentence = "Several suspects were arrested on Wednesday."
    (e,) = [e for e in _events(nlp, [*SPANISH_STORY, sentence], sentence) if e.type == "COERCE"]
    assert e.actor.country == "ESP"


def test_an_evenly_split_story_does_not_place_an_unnamed_act(nlp):
    story = ["Officials in Madrid and Lisbon met on Monday.", "Spanish and Portuguese police shared files.",
             "The Portuguese and Spanish ministers spoke in Lisbon and Madrid."]
    sentence = "Several suspects were arrested on Wednesday."
    assert [e for e in _events(nlp, [*story, sentence], sentence) if e.type == "COERCE"] == []
