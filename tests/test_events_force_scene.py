"""Unnamed acts of force placed where they happened, and trigger words read in their event sense.

Every article here is invented. An explosion or an arrest by someone the story does not name is placed in
the country most of the story is set in, even when a foreign country is named in passing; a story split
between countries leaves it unplaced, and so uncoded.
"""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _events(nlp, paragraphs: list[str], sentence: str):
    art = make_article(title="Report", paragraphs=paragraphs, published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.evidence.sentence.text.strip() == sentence]


# a story mostly set in Spain that names one foreign country in passing
SPANISH_STORY = [
    "Spanish police said on Monday that the investigation in Madrid was continuing.",
    "The Spanish interior minister spoke to reporters in Barcelona, and a Portuguese diplomat "
    "sent his condolences.",
    "Officials in Seville and Valencia raised the security level.",
]


def test_an_unnamed_arrest_is_placed_in_the_country_most_of_the_story_is_set_in(nlp):
    sentence = "Several suspects were arrested on Wednesday."
    (e,) = [e for e in _events(nlp, [*SPANISH_STORY, sentence], sentence) if e.type == "COERCE"]
    assert e.actor.country == "ESP"


def test_an_evenly_split_story_does_not_place_an_unnamed_act(nlp):
    story = ["Officials in Madrid and Lisbon met on Monday.", "Spanish and Portuguese police shared files.",
             "The Portuguese and Spanish ministers spoke in Lisbon and Madrid."]
    sentence = "Several suspects were arrested on Wednesday."
    assert [e for e in _events(nlp, [*story, sentence], sentence) if e.type == "COERCE"] == []


def _all(nlp, sentence: str):
    art = make_article(title="Report", paragraphs=[sentence], published="2022-05-10")
    return next(analyze([art], nlp=nlp)).events


def test_a_date_after_on_is_no_call_on_anyone(nlp):
    # "On Tuesday" says when; it does not make "called" a call on someone to act
    events = _all(nlp, "On Tuesday, the Belgian prime minister called the fire a tragedy.")
    assert not [e for e in events if e.type == "REQUEST"]
    (e,) = [e for e in _all(nlp, "The Belgian prime minister called on farmers to end the blockade.")
            if e.type == "REQUEST"]
    assert e.evidence.trigger.text == "called"


def test_a_call_for_days_of_protest_is_still_a_call(nlp):
    events = _all(nlp, "On Monday the Chilean opposition called for two days of national strikes.")
    assert [e.evidence.trigger.text for e in events if e.type == "REQUEST"] == ["called"]


def test_the_name_a_speaker_gives_an_event_is_no_event_by_the_speaker(nlp):
    events = _all(nlp, "The Kenyan interior minister called the explosion a terrorist attack.")
    assert not [e for e in events if e.evidence.trigger.text == "attack"]


def _assaults(nlp, sentence: str):
    return [e for e in _all(nlp, sentence) if e.type == "ASSAULT"]


def test_deaths_told_as_what_a_blast_did_are_not_a_second_attack(nlp):
    (e,) = _assaults(nlp, "A car bomb exploded outside a hotel in Mogadishu, killing nine Somali soldiers.")
    assert e.evidence.trigger.text == "exploded"
    assert e.recipient is not None and "soldiers" in e.recipient.text  # the dead are whom it was done to
    (e,) = _assaults(nlp, "Nine Somali soldiers were killed in the bombing of a hotel in Mogadishu.")
    assert e.evidence.trigger.text == "bombing"


def test_a_killing_told_on_its_own_is_the_attack(nlp):
    (e,) = _assaults(nlp, "Gunmen killed nine Somali soldiers in Mogadishu on Sunday.")
    assert e.evidence.trigger.text == "killed"


def test_a_wound_told_after_the_main_verb_belongs_to_the_blast_before_it(nlp):
    sentence = ("Police believe the suspect left a box holding a device that exploded in Lyon on Monday, "
                "wounding six French tourists.")
    (e,) = _assaults(nlp, sentence)
    assert e.evidence.trigger.text == "exploded" and "tourists" in e.recipient.text


