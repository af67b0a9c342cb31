"""A headline in Title Case: the tagger runs a name on into the verb after it ("Rick Perry Slams Trump");
the words the body writes in lower case end the name. Every headline here is invented for the case."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def entity_names(title: str, body: list[str]) -> set[str]:
    (a,) = analyze([make_article(title=title, paragraphs=body, published="2016-05-01", language="en")])
    return {e.name for e in a.entities}


@pytest.mark.parametrize("title, body, name", [
    ("Rick Perry Slams Trump Over Tax Returns",
     ["Former Texas governor Rick Perry slammed Donald Trump on Sunday over his tax returns."], "Rick Perry"),
    ("Harriet Lane Selling Family Estate After Tax Row",
     ["Harriet Lane is selling her family estate after a row over unpaid taxes."], "Harriet Lane"),
])
def test_a_title_case_headline_name_ends_before_its_verb(title, body, name):
    names = entity_names(title, body)
    assert name in names and not any(n.startswith(name + " ") for n in names), names


def test_a_headline_in_running_text_case_keeps_its_names():
    names = entity_names("Rio Grande Valley farmers fear new border rules",
                         ["Farmers in the Rio Grande Valley say the rules will hurt trade."])
    assert "Rio Grande Valley" in names, names
