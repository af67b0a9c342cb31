"""One statement read as one record, and words that are nobody's statement: reported speech that runs on into a
quotation, the sentence adverb "That said,", narration the parse hung at the end of a reported clause, and a
name the parse took as an apposition to the object of "when asked about". Sentences are our own."""

from __future__ import annotations

import pytest

from test_quotes import HEAD, quotes_of

RUNNING = [
    # the clause ends inside the quotation, which runs on past it
    ('Mayor Ann Lee said the council was "out of touch with the town, and nobody asked us what we wanted." '
     'She left early.',
     'the council was "out of touch with the town, and nobody asked us what we wanted."'),
    # the clause ends right before the opening mark
    ('Ruiz added that she was the only member to have spent her whole career "fighting for the farmers of this '
     'valley."',
     'she was the only member to have spent her whole career "fighting for the farmers of this valley."'),
    # a parenthetical cue inside the clause, the quotation in doubled single marks
    ("Rivals, she added, ''have been after my family for years. Nothing new about that.''",
     "Rivals, she added, ''have been after my family for years. Nothing new about that.''"),
]


@pytest.mark.parametrize("text,content", RUNNING)
def test_reported_speech_running_into_a_quotation_is_one_partial_statement(nlp, text, content):
    qs = quotes_of(nlp, HEAD + text)
    assert [(q.kind, q.content.text) for q in qs] == [("partial", content)], [(q.kind, q.content.text) for q in qs]
    assert len(qs[0].quoted) == 1 and qs[0].quoted[0].text in content


IDIOMS = [
    "That said, the mayor cannot realistically win the vote this year.",
    "That being said, the new bridge may still open on time.",
    "Having said that, the council will need more money for the roads.",
]


@pytest.mark.parametrize("text", IDIOMS)
def test_that_said_is_no_statement(nlp, text):
    assert quotes_of(nlp, HEAD + text) == ()


def test_a_statement_after_that_keeps_its_words(nlp):
    qs = quotes_of(nlp, HEAD + "Mayor Ann Lee said that, in her view, the council had failed.")
    assert [q.content.text for q in qs] == ["in her view, the council had failed"]


TAILS = [
    # a participle after a quotation closed with a comma is the reporter's narration
    ('Lee said she was "going to close a lot of small farms and shops," while trying to explain her plan to build '
     'a new road.', 'she was "going to close a lot of small farms and shops,"'),
    ('Lee said the plan was "a waste of money," after meeting the mayor.', 'the plan was "a waste of money,"'),
    # the programme the words were said on
    ('The senator argued that the new tax would hurt farmers if the governor is elected on Tuesday\'s "Morning '
     'Report."', "the new tax would hurt farmers if the governor is elected"),
    ("Lee said the new road would be built soon, on Monday's radio show.", "the new road would be built soon"),
]

KEPT = [
    # with no quotation closed before it, a participle may be part of what was said
    ("Lee said voters were tired of waiting while driving past the closed plant.",
     "voters were tired of waiting while driving past the closed plant"),
    # a weekday's meeting may be what the statement is about
    ("He said the deal was done during Friday's meeting with the unions.",
     "the deal was done during Friday's meeting with the unions"),
]


@pytest.mark.parametrize("text,content", TAILS + KEPT)
def test_narration_after_a_reported_clause_is_not_what_was_said(nlp, text, content):
    got = [q.content.text for q in quotes_of(nlp, HEAD + text) if q.cue is not None and q.cue.text != "thought"]
    assert got == [content], got


def test_the_name_before_said_speaks_not_the_one_asked_about(nlp):
    text = HEAD + ('Monday on ABC\'s "Evening Desk," when asked about Democratic candidate Bernie Sanders, President '
                   'Barack Obama said he thought the race would go on until June.')
    q = next(q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == "said")
    assert q.speaker is not None and "Obama" in q.speaker.text, q.speaker


MADE_PLAIN = [
    ("Officials from the two groups have made clear that they are raising more money to fight the tax.",
     "they are raising more money to fight the tax", "Officials"),
    ("The mayor made it clear that she would not resign.", "she would not resign", "The mayor"),
]


@pytest.mark.parametrize("text,content,speaker", MADE_PLAIN)
def test_made_clear_reports_what_was_said(nlp, text, content, speaker):
    qs = quotes_of(nlp, HEAD + text)
    assert [(q.content.text, q.speaker.text if q.speaker else None) for q in qs] == [(content, speaker)]


def test_making_something_so_is_no_statement(nlp):
    assert quotes_of(nlp, HEAD + "The storm made the roads unsafe for drivers.") == ()


def test_a_headline_name_says_is_what_the_person_said(nlp):
    text = "Glenn Hale Says Council, 'Old Guard' Pose A Risk To Town\nThe council met on Monday to discuss the budget."
    q = next(q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == "Says")
    assert q.content.text == "Council, 'Old Guard' Pose A Risk To Town" and q.speaker.text == "Glenn Hale"


DATELINES = [
    ("OSLO, March 4 - Nordic Freight Lines Inc said it was changing the management structure of its Oslo office.",
     "Nordic Freight Lines Inc"),
    ("OSLO, March 4 - The bank said it would raise rates.", "The bank"),
]


@pytest.mark.parametrize("text,speaker", DATELINES)
def test_a_wire_dateline_is_not_the_speaker(nlp, text, speaker):
    qs = quotes_of(nlp, HEAD + text)
    assert [q.speaker.text if q.speaker else None for q in qs] == [speaker]


RETORTS = [
    ('After the mayor attacked Lee during a debate, Ruiz shot back, "I could have stayed at home, but I chose to '
     'serve my town."', "Ruiz"),
    ('Ruiz fired back: "The mayor has never read the budget."', "Ruiz"),
]


@pytest.mark.parametrize("text,speaker", RETORTS)
def test_a_retort_is_a_cue(nlp, text, speaker):
    qs = quotes_of(nlp, HEAD + text)
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in qs] == [("direct", speaker)]


def test_firing_back_with_guns_is_no_statement(nlp):
    assert quotes_of(nlp, HEAD + "The army fired back at the rebels across the river.") == ()


def test_failing_to_make_clear_is_no_statement(nlp):
    text = HEAD + "Critics blasted the board for failing to make clear on Friday that the loan was only temporary."
    assert [q for q in quotes_of(nlp, text) if q.cue is not None and q.cue.text == "make"] == []