def test_protests_named_only_as_what_is_banned_did_not_take_place(nlp):
    events = _all(nlp, "La Paz officials announced a prohibition on rallies and protests in the Bolivian capital.")
    assert not [e for e in events if e.type == "PROTEST"]
    events = _all(nlp, "Thousands of Bolivians defied the ban and held protests in La Paz on Monday.")
    assert [e.evidence.trigger.text for e in events if e.type == "PROTEST"] == ["protests"]


def test_a_light_verb_shows_the_event_noun_it_brings_about_as_the_trigger(nlp):
    (e,) = _assaults(nlp, "Rebels launched a series of attacks on the Congolese town of Beni on Sunday.")
    assert e.evidence.trigger.text == "attacks" and "Rebels" in e.actor.text
    # a verb with an object that names no event keeps its own word ("called him a traitor")
    events = _all(nlp, "The Congolese president called the rebel leader a traitor.")
    assert [e.evidence.trigger.text for e in events if e.type == "ACCUSE"] == ["called"]


def test_a_headline_plan_to_hold_talks_is_still_a_plan(nlp):
    art = make_article(title="Chinese minister to hold talks with Kenyan president",
                       paragraphs=["The Chinese foreign minister will travel to Nairobi next week, officials said."],
                       published="2022-05-10")
    (e,) = [e for e in next(analyze([art], nlp=nlp)).events if e.type == "CONSULT"]
    assert e.evidence.trigger.text == "talks" and e.status == "expected"


def test_protesters_fighting_police_is_a_riot_not_armed_combat(nlp):
    events = [e for e in _all(nlp, "Protesters clashed with riot police in the Chilean capital on Monday.")
              if e.evidence.trigger.text == "clashed" and e.actor.text == "Protesters"]
    assert [(e.type, e.mode, e.cameo) for e in events] == [("PROTEST", "riot", "145")]
    events = _assaults(nlp, "Government troops clashed with rebels in the Chilean mountains on Monday.")
    assert events and all(e.cameo == "190" for e in events)


def test_an_accidental_explosion_is_no_attack(nlp):
    assert not _assaults(nlp, "Two Yemeni fighters died when a mortar round accidentally exploded in Aden.")
    assert not _assaults(nlp, "Four Yemeni fighters were killed in an accidental explosion at a depot in Aden.")
    assert _assaults(nlp, "A bomb exploded at a depot in Aden, killing four Yemeni fighters.")


def test_a_warning_named_by_its_danger_threatens_no_one(nlp):
    assert not [e for e in _all(nlp, "Canada issued a travel warning for Haiti on Monday.") if e.type == "THREATEN"]
    assert [e for e in _all(nlp, "Iran issued a stern warning to Israel on Monday.") if e.type == "THREATEN"]


def test_a_movement_is_a_group_of_people():
    # so "protest" before it only describes it ("a protest movement"), as with "protest songs"
    from dateline.nlp.events.sense import noun_table

    assert noun_table()["movement"] == "person"


def test_killing_and_wounding_joined_to_an_attack_are_that_one_attack(nlp):
    events = _assaults(nlp, "Gunmen stormed a police post in Sinai, killed six Egyptian officers and wounded nine.")
    assert [e.evidence.trigger.text for e in events if e.actor.text == "Gunmen"] == ["stormed"]


def test_the_toll_told_after_an_attack_is_not_another_attack(nlp):
    story = "Militants attacked an army convoy near Gao, in Mali, on Monday. Six Malian soldiers were killed."
    art = make_article(title="Report", paragraphs=[story], published="2022-05-10")
    events = [e for e in next(analyze([art], nlp=nlp)).events if e.type == "ASSAULT"]
    assert [e.evidence.trigger.text for e in events] == ["attacked"]
    # told on its own, with no attack before it, the killing is the event
    assert [e.evidence.trigger.text for e in _assaults(nlp, "Six Malian soldiers were killed near Gao on Monday.")] \
        == ["killed"]


def test_an_indictment_is_an_accusation_of_crime_not_an_arrest(nlp):
    for sentence in ("Peruvian prosecutors indicted the former mayor of Lima on Monday.",
                     "Peruvian prosecutors charged the former mayor of Lima with bribery on Monday."):
        (e,) = [e for e in _all(nlp, sentence) if "mayor" in ((e.recipient and e.recipient.text) or "")]
        assert (e.type, e.mode, e.cameo) == ("ACCUSE", "allege", "1121"), sentence
