"""Fighting words in contests and quarrels, fixed phrases of thanks, polite forms that perform the act,
proposals put to no one, and whom a complaint or an order is about: sentences of our own."""

from event_helpers import events_of, on, triggers_and_types


def test_results_that_beat_a_forecast_strike_no_one():
    assert triggers_and_types("The retailer's sales beat analysts' forecasts in the spring.",
                  "The bank topped estimates and beat the consensus again.") == []


def test_battling_it_out_for_a_prize_is_a_contest():
    fought = triggers_and_types("Four governors will battle it out for the party's nomination.")
    assert not [c for c in fought if c[1] == "ASSAULT"]


def test_two_officials_clashing_over_a_budget_quarrel_in_words():
    clash = on(events_of("The finance minister clashed with the health secretary over the budget."), "clashed")[0]
    assert clash.type == "ACCUSE" and clash.cameo == "111"


def test_a_clash_with_killing_stays_violent():
    clash = on(events_of("Rebels clashed with soldiers near the border, killing five."), "clashed")[0]
    assert clash.type == "ASSAULT"


def test_thank_god_is_an_exclamation():
    assert triggers_and_types("Thank God the bridge held, the driver said.") == []


def test_would_like_to_thank_thanks_now():
    thank = on(events_of("The railway company would like to thank its engineers for their work."), "thank")[0]
    assert thank.type == "SUPPORT" and thank.status == "occurred"


def test_would_like_to_meet_is_still_not_a_meeting_that_happened():
    assert all(e.status != "occurred" for e in events_of("The senator would like to meet the king next month.")
               if e.type == "CONSULT")


def test_a_policy_proposed_to_no_one_is_no_offer():
    assert triggers_and_types("Ministers proposed abolishing the ceremonial post.") == []


def test_a_proposal_of_talks_is_an_offer_to_the_other_side():
    proposed = on(events_of("The government proposed holding talks with the rebels."), "proposed")[0]
    assert proposed.type == "AGREE" and proposed.recipient.text == "the rebels"


def test_a_complaint_is_about_whom_its_clause_names():
    complained = on(events_of("The senator complained that party officials were biased against him."),
                    "complained")[0]
    assert complained.type == "ACCUSE" and complained.recipient.text == "party officials"


def test_an_order_that_names_who_must_act():
    ordered = on(events_of("The president ordered that the agencies share their files."), "ordered")[0]
    assert ordered.type == "REQUEST" and ordered.recipient.text == "the agencies"


def test_a_complaint_about_the_weather_has_no_recipient():
    complained = on(events_of("The senator complained that the weather was bad."), "complained")
    assert all(e.recipient is None for e in complained)


def test_a_deal_struck_is_no_blow():
    assert not [e for e in events_of("The deal, struck at the summit last week, was welcomed by the minister.")
                if e.evidence.trigger.text == "struck"]


def test_talks_a_party_will_start_have_not_happened():
    talks = on(events_of("The union says it will open membership talks with the rebels next spring."), "talks")[0]
    assert talks.status == "expected"


def test_wanting_to_thank_thanks_now():
    thanked = on(events_of("We want to thank the rescue teams, the chief executive said."), "thank")[0]
    assert thanked.type == "SUPPORT" and thanked.status == "occurred"


def test_wanting_to_meet_is_still_an_intention():
    met = on(events_of("The senator wants to meet the king."), "meet")[0]
    assert met.status == "intended"


def test_agreeing_with_what_someone_did_shares_a_view():
    assert not [e for e in events_of("The minister agreed with everything her predecessor had done.")
                if e.type == "AGREE"]


def test_what_those_polled_would_do_is_a_finding():
    assert events_of("Voters would reject the new charter, according to a poll for the paper.") == []


def test_taking_aim_at_a_rival_is_criticism():
    aimed = on(events_of("Senator Ruth Vale took aim at remarks by Governor Tom Ash."), "took")[0]
    assert (aimed.type, aimed.cameo) == ("ACCUSE", "111")
