"""Definite descriptions bound to the named person they stand for (nlp.coref_descriptions), on sentences
of our own: the person's known office, place, party and term must fit every word of the description;
a contradiction, or two people it fits alike, leaves it unbound."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.nlp.coref import Cluster, clusters


@pytest.fixture(scope="module")
def read(nlp):
    from dateline.nlp.resources import default_resources
    from dateline.pipeline import analyze_doc, default_extractors

    res = default_resources()
    extractors = tuple(e for e in default_extractors() if e.slot in ("entities", "dates", "places", "coref", "quotes"))

    def run(body: str, published: str = "2021-03-02") -> tuple[Cluster, ...]:
        lines = body.strip().split("\n")
        art = make_article(title=lines[0], paragraphs=lines[1:], published=published)
        doc = nlp(art.text)
        a = analyze_doc(doc, art, extractors=extractors, resources=res, provenance={}, nlp=nlp)
        got = clusters(doc, a.entities, a.quotes, res, published=published)
        for c in got:
            for link in c.links:
                assert art.text[link.span.start:link.span.end] == link.span.text
        return got

    return run


def bound_to(found: tuple[Cluster, ...], words: str) -> str | None:
    """The name of the cluster holding the mention ``words``, or None."""
    return next((c.name for c in found for lk in c.links if lk.span.text == words), None)


def test_a_state_tells_two_senators_apart(read):
    found = read("Budget talks stall\n"
                 "On Tuesday, Ohio Sen. Ann Hale and Utah Sen. Jo Park met to discuss the budget.\n"
                 "The Ohio senator said the talks had stalled over farm spending.")
    assert bound_to(found, "The Ohio senator") == "Ann Hale"


def test_two_senators_and_no_cue_leave_it_unbound(read):
    found = read("Budget talks stall\n"
                 "Sen. Ann Hale and Sen. Jo Park met on Tuesday to discuss the budget.\n"
                 "The senator said the talks had stalled over farm spending.")
    assert bound_to(found, "The senator") is None


def test_a_governor_is_not_a_senator(read):
    found = read("Bridge plan approved\n"
                 "Gov. Tom Reyes signed the bridge bill on Friday in the state capital.\n"
                 "The senator said the bill would cost too much.")
    assert bound_to(found, "The senator") != "Tom Reyes"


def test_a_place_that_contradicts_leaves_it_unbound(read):
    found = read("Bridge plan approved\n"
                 "On Friday, Utah Gov. Tom Reyes signed the bridge bill.\n"
                 "The Idaho governor said the bill would cost too much.")
    assert bound_to(found, "The Idaho governor") != "Tom Reyes"


def test_a_party_that_contradicts_leaves_it_unbound(read):
    found = read("Debate night\n"
                 "Republican candidate Lena Voss spoke first at the debate on Monday.\n"
                 "The Democratic candidate answered with a plan for schools.")
    assert bound_to(found, "The Democratic candidate") != "Lena Voss"


def test_a_qualifier_names_one_office(read):
    found = read("Hospital funds agreed\n"
                 "Prime Minister Ana Lind met Health Minister Peter Olsen on Monday.\n"
                 "The health minister said two new hospitals would open.\n"
                 "The prime minister said the money was there.")
    assert bound_to(found, "The health minister") == "Peter Olsen"
    assert bound_to(found, "The prime minister") == "Ana Lind"


def test_the_next_holder_is_no_one_yet(read):
    found = read("Transition begins\n"
                 "President Maya Chen has begun to prepare the handover to the next president.\n"
                 "The next president will take office in January.")
    assert bound_to(found, "The next president") != "Maya Chen"
    assert bound_to(found, "the next president") != "Maya Chen"


def test_a_former_office_needs_former(read):
    found = read("Old rivals meet\n"
                 "Former Gov. Tom Reyes visited the fair on Saturday.\n"
                 "The former governor said he missed the job.")
    assert bound_to(found, "The former governor") == "Tom Reyes"
    found = read("Old rivals meet\n"
                 "Former Gov. Tom Reyes visited the fair on Saturday.\n"
                 "The governor was not there.")
    assert bound_to(found, "The governor") != "Tom Reyes"


def test_an_ordinal_names_a_term_past_or_present(read):
    # the actor dictionary holds Bill Clinton as the 42nd president, 1993-2001
    found = read("Old rivals meet\n"
                 "Bill Clinton spoke on Friday in Little Rock.\n"
                 "Critics said the 42nd president had been a gifted speaker.", published="2016-05-24")
    assert bound_to(found, "the 42nd president") == "Bill Clinton"


def test_a_headline_description_goes_with_the_one_person_it_fits(read):
    found = read("Utah governor backs tax plan\n"
                 "Utah Gov. Tom Reyes said on Monday he would sign the tax plan.\n"
                 "He spoke in Salt Lake City.")
    assert bound_to(found, "Utah governor") == "Tom Reyes"


def test_the_dictionary_says_what_a_person_is(read):
    # the actor dictionary holds Bernie Sanders as senator for Vermont from 2007
    found = read("Rally in the rain\n"
                 "Bernie Sanders spoke to a crowd of students in the rain on Friday.\n"
                 "The Vermont senator said college should be free.", published="2016-04-15")
    assert bound_to(found, "The Vermont senator") == "Bernie Sanders"


def test_a_predicate_is_not_a_mention(read):
    found = read("Debate night\n"
                 "Republican candidate Lena Voss spoke first at the debate on Monday.\n"
                 "Voss hopes to become the Republican nominee in the summer.")
    assert bound_to(found, "the Republican nominee") is None


def test_an_age_given_by_the_article_binds_the_year_old(read):
    found = read("Rally in the rain\n"
                 "Ann Hale, 64, spoke to students in Dayton on Friday. Tom Reyes, 71, spoke after her.\n"
                 "The 64-year-old said college should be free.")
    assert bound_to(found, "The 64-year-old") == "Ann Hale"


def test_an_age_that_contradicts_leaves_it_unbound(read):
    found = read("Rally in the rain\n"
                 "On Friday, Ohio Sen. Jo Park, 58, spoke to students in Dayton.\n"
                 "The 71-year-old senator said college should be free.")
    assert bound_to(found, "The 71-year-old senator") != "Jo Park"



def test_a_prime_minister_is_no_chancellor(read):
    # the actor dictionary holds Tony Blair as prime minister and Gordon Brown as chancellor of the exchequer
    found = read("Budget day\n"
                 "Tony Blair and Gordon Brown visited a school in Leeds on Monday.\n"
                 "The chancellor said the budget would help families.", published="2005-03-14")
    assert bound_to(found, "The chancellor") == "Gordon Brown"


def test_a_speaker_description_is_not_given_to_a_holder_it_contradicts(nlp):
    from dateline.ingest import make_article
    from dateline.nlp.resources import default_resources
    from dateline.pipeline import analyze_doc, default_extractors

    art = make_article(title="Hospital funds agreed", published="2021-03-02",
                       paragraphs=["Prime Minister Ana Lind opened a clinic in Bergen on Monday.",
                                   'The health minister said: "Two new hospitals will open next year."'])
    res = default_resources()
    extractors = tuple(e for e in default_extractors() if e.slot in ("entities", "dates", "places", "coref", "quotes"))
    a = analyze_doc(nlp(art.text), art, extractors=extractors, resources=res, provenance={}, nlp=nlp)
    q = next(q for q in a.quotes if "hospitals" in q.content.text)
    assert q.speaker_name != "Ana Lind"


def test_a_state_after_the_noun_counts_too(read):
    found = read("Budget talks stall\n"
                 "On Tuesday, Florida Senator Ann Hale spoke to reporters about the budget.\n"
                 "The senator from Texas said the talks had stalled.")
    assert bound_to(found, "The senator") != "Ann Hale"
