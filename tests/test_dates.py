"""Dates: the TIMEX3 normaliser (pure), the spaCy-aware extractor, the seed's dates and the time eval."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import Article
from dateline.model.ids import article_id
from dateline.nlp.timex import normalise, scan

D = dt.date
TUE = D(2019, 1, 8)  # the seed's published date, a Tuesday


# (text, tense, value, type, granularity); anchor 2019-01-08
CASES = [
    # absolute dates in the usual news forms
    ("Jan. 8, 2019", None, "2019-01-08", "DATE", "day"),
    ("8 January 2019", None, "2019-01-08", "DATE", "day"),
    ("January 8", "past", "2019-01-08", "DATE", "day"),
    ("the 8th of January", None, "2019-01-08", "DATE", "day"),
    ("Tuesday, Jan. 8", None, "2019-01-08", "DATE", "day"),
    ("2019-01-08", None, "2019-01-08", "DATE", "day"),
    ("01/08/2019", None, "2019-01-08", "DATE", "day"),
    ("25/12/2018", None, "2018-12-25", "DATE", "day"),
    ("January 2019", None, "2019-01", "DATE", "month"),
    ("June '19", None, "2019-06", "DATE", "month"),
    ("June", "past", "2018-06", "DATE", "month"),
    ("June", "future", "2019-06", "DATE", "month"),
    ("late March", "past", "2018-03", "DATE", "month"),
    ("January this year", None, "2019-01", "DATE", "month"),
    ("2018", None, "2018", "DATE", "year"),
    ("fiscal 2018", None, "2018", "DATE", "year"),
    ("the 1990s", None, "199", "DATE", "decade"),
    ("the '90s", None, "199", "DATE", "decade"),
    ("the 20th century", None, "19", "DATE", "century"),
    ("this summer", None, "2019-SU", "DATE", "season"),
    ("last summer", None, "2018-SU", "DATE", "season"),
    ("spring 2018", None, "2018-SP", "DATE", "season"),
    ("the third quarter", "past", "2018-Q3", "DATE", "quarter"),
    ("Q3 2019", None, "2019-Q3", "DATE", "quarter"),
    ("the first half of 2019", None, "2019-H1", "DATE", "quarter"),
    ("nineteen ninety-six", None, "1996", "DATE", "year"),
    # ranges
    ("Jan. 7-10", None, "2019-01-07/2019-01-10", "DATE", "day"),
    ("March 25-28", "future", "2019-03-25/2019-03-28", "DATE", "day"),
    ("May 7 to 8", "future", "2019-05-07/2019-05-08", "DATE", "day"),
    ("June 19 and 20", "future", "2019-06-19/2019-06-20", "DATE", "day"),
    ("7-10 January 2019", None, "2019-01-07/2019-01-10", "DATE", "day"),
    ("Dec. 30-Jan. 2", "past", "2018-12-30/2019-01-02", "DATE", "day"),
    ("January-March 2019", None, "2019-01/2019-03", "DATE", "month"),
    ("2018-19", None, "2018/2019", "DATE", "year"),
    # relative to the published date
    ("yesterday", None, "2019-01-07", "DATE", "day"),
    ("today", None, "2019-01-08", "DATE", "day"),
    ("tomorrow", None, "2019-01-09", "DATE", "day"),
    ("this week", None, "2019-W02", "DATE", "week"),
    ("last week", None, "2019-W01", "DATE", "week"),
    ("next week", None, "2019-W03", "DATE", "week"),
    ("next month", None, "2019-02", "DATE", "month"),
    ("last year", None, "2018", "DATE", "year"),
    ("next year", None, "2020", "DATE", "year"),
    ("last June", None, "2018-06", "DATE", "month"),
    ("two days ago", None, "2019-01-06", "DATE", "day"),
    ("a year ago", None, "2018", "DATE", "year"),
    ("in three weeks", "future", "2019-W05", "DATE", "week"),
    ("earlier this month", None, "2019-01", "DATE", "month"),
    ("late last year", None, "2018", "DATE", "year"),
    ("the end of the year", None, "2019", "DATE", "year"),
    ("mid-January", None, "2019-01", "DATE", "month"),
    ("the weekend", "past", "2019-W01-WE", "DATE", "day"),
    ("this weekend", None, "2019-W02-WE", "DATE", "day"),
    ("Christmas", "past", "2018-12-25", "DATE", "day"),
    ("Thanksgiving 2018", None, "2018-11-22", "DATE", "day"),
    # weekdays: the tense of the verb decides the direction
    ("Tuesday", "past", "2019-01-08", "DATE", "day"),
    ("Tuesday", "future", "2019-01-08", "DATE", "day"),
    ("Sunday", "past", "2019-01-06", "DATE", "day"),
    ("Sunday", "future", "2019-01-13", "DATE", "day"),
    ("Friday", "past", "2019-01-04", "DATE", "day"),
    ("Friday", "future", "2019-01-11", "DATE", "day"),
    ("Monday", None, "2019-01-07", "DATE", "day"),
    ("last Saturday", None, "2019-01-05", "DATE", "day"),
    ("this Sunday", None, "2019-01-13", "DATE", "day"),
    ("next Tuesday", None, "2019-01-15", "DATE", "day"),
    # parts of day and clock times
    ("Tuesday morning", "past", "2019-01-08TMO", "TIME", "part_of_day"),
    ("late Monday night", "past", "2019-01-07TNI", "TIME", "part_of_day"),
    ("overnight", "past", "2019-01-07TNI", "TIME", "part_of_day"),
    ("last night", None, "2019-01-07TNI", "TIME", "part_of_day"),
    ("this morning", None, "2019-01-08TMO", "TIME", "part_of_day"),
    ("yesterday afternoon", None, "2019-01-07TAF", "TIME", "part_of_day"),
    ("mid-afternoon yesterday", None, "2019-01-07TAF", "TIME", "part_of_day"),
    ("9 a.m.", None, "2019-01-08T09:00", "TIME", "time"),
    ("9:30 p.m. EST", None, "2019-01-08T21:30", "TIME", "time"),
    ("noon", None, "2019-01-08T12:00", "TIME", "time"),
    ("9 a.m. Tuesday", "past", "2019-01-08T09:00", "TIME", "time"),
    ("Jan. 7 at 10 p.m.", None, "2019-01-07T22:00", "TIME", "time"),
    # durations are never dates
    ("a year", None, "P1Y", "DURATION", "year"),
    ("three months", None, "P3M", "DURATION", "month"),
    ("two-year", None, "P2Y", "DURATION", "year"),
    ("24 hours", None, "PT24H", "DURATION", "time"),
    ("2 1/2 years", None, "P2Y6M", "DURATION", "year"),
    ("a minute and a half", None, "PT1M30S", "DURATION", "time"),
    ("a decade", None, "P10Y", "DURATION", "decade"),
    ("several weeks", None, "PXW", "DURATION", "week"),
    ("the past two years", None, "P2Y", "DURATION", "year"),
    ("more than a decade", None, "P10Y", "DURATION", "decade"),
    # sets
    ("every Monday", None, "XXXX-WXX-1", "SET", "day"),
    ("annually", None, "P1Y", "SET", "year"),
    ("daily", None, "P1D", "SET", "day"),
    ("twice a year", None, "P1Y", "SET", "year"),
    ("every other week", None, "P2W", "SET", "week"),
    ("on Mondays", None, "XXXX-WXX-1", "SET", "day"),
    ("each July", None, "XXXX-07", "SET", "month"),
    # vague references
    ("now", None, "PRESENT_REF", "DATE", "unknown"),
    ("recently", None, "PAST_REF", "DATE", "unknown"),
    ("the future", None, "FUTURE_REF", "DATE", "unknown"),
    # odd input: kept, with a reason or the exact conversion
    ("'19", None, "2019", "DATE", "year"),
    ("Juche 108", None, "2019", "DATE", "year"),
    ("Reiwa 1", None, "2019", "DATE", "year"),
]


@pytest.mark.parametrize("text, tense, value, type_, grain", CASES)
def test_normalise(text, tense, value, type_, grain):
    tx = normalise(text, TUE, tense=tense)
    assert tx is not None, f"{text!r} not recognised"
    assert (tx.value, tx.type, tx.granularity) == (value, type_, grain), tx.rule


@pytest.mark.parametrize("text, start, end", [
    ("last week", "2018-12-31", "2019-01-06"),
    ("Jan. 7-10", "2019-01-07", "2019-01-10"),
    ("last June", "2018-06-01", "2018-06-30"),
    ("last year", "2018-01-01", "2018-12-31"),
    ("late Monday night", "2019-01-07", "2019-01-07"),
    ("the third quarter of 2018", "2018-07-01", "2018-09-30"),
    ("last winter", "2017-12-01", "2018-02-28"),
])
def test_calendar_extent(text, start, end):
    tx = normalise(text, TUE, tense="past")
    assert (tx.start.isoformat(), tx.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["turning 36", "annual", "36 years old", "a five-year-old", "the annual meeting",
                                  "Theresa", "may", "march on", "he will spring into action", "", "   ", "$2019"])
def test_not_dates(text):
    assert normalise(text, TUE) is None


@pytest.mark.parametrize("text, why", [
    ("February 30", "February has no day 30"),
    ("February 29, 2019", "2019 has no February 29"),
    ("April 31, 2019", "April has no day 31"),
    ("13/13/2019", "no month 13"),
])
def test_impossible_dates_are_kept_with_the_reason(text, why):
    tx = normalise(text, TUE)
    assert tx is not None and tx.start is None and "X" in tx.value
    assert why in tx.rule


def test_leap_day_is_a_date_in_a_leap_year():
    assert normalise("February 29, 2020", TUE).value == "2020-02-29"


@pytest.mark.parametrize("text, calendar", [("Ramadan", "Islamic"), ("the Lunar New Year", "lunisolar"),
                                            ("Yom Kippur", "Hebrew"), ("1440 AH", "Islamic year")])
def test_non_gregorian_references_are_recorded_not_misdated(text, calendar):
    tx = normalise(text, TUE)
    assert tx is not None and tx.start is None and tx.value == "XXXX"
    assert calendar in tx.rule


@pytest.mark.parametrize("text, value", [
    ("Tuesday", "XXXX-WXX-2"), ("yesterday", "XXXX-XX-XX"), ("June", "XXXX-06"), ("January 8", "XXXX-01-08"),
    ("last year", "XXXX"), ("late Monday night", "XXXX-WXX-1TNI"), ("Jan. 8, 2019", "2019-01-08"),
    ("the 1990s", "199"), ("three months", "P3M"),
])
def test_without_a_published_date_only_absolute_expressions_get_a_calendar_value(text, value):
    tx = normalise(text, None)
    assert tx.value == value
    assert (tx.start is None) == ("X" in value or value.startswith("P"))


@pytest.mark.parametrize("anchor, text, tense, value", [
    (D(2019, 3, 1), "last February", None, "2018-02"),
    (D(2019, 3, 1), "Feb. 28", "past", "2019-02-28"),
    (D(2019, 3, 1), "Tuesday", "past", "2019-02-26"),
    (D(2018, 12, 31), "next week", None, "2019-W02"),
    (D(2018, 12, 31), "last year", None, "2017"),
    (D(2018, 12, 31), "Jan. 2", "future", "2019-01-02"),
    (D(2020, 2, 29), "a year ago", None, "2019"),
    (D(1989, 10, 26), "the quarter", "past", "1989-Q3"),
    (D(1989, 10, 26), "Nov. 16", "past", "1989-11-16"),  # "was set for Nov. 16": two weeks ahead, not a year back
    (D(2019, 1, 8), "'98", None, "1998"),
])
def test_other_anchors(anchor, text, tense, value):
    assert normalise(text, anchor, tense=tense).value == value


def test_normalise_is_cached():
    normalise.cache_clear()
    normalise("last June", TUE)
    normalise("last June", TUE)
    assert normalise.cache_info().hits >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_scan_and_normalise_never_raise(text):
    for g in scan(text):
        assert 0 <= g.start < g.end <= len(text)
    normalise(text, TUE)
    normalise(text, None, tense="future")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789/-.,' ") + ["Jan", "Feb", "May", "February", "30", "31", "29",
                                                              "Tuesday", "last", "next", "the", "'s", "a.m.", "year",
                                                              "ago", "early", "Juche", "Q", "H", "s", "nineteen"]),
                max_size=14).map("".join))
def test_date_like_noise_never_raises(text):
    normalise(text, TUE, tense="past")
    normalise(text, D(1, 1, 1))
    normalise(text, D(9999, 12, 31), tense="future")


# --- the extractor on parsed text ----------------------------------------------------------------------

def _extract(nlp, text: str, published: str | None = "2019-01-08"):
    from dateline.nlp.context import Context
    from dateline.nlp.dates import extract_dates

    article = Article(id=article_id(text), text=text, published=published)
    return extract_dates(Context(doc=nlp(text), article=article, resources=None))


@pytest.mark.parametrize("text, surface, value", [
    ("Kim Jong Un arrived in Beijing Tuesday.", "Tuesday", "2019-01-08"),
    ("Kim arrived in Beijing on Friday.", "Friday", "2019-01-04"),
    ("Kim will arrive in Beijing on Friday.", "Friday", "2019-01-11"),
    ("Xi is expected to visit Pyongyang on Sunday.", "Sunday", "2019-01-13"),
    ("He plans to travel to Hanoi on Thursday.", "Thursday", "2019-01-10"),
    ("Trump said Sunday that talks were going well.", "Sunday", "2019-01-06"),
    ("The summit had been scheduled to start Friday.", "Friday", "2019-01-04"),
    ("Theresa May met Xi in May.", "May", "2018-05"),
    ("Kim left Tuesday. The next day he met Xi.", "The next day", "2019-01-09"),
    ("Kim left on Jan. 2. Two days later he met Xi.", "Two days later", "2019-01-04"),
    ("Kim went to Beijing in late March. Less than three months later he met Trump.",
     "Less than three months later", "2018-06"),
    ("A train pulled into Beijing station Tuesday morning.", "Tuesday morning", "2019-01-08TMO"),
])
def test_extractor_reads_tense_and_narrative(nlp, text, surface, value):
    found = {m.span.text: m for m in _extract(nlp, text)}
    assert surface in found, sorted(found)
    assert found[surface].value == value, found[surface].rule


@pytest.mark.parametrize("text, surface", [
    ("He is believed to be turning 36.", "36"),
    ("In his annual New Year address, Kim spoke.", "annual"),
    ("Theresa May met Xi.", "May"),
    ("The 36-year-old leader arrived.", "36-year-old"),
    ("Some 2000 protesters marched.", "2000"),
])
def test_extractor_does_not_date_ages_names_or_numbers(nlp, text, surface):
    assert all(surface not in m.span.text for m in _extract(nlp, text))


def test_extractor_offsets_and_records(nlp):
    text = ("Kim arrived Tuesday.\nHe was there from Jan. 7-10 and left late Monday night, three months after "
            "last June's summit.")
    found = _extract(nlp, text)
    assert found
    for m in found:
        assert text[m.span.start:m.span.end] == m.span.text
        assert m.id.startswith("dt") and m.rule
    by_text = {m.span.text: m for m in found}
    assert by_text["three months"].type == "DURATION" and by_text["three months"].start is None
    assert by_text["Tuesday"].anchor == "published:2019-01-08"
    assert by_text["Jan. 7-10"].anchor == "published:2019-01-08" and by_text["Jan. 7-10"].end == "2019-01-10"


def test_extractor_without_a_published_date_resolves_only_absolute_dates(nlp):
    found = {m.span.text: m for m in _extract(nlp, "Kim arrived on Tuesday, Jan. 8, 2019 and left yesterday.",
                                               published=None)}
    assert found["Tuesday, Jan. 8, 2019"].value == "2019-01-08"
    assert found["yesterday"].value == "XXXX-XX-XX" and found["yesterday"].start is None


@pytest.mark.parametrize("published", ["not a date", "2019-13-45", "", "2019"])
def test_extractor_survives_a_bad_published_date(nlp, published):
    found = _extract(nlp, "Kim arrived Tuesday, Feb. 30, 2019.", published=published)
    assert any("Feb. 30" in m.span.text and m.start is None and "invalid" in m.rule for m in found)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_extractor_never_raises_on_arbitrary_text(nlp, text):
    for m in _extract(nlp, text):
        assert text[m.span.start:m.span.end] == m.span.text


# --- the seed and the time eval -------------------------------------------------------------------------

def test_seed_dates(seed_analysis):
    import json

    from conftest import shared_path
    from dateline.evals.seed import _date_ok

    expected = json.loads(shared_path("seed", "kim-4th-visit.expected.json").read_text())
    problems = [(item["text"], _date_ok(seed_analysis, item)) for item in expected["dates"]]
    assert len(problems) == 7
    assert [p for p in problems if p[1] is not None] == []
    assert not any(d.span.text in ("36", "annual") for d in seed_analysis.dates)


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-01-08" functionInDocument="CREATION_TIME">20190108</TIMEX3></DCT>
<TEXT>
Kim arrived <TIMEX3 tid="t1" type="DATE" value="2019-01-08">Tuesday</TIMEX3> for a visit of
<TIMEX3 tid="t2" value="P4D" type="DURATION">four days</TIMEX3>, his fourth in
<TIMEX3 value="P1Y" tid="t3" type="DURATION">a year</TIMEX3> &amp; more.
</TEXT>
</TimeML>
"""


