"""Codes of main actors that come from the dictionaries: a party's candidate is PTY, a senator running
for president is still a legislator, a phone company is no medium. Sentences of our own."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.ontology.phoenix import phoenix_actors
from dateline.pipeline import analyze


def analysis_of(body: str, published: str = "2019-01-08"):
    lines = body.strip().split("\n")
    (a,) = analyze([make_article(title=lines[0], paragraphs=lines[1:] or ["."], published=published)])
    return a


def entity(a, name: str):
    got = [e for e in a.entities if e.name == name]
    assert got, f"no entity {name!r} among {[(e.name, e.type) for e in a.entities]}"
    return got[0]


def test_a_candidate_is_of_his_party():
    a = analysis_of("Rally\nDonald Trump spoke to a crowd in Ohio on Tuesday.", published="2016-03-01")
    assert (entity(a, "Donald Trump").country, entity(a, "Donald Trump").sector) == ("USA", "PTY")


def test_a_senator_running_for_president_is_still_a_legislator():
    a = analysis_of("Town hall\nBernie Sanders told students in Iowa that tuition should be free.",
                    published="2016-01-20")
    assert (entity(a, "Bernie Sanders").country, entity(a, "Bernie Sanders").sector) == ("USA", "LEG")


def test_a_phone_company_is_no_medium_but_a_newspaper_company_is():
    actors = phoenix_actors()
    assert {r.sector for r in actors.lookup("Verizon")} == {"MNC"}
    assert {r.sector for r in actors.lookup("Gannett Co")} == {"MED"}
