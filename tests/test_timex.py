import datetime as dt

import pytest

from dateline.model.timex import compatible, interval

D = dt.date


@pytest.mark.parametrize("value, expected", [
    ("2019-01-08", (D(2019, 1, 8), D(2019, 1, 8))),
    ("2019-W01", (D(2018, 12, 31), D(2019, 1, 6))),
    ("2018-06", (D(2018, 6, 1), D(2018, 6, 30))),
    ("2018", (D(2018, 1, 1), D(2018, 12, 31))),
    ("2018-Q4", (D(2018, 10, 1), D(2018, 12, 31))),
    ("2019-01-07/2019-01-10", (D(2019, 1, 7), D(2019, 1, 10))),
    ("2019-01-07TNI", (D(2019, 1, 7), D(2019, 1, 7))),
    ("2019-02-30", None),
    ("XXXX-WXX-2", None),
    ("", None),
    ("2019-01-10/2019-01-07", None),
])
def test_interval(value, expected):
    assert interval(value) == expected


def test_compatible_accepts_containment_but_not_a_much_coarser_value():
    assert compatible(interval("2019-01-07/2019-01-10"), interval("2019-01-08"))
    assert compatible(interval("2019-01-07TNI"), interval("2019-01-07"))
    assert not compatible(interval("2019"), interval("2019-01-08"))
    assert not compatible(interval("2019-01-09"), interval("2019-01-08"))
    assert not compatible(None, interval("2019-01-08"))
