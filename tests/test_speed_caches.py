"""The per-document caches the extractors share give the same answers whichever document was asked about
last. Every sentence here is invented for the case it tests."""

from __future__ import annotations

from dateline.nlp.token_table import token_table
from dateline.nlp.words import WordTest

ARTICLE = "Farmers blocked the road to Lyon.\nThe minister said on Monday she would meet them."
HEADLINE = "Farmers block road as minister says talks will go on"


def test_a_table_asked_for_again_after_another_document_is_the_same(nlp):
    article, headline = nlp(ARTICLE), nlp(HEADLINE)
    first = token_table(article)
    assert token_table(headline).doc is headline
    assert token_table(article) is first
    assert first.text == [t.text for t in article] and first.lemma == [t.lemma_ for t in article]
    assert first.doc_text == article.text


def test_word_positions_follow_each_document_in_turn(nlp):
    saying = WordTest(lambda w: w in {"say", "said", "says"})
    article, headline = nlp(ARTICLE), nlp(HEADLINE)
    want = {d: tuple(t.i for t in d if t.lower_ in {"say", "said", "says"} or t.lemma_ in {"say", "said", "says"})
            for d in (article, headline)}
    for doc in (article, headline, article, headline):
        assert saying.positions(doc) == want[doc]
    lemmas_only = WordTest(lambda w: w == "block", lower=False)
    assert lemmas_only.positions(headline) == tuple(t.i for t in headline if t.lemma_ == "block")



def test_numbers_read_as_one_shape_inside_and_outside_words():
    from dateline.nlp.learned.quad import words

    assert words("Rebels seized 12 trucks and 3,400 rifles in 2019's raid on Base7B") == [
        "rebels", "seized", "0", "trucks", "and", "0", "0", "rifles", "in", "0's", "raid", "on", "base0b"]
