"""Who did the deed a judgement names, who made a promise told in the passive, and audiences that jeer:
sentences of our own."""

from event_helpers import events_of, on


def _side(e, which):
    ref = getattr(e, which)
    return ref.text if ref is not None else None


def test_the_deed_named_by_for_belongs_to_the_one_judged():
    evs = events_of("The minister criticised the army for shelling the village.")
    shelling = on(evs, "shelling")[0]
    assert shelling.type == "ASSAULT" and _side(shelling, "actor") == "the army"


def test_the_one_thanked_did_the_deed():
    rescue = on(events_of("The prime minister thanked the navy for rescuing the fishermen."), "rescuing")[0]
    assert _side(rescue, "actor") == "the navy"


def test_a_passive_judgement_gives_the_deed_to_its_subject():
    attack = on(events_of("The rebels were condemned for attacking the convoy."), "attacking")[0]
    assert _side(attack, "actor") == "The rebels"


def test_anger_at_someone_for_a_deed():
    evs = events_of("The general lashed out at the rebels for having shot down a cargo plane.")
    shot = on(evs, "shot")[0]
    assert _side(shot, "actor") == "the rebels"


def test_a_thing_as_object_leaves_the_deed_to_the_subject():
    evs = events_of("The militia used the money for attacking the convoy.")
    assert all(_side(e, "actor") != "the money" for e in evs)


def test_goods_promised_to_people_in_the_passive_are_an_offer():
    promised = on(events_of("Farmers are being promised cheaper loans by the Green Party."), "promised")[0]
    assert promised.type == "AGREE"
    assert _side(promised, "actor") == "the Green Party" and _side(promised, "recipient") == "Farmers"


def test_goods_offered_by_a_future_government_are_an_expected_offer():
    offered = on(events_of("Students would be offered free bus passes by a future Labour government, "
                           "the party has said."), "offered")[0]
    assert offered.type == "AGREE" and offered.status == "expected"


def test_words_offered_are_no_offer_of_help():
    evs = events_of("The minister offered the families his condolences.",
                    "The company offered its staff no explanation.")
    assert not [e for e in evs if e.type == "AGREE"]


def test_an_audience_booing_a_speaker_disapproves_and_the_by_phrase_serves_both_verbs():
    evs = events_of("The mayor was booed and shouted down by protesters after the speech.")
    assert [(e.type, _side(e, "actor"), _side(e, "recipient")) for e in evs] == \
        [("ACCUSE", "protesters", "The mayor")]


def test_hecklers_disapprove():
    heckled = on(events_of("Students heckled the minister during his visit."), "heckled")[0]
    assert heckled.type == "ACCUSE" and _side(heckled, "recipient") == "the minister"


def test_a_series_of_questions_asked_is_no_demand():
    assert events_of("Voters in the state were asked a series of questions as they left the polls.") == []


def test_a_share_of_customers_is_no_aid():
    assert events_of("The broadband unit provided about 30% of the new customers, the group said.") == []


def test_feedback_given_is_words_not_aid():
    assert events_of("The aide provided the governor with feedback on his speeches.") == []


def test_food_given_to_refugees_is_still_aid():
    food = on(events_of("The charity provided food to the refugees."), "provided")[0]
    assert food.type == "AID"


def test_the_accusation_a_suit_makes_is_told_with_it_once():
    evs = events_of("The state's attorney general sued Harlow Brokers, accusing it of rigging bids.")
    assert [e.evidence.trigger.text for e in evs if e.type == "ACCUSE"] == ["sued"]


def test_what_ones_own_agency_must_do_is_no_demand():
    assert events_of("The fund's director said his agency had to study the problems of the region.") == []


def test_what_a_rival_must_do_is_still_a_demand():
    stop = events_of("The president said Iran must stop enriching uranium.")
    assert [e.type for e in stop] == ["REQUEST"]
