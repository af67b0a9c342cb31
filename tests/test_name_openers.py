"""A gerund that opens a sentence is no part of the name after it; given names ending in -ing stay."""

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _names(paragraph: str) -> set[str]:
    article = make_article(title="Report", paragraphs=[paragraph], published="2019-01-08")
    return {e.name for e in next(iter(analyze([article]))).entities}


def test_an_opening_gerund_is_cut_from_a_full_name():
    names = _names("Giving Donald Trump the keys is a risk, the mayor said.")
    assert not any(n.startswith("Giving") for n in names)


def test_a_given_name_ending_in_ing_stays():
    assert "Irving Berlin" in _names("Irving Berlin wrote songs.")
