"""The analysis pipeline's remembered lemmatizer gives every word the lemma spaCy's own gives it. Every
sentence here is invented for the case it tests."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, ORTH

from dateline.nlp.lemma_memo import LemmaMemo

TEXTS = [
    "The ministers were meeting again; the minister met them twice and says he meets them often.",
    "Better roads, the best schools and good hospitals: voters wanted more than they got.",
    "MINERS STRIKE AS TALKS FAIL AT TWO PITS",
    "She'd've gone if they'd asked. Y'all ain't seen the geese, the mice or the children.",
    "  \n\n  ",
    "",
]


@pytest.fixture(scope="module")
def memo_nlp():
    from dateline.nlp.build import analysis_nlp

    return analysis_nlp()


def test_the_analysis_pipeline_keeps_the_name_and_the_tables(memo_nlp):
    lemmatizer = memo_nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, LemmaMemo)
    # the headline gate reads the rule tables through the pipeline's lemmatizer
    assert lemmatizer.mode == "rule" and "lemma_rules" in lemmatizer.lookups


@pytest.mark.parametrize("text", TEXTS)
def test_every_word_gets_spacys_lemma(nlp, memo_nlp, text):
    ours, theirs = memo_nlp(text), nlp(text)
    assert ours.to_array([ORTH, LEMMA]).tolist() == theirs.to_array([ORTH, LEMMA]).tolist()
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_the_second_time_a_word_is_read_from_the_memo(memo_nlp, nlp):
    text = "The envoys met the envoys who had met them."
    first, again = memo_nlp(text), memo_nlp(text)
    assert [t.lemma_ for t in first] == [t.lemma_ for t in again] == [t.lemma_ for t in nlp(text)]
    assert memo_nlp.get_pipe("lemmatizer")._memo
