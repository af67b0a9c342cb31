"""Poll figures, fixed phrases and nouns of holding back: uses of event words that are no act, or acts
that did not happen; sentences of our own."""

from event_helpers import events_of, on, triggers_and_types


def test_a_share_of_voters_is_no_act_of_support():
    assert triggers_and_types(
        "The survey finds the Green candidate supported by an average of 9 percent across the regions.",
        "The senator was supported by 38 percent of the Democrats polled, a dip from May.") == []


def test_support_without_figures_is_still_support():
    backed = on(events_of("The mayor backed Governor Lane in the primary."), "backed")
    assert backed and backed[0].type == "SUPPORT"


def test_charging_that_is_an_accusation_about_the_clause_subject():
    charged = on(events_of("The activist charged that the party had ignored the movement."), "charged")[0]
    assert (charged.type, charged.cameo) == ("ACCUSE", "112") and charged.recipient.text == "the party"


def test_charging_someone_with_a_crime_stays_an_accusation_of_crime():
    charged = on(events_of("Police charged the driver with manslaughter."), "charged")[0]
    assert charged.type == "ACCUSE"


def test_powers_allowing_police_to_act_describe_a_law():
    allowed = triggers_and_types("The chief asked how officers would use powers allowing them to close bars.",
                                 "The governor moved on, allowing his skills to shine through.")
    assert not [t for t in allowed if t[1] == "CONCEDE"]


def test_holding_a_stance_is_no_seizure_and_the_army_taking_a_town_is():
    held = triggers_and_types("The party learned to occupy the political centre ground.")
    assert not [t for t in held if t[1] == "COERCE"]
    took = on(events_of("The army occupied the northern town."), "occupied")[0]
    assert took.type == "COERCE"


def test_making_ones_way_strikes_no_one():
    assert triggers_and_types("The governor has fought his way back to respectability.") == []


def test_coming_to_someones_defence_is_support_not_a_visit():
    came = on(events_of("Several senators came to Senator Hale's defence after the hearing."), "came")[0]
    assert came.type == "SUPPORT"


def test_leaving_the_door_open_is_no_departure():
    assert triggers_and_types("Ministers leave door open for a second vote") == []


def test_a_profit_warning_threatens_no_one():
    assert triggers_and_types("Shares fell after the carmaker issued a profit warning.") == []


def test_reluctance_to_condemn_is_not_condemning():
    condemn = on(events_of("The senator later blamed his reluctance to condemn the militia on a bad line."),
                 "condemn")
    assert all(e.status == "denied" for e in condemn)


def test_tearing_into_a_rival_is_criticism():
    tore = on(events_of("The minister tore into the opposition leader."), "tore")[0]
    assert (tore.type, tore.cameo) == ("ACCUSE", "111")


def test_calling_a_rival_unelectable_is_criticism():
    e = on(events_of("Senator Ruth Vale said Governor Tom Ash is unelectable."), "unelectable")[0]
    assert e.type == "ACCUSE" and e.recipient.text.endswith("Ash")


def test_the_streets_a_protest_takes_to_are_where_it_was():
    took = on(events_of("Several hundred demonstrators took to the streets of Lyon on Tuesday to protest "
                        "pension cuts."), "took")[0]
    assert took.type == "PROTEST" and took.recipient is None


def test_a_protest_against_a_government_keeps_its_target():
    protested = on(events_of("Students protested against the government in Paris."), "protested")[0]
    assert protested.recipient is not None and protested.recipient.text == "the government"


def test_a_warning_of_what_others_will_do_if_something_happens_is_a_forecast():
    assert triggers_and_types("The mayor warned that if taxes rise, businesses will leave the city.") == []


def test_a_warning_that_troops_will_act_if_rebels_stay_is_a_threat():
    warned = on(events_of("The minister warned that if the rebels did not withdraw, troops would move in."),
                "warned")[0]
    assert warned.type == "THREATEN"


def test_calling_for_someone_to_resign_is_a_demand_on_them():
    called = on(events_of("Senator Ruth Vale called for Governor Tom Ash to resign."), "called")[0]
    assert called.type == "REQUEST" and called.recipient.text.endswith("Ash")


def test_waiting_for_a_bus_to_come_asks_nothing():
    assert events_of("The delegates waited for the bus to arrive.") == []
