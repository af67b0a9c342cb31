"""Names the recogniser runs together or cuts apart: an opening gerund is no part of the name after it;
a three-part name cut in two is one person; given names ending in -ing stay."""

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


def test_a_name_the_recogniser_cut_in_two_is_one_person():
    names = _names("First Vice Foreign Minister Kim Kye Gwan said the talks would go on.")
    assert "Kim Kye Gwan" in names and "Gwan" not in names


def test_two_people_written_apart_stay_two():
    names = _names("Maria Lopez and John Smith met in Leeds on Monday.")
    assert {"Maria Lopez", "John Smith"} <= names
