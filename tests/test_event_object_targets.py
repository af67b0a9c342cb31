"""Whom an act is aimed at when its pattern names the object itself (``arguments.recipient_slots``), and
the verbs of giving back, handing over and acting against that name their receiver or target in a
phrase of their own. Sentences of our own."""

from __future__ import annotations

from event_helpers import events_of, on


def test_expelled_diplomats_are_the_target_not_the_city_they_leave():
    (e,) = on(events_of("Russia expelled three Swedish diplomats from Moscow."), "expelled")
    assert e.recipient is not None and e.recipient.text == "three Swedish diplomats"
    assert e.recipient.country == "SWE"


def test_some_of_a_group_is_the_group_counted():
    (e,) = on(events_of("Norway expelled some of the Danish envoys."), "expelled")
    assert e.recipient is not None and e.recipient.text == "some of the Danish envoys"
    assert e.recipient.country == "DNK"


def test_a_banned_party_is_the_one_acted_on():
    (e,) = on(events_of("The junta in Mali banned the opposition party."), "banned")
    assert e.recipient is not None and e.recipient.text == "the opposition party"


def test_a_place_hit_by_force_is_the_target_not_the_weapon():
    (e,) = on(events_of("The Chadian army hit rebel positions in the north with rockets."), "hit")
    assert e.cameo.startswith("19")
    assert e.recipient is not None and e.recipient.text.startswith("rebel positions")


def test_a_thing_returned_to_a_country_names_its_receiver():
    (e,) = on(events_of("Spain returned the stolen statues to the government of Chile."), "returned")
    assert e.cameo.startswith("084")
    assert e.recipient is not None and e.recipient.country == "CHL"


def test_going_back_somewhere_is_no_return_of_property():
    assert not [e for e in events_of("The Spanish striker returned to Madrid on Monday.") if e.cameo.startswith("084")]


def test_goods_given_to_a_country_are_aid():
    (e,) = on(events_of("The Dutch navy gives medical equipment to Honduras."), "gives")
    assert e.cameo.startswith("07")
    assert e.recipient is not None and e.recipient.country == "HND"


def test_a_speech_given_to_parliament_is_no_aid():
    assert not [e for e in events_of("The Dutch king gave a speech to parliament.") if e.cameo.startswith("07")]


def test_legal_action_against_a_government_is_a_lawsuit_aimed_at_it():
    (e,) = on(events_of("The European Commission launched legal action against the Czech government."), "action")
    assert e.cameo == "115"
    assert e.recipient is not None and e.recipient.text == "the Czech government"


def test_an_investigation_against_firms_names_them():
    evs = [e for e in events_of("Spanish prosecutors opened an inquiry against dozens of firms.")
           if e.cameo == "090"]
    assert evs and evs[0].recipient is not None and evs[0].recipient.text == "dozens of firms"


def test_apprehending_someone_is_an_arrest():
    (e,) = on(events_of("Dutch police on Sunday apprehended a Belgian man."), "apprehended")
    assert e.cameo == "173"
    assert e.recipient is not None and e.recipient.text == "a Belgian man"


def test_a_nation_named_after_of_is_that_nation_not_the_last_country_named():
    (e,) = on(events_of("Chile established relations last year with the small island nation of Tuvalu."),
              "established")
    assert e.recipient is not None and e.recipient.country == "TUV"
    assert e.recipient.text == "the small island nation of Tuvalu"


def test_entities_named_for_sanctions_are_parties():
    (e,) = on(events_of("Canada called for sanctions against three entities in Laos."), "called")
    assert e.recipient is not None and e.recipient.text.startswith("three entities in Laos")


def test_a_phrase_the_parse_hangs_on_the_light_verb_is_the_noun_triggers():
    (e,) = on(events_of("Hackers from Belarus launched cyber warfare against Lithuania."), "warfare")
    assert e.recipient is not None and e.recipient.country == "LTU"


def test_peacekeepers_arriving_somewhere_are_deployed_there():
    (e,) = on(events_of("Some 200 Korean peacekeepers arrived in Juba on Friday."), "arrived")
    assert e.cameo == "074"
    assert e.recipient is not None and e.recipient.text == "Juba"


def test_tourists_arriving_somewhere_are_no_deployment():
    (e,) = on(events_of("Hundreds of Irish tourists have arrived in Lisbon."), "arrived")
    assert e.cameo != "074"


def test_a_platoon_sent_to_a_country_names_the_country():
    (e,) = on(events_of("Estonia sent an infantry platoon to Mali."), "sent")
    assert e.cameo.startswith("07")
    assert e.recipient is not None and e.recipient.country == "MLI"


def test_laying_down_arms_in_a_country_is_aimed_at_it():
    (e,) = on(events_of("The militia laid down its weapons in Chad on Friday."), "laid down")
    assert e.recipient is not None and e.recipient.text == "Chad"


def test_a_passive_coordinated_without_a_subject_shares_the_first_verbs():
    (e,) = on(events_of("Nine Chilean fishermen, kept for weeks in Peru, were freed by Peruvian police."), "freed")
    assert e.recipient is not None and e.recipient.text.startswith("Nine Chilean fishermen")
    assert e.actor.country == "PER"


def test_a_conjunct_hung_on_a_name_in_apposition_is_another_target():
    evs = on(events_of("Canada imposed sanctions against the Iranian shipping firm Sepahan and the Syrian "
                       "Scientific Research Center."), "sanctions")
    assert sorted(e.recipient.country for e in evs if e.recipient) == ["IRN", "SYR"]


def test_the_object_of_a_coordinated_verb_is_not_the_triggers_target():
    (e,) = on(events_of("Somali rebels shelled military positions in Kenya's Turkana region at dawn and later "
                        "overran them."), "shelled")
    assert e.recipient is not None and e.recipient.text == "military positions in Kenya's Turkana region"


def test_a_hyphenated_cease_fire_with_a_side_is_a_ceasefire_aimed_at_it():
    evs = [e for e in events_of("Mali's government declared a cease-fire with the Tuareg rebels.")
           if e.cameo.startswith("087")]
    assert evs and evs[0].recipient is not None and evs[0].recipient.text == "the Tuareg rebels"


def test_an_apposition_naming_an_act_is_no_part_of_the_target():
    (e,) = on(events_of("Police arrested the Ugandan activist, a move that drew protests."), "arrested")
    assert e.recipient is not None and e.recipient.text == "the Ugandan activist"


def test_an_apposition_naming_a_person_stays_with_the_name():
    (e,) = on(events_of("The Peruvian president met Ana Ruiz, the governor of Lima."), "met")
    assert e.recipient is not None and e.recipient.text == "Ana Ruiz, the governor of Lima"


def test_a_participle_of_targeting_names_what_a_raid_is_aimed_at():
    evs = [e for e in events_of("The air force carried out a raid on Friday, targeting rebel commanders in Niger.")
           if e.cameo.startswith("19")]
    assert evs and [e.recipient.text for e in evs if e.recipient] == ["rebel commanders in Niger"]


def test_a_name_no_dictionary_knows_stays_a_target_beside_a_known_one():
    evs = on(events_of("The Treasury removed the sanctions on Rusalco and other firms linked to a Russian banker."),
             "removed")
    got = {e.recipient.text for e in evs if e.recipient}
    assert "Rusalco" in got and any(t.startswith("other firms") for t in got)


def test_people_expelled_from_a_country_were_expelled_by_it():
    (e,) = on(events_of("Three Danish journalists were deported from Egypt on Monday."), "deported")
    assert e.actor.country == "EGY"
    assert e.recipient is not None and e.recipient.text == "Three Danish journalists"
