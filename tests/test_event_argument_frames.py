"""Argument frames read off the parse (``nlp.events.arguments``): the receiver of "provide X with Y",
the sides a mediation goes between, and the territory an act of force posture, truce or curfew is aimed
at. Sentences of our own."""

from __future__ import annotations

from event_helpers import events_of, on


def test_the_object_of_provide_with_is_the_receiver():
    (e,) = on(events_of("Norway has provided the Kenyan police with radios and vehicles."), "provided")
    assert e.recipient is not None and e.recipient.text == "the Kenyan police"
    assert e.recipient.country == "KEN"


def test_a_thing_given_with_conditions_is_no_receiver():
    (e,) = on(events_of("Norway provided aid with strict conditions."), "aid")  # the noun is the trigger shown
    assert e.recipient is None


def test_a_mediation_goes_between_two_sides_that_are_its_targets():
    evs = on(events_of("Norway launched a mediation effort between Sudan and Chad."), "mediation")
    assert {e.actor.country for e in evs} == {"NOR"}
    assert sorted(e.recipient.country for e in evs if e.recipient) == ["SDN", "TCD"]


def test_troops_on_alert_are_aimed_at_the_place_they_hold():
    (e,) = on(events_of("Kenyan troops remained on alert in Mombasa after the riots."), "remained")
    assert e.recipient is not None and e.recipient.text == "Mombasa"
    assert "where 'remained' holds ('in' phrase)" in e.evidence.explanation  # `dateline explain` says why


def test_a_ceasefire_in_a_place_marks_the_place_without_its_description():
    evs = on(events_of("Chad declared a ceasefire in Darfur, a region in the west of Sudan."), "ceasefire")
    assert [e.recipient.text for e in evs if e.recipient] == ["Darfur"]


def test_a_place_is_no_target_of_an_attack_on_someone_there():
    (e,) = on(events_of("Rebels attacked a police convoy in Mombasa on Monday."), "attacked")
    assert e.recipient is not None and e.recipient.text.startswith("a police convoy")


def test_a_people_noun_of_the_sense_table_is_a_party():
    (e,) = on(events_of("Kenyan police tortured a young inmate to death last week."), "tortured")
    assert e.recipient is not None and e.recipient.text == "a young inmate"


def test_a_participle_on_the_object_names_whom_a_ban_was_aimed_at():
    (e,) = on(events_of("Kenya lifted the curbs placed on Somali traders last month."), "lifted")
    assert e.recipient is not None and e.recipient.text == "Somali traders"


def test_subjects_the_parse_cut_apart_are_one_phrase():
    # a parse that reads "The rebel | Free Arnor Army threatened" as two subjects of one verb
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.nlp.events.phrases import Part, np_span, whole_phrase

    words = ["The", "rebel", "Free", "Arnor", "Army", "threatened", "Gondor", "."]
    heads = [1, 5, 4, 4, 5, 5, 5, 5]
    deps = ["det", "nsubj", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=["DET", "NOUN", "PROPN", "PROPN", "PROPN",
                                                                 "VERB", "PROPN", "PUNCT"])
    rebel = doc[1]
    assert whole_phrase(Part(rebel, np_span(rebel))).text == "The rebel Free Arnor Army"
    gondor = doc[6]  # an object is not joined to the subject before the verb
    assert whole_phrase(Part(gondor, np_span(gondor))).text == "Gondor"


def test_a_party_hanging_on_the_triggers_own_object_is_found_through_a_count():
    (e,) = on(events_of("Kenyan police opened investigations against hundreds of workers."), "investigations")
    assert e.recipient is not None and e.recipient.text == "hundreds of workers"
