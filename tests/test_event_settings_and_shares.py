"""Rallies that are a speaker's platform, one protest told twice, poll shares, hedges, invitations, refusals to
give figures, craft that travel, and tours of several countries: sentences of our own."""

from dateline.ingest import make_article
from dateline.pipeline import analyze
from event_helpers import events_of, on, triggers_and_types


def _types(*paragraphs: str, of: str) -> list[tuple[str, str]]:
    return [t for t in triggers_and_types(*paragraphs) if t[1] == of]


def test_a_rally_where_a_named_person_did_something_else_is_no_protest():
    assert not _types("Senator Ana Ruiz mocked her rival at a noisy rally in Tulsa on Friday.",
                      "Mayor Okafor lashed out at the council during a lively rally in Reno.", of="PROTEST")


def test_a_rally_whose_own_phrase_protests_stays_a_protest():
    assert _types("Nurses held a rally against the pay freeze in Leeds.", of="PROTEST")


def test_a_campaign_rally_with_protest_words_elsewhere_is_no_protest():
    assert not _types("At a campaign rally in Ohio, the governor spoke against the trade deal.", of="PROTEST")


def test_a_march_told_with_its_purpose_is_one_protest_against_its_target():
    events = events_of("Hundreds of Chilean farmers marched through Santiago to protest against the Chilean "
                       "government's water policy.")
    protests = [e for e in events if e.type == "PROTEST"]
    assert len(protests) == 1 and protests[0].evidence.trigger.text == "marched"
    assert protests[0].recipient is not None and protests[0].recipient.country == "CHL"


def test_protesting_at_a_rally_is_one_protest():
    assert len(_types("Dockers protested against the port sale at a rally in Hull.", of="PROTEST")) == 1


def test_a_share_of_people_holding_a_view_is_a_poll_finding():
    assert not triggers_and_types("Two in three voters disapproved of the mayor's budget.",
                                  "A majority of Canadians oppose the pipeline.")
    assert _types("The senators oppose the pipeline.", of="REJECT")


def test_a_hedge_on_what_someone_said_accuses_no_one():
    assert not _types("The treasurer is alleged to have told aides that the budget would fail.", of="ACCUSE")


def test_an_invitation_to_act_is_a_request_and_to_meet_an_offer_to_meet():
    act = on(events_of("The prime minister invited Norway to send more ships to the strait."), "invited")
    assert act[0].type == "REQUEST"
    meet = on(events_of("The queen invited the Ghanaian president to visit Windsor."), "invited")
    assert meet[0].type == "AGREE"


def test_declining_to_give_figures_is_no_rejection():
    assert not _types("A bank spokeswoman declined to give an estimate of the losses.",
                      "The ministry refused to provide details of the contract.", of="REJECT")
    assert _types("The government refused to provide aid to the flood victims.", of="REJECT")


def test_a_craft_that_flies_somewhere_visits_no_one():
    assert not _types("The new airliner will fly to Lima next month for a sales tour.", of="CONSULT")
    assert not _types("The new airliner will fly to Lima next month for a sales tour.", of="AGREE")


def test_things_that_fit_badly_are_no_meeting():
    assert not _types("The new levy sits uneasily with the party's promise of low taxes.", of="CONSULT")


def test_a_wish_about_a_state_of_things_is_no_demand():
    assert not _types('"The bloodshed must stop," the bishop said.', of="REQUEST")
    assert _types("The bishop said the government must resign.", of="REQUEST")


def test_a_tour_of_several_countries_is_placed_in_each():
    art = make_article(title="Minister tours Africa", published="2005-01-10",
                       paragraphs=["The Irish trade minister is visiting Ghana, Zambia and Kenya this week."])
    visits = [e for e in list(analyze([art]))[0].events if e.mode == "visit" and e.recipient is not None]
    places = {e.recipient.text: e.location.name if e.location else None for e in visits}
    assert {"Ghana", "Zambia", "Kenya"} <= set(places)
    assert all(places[k] == k for k in ("Ghana", "Zambia", "Kenya"))


def test_a_hostile_act_told_on_someone_elses_word_is_reported():
    for text in ("The mayor said the militia shelled the market on Monday.",
                 "The militia shelled the market on Monday, the mayor said."):
        shelled = on(events_of(text), "shelled")
        assert shelled[0].status == "reported"


def test_the_writers_own_account_and_ones_own_side_stay_occurred():
    assert on(events_of("The militia shelled the market on Monday."), "shelled")[0].status == "occurred"
    assert on(events_of('"We struck back at the rebels," the general said.'), "struck")[0].status == "occurred"


def test_a_group_claiming_its_own_attack_is_not_hearsay():
    attack = on(events_of("The Taliban said it carried out the attack on the base."), "attack")
    assert attack[0].status == "occurred"


def test_they_with_no_name_to_go_back_to_is_the_plural_subject_before():
    events = events_of("Several Liberal senators spoke after the budget speech on Monday. "
                       "They criticized the treasurer for the new fuel levy.")
    criticism = on(events, "criticized")[0]
    assert criticism.actor.text == "They" and criticism.actor.sector


def test_they_after_a_sentence_about_things_names_no_one():
    events = events_of("The price of oil rose on Monday. They criticized the treasurer for the levy.")
    assert all(not e.actor.sector for e in events if e.evidence.trigger.text == "criticized")


def test_a_staged_walkout_is_a_strike():
    # the small English model lemmatises "staged" as "stag"; the walkout it brings about is still an act
    walkout = on(events_of("Dock workers in Valparaiso staged a walkout on Monday."), "walkout")
    assert walkout[0].type == "PROTEST" and walkout[0].actor.text


def test_calling_off_ones_strike_is_a_concession():
    called = [e for e in events_of("The drivers' union called off the strike after talks with the bus company.")
              if e.type == "CONCEDE"]
    assert called and called[0].cameo == "082"


def test_sentencing_is_coercion():
    sentenced = on(events_of("A Lima judge sentenced the smuggler to ten years in prison."), "sentenced")
    assert sentenced[0].type == "COERCE"
