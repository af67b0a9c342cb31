"""Headline grammar drops "is"/"was": "Mayor charged with fraud" tells what was done to the mayor.
Every headline here is invented for the case it tests."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def headline_events(title: str, body: str) -> list[tuple[str, str, str, str | None]]:
    (a,) = analyze([make_article(title=title, paragraphs=[body], published="2020-03-02", language="en")])
    return [(e.type, e.evidence.trigger.text, e.actor.text, e.recipient.text if e.recipient else None)
            for e in a.events if e.evidence.sentence.start < len(title)]


@pytest.mark.parametrize("title, trigger, recipient", [
    ("Mayor Charged With Fraud", "Charged", "Mayor"),
    ("Union leader arrested in Lima", "arrested", "Union leader"),
])
def test_a_headline_verb_in_ed_form_with_no_object_is_a_passive(title, trigger, recipient):
    found = headline_events(title, "The case was opened last month by the city prosecutor.")
    assert any(t == trigger and not actor and r == recipient for _, t, actor, r in found), found


def test_a_verb_with_an_object_keeps_its_subject():
    found = headline_events("Police arrested two men in Lima", "The two were held overnight on Monday.")
    assert any(t == "arrested" and actor == "Police" for _, t, actor, _ in found), found


@pytest.mark.parametrize("title", ["Korean leaders met in Panmunjom", "Finance minister resigned over loans",
                                   "President arrived in Hanoi"])
def test_mutual_and_intransitive_headline_verbs_are_not_passives(nlp, title):
    from dateline.nlp.events.headline import read_passives
    from dateline.ontology.verbs import default_verbs

    doc = nlp(title)
    assert read_passives(doc[:], default_verbs()) == []
    assert [t.dep_ for t in doc if t.dep_ == "nsubjpass"] == []