def test_time_eval_reads_timeml_and_scores_like_te3(tmp_path):
    from dateline.evals.time import read_timeml, run

    (tmp_path / "sub").mkdir()
    f = tmp_path / "sub" / "t1.tml"
    f.write_text(TIMEML, encoding="utf-8")
    doc = read_timeml(f)
    assert doc.dct == "2019-01-08" and len(doc.timexes) == 3
    assert [doc.text[g.start:g.end] for g in doc.timexes] == ["Tuesday", "four days", "a year"]
    result = run(tmp_path)
    assert result.n == 1
    assert result.metrics["relaxed_f1"] == 1.0 and result.metrics["value_f1"] == 1.0
    assert result.metrics["type_f1"] == 1.0


def test_time_eval_splits_ranges_into_two_timex3():
    from dateline.evals.time import as_timex3
    from dateline.model import DateMention, Span

    m = DateMention(id="d", span=Span(start=10, end=31, text="from Aug. 26 to Oct. 20"[5:]),
                    value="1989-08-26/1989-10-20")
    parts = as_timex3([m])
    assert [(p.text, p.value) for p in parts] == [("Aug. 26", "1989-08-26"), ("Oct. 20", "1989-10-20")]
    one = DateMention(id="e", span=Span(start=0, end=9, text="Jan. 7-10"), value="2019-01-07/2019-01-10")
    assert [(p.text, p.value) for p in as_timex3([one])] == [("Jan. 7-10", "2019-01-07")]
