"""Everyday uses of event words are no events; the event uses of the same words still are
(``nlp/events/sense_uses.py``, the forecast test of ``sense._threat``).

Every sentence here is invented to show one use of a word.
"""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _events(nlp, text: str, *, title: str = "Report", published: str = "2022-05-10") -> list:
    """Every event coded from an article of one paragraph."""
    art = make_article(title=title, paragraphs=[text], published=published)
    return list(next(analyze([art], nlp=nlp)).events)


def _in_sentence(nlp, text: str) -> list:
    """The events coded from the sentence itself (not from the headline)."""
    return [e for e in _events(nlp, text) if e.evidence.sentence.text.strip() == text.strip()]


def _coded(nlp, text: str):
    return [(e.type, e.evidence.trigger.text) for e in _in_sentence(nlp, text)]


@pytest.mark.parametrize("text", [
    "Analysts pointed to the dollar's failure to extend that rally.",  # a rise in prices
    "The senator spoke at a rally in Ohio on Friday.",  # a campaign platform
    "The governor appeared at a campaign rally with the senator.",
    "The mayor demonstrated his commitment to the plan.",  # showing something
    "The writer deployed her favourite phrase twice.",  # using a word
    "Unions are fighting change in the ports.",  # opposing a state of things
    "She is the best candidate to beat Jorge Ramos in the autumn.",  # a contest
    "The delay begs the question whether the plan will work.",  # a fixed phrase
    "The crash killed 40 passengers on Monday.",  # an accident
    "Forty people died in a landslide in the north.",
    "The airline will charge an added cost for each bag.",  # a price
    "The minister warned that many small firms could be hurt by the move.",  # a forecast about others
    "The minister told reporters that the army had left.",  # speech, not a directive
    "She told reporters she would resign.",
    "Analysts doubted that the euro could extend that rally despite strong data.",  # a price trend
    "The governor introduced the candidate at a number of rallies.",  # campaign platforms
    "Prices will rise next year, the central bank warned.",  # nothing threatened
    "The lawyer donated his services to the campaign.",  # one's own work
    "The senator battled opposition from the press for years.",  # resistance in words
    "Two disasters this year, the losses of two airliners, which killed 102 people, led to the ban.",
    "Allow me to explain the plan to the senators.",  # a command in speech
    "The candidate shot himself in the foot with that remark.",  # done to oneself
    "The senator seized upon the remark.",  # taking up a chance
    "The governor sat down with NBC for an interview on Monday.",  # speaking to the press
    "The interview was taped and released on Wednesday.",  # nothing released is people
    "She told CNN that she backed the senator.",
    'The senator posted a list, writing "Allow me to explain the plan to the reporters.',  # quoted command
    "Asked by the host whether he would attack the governor, the senator said no.",  # a question
    "The president said he would not tolerate attacks such as last week's bombing in the capital.",  # a kind
    "The governor shot back in a statement, saying he had done nothing wrong.",  # a retort
    "The two ministers arrived at the city's main hospital for the recording of a radio show.",
    "The reporter contributed from Albuquerque.",  # a writer's credit
    "The websites provided a forum for criminals.",
    '"How long will the new bridge take?" asked the girl.',
    "The audience laughed and applauded.",
    "He is holding several rallies a day in the state.",
    "Traders expect the rate cut to spark a relief rally on Wall Street.",
    "We are about to witness a demonstration.",
    "The vote was a demonstration of strength.",
])
def test_an_everyday_use_is_no_event(nlp, text):
    assert _coded(nlp, text) == []


@pytest.mark.parametrize("text,type_,trigger", [
    ("The foreign ministers met the Chinese envoy on Monday.", "CONSULT", "met"),
    ("Students demonstrated outside the embassy.", "PROTEST", "demonstrated"),
    ("The army deployed 500 troops to the border.", "MOBILIZE", "deployed"),
    ("Police fought protesters in the square.", "ASSAULT", "fought"),
    ("Gunmen killed 12 villagers on Monday.", "ASSAULT", "killed"),
    ("A car bomb killed five soldiers in the capital.", "ASSAULT", "killed"),
    ("Sniper fire killed two Syrian soldiers near Aleppo.", "ASSAULT", "killed"),  # fire on purpose
    ("The farmers begged the minister for help.", "REQUEST", "begged"),
    ("Prosecutors charged the mayor with fraud.", "ACCUSE", "charged"),
    ("The minister warned that police will not tolerate violence.", "THREATEN", "warned"),
    ("The union warned that workers would strike next week.", "THREATEN", "warned"),
    ("The minister told airlines to stop flights to the island.", "REQUEST", "told"),  # a directive
    ("Truckers rallied in Paris over fuel prices.", "PROTEST", "rallied"),  # people hold it
    ("The army warned the rebels.", "THREATEN", "warned"),
    ("Rebels seized the town on Friday.", "COERCE", "seized"),  # "on Friday" is when, not "seize on"
    ("The rebels released three aid workers on Friday.", "RETREAT", "released"),
    ("The union demanded a pay rise if the company wanted to avoid a strike.", "REQUEST", "demanded"),
    ("Kim arrived in Beijing on Tuesday.", "CONSULT", "arrived"),
    ("Japan contributed 10 million dollars to the fund.", "AID", "contributed"),
    ("Protesters rallied in Ohio against the president.", "PROTEST", "rallied"),
    ("The mayor implored the governor to send more police.", "REQUEST", "implored"),  # verbs of pleading
    ("The senator saluted the governor for his courage.", "SUPPORT", "saluted"),  # and of praise
    ("The president mocked the senator at the dinner.", "ACCUSE", "mocked"),  # and of scorn
])
def test_the_event_use_is_still_coded(nlp, text, type_, trigger):
    assert (type_, trigger) in _coded(nlp, text)


