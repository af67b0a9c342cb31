"""An event told with its own time gets that time, not the day the article was published; an event told
as earlier (pluperfect, a relative clause in the past) gets "some day before". Every sentence is invented;
the articles are published on Wednesday 9 January 2019 unless they are undated."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.ingest.article import Defaults
from dateline.model import Event
from dateline.pipeline import analyze

PUB = "2019-01-09"  # a Wednesday


def coded(sentence: str, published: str | None = PUB) -> list[Event]:
    art = make_article(title="Report", paragraphs=[sentence], published=published,
                       defaults=Defaults(require_date=False))
    (a,) = analyze([art])
    return list(a.events)


def on(sentence: str, trigger: str, published: str | None = PUB) -> Event:
    events = coded(sentence, published)
    for e in events:
        if e.evidence.trigger.text == trigger:
            return e
    raise AssertionError(f"no event on '{trigger}' among {[(e.type, e.evidence.trigger.text) for e in events]}")


def day_and_grain(e: Event) -> tuple[str | None, str | None]:
    return (e.date.value, e.date.granularity) if e.date is not None else (None, None)


# -- the time the event's own words give --------------------------------------------------------------
def test_a_named_day_a_year_and_last_year_date_the_event():
    assert day_and_grain(on("Kenya's president met the Chinese premier on Monday.", "met")) == ("2019-01-07", "day")
    assert day_and_grain(on("In 2010 Brazil signed a trade agreement with Peru.", "signed")) == ("2010", "year")
    e = on("The Spanish king visited Morocco last year.", "visited")
    assert day_and_grain(e) == ("2018", "year") and not e.date.inferred


def test_this_weekend_in_the_past_tense_is_the_weekend_just_gone():
    e = on("This weekend, Senator Ada Brennan criticised the governor of Ohio.", "criticised")
    assert (e.date.start, e.date.end) == ("2019-01-05", "2019-01-06"), e.date


def test_this_weekend_in_the_future_tense_is_the_coming_one():
    e = on("This weekend, the Greek prime minister will meet the Turkish president in Athens.", "meet")
    assert e.date is not None and e.date.start == "2019-01-12", e.date


def test_a_participle_clause_shares_its_date_with_the_verb():
    e = on("Speaking at a rally on Monday, Senator Ada Brennan attacked the governor of Ohio.", "attacked")
    assert day_and_grain(e) == ("2019-01-07", "day")


def test_a_perfect_participle_clause_has_its_own_earlier_time():
    e = on("Having met the Chinese premier on Monday, the Kenyan president criticised Britain.", "criticised")
    assert e.date is not None and e.date.value != "2019-01-07", e.date


def test_a_participle_on_an_event_noun_has_the_noun_s_day():
    e = on("On Tuesday the Irish farmers' union held a rally denouncing the government of Ireland.", "denouncing")
    assert day_and_grain(e) == ("2019-01-08", "day")


def test_a_past_participle_on_the_object_dates_the_object_not_the_verb():
    e = on("Germany condemned the attack carried out on Monday by the rebels in Mali.", "condemned")
    assert e.date is not None and e.date.value != "2019-01-07", e.date


# -- what the text tells as earlier --------------------------------------------------------------------
def test_said_on_monday_it_had_done_is_before_monday():
    e = on("The Nigerian army said on Monday it had killed ten Boko Haram fighters.", "killed")
    assert (e.date.value, e.date.end) == ("PAST_REF", "2019-01-07"), e.date


def test_said_that_on_monday_it_had_done_is_monday():
    e = on("The Nigerian army said that on Monday it had killed ten Boko Haram fighters.", "killed")
    assert day_and_grain(e) == ("2019-01-07", "day")


def test_a_pluperfect_told_on_monday_came_before_monday():
    e = on("Kenya had met Somali officials, the foreign ministry said on Monday.", "met")
    assert (e.date.value, e.date.end) == ("PAST_REF", "2019-01-07"), e.date


def test_a_past_passive_relative_clause_on_a_person_is_background():
    e = on("The Kenyan protesters, who were arrested by Kenyan police, demanded the release of their leader.",
           "arrested")
    assert (e.date.value, e.date.end) == ("PAST_REF", PUB), e.date


def test_a_perfect_participle_or_a_reason_gerund_is_an_earlier_act():
    e = on("The Russian president lashed out at Turkey on Thursday for having shot down a Russian jet.", "shot")
    assert (e.date.value, e.date.end) == ("PAST_REF", "2019-01-03"), e.date
    e = on("Senator Ada Brennan criticised the governor of Ohio on Monday for attacking the mayor.", "attacking")
    assert (e.date.value, e.date.end) == ("PAST_REF", "2019-01-07"), e.date
    e = on("Kenya accused Somalia of attacking its border posts.", "attacking")
    assert (e.date.value, e.date.end) == ("PAST_REF", PUB), e.date


def test_a_gerund_of_a_reason_keeps_a_date_of_its_own():
    e = on("Senator Ada Brennan criticised the governor of Ohio for supporting the 1994 crime bill.", "supporting")
    assert day_and_grain(e) == ("1994", "year")


def test_a_present_perfect_as_clause_has_its_own_time():
    e = on("The summit opened on Monday as more Kenyan lawmakers have begun urging the president to resign.",
           "urging")
    assert e.date.value != "2019-01-07", e.date
    e = on("The summit opened on Monday as Kenyan lawmakers urged the president to resign.", "urged")
    assert day_and_grain(e) == ("2019-01-07", "day")


def test_a_habit_is_many_earlier_occasions_not_the_day_s_news():
    e = on("The Kenyan president and the Somali leader often meet in Nairobi.", "meet")
    assert (e.date.value, e.date.end) == ("PAST_REF", PUB), e.date
    assert on("The Kenyan president met the Somali leader in Nairobi.", "met").date.value == PUB


# -- an article with no published date -----------------------------------------------------------------
def test_an_undated_article_keeps_a_month_without_its_year():
    e = on("In January, Brazil agreed to pay Argentina for the damage.", "agreed", published=None)
    assert day_and_grain(e) == ("XXXX-01", "month") and e.date.start is None


def test_an_undated_article_keeps_a_weekday():
    e = on("The Kenyan president met the Chinese premier on Monday.", "met", published=None)
    assert day_and_grain(e) == ("XXXX-WXX-1", "day")


def test_an_undated_article_tells_a_past_relative_time_as_earlier():
    e = on("Two years ago, the Spanish king visited Morocco.", "visited", published=None)
    assert (e.date.value, e.date.end) == ("PAST_REF", None), e.date
    e = on("The Spanish king had visited Morocco.", "visited", published=None)
    assert (e.date.value, e.date.end) == ("PAST_REF", None), e.date


def test_an_undated_article_gives_no_date_to_a_plain_event():
    assert on("The Kenyan president met the Chinese premier.", "met", published=None).date is None
