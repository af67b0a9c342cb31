"""Whose time a date in a sentence is: a date of a neighbouring clause, of a "since/after" phrase, of the
telling, or of the act a noun's event is the object of is not the event's own; an act told with "will"
is after the day it is told. Every sentence is invented; the articles are published on Wednesday
9 January 2019 unless they are undated."""

from __future__ import annotations

from test_event_dates_told import on

PUB = "2019-01-09"


def value(e) -> str | None:
    return e.date.value if e.date is not None else None


def test_a_perfect_joined_to_a_dated_past_is_not_on_that_date():
    e = on("Police arrested five men on Monday and have charged two of them.", "charged")
    assert value(e) == "PAST_REF", e.evidence.date_source
    assert value(on("Police arrested five men on Monday and have charged two of them.", "arrested")) == "2019-01-07"


def test_a_date_inside_a_since_phrase_dates_that_earlier_act():
    e = on("The French bank held its third meeting with the Italian insurer since its bid in December.", "meeting")
    assert value(e) != "2018-12", e.evidence.date_source


def test_will_puts_the_act_after_the_day_it_was_told():
    e = on("The Chilean president will meet the Peruvian leader in Lima, officials said on Wednesday.", "meet")
    assert value(e) == "FUTURE_REF" and e.date.start == PUB, e.date
    e = on("The Brazilian minister will press Argentina to cut tariffs.", "press")
    assert value(e) == "FUTURE_REF", e.evidence.date_source


def test_a_future_act_keeps_the_future_date_of_its_own_clause():
    assert value(on("Peru and Chile will meet next month to discuss the border.", "meet")) == "2019-02"


def test_an_undated_article_does_not_give_the_telling_day_to_a_future_act():
    e = on("The Chilean president will meet the Peruvian leader in Lima, officials said on Wednesday.", "meet",
           published=None)
    assert e.date is None or e.date.value != "XXXX-WXX-3", e.date


def test_an_earlier_act_in_quoted_words_is_before_the_day_of_the_telling():
    e = on('"The mayor initially backed the plan and then dropped it," the governor said on Monday.', "backed")
    assert value(e) == "PAST_REF" and e.date.end == "2019-01-07", e.date


def test_a_perfect_of_calling_for_something_is_no_duration():
    assert value(on("The union has called for a general strike.", "called")) == "PAST_REF"
    assert value(on("The Kenyan opposition has criticised the president for failing to act.", "criticised")) \
        == "PAST_REF"


def test_a_participle_describing_people_tells_an_earlier_act():
    e = on("The president met the families of soldiers killed by the rebels.", "killed")
    assert value(e) == "PAST_REF", e.evidence.date_source
    assert value(on("The president met the families of soldiers killed by the rebels.", "met")) == PUB


def test_an_act_told_in_a_clause_on_an_earlier_occasion_is_earlier():
    e = on("The minister condemned the attack in which gunmen killed three police officers.", "killed")
    assert value(e) == "PAST_REF", e.evidence.date_source


def test_repeated_attacks_are_earlier_occasions():
    e = on("Iran has conducted repeated attacks on tankers in the Gulf.", "attacks")
    assert value(e) == "PAST_REF", e.evidence.date_source


def test_words_said_in_a_statement_are_said_the_day_it_is_released():
    e = on("The governor criticised the mayor in a statement released on Monday.", "criticised")
    assert value(e) == "2019-01-07", e.evidence.date_source
    # a date on the object's own act is not the verb's
    assert value(on("The governor criticised the plan approved on Monday.", "criticised")) == PUB


def test_an_occasion_the_verb_happens_at_shares_its_date():
    assert value(on("At a rally in Lima on Saturday, supporters attacked a reporter.", "rally")) == "2019-01-05"


def test_an_event_noun_an_act_is_done_to_is_not_on_that_act_s_day():
    e = on("On Monday, the senator condemned the bombing of the embassy.", "bombing")
    assert value(e) == "PAST_REF", e.evidence.date_source
    assert value(on("On Monday, the senator condemned the bombing of the embassy.", "condemned")) == "2019-01-07"


def test_a_name_before_a_past_verb_is_no_will():
    e = on("Will Carter urged the senators to reject the bill.", "urged")
    assert value(e) != "FUTURE_REF", e.evidence.date_source


def test_an_event_someone_wants_blocked_has_not_happened():
    e = on("Turkish MPs urged parliament on Monday to block Putin's visit to Ankara.", "visit")
    assert value(e) == "FUTURE_REF", e.evidence.date_source


def test_a_present_tense_in_an_after_clause_is_still_to_come():
    e = on("The senator will endorse the governor after the president meets the union leaders.", "meets")
    assert value(e) == "FUTURE_REF", e.evidence.date_source
    e = on("The army withdrew after the rebels attacked the base.", "attacked")
    assert value(e) == "PAST_REF", e.evidence.date_source


def test_many_occasions_are_earlier_ones_unless_dated():
    assert value(on("The general apologised numerous times on television.", "apologised")) == "PAST_REF"
    assert value(on("The general apologised three times on television on Monday.", "apologised")) == "2019-01-07"


def test_a_day_owning_the_occasion_an_act_happens_at_dates_the_act():
    e = on("The governor attacked the senator in Saturday's debate.", "attacked")
    assert value(e) == "2019-01-05", e.evidence.date_source
    e = on("Protesters heckled the mayor at Sunday's rally in Lima.", "heckled")
    assert value(e) == "2019-01-06", e.evidence.date_source
    # the day owning what the verb acts on is that thing's day, not the verb's
    assert value(on("The governor condemned Saturday's attack on the embassy.", "condemned")) == PUB
