"""An event's date and place: what the text says of when and where it happened, not the day it was
published or a place it merely names. Every sentence here is invented for the case it tests."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.model import Event
from dateline.nlp.events.event_time import definite_mention, earlier_cue, in_wire_dateline
from dateline.pipeline import analyze


def events_of(body: str, published: str = "2019-01-08") -> list[Event]:
    lines = body.strip().split("\n")
    art = make_article(title=lines[0], paragraphs=lines[1:], published=published, language="en")
    (a,) = analyze([art])
    return list(a.events)


def one(events: list[Event], trigger: str, type: str | None = None) -> Event:
    for e in events:
        if e.evidence.trigger.text == trigger and (type is None or e.type == type):
            return e
    raise AssertionError(f"no event on '{trigger}' among {[(e.type, e.evidence.trigger.text) for e in events]}")


def is_past_ref(e: Event, before: str) -> bool:
    return e.date is not None and e.date.value == "PAST_REF" and e.date.inferred and e.date.end == before


# -- the verb's tense and aspect ----------------------------------------------------------------------
def test_a_pluperfect_event_came_before_the_day_it_was_told():
    e = one(events_of("Truce\nColombia had agreed a ceasefire with the rebels, Cuban mediators said on Monday."),
            "agreed", "AGREE")
    assert is_past_ref(e, "2019-01-07"), e.date
    assert "pluperfect" in e.evidence.date_source


def test_a_pluperfect_event_with_a_date_of_its_own_keeps_it():
    e = one(events_of("Accord\nOfficials said Peru had signed a trade accord with Chile on Sunday."), "signed")
    assert e.date.value == "2019-01-06" and not e.date.inferred


@pytest.mark.parametrize("text, trigger, before", [
    ("Visits\nIndian Prime Minister Narendra Modi has visited Moscow twice, officials said on Tuesday.",
     "visited", "2019-01-08"),
    ("Talks\nRussian President Vladimir Putin has met Turkish President Recep Tayyip Erdogan three times.",
     "met", "2019-01-08"),
])
def test_a_counted_present_perfect_is_no_news_of_the_day(text, trigger, before):
    e = one(events_of(text), trigger)
    assert is_past_ref(e, before), e.date


@pytest.mark.parametrize("text, trigger", [
    ("Deals\nThe Danish shipyard recently signed deals with two navies.", "signed"),
    ("Missiles\nThe Iranian army launched missiles in recent months.", "launched"),
    ("Plan\nThe Dutch ministry previously rejected the plan.", "rejected"),
    ("Praise\nThe Chilean senator once praised the Peruvian governor.", "praised"),
])
def test_an_event_said_to_be_in_the_past_is_no_news_of_the_day(text, trigger):
    e = one(events_of(text), trigger)
    assert is_past_ref(e, "2019-01-08"), e.date
    assert "before the published date" in e.evidence.date_source


def test_once_after_the_verb_counts_and_the_wire_earlier_is_the_same_day():
    # "met once" is how many times, not when; "earlier" in wire copy is earlier that day
    for text, trigger in (("Talks\nThe Greek premier met the Turkish president once, on Monday.", "met"),
                          ("Plan\nThe Dutch ministry earlier rejected the plan, officials said.", "rejected")):
        e = one(events_of(text), trigger)
        assert e.date.value != "PAST_REF", (text, e.date)


def test_a_present_perfect_alone_is_news_of_the_day():
    e = one(events_of("Arrival\nVietnamese President Nguyen Phu Trong has arrived in Tokyo, state media said."),
            "arrived")
    assert e.date.value == "2019-01-08" and e.date.inferred


def test_an_after_clause_came_first_even_for_words():
    e = one(events_of("Bailout\nAfter Greece rejected the German proposal, the finance ministers left Brussels."),
            "rejected", "REJECT")
    assert is_past_ref(e, "2019-01-08"), e.date


def test_a_relative_clause_on_someone_is_background():
    evs = events_of("Arrest\nTurkish police detained a Syrian man who attacked the Russian ambassador.")
    assert is_past_ref(one(evs, "attacked"), "2019-01-08")
    assert one(evs, "detained").date.value == "2019-01-08"


def test_another_acts_date_in_a_gerund_is_not_the_events():
    e = one(events_of("Audit\nThe regulator accused Deloitte of approving the accounts of the Spanish bank in "
                      "August 2015."), "accused", "ACCUSE")
    assert e.date.value == "2019-01-08" and e.date.inferred


# -- dates the text gives ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, trigger, value", [
    ("Blame\nKenyan police blamed al-Shabaab militants for the March 2 bombing of a bus in Mombasa.",
     "bombing", "2018-03-02"),
    ("Memory\nArmenians marked the anniversary of the 1915 massacre of Armenians by Ottoman troops.",
     "massacre", "1915"),
    ("Outrage\nAfghan officials condemned Monday's attack by the Taliban on a police post in Kandahar.",
     "attack", "2019-01-07"),
])
def test_a_date_in_the_event_nouns_own_phrase_dates_it(text, trigger, value):
    e = one(events_of(text), trigger)
    assert e.date.value == value and not e.date.inferred


def test_a_wire_dateline_dates_the_report_not_the_event():
    e = one(events_of("Talks\nOSLO, Jan 7 - Norway's foreign minister met Swedish Prime Minister Stefan Lofven in "
                      "Stockholm last Saturday, an aide said."), "met")
    assert e.date.value == "2019-01-05" and not e.date.inferred
    e = one(events_of("Fishing\nLIMA, Jan 6 (Reuters) - Peru's president rejected a request by Chilean fishermen, "
                      "a spokesman said."), "rejected")
    assert e.date.inferred and "Jan 6" not in e.evidence.date_source


def test_in_wire_dateline():
    text = "Fish\n\nOSLO, Jan 7 (Reuters) - The minister spoke. He left on Jan 7 - or so they say."
    first = text.index("Jan 7")
    second = text.index("Jan 7", first + 1)
    assert in_wire_dateline(text, first, first + 5)
    assert not in_wire_dateline(text, second, second + 5)


def test_a_later_mention_of_the_same_meeting_takes_its_date():
    evs = events_of("Talks\nChinese Premier Li Keqiang met Greek Prime Minister Alexis Tsipras in Athens on Monday.\n"
                    "The meeting between Li and Tsipras lasted two hours.")
    later = [e for e in evs if e.evidence.trigger.text == "meeting"]
    assert later and all(e.date.value == "2019-01-07" for e in later), [e.date for e in later]
    assert "same event" in later[0].evidence.date_source
    assert all(e.location is not None and e.location.name == "Athens" for e in later), [e.location for e in later]


@pytest.mark.parametrize("second", [
    "Li met Tsipras again in Rome on Friday.\nThe meeting between Li and Tsipras was friendly.",  # two dates
    "Li said his first meeting with Tsipras was friendly.",  # another occasion
])
def test_a_mention_of_another_or_an_unclear_occasion_takes_no_date(second):
    evs = events_of("Talks\nChinese Premier Li Keqiang met Greek Prime Minister Alexis Tsipras in Athens on Monday.\n"
                    + second)
    later = [e for e in evs if e.evidence.trigger.text == "meeting"]
    assert later and all(e.date.value == "PAST_REF" for e in later), [e.date for e in later]
    assert all(e.location is None or e.location.name != "Athens" for e in later)


def test_definite_mentions_and_perfects(nlp):
    doc = nlp("The talks ended. His first visit went well. A summit may follow. "
              "Oman had hosted them. Qatar has hosted them twice. Iran has hosted them.")
    by = {t.text: t for t in doc}
    assert definite_mention(by["talks"]) and not definite_mention(by["visit"])
    assert not definite_mention(by["summit"])
    hosted = [t for t in doc if t.text == "hosted"]
    assert "pluperfect" in earlier_cue(hosted[0]) and "twice" in earlier_cue(hosted[1])
    assert earlier_cue(hosted[2]) == ""


# -- places -----------------------------------------------------------------------------------------
def test_a_where_clause_happened_at_the_place_it_hangs_on():
    evs = events_of("Tour\nJapanese Prime Minister Shinzo Abe arrived in the Vietnamese port city of Haiphong on "
                    "Monday, where Abe met Vietnamese Prime Minister Nguyen Xuan Phuc.")
    e = one(evs, "met")
    assert e.location is not None and e.location.name == "Haiphong"
    assert e.date.value == "2019-01-07"


def test_a_where_clause_on_a_place_left_behind_is_earlier():
    e = one(events_of("Tour\nJapanese Prime Minister Shinzo Abe later left the Vietnamese port city of Haiphong, "
                      "where Abe met Vietnamese Prime Minister Nguyen Xuan Phuc."), "met")
    assert e.location is not None and e.location.name == "Haiphong"
    assert is_past_ref(e, "2019-01-08")


@pytest.mark.parametrize("text, trigger, place", [
    ("Siege\nMilitants attacked the U.S. embassy in Kabul after the government arrested their leader.",
     "attacked", "Kabul"),
    ("Outrage\nAfghan officials on Monday condemned the attack by Taliban fighters on a police post in Kandahar.",
     "attack", "Kandah"),
    ("Memory\nKenyan officials recalled the Nairobi mall attack by al-Shabaab militants.", "attack", "Nairobi"),
])
def test_an_attack_happened_where_its_target_is(text, trigger, place):
    e = one(events_of(text), trigger, "ASSAULT")
    assert e.location is not None and e.location.name.startswith(place), e.location


@pytest.mark.parametrize("text, trigger, wrong", [
    ("Visit\nMr John Smith of Leeds met British Prime Minister Theresa May on Monday.", "met", "Leeds"),
    ("Copper\nChile's finance minister rejected a plan by copper miners for shipping more ore to Japan.",
     "rejected", "Japan"),
    ("Copper\nPeru urged Chile to ship more copper to Japan.", "urged", "Japan"),
    ("Talks\nEgyptian President Abdel Fattah al-Sisi, who spoke to students in Alexandria last week, met Jordan's "
     "King Abdullah in Amman on Monday.", "met", "Alexandria"),
])
def test_a_place_merely_named_is_not_where_it_happened(text, trigger, wrong):
    e = one(events_of(text), trigger)
    assert e.location is None or e.location.name != wrong, e.location


def test_a_visited_place_that_is_also_the_recipient_is_geocoded():
    e = one(events_of("Tour\nChinese Premier Li Keqiang landed in Athens, the Greek capital, on Monday."), "landed")
    assert e.location is not None and e.location.name == "Athens" and e.location.place_id is not None


def test_the_lead_event_happened_where_the_wire_dateline_was_filed_from():
    evs = events_of("Fishing\nLIMA, Jan 6 (Reuters) - Peru's president rejected a request by Chilean fishermen, "
                    "a spokesman said.\nThe Peruvian navy later detained a Chilean trawler off the coast.")
    e = one(evs, "rejected")
    assert e.location is not None and e.location.name == "Lima" and "dateline" in e.evidence.place_source
    assert one(evs, "detained").location is None  # the dateline opens the first sentence only


@pytest.mark.parametrize("text, trigger, place", [
    ("Gulf\nIranian President Hassan Rouhani, speaking in Tehran, urged Saudi Arabia to end the war in Yemen.",
     "urged", "Tehran"),
    ("Nuclear\nSpeaking at a news conference in Paris, French President Emmanuel Macron urged Iran to return to "
     "talks.", "urged", "Paris"),
    ("Envoy\nNorth Korean envoy Kim Yong Chol held talks with Secretary of State Mike Pompeo at a hotel in "
     "Washington.", "talks", "Washington"),  # "held talks": the noun is the trigger shown
])
def test_where_the_speaker_was_or_the_venue_stood(text, trigger, place):
    e = one(events_of(text), trigger)
    assert e.location is not None and e.location.name == place, e.location


def test_a_country_that_is_the_topic_is_not_where_it_happened():
    e = one(events_of("Syria\nFrench President Emmanuel Macron criticised Russia over its policy in Syria on "
                      "Monday."), "criticised")
    assert e.location is None, e.location


def test_whose_meeting_a_possessive_names_decides_which_occasion_it_is():
    body = "Indian Prime Minister Narendra Modi met Japanese Prime Minister Shinzo Abe in Tokyo on Monday."
    evs = events_of("Modi says his meeting with Abe was useful\n" + body)
    same = [e for e in evs if e.evidence.trigger.text == "meeting"]
    assert same and all(e.date.value == "2019-01-07" and e.location is not None and e.location.name == "Tokyo"
                        for e in same), [(e.date, e.location) for e in same]
    evs = events_of("Summits\n" + body + "\nChinese President Xi Jinping said his meeting with Abe went well.")
    other = [e for e in evs if e.evidence.trigger.text == "meeting"]
    assert other and all(e.date.value != "2019-01-07" and e.location is None for e in other)


def test_an_event_noun_after_a_time_preposition_is_not_on_the_day_of_its_sentence():
    events = events_of("Trip\nThai Prime Minister Prayuth Chan-ocha began a visit to Laos on Tuesday, a week after "
                       "his summit with Cambodian Prime Minister Hun Sen.", published="2019-03-06")
    summit = [e for e in events if e.evidence.trigger.text == "summit"]
    assert summit and all(e.date is not None and e.date.value == "PAST_REF" for e in summit), \
        [(e.type, e.date) for e in summit]
