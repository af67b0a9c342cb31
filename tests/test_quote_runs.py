"""Quotations that run over several sentences and paragraphs, and who goes on speaking: the next paragraph of a
quotation printed in the same line, a pronoun that carries on the last speaker, and the sentence between two
quotes that names a new speaker. Sentences are our own."""

from __future__ import annotations

import pytest

from dateline.nlp.quote_marks import find_quotes
from test_quotes import HEAD, find, quotes_of

RUNS = [
    # a quotation's next paragraph run into the same line (archives that lost the line breaks)
    ('Ms Okoro said: "The bridge opens in May. "Tolls will be low." Others left.',
     ['The bridge opens in May. "Tolls will be low.']),
    ('Ms Okoro said: “The bridge opens in May. “Tolls will be low.” Others left.',
     ['The bridge opens in May. “Tolls will be low.']),
    # ... after a quotation inside the quotation
    ("He said: \"They told us 'wait a year'. \"We waited.\" Then he left.",
     ["They told us 'wait a year'. \"We waited."]),
    # a blank line between the paragraphs of one quotation
    ('He said: "The roads are clear.\n\n"The trains run too." Then.', ['The roads are clear.\n\n"The trains run too.']),
    # an ordinary close and reopen stays two quotes
    ('"We are ready," he said. "The trains run."', ["We are ready,", "The trains run."]),
]


@pytest.mark.parametrize("text,expected", RUNS)
def test_quotation_runs(text, expected):
    assert [text[m.start:m.end] for m in find_quotes(text)] == expected


def test_a_quotation_ending_on_an_inner_quotation_stands_alone(nlp):
    text = HEAD + "Ann Ruiz told the radio: \"My words were: 'let the painters paint'.\" She left at noon."
    q = find(quotes_of(nlp, text), "My words were")
    assert q.kind == "direct" and "Ruiz" in (q.speaker_name or "")


def test_a_speech_verb_with_its_own_clause_after_a_quote_is_not_its_cue(nlp):
    text = HEAD + ('"The budget is fixed," Mayor Ana Ruiz said. "We will not move." Her deputy Lena Park said '
                   'the council would vote in June.')
    q = find(quotes_of(nlp, text), "We will not move")
    assert "Ruiz" in (q.speaker_name or ""), (q.speaker_name, q.rule)


def test_a_reported_sentence_between_two_quotes_names_the_next_speaker(nlp):
    text = HEAD + ('"The plan is sound," said Ana Ruiz. Tom Baker, a builder, said that the plan had flaws. '
                   '"It costs too much and helps too few."')
    q = find(quotes_of(nlp, text), "It costs too much")
    assert "Baker" in (q.speaker_name or ""), (q.speaker_name, q.rule)


def test_he_goes_on_as_the_last_speaker_past_names_inside_quotes(nlp):
    text = HEAD + ('"I have met Karl Ostberg. Karl is calm about it," Peter Walsh said on Monday. '
                   "He said the talks would resume in June.")
    q = find(quotes_of(nlp, text), "the talks would resume", kind="indirect")
    assert "Walsh" in (q.speaker_name or ""), (q.speaker_name, q.coref)


def test_he_goes_on_as_an_unnamed_speaker(nlp):
    text = HEAD + ('Mayor Omar Diaz will stay until the budget passes, one of his aides said.\n'
                   '"The vote can wait until June," the aide said.\n'
                   "A later vote would be harder, he said.\n"
                   '"The council will not split."')
    quotes = quotes_of(nlp, text)
    later = find(quotes, "A later vote", kind="indirect")
    assert later.speaker_name == "aide", (later.speaker_name, later.coref)
    assert find(quotes, "The council will not split").speaker_name == "aide"


def test_he_after_a_paragraph_without_people_is_the_paragraph_speaker(nlp):
    text = HEAD + ("Tom Baker, a banker, said that Nina Holt would keep her post. He also said rates would rise. "
                   "Prices went up in May. Shops were busy.\n"
                   '"It will not matter much," he told a lunch.')
    q = find(quotes_of(nlp, text), "It will not matter")
    assert "Baker" in (q.speaker_name or ""), (q.speaker_name, q.coref)


def test_a_definite_epithet_goes_on_as_the_person_named_before(nlp):
    text = HEAD + ('Mining magnate Paul Ferris said on Friday that he had met the governor. '
                   '"It was a good talk," the veteran tycoon told reporters.')
    q = find(quotes_of(nlp, text), "It was a good talk")
    assert "Ferris" in (q.speaker_name or ""), (q.speaker_name, q.coref)


def test_an_office_is_not_given_to_a_person_holding_another(nlp):
    text = HEAD + 'Mayor Ann Kerr said the roads were safe. "We will see," the president told reporters.'
    q = find(quotes_of(nlp, text), "We will see")
    assert "Kerr" not in (q.speaker_name or ""), (q.speaker_name, q.coref)


def test_a_wire_dateline_is_not_part_of_the_reported_clause(nlp):
    text = HEAD + "OSLO, May 4 - The central bank will cut rates in June, two bankers said on Monday."
    q = find(quotes_of(nlp, text), "The central bank", kind="indirect")
    assert not q.content.text.startswith("OSLO"), q.content.text


def test_a_parenthetical_cue_at_the_start_is_left_out_of_the_clause(nlp):
    text = HEAD + "Mayor Ann Kerr spoke at the depot. Perhaps, she said, the buses had simply grown too old."
    q = find(quotes_of(nlp, text), "the buses had simply", kind="indirect")
    assert "she said" not in q.content.text and q.cue.text == "said", q.content.text
