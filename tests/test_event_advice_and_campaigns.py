"""Advice, campaign rallies, purchases, pledges made together and acts not done: sentences of our own."""

from event_helpers import events_of, on, triggers_and_types


def test_advice_with_should_or_need_to_is_no_demand():
    assert not [t for t in triggers_and_types(
        "Senator Ana Ruiz said the council should reopen the library.",
        "The union said Britain needs to rethink its port policy.") if t[1] == "REQUEST"]


def test_must_and_have_to_still_demand():
    must = on(events_of("The minister said Iran must halt enrichment."), "halt")
    assert must and must[0].type == "REQUEST" and must[0].recipient.text == "Iran"
    has_to = on(events_of("The union said Britain has to rethink its port policy."), "rethink")
    assert has_to and has_to[0].type == "REQUEST"


def test_a_matter_of_is_no_obligation():
    assert not [t for t in triggers_and_types("The mayor said the delay had to do with the budget.")
                if t[1] == "REQUEST"]


def test_a_rally_one_politician_holds_is_a_campaign_event():
    assert not [t for t in triggers_and_types("Okafor held a rally Tuesday while Lind hosted a dinner Friday.")
                if t[1] == "PROTEST"]


def test_a_rally_a_group_holds_is_a_protest():
    rally = on(events_of("Students held a rally against the fees in Leeds."), "rally")
    assert rally and rally[0].type == "PROTEST"


def test_ordering_goods_or_work_is_buying():
    assert not [t for t in triggers_and_types("The airline ordered 30 new jets from the maker.",
                                              "The airline ordered an upgrade of its fleet.")
                if t[1] == "REQUEST"]


def test_ordering_someone_to_act_is_a_demand():
    ordered = on(events_of("The general ordered troops to withdraw from the town."), "ordered")
    assert ordered and ordered[0].type == "REQUEST" and ordered[0].recipient.text == "troops"


def test_pledging_to_work_together_is_towards_each_other():
    pledged = on(events_of("Moreau and Dietz pledged to work together."), "pledged")
    assert {(e.actor.text, e.recipient.text if e.recipient else None) for e in pledged} == \
        {("Moreau", "Dietz"), ("Dietz", "Moreau")}


def test_coordinated_actors_alone_act_on_no_one():
    praised = on(events_of("France and Germany praised the deal."), "praised")
    assert praised and all(e.recipient is None for e in praised)


def test_a_thing_that_will_not_go_to_someone_refuses_nothing():
    assert not [t for t in triggers_and_types("The prize won't be going to the mayor.") if t[1] == "REJECT"]


def test_a_party_that_will_not_meet_refuses():
    refused = on(events_of("The union will not meet the minister."), "meet")
    assert refused and refused[0].type == "REJECT"


def test_an_act_done_without_another_leaves_that_one_undone():
    asked = on(events_of("The party vowed to cut spending without asking voters to pay more tax."), "asking")
    assert all(e.status == "denied" for e in asked)


def test_talking_about_an_act_is_no_act():
    banned = on(events_of("Lind said Okafor is talking about banning all imports from China."), "banning")
    assert banned and all(e.status != "occurred" for e in banned)


def test_a_purpose_under_would_is_not_done():
    fought = [e for e in events_of("Soldiers who would be sent to fight in Syria were polled.")
              if e.evidence.trigger.text == "fight"]
    assert all(e.status != "occurred" for e in fought)


def test_harming_a_standing_seizes_nothing_and_harming_a_bridge_does():
    assert not [t for t in triggers_and_types("The affair damages the standing of the cabinet.")
                if t[1] == "COERCE"]
    damaged = on(events_of("Rebels damaged the bridge."), "damaged")
    assert damaged and damaged[0].type == "COERCE"


def test_a_person_sentenced_to_a_term_is_its_target_not_its_doer():
    sentenced = on(events_of("Tom Reyes was held in 2003. Although the judge knew of his illness, "
                             "he was sentenced to a two-year detention order."), "sentenced")
    assert sentenced and all(e.actor.text != "he" and e.recipient is not None and e.recipient.text == "he"
                             for e in sentenced)


def test_being_opposed_to_something_stays_a_state():
    assert not [t for t in triggers_and_types("The party is opposed to the treaty.") if t[1] == "REJECT"]


def test_a_verb_joined_to_another_subject_s_clause_does_not_borrow_a_subject_it_cannot_agree_with():
    thanked = [e for e in events_of('The senator spoke in Reno. "It is a fine city, and thank you, Nevada, '
                                    'for having us," she said.') if e.evidence.trigger.text == "thank"]
    assert all(e.actor.text != "It" for e in thanked)


def test_having_time_to_do_something_is_no_obligation():
    assert not [t for t in triggers_and_types(
        'The chairman said: "The ministry has had four years to release the files."') if t[1] == "REQUEST"]
    had_to = on(events_of("The chairman said the ministry has to release the files."), "release")
    assert had_to and had_to[0].type == "REQUEST"


def test_its_in_a_clause_about_a_body_is_that_body_s(nlp):
    from dateline.nlp.events.pronouns import relative_owner

    doc = nlp("The bureau, which is running its own inquiry, said nothing.")
    its = next(t for t in doc if t.lower_ == "its")
    assert relative_owner(its).text == "bureau"
    doc = nlp("The bureau said its inquiry would end.")
    assert relative_owner(next(t for t in doc if t.lower_ == "its")) is None


def test_a_rally_held_by_a_person_the_tagger_reads_as_plural_is_a_campaign_event():
    assert not [t for t in triggers_and_types("Tom Sanders won the seat in May. Sanders held a rally Saturday.")
                if t[1] == "PROTEST"]


def test_its_in_a_clause_about_a_body_is_not_the_speaker_s():
    probe = on(events_of("Senator Lind said she would talk to the FBI, which is leading its own probe into "
                         "the leak."), "probe")
    assert probe[0].actor.name == "Federal Bureau of Investigation"


def test_acts_joined_under_talk_about_are_all_talked_about():
    banned = on(events_of("Lind said Okafor is talking about closing the border and banning all imports."),
                "banning")
    assert banned[0].status == "hypothetical"


def test_what_one_cannot_see_oneself_doing_is_denied(nlp):
    from dateline.nlp.events.status import status_of

    doc = nlp("Paradis says she couldn't see herself supporting Ruiz.")
    assert status_of(next(t for t in doc if t.text == "supporting"))[0] == "denied"
    doc = nlp("Hale said he could imagine himself backing Ruiz.")
    assert status_of(next(t for t in doc if t.text == "backing"))[0] == "hypothetical"


def test_ordering_an_upgrade_is_buying_and_going_back_is_no_visit():
    assert triggers_and_types("The operator ordered a network upgrade late last year.",
                              "The feud goes all the way back to the war years.") == []


def test_asking_god_is_prayer_not_a_request():
    assert not [t for t in triggers_and_types("The senator asked God for forgiveness.") if t[1] == "REQUEST"]


def test_rallying_voters_is_no_protest_and_workers_rallying_against_a_reform_is():
    assert not [t for t in triggers_and_types("Senator Lind is rallying voters in Ohio against the governor.")
                if t[1] == "PROTEST"]
    rallied = on(events_of("Workers rallied in Lyon against the reform."), "rallied")
    assert rallied[0].type == "PROTEST"


def test_an_act_named_in_a_theory_is_talk():
    assert not [t for t in triggers_and_types("Ruiz discussed the assassination theory of the crash on radio.")
                if t[0] == "assassination"]
