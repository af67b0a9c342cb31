"""Across articles: reports of one occurrence grouped; the founding question answered from the demo set."""

from __future__ import annotations

import datetime as dt

from dateline.resolve.occurrences import Report, group

D = dt.date.fromisoformat


def rep(i, start, end=None, where=None):
    return Report(f"e{i}", D(start) if start else None, D(end or start) if start else None, where)


def test_reports_a_day_apart_are_one_trip_and_a_month_later_another():
    occ, unplaced = group([rep(1, "2018-03-25", "2018-03-28"), rep(2, "2018-03-28"), rep(3, "2018-03-29"),
                           rep(4, "2018-05-07"), rep(5, "2018-05-08")])
    assert [(str(o.start), str(o.end), len(o.reports)) for o in occ] == [
        ("2018-03-25", "2018-03-29", 3), ("2018-05-07", "2018-05-08", 2)]
    assert not unplaced


def test_a_vague_report_joins_the_one_occurrence_it_holds_or_founds_its_own():
    occ, unplaced = group([rep(1, "2018-06-19"), rep(2, "2018-06-01", "2018-06-30"), rep(3, "2018-09-01", "2018-09-30")])
    assert [len(o.reports) for o in occ] == [2, 1]
    assert str(occ[1].start) == "2018-09-01"


def test_a_month_holding_two_trips_cannot_say_which():
    occ, unplaced = group([rep(1, "2018-03-02"), rep(2, "2018-03-20"), rep(3, "2018-03-01", "2018-03-31")])
    assert len(occ) == 2 and [r.event_id for r in unplaced] == ["e3"]


def test_undated_and_too_wide_reports_are_kept_aside():
    occ, unplaced = group([rep(1, None), rep(2, "2018-01-01", "2018-12-31"), rep(3, "2018-03-01", "2019-06-20")])
    assert not occ and len(unplaced) == 3


def test_the_headline_question_is_answered_from_the_demo_reports(demo_db):
    """The seed's headline says 4 visits to China in the year before 2019-01-08; the demo set's own
    reports of each visit must add up to that, each with more than one source where there were several."""
    from dateline import query
    from dateline.store import open_store

    with open_store(demo_db, read_only=True) as store:
        got = query.occurrences(store, actor="Kim Jong Un", recipient="CHN", type="CONSULT", mode="visit",
                                since="2018-01-09", until="2019-01-08")
    assert got["count"] == 4
    months = [o["start"][:7] for o in got["occurrences"]]
    assert months == ["2018-03", "2018-05", "2018-06", "2019-01"]
    assert all(r["source"] and r["url"] and r["sentence"] for o in got["occurrences"] for r in o["reports"])
    assert max(o["articles"] for o in got["occurrences"]) >= 3
