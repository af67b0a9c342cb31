"""Subjects that are not speakers: what was said ("Her reply was: ..."), a thing before a colon, and the subject
of a passive speech verb. Sentences are our own."""

from __future__ import annotations

from test_quotes import HEAD, find, quotes_of


def test_what_was_said_is_spoken_by_its_possessor(nlp):
    text = HEAD + 'Nora Feld, the union leader, spoke last. Her reply to the board was: "We will not sign."'
    q = find(quotes_of(nlp, text), "We will not sign")
    assert "Feld" in (q.speaker_name or ""), (q.speaker_name, q.speaker)


def test_a_thing_before_a_colon_gives_way_to_the_person_it_acts_on(nlp):
    text = HEAD + 'The delay does not worry economist Ravi Menon: "Trade always recovers after a strike."'
    q = find(quotes_of(nlp, text), "Trade always recovers")
    assert "Menon" in (q.speaker_name or ""), (q.speaker_name, q.speaker)


def test_the_subject_of_a_passive_speech_verb_is_no_speaker(nlp):
    text = HEAD + "The fate of the old ferry has been unclear since it was announced that the port would close."
    q = find(quotes_of(nlp, text), "the port would close", kind="indirect")
    assert "fate" not in (q.speaker_name or ""), (q.speaker_name, q.speaker)
