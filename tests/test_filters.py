"""The filter validation layer (dateline.filters) that the CLI and the HTTP API share."""

from __future__ import annotations

import pytest

from dateline import filters
from dateline.filters import FilterError


@pytest.mark.parametrize("value", ["2019-02-30", "2019-13-01", "abc", "", " ", "2019-1-1", "20190101",
                                   "2019-01-01T12:00", "2019-W01-1", "0000-00-00", "0001-01-01", "9999-12-31",
                                   "2019-01-01' OR '1'='1"])
def test_bad_days_are_refused_with_the_filter_named(value):
    with pytest.raises(FilterError) as e:
        filters.day(value, "since")
    assert e.value.param == "since" and e.value.reason


def test_good_days_come_back_canonical():
    import datetime as dt

    assert filters.day("2019-01-08") == "2019-01-08"
    assert filters.day(" 2019-01-08 ") == "2019-01-08"
    assert filters.day(dt.date(2019, 1, 8)) == "2019-01-08"
    assert filters.day(None) is None


def test_a_reversed_span_is_refused():
    assert filters.days("2019-01-01", "2019-01-01") == ("2019-01-01", "2019-01-01")
    with pytest.raises(FilterError, match="after"):
        filters.days("2019-01-02", "2019-01-01")


@pytest.mark.parametrize("value", ["2019-01-01", "", "/", "a/b", "2019-01-01/", "/2019-01-01",
                                   "2019-01-02/2019-01-01", "2019-01-01/2019-02-30", "2019-01-01/2019-01-31/2019-02-01",
                                   "2019-01-01..2019-01-31"])
def test_malformed_windows_are_refused_not_taken_as_open(value):
    with pytest.raises(FilterError):
        filters.window(value)


def test_a_window_gives_both_ends():
    assert filters.window("2018-01-09/2019-01-08") == ("2018-01-09", "2019-01-08")
    assert filters.window(None) == (None, None)
    with pytest.raises(FilterError, match="not both"):
        filters.occurrences(window="2018-01-09/2019-01-08", since="2018-01-01")


@pytest.mark.parametrize("value", [-1, 0, 2**63, "-1", "0", "9223372036854775808", "1.5", "abc", "", True,
                                   filters.MAX_LIMIT + 1])
def test_limits_out_of_bounds_are_refused(value):
    with pytest.raises(FilterError):
        filters.limit(value)


def test_limits_in_bounds():
    assert filters.limit(None) == filters.DEFAULT_LIMIT
    assert filters.limit("25") == 25 and filters.limit(1) == 1 and filters.limit(filters.MAX_LIMIT)


@pytest.mark.parametrize("value", ["nan", "-1", "2", "inf", "abc", float("nan")])
def test_fractions_outside_0_1_are_refused(value):
    with pytest.raises(FilterError):
        filters.fraction(value)


@pytest.mark.parametrize("value", ["", "  ", "\x00", "a\x1b[31mb", "a\nb", "x" * (filters.MAX_TEXT + 1)])
def test_text_filters_refuse_what_no_name_holds(value):
    with pytest.raises(FilterError):
        filters.text(value, "actor")


def test_text_filters_keep_wildcard_characters_as_typed():
    for v in ("%", "_", "a b", "' OR 1=1 --", "[/]", "Kim Jong Un"):
        assert filters.text(v, "actor") == v


def test_choices_and_codes():
    assert filters.event_type("consult") == "CONSULT"
    assert filters.event_status("Occurred") == "occurred"
    assert filters.cameo("04") == "04"
    for bad in (lambda: filters.event_type("[/]"), lambda: filters.event_status("done"),
                lambda: filters.cameo("%"), lambda: filters.choice("loud", filters.QUOTE_KINDS, "kind")):
        with pytest.raises(FilterError):
            bad()


def test_listing_filters_match_the_read_models_signatures():
    import inspect

    from dateline import query

    for name in ("articles", "entities", "places", "dates", "events", "quotes", "errors", "occurrences"):
        checked = getattr(filters, name)()
        params = set(inspect.signature(getattr(query, name)).parameters) - {"store"}
        assert set(checked) <= params, name
