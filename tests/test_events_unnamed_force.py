"""Acts of force with no one named doing them, and the trigger words of attacks, arrests and inquiries.

Every article here is invented. An explosion, an arrest or a shooting by someone the story does not name is
still news: it is coded with an unknown actor, placed in the country the whole story is set in when the
sentence names no place, and trusted less than an act by a named party. Things (a bomb, a memo) are not
made actors, and figures of speech stay dropped.
"""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze

# a story set in one country: France, Paris, French police, the French interior minister
FRENCH_STORY = [
    "French police said on Saturday that they were still questioning witnesses in Paris.",
    "The French interior minister visited the scene in Paris on Friday evening.",
]


def _events(nlp, paragraphs: list[str], sentence: str):
    art = make_article(title="Report", paragraphs=paragraphs, published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.evidence.sentence.text.strip() == sentence]


def test_an_unnamed_explosion_is_placed_where_the_story_is_set(nlp):
    sentence = "The explosion shattered the windows of three shops."
    (e,) = [e for e in _events(nlp, [*FRENCH_STORY, sentence], sentence) if e.type == "ASSAULT"]
    assert e.evidence.trigger.text == "explosion" and e.actor.name == "(unknown)"
    assert e.actor.country == "FRA" and "where the story is set" in e.actor.coding
    # we know where, not who: the confidence model reads the actor as unknown
    assert e.evidence.features["actor_known"] == 0.0


def test_with_no_country_to_place_it_an_unnamed_explosion_is_not_coded(nlp):
    sentence = "The explosion shattered the windows of three shops."
    assert [e for e in _events(nlp, [sentence], sentence) if e.type == "ASSAULT"] == []


def test_an_agentless_passive_arrest_takes_its_subject_as_the_one_held(nlp):
    sentence = "Two French journalists were arrested on Thursday."
    (e,) = [e for e in _events(nlp, [*FRENCH_STORY, sentence], sentence) if e.type == "COERCE"]
    assert e.mode == "arrest" and e.actor.name == "police" and not e.actor.text  # no one named: the police
    assert e.recipient is not None and "journalists" in e.recipient.text


def test_a_thing_is_not_made_the_actor_of_an_attack(nlp):
    sentence = "A car bomb killed four soldiers near the French embassy in Paris."
    events = [e for e in _events(nlp, [*FRENCH_STORY, sentence], sentence) if e.type == "ASSAULT"]
    assert events and all("bomb" not in (e.actor.text or "") for e in events)


@pytest.mark.parametrize("text, trigger, plover", [
    ("Police in Lyon are hunting a gunman who fled after the raid.", "hunting", "ACCUSE"),
    ("The arrest of the opposition leader in Caracas angered his supporters.", "arrest", "COERCE"),
    ("The shooting of a protester in Nairobi angered residents.", "shooting", "ASSAULT"),
    ("The Venezuelan opposition urged citizens to take to the streets.", "urged", "REQUEST"),
    ("Thousands of Venezuelans took to the streets of Caracas on Monday.", "took", "PROTEST"),
    ("The French minister instructed prefects to tighten security at markets.", "instructed", "REQUEST"),
])
def test_trigger_words_of_attacks_arrests_inquiries_and_protests(nlp, text, trigger, plover):
    got = {(e.evidence.trigger.text, e.type) for e in _events(nlp, [text], text)}
    assert (trigger, plover) in got


@pytest.mark.parametrize("text, not_type", [
    ("Hunters were hunting deer in the hills of Bavaria.", "ACCUSE"),  # hunting game is no inquiry
    ("Volunteers in Lyon were searching for survivors after the floods.", "ACCUSE"),  # nor a search for survivors
    ("The senator attacked the budget plan in a speech in Paris.", "ASSAULT"),  # criticism of a plan
])
def test_everyday_senses_stay_uncoded(nlp, text, not_type):
    assert [e.type for e in _events(nlp, [text], text) if e.type == not_type] == []
