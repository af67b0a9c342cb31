"""The attribute table gives every word the tag, part of speech, morphology, lemma and label spaCy's
attribute ruler gives it. Every sentence here is invented for the case it tests."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from dateline.nlp.attribute_table import NAME, AttributeTable, Unreadable

TEXTS = [
    "The council's new budget wasn't approved; members said they'd vote again on Friday.",
    "There's nothin' left to cut, y'all know it. Let's go, we're gonna miss the bus!",
    "He ain't here.  \n\n  She gotta run at 5 p.m. -- c'mon, them's the rules.",
    "STEEL OUTPUT FIGURES FOR THE THIRD QUARTER",
    "I'd say you'd've known: it's his and hers, not ours.",
]


@pytest.fixture(scope="module")
def table_nlp():
    from dateline.nlp.build import analysis_nlp

    return analysis_nlp()


def test_the_analysis_pipeline_reads_the_rules_from_the_table(table_nlp):
    assert NAME in table_nlp.pipe_names and "attribute_ruler" not in table_nlp.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_every_word_is_given_what_the_ruler_gives_it(nlp, table_nlp, text):
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD]
    ruled, tabled = nlp(text), table_nlp(text)
    assert ruled.to_array(attrs).tolist() == tabled.to_array(attrs).tolist()
    assert [str(t.morph) for t in ruled] == [str(t.morph) for t in tabled]


def test_a_rule_the_table_cannot_read_leaves_the_ruler_in_place(nlp):
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"TAG": "NN", "LENGTH": 4}]], {"POS": "NOUN"})
    with pytest.raises(Unreadable):
        AttributeTable(ruler)
