"""Discard phrases (PETRARCH's discard list format) and the shipped Phoenix list."""

from __future__ import annotations

import pytest

from dateline.nlp.resources import default_resources
from dateline.ontology.discards import Discard, DiscardList, default_discards

SAMPLE = """\
# sentence-level phrases, then story-level ones
SILVER MEDAL
GOALKEEPER   # a stem: goalkeepers, goalkeeping
CUP FINAL_
+ GOLF OPEN
"""


@pytest.fixture(scope="module")
def sample():
    return DiscardList.parse(SAMPLE)


def test_parse(sample):
    assert list(sample) == [
        Discard("SILVER MEDAL", story=False, stem=True),
        Discard("GOALKEEPER", story=False, stem=True),
        Discard("CUP FINAL", story=False, stem=False),
        Discard("GOLF OPEN", story=True, stem=True),
    ]


@pytest.mark.parametrize("text, phrase", [
    ("Marta took the silver medal in Oslo.", "SILVER MEDAL"),
    ("Two SILVER MEDALS went to the hosts.", "SILVER MEDAL"),  # the last word is a stem
    ("The goalkeepers trained on Sunday.", "GOALKEEPER"),
    ("They lost the cup final, 2-1.", "CUP FINAL"),
    ("The regional golf open starts today.", "GOLF OPEN"),
])
def test_phrases_found(sample, text, phrase):
    assert sample.phrase_in(text) == phrase


@pytest.mark.parametrize("text", [
    "Ministers met in Oslo to discuss the budget.",
    "The cup finalists were named.",  # "FINAL_" must end the word
    "A medal of silver was minted.",  # the words must come in order and together
    "Agoalkeeper is no word.",  # a phrase starts a word
    "",
])
def test_no_phrase(sample, text):
    assert sample.find(text) is None


def test_short_stems_and_exact_one_word_phrases():
    short = DiscardList.parse("GO\nCUP_")
    assert short.phrase_in("They are going home.") == "GO"
    assert short.phrase_in("The cup is full.") == "CUP"
    assert short.find("The cupboard is full.") is None


def test_shipped_list_via_resources():
    discards = default_resources().discards
    assert discards is default_discards()
    assert len(discards) > 400
    assert discards.phrase_in("Her country won a bronze medal on Sunday.") == "BRONZE MEDAL"
    assert discards.find("The president met the prime minister to sign a trade deal.") is None
    assert any(d.story for d in discards) and any(not d.stem for d in discards)
