"""Names of blame given to someone, doubts about their motives, teams that speak, and phrasal verbs of
'back' that back no one: sentences of our own."""

from event_helpers import events_of, on, triggers_and_types


def test_calling_someone_a_name_of_blame_criticises_them():
    called = on(events_of("Senator Lind called Governor Ruiz a historic disappointment."), "disappointment")
    assert called[0].type == "ACCUSE" and called[0].recipient.text == "Governor Ruiz"
    described = on(events_of("Senator Lind described the minister as a disgrace."), "disgrace")
    assert described[0].cameo == "111"


def test_calling_an_act_an_attack_is_still_no_act():
    assert not [t for t in triggers_and_types("Senator Lind called the bombing an attack on democracy.")
                if t[0] == "attack"]


def test_a_denied_name_of_blame_judges_no_one():
    assert not [e for e in events_of("Senator Lind did not call Governor Ruiz a liar.")
                if e.type == "ACCUSE" and e.status == "occurred"]


def test_doubting_a_party_s_motives_is_criticism():
    doubted = on(events_of("The senator questioned the governor's judgment on Monday."), "questioned")
    assert doubted[0].cameo == "111" and doubted[0].recipient.text == "the governor"


def test_questioning_suspects_is_no_criticism():
    assert not [t for t in triggers_and_types("Police questioned two men about the theft.") if t[1] == "ACCUSE"]


def test_backing_out_or_off_backs_no_one():
    assert not [t for t in triggers_and_types("The firm backed out of the deal with the carmaker.",
                                              "The senator backed off after the vote.") if t[1] == "SUPPORT"]
    backed = on(events_of("The union backed the strike."), "backed")
    assert backed[0].type == "SUPPORT"


def test_a_campaign_that_speaks_is_its_team_not_a_thing():
    accused = on(events_of("The Ruiz campaign accused the governor of lying."), "accused")
    assert accused[0].recipient.text == "the governor"


def test_support_voiced_thrown_or_reaffirmed_is_support_for_someone():
    voiced = on(events_of("Senator Hale voiced support for Governor Ruiz."), "voiced")
    assert voiced[0].type == "SUPPORT" and voiced[0].recipient.text == "Governor Ruiz"
    thrown = on(events_of("The mayor threw her support behind Senator Hale."), "threw")
    assert thrown[0].type == "SUPPORT" and thrown[0].recipient is not None


def test_a_share_of_support_is_no_act():
    assert triggers_and_types("Support for the party fell to 30 percent.") == []