@pytest.mark.parametrize("text,status", [
    ("If elected, she would ask the senator to lead the project.", "hypothetical"),  # a condition of its own
    ("The ministry is holding a meeting on Friday with the unions.", "expected"),  # an arrangement
    ("The ministry is holding talks with the unions today.", "occurred"),  # going on now
])
def test_status_of_conditions_and_arrangements(nlp, text, status):
    got = [e.status for e in _in_sentence(nlp, text)]
    assert got and set(got) == {status}


@pytest.mark.parametrize("text,actor", [
    ("The African Union made the decision to expel the two diplomats.", "African Union"),
    ("France's decision to expel the diplomats angered Moscow.", "France"),
    ("Turkey announced plans to impose sanctions on Syria.", "Turkey"),
])
def test_who_has_the_decision_or_plan_does_what_it_is_to_do(nlp, text, actor):
    got = [e.actor.name for e in _in_sentence(nlp, text)]
    assert actor in got, got


@pytest.mark.parametrize("text", [
    "The Madrid bombing killed 191 people in 2004.",  # a capital named before an attack is where it was
    "The Baghdad car bomb attack wounded 30 people.",
])
def test_a_town_before_an_attack_is_where_and_its_deaths_are_that_attack(nlp, text):
    got = [(e.type, e.evidence.trigger.text, e.actor.name) for e in _events(nlp, text)]
    assert len(got) == 1 and got[0][0] == "ASSAULT" and got[0][2] == "(unknown)", got


def test_a_country_before_an_attack_may_be_its_doer(nlp):
    assert [e.actor.country for e in _events(nlp, "The US strike hit a convoy near the border.")] == ["USA"]


@pytest.mark.parametrize("text,target", [
    ("The mayor said Governor Ruiz was a blowhard.", "Ruiz"),  # name-calling in what is said
    ("The minister said the opposition leader was desperate.", "the opposition leader"),
])
def test_blame_in_what_is_said_is_criticism(nlp, text, target):
    got = [(e.type, e.recipient.text if e.recipient else None) for e in _events(nlp, text)]
    assert any(t == "ACCUSE" and r and target in r for t, r in got), got


def test_an_arrest_with_no_one_named_making_it_is_by_the_police_of_where_it_was(nlp):
    text = "Two Iranian students were detained in Paris on Friday."
    got = [(e.type, e.actor.name, e.actor.code) for e in _events(nlp, text)]
    assert got == [("COERCE", "police", "FRACOP")], got


def test_an_arrest_with_no_one_and_nowhere_named_is_not_coded(nlp):
    assert _events(nlp, "Dozens were arrested on Friday.") == []


def test_what_is_recommended_or_demanded_has_not_happened(nlp):
    text = "The audit office recommended that the air force allow the companies to submit new bids."
    got = [(e.type, e.status) for e in _events(nlp, text)]
    assert ("CONCEDE", "expected") in got and ("CONCEDE", "occurred") not in got, got


def test_a_headline_told_to_act_is_the_one_told(nlp):
    got = [(e.type, e.actor.name, e.recipient.text if e.recipient else None)
           for e in _events(nlp, "The mayor faces a deadline.", title="Mayor told to repay city funds")
           if e.evidence.trigger.text == "told"]
    assert got and all(actor == "(unknown)" and rec == "Mayor" for _, actor, rec in got), got


@pytest.mark.parametrize("title,kept", [
    ("Girl hurt in scuffle outside Wisconsin Trump rally", False),  # a candidate's rally
    ("Thousands join NAACP rally against voting law", True),
])
def test_a_rally_named_after_a_politician_is_a_campaign_event(nlp, title, kept):
    got = [e.type for e in _events(nlp, "Police said the crowd was calm.", title=title, published="2016-03-30")
           if e.evidence.trigger.text == "rally"]
    assert (got == ["PROTEST"]) is kept, got


def test_a_peaceful_act_named_as_a_noun_with_no_one_doing_it_is_not_coded(nlp):
    text = "The leaders discussed the importance of keeping sanctions on Gondor until it disarms."
    assert [e for e in _events(nlp, text) if e.evidence.trigger.text == "sanctions"
            and e.actor.name == "(unknown)"] == []
