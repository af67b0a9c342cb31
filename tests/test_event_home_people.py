"""A person named in a story set wholly in one country is of that country (``nlp/events/home.py``); in a
story of two countries a person with no office keeps no country. The stories are invented."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _sides(nlp, paragraphs):
    art = make_article(title="Report", paragraphs=paragraphs, published="2021-03-02")
    return [(e.type, e.actor.name, e.actor.country, e.recipient.name if e.recipient else None,
             e.recipient.country if e.recipient else None) for e in next(analyze([art], nlp=nlp)).events]


def test_a_person_in_a_one_country_story_is_of_that_country(nlp):
    got = _sides(nlp, ["Lena Marsh sued Governor Mike DeWine in a court in Columbus on Monday.",
                       "The case was heard in Columbus, Ohio, where the state's lawyers asked for a delay.",
                       "Marsh said officials in Ohio had ignored her letters for two years."])
    assert any(actor == "Lena Marsh" and country == "USA" for _, actor, country, _, _ in got), got


def test_a_person_in_a_story_of_two_countries_keeps_no_country(nlp):
    got = _sides(nlp, ["Lena Marsh criticised the French government in Paris on Monday.",
                       "She later flew to Toronto, Canada, and met officials in Ottawa."])
    assert all(country is None for _, actor, country, _, _ in got if actor == "Lena Marsh"), got


def test_the_holder_of_a_shadow_office_is_not_the_office_named_bare(nlp):
    art = make_article(title="Budget row", paragraphs=[
        "Shadow chancellor Paul Dent said the plans would cost families dearly.",
        "The chancellor criticised the Conservatives in a speech in Leeds on Monday."], published="2005-02-10")
    got = [e.actor.name for e in next(analyze([art], nlp=nlp)).events if e.evidence.trigger.text == "criticised"]
    assert got and "Paul Dent" not in got, got
