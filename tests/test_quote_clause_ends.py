"""Where a reported clause ends, and which quotations are one statement. Sentences are our own."""

from __future__ import annotations

import pytest

from test_quotes import HEAD, quotes_of

RUN_ONS = [
    # a second verb of saying with no subject of its own is the reporter's next statement
    ("Judge Ana Ruiz said she did not want to think about defeat and predicted that the team would win.",
     "she did not want to think about defeat"),
    ("Mayor Tom Hale said the bridge is a disgrace and questioning how it was ever approved.",
     "the bridge is a disgrace"),
    # a past verb after a clause with a modal cannot be what was said
    ("Minister Lena Park said there would be no new tax and rejected calls for an inquiry.",
     "there would be no new tax"),
    # a closing "and" the parse left on the clause is not what was said
    ("Judge Ana Ruiz said the mayor is a fraud and warned that the town would pay for his lies.",
     "the mayor is a fraud"),
    ("Senator Ann Cole said she would not respond to gossip and promised to campaign hard.",
     "she would not respond to gossip"),
]

WHOLE = [
    # a conjunct with its own subject, or one under the modal, is still what was said
    ("Minister Lena Park said prices rose and wages fell.", "prices rose and wages fell"),
    ("Minister Lena Park said she would read the report and answer questions.",
     "she would read the report and answer questions"),
]


@pytest.mark.parametrize("text,content", RUN_ONS + WHOLE)
def test_reported_clause_ends_before_the_reporters_next_act(nlp, text, content):
    got = [q.content.text for q in quotes_of(nlp, HEAD + text) if q.kind == "indirect"]
    assert content in got, got


SECOND_ACTS = [
    # the reporter's next act of saying is theirs, not the reported clause's subject's
    ("Senator Ann Cole said a win by the challenger would have given the region a fresh start, adding it "
     "was almost as if the two men had been allies.",
     "a win by the challenger would have given the region a fresh start", "it was almost as if"),
]


@pytest.mark.parametrize("text,first,second", SECOND_ACTS)
def test_a_second_statement_is_the_reporters(nlp, text, first, second):
    qs = quotes_of(nlp, HEAD + text)
    assert first in [q.content.text for q in qs], [q.content.text for q in qs]
    later = [q for q in qs if q.content.text.startswith(second)]
    assert later and all(q.speaker_name and ("Ruiz" in q.speaker_name or "Cole" in q.speaker_name)
                         for q in later), [(q.content.text, q.speaker_name) for q in qs]


def test_quoted_words_inside_a_reported_clause_are_one_statement(nlp):
    text = HEAD + 'Minister Lena Park said she would not bow to "idle gossip in the papers" at all.'
    qs = quotes_of(nlp, text)
    assert [q.kind for q in qs] == ["partial"], [(q.kind, q.content.text) for q in qs]


BODIES = [
    # "the bank" after the bank that spoke
    ("Harbour Savings Bank said on Monday that deposits rose 4 pct in May. Loans to farmers fell 2 pct, "
     "the bank said.", "Loans to farmers fell", "Harbour Savings Bank"),
    # "the company" after the firm that spoke
    ("Acme Widgets Inc said it will buy a plant in Ohio. The company said the deal would close in June.",
     "the deal would close in June", "Acme Widgets Inc"),
]


@pytest.mark.parametrize("text,content,name", BODIES)
def test_the_bank_is_the_body_named_before(nlp, text, content, name):
    q = next(q for q in quotes_of(nlp, HEAD + text) if q.content.text.startswith(content))
    assert q.speaker_name == name


def test_a_bank_is_not_the_bank_named_before(nlp):
    text = HEAD + "Harbour Savings Bank said deposits rose 4 pct in May. A bank in Leeds said loans fell."
    q = next(q for q in quotes_of(nlp, text) if q.content.text.startswith("loans fell"))
    assert q.speaker_name != "Harbour Savings Bank"


def test_a_whole_quotation_inside_reported_speech_stays_its_own(nlp):
    text = HEAD + 'The book says Mr Hale told Ms Park: "I will never trust you again." Then they left.'
    qs = quotes_of(nlp, text)
    assert any(q.kind == "direct" and q.content.text.startswith("I will never") for q in qs), \
        [(q.kind, q.content.text) for q in qs]


def test_it_after_a_body_is_that_body(nlp):
    text = HEAD + ("Acme Widgets Inc said sales rose 3 pct in March. It said exports to Asia would rise "
                   "again in April.")
    q = next(q for q in quotes_of(nlp, text) if q.content.text.startswith("exports to Asia"))
    assert q.speaker_name == "Acme Widgets Inc"


def test_a_number_of_people_speak_as_the_people(nlp):
    text = HEAD + "A number of small investors said the offer was far too low."
    q = next(q for q in quotes_of(nlp, text) if q.content.text.startswith("the offer"))
    assert q.speaker is not None and q.speaker.text == "A number of small investors"


def test_a_letter_from_a_body_is_the_body_speaking(nlp):
    text = HEAD + ("Acme Widgets Inc wrote to the council on Friday. A letter from Acme Widgets Inc said the plant "
                   "would close in May.")
    q = next(q for q in quotes_of(nlp, text) if q.content.text.startswith("the plant"))
    assert q.speaker_name == "Acme Widgets Inc", (q.speaker_name, q.principal)
